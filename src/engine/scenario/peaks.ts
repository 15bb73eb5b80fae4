/**
 * Peaks of scenario results: for every scenario, the peak year, value and status of every city and
 * of the cluster (the sum of all cities), with the shared peak definition of `peak.ts` (docs/peaks.md)
 * and the settings' tolerance, confirmation window and smoothing; what each rests on (plateau start,
 * span, points, flags); whether the peak comes by the target year and the peak gap after it. Given a
 * region's GDP and population paths (a driver-based scenario), a decline is also read as proactive or
 * passive (`decline.ts`: flags `decline_proactive` / `decline_passive`).
 */
import { declineFlag, declineKind, type DeclineDrivers } from "../decline";
import { DEFAULT_MIN_POINTS, STRICT_PEAK_OPTIONS, findPeak, hasPeak, peakGap, type PeakOptions } from "../peak";
import { describePeak } from "../peak-info";
import { seriesFromArrays } from "../series";
import type { Settings } from "../input/schema";
import type { PeakRow } from "./results";

/**
 * The peak options a run's Settings stand for: tolerance, confirmation and smoothing as given, the
 * default minimum of values; with `strict`, confirmation and minimum raised to at least
 * {@link STRICT_PEAK_OPTIONS} (5 years, 5 values). The peak rows and the live formulas use these.
 * @example peakOptionsOf({ tolerance: 0, confirmYears: 2, smoothYears: 1, strict: true }) // { tolerance: 0, confirmYears: 5, smoothYears: 1, minPoints: 5 }
 */
export function peakOptionsOf(st: Pick<Settings, "tolerance" | "confirmYears" | "smoothYears" | "strict">): Required<PeakOptions> {
  const strict = st.strict === true;
  return {
    tolerance: st.tolerance,
    confirmYears: strict ? Math.max(st.confirmYears, STRICT_PEAK_OPTIONS.confirmYears) : st.confirmYears,
    smoothYears: st.smoothYears,
    minPoints: strict ? Math.max(DEFAULT_MIN_POINTS, STRICT_PEAK_OPTIONS.minPoints) : DEFAULT_MIN_POINTS,
  };
}

/**
 * The peak row of one series (tCO2 over `years`). Scenario results have a value in every year, so
 * findPeak cannot fail here; a failure would be a bug and throws. `drivers`: the region's GDP and
 * population over the same years, when the scenario has them (the decline flag comes from them).
 * @example peakRow("baseline", "长沙", false, years, values, settings)
 * @example peakRow("baseline", "长沙", false, years, values, settings, { gdp, population }).flags // [..., "decline_proactive"]
 */
export function peakRow(
  scenario: string,
  region: string,
  isCluster: boolean,
  years: Int32Array,
  values: Float64Array,
  st: Settings,
  drivers?: DeclineDrivers,
): PeakRow {
  const series = seriesFromArrays(years, values);
  const p = findPeak(series, peakOptionsOf(st));
  if (!p.ok) throw new Error(`peak of ${scenario}/${region}: ${p.issues.map((i) => i.code).join(", ")}`);
  const gap = peakGap(series, st.targetYear);
  const { year, value, status, plateauStart, firstYear, lastYear, points } = p.value;
  let info = describePeak(series, p.value, st.tolerance);
  const decline = drivers === undefined ? undefined : declineFlag(declineKind(info, drivers));
  if (decline !== undefined) info = describePeak(series, p.value, st.tolerance, [decline]);
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
    flags: info.flags,
    byTarget: hasPeak(status) && year <= st.targetYear,
    gapAfterTarget: gap.ok ? gap.value : NaN,
  };
}

/**
 * Peak rows for one scenario: every city (C × Y totals) then the cluster (Y totals). `driversOf`
 * gives a region's GDP and population paths when the scenario has them (index c of `cities`, or −1
 * for the cluster); without it no decline is read.
 * @example scenarioPeaks("coordinated", cities, "长株潭", years, byCity, cluster, settings)
 */
export function scenarioPeaks(
  scenario: string,
  cities: readonly string[],
  cluster: string,
  years: Int32Array,
  byCity: Float64Array,
  total: Float64Array,
  st: Settings,
  driversOf?: (city: number) => DeclineDrivers | undefined,
): PeakRow[] {
  const Y = years.length;
  const rows = cities.map((city, c) => peakRow(scenario, city, false, years, byCity.subarray(c * Y, (c + 1) * Y), st, driversOf?.(c)));
  rows.push(peakRow(scenario, cluster, true, years, total, st, driversOf?.(-1)));
  return rows;
}
