/**
 * The Kaya factors of a run as indices (docs/model.md §4, §7): population P, GDP G, a sector's activity
 * A and carbon intensity of energy κ, each 1 in the last historical year H and moved by its growth
 * factors (`growth.ts`) after it — the paths the indicators project levels with (P(y) = P(H)·P_idx(y))
 * and the decomposition splits emissions by. Before H they are NaN (the history is measured, not driven).
 *
 * The indices run for every city (a factor no row covers stays flat); `populationDriven` and
 * `gdpDriven` say which cities have a row covering them in some projected year — the indicators
 * project a level only then, never without a driver saying how.
 */
import { activityPaths, cityFactors, historyIndex } from "./drivers";
import { cellRates, cityRates, resolveCell, resolveCity } from "./growth";
import type { ScenarioModel } from "./model";

/** Indices relative to H (1 in H, NaN before). */
export interface KayaPaths {
  /** C × Y. */
  readonly population: Float64Array;
  /** C × Y. */
  readonly gdp: Float64Array;
  /** 1 for a city a population row covers after H, C. */
  readonly populationDriven: Uint8Array;
  /** 1 for a city a GDP or GDP-per-capita row covers after H, C. */
  readonly gdpDriven: Uint8Array;
  /** Activity of each (c, s): GDP × value-added share, or the driving activity. C × S × Y. */
  readonly activity: Float64Array;
  /** Carbon intensity of energy of each (c, s), C × S × Y. */
  readonly carbonIntensity: Float64Array;
}

/**
 * The Kaya paths of a model with Kaya tables (undefined without: emission growth rows only).
 * @example kayaPaths(model)?.gdp[c * Y + y] // GDP of city c in year index y relative to H
 */
export function kayaPaths(m: ScenarioModel, activityGrowth?: readonly Float64Array[]): KayaPaths | undefined {
  const kaya = m.kaya;
  if (kaya === undefined) return undefined;
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const h = historyIndex(m);
  const acts = activityGrowth ?? activityPaths(m).growth;
  const city = cityFactors(m);
  const population = new Float64Array(C * Y).fill(NaN);
  const gdp = new Float64Array(C * Y).fill(NaN);
  const populationDriven = new Uint8Array(C);
  const gdpDriven = new Uint8Array(C);
  const activity = new Float64Array(C * S * Y).fill(NaN);
  const carbonIntensity = new Float64Array(C * S * Y).fill(NaN);
  const cr = cityRates(Y);
  const rates = cellRates(Y);
  for (let c = 0; c < C; c++) {
    resolveCity(kaya, c, h, S, Y, cr);
    for (let y = h + 1; y < Y; y++) {
      if (cr.population[y] === cr.population[y]) populationDriven[c] = 1;
      if (cr.gdp[y] === cr.gdp[y] || cr.gdpPerCapita[y] === cr.gdpPerCapita[y]) gdpDriven[c] = 1;
    }
    let p = 1;
    let q = 1;
    population[c * Y + h] = 1;
    gdp[c * Y + h] = 1;
    for (let y = h + 1; y < Y; y++) {
      p *= city.population[c * Y + y];
      q *= city.gdp[c * Y + y];
      population[c * Y + y] = p;
      gdp[c * Y + y] = q;
    }
    for (let s = 0; s < S; s++) {
      resolveCell(m.emissionRates, kaya, c, s, h, S, Y, rates);
      const o = (c * S + s) * Y;
      const a = kaya.drivenBy[c * S + s];
      let act = 1;
      let ci = 1;
      activity[o + h] = 1;
      carbonIntensity[o + h] = 1;
      for (let y = h + 1; y < Y; y++) {
        const rs = rates.share[y];
        act *= a >= 0 ? acts[a][c * Y + y] : city.gdp[c * Y + y] * (rs === rs ? 1 + rs : 1);
        const rc = rates.carbonIntensity[y];
        ci *= rc === rc ? 1 + rc : 1;
        activity[o + y] = act;
        carbonIntensity[o + y] = ci;
      }
    }
  }
  return { population, gdp, populationDriven, gdpDriven, activity, carbonIntensity };
}
