/**
 * Cores of the scenario functions (PROJECT, RAMP, SECTORREDUCTION, COMBINE, ALIGNBEST): Excel-shaped
 * arguments in, a {@link Result} out. Cells become numbers here (every bad cell reported with its
 * argument and position); the arithmetic and its validation live in src/engine/scenario.
 * 1-D results spill in the orientation of the input they follow (a row spills right, a column down).
 */
import { alignBest, combine, fail, issue, ok, project, ramp, sectorReduction, type Result } from "../engine";
import { all, numbersOf, optionalNumbersOf, optionalText, requiredNumber, spill } from "./coerce";

/**
 * PROJECT: values from base_year to end_year, compounding `rates` by period (docs/design.md §3 convention);
 * spills like `rates` (a single rate cell spills down).
 * @example projectCore(100, 2020, 2025, [[0.1, 0]], [[2022, 2025]]) // ok([[100, 110, 121, 121, 121, 121]])
 */
export function projectCore(baseValue: unknown, baseYear: unknown, endYear: unknown, rates: unknown, periodEnds?: unknown): Result<unknown[][]> {
  const r = all(
    requiredNumber(baseValue, "base_value"),
    requiredNumber(baseYear, "base_year"),
    requiredNumber(endYear, "end_year"),
    numbersOf(rates, "rates"),
    optionalNumbersOf(periodEnds, "period_ends"),
  );
  if (!r.ok) return r;
  const [b, y0, y1, rs, ends] = r.value;
  const p = project(b, y0, y1, rs.values, ends);
  return p.ok ? ok(spill(p.value, rs.values.length === 1 ? "column" : rs.orientation)) : p;
}

/**
 * RAMP: the share in force each year (linear, s-curve or step); spills like `years`.
 * @example rampCore(2020, 2030, 0.3, [[2020], [2025], [2030]]) // ok([[0], [0.15], [0.3]])
 */
export function rampCore(startYear: unknown, fullYear: unknown, fullShare: unknown, years: unknown, shape?: unknown): Result<unknown[][]> {
  const r = all(
    requiredNumber(startYear, "start_year"),
    requiredNumber(fullYear, "full_year"),
    requiredNumber(fullShare, "full_share"),
    numbersOf(years, "years"),
  );
  if (!r.ok) return r;
  const [a, b, share, ys] = r.value;
  const out = ramp(a, b, share, ys.values, optionalText(shape) ?? "linear");
  return out.ok ? ok(spill(out.value, ys.orientation)) : out;
}

/**
 * SECTORREDUCTION: the reduction each year of levers (full shares, combined multiplicatively) ramping
 * together on a sector's baseline; spills like `baseline`.
 * @example sectorReductionCore([[100, 100, 100]], [[0.1, 0.2]], [[2020, 2025, 2030]], 2020, 2030) // ok([[0, 14.5, 28]])
 */
export function sectorReductionCore(
  baseline: unknown,
  shares: unknown,
  years: unknown,
  startYear: unknown,
  fullYear: unknown,
  shape?: unknown,
): Result<unknown[][]> {
  const r = all(
    numbersOf(baseline, "baseline"),
    numbersOf(shares, "shares"),
    numbersOf(years, "years"),
    requiredNumber(startYear, "start_year"),
    requiredNumber(fullYear, "full_year"),
  );
  if (!r.ok) return r;
  const [base, sh, ys, a, b] = r.value;
  const out = sectorReduction(base.values, sh.values, ys.values, a, b, optionalText(shape) ?? "linear");
  return out.ok ? ok(spill(out.value, base.orientation)) : out;
}

/**
 * COMBINE: the combined share 1 − Π(1 − r) of several levers.
 * @example combineCore([[0.1, 0.2]]) // ok(0.28)
 */
export function combineCore(shares: unknown): Result<number> {
  const sh = numbersOf(shares, "shares");
  return sh.ok ? combine(sh.value.values) : sh;
}

/**
 * ALIGNBEST: each member's reduction when its intensity (emissions/activity) moves to the lowest
 * member's; spills like `emissions`.
 * @example alignBestCore([[18], [24]], [[1], [1]]) // ok([[0], [6]])
 */
export function alignBestCore(emissions: unknown, activity: unknown): Result<unknown[][]> {
  const r = all(numbersOf(emissions, "emissions"), numbersOf(activity, "activity"));
  if (!r.ok) return r;
  const [e, a] = r.value;
  if (e.values.length !== a.values.length) {
    return fail([issue("length_mismatch", ["activity"], { actual: a.values.length, expected: e.values.length, other: "emissions" })]);
  }
  const out = alignBest(e.values, a.values);
  return out.ok ? ok(spill(out.value, e.orientation)) : out;
}
