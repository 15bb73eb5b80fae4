/**
 * The peak rows of scenario results (docs/peaks.md): the year of the maximum, the plateau start under a
 * tolerance, what each row rests on, and "peaked by the target year" only when the maximum comes by it.
 * Reference: the 长株潭 sample (src/samples/changzhutan.ts; its assumptions in docs/model.md).
 */
import { peakOptionsOf, peakRow, runScenarios, scenarioPeaks, seriesFromArrays, type ScenarioResults } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { tinyInput, value } from "./scenario-fixtures";

function sample(tolerance: number): ScenarioResults {
  const input = changzhutanInput();
  return value(runScenarios({ ...input, settings: { ...input.settings, tolerance } }));
}
const cluster = (r: ScenarioResults, scenario: string) => r.peaks.find((p) => p.isCluster && p.scenario === scenario)!;

describe("scenario peaks — reference values (长株潭 sample baseline, docs/model.md §15: measured to 2019 with 2016–2018 gaps in the cluster, 98.20 Mt in 2021, a plateau to 2026, then down)", () => {
  test.each([
    [0, 2021],
    [0.02, 2019], // 2019 = 96.43 ≥ 0.98 × 98.20 = 96.24; 2016–2018 are gaps and 2015 = 91.20 is below
    [0.05, 2019], // 2015 = 91.20 < 0.95 × 98.20 = 93.29
  ])("at tolerance %s the peak is 2021 and the plateau starts in %s: peaked by 2030", (t, start) => {
    const p = cluster(sample(t), "baseline");
    expect(p).toMatchObject({ year: 2021, plateauStart: start, status: "peaked", byTarget: true });
    expect(p.value / 1e6).toBeCloseTo(98.2, 2);
  });

  test("each row rests on the run's years with the history's gaps: 2015–2060, 43 values, flagged gaps (the cluster lacks 2016–2018)", () => {
    const p = cluster(sample(0), "baseline");
    expect(p).toMatchObject({ firstYear: 2015, lastYear: 2060, points: 43 });
    expect(p.flags).toContain("gaps");
  });

  test("the coordinated scenario peaks in 2021 too, not in a measured year (no left_censored): its decline comes while GDP grows (decline_proactive)", () => {
    const p = cluster(sample(0), "coordinated");
    expect(p).toMatchObject({ year: 2021, status: "peaked" });
    expect(p.flags).not.toContain("left_censored");
    expect(p.flags).toContain("decline_proactive");
  });
});

describe("scenario peaks — decline read against the region's drivers (the plug-in for driver-based scenarios)", () => {
  const years = Int32Array.from({ length: 8 }, (_, i) => 2025 + i);
  const falling = Float64Array.of(90, 95, 100, 98, 96, 94, 92, 90); // peak 2027, data to 2032
  const st = changzhutanInput().settings as never;
  const path = (values: number[]) => seriesFromArrays(years, values);
  const gdp = path([100, 105, 110, 115, 120, 125, 130, 135]);

  test("with GDP and population growing the row is flagged decline_proactive; with population falling decline_passive", () => {
    expect(peakRow("s", "A", false, years, falling, st, { gdp, population: path([10, 10, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6]) }).flags).toEqual([
      "decline_proactive",
    ]);
    expect(peakRow("s", "A", false, years, falling, st, { gdp, population: path([10, 10, 10, 9.8, 9.6, 9.4, 9.2, 9]) }).flags).toEqual(["decline_passive"]);
    expect(peakRow("s", "A", false, years, falling, st).flags).toEqual([]);
  });

  test("scenarioPeaks asks for each city's drivers by index and the cluster's with −1", () => {
    const asked: number[] = [];
    const byCity = Float64Array.from([...falling, ...falling]);
    const total = byCity.subarray(0, 8).map((v, i) => v + byCity[8 + i]);
    const rows = scenarioPeaks("s", ["A", "B"], "AB", years, byCity, total, st, (c) => {
      asked.push(c);
      return c === 1 ? { gdp, population: path([10, 10, 10, 9, 9, 9, 9, 9]) } : undefined;
    });
    expect(asked).toEqual([0, 1, -1]);
    expect(rows.map((r) => r.flags)).toEqual([[], ["decline_passive"], []]);
  });
});

describe('scenario peaks — the strict setting (Settings "Strict peak reading")', () => {
  const tiny = (strict: unknown) => {
    const input = tinyInput();
    // +5 % a year to 2027, then −1 % a year to 2030: the peak is 2027, three years before the end.
    input.drivers = [
      { from: 2021, to: 2027, rate: 0.05 },
      { from: 2028, to: 2030, rate: -0.01 },
    ];
    return { ...input, settings: { ...input.settings, strict } };
  };

  test("yes / 是 / TRUE turn it on; blank, no / 否 / FALSE leave it off; anything else is named", () => {
    for (const v of ["yes", "是", true, "TRUE", "y", 1]) expect(value(runScenarios(tiny(v))).settings.strict).toBe(true);
    for (const v of [undefined, "", "no", "否", false, 0]) expect(value(runScenarios(tiny(v))).settings.strict).toBe(false);
    const bad = runScenarios(tiny("maybe"));
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.path])).toEqual([["invalid_choice", ["settings", "strict"]]]);
  });

  test("a peak 3 years before the end is peaked by default and unconfirmed under strict (confirmation 5 years)", () => {
    const cl = (r: ScenarioResults) => r.peaks.find((p) => p.isCluster)!;
    expect(cl(value(runScenarios(tiny(false))))).toMatchObject({ year: 2027, status: "peaked", byTarget: false });
    expect(cl(value(runScenarios(tiny("yes"))))).toMatchObject({ year: 2027, status: "unconfirmed" });
  });

  test("peakOptionsOf raises confirmation and the minimum to 5 under strict, and keeps larger ones", () => {
    expect(peakOptionsOf({ tolerance: 0.02, confirmYears: 2, smoothYears: 3, strict: true })).toEqual({
      tolerance: 0.02,
      confirmYears: 5,
      smoothYears: 3,
      minPoints: 5,
    });
    expect(peakOptionsOf({ tolerance: 0, confirmYears: 8, smoothYears: 1, strict: true }).confirmYears).toBe(8);
    expect(peakOptionsOf({ tolerance: 0, confirmYears: 2, smoothYears: 1, strict: false })).toEqual({
      tolerance: 0,
      confirmYears: 2,
      smoothYears: 1,
      minPoints: 5,
    });
  });
});
