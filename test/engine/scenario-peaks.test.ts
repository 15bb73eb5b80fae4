/**
 * The peak rows of scenario results (docs/peaks.md): the year of the maximum, the plateau start under a
 * tolerance, what each row rests on, and "peaked by the target year" only when the maximum comes by it.
 * Reference: the 长株潭 sample (src/engine/samples/changzhutan.ts; its assumptions in docs/model.md).
 */
import { runScenarios, type ScenarioResults } from "../../src/engine";
import { changzhutanInput } from "../../src/engine/samples/changzhutan";
import { value } from "./scenario-fixtures";

function sample(tolerance: number): ScenarioResults {
  const input = changzhutanInput();
  return value(runScenarios({ ...input, settings: { ...input.settings, tolerance } }));
}
const cluster = (r: ScenarioResults, scenario: string) => r.peaks.find((p) => p.isCluster && p.scenario === scenario)!;

describe("scenario peaks — reference values (长株潭 sample baseline: 120.99 Mt in 2030, 122.95 Mt in 2035–2040, then down)", () => {
  test.each([
    [0, 2035],
    [0.02, 2030], // 2030 = 120.99 ≥ 0.98 × 122.95 = 120.49; 2029 = 119.36 is below
    [0.05, 2028], // 2028 = 117.76 ≥ 0.95 × 122.95 = 116.80; 2027 = 116.21 is below
  ])("at tolerance %s the peak is 2035 and the plateau starts in %s: not peaked by 2030 while it still rises 1.6 % to 2035", (t, start) => {
    const p = cluster(sample(t), "baseline");
    expect(p).toMatchObject({ year: 2035, plateauStart: start, status: "peaked", byTarget: false });
    expect(p.value / 1e6).toBeCloseTo(122.95, 2);
  });

  test("each row rests on the run's years: 2015–2060, 46 values, no gap", () => {
    const p = cluster(sample(0), "baseline");
    expect(p).toMatchObject({ firstYear: 2015, lastYear: 2060, points: 46 });
    expect(p.flags).not.toContain("gaps");
  });

  test("the coordinated scenario's 2015 peak is its base year, flagged left_censored (docs/model.md explains why it starts falling)", () => {
    expect(cluster(sample(0), "coordinated")).toMatchObject({ year: 2015, status: "peaked", flags: ["left_censored"] });
  });
});
