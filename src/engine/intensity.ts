/**
 * Change of an intensity between two years: emissions per unit of activity in to_year against
 * from_year,
 *
 *   change = (E_to / A_to) / (E_from / A_from) − 1,
 *
 * so −0.18 is an 18 % fall. This is how Chinese targets are set: 单位GDP二氧化碳排放 −18 % from 2020 to
 * 2025 (十四五规划纲要), −65 % or more against 2005 by 2030 (China's updated NDC, 2021); −18.8 % is what
 * 2015→2020 achieved (生态环境部, 2021). With activity = GDP it is the change of CO2 per unit of GDP;
 * with population, of emissions per capita; with energy, of the carbon intensity of energy.
 *
 * Units cancel: any emissions unit and any activity unit, as long as each is the same in both years
 * (GDP at constant prices — at current prices inflation would show up as a fall in intensity).
 */
import { fail, issue, ok, type Issue, type Result, pushAll } from "./issues";
import type { Series } from "./series";
import { checkWindow, valueInYear, WINDOW_NAMES, type WindowNames } from "./window";

/** Names used in issue paths (the Excel argument names by default). */
export interface IntensityNames extends WindowNames {
  readonly emissions: string;
  readonly activity: string;
}

const NAMES: IntensityNames = { emissions: "emissions", activity: "activity", ...WINDOW_NAMES };

/** An intensity change and the two intensities it compares. */
export interface IntensityChange {
  /** (E_to/A_to) / (E_from/A_from) − 1: −0.18 for an 18 % fall. */
  readonly change: number;
  /** E_from / A_from, in emissions unit per activity unit. */
  readonly intensityFrom: number;
  /** E_to / A_to. */
  readonly intensityTo: number;
}

/**
 * The intensity change of two numbers per year, already looked up. Issues: `activity_not_positive`
 * at `[names.activity]` with `year` (an intensity needs activity > 0), `intensity_zero_base` at
 * `[names.emissions]` (E_from = 0: no relative change against 0 — "no answer", Excel #N/A).
 * Emissions are trusted ≥ 0.
 * @example intensityChangeOf(100, 1000, 120, 1500, 2020, 2025).value.change // (120/1500)/(100/1000) − 1 = −0.2
 */
export function intensityChangeOf(
  eFrom: number,
  aFrom: number,
  eTo: number,
  aTo: number,
  from: number,
  to: number,
  names: IntensityNames = NAMES,
): Result<IntensityChange> {
  const issues: Issue[] = [];
  if (!(aFrom > 0)) issues.push(issue("activity_not_positive", [names.activity], { value: aFrom, year: from }));
  if (to !== from && !(aTo > 0)) issues.push(issue("activity_not_positive", [names.activity], { value: aTo, year: to }));
  if (issues.length > 0) return fail(issues);
  if (eFrom === 0) return fail([issue("intensity_zero_base", [names.emissions], { year: from })]);
  const intensityFrom = eFrom / aFrom;
  const intensityTo = eTo / aTo;
  const change = intensityTo / intensityFrom - 1;
  if (!Number.isFinite(change)) return fail([issue("not_finite_result", [])]);
  return ok({ change, intensityFrom, intensityTo });
}

/**
 * The intensity change of `emissions` per unit of `activity` from `from` to `to` (whole years,
 * to ≥ from; from = to gives 0). Both series must have a value in both years.
 *
 * Issues, all at once: `year_not_integer`, `year_order`; `year_not_in_series` at `[names.from]` /
 * `[names.to]`; `year_value_blank` at `[names.emissions]` / `[names.activity]` with `year`;
 * then those of {@link intensityChangeOf}. Year-specific issues carry `year`, so a caller can point
 * at the cell.
 *
 * @example intensityChange(seriesFromArrays([2020, 2025], [100, 120]), seriesFromArrays([2020, 2025], [1000, 1500]), 2020, 2025).value.change // −0.2
 */
export function intensityChange(emissions: Series, activity: Series, from: number, to: number, names: IntensityNames = NAMES): Result<IntensityChange> {
  const bad = checkWindow(from, to, names);
  if (bad.length > 0) return fail(bad);
  const issues: Issue[] = [];
  const at = (year: number, end: string): [number, number] => {
    const e = valueInYear(emissions, year, { values: names.emissions, year: end });
    // A year missing from the years is reported once, for emissions; a blank activity on its own.
    const a = e.ok || e.issues[0].code !== "year_not_in_series" ? valueInYear(activity, year, { values: names.activity, year: end }) : e;
    if (!e.ok) pushAll(issues, e.issues);
    if (!a.ok && a !== e) pushAll(issues, a.issues);
    return [e.ok ? e.value : NaN, a.ok ? a.value : NaN];
  };
  const [eFrom, aFrom] = at(from, names.from);
  const [eTo, aTo] = to === from ? [eFrom, aFrom] : at(to, names.to);
  if (issues.length > 0) return fail(issues);
  return intensityChangeOf(eFrom, aFrom, eTo, aTo, from, to, names);
}
