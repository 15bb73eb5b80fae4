/** Distributions (src/engine/uncertainty/distributions.ts): normal (Marsaglia polar), triangular and uniform (inverse CDF). */
import fc from "fast-check";
import {
  checkDist,
  draw,
  fromVariate,
  parseDistKind,
  seeded,
  standardNormal,
  triangularQuantile,
  uniformQuantile,
  type DistSpec,
  type Prng,
} from "../../src/engine";
import { value } from "../helpers/result";

const N = 100_000;
function moments(d: DistSpec, rng: Prng, n = N) {
  let s = 0;
  let s2 = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = draw(d, rng);
    s += x;
    s2 += x * x;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean, lo, hi };
}

describe("argument validation", () => {
  it("reports a negative sd with must_be_nonnegative at [..., sd]", () => {
    expect(checkDist({ kind: "normal", mean: 0.02, sd: -0.01 }, ["drivers", 3]).map((i) => [i.code, i.path])).toEqual([
      ["must_be_nonnegative", ["drivers", 3, "sd"]],
    ]);
  });
  it("reports min > max and a mode outside [min, max] with dist_bounds", () => {
    expect(checkDist({ kind: "uniform", min: 0.3, max: 0.1 }).map((i) => i.code)).toEqual(["dist_bounds"]);
    expect(checkDist({ kind: "triangular", min: 0.1, mode: 0.5, max: 0.3 }).map((i) => i.code)).toEqual(["dist_bounds"]);
  });
  it("reports every non-finite parameter at once", () => {
    expect(checkDist({ kind: "triangular", min: NaN, mode: Infinity, max: 1 }, ["x"]).map((i) => i.path)).toEqual([
      ["x", "min"],
      ["x", "mode"],
    ]);
  });
  it("accepts valid parameters, zero spread included", () => {
    expect(checkDist({ kind: "normal", mean: 0, sd: 0 })).toEqual([]);
    expect(checkDist({ kind: "triangular", min: 0.2, mode: 0.2, max: 0.2 })).toEqual([]);
  });
  it("reads English and Chinese names, any case and spacing, and nothing else", () => {
    expect(["Normal", " 正态 ", "TRIANGULAR", "三角", "uniform", "均匀分布"].map(parseDistKind)).toEqual([
      "normal",
      "normal",
      "triangular",
      "triangular",
      "uniform",
      "uniform",
    ]);
    expect([undefined, 3, "lognormal", ""].map(parseDistKind)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("edge cases", () => {
  it("zero spread returns the value exactly", () => {
    const rng = value(seeded(1));
    expect(draw({ kind: "normal", mean: 0.0123, sd: 0 }, rng)).toBe(0.0123);
    expect(draw({ kind: "triangular", min: 0.28, mode: 0.28, max: 0.28 }, rng)).toBe(0.28);
    expect(draw({ kind: "uniform", min: 0.33, max: 0.33 }, rng)).toBe(0.33);
  });
  it("a triangular with the mode at a bound is a right or left triangle", () => {
    expect(triangularQuantile(0, 0, 0, 1)).toBe(0);
    expect(triangularQuantile(1, 0, 0, 1)).toBe(1);
    expect(triangularQuantile(0, 0, 1, 1)).toBe(0);
    expect(triangularQuantile(0.25, 0, 1, 1)).toBe(0.5);
  });
});

describe("invariants", () => {
  it("quantiles at the extreme variates (0 and 1 − 2⁻⁵³) stay within [min, max] despite rounding", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, f) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const mode = Math.min(max, min + f * (max - min));
          for (const u of [0, 1 - 2 ** -53]) {
            const t = triangularQuantile(u, min, mode, max);
            const x = uniformQuantile(u, min, max);
            expect(t >= min && t <= max && x >= min && x <= max).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("triangular and uniform draws stay within [min, max]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, a, f, w) => {
          const min = a;
          const max = a + w;
          const mode = min + f * w;
          const rng = value(seeded(seed));
          for (let i = 0; i < 50; i++) {
            const t = draw({ kind: "triangular", min, mode, max }, rng);
            const u = draw({ kind: "uniform", min, max }, rng);
            expect(t >= min && t <= max).toBe(true);
            expect(u >= min && u <= max).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it("quantiles are monotone in u", () => {
    let prevT = -Infinity;
    let prevU = -Infinity;
    for (let u = 0; u <= 1; u += 1 / 64) {
      const t = triangularQuantile(u, 0.1, 0.2, 0.4);
      const x = uniformQuantile(u, 0.1, 0.4);
      expect(t).toBeGreaterThanOrEqual(prevT);
      expect(x).toBeGreaterThanOrEqual(prevU);
      prevT = t;
      prevU = x;
    }
  });
  it("a normal variate maps to mean + sd·z", () => {
    expect(fromVariate({ kind: "normal", mean: 0.02, sd: 0.01 }, 1.5)).toBeCloseTo(0.035, 15);
  });
});

describe("reference values", () => {
  // Tolerances: 5 standard errors of the mean, and 2% of the variance, for 100,000 draws.
  it("the standard normal has mean 0 and variance 1", () => {
    const rng = value(seeded(2030));
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const z = standardNormal(rng);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.02);
  });
  it("normal(0.02, 0.005) has mean 0.02 and variance 0.005²", () => {
    const m = moments({ kind: "normal", mean: 0.02, sd: 0.005 }, value(seeded(1)));
    expect(Math.abs(m.mean - 0.02)).toBeLessThan((5 * 0.005) / Math.sqrt(N));
    expect(Math.abs(m.variance / 0.005 ** 2 - 1)).toBeLessThan(0.02);
  });
  it("triangular(0.1, 0.2, 0.4) has mean (a + b + c)/3 and variance (a² + b² + c² − ab − ac − bc)/18", () => {
    const [a, c, b] = [0.1, 0.2, 0.4];
    const mean = (a + b + c) / 3;
    const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    const m = moments({ kind: "triangular", min: a, mode: c, max: b }, value(seeded(2)));
    expect(Math.abs(m.mean - mean)).toBeLessThan((5 * Math.sqrt(variance)) / Math.sqrt(N));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.02);
    expect(m.lo).toBeGreaterThanOrEqual(a);
    expect(m.hi).toBeLessThanOrEqual(b);
  });
  it("uniform(0.1, 0.4) has mean 0.25 and variance 0.3²/12", () => {
    const variance = 0.09 / 12;
    const m = moments({ kind: "uniform", min: 0.1, max: 0.4 }, value(seeded(3)));
    expect(Math.abs(m.mean - 0.25)).toBeLessThan((5 * Math.sqrt(variance)) / Math.sqrt(N));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.02);
    expect(m.lo).toBeGreaterThanOrEqual(0.1);
    expect(m.hi).toBeLessThan(0.4);
  });
  it("the triangular median of (0, ½, 1) is ½ and its quartile is √(1/8)", () => {
    expect(triangularQuantile(0.5, 0, 0.5, 1)).toBe(0.5);
    expect(triangularQuantile(0.25, 0, 0.5, 1)).toBeCloseTo(Math.sqrt(1 / 8), 15);
  });
});
