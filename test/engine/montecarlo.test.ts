/**
 * Monte Carlo over the scenario model (src/engine/uncertainty/montecarlo.ts): determinism for a seed,
 * convergence, the degenerate (zero-spread) case, options and cancellation.
 */
import {
  compileMonteCarlo,
  finishMonteCarlo,
  formatIssue,
  runChunk,
  runMonteCarlo,
  runScenarios,
  startMonteCarlo,
  type MonteCarloResult,
} from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { issuesOf, tinyInput, value, type RawInput } from "./scenario-fixtures";

/**
 * Two cities × two sectors, 2020–2045, target 2030: growth +3%/yr to 2030 (normal, sd 1.5 pp), then
 * −1%/yr (triangular −3 … +1 %), city A's industry +1%/yr to 2030 (uniform 0 … 2 %); scenario
 * "policy" cuts 15% by 2030 (triangular 5 … 30 %), linear from 2022.
 */
function uncertainInput(spread = 1): RawInput {
  const input = tinyInput();
  input.settings = { ...input.settings, endYear: 2045, targetYear: 2030 };
  input.drivers = [
    { from: 2021, to: 2030, rate: 0.03, dist: "normal", sd: 0.015 * spread },
    { from: 2031, to: 2045, rate: -0.01, dist: "triangular", min: -0.01 - 0.02 * spread, max: -0.01 + 0.02 * spread },
    { city: "A", sector: "industry", from: 2021, to: 2030, rate: 0.01, dist: "uniform", min: 0.01 - 0.01 * spread, max: 0.01 + 0.01 * spread },
  ];
  input.levers = [
    {
      scenario: "policy",
      name: "cut",
      cities: "all",
      sectors: "all",
      kind: "reduce",
      value: 0.15,
      startYear: 2022,
      fullYear: 2030,
      dist: "triangular",
      min: 0.15 - 0.1 * spread,
      max: 0.15 + 0.15 * spread,
    },
  ];
  return input;
}

const row = (r: MonteCarloResult, scenario: string, region: string) => r.rows.find((x) => x.scenario === scenario && x.region === region)!;

describe("argument validation", () => {
  it("reports bad draws and seed together with every input issue, with paths", () => {
    const input = uncertainInput();
    input.drivers![0] = { ...input.drivers![0], sd: -1 };
    const found = issuesOf(runMonteCarlo(input, { draws: 0, seed: -3 })).map((i) => [i.code, i.path]);
    expect(found).toEqual([
      ["must_be_nonnegative", ["drivers", 0, "sd"]],
      ["option_range", ["draws"]],
      ["option_range", ["seed"]],
    ]);
  });
  it("rejects fractional draws, a chunk size below 1 and more than MAX_DRAWS draws", () => {
    expect(issuesOf(runMonteCarlo(uncertainInput(), { draws: 10.5, seed: 1, chunkSize: 0 })).map((i) => i.path)).toEqual([["draws"], ["chunkSize"]]);
    expect(issuesOf(runMonteCarlo(uncertainInput(), { draws: 1e7, seed: 1 })).map((i) => i.path)).toEqual([["draws"]]);
  });
});

describe("edge cases", () => {
  it("degenerate case: zero spread gives the deterministic peak in every draw (probability exactly 0 or 1, P5 = P50 = P95)", () => {
    const input = uncertainInput(0);
    const det = value(runScenarios(input));
    const r = value(runMonteCarlo(input, { draws: 200, seed: 9 }));
    expect(r.rows).toHaveLength(det.peaks.length);
    r.rows.forEach((x, i) => {
      const p = det.peaks[i];
      expect([x.scenario, x.region]).toEqual([p.scenario, p.region]);
      expect(x.probabilityByTarget).toBe(p.byTarget ? 1 : 0);
      expect([x.peakYear.p5, x.peakYear.p50, x.peakYear.p95]).toEqual([p.year, p.year, p.year]);
      expect([x.peakValue.p5, x.peakValue.p50, x.peakValue.p95]).toEqual([p.value, p.value, p.value]);
      expect(x.histogram[p.year - r.years[0]]).toBe(200);
    });
    expect(r.clipped).toBe(0);
  });
  it("degenerate case on the 长株潭 sample (activity, align_best, structure_shift, grid_factor levers): each draw is the deterministic run, bit for bit", () => {
    const input = changzhutanInput() as unknown as RawInput;
    input.drivers = input.drivers!.map((d) => ({ ...d, dist: "normal", sd: 0 }));
    input.levers = input.levers!.map((l) => ({ ...l, dist: "uniform", min: l.value, max: l.value }));
    const det = value(runScenarios(input));
    const r = value(runMonteCarlo(input, { draws: 20, seed: 1 }));
    r.rows.forEach((x, i) => {
      expect(x.peakValue.p5).toBe(det.peaks[i].value);
      expect(x.peakValue.p95).toBe(det.peaks[i].value);
      expect(x.probabilityByTarget).toBe(det.peaks[i].byTarget ? 1 : 0);
    });
  });
  it("an input without distributions runs, with the warning mc_no_uncertainty", () => {
    const r = runMonteCarlo(tinyInput(), { draws: 5, seed: 1 });
    expect(r.ok && r.warnings.map((w) => w.code)).toContain("mc_no_uncertainty");
  });
  it("normal draws outside the valid range are set to the bound and counted (warning mc_clipped)", () => {
    const input = uncertainInput();
    input.levers![0] = { ...input.levers![0], dist: "normal", sd: 0.5, min: undefined, max: undefined };
    const r = runMonteCarlo(input, { draws: 300, seed: 4 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.clipped).toBeGreaterThan(0);
    expect(r.value.drawnValues).toBe(300 * 4);
    const w = r.warnings.find((x) => x.code === "mc_clipped")!;
    expect(formatIssue(w)).toContain(`${r.value.clipped} of 1200 drawn values`);
  });
  it("stops when shouldStop answers true (failure cancelled during the draws), after reporting progress", () => {
    const seen: number[] = [];
    const r = runMonteCarlo(uncertainInput(), { draws: 1000, seed: 1, chunkSize: 100, onProgress: (d) => seen.push(d), shouldStop: () => seen.length >= 3 });
    expect(seen).toEqual([100, 200, 300]);
    expect(issuesOf(r).map((i) => [i.code, i.during, i.done])).toEqual([["cancelled", "draws", 300]]);
  });
  it("a chunked run finished early summarises the draws done", () => {
    const run = value(startMonteCarlo(uncertainInput(), { draws: 1000, seed: 5 }));
    runChunk(run, 120);
    const r = value(finishMonteCarlo(run));
    expect(r.draws).toBe(120);
    expect(row(r, "policy", "AB").histogram.reduce((a, b) => a + b, 0)).toBe(120);
  });
});

describe("invariants", () => {
  it("determinism: the same input and seed give identical results; another seed gives different ones", () => {
    const a = value(runMonteCarlo(uncertainInput(), { draws: 500, seed: 2030 }));
    const b = value(runMonteCarlo(uncertainInput(), { draws: 500, seed: 2030 }));
    const c = value(runMonteCarlo(uncertainInput(), { draws: 500, seed: 2031 }));
    expect(b).toEqual(a);
    expect(c.rows.map((x) => x.peakValue.p50)).not.toEqual(a.rows.map((x) => x.peakValue.p50));
  });
  it("chunk sizes, a precompiled model and a longer run do not change the draws (N draws are a prefix of N + M)", () => {
    const one = value(runMonteCarlo(uncertainInput(), { draws: 300, seed: 7 }));
    const chunked = value(runMonteCarlo(value(compileMonteCarlo(uncertainInput())), { draws: 300, seed: 7, chunkSize: 7 }));
    expect(chunked).toEqual(one);
    const run = value(startMonteCarlo(uncertainInput(), { draws: 900, seed: 7 }));
    runChunk(run, 300);
    expect(value(finishMonteCarlo(run)).rows).toEqual(one.rows);
  });
  it("probabilities lie in [0, 1], P5 ≤ P50 ≤ P95, and each histogram counts every draw once", () => {
    const r = value(runMonteCarlo(uncertainInput(), { draws: 400, seed: 3 }));
    for (const x of r.rows) {
      expect(x.probabilityByTarget).toBeGreaterThanOrEqual(0);
      expect(x.probabilityByTarget).toBeLessThanOrEqual(1);
      expect(x.peakYear.p5).toBeLessThanOrEqual(x.peakYear.p50);
      expect(x.peakYear.p50).toBeLessThanOrEqual(x.peakYear.p95);
      expect(x.peakValue.p5).toBeLessThanOrEqual(x.peakValue.p95);
      expect(x.histogram.reduce((a, b) => a + b, 0)).toBe(400);
      // "by the target year" is the deterministic peak rows' definition: every draw counted by year ≤ target and not rising is below the histogram mass up to the target.
      const upToTarget = x.histogram.slice(0, r.targetYear - r.years[0] + 1).reduce((a, b) => a + b, 0);
      expect(x.probabilityByTarget * 400).toBeLessThanOrEqual(upToTarget);
    }
  });
  it("the policy scenario peaks by the target year at least as often as the baseline (levers only cut)", () => {
    const r = value(runMonteCarlo(uncertainInput(), { draws: 1000, seed: 11 }));
    expect(row(r, "policy", "AB").probabilityByTarget).toBeGreaterThanOrEqual(row(r, "baseline", "AB").probabilityByTarget);
    expect(row(r, "policy", "AB").probabilityByTarget).toBeGreaterThan(0);
    expect(row(r, "policy", "AB").probabilityByTarget).toBeLessThan(1);
  });
});

describe("reference values", () => {
  it("convergence: P50 of the cluster's peak year moves by at most 1 year and of its peak value by < 1% from 1k to 4k to 16k draws", () => {
    const run = value(startMonteCarlo(uncertainInput(), { draws: 16000, seed: 42 }));
    const at: MonteCarloResult[] = [];
    for (const n of [1000, 4000, 16000]) {
      runChunk(run, n - run.done);
      at.push(value(finishMonteCarlo(run)));
    }
    for (const scenario of ["baseline", "policy"]) {
      const [a, b, c] = at.map((r) => row(r, scenario, "AB"));
      expect(Math.abs(b.peakYear.p50 - a.peakYear.p50)).toBeLessThanOrEqual(1);
      expect(Math.abs(c.peakYear.p50 - b.peakYear.p50)).toBeLessThanOrEqual(1);
      expect(Math.abs(b.peakValue.p50 / a.peakValue.p50 - 1)).toBeLessThan(0.01);
      expect(Math.abs(c.peakValue.p50 / b.peakValue.p50 - 1)).toBeLessThan(0.01);
      expect(Math.abs(c.probabilityByTarget - b.probabilityByTarget)).toBeLessThan(0.03);
    }
  });
});
