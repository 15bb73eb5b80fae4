/**
 * Centred moving average over calendar years, for peak detection on noisy series (a one-year spike
 * must not pass for a peak). The window is symmetric and shrinks towards the ends of the series, down
 * to the raw value in the first and the last data year: smoothing never invents a decline at the end
 * (docs/peaks.md, "Smoothing").
 */
import type { Series } from "./series";

/**
 * Centred moving average of `window` years (odd, ≥ 1) with a symmetric window that shrinks at the
 * ends. Each non-gap year y becomes the mean of the non-gap values whose year lies within ±h' of it,
 * where h' = min((window−1)/2, y − first data year, last data year − y): the last data year keeps its
 * raw value, the year before it is the mean of three years at most, and so on. Gaps stay gaps and
 * are left out of their neighbours' windows (the window is not widened to make up for them).
 * `window` 1 (or 0) returns the values unchanged.
 *
 * Why it shrinks: a window truncated on one side only (the mean of the last two years at the end)
 * pulls a series that is at its maximum in its last year below its earlier values — it manufactures
 * a peak. With a symmetric window every smoothed value is a mean of raw values, so none exceeds the
 * raw maximum, and the last smoothed value is the raw last value: a series whose last value is its
 * maximum stays at its maximum after smoothing.
 *
 * @param window odd number of years, e.g. 3 or 5.
 * @example movingAverage({ years: Int32Array.of(2018, 2019, 2020), values: Float64Array.of(3, 6, 3) }, 3)
 *   // Float64Array [3, 4, 3]
 * @example movingAverage({ years: Int32Array.of(2015, 2016, 2017, 2018, 2019), values: Float64Array.of(1, 2, 3, 4, 9) }, 5)
 *   // Float64Array [1, 2, 3.8, 5.333…, 9]
 */
export function movingAverage(s: Series, window: number): Float64Array {
  const n = s.values.length;
  const out = new Float64Array(n);
  const h = (window - 1) / 2;
  if (h <= 0) {
    out.set(s.values);
    return out;
  }
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(s.values[i])) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) {
    out.fill(NaN);
    return out;
  }
  const firstYear = s.years[first];
  const lastYear = s.years[last];
  // Direct sums per window (w is small): no running-sum drift, so equal inputs give equal outputs.
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(s.values[i])) {
      out[i] = NaN;
      continue;
    }
    const y = s.years[i];
    const hi = Math.min(h, y - firstYear, lastYear - y);
    let lo = i;
    while (lo > 0 && s.years[lo - 1] >= y - hi) lo--;
    let sum = 0;
    let count = 0;
    for (let j = lo; j < n && s.years[j] <= y + hi; j++) {
      const x = s.values[j];
      if (!Number.isNaN(x)) {
        sum += x;
        count++;
      }
    }
    out[i] = sum / count;
  }
  return out;
}
