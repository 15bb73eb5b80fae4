/**
 * The CARBON custom functions. Each is a thin wrapper: Excel arguments go to a `*Core` function,
 * whose result passes through the one error boundary (`toExcel`). The JSDoc here becomes
 * functions.json (custom-functions-metadata-plugin), so every description and parameter line is
 * what analysts see in Excel's formula help. Ids are fixed once shipped: never rename them.
 */
import { toExcel } from "./boundary";
import { clusterPeakYearCore, clusterPeaksCore, convertCore, peakGapCore, peakInfoCore, peakStatusCore, peakValueCore, peakYearCore } from "./peak-core";
import { lmdiCore } from "./decomposition-core";
import { alignBestCore, combineCore, projectCore, rampCore, sectorReductionCore } from "./scenario-core";
import { cumulativeCore, intensityChangeCore } from "./indicator-core";
import { kayaCore } from "./decomposition-core";

/**
 * Peak year of an emissions series: the year of its maximum (the tolerance never moves it). #N/A while emissions are still rising at the end, or with fewer than min_points values.
 * @customfunction PEAKYEAR
 * @param emissions Emissions, one row or one column; blank cells are gaps, not zeros.
 * @param years Years matching emissions cell by cell (whole numbers, any order).
 * @param [tolerance] Plateau band below the maximum, 0 ≤ t < 1 (default 0; 0.02 = within 2%): a last value inside it is "plateau", not "peaked".
 * @param [confirm_years] Years after the peak needed for status "peaked" (default 0).
 * @param [smooth_years] Centred moving-average window in years for judging the decline: odd, default 1 (none); it shrinks to the raw value in the last year.
 * @param [min_points] Fewest values for a peak call (default 5); fewer gives #N/A and status "insufficient".
 * @returns The peak year.
 */
export function peakYear(
  emissions: unknown[][],
  years: unknown[][],
  tolerance?: number,
  confirm_years?: number,
  smooth_years?: number,
  min_points?: number,
): number {
  return toExcel(() => peakYearCore(emissions, years, tolerance, confirm_years, smooth_years, min_points));
}

/**
 * Emissions in the peak year, i.e. the maximum (same unit as the input). #N/A while emissions are still rising at the end, or with fewer than min_points values.
 * @customfunction PEAKVALUE
 * @param emissions Emissions, one row or one column; blank cells are gaps, not zeros.
 * @param years Years matching emissions cell by cell.
 * @param [tolerance] Plateau band below the maximum, 0 ≤ t < 1 (default 0).
 * @param [confirm_years] Years after the peak needed for status "peaked" (default 0).
 * @param [smooth_years] Centred moving-average window in years: odd, default 1 (none).
 * @param [min_points] Fewest values for a peak call (default 5).
 * @returns The emissions of the peak year.
 */
export function peakValue(
  emissions: unknown[][],
  years: unknown[][],
  tolerance?: number,
  confirm_years?: number,
  smooth_years?: number,
  min_points?: number,
): number {
  return toExcel(() => peakValueCore(emissions, years, tolerance, confirm_years, smooth_years, min_points));
}

/**
 * Where a series stands: "peaked", "plateau" (last value still within the tolerance of the maximum), "rising" (no peak yet), "unconfirmed" (fewer than confirm_years after the peak) or "insufficient" (fewer than min_points values).
 * @customfunction PEAKSTATUS
 * @param emissions Emissions, one row or one column; blank cells are gaps, not zeros.
 * @param years Years matching emissions cell by cell.
 * @param [tolerance] Plateau band below the maximum, 0 ≤ t < 1 (default 0).
 * @param [confirm_years] Years after the peak needed for status "peaked" (default 0).
 * @param [smooth_years] Centred moving-average window in years: odd, default 1 (none).
 * @param [min_points] Fewest values for a status other than "insufficient" (default 5).
 * @returns peaked, plateau, rising, unconfirmed or insufficient.
 */
export function peakStatus(
  emissions: unknown[][],
  years: unknown[][],
  tolerance?: number,
  confirm_years?: number,
  smooth_years?: number,
  min_points?: number,
): string {
  return toExcel(() => peakStatusCore(emissions, years, tolerance, confirm_years, smooth_years, min_points));
}

/**
 * What a peak call rests on: spills label/value pairs (2 columns) — status, peakYear, peakValue, plateauStart, firstYear, lastYear, points, flags (left_censored, last_year_max, single_dip, gaps, decline_proactive, decline_passive). Years and value are blank while rising or insufficient.
 * @customfunction PEAKINFO
 * @param emissions Emissions, one row or one column; blank cells are gaps, not zeros.
 * @param years Years matching emissions cell by cell.
 * @param [tolerance] Plateau band below the maximum, 0 ≤ t < 1 (default 0).
 * @param [confirm_years] Years after the peak needed for status "peaked" (default 0; 5 for the strict reading).
 * @param [smooth_years] Centred moving-average window in years: odd, default 1 (none).
 * @param [min_points] Fewest values for a peak call (default 5).
 * @param [gdp] GDP at constant prices matching years: with population, a decline is read as proactive (both growing) or passive (either falling).
 * @param [population] Population matching years (see gdp).
 * @returns Label/value pairs, one row per item.
 */
export function peakInfo(
  emissions: unknown[][],
  years: unknown[][],
  tolerance?: number,
  confirm_years?: number,
  smooth_years?: number,
  min_points?: number,
  gdp?: unknown[][],
  population?: unknown[][],
): unknown[][] {
  return toExcel(() => peakInfoCore(emissions, years, tolerance, confirm_years, smooth_years, min_points, gdp, population));
}

/**
 * Cumulative extra cut needed so that no year after target_year exceeds it: the sum over later years of max(0, E(y) − E(target)).
 * @customfunction PEAKGAP
 * @param emissions Emissions, one row or one column; blank cells are gaps.
 * @param years Years matching emissions cell by cell.
 * @param target_year Year the series should peak in (must have a value).
 * @returns The cumulative gap, in the unit of emissions.
 */
export function peakGap(emissions: unknown[][], years: unknown[][], target_year: number): number {
  return toExcel(() => peakGapCore(emissions, years, target_year));
}

/**
 * Peak year of a whole cluster: the member sum over the years in which every member has a value. #N/A when the cluster is still rising or the members share fewer than 5 years.
 * @customfunction CLUSTERPEAKYEAR
 * @param emissions Member emissions: one row per member and one column per year (or one column per member).
 * @param years Years, one row or column matching the year side of emissions.
 * @param [tolerance] Relative band treated as the plateau, 0 ≤ t < 1 (default 0).
 * @returns The cluster's peak year.
 */
export function clusterPeakYear(emissions: unknown[][], years: unknown[][], tolerance?: number): number {
  return toExcel(() => clusterPeakYearCore(emissions, years, tolerance));
}

/**
 * Peak of every member: spills one row per member with peak year, peak value and status (year and value blank while rising or insufficient).
 * @customfunction CLUSTERPEAKS
 * @param emissions Member emissions: one row per member and one column per year (or one column per member).
 * @param years Years, one row or column matching the year side of emissions.
 * @param [tolerance] Relative band treated as the plateau, 0 ≤ t < 1 (default 0).
 * @returns One row per member: peak year, peak value, status.
 */
export function clusterPeaks(emissions: unknown[][], years: unknown[][], tolerance?: number): unknown[][] {
  return toExcel(() => clusterPeaksCore(emissions, years, tolerance));
}

/**
 * Converts between units: mass t, kt, 万t, Mt, 亿t, Gt (CO2 suffix allowed) or energy tce, 万tce, GJ, TJ, kWh … (1 tce = 29.3076 GJ).
 * @customfunction CONVERT
 * @param value Quantity to convert.
 * @param from_unit Unit of value, e.g. "Mt".
 * @param to_unit Unit wanted, e.g. "万t".
 * @returns The value in to_unit.
 */
export function convertUnits(value: number, from_unit: string, to_unit: string): number {
  return toExcel(() => convertCore(value, from_unit, to_unit));
}

/**
 * LMDI-I decomposition (Ang 2005) of the change in an aggregate V, the sum over rows of the product of each row's factors, between two years. Spills one row with the effect of each factor: additive effects sum to V1 − V0, multiplicative indices multiply to V1/V0. Zeros use the analytical limits.
 * @customfunction LMDI
 * @param v0 Base-year factors: one row per subcategory (sector, city …) and one column per factor, e.g. population, GDP per capita, energy intensity, carbon intensity; numbers ≥ 0, no blanks.
 * @param v1 Final-year factors, same rows and columns as v0.
 * @param [mode] "additive" (default: effects in the unit of V) or "multiplicative" (indices); 加法 / 乘法 also accepted.
 * @returns One row: the effect of each factor, in the order of the columns.
 */
export function lmdiDecomposition(v0: unknown[][], v1: unknown[][], mode?: string): unknown[][] {
  return toExcel(() => lmdiCore(v0, v1, mode));
}

/**
 * Projects a value from base_year to end_year by annual growth rates per period: a rate r for the period (a, b] means E(y) = E(y−1)·(1+r) for a < y ≤ b. Spills base_year..end_year.
 * @customfunction PROJECT
 * @param base_value Value in the base year (emissions, an activity …).
 * @param base_year First year of the projection (keeps base_value).
 * @param end_year Last year of the projection.
 * @param rates Annual growth rates, one per period (0.02 = +2% a year), or a single rate for every year.
 * @param [period_ends] Last year of each period, increasing (e.g. 2025, 2030, 2035); after the last one the last rate continues.
 * @returns One value per year from base_year to end_year.
 */
export function project(base_value: number, base_year: number, end_year: number, rates: unknown[][], period_ends?: unknown[][]): unknown[][] {
  return toExcel(() => projectCore(base_value, base_year, end_year, rates, period_ends));
}

/**
 * Share of a lever's full effect in force in each year: 0 in start_year rising to full_share in full_year (linear, s-curve or step). Spills like years.
 * @customfunction RAMP
 * @param start_year Year the lever starts (share 0).
 * @param full_year Year the full share is reached.
 * @param full_share Full share of the lever, e.g. 0.28 for −28%.
 * @param years Years to evaluate, one row or column.
 * @param [shape] "linear" (default), "s-curve" or "step".
 * @returns The share in force in each year.
 */
export function ramp(start_year: number, full_year: number, full_share: number, years: unknown[][], shape?: string): unknown[][] {
  return toExcel(() => rampCore(start_year, full_year, full_share, years, shape));
}

/**
 * Reduction each year that one or several levers deliver on a sector's baseline, ramping from start_year to full_year and combined multiplicatively: baseline·(1 − Π(1 − share·ramp)). Spills like baseline.
 * @customfunction SECTORREDUCTION
 * @param baseline Sector emissions without the levers, one row or column.
 * @param shares Full shares of the levers (each 0 to 1).
 * @param years Years matching baseline cell by cell.
 * @param start_year Year the levers start.
 * @param full_year Year the levers reach their full shares.
 * @param [shape] "linear" (default), "s-curve" or "step".
 * @returns The reduction each year, in the unit of baseline.
 */
export function sectorReduction(
  baseline: unknown[][],
  shares: unknown[][],
  years: unknown[][],
  start_year: number,
  full_year: number,
  shape?: string,
): unknown[][] {
  return toExcel(() => sectorReductionCore(baseline, shares, years, start_year, full_year, shape));
}

/**
 * Combined share of levers acting on the same emissions: 1 − Π(1 − r), never the sum (two 60% cuts remove 84%).
 * @customfunction COMBINE
 * @param shares Shares of the levers (each 0 to 1).
 * @returns The combined share.
 */
export function combine(shares: unknown[][]): number {
  return toExcel(() => combineCore(shares));
}

/**
 * Each member's reduction when its intensity (emissions ÷ activity) moves to the best (lowest) member's: emissions − best·activity. Spills like emissions.
 * @customfunction ALIGNBEST
 * @param emissions Members' emissions, one row or column.
 * @param activity Members' activity (e.g. floor area, built-up area), matching emissions.
 * @returns Each member's reduction, in the unit of emissions.
 */
export function alignBest(emissions: unknown[][], activity: unknown[][]): unknown[][] {
  return toExcel(() => alignBestCore(emissions, activity));
}

// --- indicators and the Kaya decomposition (CUMULATIVE, INTENSITYCHANGE, KAYA) ---

/**
 * Cumulative emissions over a window of years, both ends included: a carbon budget is this total over its period. In the unit of the input summed over years (Mt a year → Mt). #N/A naming the years when a year of the window has no value.
 * @customfunction CUMULATIVE
 * @param emissions Annual emissions, one row or one column; a blank is a gap, never a zero.
 * @param years Years matching emissions cell by cell (whole numbers, any order).
 * @param [from_year] First year of the window (default: the first year with a value).
 * @param [to_year] Last year of the window (default: the last year with a value).
 * @returns The sum of emissions from from_year to to_year.
 */
export function cumulativeEmissions(emissions: unknown[][], years: unknown[][], from_year?: number, to_year?: number): number {
  return toExcel(() => cumulativeCore(emissions, years, from_year, to_year));
}

/**
 * Change of emissions per unit of activity from from_year to to_year: (E_to/A_to)/(E_from/A_from) − 1, so −0.18 is an 18% fall (单位GDP二氧化碳排放 −18% 2020→2025). #N/A when a year has no value or E_from is 0.
 * @customfunction INTENSITYCHANGE
 * @param emissions Emissions, one row or one column; a blank is a gap, never a zero.
 * @param activity Activity matching emissions cell by cell: GDP at constant prices (CO2 per GDP), population (per capita), energy (carbon intensity of energy); > 0 in both years.
 * @param years Years matching emissions cell by cell.
 * @param from_year Reference year, e.g. 2005 or 2020.
 * @param to_year Year compared with it (not before from_year).
 * @returns The relative change of the intensity, e.g. −0.18.
 */
export function intensityChange(emissions: unknown[][], activity: unknown[][], years: unknown[][], from_year: number, to_year: number): number {
  return toExcel(() => intensityChangeCore(emissions, activity, years, from_year, to_year));
}

/**
 * Kaya decomposition (LMDI-I, Ang 2005) of the change in emissions from from_year to to_year. Spills one row: the effects of population, GDP per capita, energy intensity and carbon intensity. Additive effects sum to E_to − E_from; multiplicative ones multiply to E_to/E_from. Zeros use the analytical limits.
 * @customfunction KAYA
 * @param population Population (e.g. 万人), one row or column matching years — or one row (or column) per city for a cluster.
 * @param gdp GDP at constant prices (e.g. 亿元), same shape as population.
 * @param energy Energy use (e.g. 万tce), same shape as population.
 * @param emissions CO2 emissions (e.g. Mt), same shape as population.
 * @param years Years, one row or column matching the year side of the quantities.
 * @param from_year First year of the change.
 * @param to_year Last year of the change (not before from_year).
 * @param [mode] "additive" (default: effects in the unit of emissions) or "multiplicative" (indices); 加法 / 乘法 also accepted.
 * @returns One row: population, GDP per capita, energy intensity, carbon intensity effects.
 */
export function kayaDecomposition(
  population: unknown[][],
  gdp: unknown[][],
  energy: unknown[][],
  emissions: unknown[][],
  years: unknown[][],
  from_year: number,
  to_year: number,
  mode?: string,
): unknown[][] {
  return toExcel(() => kayaCore(population, gdp, energy, emissions, years, from_year, to_year, mode));
}
