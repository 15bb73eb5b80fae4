/**
 * Centred moving average over calendar years, for peak detection on noisy series
 * (a crisis dip such as 2020 must not confirm a false peak).
 */
import type { Series } from "./series";

/**
 * Centred moving average of `window` years (odd, ≥ 1). Each non-gap year becomes the mean of the
 * non-gap values whose year lies within ±(window−1)/2 years of it; at the ends and next to gaps
 * the window is truncated to the years that exist (no padding, no extrapolation). Gaps stay gaps.
 * `window` 1 returns the values unchanged.
 *
 * @param window odd number of years, e.g. 3 or 5.
 * @example movingAverage({ years: Int32Array.of(2018, 2019, 2020), values: Float64Array.of(3, 6, 3) }, 3)
 *   // Float64Array [4.5, 4, 4.5]
 */
export function movingAverage(s: Series, window: number): Float64Array {
  const n = s.values.length;
  const out = new Float64Array(n);
  const h = (window - 1) / 2;
  if (h <= 0) {
    out.set(s.values);
    return out;
  }
  // Direct sums per window (w is small): no running-sum drift, so equal inputs give equal outputs.
  let lo = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(s.values[i])) {
      out[i] = NaN;
      continue;
    }
    const y = s.years[i];
    while (s.years[lo] < y - h) lo++;
    let sum = 0;
    let count = 0;
    for (let j = lo; j < n && s.years[j] <= y + h; j++) {
      const x = s.values[j];
      if (!Number.isNaN(x)) { sum += x; count++; }
    }
    out[i] = sum / count;
  }
  return out;
}
