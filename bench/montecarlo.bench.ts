/**
 * Monte Carlo (issue "Uncertainty"/"Benchmarks"): 10,000 draws of a 30-city cluster, 8 sectors,
 * 2020–2060, three scenarios (baseline, independent, coordinated) with uncertain drivers and levers.
 * Reported: the wall time of the whole run and draws per second, each against the deterministic
 * run on the same compiled model × N (the cost of N independent re-runs); ratio < 1 means the
 * Monte Carlo is cheaper per draw than a plain re-run.
 */
import { performance } from "perf_hooks";
import { compileMonteCarlo, compileScenario, runChunk, runModel, startMonteCarlo, type MonteCarloModel, type ScenarioModel } from "../src/engine";
import { compare, medianMs, type BenchResult } from "./harness";

const DRAWS = 10_000;
const CITIES = Array.from({ length: 30 }, (_, i) => `city${String(i + 1).padStart(2, "0")}`);
const SECTORS = ["power_heat", "heavy_industry", "other_industry", "construction", "transport", "commercial", "residential", "agriculture"];

/** The fixture: emissions 1–10 Mt per city, shares by sector; five cluster-wide periods (normal), three sector rows (triangular), one city row (uniform); eight levers, six uncertain. */
export function clusterInput(): Record<string, unknown> {
  const inventory = CITIES.flatMap((city, c) =>
    SECTORS.map((sector, s) => ({ city, sector, value: (1 + (c % 10)) * 1e6 * (0.05 + (0.3 * ((s * 7 + c) % 8)) / 8) })),
  );
  const drivers = [
    { from: 2021, to: 2025, rate: 0.03, dist: "normal", sd: 0.01 },
    { from: 2026, to: 2030, rate: 0.015, dist: "normal", sd: 0.01 },
    { from: 2031, to: 2035, rate: 0.005, dist: "normal", sd: 0.01 },
    { from: 2036, to: 2045, rate: -0.01, dist: "normal", sd: 0.01 },
    { from: 2046, to: 2060, rate: -0.02, dist: "normal", sd: 0.01 },
    { sector: "transport", from: 2021, to: 2030, rate: 0.04, dist: "triangular", min: 0.02, max: 0.06 },
    { sector: "heavy_industry", from: 2021, to: 2030, rate: 0.0, dist: "triangular", min: -0.02, max: 0.01 },
    { sector: "residential", from: 2021, to: 2035, rate: 0.02, dist: "triangular", min: 0.01, max: 0.03 },
    { city: "city01", from: 2021, to: 2030, rate: 0.04, dist: "uniform", min: 0.02, max: 0.05 },
  ];
  const lever = (scenario: string, name: string, extra: Record<string, unknown>) => ({
    scenario,
    name,
    cities: "all",
    sectors: "all",
    kind: "reduce",
    startYear: 2022,
    fullYear: 2030,
    shape: "linear",
    ...extra,
  });
  const levers = [
    lever("independent", "efficiency", { sectors: "heavy_industry, other_industry", value: 0.1, dist: "triangular", min: 0.05, max: 0.15 }),
    lever("independent", "transit", { sectors: "transport", value: 0.05, coverage: 0.4, dist: "uniform", min: 0.02, max: 0.08 }),
    lever("independent", "buildings", { cities: CITIES.slice(0, 10).join(","), sectors: "commercial, residential", value: 0.08 }),
    lever("coordinated", "efficiency", { sectors: "heavy_industry, other_industry", value: 0.15, dist: "triangular", min: 0.08, max: 0.2 }),
    lever("coordinated", "transit", { sectors: "transport", value: 0.12, coverage: 0.4, dist: "normal", sd: 0.03 }),
    lever("coordinated", "grid", { sectors: "power_heat", kind: "grid_factor", value: 0.1, electricityShare: 0.85, dist: "triangular", min: 0.05, max: 0.2 }),
    lever("coordinated", "structure", { kind: "structure_shift", value: 4, startYear: 2020, dist: "uniform", min: 2, max: 6 }),
    lever("coordinated", "buildings", { sectors: "commercial, residential", value: 0.12, shape: "s-curve", startYear: 2020, fullYear: 2035 }),
  ];
  return {
    settings: { baseYear: 2020, endYear: 2060, targetYear: 2030, units: "t", cluster: "cluster30", independent: "independent", coordinated: "coordinated" },
    inventory,
    activities: [],
    drivers,
    levers,
  };
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 5)));
  return r.value;
}

function mcDraws(mc: MonteCarloModel, n: number, seed: number): number {
  const run = unwrap(startMonteCarlo(mc, { draws: n, seed }));
  runChunk(run, n);
  return run.done;
}

export function monteCarloBenchmarks(): BenchResult[] {
  const input = clusterInput();
  const mc = unwrap(compileMonteCarlo(input));
  const model: ScenarioModel = unwrap(compileScenario(input));
  const CHUNK = 200;
  // Interleaved ratio on a chunk (the harness' median of medians), then the full run once.
  const chunk = compare(
    `Monte Carlo ${CHUNK} draws (30 cities × 8 sectors × 41 years, 3 scenarios) vs runModel × ${CHUNK}`,
    () => mcDraws(mc, CHUNK, 1),
    () => {
      let acc = 0;
      for (let i = 0; i < CHUNK; i++) acc += Number(runModel(model).ok);
      return acc;
    },
    1,
  );
  const det = medianMs(() => runModel(model), 21, 5);
  const t0 = performance.now();
  const done = mcDraws(mc, DRAWS, 2030);
  const ms = performance.now() - t0;
  const perSecond = (done / ms) * 1000;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return [
    chunk,
    {
      name: `Monte Carlo ${DRAWS} draws, 30-city cluster (whole run, ms) vs deterministic runModel × ${DRAWS}`,
      value: round(ms),
      unit: "ms",
      baseline: round(det * DRAWS),
      ratio: round(ms / (det * DRAWS)),
    },
    {
      name: `Monte Carlo draws per second (30-city cluster) vs deterministic runs per second (higher is better)`,
      value: Math.round(perSecond),
      unit: "draws/s",
      baseline: Math.round(1000 / det),
      ratio: round(perSecond / (1000 / det)),
    },
  ];
}
