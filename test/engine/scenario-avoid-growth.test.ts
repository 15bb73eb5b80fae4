/**
 * `avoid_growth` (src/engine/scenario/levers.ts; docs/model.md §5): a share v of an activity's growth
 * after the last historical year H is avoided — new built-up area not built — and the stock of H is
 * never cut. With emissions per unit k (Activities intensity) each avoided unit carries k tCO2; without
 * k the lever's sectors scale with the activity: r = v · coverage · (A(y) − A(H)) / A(y).
 */
import fc from "fast-check";
import { activityPaths, compileScenario, runScenarios } from "../../src/engine";
import { issuesOf, value, type RawInput } from "./scenario-fixtures";

/** City A: 1000 t (industry) in H = 2020, built-up area 100 km² growing `rate` a year, a compact scenario. */
function compact(lever: Record<string, unknown>, rate = 0.1, activity: Record<string, unknown> = {}): RawInput {
  return {
    settings: { baseYear: 2020, endYear: 2040, targetYear: 2030, units: "t", cluster: "X", scenarios: ["compact"] },
    inventory: [{ city: "A", sector: "industry", value: 1000 }],
    activities: [{ activity: "area", city: "A", value: 100, ...activity }],
    drivers: [
      { variable: "area", from: 2021, to: 2040, rate },
      { variable: "emissions", from: 2021, to: 2040, rate: 0.02 },
    ],
    levers: [
      {
        scenario: "compact",
        name: "land",
        cities: "A",
        sectors: "all",
        kind: "avoid_growth",
        activity: "area",
        startYear: 2021,
        fullYear: 2021,
        shape: "step",
        ...lever,
      },
    ],
  };
}

const year = (r: ReturnType<typeof runScenarios>, scenario: string, y: number) => {
  const v = value(r);
  return v.emissions[v.scenarios.indexOf(scenario)][y - 2020];
};

describe("avoid_growth without emissions per unit — argument validation", () => {
  test("coverage is a share (0–1) on avoid_growth as on reduce; a blank intensity is allowed", () => {
    expect(compileScenario(compact({ value: 0.5, coverage: 0.4 })).ok).toBe(true);
    expect(issuesOf(compileScenario(compact({ value: 0.5, coverage: 1.5 }))).map((i) => i.code)).toEqual(["share_range"]);
  });
});

describe("avoid_growth without emissions per unit — reference values", () => {
  test("half of the new area avoided, the sectors scaling with the area: 2022 area 121 km², growth 21 km², r = 0.5 × 21/121 (worked by hand)", () => {
    const r = runScenarios(compact({ value: 0.5 }));
    const base = 1000 * 1.02 ** 2;
    expect(year(r, "compact", 2022)).toBeCloseTo(base * (1 - (0.5 * 21) / 121), 9);
    expect(year(r, "compact", 2020)).toBe(1000);
  });
  test("coverage scales the cut: 40 % of the sectors scale with the area", () => {
    const r = runScenarios(compact({ value: 0.5, coverage: 0.4 }));
    expect(year(r, "compact", 2022)).toBeCloseTo(1000 * 1.02 ** 2 * (1 - (0.4 * 0.5 * 21) / 121), 9);
  });
  test("with emissions per unit given, each avoided km² carries k tCO2 (the previous rule, coverage 1 by default)", () => {
    const r = runScenarios(compact({ value: 0.5 }, 0.1, { intensity: 1 }));
    expect(year(r, "compact", 2022)).toBeCloseTo(1000 * 1.02 ** 2 - 0.5 * 21 * 1, 9);
  });
  test("a shrinking activity avoids nothing: no growth, no cut", () => {
    const r = runScenarios(compact({ value: 0.5 }, -0.02));
    expect(year(r, "compact", 2030)).toBe(year(r, "baseline", 2030));
  });
});

describe("avoid_growth — invariants", () => {
  test("the scenario's area never falls below the stock of H, and the cut never exceeds v · coverage of the targeted emissions (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        (v, cov, rate) => {
          const input = compact({ value: v, coverage: cov }, rate);
          const r = value(runScenarios(input));
          const m = value(compileScenario(input));
          const area = activityPaths(m).paths[0];
          for (let y = 1; y < r.years.length; y++) {
            // The area the compact scenario builds: the stock plus (1 − v) of the growth — never below the stock.
            const built = area[0] + (1 - v) * Math.max(0, area[y] - area[0]);
            expect(built).toBeGreaterThanOrEqual(area[0] - 1e-9);
            const cut = 1 - r.emissions[1][y] / r.emissions[0][y];
            expect(cut).toBeLessThanOrEqual(v * cov + 1e-12);
            expect(cut).toBeGreaterThanOrEqual(-1e-12);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
