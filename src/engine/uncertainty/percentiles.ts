/**
 * Percentiles of a sample, by one documented definition: Hyndman & Fan (1996) type 7, the linear
 * interpolation Excel's PERCENTILE.INC (and R's default quantile, NumPy's default) uses. For the
 * sorted sample x₀ ≤ … ≤ x_{n−1} and p ∈ [0, 1]: h = (n − 1)·p, P(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).
 * So P(0) is the minimum, P(1) the maximum, and a percentile of whole years may fall between two
 * years (e.g. 2029.5).
 */
import { fail, issue, ok, type Issue, type Result } from "../issues";

/**
 * Type-7 percentile of an ascending sorted sample (trusted: no checks; NaN for an empty sample).
 * @example percentileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const a = sorted[lo];
  const b = sorted[lo + 1];
  return a === b ? a : a + (h - lo) * (b - a);
}

/**
 * Type-7 percentiles (Excel PERCENTILE.INC) of a sample at each p ∈ [0, 1]. The sample need not be
 * sorted and is not modified. Fails with every issue at once: an empty sample (`empty`), a
 * non-finite value (`not_finite` at ["values", i]), p outside [0, 1] (`option_range` at ["p", k]).
 * @example percentiles([2030, 2028, 2029, 2035], [0.05, 0.5, 0.95]) // ok([2028.15, 2029.5, 2034.25])
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): Result<number[]> {
  const issues: Issue[] = [];
  if (values.length === 0) issues.push(issue("empty", ["values"]));
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) issues.push(issue("not_finite", ["values", i], { value: String(values[i]) }));
  }
  ps.forEach((p, k) => {
    if (!(p >= 0 && p <= 1))
      issues.push(
        issue("option_range", ["p", k], { value: p, expected: "a fraction from 0 to 1 (0.05 for P5)", expectedZh: "0 到 1 之间的小数（P5 写作 0.05）" }),
      );
  });
  if (issues.length > 0) return fail(issues);
  const sorted = Float64Array.from(values).sort();
  return ok(ps.map((p) => percentileSorted(sorted, p)));
}
