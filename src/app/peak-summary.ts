/**
 * The peaks of a run as the outputs show them: every city and the cluster in every scenario, in the
 * scenario's unit (Settings → Units), peak year and value null while still rising. Computed once per
 * run and used by the Peaks sheet, the Peaks (live) sheet's cached results and the run's summary.
 * Pure TypeScript.
 */
import { tonnesPer, type PeakStatus, type ScenarioResults } from "../engine";

/** The peaks of one city or the cluster in one scenario, in the scenario's unit. */
export interface PeakSummaryRow {
  readonly scenario: string;
  /** City name or the cluster's name. */
  readonly region: string;
  readonly isCluster: boolean;
  /** Null while still rising at the end of the horizon (no peak within it). */
  readonly peakYear: number | null;
  /** Emissions in the peak year; null while rising. */
  readonly peakValue: number | null;
  readonly status: PeakStatus;
  /** Peaked (not rising) no later than the target year. */
  readonly peakedByTarget: boolean;
  /** Σ over years after the target of max(0, E(y) − E(target)). */
  readonly peakGap: number;
  readonly unit: string;
}

/**
 * The peaks of a run in the scenario's unit (year and value null while rising).
 * @example peakSummary(results)[0] // { scenario: "baseline", region: "长沙", peakYear: 2040, … }
 */
export function peakSummary(r: ScenarioResults): PeakSummaryRow[] {
  const unit = r.settings.units;
  const k = tonnesPer(unit) ?? 1;
  return r.peaks.map((p) => ({
    scenario: p.scenario,
    region: p.region,
    isCluster: p.isCluster,
    peakYear: p.status === "rising" ? null : p.year,
    peakValue: p.status === "rising" ? null : p.value / k,
    status: p.status,
    peakedByTarget: p.byTarget,
    peakGap: p.gapAfterTarget / k,
    unit,
  }));
}
