/**
 * The decomposition output of a run (docs/decomposition.md §6): for every scenario, every city and the
 * cluster, the change in emissions from the last historical year H (the base year of previous versions)
 * to the target year split by LMDI-I (additive, the engine's `lmdi`).
 *
 * **With Kaya drivers** (docs/model.md §11), over the subcategories (c, s) into the true Kaya factors
 * and the levers:
 *
 *   E_scn(c, s) = [E_H(c, s)·P] × (G/P) × (A_s/G) × ε_s × κ_s × (E_scn/E_base)
 *                 population   GDP per capita  structure  energy intensity  carbon intensity  levers
 *
 * with the Drivers' indices (1 in H, `kaya-paths.ts`): population P, GDP G, the sector's activity A_s
 * (GDP × value-added share, or its driving activity), carbon intensity κ_s, and the energy intensity
 * ε_s = E_base / (E_H·A_s·κ_s) — the energy-intensity index where the drivers set the emissions, and
 * what emission growth rows imply where they do. E_H(c, s) is constant, so it contributes nothing.
 *
 * **Without** (emission growth rows only), into three factors over the sectors s:
 *
 *   E_scn(s) = B_total × (B_s / B_total) × (E_scn(s) / B_s)
 *              activity   structure          levers
 *
 * with B the baseline scenario's emissions. Zeros: a sector with B_s = 0 has E_scn(s) = 0 too (a
 * scenario never exceeds its baseline, docs/model.md §7), so its lever factor is taken as 1 and the
 * sector is 0 through its structure factor alone; a region with B_total = 0 has structure 1/S so it is 0
 * through the activity factor alone. Every subcategory therefore has at most one zero factor per year
 * and the analytical limits of `lmdi` apply without a split. Pure TypeScript.
 */
import { fail, issue, ok, pushAll, type Issue, type Result } from "../issues";
import { cellIndex } from "../layout";
import type { ScenarioResults } from "../scenario/results";
import { lmdi } from "./lmdi";

/** The Kaya effects of a row (with drivers), tCO2. */
export interface KayaEffects {
  readonly population: number;
  readonly gdpPerCapita: number;
  readonly structure: number;
  readonly energyIntensity: number;
  readonly carbonIntensity: number;
  readonly levers: number;
}

/** One scenario × region decomposition, in tCO2. */
export interface DecompositionRow {
  readonly scenario: string;
  /** City name, or the cluster's name. */
  readonly region: string;
  readonly isCluster: boolean;
  readonly baseYear: number;
  readonly targetYear: number;
  /** Emissions in the base year and the target year. */
  readonly emissions0: number;
  readonly emissions1: number;
  /**
   * Activity (baseline total), structure (baseline sector shares), levers (scenario ÷ baseline) effects;
   * with Kaya drivers activity = population + GDP per capita, structure = the Kaya structure effect.
   */
  readonly activity: number;
  readonly structure: number;
  readonly levers: number;
  /** The Kaya effects, present when the run has Kaya drivers. */
  readonly kaya?: KayaEffects;
  /** emissions1 − emissions0. */
  readonly total: number;
  /** activity + structure + levers − total: 0 up to rounding. */
  readonly residual: number;
}

/** Factor rows (one per sector) of a region in one year: [B_total, B_s / B_total, E_s / B_s]. */
function factorRows(base: readonly number[], scn: readonly number[]): number[][] {
  const S = base.length;
  let total = 0;
  for (const b of base) total += b;
  return base.map((b, s) => [total, total > 0 ? b / total : 1 / S, b > 0 ? scn[s] / b : 1]);
}

/**
 * The activity / structure / levers decomposition (LMDI-I additive) of every scenario, city and the
 * cluster between the base year and the target year; rows scenario-major, each scenario's cities then
 * the cluster (the order of `results.peaks`). Fails with the engine's issues if a decomposition does.
 * For the baseline the levers effect is 0 exactly (its lever factor is 1 in both years).
 * @example scenarioDecomposition(results).value[0] // { scenario: "baseline", region: "长沙", activity: …, structure: …, levers: 0, total: … }
 */
export function scenarioDecomposition(r: ScenarioResults): Result<DecompositionRow[]> {
  const C = r.cities.length;
  const S = r.sectors.length;
  const y0 = r.lastHistoricalYear - r.settings.baseYear;
  const y1 = r.settings.targetYear - r.settings.baseYear;
  // A target year not after H leaves no projected change to split (previous versions' target = base year: all zeros, kept).
  if (y1 < y0 || (y1 === y0 && (r.kaya !== undefined || y0 > 0))) {
    return ok([], [issue("decomposition_target_in_history", ["settings", "targetYear"], { target: r.settings.targetYear, year: r.lastHistoricalYear })]);
  }
  if (r.kaya !== undefined) return kayaDecompositionRows(r, y0, y1);
  const baseline = r.emissions[0];
  const rows: DecompositionRow[] = [];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  /** Sector emissions of a city (c ≥ 0) or of the cluster (c = −1) in year y. */
  const sectors = (e: Float64Array, c: number, y: number): number[] => {
    const out = new Array<number>(S).fill(0);
    for (let cc = c < 0 ? 0 : c; cc < (c < 0 ? C : c + 1); cc++) for (let s = 0; s < S; s++) out[s] += e[cellIndex(r, cc, s, y)];
    return out;
  };
  r.scenarios.forEach((scenario, k) => {
    const e = r.emissions[k];
    for (let c = 0; c <= C; c++) {
      const city = c < C ? c : -1;
      const b0 = sectors(baseline, city, y0);
      const b1 = sectors(baseline, city, y1);
      const e0 = sectors(e, city, y0);
      const e1 = sectors(e, city, y1);
      const d = lmdi(factorRows(b0, e0), factorRows(b1, e1), "additive");
      if (!d.ok) {
        pushAll(issues, d.issues);
        continue;
      }
      pushAll(warnings, d.warnings);
      const [activity, structure, levers] = d.value.effects;
      const emissions0 = e0.reduce((a, x) => a + x, 0);
      const emissions1 = e1.reduce((a, x) => a + x, 0);
      const total = emissions1 - emissions0;
      rows.push({
        scenario,
        region: city < 0 ? r.settings.cluster : r.cities[c],
        isCluster: city < 0,
        baseYear: r.lastHistoricalYear,
        targetYear: r.settings.targetYear,
        emissions0,
        emissions1,
        activity,
        structure,
        levers,
        total,
        residual: activity + structure + levers - total,
      });
    }
  });
  return issues.length > 0 ? fail(issues) : ok(rows, warnings);
}

/**
 * The Kaya decomposition rows (see the file comment): one LMDI per scenario and region over its
 * (city, sector) subcategories. Each factor row multiplies to E_scn(c, s) exactly (up to rounding).
 */
function kayaDecompositionRows(r: ScenarioResults, y0: number, y1: number): Result<DecompositionRow[]> {
  const k = r.kaya!;
  const C = r.cities.length;
  const S = r.sectors.length;
  const Y = r.years.length;
  const baseline = r.emissions[0];
  const rows: DecompositionRow[] = [];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  /** [E_H·P, G/P, A/G, ε, κ, λ] of (c, s) in year index y for scenario emissions e. */
  const factors = (e: Float64Array, c: number, s: number, y: number): number[] => {
    const o = (c * S + s) * Y;
    const eH = baseline[o + y0];
    const p = k.population[c * Y + y];
    const g = k.gdp[c * Y + y];
    const a = k.activity[o + y];
    const kappa = k.carbonIntensity[o + y];
    const b = baseline[o + y];
    const eps = eH > 0 && a > 0 && kappa > 0 ? b / (eH * a * kappa) : 1;
    return [eH * p, p > 0 ? g / p : 1, g > 0 ? a / g : 1, eps, kappa, b > 0 ? e[o + y] / b : 1];
  };
  r.scenarios.forEach((scenario, sc) => {
    const e = r.emissions[sc];
    for (let c = 0; c <= C; c++) {
      const cities = c < C ? [c] : Array.from({ length: C }, (_, i) => i);
      const v0: number[][] = [];
      const v1: number[][] = [];
      let emissions0 = 0;
      let emissions1 = 0;
      for (const cc of cities) {
        for (let s = 0; s < S; s++) {
          v0.push(factors(e, cc, s, y0));
          v1.push(factors(e, cc, s, y1));
          emissions0 += e[(cc * S + s) * Y + y0];
          emissions1 += e[(cc * S + s) * Y + y1];
        }
      }
      const d = lmdi(v0, v1, "additive");
      if (!d.ok) {
        pushAll(issues, d.issues);
        continue;
      }
      pushAll(warnings, d.warnings);
      const [population, gdpPerCapita, structure, energyIntensity, carbonIntensity, levers] = d.value.effects;
      const total = emissions1 - emissions0;
      rows.push({
        scenario,
        region: c < C ? r.cities[c] : r.settings.cluster,
        isCluster: c === C,
        baseYear: r.lastHistoricalYear,
        targetYear: r.settings.targetYear,
        emissions0,
        emissions1,
        activity: population + gdpPerCapita,
        structure,
        levers,
        total,
        residual: population + gdpPerCapita + structure + energyIntensity + carbonIntensity + levers - total,
        kaya: { population, gdpPerCapita, structure, energyIntensity, carbonIntensity, levers },
      });
    }
  });
  return issues.length > 0 ? fail(issues) : ok(rows, warnings);
}
