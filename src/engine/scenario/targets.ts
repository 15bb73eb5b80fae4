/**
 * Targets (docs/model.md §8): what a city or the cluster is to reach, checked against every scenario
 * (or the one a row names) on history + projection —
 *
 * | kind | reached | met when | margin |
 * |---|---|---|---|
 * | `peak_by` (达峰年份) | the peak year (peak rule of `peak.ts`) | not rising and peak year ≤ to | to − peak year (years) |
 * | `peak_cap` (峰值上限) | the highest emissions of any year | ≤ value | value − reached (tCO2) |
 * | `intensity_decline` (单位GDP二氧化碳排放下降) | 1 − (E/GDP)_to ÷ (E/GDP)_from | ≥ value | reached − value (share) |
 * | `energy_intensity_decline` (单位GDP能耗下降) | 1 − (energy/GDP)_to ÷ (energy/GDP)_from | ≥ value | reached − value |
 * | `budget` (碳预算) | Σ E(y), from ≤ y ≤ to | ≤ value | value − reached (tCO2) |
 *
 * The boundary counts as met (a peak in the target year, a decline of exactly the target). A target
 * that needs a value the run does not have (a gap in the budget's years, no GDP in the reference
 * year) is `unknown`, with the reason. Decline values are shares (0.65 = −65 %); caps and budgets are
 * in the Settings unit and compiled to tCO2.
 */
import { issue, type Issue } from "../issues";
import type { Settings, TargetKind, TargetRow } from "../input/schema";
import { locate } from "../input/zod-issues";

/** A checked Targets row. */
export interface CompiledTarget {
  /** Raw index of the row. */
  readonly row: number;
  readonly kind: TargetKind;
  /** City index, or −1 for the cluster. */
  readonly region: number;
  /** Scenario index, or −1 for every scenario. */
  readonly scenario: number;
  readonly from?: number;
  readonly to?: number;
  /** tCO2 for peak_cap and budget; a share for the declines. */
  readonly value?: number;
  readonly note?: string;
  /** The row's cell of its kind ("Targets!A3"), when it came from a sheet. */
  readonly source?: TargetRow["source"];
}

/** What {@link compileTargets} needs from the model. */
export interface TargetContext {
  readonly settings: Settings;
  readonly cityIndex: ReadonlyMap<string, number>;
  readonly scenarios: readonly string[];
  /** tCO2 per Settings unit. */
  readonly unit: number;
  readonly namesKnown: boolean;
  readonly rows: readonly number[];
}

/**
 * Checks Targets rows (fields already checked) against the model: a known region and scenario,
 * years inside the results, from ≤ to.
 * @example compileTargets(rows, ctx, issues)[0] // { kind: "peak_by", region: -1, scenario: -1, to: 2030, … }
 */
export function compileTargets(rows: readonly TargetRow[], ctx: TargetContext, issues: Issue[]): CompiledTarget[] {
  const st = ctx.settings;
  const out: CompiledTarget[] = [];
  rows.forEach((r, k) => {
    const raw = ctx.rows[k];
    const at = (f: string) => ["targets", raw, f];
    const where = (i: Issue) => issues.push(locate(i, r.source, 2));
    let good = true;
    let region = -1;
    if (r.region !== undefined && r.region !== st.cluster) {
      const c = ctx.cityIndex.get(r.region);
      if (c === undefined) {
        if (ctx.namesKnown) where(issue("target_region_unknown", at("region"), { value: r.region, known: [st.cluster, ...Array.from(ctx.cityIndex.keys()).slice(0, 11)].join(", ") }));
        good = false;
      } else region = c;
    }
    let scenario = -1;
    if (r.scenario !== undefined) {
      scenario = ctx.scenarios.indexOf(r.scenario);
      if (scenario < 0) {
        where(issue("unknown_scenario", at("scenario"), { value: r.scenario, known: ctx.scenarios.join(", ") }));
        good = false;
      }
    }
    for (const f of ["from", "to"] as const) {
      const y = r[f];
      if (y !== undefined && (y < st.baseYear || y > st.endYear)) {
        where(issue("year_setting_outside", at(f), { value: y, from: st.baseYear, to: st.endYear }));
        good = false;
      }
    }
    if (good && r.from !== undefined && r.to !== undefined && r.to < r.from) {
      where(issue("year_order", at("to"), { value: r.to, after: "from", year: r.from }));
      good = false;
    }
    if (!good) return;
    const value = r.value === undefined ? undefined : r.kind === "peak_cap" || r.kind === "budget" ? r.value * ctx.unit : r.value;
    out.push({ row: raw, kind: r.kind, region, scenario, from: r.from, to: r.to, value, note: r.note, source: r.source });
  });
  return out;
}
