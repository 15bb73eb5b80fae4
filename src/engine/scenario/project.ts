/**
 * Projection by growth rates (docs/design.md §3): a rate r for the period (a, b] means
 * E(y) = E(y − 1)·(1 + r) for every year y with a < y ≤ b. The base year keeps the base value.
 */
import { fail, issue, ok, type Issue, type Result, pushAll } from "../issues";
import { checkEach, checkFinite, checkList, checkRate, checkYear } from "./checks";

/**
 * Compounds `base` by one rate per year: `out[0] = base`, `out[i] = out[i − 1]·(1 + rates[i])`
 * (`rates[0]` is ignored — the base year does not grow). Trusted input; the hot loop of the engine.
 * @example compound(100, Float64Array.of(0, 0.1, 0.1, 0)) // [100, 110, 121, 121]
 */
export function compound(base: number, rates: ArrayLike<number>, out = new Float64Array(rates.length), offset = 0): Float64Array {
  let v = base;
  out[offset] = v;
  for (let i = 1; i < rates.length; i++) {
    v *= 1 + rates[i];
    out[offset + i] = v;
  }
  return out;
}

/**
 * PROJECT core: values from `baseYear` to `endYear` (inclusive), starting at `baseValue` and growing
 * by `rates` (yearly rates, 0.02 = +2%/yr).
 *
 * How rates map to years:
 * - With `periodEnds` (same length as `rates`, whole years, strictly increasing, the first after
 *   `baseYear`): `rates[k]` applies to the years after `periodEnds[k − 1]` (after `baseYear` for k = 0)
 *   up to and including `periodEnds[k]`. After the last period end the last rate continues (reported
 *   as the warning `last_rate_continues`); period ends beyond `endYear` are simply not reached.
 * - Without `periodEnds`: one rate applies to every year; or, when there are exactly
 *   `endYear − baseYear` rates, one rate per year from `baseYear + 1`. Other counts are an error
 *   (`rates_count`).
 *
 * Rates must be between −1 and 1 (5 for 5% is rejected). `baseValue` may be any finite number
 * (emissions, an activity, or a net balance). `endYear = baseYear` gives just the base value.
 * Issues name the argument and position: `["rates", 2]`, `["period_ends", 0]`, `["end_year"]` ….
 *
 * @example project(100, 2020, 2025, [0.1, 0], [2022, 2025]) // ok([100, 110, 121, 121, 121, 121]) (docs/design.md §3)
 * @example project(100, 2020, 2022, [0.05]) // ok([100, 105, 110.25])
 * @example project(100, 2020, 2024, [0.1], [2022]) // ok([100, 110, 121, 133.1, 146.41]) + warning
 */
export function project(baseValue: number, baseYear: number, endYear: number, rates: readonly number[], periodEnds?: readonly number[]): Result<number[]> {
  const issues: Issue[] = [];
  const b = checkFinite(baseValue, ["base_value"]);
  if (b) issues.push(b);
  const yb = checkYear(baseYear, ["base_year"]);
  const ye = checkYear(endYear, ["end_year"]);
  if (yb) issues.push(yb);
  if (ye) issues.push(ye);
  const yearsOk = !yb && !ye;
  if (yearsOk && endYear < baseYear) issues.push(issue("year_order", ["end_year"], { value: endYear, after: "base_year", year: baseYear }));
  const list = checkList(rates, "rates");
  if (list) issues.push(list);
  else pushAll(issues, checkEach(rates, "rates", checkRate));
  const hasEnds = periodEnds !== undefined && periodEnds !== null && !(Array.isArray(periodEnds) && periodEnds.length === 0);
  if (hasEnds) {
    const l2 = checkList(periodEnds, "period_ends");
    if (l2) issues.push(l2);
    else {
      if (!list && periodEnds.length !== rates.length) {
        issues.push(issue("length_mismatch", ["period_ends"], { actual: periodEnds.length, expected: rates.length, other: "rates" }));
      }
      const endIssues = checkEach(periodEnds, "period_ends", checkYear);
      pushAll(issues, endIssues);
      if (endIssues.length === 0) {
        if (yearsOk && periodEnds[0] <= baseYear) issues.push(issue("period_end_before_base", ["period_ends", 0], { value: periodEnds[0], year: baseYear }));
        for (let k = 1; k < periodEnds.length; k++) {
          if (periodEnds[k] <= periodEnds[k - 1])
            issues.push(issue("period_ends_order", ["period_ends", k], { value: periodEnds[k], previous: periodEnds[k - 1] }));
        }
      }
    }
  } else if (!list && yearsOk && rates.length !== 1 && rates.length !== endYear - baseYear) {
    issues.push(issue("rates_count", ["rates"], { actual: rates.length, expected: Math.max(endYear - baseYear, 1) }));
  }
  if (issues.length > 0) return fail(issues);

  const n = endYear - baseYear + 1;
  const perYear = new Float64Array(n);
  const warnings: Issue[] = [];
  if (hasEnds) {
    let k = 0;
    for (let i = 1; i < n; i++) {
      const y = baseYear + i;
      while (k < periodEnds.length - 1 && y > periodEnds[k]) k++;
      perYear[i] = rates[k];
    }
    const last = periodEnds[periodEnds.length - 1];
    if (last < endYear)
      warnings.push(issue("last_rate_continues", ["period_ends", periodEnds.length - 1], { year: last, rate: rates[rates.length - 1], to: endYear }));
  } else {
    for (let i = 1; i < n; i++) perYear[i] = rates.length === 1 ? rates[0] : rates[i - 1];
  }
  return ok(Array.from(compound(baseValue, perYear)), warnings);
}
