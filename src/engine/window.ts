/**
 * Year windows: the span from_year..to_year (both included) that an indicator looks at — a carbon
 * budget's period, the two years of an intensity change or a decomposition. One home for the rules
 * every windowed function shares: years are whole, to_year is not before from_year, a year the
 * window needs must be one of the series' years and hold a value there (a blank is a gap, never a
 * zero), and missing years are named as compact ranges ("2003–2005, 2010").
 */
import { indexOfYear, type Series } from "./series";
import { fail, issue, ok, type Issue, type Result } from "./issues";

/** Names used in issue paths for the window's two ends (the Excel argument names by default). */
export interface WindowNames {
  readonly from: string;
  readonly to: string;
}

/** The default {@link WindowNames}: the CARBON functions' argument names. */
export const WINDOW_NAMES: WindowNames = { from: "from_year", to: "to_year" };

/**
 * Issues of a window's two ends: `year_not_integer` at `[names.from]` / `[names.to]`, and
 * `year_order` at `[names.to]` when to < from. A window of one year (from = to) is allowed.
 * @example checkWindow(2020, 2015) // [{ code: "year_order", path: ["to_year"], value: 2015, after: "from_year", year: 2020 }]
 */
export function checkWindow(from: number, to: number, names: WindowNames = WINDOW_NAMES): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isInteger(from)) issues.push(issue("year_not_integer", [names.from], { value: from }));
  if (!Number.isInteger(to)) issues.push(issue("year_not_integer", [names.to], { value: to }));
  if (issues.length === 0 && to < from) issues.push(issue("year_order", [names.to], { value: to, after: names.from, year: from }));
  return issues;
}

/** First and last year that hold a value (not a gap), or undefined when every value is a gap. */
export function valuedSpan(s: Series): { first: number; last: number } | undefined {
  let i = 0;
  while (i < s.values.length && Number.isNaN(s.values[i])) i++;
  if (i === s.values.length) return undefined;
  let j = s.values.length - 1;
  while (Number.isNaN(s.values[j])) j--;
  return { first: s.years[i], last: s.years[j] };
}

/**
 * The years from..to (whole years, both included) without a value in `s`: absent from its years
 * or a gap there. Ascending.
 * @example missingYears(seriesFromArrays([2001, 2002, 2005], [1, NaN, 3]), 2001, 2005) // [2002, 2003, 2004]
 */
export function missingYears(s: Series, from: number, to: number): number[] {
  const out: number[] = [];
  let i = 0;
  for (let y = from; y <= to; y++) {
    while (i < s.years.length && s.years[i] < y) i++;
    if (i >= s.years.length || s.years[i] !== y || Number.isNaN(s.values[i])) out.push(y);
  }
  return out;
}

/**
 * Ascending whole years as compact ranges for a message: runs of consecutive years become
 * "a–b". At most `max` ranges are listed; more end in "…".
 * @example yearRanges([2003, 2004, 2005, 2010]) // "2003–2005, 2010"
 */
export function yearRanges(years: readonly number[], max = 6): string {
  const parts: string[] = [];
  let k = 0;
  while (k < years.length) {
    let j = k;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    if (parts.length === max) {
      parts.push("…");
      break;
    }
    parts.push(j === k ? `${years[k]}` : `${years[k]}–${years[j]}`);
    k = j + 1;
  }
  return parts.join(", ");
}

/** Names for {@link valueInYear}'s issues: the series' argument and the argument holding the year. */
export interface YearValueNames {
  readonly values: string;
  readonly year: string;
}

/**
 * The value of `s` in `year`. Issues: `year_not_in_series` at `[names.year]` (the year is not one
 * of the series' years; first and last year given), `year_value_blank` at `[names.values]` with
 * `year` (the year is there but its cell is blank — a gap, never read as 0).
 * @example valueInYear(seriesFromArrays([2020, 2025], [10, 8]), 2025, { values: "emissions", year: "to_year" }) // ok(8)
 */
export function valueInYear(s: Series, year: number, names: YearValueNames): Result<number> {
  const i = indexOfYear(s, year);
  if (i < 0) {
    const n = s.years.length;
    return fail([issue("year_not_in_series", [names.year], { value: year, first: n > 0 ? s.years[0] : "", last: n > 0 ? s.years[n - 1] : "" })]);
  }
  const v = s.values[i];
  return Number.isNaN(v) ? fail([issue("year_value_blank", [names.values], { year })]) : ok(v);
}
