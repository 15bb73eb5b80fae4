/**
 * Scenario engine, whole-country case (issue "Benchmarks" 2): ≈ 300 cities × 8 sectors × 2020–2060 ×
 * 4 scenarios (baseline + 3) × 10 levers each, vs a hand-written loop over Float64Arrays doing the same
 * arithmetic: baseline compounding per (city, sector) with the most specific driver row, levers as
 * multiplicative shares (reduce, coverage × linear ramp), city and cluster sums, city peak years.
 * The engine also attributes each scenario's reduction to its levers (log shares), classifies peaks
 * and computes the benefit of coordination; the loop does not. Both are checked to agree (1e-9
 * relative, every cell and cluster total) before anything is timed. Target: within 3×, well under 100 ms.
 *
 * `countrySpec` / `engineInput` are the fixture builder, shared with the HyperFormula benchmark.
 */
import { clusterTotal, compileScenario, runModel, type ScenarioModel } from "../src/engine";
import { compare, type BenchResult } from "./harness";

export const SECTORS = ["power_heat", "heavy_industry", "other_industry", "construction", "transport", "commercial", "residential", "agriculture"];
export const BASE_YEAR = 2020;
export const END_YEAR = 2060;

export interface RateRow {
  from: number;
  to: number;
  rate: number;
  /** Index into cities / SECTORS (undefined: all). */
  city?: number;
  sector?: number;
}

export interface LeverSpec {
  /** 1-based scenario index (0 is the baseline). */
  scenario: number;
  name: string;
  /** City / sector indexes, or undefined for all. */
  cities?: number[];
  sectors?: number[];
  value: number;
  coverage: number;
  start: number;
  full: number;
}

/** A scenario case in plain numbers: what the engine input, the hand loop and the HyperFormula sheet are all built from. */
export interface CountrySpec {
  cities: string[];
  scenarios: string[];
  /** Base-year emissions, t, C × S. */
  base: Float64Array;
  drivers: RateRow[];
  levers: LeverSpec[];
}

/**
 * Deterministic fixture: `nCities` cities, 8 sectors, 2020–2060; five cluster-wide driver periods,
 * plus (when `overrides`) sector and city rows that override them; `levers` reduce levers per scenario
 * (some cluster-wide, some on a few sectors, some on a subset of cities), linear ramps.
 */
export function countrySpec(nCities: number, policyScenarios: string[], levers: number, overrides = true): CountrySpec {
  const cities = Array.from({ length: nCities }, (_, i) => `city${String(i + 1).padStart(3, "0")}`);
  const S = SECTORS.length;
  const base = new Float64Array(nCities * S);
  for (let c = 0; c < nCities; c++) for (let s = 0; s < S; s++) base[c * S + s] = (1 + (c % 10)) * 1e6 * (0.05 + (0.3 * ((s * 7 + c) % 8)) / 8);
  const drivers: RateRow[] = [
    { from: 2021, to: 2025, rate: 0.03 },
    { from: 2026, to: 2030, rate: 0.015 },
    { from: 2031, to: 2035, rate: 0.005 },
    { from: 2036, to: 2045, rate: -0.01 },
    { from: 2046, to: 2060, rate: -0.02 },
  ];
  if (overrides) {
    drivers.push(
      { sector: 4, from: 2021, to: 2030, rate: 0.04 },
      { sector: 1, from: 2021, to: 2030, rate: 0 },
      { sector: 6, from: 2021, to: 2035, rate: 0.02 },
    );
    for (let c = 0; c < nCities; c += 7) drivers.push({ city: c, from: 2021, to: 2030, rate: 0.035 + (c % 3) * 0.005 });
  }
  const out: LeverSpec[] = [];
  policyScenarios.forEach((_, k) => {
    for (let l = 0; l < levers; l++) {
      const j = l + k; // vary the mix between scenarios
      const lever: LeverSpec = {
        scenario: k + 1,
        name: `lever${String(l).padStart(2, "0")}`,
        value: 0.02 + 0.01 * ((j * 3) % 7) + 0.01 * k,
        coverage: 1 - 0.1 * (j % 4),
        start: 2021 + (j % 5),
        full: 2030 + (j % 4) * 3,
      };
      if (j % 3 === 1) lever.sectors = [j % S, (j + 3) % S];
      if (j % 5 === 2)
        lever.cities = Array.from({ length: Math.ceil(nCities / 3) }, (_, i) => (i * 3 + (j % 3)) % nCities)
          .filter((c, i, a) => a.indexOf(c) === i)
          .sort((a, b) => a - b);
      out.push(lever);
    }
  });
  return { cities, scenarios: ["baseline", ...policyScenarios], base, drivers, levers: out };
}

/** The spec as the scenario engine's input (what the sheets reader would produce). */
export function engineInput(spec: CountrySpec): Record<string, unknown> {
  const { cities } = spec;
  const S = SECTORS.length;
  const policy = spec.scenarios.slice(1);
  return {
    settings: {
      baseYear: BASE_YEAR,
      endYear: END_YEAR,
      targetYear: 2030,
      units: "t",
      cluster: "country",
      scenarios: policy,
      ...(policy.length >= 2 ? { independent: policy[0], coordinated: policy[1] } : {}),
    },
    inventory: cities.flatMap((city, c) => SECTORS.map((sector, s) => ({ city, sector, value: spec.base[c * S + s] }))),
    activities: [],
    drivers: spec.drivers.map((d) => ({
      from: d.from,
      to: d.to,
      rate: d.rate,
      ...(d.city !== undefined ? { city: cities[d.city] } : {}),
      ...(d.sector !== undefined ? { sector: SECTORS[d.sector] } : {}),
    })),
    levers: spec.levers.map((l) => ({
      scenario: spec.scenarios[l.scenario],
      name: l.name,
      kind: "reduce",
      cities: l.cities ? l.cities.map((c) => cities[c]).join(",") : "all",
      sectors: l.sectors ? l.sectors.map((s) => SECTORS[s]).join(",") : "all",
      value: l.value,
      coverage: l.coverage,
      startYear: l.start,
      fullYear: l.full,
      shape: "linear",
    })),
  };
}

/** Driver tables and lever masks for the hand loop (the analogue of compiling). */
export interface LoopInput {
  C: number;
  S: number;
  Y: number;
  K: number;
  base: Float64Array;
  all: Float64Array;
  sector: Float64Array;
  city: Float64Array;
  citySector: Float64Array;
  levers: { scenario: number; cityMask: Uint8Array; sectorMask: Uint8Array; scale: number; start: number; full: number }[];
}

export function loopInput(spec: CountrySpec): LoopInput {
  const C = spec.cities.length;
  const S = SECTORS.length;
  const Y = END_YEAR - BASE_YEAR + 1;
  const all = new Float64Array(Y).fill(NaN);
  const sector = new Float64Array(S * Y).fill(NaN);
  const city = new Float64Array(C * Y).fill(NaN);
  const citySector = new Float64Array(C * S * Y).fill(NaN);
  for (const d of spec.drivers) {
    for (let year = Math.max(d.from, BASE_YEAR + 1); year <= Math.min(d.to, END_YEAR); year++) {
      const y = year - BASE_YEAR;
      if (d.city !== undefined && d.sector !== undefined) citySector[(d.city * S + d.sector) * Y + y] = d.rate;
      else if (d.city !== undefined) city[d.city * Y + y] = d.rate;
      else if (d.sector !== undefined) sector[d.sector * Y + y] = d.rate;
      else all[y] = d.rate;
    }
  }
  const levers = spec.levers.map((l) => {
    const cityMask = new Uint8Array(C);
    const sectorMask = new Uint8Array(S);
    if (l.cities) for (const c of l.cities) cityMask[c] = 1;
    else cityMask.fill(1);
    if (l.sectors) for (const s of l.sectors) sectorMask[s] = 1;
    else sectorMask.fill(1);
    return { scenario: l.scenario, cityMask, sectorMask, scale: l.coverage * l.value, start: l.start, full: l.full };
  });
  return { C, S, Y, K: spec.scenarios.length, base: spec.base, all, sector, city, citySector, levers };
}

export interface LoopOutput {
  emissions: Float64Array[];
  cluster: Float64Array;
  cityTotals: Float64Array;
  peakYears: Int32Array;
}

/**
 * Fills the baseline of one (city, sector) — `out[o + y]` for every year — from the emission growth
 * rows of the loop's tables (the most specific covering row; uncovered years grow at 0).
 */
export type CellBaseline = (c: number, s: number, o: number, out: Float64Array) => void;

function emissionRowsBaseline(m: LoopInput): CellBaseline {
  const { S, Y } = m;
  return (c, s, o, baseline) => {
    let v = m.base[c * S + s];
    baseline[o] = v;
    for (let y = 1; y < Y; y++) {
      let r = m.citySector[o + y];
      if (r !== r) r = m.city[c * Y + y];
      if (r !== r) r = m.sector[s * Y + y];
      if (r !== r) r = m.all[y];
      if (r !== r) r = 0;
      v *= 1 + r;
      baseline[o + y] = v;
    }
  };
}

/**
 * The hand-written loop: plain Float64Arrays, the same arithmetic as the engine's deterministic run —
 * the baseline of each cell (`cellBaseline`, default: the emission growth rows), then the levers.
 */
export function handLoop(m: LoopInput, cellBaseline: CellBaseline = emissionRowsBaseline(m)): LoopOutput {
  const { C, S, Y, K, levers } = m;
  const L = levers.length;
  // Lever shares by year: scale × linear ramp (0 before start, 1 from the full-effect year on).
  const share = new Float64Array(L * Y);
  for (let l = 0; l < L; l++) {
    const { scale, start, full } = levers[l];
    for (let y = 0; y < Y; y++) {
      const year = BASE_YEAR + y;
      const f = year < start ? 0 : year >= full ? 1 : (year - start) / (full - start);
      share[l * Y + y] = scale * f;
    }
  }
  const emissions: Float64Array[] = [];
  for (let k = 0; k < K; k++) emissions.push(new Float64Array(C * S * Y));
  const cluster = new Float64Array(K * Y);
  const cityTotals = new Float64Array(K * C * Y);
  const baseline = emissions[0];
  const mult = new Float64Array(Y);
  for (let c = 0; c < C; c++) {
    for (let s = 0; s < S; s++) {
      const o = (c * S + s) * Y;
      cellBaseline(c, s, o, baseline);
      for (let k = 1; k < K; k++) {
        mult.fill(1);
        for (let l = 0; l < L; l++) {
          const lv = levers[l];
          if (lv.scenario !== k || lv.cityMask[c] === 0 || lv.sectorMask[s] === 0) continue;
          for (let y = 0; y < Y; y++) mult[y] *= 1 - share[l * Y + y];
        }
        const e = emissions[k];
        for (let y = 0; y < Y; y++) e[o + y] = baseline[o + y] * mult[y];
      }
      for (let k = 0; k < K; k++) {
        const e = emissions[k];
        const ct = (k * C + c) * Y;
        for (let y = 0; y < Y; y++) {
          cityTotals[ct + y] += e[o + y];
          cluster[k * Y + y] += e[o + y];
        }
      }
    }
  }
  const peakYears = new Int32Array(K * C);
  for (let i = 0; i < K * C; i++) {
    let best = 0;
    for (let y = 1; y < Y; y++) if (cityTotals[i * Y + y] > cityTotals[i * Y + best]) best = y;
    peakYears[i] = BASE_YEAR + best;
  }
  return { emissions, cluster, cityTotals, peakYears };
}

/** Largest relative difference between two arrays (|a − b| / max(|a|, |b|, 1e-300)). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i]), 1e-300);
    if (!(d <= worst)) worst = d; // NaN propagates as a failure
  }
  return worst;
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 5)));
  return r.value;
}

export function scenarioBenchmarks(): BenchResult[] {
  const spec = countrySpec(300, ["independent", "coordinated", "enhanced"], 10);
  const input = engineInput(spec);
  const model: ScenarioModel = unwrap(compileScenario(input));
  const li = loopInput(spec);

  // Honesty check: the loop computes the engine's numbers (every cell, cluster totals, city peaks).
  const res = unwrap(runModel(model));
  const loop = handLoop(li);
  const dims = { cities: res.cities, sectors: res.sectors, years: res.years };
  if (res.cities.join() !== spec.cities.join() || res.sectors.join() !== SECTORS.join() || res.scenarios.join() !== spec.scenarios.join()) {
    throw new Error(`engine layout differs from the fixture: ${res.scenarios.join()} / ${res.sectors.join()}`);
  }
  for (let k = 0; k < spec.scenarios.length; k++) {
    const dc = maxRelDiff(res.emissions[k], loop.emissions[k]);
    const dt = maxRelDiff(clusterTotal(dims, res.emissions[k]), loop.cluster.subarray(k * li.Y, (k + 1) * li.Y));
    if (dc > 1e-9 || dt > 1e-9) throw new Error(`hand loop and engine differ in ${spec.scenarios[k]}: cells ${dc}, cluster ${dt}`);
    for (let c = 0; c < li.C; c++) {
      const p = res.peaks.find((r) => r.scenario === spec.scenarios[k] && !r.isCluster && r.region === spec.cities[c]);
      if (p === undefined || p.year !== loop.peakYears[k * li.C + c])
        throw new Error(`peak year of ${spec.cities[c]} in ${spec.scenarios[k]} differs: ${p?.year} vs ${loop.peakYears[k * li.C + c]}`);
    }
  }

  const dimsText = `${spec.cities.length} cities × 8 sectors × 41 years × ${spec.scenarios.length} scenarios × ${spec.levers.length / (spec.scenarios.length - 1)} levers`;
  return [
    compare(
      `runModel, whole country (${dimsText}) vs hand-written Float64Array loop`,
      () => runModel(model),
      () => handLoop(li),
      3,
    ),
    compare(
      `compileScenario + runModel, whole country vs hand-written loop incl. its table setup`,
      () => runModel(unwrap(compileScenario(input))),
      () => handLoop(loopInput(spec)),
      3,
    ),
  ];
}
