/**
 * Cores of the indicator functions (CUMULATIVE, INTENSITYCHANGE): Excel-shaped arguments in, a
 * {@link Result} out. Cells become series here (every bad cell reported with its argument and
 * position); the window rules and the arithmetic live in src/engine (window.ts, cumulative.ts,
 * intensity.ts). Issues the engine words by year are pointed at that year's cell.
 */
import { cumulative, fail, intensityChange, ok, parseSeries, type Issue, type Result, pushAll } from "../engine";
import { all, atYearCells, negativeCells, optionalYear, requiredYear, toVector, uniqueIssues, yearPositions } from "./coerce";
import { readSeries } from "./peak-core";

/**
 * CUMULATIVE: Σ emissions over from_year..to_year (inclusive), in the unit of the emissions.
 * Defaults: the first and the last year with a value. A year of the window without a value is
 * `window_gap` (#N/A), an end outside the series `window_outside` (#N/A).
 * @example cumulativeCore([[10, 12, 9]], [[2018, 2019, 2020]], 2019) // ok(21)
 */
export function cumulativeCore(emissions: unknown, years: unknown, fromYear?: unknown, toYear?: unknown): Result<number> {
  const r = all(readSeries(emissions, years), optionalYear(fromYear, "from_year"), optionalYear(toYear, "to_year"));
  if (!r.ok) return r;
  const [s, from, to] = r.value;
  const c = cumulative(s, from, to);
  return c.ok ? ok(c.value.total, c.warnings) : c;
}

/**
 * INTENSITYCHANGE: (E_to/A_to) / (E_from/A_from) − 1 — −0.18 for an 18 % fall. emissions, activity
 * and years are rows or columns of the same length; activity must be ≥ 0 everywhere and > 0 in the
 * two years. Blank in either year → `year_value_blank` (#N/A) at the cell; E_from = 0 →
 * `intensity_zero_base` (#N/A); zero or negative activity → #VALUE!.
 * @example intensityChangeCore([[100, 120]], [[1000, 1500]], [[2020, 2025]], 2020, 2025) // ok(−0.2)
 */
export function intensityChangeCore(emissions: unknown, activity: unknown, years: unknown, fromYear: unknown, toYear: unknown): Result<number> {
  const e = toVector(emissions, "emissions");
  const a = toVector(activity, "activity");
  const y = toVector(years, "years");
  const from = requiredYear(fromYear, "from_year");
  const to = requiredYear(toYear, "to_year");
  const issues: Issue[] = [];
  for (const r of [from, to, e, a, y]) if (!r.ok) pushAll(issues, r.issues);
  // Every cell problem of both series, even when a year argument is wrong too (all problems at once).
  const es = e.ok && y.ok ? parseSeries(e.value.cells, y.value.cells) : undefined;
  const as = a.ok && y.ok ? parseSeries(a.value.cells, y.value.cells, { values: "activity", years: "years" }, { allowNegative: true }) : undefined;
  if (es && !es.ok) pushAll(issues, es.issues);
  if (as && !as.ok) pushAll(issues, as.issues);
  if (a.ok)
    pushAll(
      issues,
      negativeCells([a.value.cells], (_, pos) => ["activity", pos]),
    );
  if (issues.length > 0 || !es?.ok || !as?.ok || !from.ok || !to.ok || !y.ok) return fail(uniqueIssues(issues));
  const c = intensityChange(es.value, as.value, from.value, to.value);
  return c.ok ? ok(c.value.change, c.warnings) : fail(atYearCells(c.issues, yearPositions(y.value), ["emissions", "activity"]));
}
