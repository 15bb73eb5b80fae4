/**
 * The Kaya identity (Kaya 1990; IPCC AR5 WGIII ch. 5): emissions as a product of four factors,
 *
 *   C = P × (G / P) × (E / G) × (C / E)
 *     = population × GDP per capita × energy intensity × carbon intensity,
 *
 * which makes any set of cities (or years of one city) a factor matrix for {@link lmdi}: one row per
 * city, the four factors as columns, and V_i = C_i. Units follow the inputs: with persons, 万元,
 * tce and tCO2 the factors are 万元/person, tce/万元 and tCO2/tce.
 */
import { fail, issue, ok, type Issue, type Path, type Result, pushAll } from "../issues";
import { lmdi, type LmdiMode, type LmdiResult } from "./lmdi";

/** One subcategory's (city's, year's) Kaya quantities. */
export interface KayaInput {
  /** Population P (persons, or 万人): > 0. */
  readonly population: number;
  /** GDP G (any currency unit): > 0. */
  readonly gdp: number;
  /** Energy use E (tce, GJ …): > 0. */
  readonly energy: number;
  /** CO2 emissions C (tCO2 …): ≥ 0. */
  readonly co2: number;
}

/** The four Kaya factors, in the column order used by {@link kayaMatrix}. */
export const KAYA_FACTORS = ["population", "gdp_per_capita", "energy_intensity", "carbon_intensity"] as const;

/** A subcategory's Kaya factors and the identity check. */
export interface KayaFactors {
  readonly population: number;
  readonly gdpPerCapita: number;
  readonly energyIntensity: number;
  readonly carbonIntensity: number;
  /** [P, G/P, E/G, C/E] — the order of {@link KAYA_FACTORS}. */
  readonly factors: readonly [number, number, number, number];
  /** P·(G/P)·(E/G)·(C/E), equal to C up to rounding. */
  readonly product: number;
  /** |product − C| / C (0 when C = 0): the identity holds when this is ~1e-16. */
  readonly residual: number;
}

/**
 * Issues of one Kaya input at `[...path, field]`: `not_finite`; `kaya_not_positive` for a
 * population, GDP or energy ≤ 0 (each divides another term); `negative_value` for emissions < 0.
 */
export function checkKaya(input: KayaInput, path: Path = []): Issue[] {
  const issues: Issue[] = [];
  for (const field of ["population", "gdp", "energy"] as const) {
    const x = input[field];
    if (!Number.isFinite(x)) issues.push(issue("not_finite", [...path, field], { value: x }));
    else if (x <= 0) issues.push(issue("kaya_not_positive", [...path, field], { value: x }));
  }
  if (!Number.isFinite(input.co2)) issues.push(issue("not_finite", [...path, "co2"], { value: input.co2 }));
  else if (input.co2 < 0) issues.push(issue("negative_value", [...path, "co2"], { value: input.co2 }));
  return issues;
}

/**
 * Kaya factors of one subcategory, with the identity check.
 * @example kaya({ population: 1e7, gdp: 1.4e12, energy: 4e7, co2: 1e8 }).value.factors
 *   // [1e7, 140000, 2.857…e-5, 2.5]
 */
export function kaya(input: KayaInput, path: Path = []): Result<KayaFactors> {
  const bad = checkKaya(input, path);
  if (bad.length > 0) return fail(bad);
  const { population, gdp, energy, co2 } = input;
  const factors = [population, gdp / population, energy / gdp, co2 / energy] as const;
  const product = factors[0] * factors[1] * factors[2] * factors[3];
  const residual = co2 === 0 ? Math.abs(product) : Math.abs(product - co2) / co2;
  return ok({
    population,
    gdpPerCapita: factors[1],
    energyIntensity: factors[2],
    carbonIntensity: factors[3],
    factors,
    product,
    residual,
  });
}

/**
 * A factor matrix for {@link lmdi}: one row [P, G/P, E/G, C/E] per subcategory. Issues of every row
 * at once, at `[row, field]`.
 * @example kayaMatrix([{ population: 2, gdp: 10, energy: 5, co2: 10 }]) // ok([[2, 5, 0.5, 2]])
 */
export function kayaMatrix(inputs: readonly KayaInput[]): Result<number[][]> {
  if (inputs.length === 0) return fail([issue("empty", [])]);
  const issues: Issue[] = [];
  const rows: number[][] = [];
  inputs.forEach((input, i) => {
    const k = kaya(input, [i]);
    if (k.ok) rows.push([...k.value.factors]);
    else pushAll(issues, k.issues);
  });
  return issues.length > 0 ? fail(issues) : ok(rows);
}

// --- decomposition of a change between two years (CARBON.KAYA; the scenario engine's Kaya factors) ---

/** The quantities in chain order: factor k > 0 is quantity k divided by quantity k − 1. */
const CHAIN = ["population", "gdp", "energy", "co2"] as const;

/**
 * Issues of one input of a decomposition, where zeros are allowed (they take LMDI's analytical
 * limits): `not_finite`; `must_be_nonnegative` (population, GDP, energy) or `negative_value` (co2)
 * for a negative; `kaya_zero_divisor` at the numerator when a quantity is > 0 but the one it is
 * divided by is 0 — GDP with no population, energy with no GDP, CO2 with no energy — because that
 * factor would be infinite. Issues carry `year` (the caller's label for the input's year).
 * @example checkKayaLimits({ population: 2, gdp: 10, energy: 0, co2: 3 }, ["from", 0], 2015)
 *   // [{ code: "kaya_zero_divisor", path: ["from", 0, "co2"], value: 3, divisor: "energy", factor: "carbon_intensity", year: 2015 }]
 */
export function checkKayaLimits(input: KayaInput, path: Path = [], year: string | number = ""): Issue[] {
  const issues: Issue[] = [];
  for (const field of CHAIN) {
    const x = input[field];
    if (!Number.isFinite(x)) issues.push(issue("not_finite", [...path, field], { value: x }));
    else if (x < 0) issues.push(issue(field === "co2" ? "negative_value" : "must_be_nonnegative", [...path, field], { value: x }));
  }
  if (issues.length > 0) return issues;
  for (let k = 1; k < CHAIN.length; k++) {
    const x = input[CHAIN[k]];
    if (x > 0 && input[CHAIN[k - 1]] === 0) {
      issues.push(issue("kaya_zero_divisor", [...path, CHAIN[k]], { value: x, divisor: CHAIN[k - 1], factor: KAYA_FACTORS[k], year }));
    }
  }
  return issues;
}

/** [P, G/P, E/G, C/E] of a checked input, NaN for a 0/0 factor (its divisor and everything after it are 0). */
function chainFactors(input: KayaInput): number[] {
  const { population: p, gdp: g, energy: e, co2: c } = input;
  return [p, p > 0 ? g / p : NaN, g > 0 ? e / g : NaN, e > 0 ? c / e : NaN];
}

/**
 * The LMDI factor rows of one subcategory in both years. A 0/0 factor — the part of the chain after
 * a quantity that is 0, e.g. the carbon intensity C/E of a year with E = 0 and C = 0 — takes the
 * other year's value (1 if that is 0/0 too). This is the analytical limit: the subcategory is 0 in
 * that year through the first zero factor, and as V_i → 0 along any path on which the 0/0 factor
 * stays finite and positive, its term L(V_iᵀ, V_i⁰)·ln(xᵀ/x⁰) → 0 whatever value it tends to
 * (docs/decomposition.md §3, §5) — so the zero factor takes the whole change, as for any zero.
 * @example kayaFactorPair({ population: 2, gdp: 10, energy: 0, co2: 0 }, { population: 2, gdp: 10, energy: 5, co2: 10 })
 *   // { x0: [2, 5, 0, 2], x1: [2, 5, 0.5, 2] }
 */
export function kayaFactorPair(from: KayaInput, to: KayaInput): { x0: number[]; x1: number[] } {
  const a = chainFactors(from);
  const b = chainFactors(to);
  const fill = (x: number[], other: number[]) => x.map((v, k) => (Number.isNaN(v) ? (Number.isNaN(other[k]) ? 1 : other[k]) : v));
  return { x0: fill(a, b), x1: fill(b, a) };
}

/** Labels of the two years in issues' `year` parameters (e.g. 2015 and 2020). */
export interface KayaYears {
  readonly from: string | number;
  readonly to: string | number;
}

/**
 * LMDI-I decomposition (Ang 2005) of the change in emissions C = Σ_i P_i·(G_i/P_i)·(E_i/G_i)·(C_i/E_i)
 * between two years into the four Kaya effects, in the order of {@link KAYA_FACTORS}: population,
 * GDP per capita, energy intensity, carbon intensity. Subcategories i are cities (or any regions
 * whose emissions add up); one input gives the Kaya decomposition of that region.
 *
 * Additive effects (in the unit of C) sum to Cᵀ − C⁰; multiplicative indices multiply to Cᵀ / C⁰
 * (for a single region they are exactly the ratios of the factors). Zeros use the analytical limits
 * ({@link kayaFactorPair}, then {@link lmdi}'s cases); each input has at most one zero factor per
 * year, so the equal split `lmdi_zero_split` never arises. Only ratios between the years enter, so
 * any units work as long as each quantity keeps its unit (GDP at constant prices).
 *
 * Issues: `empty`, `length_mismatch` (at `["to"]`), every input's {@link checkKayaLimits} at
 * `["from" | "to", i, field]`, `lmdi_zero_total` at `["from" | "to"]` (multiplicative with
 * C = 0 in that year), `not_finite_result`.
 *
 * @param from each subcategory's quantities in the first year
 * @param to the same subcategories in the second year
 * @param mode "additive" (default) or "multiplicative"
 * @param years labels of the two years for the issues' `year`
 * @example kayaDecomposition([{ population: 2, gdp: 10, energy: 5, co2: 10 }], [{ population: 2, gdp: 20, energy: 5, co2: 10 }], "multiplicative").value.effects
 *   // [1, 2, 0.5, 1]: GDP per capita doubled, energy intensity halved
 */
export function kayaDecomposition(
  from: readonly KayaInput[],
  to: readonly KayaInput[],
  mode: LmdiMode = "additive",
  years: KayaYears = { from: "from", to: "to" },
): Result<LmdiResult> {
  if (from.length === 0) return fail([issue("empty", ["from"])]);
  if (to.length !== from.length) return fail([issue("length_mismatch", ["to"], { actual: to.length, expected: from.length, other: "from" })]);
  const issues: Issue[] = [];
  from.forEach((x, i) => pushAll(issues, checkKayaLimits(x, ["from", i], years.from)));
  to.forEach((x, i) => pushAll(issues, checkKayaLimits(x, ["to", i], years.to)));
  if (issues.length > 0) return fail(issues);
  const v0: number[][] = [];
  const v1: number[][] = [];
  for (let i = 0; i < from.length; i++) {
    const { x0, x1 } = kayaFactorPair(from[i], to[i]);
    v0.push(x0);
    v1.push(x1);
  }
  const r = lmdi(v0, v1, mode);
  if (r.ok) return r;
  // lmdi names its two matrices v0 / v1; here they are the two years.
  return fail(
    r.issues.map((x) => {
      if (x.code !== "lmdi_zero_total") return x;
      const which = x.path[0] === "v0" ? "from" : "to";
      return issue("lmdi_zero_total", [which], { year: years[which] });
    }),
  );
}
