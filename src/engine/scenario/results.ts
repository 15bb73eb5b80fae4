/**
 * Scenario results and how to read them. Everything is in tCO2 and laid out as in `model.ts`:
 * emissions per scenario are city × sector × year arrays (`layout.ts`: index (c·S + s)·Y + y).
 */
import type { Dims } from "../layout";
import type { PeakStatus } from "../peak";
import type { FilledCell } from "./history";
import type { KayaPaths } from "./kaya-paths";
import type { PeakFlag } from "../peak-info";
import type { RampSegment } from "./ramp";
import type { LeverKind, Settings } from "../input/schema";

/** A lever as reported with the results. */
export interface LeverSummary {
  readonly name: string;
  readonly kind: LeverKind;
  readonly cities: readonly string[];
  readonly sectors: readonly string[];
  readonly milestones: readonly RampSegment[];
  readonly note?: string;
}

/** The reduction of one scenario attributed to its levers (log shares; docs/design.md §3). */
export interface ScenarioReductions {
  readonly scenario: string;
  /** The scenario's levers, in input order. */
  readonly levers: readonly LeverSummary[];
  /** tCO2 attributed to each lever by sector, summed over cities: L × S × Y at (l·S + s)·Y + y. */
  readonly bySector: Float64Array;
  /** tCO2 attributed to each lever by city, summed over sectors: L × C × Y at (l·C + c)·Y + y. */
  readonly byCity: Float64Array;
}

/** The peak of one city or of the cluster in one scenario (docs/peaks.md). */
export interface PeakRow {
  readonly scenario: string;
  /** City name, or the cluster's name. */
  readonly region: string;
  readonly isCluster: boolean;
  /** Year of the maximum (while `rising` or `insufficient` just where the maximum is: no peak). */
  readonly year: number;
  /** Emissions in the peak year (the maximum), tCO2. */
  readonly value: number;
  readonly status: PeakStatus;
  /** First year of the plateau around the maximum (the tolerance band); `year` when the tolerance is 0. */
  readonly plateauStart: number;
  /** First and last year with a value, and how many there are: what the row rests on. */
  readonly firstYear: number;
  readonly lastYear: number;
  readonly points: number;
  /** Flags (peak-info.ts): left_censored, last_year_max, single_dip, gaps … */
  readonly flags: readonly PeakFlag[];
  /** True when the status has a peak (peaked, plateau, unconfirmed) and its year is no later than the target year. */
  readonly byTarget: boolean;
  /** Σ_{y > target} max(0, E(y) − E(target)), tCO2: the extra cut so nothing after the target year exceeds it. */
  readonly gapAfterTarget: number;
}

/** Benefit of coordination = independent-cities result − cluster-coordinated result (tCO2). */
export interface CoordinationBenefit {
  readonly independent: string;
  readonly coordinated: string;
  /** S × Y, summed over cities. */
  readonly bySector: Float64Array;
  /** C × Y, summed over sectors. */
  readonly byCity: Float64Array;
  /** Y: the whole cluster. */
  readonly total: Float64Array;
}

/** Everything a run produces. */
export interface ScenarioResults {
  readonly settings: Settings;
  readonly cities: readonly string[];
  readonly sectors: readonly string[];
  readonly years: Int32Array;
  /** The last measured year: up to it every scenario is the history (NaN in a gap), after it projected. */
  readonly lastHistoricalYear: number;
  /** Values of the last historical year supplied by the fill rule (carry-forward). */
  readonly filled: readonly FilledCell[];
  /** 1 for each (city, sector) whose value in the last historical year was filled, C × S. */
  readonly filledCells: Uint8Array;
  /** Index 0 is the baseline. */
  readonly scenarios: readonly string[];
  /** tCO2 per scenario, C × S × Y; NaN in the gaps of the history. */
  readonly emissions: readonly Float64Array[];
  /** Per scenario (the baseline's has no levers). */
  readonly reductions: readonly ScenarioReductions[];
  /** Every city and the cluster in every scenario. */
  readonly peaks: readonly PeakRow[];
  /** Present when the settings name an independent and a coordinated scenario. */
  readonly coordination?: CoordinationBenefit;
  /** The Kaya factors' indices, present when drivers other than emission growth rows are given. */
  readonly kaya?: KayaPaths;
}

/** Where a result value comes from: measured (the inventory), filled (the fill rule), projected, or a gap of the history. */
export type Basis = "measured" | "filled" | "projected" | "gap";

/**
 * The basis of (city c, sector s, year index y) — s < 0 for a city total (filled when any sector is).
 * @example basisOf(results, 0, 0, 0) // "measured"
 */
export function basisOf(r: ScenarioResults, c: number, s: number, y: number, value: number): Basis {
  const h = r.lastHistoricalYear - r.years[0];
  if (y > h) return "projected";
  if (value !== value) return "gap";
  if (y === h) {
    const S = r.sectors.length;
    if (s >= 0 ? r.filledCells[c * S + s] === 1 : r.filledCells.subarray(c * S, (c + 1) * S).includes(1)) return "filled";
  }
  return "measured";
}

/**
 * City totals (summed over sectors) of a C × S × Y array: C × Y.
 * @example cityTotals(r, r.emissions[0]) // baseline by city
 */
export function cityTotals(d: Dims, values: Float64Array): Float64Array {
  const C = d.cities.length;
  const S = d.sectors.length;
  const Y = d.years.length;
  const out = new Float64Array(C * Y);
  for (let c = 0; c < C; c++) {
    for (let s = 0; s < S; s++) {
      const o = (c * S + s) * Y;
      for (let y = 0; y < Y; y++) out[c * Y + y] += values[o + y];
    }
  }
  return out;
}

/**
 * Sector totals (summed over cities) of a C × S × Y array: S × Y.
 * @example sectorTotals(r, r.emissions[2])[s * Y + y] // a sector across all cities
 */
export function sectorTotals(d: Dims, values: Float64Array): Float64Array {
  const C = d.cities.length;
  const S = d.sectors.length;
  const Y = d.years.length;
  const out = new Float64Array(S * Y);
  for (let c = 0; c < C; c++) {
    for (let s = 0; s < S; s++) {
      const o = (c * S + s) * Y;
      for (let y = 0; y < Y; y++) out[s * Y + y] += values[o + y];
    }
  }
  return out;
}

/**
 * Cluster total (all cities and sectors) of a C × S × Y array: Y.
 * @example clusterTotal(r, r.emissions[0]) // the cluster baseline, one value per year
 */
export function clusterTotal(d: Dims, values: Float64Array): Float64Array {
  const Y = d.years.length;
  const out = new Float64Array(Y);
  // Cells in index order for every year (the same additions as out[i % Y] += values[i], without a modulo per cell).
  for (let o = 0; o < values.length; o += Y) for (let y = 0; y < Y; y++) out[y] += values[o + y];
  return out;
}

/**
 * One scenario's emissions for a city (all sectors, or one) as a plain array over the years.
 * Returns undefined for an unknown scenario, city or sector.
 * @example emissionsOf(r, "coordinated", "长沙", "transport") // [tCO2 2015, 2016, …]
 */
export function emissionsOf(r: ScenarioResults, scenario: string, city: string, sector?: string): number[] | undefined {
  const k = r.scenarios.indexOf(scenario);
  const c = r.cities.indexOf(city);
  const s = sector === undefined ? -1 : r.sectors.indexOf(sector);
  if (k < 0 || c < 0 || (sector !== undefined && s < 0)) return undefined;
  const Y = r.years.length;
  const S = r.sectors.length;
  const out = new Array<number>(Y).fill(0);
  for (let j = 0; j < S; j++) {
    if (s >= 0 && j !== s) continue;
    const o = (c * S + j) * Y;
    for (let y = 0; y < Y; y++) out[y] += r.emissions[k][o + y];
  }
  return out;
}

/** A row of the results table (docs/design.md §5: scenario, city, sector, year, emissions), with its basis. */
export interface EmissionRow {
  readonly scenario: string;
  readonly city: string;
  readonly sector: string;
  readonly year: number;
  /** tCO2; NaN in a gap of the history. */
  readonly emissions: number;
  readonly basis: Basis;
}

/**
 * The long results table: every scenario × city × sector × year.
 * @example emissionRows(r)[0] // { scenario: "baseline", city: "长沙", sector: "power_heat", year: 2015, emissions: … }
 */
export function emissionRows(r: ScenarioResults): EmissionRow[] {
  const rows: EmissionRow[] = [];
  const Y = r.years.length;
  r.scenarios.forEach((scenario, k) => {
    r.cities.forEach((city, c) => {
      r.sectors.forEach((sector, s) => {
        const o = (c * r.sectors.length + s) * Y;
        for (let y = 0; y < Y; y++) {
          const e = r.emissions[k][o + y];
          rows.push({ scenario, city, sector, year: r.years[y], emissions: e, basis: basisOf(r, c, s, y, e) });
        }
      });
    });
  });
  return rows;
}

/** A row of the reductions table: scenario, lever, sector, year, tCO2 attributed. */
export interface ReductionRow {
  readonly scenario: string;
  readonly lever: string;
  readonly sector: string;
  readonly year: number;
  readonly reduction: number;
}

/**
 * The long reductions-by-lever-and-sector table (only sectors a lever targets).
 * @example reductionRows(r).filter((x) => x.lever === "紧凑用地" && x.year === 2020)
 */
export function reductionRows(r: ScenarioResults): ReductionRow[] {
  const rows: ReductionRow[] = [];
  const Y = r.years.length;
  const S = r.sectors.length;
  for (const red of r.reductions) {
    red.levers.forEach((l, li) => {
      for (const sector of l.sectors) {
        const s = r.sectors.indexOf(sector);
        for (let y = 0; y < Y; y++)
          rows.push({ scenario: red.scenario, lever: l.name, sector, year: r.years[y], reduction: red.bySector[(li * S + s) * Y + y] });
      }
    });
  }
  return rows;
}

/**
 * The reduction attributed to one lever (tCO2 by year), summed over its sectors, or one sector.
 * @example leverReduction(r, "coordinated", "紧凑用地")
 */
export function leverReduction(r: ScenarioResults, scenario: string, lever: string, sector?: string): number[] | undefined {
  const red = r.reductions.find((x) => x.scenario === scenario);
  const li = red ? red.levers.findIndex((l) => l.name === lever) : -1;
  if (!red || li < 0) return undefined;
  const Y = r.years.length;
  const S = r.sectors.length;
  const out = new Array<number>(Y).fill(0);
  for (let s = 0; s < S; s++) {
    if (sector !== undefined && r.sectors[s] !== sector) continue;
    for (let y = 0; y < Y; y++) out[y] += red.bySector[(li * S + s) * Y + y];
  }
  return out;
}
