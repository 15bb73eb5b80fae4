/**
 * Peaks of scenario results: for every scenario, the peak year, value and status of every city and
 * of the cluster (the sum of all cities), with the shared peak definition of `peak.ts` (DESIGN 3) and
 * the settings' tolerance, confirmation window and smoothing; plus whether the peak comes by the
 * target year and the peak gap after it.
 */
import { findPeak, peakGap } from "../peak";
import { seriesFromArrays } from "../series";
import type { Settings } from "../input/schema";
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
  return {
    scenario,
    region,
    isCluster,
    year: p.value.year,
    value: p.value.value,
    status: p.value.status,
    byTarget: p.value.status !== "rising" && p.value.year <= st.targetYear,
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
