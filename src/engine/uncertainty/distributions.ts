/**
 * Probability distributions of uncertain inputs (driver growth rates, lever strengths):
 *
 * - `normal` (正态): mean = the row's value, standard deviation `sd` ≥ 0. Drawn with Marsaglia's polar
 *   method (Marsaglia & Bray 1964): two uniforms u, v in (−1, 1) with s = u² + v² in (0, 1) give
 *   z = u·√(−2 ln s / s); the second variate of the pair is discarded so that every draw consumes
 *   its own uniforms. No trigonometric functions (fewer platform-dependent library calls than Box–Muller).
 * - `triangular` (三角): `min` ≤ mode ≤ `max`, mode = the row's value, drawn by the inverse CDF:
 *   with F = (mode − min)/(max − min), x = min + √(u·(max − min)·(mode − min)) for u < F, else
 *   x = max − √((1 − u)·(max − min)·(max − mode)).
 * - `uniform` (均匀): x = min + (max − min)·u.
 *
 * Zero spread (sd = 0, or min = max) returns the row's value exactly. Draws are "variate first":
 * {@link drawVariate} gives z ~ N(0, 1) (normal) or u ~ U[0, 1) (the others) and {@link fromVariate}
 * maps it onto a parameter set — so one variate can move several milestones of one lever together.
 */
import { issue, type Issue, type Path } from "../issues";
import type { DistKind } from "../input/dist-kinds";
import type { Prng } from "./prng";

/** A distribution with its parameters (same unit as the value it perturbs). */
export type DistSpec =
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number }
  | { readonly kind: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number };

/**
 * Checks a distribution's parameters: finite numbers, sd ≥ 0, min ≤ mode ≤ max (triangular),
 * min ≤ max (uniform). Issue paths are `path` + the parameter name; all issues at once.
 * @example checkDist({ kind: "uniform", min: 0.3, max: 0.1 }, ["levers", 2]) // [issue dist_bounds at ["levers", 2, "max"]]
 */
export function checkDist(d: DistSpec, path: Path = []): Issue[] {
  const out: Issue[] = [];
  const finite = (name: string, x: number) => {
    if (!Number.isFinite(x)) out.push(issue("not_finite", [...path, name], { value: String(x) }));
    return Number.isFinite(x);
  };
  if (d.kind === "normal") {
    const okMean = finite("mean", d.mean);
    if (finite("sd", d.sd) && okMean && d.sd < 0) out.push(issue("must_be_nonnegative", [...path, "sd"], { value: d.sd }));
    return out;
  }
  const mode = d.kind === "triangular" ? d.mode : d.min;
  const okAll = [finite("min", d.min), finite("max", d.max), d.kind === "triangular" ? finite("mode", d.mode) : true].every(Boolean);
  if (okAll && !(d.min <= mode && mode <= d.max && d.min <= d.max)) {
    out.push(issue("dist_bounds", [...path, "max"], { min: d.min, value: d.kind === "triangular" ? d.mode : "", max: d.max }));
  }
  return out;
}

/**
 * A standard normal variate by Marsaglia's polar method (consumes 4 or more outputs of `rng`).
 * @example standardNormal(seeded(1).value) // a number, mean 0 and variance 1 over many draws
 */
export function standardNormal(rng: Prng): number {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * The triangular quantile (inverse CDF) at u ∈ [0, 1]; min when min = max; always within [min, max].
 * @example triangularQuantile(0.5, 0, 0.5, 1) // 0.5
 */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  const w = max - min;
  if (!(w > 0)) return min;
  const x = u * w < mode - min ? min + Math.sqrt(u * w * (mode - min)) : max - Math.sqrt((1 - u) * w * (max - mode));
  return x < min ? min : x > max ? max : x; // rounding may cross a bound by an ulp
}

/**
 * The uniform quantile at u ∈ [0, 1): min + (max − min)·u (min when min = max), never above max
 * (floating-point rounding of min + (max − min) can exceed max by an ulp).
 * @example uniformQuantile(0.25, 0, 0.4) // 0.1
 */
export function uniformQuantile(u: number, min: number, max: number): number {
  const x = min + (max - min) * u;
  return x > max ? max : x; // min + (max − min) may round above max
}

/**
 * One variate for a kind: z ~ N(0, 1) for normal, u ~ U[0, 1) for triangular and uniform.
 * @example drawVariate("uniform", rng) // in [0, 1)
 */
export function drawVariate(kind: DistKind, rng: Prng): number {
  return kind === "normal" ? standardNormal(rng) : rng.uniform();
}

/**
 * Maps a variate of {@link drawVariate} onto a distribution: mean + sd·z, or the quantile at u.
 * With zero spread the result is exactly the mean (normal), min = mode (triangular) or min (uniform).
 * @example fromVariate({ kind: "normal", mean: 0.02, sd: 0.01 }, 1) // 0.03
 */
export function fromVariate(d: DistSpec, x: number): number {
  switch (d.kind) {
    case "normal":
      return d.sd === 0 ? d.mean : d.mean + d.sd * x;
    case "triangular":
      return triangularQuantile(x, d.min, d.mode, d.max);
    case "uniform":
      return d.min === d.max ? d.min : uniformQuantile(x, d.min, d.max);
  }
}

/**
 * One draw from a distribution (its parameters are trusted: check them with {@link checkDist}).
 * @example draw({ kind: "triangular", min: 0.1, mode: 0.2, max: 0.4 }, rng) // in [0.1, 0.4]
 */
export function draw(d: DistSpec, rng: Prng): number {
  return fromVariate(d, drawVariate(d.kind, rng));
}

/**
 * The distribution of a parsed (valid) row around `value`, or undefined when the row is certain.
 * @example rowDist({ dist: "normal", sd: 0.005 }, 0.02) // { kind: "normal", mean: 0.02, sd: 0.005 }
 */
export function rowDist(
  row: { readonly dist?: DistKind; readonly sd?: number; readonly min?: number; readonly max?: number },
  value: number,
): DistSpec | undefined {
  switch (row.dist) {
    case undefined:
      return undefined;
    case "normal":
      return { kind: "normal", mean: value, sd: row.sd ?? 0 };
    case "triangular":
      return { kind: "triangular", min: row.min ?? value, mode: value, max: row.max ?? value };
    case "uniform":
      return { kind: "uniform", min: row.min ?? value, max: row.max ?? value };
  }
}
