/**
 * The decomposition output of a run (docs/decomposition.md §6): for every scenario, every city and the
 * cluster, the change in emissions from the base year to the target year split by LMDI-I (additive,
 * the engine's `lmdi`) into three factors over the sectors s:
 *
 *   E_scn(s) = B_total × (B_s / B_total) × (E_scn(s) / B_s)
 *              activity   structure          levers
 *
 * with B the baseline scenario's emissions. Zeros: a sector with B_s = 0 has E_scn(s) = 0 too (a
 * scenario never exceeds its baseline, docs/model.md §6), so its lever factor is taken as 1 and the
 * sector is 0 through its structure factor alone; a region with B_total = 0 has structure 1/S so it is 0
 * through the activity factor alone. Every subcategory therefore has at most one zero factor per year
 * and the analytical limits of `lmdi` apply without a split. Pure TypeScript.
 */
import { fail, ok, type Issue, type Result } from "../issues";
import { cellIndex } from "../layout";
import type { ScenarioResults } from "../scenario/results";
import { lmdi } from "./lmdi";

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
  /** Activity (baseline total), structure (baseline sector shares), levers (scenario ÷ baseline) effects. */
  readonly activity: number;
  readonly structure: number;
  readonly levers: number;
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
  const y0 = 0;
  const y1 = r.settings.targetYear - r.settings.baseYear;
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
        issues.push(...d.issues);
        continue;
      }
      warnings.push(...d.warnings);
      const [activity, structure, levers] = d.value.effects;
      const emissions0 = e0.reduce((a, x) => a + x, 0);
      const emissions1 = e1.reduce((a, x) => a + x, 0);
      const total = emissions1 - emissions0;
      rows.push({
        scenario,
        region: city < 0 ? r.settings.cluster : r.cities[c],
        isCluster: city < 0,
        baseYear: r.settings.baseYear,
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
