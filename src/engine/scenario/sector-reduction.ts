/**
 * SECTORREDUCTION: the reduction a set of levers delivers on one sector's baseline, each lever ramping
 * from 0 in the start year to its full share in the full-effect year (one ramp for all), combined
 * multiplicatively every year: reduction(y) = baseline(y)·(1 − Π_i(1 − share_i·fraction(y))).
 */
import { fail, issue, ok, type Issue, type Result, pushAll } from "../issues";
import { checkEach, checkFinite, checkList, checkShare, checkYear } from "./checks";
import { checkRampYears, rampFraction, readShape } from "./ramp";

/**
 * SECTORREDUCTION core: the reduction in each year (same unit as `baseline`, same order as `years`).
 *
 * - `baseline[i]` is the sector's emissions without the levers in `years[i]` (finite, ≥ 0);
 * - `shares` are the levers' full shares (each 0–1); the share in force is share·fraction(y) with the
 *   ramp of `startYear`, `fullYear`, `shape` (linear by default; see RAMP);
 * - levers combine multiplicatively, so the reduction never exceeds the baseline.
 * Issues: `length_mismatch` (years vs baseline), per-position `negative_value`, `share_range`,
 * `year_not_integer`…, `year_order` (full before start), `unknown_shape`.
 *
 * @example sectorReduction([100, 100, 100], [0.1, 0.2], [2020, 2025, 2030], 2020, 2030)
 *   // ok([0, 100·(1 − 0.95·0.9) = 14.5, 28])
 */
export function sectorReduction(
  baseline: readonly number[],
  shares: readonly number[],
  years: readonly number[],
  startYear: number,
  fullYear: number,
  shape: unknown = "linear",
): Result<number[]> {
  const issues: Issue[] = [];
  const lb = checkList(baseline, "baseline");
  const ls = checkList(shares, "shares");
  const ly = checkList(years, "years");
  for (const l of [lb, ls, ly]) if (l) issues.push(l);
  if (!lb && !ly && baseline.length !== years.length) {
    issues.push(issue("length_mismatch", ["years"], { actual: years.length, expected: baseline.length, other: "baseline" }));
  }
  if (!lb) {
    baseline.forEach((b, i) => {
      const bad = checkFinite(b, ["baseline", i]);
      if (bad) issues.push(bad);
      else if (b < 0) issues.push(issue("negative_value", ["baseline", i], { value: b }));
    });
  }
  if (!ls) pushAll(issues, checkEach(shares, "shares", checkShare));
  if (!ly) pushAll(issues, checkEach(years, "years", checkYear));
  checkRampYears(startYear, fullYear, issues);
  const s = readShape(shape, ["shape"], issues);
  if (issues.length > 0) return fail(issues);
  return ok(
    years.map((y, i) => {
      const f = rampFraction(y, startYear, fullYear, s);
      let keep = 1;
      for (const r of shares) keep *= 1 - r * f;
      return baseline[i] * (1 - keep);
    }),
  );
}
