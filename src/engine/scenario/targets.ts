/**
 * Targets (docs/model.md §10): what a city or the cluster is to reach, checked against every scenario
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
import { cumulative } from "../cumulative";
import { intensityChangeOf } from "../intensity";
import { issue, type Issue } from "../issues";
import { seriesFromArrays } from "../series";
import type { Settings, TargetKind, TargetRow } from "../input/schema";
import { locate } from "../input/zod-issues";
import type { Indicators } from "./indicators";
import type { ScenarioModel } from "./model";
import type { ScenarioResults } from "./results";

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
        if (ctx.namesKnown)
          where(
            issue("target_region_unknown", at("region"), { value: r.region, known: [st.cluster, ...Array.from(ctx.cityIndex.keys()).slice(0, 11)].join(", ") }),
          );
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

/** Whether a target is met: `unknown` when the run lacks a value it needs (`reason` says which). */
export type TargetStatus = "met" | "not_met" | "unknown";

/** One target judged in one scenario. */
export interface TargetResult {
  readonly scenario: string;
  readonly region: string;
  readonly isCluster: boolean;
  readonly kind: TargetKind;
  /** Raw index of the Targets row. */
  readonly row: number;
  readonly from?: number;
  readonly to?: number;
  /** The target: a year (peak_by), tCO2 (peak_cap, budget) or a share (the declines). */
  readonly target: number;
  /** What the scenario reaches, in the target's unit; NaN when not known (or still rising, for peak_by). */
  readonly reached: number;
  readonly status: TargetStatus;
  /** How far inside the target (> 0) or outside it (< 0): years, tCO2 or share points; NaN when not known. */
  readonly margin: number;
  /** Why the status is unknown (or why a peak_by is not met: still rising). */
  readonly reason?: Issue;
  readonly note?: string;
}

/**
 * Judges every target in every scenario it applies to, on history + projection (see the file
 * comment). Rows: target-major, each target's scenarios in order.
 * @example evaluateTargets(model, results, indicators)[0] // { kind: "peak_by", target: 2030, reached: 2028, status: "met", margin: 2, … }
 */
export function evaluateTargets(m: ScenarioModel, r: ScenarioResults, ind: Indicators): TargetResult[] {
  const C = r.cities.length;
  const Y = r.years.length;
  const out: TargetResult[] = [];
  for (const t of m.targets) {
    const scenarios = t.scenario >= 0 ? [t.scenario] : r.scenarios.map((_, k) => k);
    for (const k of scenarios) {
      const slot = k * (C + 1) + (t.region < 0 ? C : t.region);
      const s = ind.series[slot];
      const common = { scenario: r.scenarios[k], region: s.region, isCluster: s.isCluster, kind: t.kind, row: t.row, from: t.from, to: t.to, note: t.note };
      const judged = (target: number, reached: number, margin: number, met: boolean, reason?: Issue): TargetResult => ({
        ...common,
        target,
        reached,
        margin,
        status: met ? "met" : "not_met",
        ...(reason ? { reason } : {}),
      });
      const unknown = (target: number, reason: Issue): TargetResult => ({ ...common, target, reached: NaN, margin: NaN, status: "unknown", reason });
      const at = (y: number) => y - r.years[0];
      switch (t.kind) {
        case "peak_by": {
          const p = r.peaks[slot];
          const to = t.to!;
          if (p.status === "rising") out.push(judged(to, NaN, NaN, false, issue("target_still_rising", [], { region: s.region, year: r.years[Y - 1] })));
          else if ((p.status as string) === "insufficient")
            out.push(
              unknown(to, issue("target_no_data", [], { what: "the peak", whatZh: "峰值", region: s.region, years: `${r.years[0]}–${r.years[Y - 1]}` })),
            );
          else out.push(judged(to, p.year, to - p.year, p.year <= to));
          break;
        }
        case "peak_cap": {
          let max = -Infinity;
          for (const v of s.emissions) if (v > max) max = v;
          const cap = t.value!;
          if (max === -Infinity)
            out.push(
              unknown(cap, issue("target_no_data", [], { what: "emissions", whatZh: "排放量", region: s.region, years: `${r.years[0]}–${r.years[Y - 1]}` })),
            );
          else out.push(judged(cap, max, cap - max, max <= cap));
          break;
        }
        case "intensity_decline":
        case "energy_intensity_decline": {
          const energy = t.kind === "energy_intensity_decline";
          const num = energy ? s.energy : s.emissions;
          const f = at(t.from!);
          const e = at(t.to!);
          const what = energy ? { what: "energy use per unit of GDP", whatZh: "单位GDP能耗" } : { what: "CO2 per unit of GDP", whatZh: "单位GDP二氧化碳排放" };
          const missing = [t.from!, t.to!].filter((y) => !(num[at(y)] >= 0 && s.gdp[at(y)] > 0));
          if (missing.length > 0) {
            out.push(unknown(t.value!, issue("target_no_data", [], { ...what, region: s.region, years: [...new Set(missing)].join(", ") })));
            break;
          }
          const c = intensityChangeOf(num[f], s.gdp[f], num[e], s.gdp[e], t.from!, t.to!);
          if (!c.ok) {
            out.push(unknown(t.value!, c.issues[0]));
            break;
          }
          const decline = -c.value.change;
          out.push(judged(t.value!, decline, decline - t.value!, decline >= t.value!));
          break;
        }
        case "budget": {
          const total = cumulative(seriesFromArrays(r.years, s.emissions), t.from, t.to);
          if (!total.ok) out.push(unknown(t.value!, total.issues[0]));
          else out.push(judged(t.value!, total.value.total, t.value! - total.value.total, total.value.total <= t.value!));
          break;
        }
      }
    }
  }
  return out;
}
