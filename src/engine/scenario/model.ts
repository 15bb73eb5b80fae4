/**
 * The compiled scenario model: validated input turned into indexes and typed arrays, laid out for
 * speed (a whole-country run is ≈ 300 cities × 8 sectors × 41 years × several scenarios).
 *
 * Layout: `layout.ts` — cities c, sectors s, years y (y = 0 is the base year, the first of the results), (c, s, y) at
 * `cellIndex` = (c·S + s)·Y + y; a city × year array at c·Y + y; a sector × year array at s·Y + y.
 */
import type { Issue } from "../issues";
import type { KayaTables } from "./growth";
import type { History } from "./history";
import type { RampSegment } from "./ramp";
import type { SocioLevels } from "./socio";
import type { CompiledTarget } from "./targets";
import type { LeverKind, Settings } from "../input/schema";

/**
 * The axes a compile step works over — the model's years, cities and sectors with their indices, and
 * the raw index of each row of its table (for issue paths) — shared by the history and the
 * socio-economic steps.
 */
export interface CompileAxes {
  readonly baseYear: number;
  readonly endYear: number;
  readonly cities: readonly string[];
  readonly sectors: readonly string[];
  readonly cityIndex: ReadonlyMap<string, number>;
  readonly sectorIndex: ReadonlyMap<string, number>;
  /** Raw index of each row of the table compiled (issue paths). */
  readonly rows: readonly number[];
}

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

/** An activity (e.g. built-up area, floor area) across cities. */
export interface CompiledActivity {
  readonly name: string;
  readonly unit?: string;
  /** Value in the last historical year per city (NaN where the city has no row). */
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
  /** The last measured year H: the results are the history up to it and projected after it. */
  readonly lastHistoricalYear: number;
  /** Emissions in H (what every scenario starts from), tCO2, C × S. */
  readonly base: Float64Array;
  /** The measured history (and the values the fill rule supplied). */
  readonly history: History;
  /** Scenario names; index 0 is the baseline (drivers only). */
  readonly scenarios: readonly string[];
  /** Levers in input order (first row of each). */
  readonly levers: readonly CompiledLever[];
  readonly activities: readonly CompiledActivity[];
  readonly emissionRates: RateTable;
  /** The Kaya factors' rate tables; undefined when no Kaya row is given and no activity drives a sector (emission growth rows only). */
  readonly kaya?: KayaTables;
  /** Measured population, GDP and energy (Socioeconomic sheet). */
  readonly socio: SocioLevels;
  /** The Targets rows, checked. */
  readonly targets: readonly CompiledTarget[];
  /** Warnings found while compiling (e.g. inventory pairs absent, counted as 0). */
  readonly warnings: readonly Issue[];
}
