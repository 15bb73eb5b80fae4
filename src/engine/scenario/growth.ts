/**
 * Emissions from drivers (docs/model.md §4): after the last historical year H, each (city c, sector s)
 * grows by one factor per year,
 *
 *   E(c, s, y) = E(c, s, y − 1) · G(c, s, y),
 *
 * where G is — **the most direct statement winning** —
 *
 * 1. 1 + r_E(c, s, y) when an `emissions` growth row covers the cell (the rows of previous versions;
 *    city + sector > city > sector > cluster-wide);
 * 2. otherwise the Kaya / LEAP product of the factors' growth:
 *
 *      G = A(c, s, y) · (1 + r_EI(c, s, y)) · (1 + r_CI(c, s, y)),
 *      A = 1 + r_act(c, y)                                   when an activity drives the sector (floor area …),
 *      A = GDP(c, y) · (1 + r_share(c, s, y))                 otherwise,
 *      GDP(c, y) = 1 + r_gdp(c, y)  if a GDP row covers the year, else (1 + r_pop(c, y)) · (1 + r_gdppc(c, y)),
 *
 *    i.e. E = activity × energy per unit of activity × CO2 per unit of energy, each moving by its own
 *    driver; a factor no row covers stays flat (rate 0, warning `driver_factor_uncovered`);
 * 3. 1 when nothing covers the cell (warning `driver_uncovered`, as in previous versions).
 *
 * Every factor is a growth factor relative to the year before, so E(c, s, H) is the inventory exactly
 * (calibration) whatever the drivers are, and the levels of the factors are not needed to project
 * emissions (they are for the indicators). With emission rows only, G = 1 + r_E — the previous
 * versions' arithmetic, bit for bit.
 *
 * The same functions serve the deterministic run and the Monte Carlo draws, so both compute with the
 * very same operations.
 */
import type { RateTable } from "./model";

/** The growth-rate tables of the Kaya factors (NaN = no row covers that year). */
export interface KayaTables {
  /** City level (city > cluster-wide): C × Y in `city`, Y in `all`. */
  readonly population: RateTable;
  readonly gdp: RateTable;
  readonly gdpPerCapita: RateTable;
  /** Sector level tables (city + sector > city > sector > cluster-wide). */
  readonly share: RateTable;
  readonly energyIntensity: RateTable;
  readonly carbonIntensity: RateTable;
  /** The activity (index into the model's activities) driving each (c, s), or −1: C × S. */
  readonly drivenBy: Int32Array;
}

/** The resolved rates of one city over the years (NaN = not covered). */
export interface CityRates {
  readonly population: Float64Array;
  readonly gdp: Float64Array;
  readonly gdpPerCapita: Float64Array;
}

/** The resolved rates of one (city, sector) over the years (NaN = not covered). */
export interface CellRates {
  readonly emissions: Float64Array;
  readonly share: Float64Array;
  readonly energyIntensity: Float64Array;
  readonly carbonIntensity: Float64Array;
}

/** Empty (all NaN) rate arrays of one city. */
export function cityRates(Y: number): CityRates {
  return { population: new Float64Array(Y).fill(NaN), gdp: new Float64Array(Y).fill(NaN), gdpPerCapita: new Float64Array(Y).fill(NaN) };
}

/** Empty (all NaN) rate arrays of one cell. */
export function cellRates(Y: number): CellRates {
  return {
    emissions: new Float64Array(Y).fill(NaN),
    share: new Float64Array(Y).fill(NaN),
    energyIntensity: new Float64Array(Y).fill(NaN),
    carbonIntensity: new Float64Array(Y).fill(NaN),
  };
}

const emptiness = new WeakMap<RateTable, boolean>();
const allNaN = (a: Float64Array) => a.every((x) => x !== x);

/** Whether no row fills table `t` (checked once per table): its rows of years are then all NaN. */
function isEmpty(t: RateTable): boolean {
  let e = emptiness.get(t);
  if (e === undefined) {
    e = t.citySector.size === 0 && allNaN(t.all) && allNaN(t.city) && allNaN(t.sector);
    emptiness.set(t, e);
  }
  return e;
}

/**
 * The rates of (c, s) in table `t` for the years after index h into `out` (s < 0: no sector levels),
 * NaN where no row covers a year — `resolveRate` for a whole row of years, the city + sector array
 * looked up once.
 * @example resolveRow(model.emissionRates, c, s, h, S, Y, new Float64Array(Y))
 */
export function resolveRow(t: RateTable, c: number, s: number, h: number, S: number, Y: number, out: Float64Array): Float64Array {
  if (isEmpty(t)) return out.fill(NaN, h + 1, Y);
  const cs = s >= 0 ? t.citySector.get(c * S + s) : undefined;
  const city = t.city;
  const sector = t.sector;
  const all = t.all;
  const co = c * Y;
  const so = s * Y;
  for (let y = h + 1; y < Y; y++) {
    let r = cs === undefined ? NaN : cs[y];
    if (r !== r) r = city[co + y];
    if (r !== r && s >= 0) r = sector[so + y];
    if (r !== r) r = all[y];
    out[y] = r;
  }
  return out;
}

/**
 * Resolves city c's population, GDP and GDP-per-capita rates for the years after index h into `out`.
 * @example resolveCity(tables, c, h, S, Y, cityRates(Y))
 */
export function resolveCity(t: KayaTables, c: number, h: number, S: number, Y: number, out: CityRates): CityRates {
  resolveRow(t.population, c, -1, h, S, Y, out.population);
  resolveRow(t.gdp, c, -1, h, S, Y, out.gdp);
  resolveRow(t.gdpPerCapita, c, -1, h, S, Y, out.gdpPerCapita);
  return out;
}

/**
 * Resolves the rates of (c, s) for the years after index h into `out` (`kaya` undefined: emission rows only).
 * @example resolveCell(model.emissionRates, model.kaya, c, s, h, S, Y, cellRates(Y))
 */
export function resolveCell(
  emissions: RateTable,
  kaya: KayaTables | undefined,
  c: number,
  s: number,
  h: number,
  S: number,
  Y: number,
  out: CellRates,
): CellRates {
  resolveRow(emissions, c, s, h, S, Y, out.emissions);
  if (kaya === undefined) return out;
  resolveRow(kaya.share, c, s, h, S, Y, out.share);
  resolveRow(kaya.energyIntensity, c, s, h, S, Y, out.energyIntensity);
  resolveRow(kaya.carbonIntensity, c, s, h, S, Y, out.carbonIntensity);
  return out;
}

/**
 * A city's yearly population and GDP growth factors (1 + rate) after index h: GDP from its own rate
 * where one covers the year, else population × GDP per capita; a rate not covered counts as 0.
 * Entries up to h are left as they are.
 * @example cityGrowth(rates, h, Y, popOut, gdpOut) // gdpOut[y] = (1 + r_pop)(1 + r_gdppc) where no GDP row
 */
export function cityGrowth(r: CityRates, h: number, Y: number, population: Float64Array, gdp: Float64Array, offset = 0): void {
  for (let y = h + 1; y < Y; y++) {
    const rp = r.population[y];
    const p = rp === rp ? 1 + rp : 1;
    const rg = r.gdp[y];
    let g: number;
    if (rg === rg) g = 1 + rg;
    else {
      const rc = r.gdpPerCapita[y];
      g = p * (rc === rc ? 1 + rc : 1);
    }
    population[offset + y] = p;
    gdp[offset + y] = g;
  }
}

/**
 * The growth factor of (c, s) in year index y (see the file comment): `gdp` is the city's GDP growth
 * factor that year, `activity` the driving activity's growth factor (NaN when no activity drives the sector).
 * @example cellGrowthAt(rates, y, 1.06, NaN) // (1 + r_E) if an emission row covers y, else 1.06·(1 + r_share)(1 + r_EI)(1 + r_CI)
 */
export function cellGrowthAt(r: CellRates, y: number, gdp: number, activity: number): number {
  const re = r.emissions[y];
  if (re === re) return 1 + re;
  const rs = r.share[y];
  const a = activity === activity ? activity : gdp * (rs === rs ? 1 + rs : 1);
  const ei = r.energyIntensity[y];
  const ci = r.carbonIntensity[y];
  return a * (ei === ei ? 1 + ei : 1) * (ci === ci ? 1 + ci : 1);
}

/**
 * Writes a projected series from the value `start` in year index h: out[o + h] = start, then
 * out[o + y] = out[o + y − 1]·growth[y] for y > h (entries before h are not touched).
 * @example compoundFrom(100, Float64Array.of(1, 1.1, 1.1), 0, out, 0) // out = [·, …] → [100, 110, 121]
 */
export function compoundFrom(start: number, growth: ArrayLike<number>, h: number, out: Float64Array, offset: number): void {
  let v = start;
  out[offset + h] = v;
  for (let y = h + 1; y < growth.length; y++) {
    v *= growth[y];
    out[offset + y] = v;
  }
}
