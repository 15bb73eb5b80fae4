/**
 * Cumulative emissions over a window of years: Σ_{y = from}^{to} E(y), both ends included. This is
 * what a carbon budget caps (cumulative tCO2 over a period; IPCC AR6 WGI SPM D.1 relates warming to
 * cumulative CO2), and what the scenario engine reports per scenario, city and cluster.
 *
 * Units: the sum of annual values keeps the input's unit — annual emissions in Mt give Mt over the
 * window (Mt/yr × years). Every year of the window must hold a value: a year that is absent from
 * the series, or blank, is a gap (never a zero), and summing around it would understate the total.
 * Interpolate first if the data are, say, five-yearly.
 */
import { fail, issue, ok, type Issue, type Result } from "./issues";
import type { Series } from "./series";
import { checkWindow, missingYears, valuedSpan, yearRanges, WINDOW_NAMES, type WindowNames } from "./window";

/** Names used in issue paths: the values' argument and the window's ends. */
export interface CumulativeNames extends WindowNames {
  readonly values: string;
}

const NAMES: CumulativeNames = { values: "emissions", ...WINDOW_NAMES };

/** A window's total. */
export interface Cumulative {
  /** Σ E(y) over from..to, in the unit of the values. */
  readonly total: number;
  /** The window used (the defaults filled in). */
  readonly from: number;
  readonly to: number;
  /** Number of years summed (to − from + 1). */
  readonly years: number;
}

/**
 * The sum of `s` over from..to (inclusive). Defaults: the first and the last year that hold a value.
 *
 * Issues, all at once: `no_values` (every value a gap); `year_not_integer`, `year_order` (to < from);
 * `window_outside` at `[from]` / `[to]` (an end outside the years with values — named with them);
 * `window_gap` at `[values]` naming every year inside the window (and the series) without a value.
 * The last two mean "no answer for this window" (Excel #N/A), the others bad input.
 *
 * @param s the series (NaN = gap), ascending years
 * @param from first year of the window (default: the first year with a value)
 * @param to last year of the window (default: the last year with a value)
 * @example cumulative(seriesFromArrays([2018, 2019, 2020], [10, 12, 9])).value.total // 31
 * @example cumulative(seriesFromArrays([2018, 2019, 2020], [10, NaN, 9])) // fail: window_gap, years "2019"
 */
export function cumulative(s: Series, from?: number, to?: number, names: CumulativeNames = NAMES): Result<Cumulative> {
  const span = valuedSpan(s);
  if (!span) return fail([issue("no_values", [names.values])]);
  const f = from ?? span.first;
  const t = to ?? span.last;
  const bad = checkWindow(f, t, names);
  if (bad.length > 0) return fail(bad);
  const issues: Issue[] = [];
  const outside = (end: string, y: number) => issues.push(issue("window_outside", [end], { value: y, first: span.first, last: span.last }));
  if (f < span.first || f > span.last) outside(names.from, f);
  if (t < span.first || t > span.last) outside(names.to, t);
  const lo = Math.max(f, span.first);
  const hi = Math.min(t, span.last);
  const missing = lo <= hi ? missingYears(s, lo, hi) : [];
  if (missing.length > 0) issues.push(issue("window_gap", [names.values], { years: yearRanges(missing), count: missing.length, from: f, to: t }));
  if (issues.length > 0) return fail(issues);
  let total = 0;
  for (let i = 0; i < s.years.length; i++) if (s.years[i] >= f && s.years[i] <= t) total += s.values[i];
  return ok({ total, from: f, to: t, years: t - f + 1 });
}
