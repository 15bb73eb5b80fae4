/**
 * The peak definition every function shares (docs/peaks.md). It follows the Chinese definition of
 * 碳达峰: emissions reach their historical maximum, pass a plateau, then decline.
 *
 * With tolerance t, confirmation window k, smoothing window w and minimum number of points m:
 * - peak year = the first year of the maximum of the values (never moved by t or w), peak value =
 *   that maximum. Nothing later exceeds it.
 * - plateau start = the first year of the run of values ≥ (1−t)·max that ends at the maximum (gaps
 *   skipped); the peak year itself when t = 0.
 * - status, in this order: `insufficient` (fewer than m values); `rising` (the maximum of the detection
 *   series is its last value: no peak yet); `plateau` (the last value is still ≥ (1−t) × the maximum of
 *   the detection series); `peaked` (below that band, and at least k years after the peak year);
 *   `unconfirmed` (below the band, fewer than k years after it).
 * The detection series is the values, or with w > 1 their centred moving average (`smooth.ts`), whose
 * window shrinks to the raw value in the last year — so a series whose last value is its maximum is
 * never `peaked` or `unconfirmed`, whatever t and w. Gaps are skipped.
 */
import { fail, issue, ok, type Issue, type Result } from "./issues";
import type { Series } from "./series";
import { indexOfYear } from "./series";
import { movingAverage } from "./smooth";

/** Where a series stands relative to its peak. */
export type PeakStatus = "peaked" | "plateau" | "rising" | "unconfirmed" | "insufficient";

/** Every status, in the order of the definition. */
export const PEAK_STATUSES: readonly PeakStatus[] = Object.freeze(["insufficient", "rising", "plateau", "peaked", "unconfirmed"]);

/** Statuses that have a peak year (the others report none: still rising, or too few points to tell). */
export function hasPeak(status: PeakStatus): boolean {
  return status === "peaked" || status === "plateau" || status === "unconfirmed";
}

/**
 * The strict reading (`carbon-peak peaks --strict`, the Settings "strict" row): a peak is `peaked` only
 * five years or more after it, and a series (or a cluster's common years) needs at least five values —
 * after Shan et al. (2022), "peaked for at least five years" (docs/peaks.md, "Strict").
 */
export const STRICT_PEAK_OPTIONS: Readonly<Required<Pick<PeakOptions, "confirmYears" | "minPoints">>> = Object.freeze({ confirmYears: 5, minPoints: 5 });

/** Peak-detection options (all optional). */
export interface PeakOptions {
  /** Relative tolerance t, 0 ≤ t < 1 (default 0): values ≥ (1−t)·max are on the plateau. */
  readonly tolerance?: number;
  /** Confirmation window k in years, whole ≥ 0 (default 0): `peaked` needs lastYear − peakYear ≥ k. */
  readonly confirmYears?: number;
  /** Centred moving-average window in years, odd ≥ 1 (default 1 = no smoothing; 0 also means none). */
  readonly smoothYears?: number;
  /** Fewest values for a status other than `insufficient`, whole 0–1000 (default {@link DEFAULT_MIN_POINTS}; 0 and 1 mean any value will do). */
  readonly minPoints?: number;
}

/** A detected peak: what the series rests on and where it stands. */
export interface Peak {
  /** Year of the (first) maximum of the values. With `rising` or `insufficient` there is no peak: this is just where the maximum is. */
  readonly year: number;
  /** The maximum (unsmoothed), in the series' unit. */
  readonly value: number;
  readonly status: PeakStatus;
  /** Index of the peak year in the series. */
  readonly index: number;
  /** First year of the plateau: the run of values ≥ (1−t)·max ending at the maximum (= `year` when t = 0). */
  readonly plateauStart: number;
  /** First and last years with a value (the horizon examined: the result is "as of" lastYear). */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Number of values (years with a value) the result rests on. */
  readonly points: number;
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
  /** The minimum number of values before a series gets a status other than `insufficient` (docs/peaks.md, "Data sufficiency"). */
  minPoints: {
    default: 5,
    valid: (m: number) => Number.isInteger(m) && m >= 0 && m <= 1000,
    expected: "a whole number of values from 0 to 1000 (default 5)",
    expectedZh: "0 到 1000 之间的整数个数值（默认 5）",
  },
} as const;

/** Default minimum number of values a series needs before it gets a status other than `insufficient` ({@link PEAK_OPTIONS}). */
export const DEFAULT_MIN_POINTS = PEAK_OPTIONS.minPoints.default;

/**
 * Validates peak options ({@link PEAK_OPTIONS}); issues name the option (`tolerance`, `confirm_years`, `smooth_years`, `min_points`).
 * @example checkPeakOptions({ tolerance: 1.5 }) // [issue option_range at ["tolerance"]]
 */
export function checkPeakOptions(o: PeakOptions): Issue[] {
  const issues: Issue[] = [];
  const { tolerance: tr, confirmYears: kr, smoothYears: wr, minPoints: mr } = PEAK_OPTIONS;
  const t = o.tolerance ?? tr.default;
  if (!tr.valid(t)) issues.push(issue("option_range", ["tolerance"], { value: t, expected: tr.expected, expectedZh: tr.expectedZh }));
  const k = o.confirmYears ?? kr.default;
  if (!kr.valid(k)) issues.push(issue("option_range", ["confirm_years"], { value: k, expected: kr.expected, expectedZh: kr.expectedZh }));
  const w = o.smoothYears ?? wr.default;
  if (!wr.valid(w)) issues.push(issue("option_range", ["smooth_years"], { value: w, expected: wr.expected, expectedZh: wr.expectedZh }));
  const m = o.minPoints ?? mr.default;
  if (!mr.valid(m)) issues.push(issue("option_range", ["min_points"], { value: m, expected: mr.expected, expectedZh: mr.expectedZh }));
  return issues;
}

/**
 * Finds the peak of a series (docs/peaks.md). "No peak yet" and "too few values" are not failures:
 * they are the statuses `rising` and `insufficient`. Fails only for bad options or a series without
 * any value.
 *
 * @example findPeak(seriesFromArrays([2015, 2016, 2017, 2018, 2019], [5, 7, 6, 6, 5]))
 *   // ok: { year: 2016, value: 7, status: "peaked", plateauStart: 2016, points: 5, ... }
 * @example findPeak(seriesFromArrays([2015, 2016, 2017, 2018, 2019], [5, 9.9, 10, 9.9, 9.85]), { tolerance: 0.02 })
 *   // ok: { year: 2017, value: 10, status: "plateau", plateauStart: 2016 }
 * @example findPeak(seriesFromArrays([2018, 2019], [5, 4])) // ok: { status: "insufficient", points: 2, ... }
 */
export function findPeak(s: Series, options: PeakOptions = NO_OPTIONS): Result<Peak> {
  if (options !== NO_OPTIONS) {
    const bad = checkPeakOptions(options);
    if (bad.length > 0) return fail(bad);
  }
  const found = peakIndex(s.values);
  if (found.index < 0) return fail([issue("no_values", ["emissions"])]);
  const w = options.smoothYears ?? PEAK_OPTIONS.smoothYears.default;
  const e = w > 1 ? movingAverage(s, w) : s.values;
  // A moving average of huge values can overflow: never a peak at an infinite value.
  if (w > 1 && e.some((x) => x === Infinity || x === -Infinity)) return fail([issue("not_finite_result", ["emissions"])]);
  const t = options.tolerance ?? PEAK_OPTIONS.tolerance.default;
  return ok(
    peakAt(
      s,
      e,
      found.index,
      found.first,
      found.last,
      found.points,
      t,
      options.confirmYears ?? PEAK_OPTIONS.confirmYears.default,
      options.minPoints ?? DEFAULT_MIN_POINTS,
    ),
  );
}

/**
 * The {@link Peak} once the maximum is known. `index` is the first maximum of the raw values, `first`/
 * `last` the first and last non-gap indexes and `points` the number of values (as {@link peakIndex}
 * returns them); `e` is the detection series — the values themselves (the same array: no second scan)
 * or their moving average; `t`, `k`, `m` the tolerance, confirmation years and minimum points.
 * Shared by {@link findPeak} and the functions' fast path.
 * @example peakAt(s, s.values, 1, 0, 4, 5, 0, 0, 5) // s = 2018…2022: 5, 7, 6, 6, 5 → { year: 2019, status: "peaked", ... }
 */
export function peakAt(
  s: { readonly years: ArrayLike<number>; readonly values: ArrayLike<number> },
  e: ArrayLike<number>,
  index: number,
  first: number,
  last: number,
  points: number,
  t: number,
  k: number,
  m: number,
): Peak {
  const v = s.values;
  const year = s.years[index];
  const lastYear = s.years[last];
  let status: PeakStatus;
  if (points < m) status = "insufficient";
  else {
    // The maximum of the detection series: the raw maximum itself when not smoothed.
    const top = e === v ? index : firstMax(e, first, last);
    if (top === last) status = "rising";
    else if (e[last] >= (1 - t) * e[top]) status = "plateau";
    else status = lastYear - year >= k ? "peaked" : "unconfirmed";
  }
  const plateau = t === 0 ? index : plateauStart(v, first, index, t);
  return { year, value: v[index], status, index, plateauStart: s.years[plateau], firstYear: s.years[first], lastYear, points };
}

/** Index of the first maximum of `e` between `first` and `last` (NaN = gap). */
function firstMax(e: ArrayLike<number>, first: number, last: number): number {
  let best = first;
  for (let i = first + 1; i <= last; i++) if (e[i] > e[best]) best = i;
  return best;
}

/**
 * The first maximum of `values` (NaN = gap), the first and last non-gap indexes and the number of
 * values. `index` is −1 when there is no value at all. This is the hot loop behind every peak function:
 * one pass, no allocation besides the result.
 * @example peakIndex(Float64Array.of(1, 3, NaN, 2)) // { index: 1, first: 0, last: 3, points: 3 }
 */
export function peakIndex(values: ArrayLike<number>): { index: number; first: number; last: number; points: number } {
  const n = values.length;
  let first = -1;
  let last = -1;
  let argmax = -1;
  let max = -Infinity;
  let points = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue; // gap
    if (first < 0) first = i;
    last = i;
    points++;
    if (v > max) {
      max = v;
      argmax = i;
    }
  }
  return { index: argmax, first, last, points };
}

/**
 * Under tolerance `t`, the index where the plateau before the maximum at `index` starts: walking back
 * from the maximum over the values ≥ (1−t)·max (gaps skipped), the earliest one reached before a value
 * below the band (or `first`). A plateau is one unbroken stretch: a value inside the band that comes
 * before a dip below it does not start the plateau.
 * @example plateauStart(Float64Array.of(9.7, 9.9, 10, 9), 0, 2, 0.02) // 1 (9.9 ≥ 9.8; 9.7 is below)
 * @example plateauStart(Float64Array.of(10, 5, 10.1), 0, 2, 0.02) // 2 (5 breaks the plateau)
 */
export function plateauStart(values: ArrayLike<number>, first: number, index: number, t: number): number {
  const floor = (1 - t) * values[index];
  let start = index;
  for (let i = index - 1; i >= first; i--) {
    const v = values[i];
    if (v !== v) continue;
    if (v < floor) break;
    start = i;
  }
  return start;
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
