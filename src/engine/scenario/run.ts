/**
 * Running scenarios: the measured history up to the last historical year, the baseline from the
 * drivers after it, then each scenario's levers combined multiplicatively
 * on every (city, sector, year), E = E_base·Π(1 − r_i), the reduction attributed to levers by log
 * shares, peaks for every city and the cluster, and the benefit of coordination.
 *
 * Cost: one pass over C × S × Y per scenario plus one per lever-targeted cell; logs are computed per
 * (city, year) or per year, never per cell. A whole-country case (300 × 8 × 41 × 4 scenarios ×
 * 10 levers) is a few million additions.
 */
import { fail, issue, ok, pushAll, type Issue, type Result } from "../issues";
import { logShareWeight } from "./attribution";
import { compileScenario } from "./compile";
import { coordinationBenefit } from "./coordination";
import { activityPaths, baselineEmissions } from "./drivers";
import type { DeclineDrivers } from "../decline";
import { seriesFromArrays } from "../series";
import { levelPaths } from "./indicators";
import type { KayaPaths } from "./kaya-paths";
import { leverEffect, type LeverEffect } from "./levers";
import { leverLogSum } from "./log-sum";
import type { CompiledLever, ScenarioModel } from "./model";
import { scenarioPeaks } from "./peaks";
import { cityTotals, clusterTotal, type LeverSummary, type PeakRow, type ScenarioReductions, type ScenarioResults } from "./results";

function summary(l: CompiledLever, m: ScenarioModel): LeverSummary {
  return {
    name: l.name,
    kind: l.kind,
    cities: Array.from(l.cities, (c) => m.cities[c]),
    sectors: Array.from(l.sectors, (s) => m.sectors[s]),
    milestones: l.segments,
    note: l.note,
  };
}

/** Applies one scenario's levers to the baseline; returns emissions and the attribution. */
function applyLevers(
  m: ScenarioModel,
  scenario: number,
  baseline: Float64Array,
  levers: readonly CompiledLever[],
  effects: readonly LeverEffect[],
): { emissions: Float64Array; reductions: ScenarioReductions } {
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const L = levers.length;
  // Sum the logs in a canonical order (by lever name) so that results are bit-identical whatever
  // the order of the input rows (leverLogSum, shared with the Monte Carlo draws).
  const order = levers.map((_, i) => i).sort((a, b) => (levers[a].name < levers[b].name ? -1 : levers[a].name > levers[b].name ? 1 : 0));
  const N = C * S * Y;
  const logSum = new Float64Array(N);
  const fullCuts = leverLogSum(C, S, Y, levers, effects, logSum);
  // ΔE = −E_base·expm1(Σ ln(1 − r)) (precise for small reductions) and E = E_base − ΔE, which is
  // E_base·Π(1 − r) ≥ 0. For the attribution, ratio = ΔE / Σ ln(1 − r), so that lever i gets
  // ratio·ln(1 − r_i) (its log share).
  const emissions = new Float64Array(N);
  const delta = new Float64Array(N);
  const ratio = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    if (fullCuts !== undefined && fullCuts[i] > 0) {
      emissions[i] = 0;
      delta[i] = baseline[i];
    } else {
      const ls = logSum[i];
      const d = ls === 0 ? 0 : -baseline[i] * Math.expm1(ls);
      emissions[i] = baseline[i] - d;
      delta[i] = d;
      ratio[i] = ls === 0 ? 0 : d / ls;
    }
  }
  const bySector = new Float64Array(L * S * Y);
  const byCity = new Float64Array(L * C * Y);
  // Fast path for the common whole-cluster lever (same share in every city, all cities and sectors,
  // no full cut anywhere): its parts are ln(1 − r(y)) × the ratio summed over cities or sectors.
  let ratioBySector: Float64Array | undefined;
  let ratioByCity: Float64Array | undefined;
  for (const li of order) {
    const l = levers[li];
    const { logs, uniform } = effects[li];
    const cities = l.cities;
    const sectors = l.sectors;
    if (fullCuts === undefined && uniform && cities.length === C && sectors.length === S) {
      if (ratioBySector === undefined || ratioByCity === undefined) {
        ratioBySector = new Float64Array(S * Y);
        ratioByCity = new Float64Array(C * Y);
        for (let c = 0; c < C; c++) {
          for (let s = 0; s < S; s++) {
            const o = (c * S + s) * Y;
            for (let y = 0; y < Y; y++) {
              ratioBySector[s * Y + y] += ratio[o + y];
              ratioByCity[c * Y + y] += ratio[o + y];
            }
          }
        }
      }
      for (let s = 0; s < S; s++) for (let y = 0; y < Y; y++) bySector[(li * S + s) * Y + y] = logs[y] * ratioBySector[s * Y + y];
      for (let c = 0; c < C; c++) for (let y = 0; y < Y; y++) byCity[(li * C + c) * Y + y] = logs[y] * ratioByCity[c * Y + y];
      continue;
    }
    for (let ci = 0; ci < cities.length; ci++) {
      const c = cities[ci];
      const off = uniform ? 0 : ci * Y;
      const oc = (li * C + c) * Y;
      for (let si = 0; si < sectors.length; si++) {
        const s = sectors[si];
        const o = (c * S + s) * Y;
        const os = (li * S + s) * Y;
        for (let y = 0; y < Y; y++) {
          const i = o + y;
          const a = fullCuts !== undefined && fullCuts[i] > 0 ? delta[i] * logShareWeight(logs[off + y], logSum[i], fullCuts[i]) : ratio[i] * logs[off + y];
          bySector[os + y] += a;
          byCity[oc + y] += a;
        }
      }
    }
  }
  return { emissions, reductions: { scenario: m.scenarios[scenario], levers: levers.map((l) => summary(l, m)), bySector, byCity } };
}

/**
 * The GDP and population paths of each city (index c) and of the cluster (−1) for reading a peak's
 * decline as proactive or passive (`decline.ts`): measured up to H, projected by the drivers after it
 * (`levelPaths`); the cluster's are the sums of its cities' (a gap where any city has one). Undefined
 * when the Socioeconomic sheet gives neither (no decline is read, as in previous versions).
 */
function declineDrivers(m: ScenarioModel, kaya: KayaPaths | undefined): ((city: number) => DeclineDrivers | undefined) | undefined {
  const given = (a: Float64Array) => a.some((x) => x === x);
  if (!given(m.socio.population) && !given(m.socio.gdp)) return undefined;
  const { population, gdp } = levelPaths(m, kaya);
  const C = m.cities.length;
  const Y = m.years.length;
  const sum = (a: Float64Array) => {
    const out = new Float64Array(Y);
    for (let c = 0; c < C; c++) for (let y = 0; y < Y; y++) out[y] += a[c * Y + y];
    return out;
  };
  const cluster = { gdp: seriesFromArrays(m.years, sum(gdp)), population: seriesFromArrays(m.years, sum(population)) };
  const cities = m.cities.map((_, c) => ({
    gdp: seriesFromArrays(m.years, gdp.subarray(c * Y, (c + 1) * Y)),
    population: seriesFromArrays(m.years, population.subarray(c * Y, (c + 1) * Y)),
  }));
  return (c) => (c < 0 ? cluster : cities[c]);
}

/**
 * Runs a compiled model (trusted): every scenario, attributions, peaks and coordination benefit.
 * Warnings: `driver_uncovered`, `activity_capped`, plus the model's own.
 * @example runModel(compileScenario(input).value)
 */
export function runModel(m: ScenarioModel): Result<ScenarioResults> {
  const warnings: Issue[] = [...m.warnings];
  const C = m.cities.length;
  const S = m.sectors.length;
  const Y = m.years.length;
  const acts = activityPaths(m);
  const base = baselineEmissions(m, acts.growth);
  pushAll(warnings, base.warnings);
  pushAll(warnings, acts.warnings);
  const effects = m.levers.map((l) => leverEffect(l, m, base.values, acts.paths, warnings));

  const emissions: Float64Array[] = [base.values];
  const reductions: ScenarioReductions[] = [{ scenario: m.scenarios[0], levers: [], bySector: new Float64Array(0), byCity: new Float64Array(0) }];
  for (let k = 1; k < m.scenarios.length; k++) {
    const idx = m.levers.map((l, i) => (l.scenario === k ? i : -1)).filter((i) => i >= 0);
    const r = applyLevers(
      m,
      k,
      base.values,
      idx.map((i) => m.levers[i]),
      idx.map((i) => effects[i]),
    );
    emissions.push(r.emissions);
    reductions.push(r.reductions);
  }

  // Emissions past the largest number (a huge inventory value compounded by growth) are refused, naming where.
  const overflow = firstInfinite(m, emissions);
  if (overflow) return fail([issue("projection_overflow", [], overflow)]);

  const st = m.settings;
  const dims = { cities: m.cities, sectors: m.sectors, years: m.years };
  const peaks: PeakRow[] = [];
  const driversOf = declineDrivers(m, base.kaya);
  m.scenarios.forEach((name, k) => {
    pushAll(peaks, scenarioPeaks(name, m.cities, st.cluster, m.years, cityTotals(dims, emissions[k]), clusterTotal(dims, emissions[k]), st, driversOf));
  });

  let coordination;
  if (st.independent !== undefined && st.coordinated !== undefined) {
    const i = m.scenarios.indexOf(st.independent);
    const j = m.scenarios.indexOf(st.coordinated);
    coordination = coordinationBenefit(st.independent, st.coordinated, emissions[i], emissions[j], C, S, Y);
  }
  const kaya = base.kaya;
  return ok(
    {
      settings: st,
      cities: m.cities,
      sectors: m.sectors,
      years: m.years,
      lastHistoricalYear: m.lastHistoricalYear,
      filled: m.history.filled,
      filledCells: m.history.filledCells,
      scenarios: m.scenarios,
      emissions,
      reductions,
      peaks,
      coordination,
      ...(kaya ? { kaya } : {}),
    },
    warnings,
  );
}

/** The first scenario, city, sector and year whose emissions are ±Infinity, or undefined. */
function firstInfinite(m: ScenarioModel, emissions: readonly Float64Array[]): { scenario: string; city: string; sector: string; year: number } | undefined {
  const S = m.sectors.length;
  const Y = m.years.length;
  for (let k = 0; k < emissions.length; k++) {
    const e = emissions[k];
    for (let i = 0; i < e.length; i++) {
      if (e[i] !== Infinity && e[i] !== -Infinity) continue;
      return { scenario: m.scenarios[k], city: m.cities[Math.floor(i / (S * Y))], sector: m.sectors[Math.floor(i / Y) % S], year: m.years[i % Y] };
    }
  }
  return undefined;
}

/**
 * Validates and runs a scenario input (see `schema.ts` for its shape): fails with every input issue at
 * once (paths and sheet cells), otherwise returns {@link ScenarioResults} in tCO2 with any warnings.
 * @example const r = runScenarios(changzhutanInput()); if (r.ok) r.value.peaks
 */
export function runScenarios(raw: unknown): Result<ScenarioResults> {
  const m = compileScenario(raw);
  if (!m.ok) return m;
  return runModel(m.value);
}
