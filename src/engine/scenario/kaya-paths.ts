/**
 * The Kaya factors of a run as indices (docs/model.md §4, §11): population P, GDP G, a sector's activity
 * A and carbon intensity of energy κ, each 1 in the last historical year H and moved by its growth
 * factors (`growth.ts`) after it — the paths the indicators project levels with (P(y) = P(H)·P_idx(y))
 * and the decomposition splits emissions by. Before H they are NaN (the history is measured, not driven).
 *
 * The indices run for every city (a factor no row covers stays flat); `populationDriven` and
 * `gdpDriven` say which cities have a row covering them in some projected year — the indicators
 * project a level only then, never without a driver saying how.
 */
import { baselineEmissions } from "./drivers";
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
 * The Kaya paths of a model with Kaya tables (undefined without: emission growth rows only). They are
 * computed in the baseline's own pass (`baselineEmissions`); this runs that pass for them alone.
 * @example kayaPaths(model)?.gdp[c * Y + y] // GDP of city c in year index y relative to H
 */
export function kayaPaths(m: ScenarioModel, activityGrowth?: readonly Float64Array[]): KayaPaths | undefined {
  return m.kaya === undefined ? undefined : baselineEmissions(m, activityGrowth).kaya;
}
