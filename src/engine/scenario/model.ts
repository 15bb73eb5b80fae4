/**
 * The compiled scenario model: validated input turned into indexes and typed arrays, laid out for
 * speed (a whole-country run is ≈ 300 cities × 8 sectors × 41 years × several scenarios).
 *
 * Layout: `layout.ts` — cities c, sectors s, years y (y = 0 is the base year), (c, s, y) at
 * `cellIndex` = (c·S + s)·Y + y; a city × year array at c·Y + y; a sector × year array at s·Y + y.
 */
import type { Issue } from "../issues";
import type { RampSegment } from "./ramp";
import type { LeverKind, Settings } from "../input/schema";

/**
 * Growth rates by specificity for one variable, NaN where a table does not cover a year (y ≥ 1; the
 * base year never grows). The most specific covering entry wins: city+sector > city > sector > all.
 */
export interface RateTable {
  /** Cluster-wide rows: Y. */
  readonly all: Float64Array;
  /** Sector rows: S × Y (unused for activities). */
  readonly sector: Float64Array;
  /** City rows: C × Y. */
  readonly city: Float64Array;
  /** City + sector rows, keyed by c·S + s: Y each. */
  readonly citySector: ReadonlyMap<number, Float64Array>;
}

/** An activity (e.g. built-up area) across cities. */
export interface CompiledActivity {
  readonly name: string;
  readonly unit?: string;
  /** Base-year value per city (NaN where the city has no row). */
  readonly base: Float64Array;
  /** tCO2 per unit of activity per city (NaN where not given). */
  readonly intensity: Float64Array;
  readonly rates: RateTable;
}

/** One lever (its milestone rows merged) ready to apply. */
export interface CompiledLever {
  /** Index into {@link ScenarioModel.scenarios}. */
  readonly scenario: number;
  readonly name: string;
  readonly kind: LeverKind;
  /** Targeted city and sector indexes, ascending. */
  readonly cities: Int32Array;
  readonly sectors: Int32Array;
  /** Milestones sorted by start year; values are shares (pp for structure_shift). */
  readonly segments: readonly RampSegment[];
  /** Index into {@link ScenarioModel.activities} (activity, align_best). */
  readonly activity: number;
  readonly coverage: number;
  readonly elasticity: number;
  readonly electricityShare: number;
  /** The input rows (indexes into `levers`) that make up this lever. */
  readonly rows: readonly number[];
  readonly note?: string;
}

/** The compiled model. Emissions are in tCO2. */
export interface ScenarioModel {
  readonly settings: Settings;
  readonly cities: readonly string[];
  readonly sectors: readonly string[];
  /** baseYear … endYear. */
  readonly years: Int32Array;
  /** Base-year emissions, tCO2, C × S. */
  readonly base: Float64Array;
  /** Scenario names; index 0 is the baseline (drivers only). */
  readonly scenarios: readonly string[];
  /** Levers in input order (first row of each). */
  readonly levers: readonly CompiledLever[];
  readonly activities: readonly CompiledActivity[];
  readonly emissionRates: RateTable;
  /** Warnings found while compiling (e.g. inventory pairs absent, counted as 0). */
  readonly warnings: readonly Issue[];
}
