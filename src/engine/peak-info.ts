/**
 * What a peak rests on (docs/peaks.md, "What a result rests on"): the peak of `peak.ts` with the years
 * it was read from, the number of values and the flags an expert checks before signing a peak call.
 * Used by PEAKINFO, `carbon-peak peaks`, cluster peaks and the scenario's Peaks output.
 */
import { fail, ok, type Result } from "./issues";
import { findPeak, hasPeak, type Peak, type PeakOptions, type PeakStatus } from "./peak";
import type { Series } from "./series";

/**
 * Flags on a peak result, in this order:
 * - `left_censored`: the peak is the first data year — the real maximum may lie before the data;
 * - `last_year_max`: the last value is the maximum (ties included): the series is at its high;
 * - `single_dip`: the last value is the only one after the peak below the plateau band — the decline
 *   rests on one year;
 * - `members_beyond`: (clusters) a member has values after the last year every member has;
 * - `gaps`: years without a value inside the span first–last year;
 * - `decline_proactive` / `decline_passive`: (with GDP and population) the decline since the peak came
 *   with both growing / with either falling (Shan et al. 2022; `decline.ts`).
 */
export type PeakFlag = "left_censored" | "last_year_max" | "single_dip" | "members_beyond" | "gaps" | "decline_proactive" | "decline_passive";

/** Every flag, in the order results list them. */
export const PEAK_FLAGS: readonly PeakFlag[] = Object.freeze([
  "left_censored",
  "last_year_max",
  "single_dip",
  "members_beyond",
  "gaps",
  "decline_proactive",
  "decline_passive",
]);

/** A peak result with what it rests on. Years and values are null where the status has no peak. */
export interface PeakInfo {
  readonly status: PeakStatus;
  /** Year of the maximum; null while `rising` or `insufficient`. */
  readonly peakYear: number | null;
  /** The maximum, in the series' unit; null while `rising` or `insufficient`. */
  readonly peakValue: number | null;
  /** First year of the plateau around the maximum (tolerance band); null while `rising` or `insufficient`. */
  readonly plateauStart: number | null;
  /** First and last data year: the result holds "as of" lastYear. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Number of values the result rests on. */
  readonly points: number;
  readonly flags: readonly PeakFlag[];
}

/**
 * The {@link PeakInfo} of a peak already found on `s` with tolerance `t`; `extra` flags (e.g.
 * `members_beyond`, a decline kind) are merged in the documented order.
 * @example describePeak(s, findPeak(s).value, 0) // { status: "peaked", peakYear: 2011, ..., flags: ["gaps"] }
 */
export function describePeak(s: Series, p: Peak, t: number, extra: readonly PeakFlag[] = []): PeakInfo {
  const v = s.values;
  const peaked = hasPeak(p.status);
  const last = lastIndex(v);
  const has = (f: PeakFlag) => extra.includes(f);
  // Pushed in the order of PEAK_FLAGS (no set, no sort: this runs once per region and Monte Carlo draw).
  const flags: PeakFlag[] = [];
  if (peaked && p.index === firstIndex(v)) flags.push("left_censored");
  if (v[last] === p.value) flags.push("last_year_max");
  if ((p.status === "peaked" || p.status === "unconfirmed") && onlyLastBelow(v, p.index, last, (1 - t) * p.value)) flags.push("single_dip");
  if (has("members_beyond")) flags.push("members_beyond");
  if (p.points < p.lastYear - p.firstYear + 1) flags.push("gaps");
  if (has("decline_proactive")) flags.push("decline_proactive");
  if (has("decline_passive")) flags.push("decline_passive");
  return {
    status: p.status,
    peakYear: peaked ? p.year : null,
    peakValue: peaked ? p.value : null,
    plateauStart: peaked ? p.plateauStart : null,
    firstYear: p.firstYear,
    lastYear: p.lastYear,
    points: p.points,
    flags,
  };
}

/**
 * Finds the peak of `s` and says what it rests on. Fails as {@link findPeak} does (bad options, no value).
 * @example peakInfo(seriesFromArrays([2015, 2016, 2017, 2018, 2019], [5, 6, 7, 8, 7.9]))
 *   // ok: { status: "peaked", peakYear: 2018, ..., flags: ["single_dip"] }
 */
export function peakInfo(s: Series, options: PeakOptions = {}): Result<PeakInfo> {
  const p = findPeak(s, options);
  if (!p.ok) return fail(p.issues);
  return ok(describePeak(s, p.value, options.tolerance ?? 0), p.warnings);
}

function firstIndex(v: ArrayLike<number>): number {
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) return i;
  return -1;
}

function lastIndex(v: ArrayLike<number>): number {
  for (let i = v.length - 1; i >= 0; i--) if (v[i] === v[i]) return i;
  return -1;
}

/** True when every value strictly between `peak` and `last` is ≥ `floor` (gaps skipped) and the last is below it. */
function onlyLastBelow(v: ArrayLike<number>, peak: number, last: number, floor: number): boolean {
  if (!(v[last] < floor)) return false;
  for (let i = peak + 1; i < last; i++) if (v[i] < floor) return false; // NaN < floor is false: gaps pass
  return true;
}
