/**
 * Indicators of a run (docs/model.md §9), per scenario, city and the cluster, every year:
 *
 * - emissions E (tCO2), population P (persons), GDP G (万元, constant prices), energy use N (tce);
 * - emissions per capita E/P (tCO2 per person), per unit of GDP E/G (tCO2 per 万元), energy intensity
 *   N/G (tce per 万元), and the change of E/G and N/G against the reference year (Settings; default the
 *   base year): (I_y / I_ref) − 1, −0.18 for an 18 % fall;
 * - cumulative emissions Σ E from `cumulativeFrom` (default the first projected year) to each year — any
 *   window's total is the difference of two of them.
 *
 * Levels: up to the last historical year H they are measured (Socioeconomic sheet); after H,
 * P(y) = P(H)·P_idx(y) and G(y) = G(H)·G_idx(y) with the Drivers' indices (`kaya-paths.ts`) — the
 * same in every scenario (levers cut emissions, not the economy). Energy after H follows the
 * identity N = E / κ: each sector's energy moves with its emissions divided by its carbon intensity of
 * energy (the κ drivers, and the scenario's `grid_factor` levers, which cut CO2 per unit of energy
 * without cutting energy): N_s(y) = N_s(H) · (E_s(y)/E_s(H)) / (κ_idx(y) · Π(1 − σ v(y))). Where
 * energy is given as a city total, N_s(H) = N(H)·E_s(H)/E(H) — every sector starts from the city's
 * average CO2 per unit of energy (an assumption, stated in the docs).
 *
 * A value that cannot be known is NaN (written blank): a gap in the history, a level without a
 * measurement in H (warning `level_missing`) or without a driver to project it, a sum over a
 * city that has none. The cluster is the sum of its cities (NaN when any city's value is).
 */
import { issue, type Issue } from "../issues";
import { historyIndex } from "./drivers";
import { rampPath } from "./ramp";
import type { ScenarioModel } from "./model";
import type { KayaPaths } from "./kaya-paths";
import { basisOf, cityTotals, type Basis, type ScenarioResults } from "./results";

/** The indicators of one scenario and region over the years (NaN = not known). */
export interface IndicatorSeries {
  readonly scenario: string;
  readonly region: string;
  readonly isCluster: boolean;
  /** tCO2. */
  readonly emissions: Float64Array;
  /** Persons. */
  readonly population: Float64Array;
  /** 万元. */
  readonly gdp: Float64Array;
  /** tCO2 per person. */
  readonly perCapita: Float64Array;
  /** tCO2 per 万元. */
  readonly perGdp: Float64Array;
  /** (E/G)_y / (E/G)_ref − 1. */
  readonly perGdpChange: Float64Array;
  /** tce. */
  readonly energy: Float64Array;
  /** tce per 万元. */
  readonly energyIntensity: Float64Array;
  /** (N/G)_y / (N/G)_ref − 1. */
  readonly energyIntensityChange: Float64Array;
  /** Σ E from `cumulativeFrom` to the year, tCO2 (NaN before it, and from a gap on). */
  readonly cumulative: Float64Array;
  readonly basis: readonly Basis[];
}

/** The indicators of a run. */
export interface Indicators {
  readonly referenceYear: number;
  readonly cumulativeFrom: number;
  /** Scenario-major, each scenario's cities then the cluster (the order of the peaks). */
  readonly series: readonly IndicatorSeries[];
}

const ratio = (a: Float64Array, b: Float64Array) => a.map((x, i) => (b[i] > 0 ? x / b[i] : NaN));

/** x_y / x_ref − 1 (NaN where either is not known or x_ref is 0). */
function changeAgainst(x: Float64Array, ref: number): Float64Array {
  const r = x[ref];
  return x.map((v) => (r > 0 && v === v ? v / r - 1 : NaN));
}

/**
 * Population (persons) and GDP (万元) of every city, C × Y: measured up to H (Socioeconomic), after H
 * the value of H times the drivers' index — only where a driver covers the city and H is measured
 * (else NaN after H; `warnings` gets `level_missing` when a driver would project a level H lacks).
 * The same in every scenario. Used by the indicators and by the peaks' reading of a decline.
 * @example levelPaths(model, results.kaya).gdp[c * Y + y] // 万元
 */
export function levelPaths(m: ScenarioModel, kaya: KayaPaths | undefined, warnings: Issue[] = []): { population: Float64Array; gdp: Float64Array } {
  const C = m.cities.length;
  const Y = m.years.length;
  const h = historyIndex(m);
  const level = (measured: Float64Array, idx: Float64Array | undefined, driven: Uint8Array | undefined, variable: string, zh: string): Float64Array => {
    const out = new Float64Array(C * Y).fill(NaN);
    for (let c = 0; c < C; c++) {
      for (let y = 0; y <= h; y++) out[c * Y + y] = measured[c * Y + y];
      if (idx === undefined || driven === undefined || driven[c] === 0) continue;
      const anchor = measured[c * Y + h];
      if (Number.isNaN(anchor)) {
        warnings.push(issue("level_missing", ["socioeconomic"], { city: m.cities[c], variable, variableZh: zh, year: m.lastHistoricalYear }));
        continue;
      }
      for (let y = h + 1; y < Y; y++) out[c * Y + y] = anchor * idx[c * Y + y];
    }
    return out;
  };
  return {
    population: level(m.socio.population, kaya?.population, kaya?.populationDriven, "population", "人口"),
    gdp: level(m.socio.gdp, kaya?.gdp, kaya?.gdpDriven, "GDP", "地区生产总值"),
  };
}

/**
 * The indicators of every scenario, city and the cluster (see the file comment). Warnings:
 * `level_missing` for a city whose population or GDP a driver projects but that has no measured value in H.
 * @example scenarioIndicators(model, results).value.series[0].perCapita // tCO2 per person, per year
 */
export function scenarioIndicators(m: ScenarioModel, r: ScenarioResults): { value: Indicators; warnings: Issue[] } {
  const C = r.cities.length;
  const S = r.sectors.length;
  const Y = r.years.length;
  const h = historyIndex(m);
  const H = m.lastHistoricalYear;
  const st = m.settings;
  const ref = (st.referenceYear ?? st.baseYear) - st.baseYear;
  const cumulativeFrom = st.cumulativeFrom ?? Math.min(H + 1, st.endYear);
  const from = cumulativeFrom - st.baseYear;
  const warnings: Issue[] = [];
  const socio = m.socio;
  const kaya = r.kaya;

  const levels = levelPaths(m, kaya, warnings);
  const population = levels.population;
  const gdp = levels.gdp;

  // Energy in H by sector (tce): given by sector, or the city's total split by emissions.
  const base = r.emissions[0];
  const energyH = new Float64Array(C * S).fill(NaN);
  let anyEnergy = false;
  for (let c = 0; c < C; c++) {
    let eCity = 0;
    for (let s = 0; s < S; s++) eCity += base[(c * S + s) * Y + h];
    for (let s = 0; s < S; s++) {
      const bySector = socio.energySector?.[(c * S + s) * Y + h];
      const e = base[(c * S + s) * Y + h];
      const v = bySector !== undefined && bySector === bySector ? bySector : eCity > 0 ? (socio.energy[c * Y + h] * e) / eCity : NaN;
      energyH[c * S + s] = v;
      if (v === v) anyEnergy = true;
    }
  }

  const series: IndicatorSeries[] = [];
  r.scenarios.forEach((scenario, k) => {
    const e = r.emissions[k];
    // CO2 per unit of energy kept by the scenario's grid levers (1 − σ·v(y)) on the cells they cover.
    let gridKeep: Float64Array | undefined;
    if (anyEnergy) {
      for (const l of m.levers) {
        if (l.scenario !== k || l.kind !== "grid_factor") continue;
        gridKeep ??= new Float64Array(C * S * Y).fill(1);
        const v = rampPath(l.segments, r.years[0], Y);
        for (const c of l.cities) for (const s of l.sectors) for (let y = 0; y < Y; y++) gridKeep[(c * S + s) * Y + y] *= 1 - l.electricityShare * v[y];
      }
    }
    const byCity = cityTotals(r, e);
    const energy = new Float64Array(C * Y).fill(NaN);
    for (let c = 0; c < C; c++) {
      for (let y = 0; y <= h; y++) energy[c * Y + y] = socio.energy[c * Y + y];
      for (let y = h + 1; y < Y; y++) {
        let sum = 0;
        for (let s = 0; s < S; s++) {
          const o = (c * S + s) * Y;
          const eH = base[o + h];
          const moved = eH > 0 ? e[o + y] / eH : 1;
          const kappa = kaya === undefined ? 1 : kaya.carbonIntensity[o + y];
          sum += (energyH[c * S + s] * moved) / (kappa * (gridKeep === undefined ? 1 : gridKeep[o + y]));
        }
        energy[c * Y + y] = sum;
      }
    }
    const one = (
      region: string,
      isCluster: boolean,
      em: Float64Array,
      pop: Float64Array,
      g: Float64Array,
      en: Float64Array,
      basis: Basis[],
    ): IndicatorSeries => {
      const perGdp = ratio(em, g);
      const energyIntensity = ratio(en, g);
      const cumulative = new Float64Array(Y).fill(NaN);
      let sum = 0;
      for (let y = from; y < Y; y++) {
        sum += em[y];
        cumulative[y] = sum;
      }
      return {
        scenario,
        region,
        isCluster,
        emissions: em,
        population: pop,
        gdp: g,
        perCapita: ratio(em, pop),
        perGdp,
        perGdpChange: changeAgainst(perGdp, ref),
        energy: en,
        energyIntensity,
        energyIntensityChange: changeAgainst(energyIntensity, ref),
        cumulative,
        basis,
      };
    };
    const total = new Float64Array(Y);
    const popTotal = new Float64Array(Y);
    const gdpTotal = new Float64Array(Y);
    const energyTotal = new Float64Array(Y);
    const clusterBasis: Basis[] = Array.from({ length: Y }, (_, y) => (y > h ? "projected" : "measured"));
    for (let c = 0; c < C; c++) {
      const row = (a: Float64Array) => a.slice(c * Y, (c + 1) * Y);
      const em = row(byCity);
      const basis = Array.from({ length: Y }, (_, y) => basisOf(r, c, -1, y, em[y]));
      basis.forEach((b, y) => {
        if (b === "gap") clusterBasis[y] = "gap";
        else if (b === "filled" && clusterBasis[y] !== "gap") clusterBasis[y] = "filled";
      });
      const pop = row(population);
      const g = row(gdp);
      const en = row(energy);
      for (let y = 0; y < Y; y++) {
        total[y] += em[y];
        popTotal[y] += pop[y];
        gdpTotal[y] += g[y];
        energyTotal[y] += en[y];
      }
      series.push(one(r.cities[c], false, em, pop, g, en, basis));
    }
    const none = C === 0 ? NaN : 0;
    series.push(
      one(
        st.cluster,
        true,
        total.map((x) => x + none),
        popTotal.map((x) => x + none),
        gdpTotal.map((x) => x + none),
        energyTotal.map((x) => x + none),
        clusterBasis,
      ),
    );
  });
  return { value: { referenceYear: ref + st.baseYear, cumulativeFrom, series }, warnings };
}
