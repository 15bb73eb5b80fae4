/**
 * The peaks of a run as the outputs show them: every city and the cluster in every scenario, in the
 * scenario's unit (Settings → Units), peak year and value null while still rising or with too few
 * values, and what each rests on (docs/peaks.md). Computed once per run and used by the Peaks sheet,
 * the Peaks (live) sheet's cached results and the run's summary. Pure TypeScript.
 */
import { hasPeak, tonnesPer, type PeakFlag, type PeakStatus, type ScenarioResults } from "../engine";

/** The peaks of one city or the cluster in one scenario, in the scenario's unit. */
export interface PeakSummaryRow {
  readonly scenario: string;
  /** City name or the cluster's name. */
  readonly region: string;
  readonly isCluster: boolean;
  /** The year of the maximum; null while still rising at the end of the horizon (no peak within it) or insufficient. */
  readonly peakYear: number | null;
  /** Emissions in the peak year (the maximum); null while rising or insufficient. */
  readonly peakValue: number | null;
  readonly status: PeakStatus;
  /** Start of the plateau within the tolerance band; null while rising or insufficient. */
  readonly plateauStart: number | null;
  /** First and last year with a value (the row holds as of lastYear), and the number of values. */
  readonly firstYear: number;
  readonly lastYear: number;
  readonly points: number;
  readonly flags: readonly PeakFlag[];
  /** A peak (peaked, plateau, unconfirmed) whose year is no later than the target year. */
  readonly peakedByTarget: boolean;
  /** Σ over years after the target of max(0, E(y) − E(target)). */
  readonly peakGap: number;
  readonly unit: string;
}

/**
 * The peaks of a run in the scenario's unit (year, value and plateau start null while rising or insufficient).
 * @example peakSummary(results)[0] // { scenario: "baseline", region: "长沙", peakYear: 2040, … }
 */
export function peakSummary(r: ScenarioResults): PeakSummaryRow[] {
  const unit = r.settings.units;
  const k = tonnesPer(unit) ?? 1;
  return r.peaks.map((p) => {
    const peaked = hasPeak(p.status);
    return {
      scenario: p.scenario,
      region: p.region,
      isCluster: p.isCluster,
      peakYear: peaked ? p.year : null,
      peakValue: peaked ? p.value / k : null,
      status: p.status,
      plateauStart: peaked ? p.plateauStart : null,
      firstYear: p.firstYear,
      lastYear: p.lastYear,
      points: p.points,
      flags: p.flags,
      peakedByTarget: p.byTarget,
      peakGap: p.gapAfterTarget / k,
      unit,
    };
  });
}
