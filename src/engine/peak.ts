/**
 * The peak definition every function shares (DESIGN 3).
 *
 * With tolerance t and confirmation window k:
 * - peak year = the earliest year y such that every later value ≤ (1+t)·E(y) and E(y) ≥ (1−t)·max.
 *   With t = 0 this is the first year of the maximum; with t > 0 it is the start of the plateau.
 * - status: `rising` (the peak year is the final year: no peak within the horizon); `plateau` (the
 *   final value is still ≥ (1−t)·E(peak)); `peaked` (final value below that band and at least k
 *   years after the peak); `unconfirmed` (below the band, fewer than k years after the peak).
 * Gaps are skipped. With smoothing, detection runs on the centred moving average; the reported
 * value is the (unsmoothed) emissions of the peak year.
 */
import { fail, issue, ok, type Issue, type Result } from "./issues";
import type { Series } from "./series";
import { indexOfYear } from "./series";
import { movingAverage } from "./smooth";

/** Where a series stands relative to its peak. */
export type PeakStatus = "peaked" | "plateau" | "rising" | "unconfirmed";

/** Peak-detection options (all optional). */
export interface PeakOptions {
  /** Relative tolerance t, 0 ≤ t < 1 (default 0). 0.02 treats values within 2% of the peak as the plateau. */
  readonly tolerance?: number;
  /** Confirmation window k in years, whole ≥ 0 (default 0). */
  readonly confirmYears?: number;
  /** Centred moving-average window in years, odd ≥ 1 (default 1 = no smoothing; 0 also means none). */
  readonly smoothYears?: number;
}

/** A detected peak. */
export interface Peak {
  /** Peak year. */
  readonly year: number;
  /** Emissions in the peak year (unsmoothed), in the series' unit. */
  readonly value: number;
  readonly status: PeakStatus;
  /** Index of the peak year in the series. */
  readonly index: number;
  /** First and last years with a value (the horizon examined). */
  readonly firstYear: number;
  readonly lastYear: number;
}

const NO_OPTIONS: PeakOptions = Object.freeze({});

/** Longest confirmation window (years of decline after the peak) a peak option may ask for. */
export const MAX_CONFIRM_YEARS = 1000;
/** Widest moving-average window (years) a peak option may ask for. */
export const MAX_SMOOTH_YEARS = 99;

/**
 * The one home of the peak options' rules: each option's default, its valid values (NaN and ±Infinity
 * fail every test) and the range as the `option_range` message states it. {@link checkPeakOptions},
 * the scenario Settings schema and the functions' fast path all use these.
 * @example PEAK_OPTIONS.smoothYears.valid(3) // true (odd)
 */
export const PEAK_OPTIONS = {
  tolerance: {
    default: 0,
    valid: (t: number) => Number.isFinite(t) && t >= 0 && t < 1,
    expected: "0 ≤ tolerance < 1 (e.g. 0.02 for 2%)",
    expectedZh: "0 ≤ 容差 < 1（如 0.02 表示 2%）",
  },
  confirmYears: {
    default: 0,
    max: MAX_CONFIRM_YEARS,
    valid: (k: number) => Number.isInteger(k) && k >= 0 && k <= MAX_CONFIRM_YEARS,
    expected: `a whole number of years from 0 to ${MAX_CONFIRM_YEARS}`,
    expectedZh: `0 到 ${MAX_CONFIRM_YEARS} 之间的整数年数`,
  },
  smoothYears: {
    default: 1,
    max: MAX_SMOOTH_YEARS,
    valid: (w: number) => Number.isInteger(w) && w >= 0 && w <= MAX_SMOOTH_YEARS && (w <= 1 || w % 2 === 1),
    expected: `an odd whole number of years from 1 to ${MAX_SMOOTH_YEARS} (1, 3, 5 … ${MAX_SMOOTH_YEARS}; 1 = no smoothing)`,
    expectedZh: `1 到 ${MAX_SMOOTH_YEARS} 之间的奇数年数（1、3、5……${MAX_SMOOTH_YEARS}；1 表示不平滑）`,
  },
} as const;

/**
 * Validates peak options ({@link PEAK_OPTIONS}); issues name the option (`tolerance`, `confirm_years`, `smooth_years`).
 * @example checkPeakOptions({ tolerance: 1.5 }) // [issue option_range at ["tolerance"]]
 */
export function checkPeakOptions(o: PeakOptions): Issue[] {
  const issues: Issue[] = [];
  const { tolerance: tr, confirmYears: kr, smoothYears: wr } = PEAK_OPTIONS;
  const t = o.tolerance ?? tr.default;
  if (!tr.valid(t)) issues.push(issue("option_range", ["tolerance"], { value: t, expected: tr.expected, expectedZh: tr.expectedZh }));
  const k = o.confirmYears ?? kr.default;
  if (!kr.valid(k)) issues.push(issue("option_range", ["confirm_years"], { value: k, expected: kr.expected, expectedZh: kr.expectedZh }));
  const w = o.smoothYears ?? wr.default;
  if (!wr.valid(w)) issues.push(issue("option_range", ["smooth_years"], { value: w, expected: wr.expected, expectedZh: wr.expectedZh }));
  return issues;
}

/**
 * Finds the peak of a series (DESIGN 3). "No peak yet" is not a failure: it is status `rising`.
 * Fails only for bad options or a series without any value.
 *
 * @example findPeak(seriesFromArrays([2018, 2019, 2020, 2021], [5, 7, 6, 6]))
 *   // ok: { year: 2019, value: 7, status: "peaked", ... }
 * @example findPeak(seriesFromArrays([2018, 2019, 2020], [5, 10, 9.9]), { tolerance: 0.02 })
 *   // ok: { year: 2019, value: 10, status: "plateau" }
 */
export function findPeak(s: Series, options: PeakOptions = NO_OPTIONS): Result<Peak> {
  if (options !== NO_OPTIONS) {
    const bad = checkPeakOptions(options);
    if (bad.length > 0) return fail(bad);
  }
  const w = options.smoothYears ?? PEAK_OPTIONS.smoothYears.default;
  const e = w > 1 ? movingAverage(s, w) : s.values;
  // A moving average of huge values can overflow: never a peak at an infinite value.
  if (w > 1 && e.some((x) => x === Infinity || x === -Infinity)) return fail([issue("not_finite_result", ["emissions"])]);
  const t = options.tolerance ?? PEAK_OPTIONS.tolerance.default;
  const found = peakIndex(e, t);
  if (found.index < 0) return fail([issue("no_values", ["emissions"])]);
  return ok(peakAt(s, e, found.index, found.first, found.last, t, options.confirmYears ?? PEAK_OPTIONS.confirmYears.default));
}

/**
 * The {@link Peak} once its index is known: year, unsmoothed value, status and horizon. `e` is the
 * series the peak was detected on (the values, or their moving average); `first`/`last` are its
 * first and last non-gap indexes (as {@link peakIndex} returns them), `t` the tolerance and `k`
 * the confirmation window in years. Shared by {@link findPeak} and the functions' fast path.
 * @example peakAt(seriesFromArrays([2018, 2019, 2020], [5, 7, 6]), Float64Array.of(5, 7, 6), 1, 0, 2, 0, 0)
 *   // { year: 2019, value: 7, status: "peaked", index: 1, firstYear: 2018, lastYear: 2020 }
 */
export function peakAt(s: { readonly years: ArrayLike<number>; readonly values: ArrayLike<number> }, e: ArrayLike<number>, index: number, first: number, last: number, t: number, k: number): Peak {
  const year = s.years[index];
  const lastYear = s.years[last];
  let status: PeakStatus;
  if (index === last) status = "rising";
  else if (e[last] >= (1 - t) * e[index]) status = "plateau";
  else status = lastYear - year >= k ? "peaked" : "unconfirmed";
  return { year, value: s.values[index], status, index, firstYear: s.years[first], lastYear };
}

/**
 * The index of the peak in `values` (NaN = gap) under tolerance `t`; also the first and last
 * non-gap indexes. `index` is −1 when there is no value at all. This is the hot loop behind every
 * peak function: no allocation, one pass for the maximum, first and last, and only when t > 0 a
 * second pass up to the maximum.
 * @example peakIndex(Float64Array.of(1, 3, 2), 0) // { index: 1, first: 0, last: 2 }
 */
export function peakIndex(values: ArrayLike<number>, t: number): { index: number; first: number; last: number } {
  const n = values.length;
  let first = -1;
  let last = -1;
  let argmax = -1;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue; // gap
    if (first < 0) first = i;
    last = i;
    if (v > max) { max = v; argmax = i; }
  }
  if (t === 0 || argmax < 0) return { index: argmax, first, last };
  return { index: plateauStart(values, first, argmax, t), first, last };
}

/**
 * Under tolerance `t` > 0, the peak index given the first non-gap index `first` and the index of the
 * first maximum `argmax` (NaN = gap): the first value reaching max/(1+t). Why: for i before the first
 * maximum, "every later value ≤ (1+t)·E(i)" reduces to max ≤ (1+t)·E(i) (the maximum is among the
 * later values), and E(i) ≥ max/(1+t) implies E(i) ≥ (1−t)·max; the maximum itself always qualifies.
 * @example plateauStart(Float64Array.of(9.9, 10, 9), 0, 1, 0.02) // 0 (9.9 ≥ 10/1.02)
 */
export function plateauStart(values: ArrayLike<number>, first: number, argmax: number, t: number): number {
  const threshold = values[argmax] / (1 + t);
  for (let i = first; i < argmax; i++) {
    const v = values[i];
    if (v === v && v >= threshold) return i;
  }
  return argmax;
}

/**
 * Peak gap to a target year T: Σ_{y>T} max(0, E(y) − E(T)) — the cumulative extra cut needed so that
 * no later year exceeds T (same unit as the series; gaps are skipped). 0 when T is already the peak.
 * Fails with `target_year_missing` when T has no value.
 * @example peakGap(seriesFromArrays([2020, 2021, 2022], [10, 12, 9]), 2020) // ok(2)
 */
export function peakGap(s: Series, targetYear: number): Result<number> {
  if (!Number.isInteger(targetYear)) {
    return fail([issue("year_not_integer", ["target_year"], { value: targetYear })]);
  }
  const i = indexOfYear(s, targetYear);
  if (i < 0 || Number.isNaN(s.values[i])) return fail([issue("target_year_missing", ["target_year"], { year: targetYear })]);
  const base = s.values[i];
  let gap = 0;
  for (let j = i + 1; j < s.values.length; j++) {
    const d = s.values[j] - base;
    if (d > 0) gap += d;
  }
  return ok(gap);
}
