/**
 * Series: (year, value) pairs. Years are unique integers in any input order (they are sorted);
 * a blank value is a gap (stored as NaN), never a zero.
 */
import { readNumberCell, readYearCell, isBlank } from "./cells";
import { fail, issue, ok, type Issue, type Result } from "./issues";

/** A validated series: `years` ascending, `values[i]` belongs to `years[i]`, NaN marks a gap. */
export interface Series {
  readonly years: Int32Array;
  readonly values: Float64Array;
}

/** Names used for the two inputs in issue paths (the Excel argument names by default). */
export interface SeriesNames {
  readonly values: string;
  readonly years: string;
}

/** Options for {@link parseSeries}. */
export interface ParseSeriesOptions {
  /** Accept negative values (net emissions with sinks). Default false: emissions must be ≥ 0. */
  readonly allowNegative?: boolean;
}

const DEFAULT_NAMES: SeriesNames = { values: "emissions", years: "years" };

/**
 * Validates raw values and years (as received from a sheet or a function call) into a {@link Series}.
 * Every problem is reported at once, each with the argument name and position.
 *
 * - `values` and `years` must have the same length (positions pair up).
 * - A position whose year and value are both blank is ignored (a selection longer than the data).
 * - A blank value with a year is a gap (NaN); a value with a blank year is an error.
 * - Years must be whole, unique, 1000–9999; values finite numbers, ≥ 0 unless `allowNegative`.
 *
 * @example parseSeries([10, null, 12], [2019, 2020, 2021])
 *   // ok: years [2019, 2020, 2021], values [10, NaN, 12]
 */
export function parseSeries(
  values: readonly unknown[],
  years: readonly unknown[],
  names: SeriesNames = DEFAULT_NAMES,
  options: ParseSeriesOptions = {},
): Result<Series> {
  const issues: Issue[] = [];
  if (values.length !== years.length) {
    return fail([issue("length_mismatch", [names.values], { actual: values.length, expected: years.length, other: names.years })]);
  }
  if (values.length === 0) return fail([issue("empty", [names.values])]);
  const ys: number[] = [];
  const vs: number[] = [];
  const firstAt = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const yc = years[i];
    const vc = values[i];
    if (
      typeof yc === "number" &&
      typeof vc === "number" &&
      Number.isInteger(yc) &&
      yc >= 1000 &&
      yc <= 9999 &&
      Number.isFinite(vc) &&
      (vc >= 0 || options.allowNegative)
    ) {
      // The common case without building cells: a valid year and value; only a duplicate can be wrong.
      const prev = firstAt.get(yc);
      if (prev !== undefined) issues.push(issue("year_duplicate", [names.years, i], { year: yc, first: prev }));
      else {
        firstAt.set(yc, i);
        ys.push(yc);
        vs.push(vc);
      }
      continue;
    }
    if (isBlank(yc) && isBlank(vc)) continue;
    const y = readYearCell(years[i], [names.years, i]);
    const v = readNumberCell(values[i], [names.values, i]);
    let bad = false;
    if (y.kind === "invalid") {
      issues.push(y.issue);
      bad = true;
    } else if (y.kind === "blank") {
      issues.push(issue("year_blank", [names.years, i]));
      bad = true;
    } else {
      const prev = firstAt.get(y.value);
      if (prev !== undefined) {
        issues.push(issue("year_duplicate", [names.years, i], { year: y.value, first: prev }));
        bad = true;
      } else firstAt.set(y.value, i);
    }
    if (v.kind === "invalid") {
      issues.push(v.issue);
      bad = true;
    } else if (v.kind === "number" && v.value < 0 && !options.allowNegative) {
      issues.push(issue("negative_value", [names.values, i], { value: v.value }));
      bad = true;
    }
    if (!bad && y.kind === "number") {
      ys.push(y.value);
      vs.push(v.kind === "number" ? v.value : NaN);
    }
  }
  if (issues.length > 0) return fail(issues);
  if (vs.every((x) => Number.isNaN(x))) return fail([issue("no_values", [names.values])]);
  return ok(seriesFromArrays(ys, vs));
}

/**
 * Builds a series from trusted arrays (engine output, already validated input): sorts by year
 * when needed, no validation. NaN values are gaps.
 * @example seriesFromArrays([2021, 2020], [5, 4]).years // Int32Array [2020, 2021]
 */
export function seriesFromArrays(years: ArrayLike<number>, values: ArrayLike<number>): Series {
  const n = years.length;
  let sorted = true;
  for (let i = 1; i < n; i++)
    if (years[i] < years[i - 1]) {
      sorted = false;
      break;
    }
  // The constructors copy an array-like directly (`TypedArray.from` goes through the iterator).
  if (sorted) return { years: new Int32Array(years), values: new Float64Array(values) };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => years[a] - years[b]);
  return { years: Int32Array.from(order, (i) => years[i]), values: Float64Array.from(order, (i) => values[i]) };
}

/** Number of non-gap values. @example countValues(seriesFromArrays([1,2],[NaN,3])) // 1 */
export function countValues(s: Series): number {
  let n = 0;
  for (let i = 0; i < s.values.length; i++) if (!Number.isNaN(s.values[i])) n++;
  return n;
}

/** The value in `year`, or NaN when the year is absent or a gap. @example valueAt(s, 2015) */
export function valueAt(s: Series, year: number): number {
  const i = indexOfYear(s, year);
  return i < 0 ? NaN : s.values[i];
}

/** Index of `year` in the series (binary search), or −1. */
export function indexOfYear(s: Series, year: number): number {
  let lo = 0;
  let hi = s.years.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const y = s.years[mid];
    if (y === year) return mid;
    if (y < year) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
