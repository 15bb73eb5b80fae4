/**
 * Peaks of scenario results: for every scenario, the peak year, value and status of every city and
 * of the cluster (the sum of all cities), with the shared peak definition of `peak.ts` (docs/peaks.md)
 * and the settings' tolerance, confirmation window and smoothing; what each rests on (plateau start,
 * span, points, flags); whether the peak comes by the target year and the peak gap after it.
 */
import { findPeak, hasPeak, peakGap } from "../peak";
import { describePeak } from "../peak-info";
import { seriesFromArrays } from "../series";
import type { Settings } from "./schema";
import type { PeakRow } from "./results";

/**
 * The peak row of one series (tCO2 over `years`). Scenario results have a value in every year, so
 * findPeak cannot fail here; a failure would be a bug and throws.
 * @example peakRow("baseline", "长沙", false, years, values, settings)
 */
export function peakRow(scenario: string, region: string, isCluster: boolean, years: Int32Array, values: Float64Array, st: Settings): PeakRow {
  const series = seriesFromArrays(years, values);
  const p = findPeak(series, { tolerance: st.tolerance, confirmYears: st.confirmYears, smoothYears: st.smoothYears });
  if (!p.ok) throw new Error(`peak of ${scenario}/${region}: ${p.issues.map((i) => i.code).join(", ")}`);
  const gap = peakGap(series, st.targetYear);
  const { year, value, status, plateauStart, firstYear, lastYear, points } = p.value;
  return {
    scenario,
    region,
    isCluster,
    year,
    value,
    status,
    plateauStart,
    firstYear,
    lastYear,
    points,
    flags: describePeak(series, p.value, st.tolerance).flags,
    byTarget: hasPeak(status) && year <= st.targetYear,
    gapAfterTarget: gap.ok ? gap.value : NaN,
  };
}

/**
 * Peak rows for one scenario: every city (C × Y totals) then the cluster (Y totals).
 * @example scenarioPeaks("coordinated", cities, "长株潭", years, byCity, cluster, settings)
 */
export function scenarioPeaks(scenario: string, cities: readonly string[], cluster: string, years: Int32Array, byCity: Float64Array, total: Float64Array, st: Settings): PeakRow[] {
  const Y = years.length;
  const rows = cities.map((city, c) => peakRow(scenario, city, false, years, byCity.subarray(c * Y, (c + 1) * Y), st));
  rows.push(peakRow(scenario, cluster, true, years, total, st));
  return rows;
}
