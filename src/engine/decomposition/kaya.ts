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
import { fail, issue, ok, type Issue, type Path, type Result } from "../issues";

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
    else issues.push(...k.issues);
  });
  return issues.length > 0 ? fail(issues) : ok(rows);
}
