/**
 * Driver-based scenarios (docs/model.md §4): the whole-country case of `scenario.bench.ts` — 300 cities ×
 * 8 sectors × 2020–2060 × 4 scenarios × 10 levers — with its emissions driven by Kaya factors instead of
 * emission growth rows: GDP per city (five periods, a third of the cities with their own rates), energy
 * intensity by sector (two periods, some city + sector overrides), carbon intensity cluster-wide. Against
 * a hand-written Float64Array loop doing the same arithmetic: per (city, sector) and year the most specific
 * rate of each factor, G = (1 + r_gdp)(1 + r_EI)(1 + r_CI), compounding from the inventory, then the same
 * levers (`handLoop` of scenario.bench.ts). Both are checked to agree (1e-9 relative, every cell) before
 * anything is timed. Target: within 3×.
 *
 * And the Monte Carlo of a 30-city cluster with uncertain drivers (GDP per city, energy intensity, carbon
 * intensity), in draws per second, beside the emission-growth cluster of `montecarlo.bench.ts` in the
 * same run, with independent and with shared shocks.
 */
import { performance } from "perf_hooks";
import { compileMonteCarlo, compileScenario, runChunk, runModel, startMonteCarlo, type MonteCarloModel } from "../src/engine";
import { compare, type BenchResult } from "./harness";
import { clusterInput } from "./montecarlo.bench";
import { BASE_YEAR, END_YEAR, SECTORS, countrySpec, engineInput, handLoop, loopInput, maxRelDiff, unwrap } from "./scenario.bench";

const Y = END_YEAR - BASE_YEAR + 1;

/** Kaya driver rows for `cities`: GDP per city, energy intensity by sector (and a few city + sector rows), carbon intensity cluster-wide. */
function kayaRows(cities: readonly string[]): Record<string, unknown>[] {
  const periods = [
    [2021, 2025, 0.06],
    [2026, 2030, 0.05],
    [2031, 2035, 0.04],
    [2036, 2045, 0.03],
    [2046, 2060, 0.02],
  ] as const;
  const rows: Record<string, unknown>[] = [];
  for (const [from, to, rate] of periods) rows.push({ variable: "gdp", from, to, rate });
  cities.forEach((city, c) => {
    if (c % 3 === 0) for (const [from, to, rate] of periods) rows.push({ variable: "gdp", city, from, to, rate: rate + 0.002 * (c % 5) });
  });
  SECTORS.forEach((sector, s) => {
    rows.push({ variable: "energy_intensity", sector, from: 2021, to: 2035, rate: -0.02 - 0.002 * s });
    rows.push({ variable: "energy_intensity", sector, from: 2036, to: 2060, rate: -0.03 });
  });
  for (let c = 0; c < cities.length; c += 11)
    rows.push({ variable: "energy_intensity", city: cities[c], sector: SECTORS[1], from: 2021, to: 2060, rate: -0.05 });
  rows.push({ variable: "carbon_intensity", from: 2021, to: 2060, rate: -0.01 });
  return rows;
}

/** The hand loop's rate tables of the Kaya rows (NaN = not covered), as the engine resolves them. */
function kayaTables(cities: readonly string[], rows: readonly Record<string, unknown>[]) {
  const C = cities.length;
  const S = SECTORS.length;
  const gdpAll = new Float64Array(Y).fill(NaN);
  const gdpCity = new Float64Array(C * Y).fill(NaN);
  const eiSector = new Float64Array(S * Y).fill(NaN);
  const eiCitySector = new Float64Array(C * S * Y).fill(NaN);
  const ci = new Float64Array(Y).fill(NaN);
  for (const r of rows) {
    const c = typeof r.city === "string" ? cities.indexOf(r.city) : -1;
    const s = typeof r.sector === "string" ? SECTORS.indexOf(r.sector) : -1;
    for (let year = Math.max(r.from as number, BASE_YEAR + 1); year <= Math.min(r.to as number, END_YEAR); year++) {
      const y = year - BASE_YEAR;
      const v = r.rate as number;
      if (r.variable === "gdp") {
        if (c >= 0) gdpCity[c * Y + y] = v;
        else gdpAll[y] = v;
      } else if (r.variable === "energy_intensity") {
        if (c >= 0) eiCitySector[(c * S + s) * Y + y] = v;
        else eiSector[s * Y + y] = v;
      } else ci[y] = v;
    }
  }
  return { gdpAll, gdpCity, eiSector, eiCitySector, ci };
}

function clusterWithDrivers(): Record<string, unknown> {
  const base = clusterInput() as { settings: Record<string, unknown>; inventory: { city: string }[]; levers: unknown[] };
  const cities = [...new Set(base.inventory.map((r) => r.city))];
  const drivers: Record<string, unknown>[] = [
    ...cities.map((city, c) => ({ variable: "gdp", city, from: 2021, to: 2060, rate: 0.04 + 0.001 * (c % 7), dist: "normal", sd: 0.01 })),
    { variable: "energy_intensity", from: 2021, to: 2035, rate: -0.03, dist: "normal", sd: 0.005 },
    { variable: "energy_intensity", from: 2036, to: 2060, rate: -0.035, dist: "normal", sd: 0.005 },
    { variable: "energy_intensity", sector: "transport", from: 2021, to: 2060, rate: -0.02, dist: "normal", sd: 0.005 },
    { variable: "carbon_intensity", from: 2021, to: 2060, rate: -0.01, dist: "normal", sd: 0.003 },
  ];
  return { ...base, drivers };
}

function draws(mc: MonteCarloModel, n: number, seed: number): number {
  const run = unwrap(startMonteCarlo(mc, { draws: n, seed }));
  runChunk(run, n);
  return run.done;
}

export function driverBenchmarks(): BenchResult[] {
  // --- the whole country with Kaya drivers ---
  const spec = countrySpec(300, ["independent", "coordinated", "enhanced"], 10, false);
  const rows = kayaRows(spec.cities);
  const input = { ...engineInput(spec), drivers: rows };
  const model = unwrap(compileScenario(input));
  const li = loopInput({ ...spec, drivers: [] });
  const t = kayaTables(spec.cities, rows);
  const S = SECTORS.length;
  const kayaBaseline = (c: number, s: number, o: number, out: Float64Array) => {
    let v = li.base[c * S + s];
    out[o] = v;
    for (let y = 1; y < Y; y++) {
      let g = t.gdpCity[c * Y + y];
      if (g !== g) g = t.gdpAll[y];
      let ei = t.eiCitySector[o + y];
      if (ei !== ei) ei = t.eiSector[s * Y + y];
      const k = t.ci[y];
      v *= (1 + (g === g ? g : 0)) * (1 + (ei === ei ? ei : 0)) * (1 + (k === k ? k : 0));
      out[o + y] = v;
    }
  };
  const res = unwrap(runModel(model));
  const loop = handLoop(li, kayaBaseline);
  for (let k = 0; k < spec.scenarios.length; k++) {
    const d = maxRelDiff(res.emissions[k], loop.emissions[k]);
    if (d > 1e-9) throw new Error(`hand loop and engine differ in ${spec.scenarios[k]} (Kaya drivers): ${d}`);
  }
  const dims = `${spec.cities.length} cities × 8 sectors × 41 years × ${spec.scenarios.length} scenarios × 10 levers`;
  const country = compare(
    `runModel with Kaya drivers, whole country (${dims}) vs hand-written Float64Array loop of the same arithmetic`,
    () => runModel(model),
    () => handLoop(li, kayaBaseline),
    3,
  );

  // --- Monte Carlo, 30-city cluster: emission growth rows (today's fixture) vs Kaya drivers, independent and shared shocks ---
  const N = 2000;
  const perSecond = (mc: MonteCarloModel) => {
    draws(mc, 200, 1); // warm up
    const t0 = performance.now();
    const done = draws(mc, N, 2030);
    return (done / (performance.now() - t0)) * 1000;
  };
  const today = unwrap(compileMonteCarlo(clusterInput()));
  const kaya = clusterWithDrivers();
  const independent = unwrap(compileMonteCarlo(kaya));
  const shared = unwrap(compileMonteCarlo({ ...kaya, settings: { ...(kaya.settings as object), shocks: "shared" } }));
  const base = perSecond(today);
  const a = perSecond(independent);
  const b = perSecond(shared);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return [
    country,
    {
      name: `Monte Carlo draws per second, 30-city cluster with Kaya drivers (independent rows) vs the emission-growth cluster (higher is better)`,
      value: Math.round(a),
      unit: "draws/s",
      baseline: Math.round(base),
      ratio: round(a / base),
    },
    {
      name: `Monte Carlo draws per second, 30-city cluster with Kaya drivers (shared shocks) vs the emission-growth cluster (higher is better)`,
      value: Math.round(b),
      unit: "draws/s",
      baseline: Math.round(base),
      ratio: round(b / base),
    },
  ];
}
