/**
 * Baseline drivers (docs/design.md §3): growth rates by period for emissions or for an activity, at cluster,
 * sector, city or city+sector level. For each (city, sector) and year the most specific row covering
 * the year wins (city+sector > city > sector > cluster-wide); a year no row covers grows at 0 and is
 * reported as the warning `driver_uncovered` (one per run of years, with the number of series). Rows of the same level and target must not overlap.
 *
 * Resolution happens once per (city, sector) into a per-year growth path; the baseline is the base
 * value compounded along it: E(y) = E(y − 1)·(1 + r(y)).
 */
import { issue, type Issue } from "../issues";
import type { RateTable, ScenarioModel } from "./model";
import { compound } from "./project";
import type { DriverRow } from "../input/schema";
import { locate } from "../input/zod-issues";

/**
 * Empty rate tables (all NaN = uncovered).
 * @example emptyRateTable(3, 8, 46).all[5] // NaN (no row covers it yet)
 */
export function emptyRateTable(C: number, S: number, Y: number): RateTable & { citySector: Map<number, Float64Array> } {
  return {
    all: new Float64Array(Y).fill(NaN),
    sector: new Float64Array(S * Y).fill(NaN),
    city: new Float64Array(C * Y).fill(NaN),
    citySector: new Map(),
  };
}

/** Context for {@link fillRateTable}: index lookups and the raw-row index of each driver. */
export interface DriverContext {
  readonly baseYear: number;
  readonly endYear: number;
  readonly cityIndex: ReadonlyMap<string, number>;
  readonly sectorIndex: ReadonlyMap<string, number>;
  readonly S: number;
}

/**
 * Writes driver rows (already checked for known names) into `table`, reporting rows of the same level
 * and target that cover the same year (`driver_overlap`, once per pair of rows, at the later row).
 * `rows[k]` is the raw index of `drivers[k]`, for issue paths.
 * @example fillRateTable(table, [{ variable: "emissions", from: 2021, to: 2025, rate: 0.02 }], [0], ctx, issues)
 */
export function fillRateTable(table: ReturnType<typeof emptyRateTable>, drivers: readonly DriverRow[], rows: readonly number[], ctx: DriverContext, issues: Issue[]): void {
  const Y = ctx.endYear - ctx.baseYear + 1;
  const owner = new Map<Float64Array, Int32Array>();
  const reported = new Set<string>();
  drivers.forEach((d, k) => {
    const c = d.city === undefined ? -1 : (ctx.cityIndex.get(d.city) ?? -2);
    const s = d.sector === undefined ? -1 : (ctx.sectorIndex.get(d.sector) ?? -2);
    if (c === -2 || s === -2) return;
    let arr: Float64Array;
    let off = 0;
    if (c >= 0 && s >= 0) {
      const key = c * ctx.S + s;
      let a = table.citySector.get(key);
      if (!a) {
        a = new Float64Array(Y).fill(NaN);
        table.citySector.set(key, a);
      }
      arr = a;
    } else if (c >= 0) {
      arr = table.city;
      off = c * Y;
    } else if (s >= 0) {
      arr = table.sector;
      off = s * Y;
    } else arr = table.all;
    let own = owner.get(arr);
    if (!own) {
      own = new Int32Array(arr.length).fill(-1);
      owner.set(arr, own);
    }
    const lo = Math.max(d.from, ctx.baseYear + 1);
    const hi = Math.min(d.to, ctx.endYear);
    for (let year = lo; year <= hi; year++) {
      const i = off + year - ctx.baseYear;
      const prev = own[i];
      if (prev >= 0) {
        const pair = `${prev}:${k}`;
        if (!reported.has(pair)) {
          reported.add(pair);
          issues.push(locate(issue("driver_overlap", ["drivers", rows[k], "from"], { year, other: rows[prev] + 1 }), d.source, 2));
        }
        continue;
      }
      own[i] = k;
      arr[i] = d.rate;
    }
  });
}

/**
 * The growth rate in year index `y` (≥ 1) for city `c` and sector `s` (s < 0 for activities: no
 * sector levels), or NaN when no row covers it.
 * @example resolveRate(model.emissionRates, c, s, 6, S, Y) // the rate of year index 6 for (c, s)
 */
export function resolveRate(t: RateTable, c: number, s: number, y: number, S: number, Y: number): number {
  if (s >= 0) {
    const cs = t.citySector.get(c * S + s);
    if (cs !== undefined && cs[y] === cs[y]) return cs[y];
  }
  const ci = t.city[c * Y + y];
  if (ci === ci) return ci;
  if (s >= 0) {
    const se = t.sector[s * Y + y];
    if (se === se) return se;
  }
  return t.all[y];
}

/** Collects years where some series had no rate into `driver_uncovered` warnings (one per run of years with the same count). */
function uncoveredWarnings(variable: string, counts: Int32Array, baseYear: number): Issue[] {
  const out: Issue[] = [];
  let y = 1;
  while (y < counts.length) {
    if (counts[y] === 0) {
      y++;
      continue;
    }
    const from = y;
    const series = counts[y];
    while (y < counts.length && counts[y] === series) y++;
    out.push(issue("driver_uncovered", ["drivers"], { variable, from: baseYear + from, to: baseYear + y - 1, series }));
  }
  return out;
}

/**
 * Baseline emissions (tCO2), C × S × Y: each (city, sector) base value compounded along its resolved
 * growth path. Uncovered years grow at 0 (warning `driver_uncovered`).
 * @example baselineEmissions(model).values[cellIndex(model, c, s, y)]
 */
export function baselineEmissions(m: ScenarioModel): { values: Float64Array; warnings: Issue[] } {
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const values = new Float64Array(C * S * Y);
  const rates = new Float64Array(Y);
  const uncovered = new Int32Array(Y);
  for (let c = 0; c < C; c++) {
    for (let s = 0; s < S; s++) {
      for (let y = 1; y < Y; y++) {
        const r = resolveRate(m.emissionRates, c, s, y, S, Y);
        if (r === r) rates[y] = r;
        else {
          rates[y] = 0;
          uncovered[y]++;
        }
      }
      compound(m.base[c * S + s], rates, values, (c * S + s) * Y);
    }
  }
  return { values, warnings: uncoveredWarnings("emissions", uncovered, m.years[0]) };
}

/**
 * Baseline activity paths, one C × Y array per activity (NaN for cities without the activity), from
 * the base values and the activity's drivers (city rows override cluster-wide rows).
 * @example activityPaths(model).paths[0][c * Y + y] // built-up area of city c in year index y
 */
export function activityPaths(m: ScenarioModel): { paths: Float64Array[]; warnings: Issue[] } {
  const C = m.cities.length;
  const Y = m.years.length;
  const warnings: Issue[] = [];
  const paths = m.activities.map((a) => {
    const out = new Float64Array(C * Y).fill(NaN);
    const rates = new Float64Array(Y);
    const uncovered = new Int32Array(Y);
    for (let c = 0; c < C; c++) {
      if (Number.isNaN(a.base[c])) continue;
      for (let y = 1; y < Y; y++) {
        const r = resolveRate(a.rates, c, -1, y, m.sectors.length, Y);
        if (r === r) rates[y] = r;
        else {
          rates[y] = 0;
          uncovered[y]++;
        }
      }
      compound(a.base[c], rates, out, c * Y);
    }
    warnings.push(...uncoveredWarnings(a.name, uncovered, m.years[0]));
    return out;
  });
  return { paths, warnings };
}
