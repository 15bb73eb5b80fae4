/**
 * Lever kinds (src/engine/scenario/levers.ts; docs/design.md §3). Each example is small enough to check by
 * hand; the seed figures used are cited where they appear (土地 per-km² intensities, 产业 1 pp → ≈ 1%).
 * Baselines are flat (rate 0) so that each number is the lever alone.
 */
import { runScenarios, leverReduction } from "../../src/engine";
import { at, tinyInput, value, type RawInput } from "./scenario-fixtures";

function withLevers(levers: Record<string, unknown>[], activities: Record<string, unknown>[] = []): RawInput {
  const input = tinyInput();
  input.levers = levers.map((l) => ({ scenario: "policy", startYear: 2021, fullYear: 2021, shape: "step", ...l }));
  input.activities = activities;
  return input;
}

describe("lever kinds — reference values", () => {
  test("reduce: value 0.2 on coverage 0.5 removes 10% of the sector", () => {
    const r = value(runScenarios(withLevers([{ name: "r", cities: "A", sectors: "industry", kind: "reduce", value: 0.2, coverage: 0.5 }])));
    expect(at(r, "policy", "A", "industry", 2025)).toBeCloseTo(90, 12);
  });
  test("intensity: a 9.6% cut of energy per unit on the 22% of transport it covers removes 2.112% (seed 株洲 营运车辆 −9.6%)", () => {
    const r = value(runScenarios(withLevers([{ name: "i", cities: "B", sectors: "transport", kind: "intensity", value: 0.096, coverage: 0.22 }])));
    expect(at(r, "policy", "B", "transport", 2025)).toBeCloseTo(20 * (1 - 0.096 * 0.22), 12);
  });
  test("activity: cutting 28% of 10 km² at 2 t/km² removes 0.28 · 10 · 2 = 5.6 t, spread over the targeted sectors pro rata", () => {
    const input = withLevers(
      [{ name: "land", cities: "A", sectors: "all", kind: "activity", activity: "area", value: 0.28 }],
      [{ activity: "area", city: "A", value: 10, unit: "km²", intensity: 2 }],
    );
    const r = value(runScenarios(input));
    const cut = leverReduction(r, "policy", "land")!;
    expect(cut[5]).toBeCloseTo(5.6, 12);
    // share of A's 150 t: 5.6/150, the same in both sectors
    expect(at(r, "policy", "A", "industry", 2025)).toBeCloseTo(100 * (1 - 5.6 / 150), 12);
    expect(at(r, "policy", "A", "transport", 2025)).toBeCloseTo(50 * (1 - 5.6 / 150), 12);
  });
  test("activity: intensity units convert — 18 万t/km² on 1 km² cut by 10% is 18 000 t (seed 土地: 长沙 18 万t/km²)", () => {
    const input = withLevers(
      [{ name: "land", cities: "A", sectors: "all", kind: "activity", activity: "area", value: 0.1 }],
      [{ activity: "area", city: "A", value: 1, intensity: 18, intensityUnit: "万t" }],
    );
    input.inventory[0].value = 1e6;
    const r = value(runScenarios(input));
    expect(leverReduction(r, "policy", "land")![1]).toBeCloseTo(18000, 6);
  });
  test("activity: the activity follows its drivers — area growing 10%/yr raises the cut with it", () => {
    const input = withLevers(
      [{ name: "land", cities: "A", sectors: "all", kind: "activity", activity: "area", value: 0.28 }],
      [{ activity: "area", city: "A", value: 10, intensity: 2 }],
    );
    input.drivers!.push({ variable: "area", from: 2021, to: 2030, rate: 0.1 });
    const r = value(runScenarios(input));
    expect(leverReduction(r, "policy", "land")![2]).toBeCloseTo(0.28 * 10 * 1.21 * 2, 12);
  });
  test("activity: linked emissions above the sector's are capped at 100% of it, with a warning", () => {
    const input = withLevers(
      [{ name: "land", cities: "A", sectors: "transport", kind: "activity", activity: "area", value: 0.5 }],
      [{ activity: "area", city: "A", value: 10, intensity: 10 }],
    );
    input.drivers!.push({ variable: "area", from: 2021, to: 2030, rate: 0 });
    const res = runScenarios(input);
    const r = value(res);
    expect(at(r, "policy", "A", "transport", 2025)).toBeCloseTo(25, 12);
    expect(res.ok && res.warnings.map((w) => w.code)).toEqual(["activity_capped"]);
  });
  test("align_best: intensities 18, 24, 38 t/km² (the seed's 长沙/株洲/湘潭 ratios) closing half the gap cut 0, 12.5%, 26.3%", () => {
    const input = tinyInput();
    input.inventory = [
      { city: "长沙", sector: "buildings", value: 18 },
      { city: "株洲", sector: "buildings", value: 48 },
      { city: "湘潭", sector: "buildings", value: 38 },
    ];
    input.activities = [
      { activity: "area", city: "长沙", value: 1 },
      { activity: "area", city: "株洲", value: 2 },
      { activity: "area", city: "湘潭", value: 1 },
    ];
    input.levers = [
      {
        scenario: "policy",
        name: "std",
        cities: "all",
        sectors: "buildings",
        kind: "align_best",
        activity: "area",
        value: 0.5,
        startYear: 2021,
        fullYear: 2021,
        shape: "step",
      },
    ];
    const r = value(runScenarios(input));
    expect(at(r, "policy", "长沙", "buildings", 2025)).toBe(18);
    expect(at(r, "policy", "株洲", "buildings", 2025)).toBeCloseTo(48 * (1 - 0.5 * (1 - 18 / 24)), 12);
    expect(at(r, "policy", "湘潭", "buildings", 2025)).toBeCloseTo(38 * (1 - 0.5 * (1 - 18 / 38)), 12);
  });
  test("align_best with value 1 reaches the best intensity exactly: ALIGNBEST's reduction_i = E_i − best·A_i", () => {
    const input = tinyInput();
    input.activities = [
      { activity: "floor", city: "A", value: 3 },
      { activity: "floor", city: "B", value: 1 },
    ];
    input.levers = [
      {
        scenario: "policy",
        name: "std",
        cities: "all",
        sectors: "all",
        kind: "align_best",
        activity: "floor",
        value: 1,
        startYear: 2021,
        fullYear: 2021,
        shape: "step",
      },
    ];
    const r = value(runScenarios(input));
    // A: 150 t / 3 = 50 t per unit; B: 100 t / 1 = 100 → B moves to 50·1 = 50 t, a cut of 50 t.
    expect(leverReduction(r, "policy", "std")![1]).toBeCloseTo(50, 12);
  });
  test("structure_shift: 3 pp at the seed's 1 pp → 1% (elasticity 0.01) cuts 1 − 0.99³ = 2.9701%", () => {
    const r = value(runScenarios(withLevers([{ name: "s", cities: "all", sectors: "all", kind: "structure_shift", value: 3 }])));
    expect(at(r, "policy", "B", "industry", 2025)).toBeCloseTo(80 * 0.99 ** 3, 12);
  });
  test("structure_shift: the ramp applies to the percentage points (1.5 pp half-way)", () => {
    const r = value(
      runScenarios(
        withLevers([
          { name: "s", cities: "all", sectors: "all", kind: "structure_shift", value: 3, elasticity: 0.02, startYear: 2020, fullYear: 2030, shape: "linear" },
        ]),
      ),
    );
    expect(at(r, "policy", "A", "industry", 2025)).toBeCloseTo(100 * 0.98 ** 1.5, 12);
  });
  test("grid_factor: a 10% cleaner grid on a sector whose emissions are 90% electricity cuts 9%", () => {
    const r = value(runScenarios(withLevers([{ name: "g", cities: "A", sectors: "industry", kind: "grid_factor", value: 0.1, electricityShare: 0.9 }])));
    expect(at(r, "policy", "A", "industry", 2025)).toBeCloseTo(91, 12);
  });
  test("milestones: two rows of one lever (−28% by 2020, −33% by 2030) act as one ramp and are reported as one lever", () => {
    const input = tinyInput();
    input.settings.baseYear = 2015;
    input.settings.targetYear = 2020;
    input.drivers = [{ from: 2016, to: 2030, rate: 0 }];
    input.levers = [
      { scenario: "policy", name: "land", cities: "A", sectors: "industry", kind: "reduce", value: 0.28, startYear: 2015, fullYear: 2020 },
      { scenario: "policy", name: "land", cities: "A", sectors: "industry", kind: "reduce", value: 0.33, startYear: 2020, fullYear: 2030 },
    ];
    const r = value(runScenarios(input));
    expect([2015, 2020, 2025, 2030].map((y) => at(r, "policy", "A", "industry", y))).toEqual([100, 72, 69.5, 67]);
    expect(r.reductions[1].levers.map((l) => l.name)).toEqual(["land"]);
  });
});
