/**
 * LMDI-I decomposition, additive and multiplicative (Ang 2005, "The LMDI approach to decomposition
 * analysis: a practical guide", Energy Policy 33: 867–871, eqs. 4–5).
 *
 * An aggregate V = Σ_i V_i = Σ_i Π_k x_{k,i} (subcategories i, factors k) moves from V⁰ to Vᵀ.
 *
 *   additive:        ΔV_k = Σ_i L(V_iᵀ, V_i⁰) · ln(x_{k,i}ᵀ / x_{k,i}⁰),      Σ_k ΔV_k = Vᵀ − V⁰
 *   multiplicative:  D_k  = exp(Σ_i [L(V_iᵀ, V_i⁰) / L(Vᵀ, V⁰)] · ln(x_{k,i}ᵀ / x_{k,i}⁰)),  Π_k D_k = Vᵀ / V⁰
 *
 * so D_k = exp(ΔV_k / L(Vᵀ, V⁰)) (Ang 2005, the link between the two forms).
 *
 * Zero values use the analytical limits (Ang et al. 1998; Ang & Liu 2007, "Handling zero values in
 * the logarithmic mean Divisia index decomposition approach", Energy Policy 35: 238–246; Wood &
 * Lenzen 2006) — never a small δ substituted for 0. Per subcategory i:
 *
 * 1. V_i⁰ = V_iᵀ = 0 (a zero factor in both years, possibly different factors): every term is 0
 *    (L(V_iᵀ, V_i⁰) → 0 faster than any ln term grows).
 * 2. V_i⁰ = 0 < V_iᵀ (the subcategory appears; factor k has x_{k,i}⁰ = 0): the zero factor takes
 *    the whole change, ΔV_{k,i} = V_iᵀ, every other factor 0. (With x⁰ = δ: L(Vᵀ, cδ)·ln(xᵀ/δ) →
 *    Vᵀ, while L(Vᵀ, cδ)·ln(xᵀ/x⁰) → 0 for the factors that stay positive.)
 * 3. V_i⁰ > 0 = V_iᵀ (the subcategory vanishes; x_{k,i}ᵀ = 0): ΔV_{k,i} = −V_i⁰, others 0.
 * 4. Several factors zero in the same year: the limit depends on how fast each goes to zero and is
 *    not unique; we take the symmetric one (all at the same rate), which splits V_iᵀ (or −V_i⁰)
 *    equally among them, and report the warning `lmdi_zero_split`.
 *
 * Each subcategory's terms therefore sum to V_iᵀ − V_i⁰ in every case, so the additive identity
 * holds exactly in exact arithmetic. The multiplicative form needs V⁰ > 0 and Vᵀ > 0 (the index
 * Vᵀ / V⁰ is undefined otherwise: `lmdi_zero_total`); its zero cases follow from the same limits.
 */
import { fail, issue, ok, type Issue, type Result } from "../issues";
import { checkFactorMatrix, matrixShape, type FactorMatrix } from "./factor-matrix";
import { logMean, logRatio } from "./log-mean";

/** Additive effects (in the unit of V) or multiplicative indices (dimensionless). */
export type LmdiMode = "additive" | "multiplicative";

/** An LMDI-I decomposition of V⁰ → Vᵀ. */
export interface LmdiResult {
  readonly mode: LmdiMode;
  /** One per factor (column): ΔV_k (additive) or D_k (multiplicative). */
  readonly effects: readonly number[];
  /** ΔV_tot = Vᵀ − V⁰ (additive) or D_tot = Vᵀ / V⁰ (multiplicative). */
  readonly total: number;
  /** V⁰ = Σ_i Π_k x_{k,i}⁰. */
  readonly aggregate0: number;
  /** Vᵀ = Σ_i Π_k x_{k,i}ᵀ. */
  readonly aggregate1: number;
  /** Additive terms ΔV_{k,i}, subcategories × factors; row i sums to V_iᵀ − V_i⁰ (both modes). */
  readonly contributions: readonly (readonly number[])[];
}

function product(xs: readonly number[]): number {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
}

function zerosOf(xs: readonly number[]): number[] {
  const z: number[] = [];
  xs.forEach((x, k) => {
    if (x === 0) z.push(k);
  });
  return z;
}

/** One subcategory's additive terms, and the factors that shared a zero limit (case 4), if any. */
export interface SubcategoryTerms {
  readonly terms: number[];
  /** Zero-based factors that split the limit equally (more than one zero factor in one year). */
  readonly split?: { readonly year: "v0" | "v1"; readonly factors: readonly number[] };
}

/**
 * Additive LMDI-I terms of one subcategory, ΔV_{k,i} for every factor k, with the analytical
 * limits for zeros (cases 1–4 above). Inputs are trusted: same length, finite, ≥ 0.
 * @param x0 the subcategory's factors in the base year
 * @param x1 the same factors in the final year
 * @returns terms summing to Π x1 − Π x0
 * @example subcategoryTerms([1, 100], [2, 50]).terms // [69.31…, −69.31…] (L(100, 100) = 100; ±100·ln 2)
 * @example subcategoryTerms([0, 5], [2, 5]).terms // [10, 0] (the subcategory appears: all to factor 1)
 */
export function subcategoryTerms(x0: readonly number[], x1: readonly number[]): SubcategoryTerms {
  const terms = new Array<number>(x0.length).fill(0);
  const z0 = zerosOf(x0);
  const z1 = zerosOf(x1);
  if (z0.length > 0 && z1.length > 0) return { terms };
  if (z0.length > 0 || z1.length > 0) {
    const [zeros, change, year] = z0.length > 0 ? [z0, product(x1), "v0" as const] : [z1, -product(x0), "v1" as const];
    for (const k of zeros) terms[k] = change / zeros.length;
    return zeros.length > 1 ? { terms, split: { year, factors: zeros } } : { terms };
  }
  const w = logMean(product(x1), product(x0));
  for (let k = 0; k < x0.length; k++) terms[k] = w * logRatio(x1[k], x0[k]);
  return { terms };
}

/**
 * Checks the two factor matrices of a decomposition: each as {@link checkFactorMatrix}, and the
 * same shape (`shape_mismatch` at `["v1"]`).
 */
function checkLmdiInputs(v0: FactorMatrix, v1: FactorMatrix): Issue[] {
  const issues = [...checkFactorMatrix(v0, "v0"), ...checkFactorMatrix(v1, "v1")];
  const a = matrixShape(v0);
  const b = matrixShape(v1);
  if (a.rows > 0 && a.columns > 0 && b.rows > 0 && b.columns > 0 && (a.rows !== b.rows || a.columns !== b.columns)) {
    issues.push(issue("shape_mismatch", ["v1"], { rows: b.rows, columns: b.columns, other: "v0", expectedRows: a.rows, expectedColumns: a.columns }));
  }
  return issues;
}

/**
 * LMDI-I decomposition of the change in V = Σ_i Π_k x_{k,i} between two years, one effect per
 * factor. Units: additive effects are in the unit of V (e.g. tCO2 when the factors multiply to
 * tCO2); multiplicative indices are dimensionless.
 *
 * Issues: `empty`, `ragged_matrix`, `not_finite`, `negative_factor` (at `[v0|v1, row, column]`),
 * `shape_mismatch`, `lmdi_zero_total` (multiplicative with V⁰ = 0 or Vᵀ = 0), `not_finite_result`
 * (overflow). Warning: `lmdi_zero_split` (several zero factors in one subcategory and year).
 *
 * @param v0 base-year factors, subcategories × factors
 * @param v1 final-year factors, same shape
 * @param mode "additive" (default) or "multiplicative"
 * @example lmdi([[1, 100]], [[2, 50]]).value.effects // [69.3147…, −69.3147…] (V stays 100)
 * @example lmdi([[1, 100]], [[2, 50]], "multiplicative").value.effects // [2, 0.5]
 */
export function lmdi(v0: FactorMatrix, v1: FactorMatrix, mode: LmdiMode = "additive"): Result<LmdiResult> {
  const bad = checkLmdiInputs(v0, v1);
  if (bad.length > 0) return fail(bad);
  const factors = v0[0].length;
  const effects = new Array<number>(factors).fill(0);
  const contributions: number[][] = [];
  const warnings: Issue[] = [];
  let aggregate0 = 0;
  let aggregate1 = 0;
  for (let i = 0; i < v0.length; i++) {
    const { terms, split } = subcategoryTerms(v0[i], v1[i]);
    contributions.push(terms);
    for (let k = 0; k < factors; k++) effects[k] += terms[k];
    aggregate0 += product(v0[i]);
    aggregate1 += product(v1[i]);
    if (split) {
      warnings.push(issue("lmdi_zero_split", [split.year], { row: i + 1, factors: split.factors.map((k) => k + 1).join(", ") }));
    }
  }
  let total = aggregate1 - aggregate0;
  if (mode === "multiplicative") {
    const zeroTotals: Issue[] = [];
    if (aggregate0 === 0) zeroTotals.push(issue("lmdi_zero_total", ["v0"], { year: "v0" }));
    if (aggregate1 === 0) zeroTotals.push(issue("lmdi_zero_total", ["v1"], { year: "v1" }));
    if (zeroTotals.length > 0) return fail(zeroTotals);
    const w = logMean(aggregate1, aggregate0);
    for (let k = 0; k < factors; k++) effects[k] = Math.exp(effects[k] / w);
    total = aggregate1 / aggregate0;
  }
  if (!effects.every(Number.isFinite) || !Number.isFinite(total)) return fail([issue("not_finite_result", [])]);
  return ok({ mode, effects, total, aggregate0, aggregate1, contributions }, warnings);
}

const MODES: Readonly<Record<string, LmdiMode>> = {
  additive: "additive",
  加法: "additive",
  multiplicative: "multiplicative",
  乘法: "multiplicative",
};

/**
 * Reads a decomposition mode: "additive" | "multiplicative" (any case, trimmed) or the Chinese
 * 加法 | 乘法; blank or omitted means additive. Issue: `lmdi_mode` at `[name]`.
 * @example parseLmdiMode("Multiplicative") // ok("multiplicative")
 * @example parseLmdiMode(null) // ok("additive")
 */
export function parseLmdiMode(value: unknown, name = "mode"): Result<LmdiMode> {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return ok("additive");
  const key = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const mode = key !== undefined && Object.prototype.hasOwnProperty.call(MODES, key) ? MODES[key] : undefined;
  return mode ? ok(mode) : fail([issue("lmdi_mode", [name], { value: typeof value === "string" ? value : String(value) })]);
}
