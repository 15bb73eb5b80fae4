/**
 * Baseline drivers (docs/model.md §4; docs/design.md §3): growth rates by period for emissions, for a Kaya factor or for
 * an activity, at cluster, sector, city or city+sector level. For each (city, sector) and year the
 * most specific row covering the year wins (city+sector > city > sector > cluster-wide); rows of the
 * same level and target must not overlap. Rates act only after the last historical year H.
 *
 * Resolution happens once per (city, sector) into a per-year growth path (`growth.ts`); the baseline
 * is the measured history up to H and, after it, the value of H compounded along the path:
 * E(y) = E(y − 1)·G(y). A cell-year no row covers grows at 0 and is reported as the warning
 * `driver_uncovered` (one per run of years, with the number of series).
 */
import { issue, pushAll, type Issue } from "../issues";
import type { KayaPaths } from "./kaya-paths";
import type { RateTable, ScenarioModel } from "./model";
import { cellGrowthAt, cellRates, cityGrowth, cityRates, compoundFrom, resolveCell, resolveCity } from "./growth";
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

/**
 * A driver row's rate in `year` (a year of its period): `rate`, or with `endRate` the straight line from
 * `rate` in `from` to `endRate` in `to` — (rate·(to − year) + endRate·(year − from))/(to − from), exact at both ends.
 * @example rateInYear({ from: 2021, to: 2025, rate: 0.05, endRate: 0.03 }, 2023) // 0.04
 */
export function rateInYear(d: Pick<DriverRow, "from" | "to" | "rate" | "endRate">, year: number): number {
  if (d.endRate === undefined || d.to === d.from || d.endRate === d.rate) return d.rate;
  // Weighted so that both ends are exact: rate in `from`, endRate in `to`.
  const n = d.to - d.from;
  return (d.rate * (d.to - year) + d.endRate * (year - d.from)) / n;
}

/** Context for {@link fillRateTable}: index lookups and the raw-row index of each driver. */
export interface DriverContext {
  readonly baseYear: number;
  readonly endYear: number;
  /** Rates apply from the year after it (the last historical year; the base year in previous versions). */
  readonly lastHistoricalYear: number;
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
export function fillRateTable(
  table: ReturnType<typeof emptyRateTable>,
  drivers: readonly DriverRow[],
  rows: readonly number[],
  ctx: DriverContext,
  issues: Issue[],
): void {
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
    const lo = Math.max(d.from, ctx.lastHistoricalYear + 1);
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
      arr[i] = rateInYear(d, year);
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

/** Collects years where some series had no rate into warnings (one per run of years with the same count). */
function uncoveredWarnings(
  code: "driver_uncovered" | "driver_factor_uncovered",
  variable: string,
  counts: Int32Array,
  baseYear: number,
  from: number,
): Issue[] {
  const out: Issue[] = [];
  let y = from;
  while (y < counts.length) {
    if (counts[y] === 0) {
      y++;
      continue;
    }
    const first = y;
    const series = counts[y];
    while (y < counts.length && counts[y] === series) y++;
    out.push(issue(code, ["drivers"], { variable, from: baseYear + first, to: baseYear + y - 1, series }));
  }
  return out;
}

/** Index of the last historical year in the model's years. */
export function historyIndex(m: ScenarioModel): number {
  return m.lastHistoricalYear - m.years[0];
}

/**
 * City growth factors (1 + rate per year) of population and GDP, C × Y each (1 up to H): from the
 * Kaya tables, or all 1 without them.
 * @example cityFactors(model).gdp[c * Y + y]
 */
export function cityFactors(m: ScenarioModel): { population: Float64Array; gdp: Float64Array } {
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const h = historyIndex(m);
  const population = new Float64Array(C * Y).fill(1);
  const gdp = new Float64Array(C * Y).fill(1);
  if (m.kaya === undefined) return { population, gdp };
  const r = cityRates(Y);
  for (let c = 0; c < C; c++) cityGrowth(resolveCity(m.kaya, c, h, S, Y, r), h, Y, population, gdp, c * Y);
  return { population, gdp };
}

/**
 * Baseline emissions (tCO2), C × S × Y: the measured history up to H, then each (city, sector) value
 * of H compounded along its growth path (`growth.ts`). Uncovered years grow at 0 (warning
 * `driver_uncovered`; a Kaya factor not covered in a driver-based series: `driver_factor_uncovered`).
 * `activityGrowth` are the activities' growth factors ({@link activityPaths}), needed when an
 * activity drives a sector. With Kaya tables the same pass gives the factors' indices (`kaya`, see
 * `kaya-paths.ts`).
 * @example baselineEmissions(model).values[cellIndex(model, c, s, y)]
 */
export function baselineEmissions(m: ScenarioModel, activityGrowth?: readonly Float64Array[]): { values: Float64Array; warnings: Issue[]; kaya?: KayaPaths } {
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const h = historyIndex(m);
  const values = new Float64Array(C * S * Y);
  if (h > 0) values.set(m.history.measured);
  const growth = new Float64Array(Y);
  const uncovered = new Int32Array(Y);
  const kaya = m.kaya;
  const rates = cellRates(Y);
  if (kaya === undefined) {
    for (let c = 0; c < C; c++) {
      for (let s = 0; s < S; s++) {
        resolveCell(m.emissionRates, undefined, c, s, h, S, Y, rates);
        const re = rates.emissions;
        for (let y = h + 1; y < Y; y++) {
          if (re[y] === re[y]) growth[y] = 1 + re[y];
          else {
            growth[y] = 1;
            uncovered[y]++;
          }
        }
        compoundFrom(m.base[c * S + s], growth, h, values, (c * S + s) * Y);
      }
    }
    return { values, warnings: uncoveredWarnings("driver_uncovered", "emissions", uncovered, m.years[0], h + 1) };
  }
  const acts = activityGrowth ?? activityPaths(m).growth;
  const city = cityFactors(m);
  const cr = cityRates(Y);
  const missing = { population: new Int32Array(Y), gdp: new Int32Array(Y), energy_intensity: new Int32Array(Y), carbon_intensity: new Int32Array(Y) };
  // The Kaya factors' indices (kaya-paths.ts), filled in the same pass: 1 in H, NaN before.
  const N = C * S * Y;
  const paths = {
    population: new Float64Array(C * Y).fill(NaN),
    gdp: new Float64Array(C * Y).fill(NaN),
    populationDriven: new Uint8Array(C),
    gdpDriven: new Uint8Array(C),
    activity: new Float64Array(N).fill(NaN),
    carbonIntensity: new Float64Array(N).fill(NaN),
  };
  for (let c = 0; c < C; c++) {
    resolveCity(kaya, c, h, S, Y, cr);
    let p = 1;
    let q = 1;
    paths.population[c * Y + h] = 1;
    paths.gdp[c * Y + h] = 1;
    for (let y = h + 1; y < Y; y++) {
      if (cr.population[y] === cr.population[y]) paths.populationDriven[c] = 1;
      if (cr.gdp[y] === cr.gdp[y] || cr.gdpPerCapita[y] === cr.gdpPerCapita[y]) paths.gdpDriven[c] = 1;
      p *= city.population[c * Y + y];
      q *= city.gdp[c * Y + y];
      paths.population[c * Y + y] = p;
      paths.gdp[c * Y + y] = q;
    }
    for (let s = 0; s < S; s++) {
      resolveCell(m.emissionRates, kaya, c, s, h, S, Y, rates);
      const a = kaya.drivenBy[c * S + s];
      const act = a >= 0 ? acts[a] : undefined;
      const o = (c * S + s) * Y;
      let activity = 1;
      let kappa = 1;
      paths.activity[o + h] = 1;
      paths.carbonIntensity[o + h] = 1;
      for (let y = h + 1; y < Y; y++) {
        const gdp = city.gdp[c * Y + y];
        const ag = act === undefined ? NaN : act[c * Y + y];
        growth[y] = cellGrowthAt(rates, y, gdp, ag);
        const rs = rates.share[y];
        const rc = rates.carbonIntensity[y];
        activity *= ag === ag ? ag : gdp * (rs === rs ? 1 + rs : 1);
        kappa *= rc === rc ? 1 + rc : 1;
        paths.activity[o + y] = activity;
        paths.carbonIntensity[o + y] = kappa;
        if (rates.emissions[y] === rates.emissions[y]) continue;
        const gdpCovered = cr.gdp[y] === cr.gdp[y];
        const pop = cr.population[y] === cr.population[y];
        const gpc = cr.gdpPerCapita[y] === cr.gdpPerCapita[y];
        const ei = rates.energyIntensity[y] === rates.energyIntensity[y];
        const ci = rc === rc;
        const share = rs === rs;
        if (act === undefined && !gdpCovered && !pop && !gpc && !ei && !ci && !share) {
          uncovered[y]++;
          continue;
        }
        if (act === undefined && !gdpCovered) {
          if (!pop) missing.population[y]++;
          if (!gpc) missing.gdp[y]++;
        }
        if (!ei) missing.energy_intensity[y]++;
        if (!ci) missing.carbon_intensity[y]++;
      }
      compoundFrom(m.base[c * S + s], growth, h, values, o);
    }
  }
  const warnings = uncoveredWarnings("driver_uncovered", "emissions", uncovered, m.years[0], h + 1);
  for (const [variable, counts] of Object.entries(missing))
    pushAll(warnings, uncoveredWarnings("driver_factor_uncovered", variable, counts, m.years[0], h + 1));
  return { values, warnings, kaya: paths };
}

/**
 * Baseline activity paths, one C × Y array per activity (NaN for cities without the activity, and
 * before H), from the values in H and the activity's drivers (city rows override cluster-wide rows),
 * and their yearly growth factors (1 + rate; 1 where uncovered and up to H).
 * @example activityPaths(model).paths[0][c * Y + y] // built-up area of city c in year index y
 */
export function activityPaths(m: ScenarioModel): { paths: Float64Array[]; growth: Float64Array[]; warnings: Issue[] } {
  const C = m.cities.length;
  const Y = m.years.length;
  const h = historyIndex(m);
  const warnings: Issue[] = [];
  const growth: Float64Array[] = [];
  const paths = m.activities.map((a) => {
    const out = new Float64Array(C * Y).fill(NaN);
    const g = new Float64Array(C * Y).fill(1);
    growth.push(g);
    const uncovered = new Int32Array(Y);
    for (let c = 0; c < C; c++) {
      if (Number.isNaN(a.base[c])) continue;
      for (let y = h + 1; y < Y; y++) {
        const r = resolveRate(a.rates, c, -1, y, m.sectors.length, Y);
        if (r === r) g[c * Y + y] = 1 + r;
        else uncovered[y]++;
      }
      compoundFrom(a.base[c], g.subarray(c * Y, (c + 1) * Y), h, out, c * Y);
    }
    pushAll(warnings, uncoveredWarnings("driver_uncovered", a.name, uncovered, m.years[0], h + 1));
    return out;
  });
  return { paths, growth, warnings };
}
