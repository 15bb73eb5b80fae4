/**
 * Monte Carlo over the scenario model (docs/design.md §3, "Uncertainty"): driver growth rates and lever
 * strengths are drawn from the distributions given on their Drivers/Levers rows, the scenarios are
 * re-run for each draw, and the peaks of every city and of the cluster are collected. Results per
 * scenario and region: the probability of peaking by the target year, P5/P50/P95 (and mean) of the
 * peak year and the peak value, and the histogram of peak years.
 *
 * What one iteration draws (docs/uncertainty.md):
 * - one value per Drivers row with a distribution, used for every year of its period and for every
 *   city and sector it covers (rows are independent of each other); a row whose rate moves within its
 *   period (`endRate`) has its whole path shifted by the drawn value's distance from its rate;
 * - one variate per lever with a distribution, mapped through each milestone row's own distribution
 *   (so a lever's milestones move together: a high draw is high in 2020 and in 2030);
 * - drawn values outside their valid range (rates −1…1, shares 0…1, pp 0…100) are set to the nearest
 *   bound and counted (warning `mc_clipped`). Triangular and uniform draws never leave their [min, max].
 * The generator (`prng.ts`) is consumed in a fixed order — driver rows in input order, then levers in
 * model order — so a seed gives the same numbers everywhere, and N draws are a prefix of N + M draws.
 *
 * Everything else is the deterministic engine, reused: the compiled model, the same compounding
 * (`compound`), lever effects (`leverEffect`), lever combination (`leverLogSum`, `scenarioEmissions`)
 * and peak rows (`scenarioPeaks`: the peak definition, status and "by the target year" of
 * `peaks.ts`). With zero spread every draw is the deterministic run, bit for bit.
 *
 * Speed: the model is compiled and validated once; series no uncertain driver touches are computed
 * once; levers are re-evaluated only when drawn (or, for activity/align_best, when drivers are
 * drawn); buffers are allocated once per run. The chunked API ({@link startMonteCarlo},
 * {@link runChunk}, {@link finishMonteCarlo}) lets a worker or the CLI report progress and cancel.
 */
import { fail, issue, ok, pushAll, type Issue, type Result } from "../issues";
import { compileScenario } from "../scenario/compile";
import { activityPaths, cityFactors, emptyRateTable, fillRateTable, historyIndex, resolveRate } from "../scenario/drivers";
import { cellGrowthAt, cellRates, cityGrowth, cityRates, compoundFrom, type CellRates, type CityRates } from "../scenario/growth";
import { leverEffect, type LeverEffect } from "../scenario/levers";
import { leverLogSum, scenarioEmissions } from "../scenario/log-sum";
import type { CompiledLever, RateTable, ScenarioModel } from "../scenario/model";
import { parseScenarioParts } from "../input/parse";
import { scenarioPeaks } from "../scenario/peaks";
import type { RampSegment } from "../scenario/ramp";
import { cityTotals, clusterTotal, type PeakRow } from "../scenario/results";
import { runModel } from "../scenario/run";
import { SETTINGS_DEFAULTS, type DriverRow, type LeverRow } from "../input/schema";
import type { DistKind } from "../input/dist-kinds";
import { drawVariate, fromVariate, rowDist, type DistSpec } from "./distributions";
import { percentileSorted } from "./percentiles";
import { checkSeed, seeded, type Prng } from "./prng";

/** Most draws one run may ask for (memory: scenarios × regions × draws peak years and values). */
export const MAX_DRAWS = 100_000;

/** Draws per chunk in {@link runMonteCarlo} between progress reports and cancel checks. */
export const DEFAULT_CHUNK = 250;

/** A Drivers row with a distribution. */
export interface UncertainDriver {
  /** Index of the row in the input's `drivers`. */
  readonly row: number;
  readonly variable: string;
  readonly dist: DistSpec;
  /** The row's own rate (the distribution's mean, mode or central value). */
  readonly rate: number;
  /**
   * True when the row's rate moves within its period (`endRate`): a draw then shifts the whole path by
   * (drawn − rate), each year's rate kept in −1…1; otherwise the drawn value is the rate of every year.
   */
  readonly ramped: boolean;
}

/** A lever with a distribution: one spec per milestone (in the order of `lever.segments`). */
export interface UncertainLever {
  /** Index into `model.levers`. */
  readonly lever: number;
  readonly kind: DistKind;
  readonly segments: readonly DistSpec[];
  /** Upper bound of the value: 1 (share) or 100 (pp, structure_shift). */
  readonly upper: number;
}

/** Rates over the years (NaN = not covered) and, for each year, the uncertain driver (index into `drivers`) owning it, or −1. */
interface DrawnRates {
  readonly rates: Float64Array;
  readonly owners: Int32Array;
}

/** A city whose population, GDP or GDP per capita some uncertain driver moves. */
interface UncertainCity {
  readonly city: number;
  readonly population: DrawnRates;
  readonly gdp: DrawnRates;
  readonly gdpPerCapita: DrawnRates;
}

/** One city's activity path that some uncertain driver moves. */
interface UncertainActivity {
  readonly activity: number;
  readonly city: number;
  readonly base: number;
  readonly rates: DrawnRates;
}

/** One (city, sector) emissions series that some uncertain driver moves (directly, or through its city or activity). */
interface UncertainCell {
  /** c·S + s. */
  readonly index: number;
  readonly base: number;
  readonly emissions: DrawnRates;
  readonly share: DrawnRates;
  readonly energyIntensity: DrawnRates;
  readonly carbonIntensity: DrawnRates;
}

/** A compiled model with its uncertain inputs, ready for {@link startMonteCarlo}. */
export interface MonteCarloModel {
  readonly type: "MonteCarloModel";
  readonly model: ScenarioModel;
  readonly drivers: readonly UncertainDriver[];
  /**
   * With shared shocks (Settings → Monte Carlo shocks), the group of each uncertain driver: drivers of
   * one variable share one variate per draw. Independent: every driver its own group.
   */
  readonly groups: Int32Array;
  readonly levers: readonly UncertainLever[];
  readonly cities: readonly UncertainCity[];
  readonly activities: readonly UncertainActivity[];
  readonly cells: readonly UncertainCell[];
  readonly warnings: readonly Issue[];
}

/** Options of a run. */
export interface MonteCarloOptions {
  /** Number of draws, a whole number 1 … {@link MAX_DRAWS}. */
  readonly draws: number;
  /** Seed, a whole number 0 … 2^53 − 1: same input and seed → same results. */
  readonly seed: number;
  /** Called after each chunk with the draws done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked before each chunk; true stops the run (result: failure `cancelled`, during "draws"). */
  readonly shouldStop?: () => boolean;
  /** Draws per chunk (default {@link DEFAULT_CHUNK}). */
  readonly chunkSize?: number;
}

/** Percentiles (type 7, as Excel PERCENTILE.INC) and mean of a sample. */
export interface SampleStats {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
}

/** Monte Carlo results of one region (city or cluster) in one scenario. */
export interface MonteCarloRow {
  readonly scenario: string;
  readonly region: string;
  readonly isCluster: boolean;
  /** Share of draws whose peak row has `byTarget` (peak within the horizon and ≤ the target year), 0…1. */
  readonly probabilityByTarget: number;
  /** Peak year (a percentile may fall between years). */
  readonly peakYear: SampleStats;
  /** Emissions in the peak year, tCO2. */
  readonly peakValue: SampleStats;
  /** Draws per peak year, aligned with {@link MonteCarloResult.years}. */
  readonly histogram: Int32Array;
  /** The deterministic run's peak row (the inputs' values, no draw). */
  readonly deterministic: PeakRow;
}

/** Everything a Monte Carlo run produces. */
export interface MonteCarloResult {
  /** Draws summarised (fewer than asked for when a chunked run is finished early). */
  readonly draws: number;
  readonly seed: number;
  readonly targetYear: number;
  /** baseYear … endYear: the histogram axis. */
  readonly years: Int32Array;
  readonly scenarios: readonly string[];
  /** Cities, then the cluster. */
  readonly regions: readonly string[];
  /** Scenario-major: for each scenario its cities then the cluster (the order of ScenarioResults.peaks). */
  readonly rows: readonly MonteCarloRow[];
  /** Drivers rows and levers with a distribution. */
  readonly uncertainDrivers: number;
  readonly uncertainLevers: number;
  /** Drawn values set to their range's bound, and all drawn values. */
  readonly clipped: number;
  readonly drawnValues: number;
}

/** A run in progress (opaque: use {@link runChunk} and {@link finishMonteCarlo}). */
export interface MonteCarloRun {
  readonly mc: MonteCarloModel;
  readonly draws: number;
  readonly seed: number;
  /** Draws done so far. */
  done: number;
  /** @internal */
  readonly work: Work;
}

interface Work {
  readonly rng: Prng;
  readonly baseline: Float64Array<ArrayBuffer>;
  readonly acts: Float64Array<ArrayBuffer>[];
  /** Activities' yearly growth factors (C × Y each), and the cities' population and GDP growth factors (C × Y). */
  readonly actGrowth: Float64Array<ArrayBuffer>[];
  readonly popGrowth: Float64Array<ArrayBuffer>;
  readonly gdpGrowth: Float64Array<ArrayBuffer>;
  readonly cityScratch: CityRates;
  readonly cellScratch: CellRates;
  readonly effects: LeverEffect[];
  readonly levers: CompiledLever[];
  readonly segments: Map<number, MutableSegment[]>;
  readonly byScenario: number[][];
  readonly emissions: Float64Array;
  readonly logSum: Float64Array;
  readonly rates: Float64Array;
  readonly driverValues: Float64Array;
  readonly groupVariates: Float64Array;
  readonly scratch: Issue[];
  readonly recompute: boolean[];
  readonly deterministic: readonly PeakRow[];
  readonly warnings: readonly Issue[];
  /** Per (scenario, region) slot: draws × peak year / value; count by target. */
  readonly years: Int32Array;
  readonly values: Float64Array;
  readonly byTarget: Int32Array;
  clipped: number;
  drawn: number;
}

type MutableSegment = { -readonly [K in keyof RampSegment]: RampSegment[K] };

function isMonteCarloModel(x: unknown): x is MonteCarloModel {
  return x !== null && typeof x === "object" && (x as { type?: unknown }).type === "MonteCarloModel";
}

/** Owner tables by variable: the same resolution as the rates (fillRateTable/resolveRate), with row ids as values. */
function ownerTables(m: ScenarioModel, drivers: readonly DriverRow[], raw: readonly number[]): Map<string, RateTable> {
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const ctx = {
    baseYear: m.settings.baseYear,
    endYear: m.settings.endYear,
    lastHistoricalYear: m.lastHistoricalYear,
    cityIndex: new Map(m.cities.map((c, i) => [c, i])),
    sectorIndex: new Map(m.sectors.map((s, i) => [s, i])),
    S,
  };
  const groups = new Map<string, { rows: DriverRow[]; raw: number[] }>();
  drivers.forEach((d, k) => {
    let g = groups.get(d.variable);
    if (!g) groups.set(d.variable, (g = { rows: [], raw: [] }));
    g.rows.push({ ...d, rate: k, endRate: undefined });
    g.raw.push(raw[k]);
  });
  const out = new Map<string, RateTable>();
  for (const [variable, g] of groups) {
    const t = emptyRateTable(C, S, Y);
    fillRateTable(t, g.rows, g.raw, ctx, []);
    out.set(variable, t);
  }
  return out;
}

/** The rates of `table` and the uncertain owners of `owners` for (c, s) over the projected years; `any` reports an uncertain owner. */
function drawnRates(
  table: RateTable | undefined,
  owners: RateTable | undefined,
  slot: Int32Array,
  c: number,
  s: number,
  h: number,
  S: number,
  Y: number,
  any: { value: boolean },
): DrawnRates {
  const rates = new Float64Array(Y).fill(NaN);
  const own = new Int32Array(Y).fill(-1);
  for (let y = h + 1; y < Y; y++) {
    if (table !== undefined) rates[y] = resolveRate(table, c, s, y, S, Y);
    if (owners === undefined) continue;
    const id = resolveRate(owners, c, s, y, S, Y);
    if (id === id && slot[id] >= 0) {
      own[y] = slot[id];
      any.value = true;
    }
  }
  return { rates, owners: own };
}

/** The cities, activity paths and emission cells that uncertain drivers move. */
function uncertainParts(
  m: ScenarioModel,
  owners: Map<string, RateTable>,
  slot: Int32Array,
): { cities: UncertainCity[]; activities: UncertainActivity[]; cells: UncertainCell[] } {
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const h = historyIndex(m);
  const k = m.kaya;
  const cities: UncertainCity[] = [];
  const cityMoved = new Uint8Array(C);
  if (k !== undefined) {
    for (let c = 0; c < C; c++) {
      const any = { value: false };
      const population = drawnRates(k.population, owners.get("population"), slot, c, -1, h, S, Y, any);
      const gdp = drawnRates(k.gdp, owners.get("gdp"), slot, c, -1, h, S, Y, any);
      const gdpPerCapita = drawnRates(k.gdpPerCapita, owners.get("gdp_per_capita"), slot, c, -1, h, S, Y, any);
      if (any.value) {
        cities.push({ city: c, population, gdp, gdpPerCapita });
        cityMoved[c] = 1;
      }
    }
  }
  const activities: UncertainActivity[] = [];
  const activityMoved = m.activities.map(() => new Uint8Array(C));
  m.activities.forEach((a, ai) => {
    for (let c = 0; c < C; c++) {
      if (Number.isNaN(a.base[c])) continue;
      const any = { value: false };
      const rates = drawnRates(a.rates, owners.get(a.name), slot, c, -1, h, S, Y, any);
      if (any.value) {
        activities.push({ activity: ai, city: c, base: a.base[c], rates });
        activityMoved[ai][c] = 1;
      }
    }
  });
  const cells: UncertainCell[] = [];
  for (let c = 0; c < C; c++) {
    for (let s = 0; s < S; s++) {
      const any = { value: false };
      const emissions = drawnRates(m.emissionRates, owners.get("emissions"), slot, c, s, h, S, Y, any);
      const share = drawnRates(k?.share, owners.get("value_added_share"), slot, c, s, h, S, Y, any);
      const energyIntensity = drawnRates(k?.energyIntensity, owners.get("energy_intensity"), slot, c, s, h, S, Y, any);
      const carbonIntensity = drawnRates(k?.carbonIntensity, owners.get("carbon_intensity"), slot, c, s, h, S, Y, any);
      const a = k === undefined ? -1 : k.drivenBy[c * S + s];
      const moved = any.value || (k !== undefined && (a >= 0 ? activityMoved[a][c] === 1 : cityMoved[c] === 1));
      if (moved) cells.push({ index: c * S + s, base: m.base[c * S + s], emissions, share, energyIntensity, carbonIntensity });
    }
  }
  return { cities, activities, cells };
}

/**
 * Validates a scenario input (every field, the distribution columns included, and every cross-record
 * rule — all issues at once, with paths and cells) and compiles it with its uncertain inputs.
 * Warning `mc_no_uncertainty` when no row has a distribution.
 * @example compileMonteCarlo(changzhutanInput()).ok // true
 */
export function compileMonteCarlo(raw: unknown): Result<MonteCarloModel> {
  const compiled = compileScenario(raw);
  if (!compiled.ok) return compiled;
  const m = compiled.value;
  const parts = parseScenarioParts(raw);
  const drivers: UncertainDriver[] = [];
  const slot = new Int32Array(parts.drivers.length).fill(-1);
  parts.drivers.forEach((d, k) => {
    const dist = rowDist(d, d.rate);
    if (dist) {
      slot[k] = drivers.length;
      drivers.push({
        row: parts.index.drivers[k],
        variable: d.variable,
        dist,
        rate: d.rate,
        ramped: d.endRate !== undefined && d.endRate !== d.rate && d.to > d.from,
      });
    }
  });
  const moved = drivers.length > 0 ? uncertainParts(m, ownerTables(m, parts.drivers, parts.index.drivers), slot) : { cities: [], activities: [], cells: [] };
  // Shared shocks: one group per variable (in the order of its first uncertain row); else one per row.
  const shared = (m.settings.shocks ?? SETTINGS_DEFAULTS.shocks) === "shared";
  const groupOf = new Map<string, number>();
  const groups = Int32Array.from(drivers, (d, j) => {
    if (!shared) return j;
    if (!groupOf.has(d.variable)) groupOf.set(d.variable, groupOf.size);
    return groupOf.get(d.variable)!;
  });
  const leverRows = new Map<number, LeverRow>();
  parts.levers.forEach((r, k) => leverRows.set(parts.index.levers[k], r));
  const levers: UncertainLever[] = [];
  m.levers.forEach((l, li) => {
    // The milestones in segment order: compileLevers sorts the rows by start year (stable).
    const rows = l.rows.map((i) => leverRows.get(i)!).sort((a, b) => a.startYear - b.startYear);
    const specs = rows.map((r) => rowDist(r, r.value));
    if (specs[0] === undefined || specs.some((d) => d === undefined)) return;
    levers.push({ lever: li, kind: specs[0].kind, segments: specs as DistSpec[], upper: l.kind === "structure_shift" ? 100 : 1 });
  });
  const warnings = [...compiled.warnings];
  if (drivers.length === 0 && levers.length === 0) warnings.push(issue("mc_no_uncertainty", ["drivers"]));
  return ok({ type: "MonteCarloModel", model: m, drivers, groups, levers, ...moved, warnings }, warnings);
}

function checkOptions(o: { draws: unknown; seed: unknown; chunkSize?: unknown }): Issue[] {
  const issues: Issue[] = [];
  const d = o.draws;
  if (typeof d !== "number" || !Number.isInteger(d) || d < 1 || d > MAX_DRAWS) {
    issues.push(
      issue("option_range", ["draws"], {
        value: typeof d === "number" ? d : String(d),
        expected: `a whole number of draws from 1 to ${MAX_DRAWS}`,
        expectedZh: `1 到 ${MAX_DRAWS} 之间的整数抽样次数`,
      }),
    );
  }
  const s = checkSeed(o.seed);
  if (!s.ok) pushAll(issues, s.issues);
  const c = o.chunkSize;
  if (c !== undefined && (typeof c !== "number" || !Number.isInteger(c) || c < 1)) {
    issues.push(
      issue("option_range", ["chunkSize"], { value: typeof c === "number" ? c : String(c), expected: "a whole number ≥ 1", expectedZh: "大于或等于 1 的整数" }),
    );
  }
  return issues;
}

/**
 * Starts a run: validates the options (`draws`, `seed`) and, for a raw input, the input (see
 * {@link compileMonteCarlo}); runs the deterministic model once; allocates every buffer. Then call
 * {@link runChunk} until `run.done === run.draws`, and {@link finishMonteCarlo}.
 * @example const r = startMonteCarlo(input, { draws: 10000, seed: 42 }); while (r.ok && r.value.done < r.value.draws) runChunk(r.value, 500)
 */
export function startMonteCarlo(
  input: unknown,
  options: { readonly draws: number; readonly seed: number; readonly chunkSize?: number },
): Result<MonteCarloRun> {
  const bad = checkOptions(options);
  const compiled = isMonteCarloModel(input) ? ok(input, input.warnings) : compileMonteCarlo(input);
  if (!compiled.ok) return fail([...compiled.issues, ...bad]);
  if (bad.length > 0) return fail(bad);
  const rng = seeded(options.seed);
  if (!rng.ok) return rng;
  const mc = compiled.value;
  const m = mc.model;
  const det = runModel(m);
  if (!det.ok) return det;
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const baseline = Float64Array.from(det.value.emissions[0]);
  const paths = activityPaths(m);
  const acts = paths.paths.map((p) => Float64Array.from(p));
  const actGrowth = paths.growth.map((g) => Float64Array.from(g));
  const city = cityFactors(m);
  const scratch: Issue[] = [];
  const effects = m.levers.map((l) => leverEffect(l, m, baseline, acts, scratch));
  const segments = new Map<number, MutableSegment[]>();
  const levers = m.levers.map((l) => l);
  for (const u of mc.levers) {
    const segs = m.levers[u.lever].segments.map((s) => ({ ...s }));
    segments.set(u.lever, segs);
    levers[u.lever] = { ...m.levers[u.lever], segments: segs };
  }
  const uncertain = new Set(mc.levers.map((u) => u.lever));
  const driversDrawn = mc.cells.length > 0 || mc.activities.length > 0;
  const recompute = m.levers.map(
    (l, li) => uncertain.has(li) || (driversDrawn && (l.kind === "activity" || l.kind === "align_best" || l.kind === "avoid_growth")),
  );
  const byScenario = m.scenarios.map((_, k) => m.levers.map((l, i) => (l.scenario === k ? i : -1)).filter((i) => i >= 0));
  const slots = m.scenarios.length * (C + 1);
  const draws = options.draws;
  const work: Work = {
    rng: rng.value,
    baseline,
    acts,
    actGrowth,
    popGrowth: Float64Array.from(city.population),
    gdpGrowth: Float64Array.from(city.gdp),
    cityScratch: cityRates(Y),
    cellScratch: cellRates(Y),
    effects,
    levers,
    segments,
    byScenario,
    emissions: new Float64Array(C * S * Y),
    logSum: new Float64Array(C * S * Y),
    rates: new Float64Array(Y),
    driverValues: new Float64Array(mc.drivers.length),
    groupVariates: new Float64Array(mc.drivers.length),
    scratch,
    recompute,
    deterministic: det.value.peaks,
    warnings: [...det.warnings],
    years: new Int32Array(slots * draws),
    values: new Float64Array(slots * draws),
    byTarget: new Int32Array(slots),
    clipped: 0,
    drawn: 0,
  };
  return ok({ mc, draws, seed: options.seed, done: 0, work });
}

function clip(w: Work, x: number, lo: number, hi: number): number {
  w.drawn++;
  if (x < lo) {
    w.clipped++;
    return lo;
  }
  if (x > hi) {
    w.clipped++;
    return hi;
  }
  return x;
}

function drawOnce(run: MonteCarloRun, d: number): void {
  const { mc, work: w } = run;
  const m = mc.model;
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  // 1. Draws, in a fixed order: driver rows (one variate per group: per row, or per variable with shared shocks), then levers.
  let drawnGroups = 0;
  mc.drivers.forEach((u, j) => {
    const g = mc.groups[j];
    if (g === drawnGroups) {
      w.groupVariates[g] = drawVariate(u.dist.kind, w.rng);
      drawnGroups++;
    }
    w.driverValues[j] = clip(w, fromVariate(u.dist, w.groupVariates[g]), -1, 1);
  });
  for (const u of mc.levers) {
    const x = drawVariate(u.kind, w.rng);
    const segs = w.segments.get(u.lever)!;
    for (let k = 0; k < segs.length; k++) segs[k].value = clip(w, fromVariate(u.segments[k], x), 0, u.upper);
  }
  // 2. Series moved by drawn drivers (the others keep their deterministic values), with the
  //    deterministic run's functions (`growth.ts`): cities, activities, then emission cells.
  const h = historyIndex(m);
  const pick = (d: DrawnRates, out: Float64Array) => {
    for (let y = h + 1; y < Y; y++) {
      const o = d.owners[y];
      if (o < 0) out[y] = d.rates[y];
      else if (!mc.drivers[o].ramped) out[y] = w.driverValues[o];
      else {
        // A ramped row: the whole path moves by the draw's distance from the row's rate.
        const r = d.rates[y] + (w.driverValues[o] - mc.drivers[o].rate);
        out[y] = r < -1 ? -1 : r > 1 ? 1 : r;
      }
    }
  };
  for (const u of mc.cities) {
    const r = w.cityScratch;
    pick(u.population, r.population);
    pick(u.gdp, r.gdp);
    pick(u.gdpPerCapita, r.gdpPerCapita);
    cityGrowth(r, h, Y, w.popGrowth, w.gdpGrowth, u.city * Y);
  }
  for (const u of mc.activities) {
    const g = w.actGrowth[u.activity];
    const r = w.rates;
    pick(u.rates, r);
    for (let y = h + 1; y < Y; y++) g[u.city * Y + y] = r[y] === r[y] ? 1 + r[y] : 1;
    compoundFrom(u.base, g.subarray(u.city * Y, (u.city + 1) * Y), h, w.acts[u.activity], u.city * Y);
  }
  const kaya = m.kaya;
  for (const u of mc.cells) {
    const r = w.cellScratch;
    pick(u.emissions, r.emissions);
    pick(u.share, r.share);
    pick(u.energyIntensity, r.energyIntensity);
    pick(u.carbonIntensity, r.carbonIntensity);
    const c = Math.floor(u.index / S);
    const a = kaya === undefined ? -1 : kaya.drivenBy[u.index];
    const g = w.rates;
    for (let y = h + 1; y < Y; y++) g[y] = cellGrowthAt(r, y, w.gdpGrowth[c * Y + y], a >= 0 ? w.actGrowth[a][c * Y + y] : NaN);
    compoundFrom(u.base, g, h, w.baseline, u.index * Y);
  }
  // 3. Lever effects that changed.
  w.scratch.length = 0;
  for (let li = 0; li < w.levers.length; li++) if (w.recompute[li]) w.effects[li] = leverEffect(w.levers[li], m, w.baseline, w.acts, w.scratch);
  // 4. Scenarios and peaks.
  const st = m.settings;
  const dims = { cities: m.cities, sectors: m.sectors, years: m.years };
  const R = C + 1;
  for (let k = 0; k < m.scenarios.length; k++) {
    let e: Float64Array = w.baseline;
    if (k > 0) {
      const idx = w.byScenario[k];
      const levers = idx.map((i) => w.levers[i]);
      const effects = idx.map((i) => w.effects[i]);
      const full = leverLogSum(C, S, Y, levers, effects, w.logSum);
      scenarioEmissions(w.baseline, w.logSum, full, w.emissions);
      e = w.emissions;
    }
    const rows = scenarioPeaks(m.scenarios[k], m.cities, st.cluster, m.years, cityTotals(dims, e), clusterTotal(dims, e), st);
    for (let r = 0; r < R; r++) {
      const slot = k * R + r;
      const p = rows[r];
      w.years[slot * run.draws + d] = p.year;
      w.values[slot * run.draws + d] = p.value;
      if (p.byTarget) w.byTarget[slot]++;
    }
  }
}

/**
 * Runs up to `n` more draws (never past `run.draws`); returns the number of draws done so far.
 * Chunking does not change the results: the draws are the same whatever the chunk sizes.
 * @example while (run.done < run.draws) { runChunk(run, 500); post(run.done / run.draws) }
 */
export function runChunk(run: MonteCarloRun, n: number): number {
  const end = Math.min(run.draws, run.done + Math.max(0, Math.floor(n)));
  for (let d = run.done; d < end; d++) drawOnce(run, d);
  run.done = end;
  return end;
}

function stats(sample: ArrayLike<number>, count: number, buf: Float64Array): SampleStats {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    buf[i] = sample[i];
    sum += sample[i];
  }
  const sorted = buf.subarray(0, count).sort();
  return { p5: percentileSorted(sorted, 0.05), p50: percentileSorted(sorted, 0.5), p95: percentileSorted(sorted, 0.95), mean: count > 0 ? sum / count : NaN };
}

/**
 * Summarises the draws done so far (all of them after a complete run) into {@link MonteCarloResult}.
 * Fails with `cancelled` (during "draws") when no draw was done. Warnings: the deterministic run's, the model's,
 * and `mc_clipped` (count of drawn values set to their range's bound).
 * @example finishMonteCarlo(run).value.rows.find((r) => r.isCluster && r.scenario === "coordinated").probabilityByTarget
 */
export function finishMonteCarlo(run: MonteCarloRun): Result<MonteCarloResult> {
  const { mc, work: w } = run;
  const n = run.done;
  if (n === 0) return fail([issue("cancelled", ["draws"], { during: "draws", done: 0, draws: run.draws })]);
  const m = mc.model;
  const C = m.cities.length;
  const Y = m.years.length;
  const y0 = m.years[0];
  const R = C + 1;
  const buf = new Float64Array(n);
  const rows: MonteCarloRow[] = [];
  for (let k = 0; k < m.scenarios.length; k++) {
    for (let r = 0; r < R; r++) {
      const slot = k * R + r;
      const years = w.years.subarray(slot * run.draws, slot * run.draws + n);
      const histogram = new Int32Array(Y);
      for (let i = 0; i < n; i++) histogram[years[i] - y0]++;
      const det = w.deterministic[slot];
      rows.push({
        scenario: det.scenario,
        region: det.region,
        isCluster: det.isCluster,
        probabilityByTarget: w.byTarget[slot] / n,
        peakYear: stats(years, n, buf),
        peakValue: stats(w.values.subarray(slot * run.draws, slot * run.draws + n), n, buf),
        histogram,
        deterministic: det,
      });
    }
  }
  const warnings: Issue[] = [...mc.warnings.filter((x) => !w.warnings.includes(x)), ...w.warnings];
  if (w.clipped > 0) warnings.push(issue("mc_clipped", ["draws"], { count: w.clipped, total: w.drawn }));
  return ok(
    {
      draws: n,
      seed: run.seed,
      targetYear: m.settings.targetYear,
      years: m.years,
      scenarios: m.scenarios,
      regions: [...m.cities, m.settings.cluster],
      rows,
      uncertainDrivers: mc.drivers.length,
      uncertainLevers: mc.levers.length,
      clipped: w.clipped,
      drawnValues: w.drawn,
    },
    warnings,
  );
}

/**
 * Monte Carlo over a scenario input (raw, as for `runScenarios`, or a {@link compileMonteCarlo} model):
 * `draws` iterations from `seed`, in chunks with `onProgress(done, total)` after each and
 * `shouldStop()` before each. Fails with every input and option issue at once (paths and cells), or
 * with `cancelled` (during "draws") when stopped. Units: peak values in tCO2, probabilities 0…1, years.
 * @example runMonteCarlo(input, { draws: 10000, seed: 2030 }) // ok: { rows: [{ scenario, region, probabilityByTarget, peakYear: { p5, p50, p95, mean }, … }] }
 */
export function runMonteCarlo(input: unknown, options: MonteCarloOptions): Result<MonteCarloResult> {
  const started = startMonteCarlo(input, options);
  if (!started.ok) return started;
  const run = started.value;
  const chunk = options.chunkSize ?? DEFAULT_CHUNK;
  while (run.done < run.draws) {
    if (options.shouldStop?.()) return fail([issue("cancelled", ["draws"], { during: "draws", done: run.done, draws: run.draws })]);
    runChunk(run, chunk);
    options.onProgress?.(run.done, run.draws);
  }
  return finishMonteCarlo(run);
}
