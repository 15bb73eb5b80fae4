/**
 * Monte Carlo with Kaya drivers and history (src/engine/uncertainty/montecarlo.ts; docs/uncertainty.md,
 * docs/model.md §12): distributions on the new drivers, draws that never touch a measured year, and the
 * option to draw one shock per variable shared by all its rows (Settings → Monte Carlo shocks).
 */
import { compileScenario, formatIssue, runModel, runMonteCarlo } from "../../src/engine";
import { issuesOf, value, type RawInput } from "./scenario-fixtures";

/** Cities A and B alike: measured 2015 (300 t) and 2020 (100 t), GDP +6 %/yr uncertain, energy intensity −4 %/yr uncertain. */
function twins(shocks?: string): RawInput {
  const inventory = ["A", "B"].flatMap((city) => [
    { city, sector: "all", year: 2015, value: 300 },
    { city, sector: "all", year: 2020, value: 100 },
  ]);
  return {
    settings: { baseYear: 2015, endYear: 2050, targetYear: 2030, units: "t", cluster: "AB", lastHistoricalYear: 2020, ...(shocks ? { shocks } : {}) },
    inventory,
    activities: [],
    drivers: [
      ...["A", "B"].map((city) => ({ variable: "gdp", city, from: 2016, to: 2050, rate: 0.06, dist: "normal", sd: 0.02 })),
      { variable: "energy_intensity", from: 2021, to: 2050, rate: -0.04, dist: "uniform", min: -0.06, max: -0.02 },
    ],
    levers: [],
  };
}

const row = (r: ReturnType<typeof runMonteCarlo>, region: string) => value(r).rows.find((x) => x.region === region && x.scenario === "baseline")!;

describe("Monte Carlo with drivers — reference values", () => {
  test("no draw changes a measured year: the measured 2015 maximum stays the peak (300 t) in every draw", () => {
    const r = runMonteCarlo(twins(), { draws: 300, seed: 7 });
    const a = row(r, "A");
    // 100 t · (1.12 · 0.98)^30 could exceed 300 t only by 2050 in the wildest draws; the history never moves.
    expect(a.peakValue.p5).toBeGreaterThanOrEqual(300);
    expect(a.histogram[0]).toBeGreaterThan(0);
    const det = value(runModel(value(compileScenario(twins()))));
    expect(det.emissions[0][0]).toBe(300);
  });
  test("with zero spread every draw is the deterministic run (Kaya drivers drawn with the same arithmetic)", () => {
    const input = twins();
    for (const d of input.drivers!) {
      if (d.dist === "normal") d.sd = 0;
      else d.min = d.max = d.rate;
    }
    const mc = value(runMonteCarlo(input, { draws: 20, seed: 1 }));
    const det = value(runModel(value(compileScenario(input))));
    for (const x of mc.rows) {
      const p = det.peaks.find((q) => q.region === x.region && q.scenario === x.scenario)!;
      expect([x.peakYear.p5, x.peakYear.p95, x.peakValue.p5, x.peakValue.p95]).toEqual([p.year, p.year, p.value, p.value]);
    }
  });
  test("shared shocks move every city's GDP together: twin cities peak alike in every draw; independent rows do not", () => {
    const later = (input: RawInput) => {
      // Rising after 2020 in most draws: history 2015 below 2020.
      input.inventory = input.inventory.map((x) => (x.year === 2015 ? { ...x, value: 50 } : x));
      return input;
    };
    const shared = runMonteCarlo(later(twins("按变量共享")), { draws: 400, seed: 3 });
    expect(Array.from(row(shared, "A").histogram)).toEqual(Array.from(row(shared, "B").histogram));
    const independent = runMonteCarlo(later(twins()), { draws: 400, seed: 3 });
    expect(Array.from(row(independent, "A").histogram)).not.toEqual(Array.from(row(independent, "B").histogram));
  });
});

describe("Monte Carlo with drivers — argument validation", () => {
  test("with shared shocks the rows of one variable must use one distribution", () => {
    const input = twins("shared");
    input.drivers![1] = {
      ...input.drivers![1],
      dist: "uniform",
      sd: undefined,
      min: 0.04,
      max: 0.08,
      source: { sheet: "Drivers", row: 3, columns: { dist: "I" } },
    };
    delete input.drivers![1].sd;
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "Drivers!I3: with shared shocks every gdp row with a distribution must use the same distribution (first: entry 1)",
    ]);
  });
});
