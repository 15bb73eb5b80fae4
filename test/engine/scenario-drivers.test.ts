/**
 * Baseline drivers (src/engine/scenario/drivers.ts): growth rates by period for emissions or an
 * activity; the most specific row wins (docs/design.md §3: city+sector > city > sector > cluster-wide); the
 * period convention is docs/design.md §3's (a, b].
 */
import fc from "fast-check";
import { runScenarios, compileScenario, activityPaths, formatIssue } from "../../src/engine";
import { at, issuesOf, tinyInput, value } from "./scenario-fixtures";

describe("drivers — reference values", () => {
  test("docs/design.md §3 convention through the Drivers table: 0.1 for 2021–2022 then 0 for 2023–2025 from 100 in 2020 gives 100, 110, 121, 121, 121, 121", () => {
    const input = tinyInput();
    input.settings.endYear = 2025;
    input.drivers = [
      { period: "a", from: 2021, to: 2022, rate: 0.1 },
      { period: "b", from: 2023, to: 2025, rate: 0 },
    ];
    const r = value(runScenarios(input));
    [100, 110, 121, 121, 121, 121].forEach((x, i) => expect(at(r, "baseline", "A", "industry", 2020 + i)).toBeCloseTo(x, 10));
  });
  test("the most specific row wins: city+sector 4% > city 3% > sector 2% > cluster-wide 1%", () => {
    const input = tinyInput();
    input.settings.endYear = 2021;
    input.settings.targetYear = 2021;
    input.drivers = [
      { from: 2021, to: 2021, rate: 0.01 },
      { sector: "industry", from: 2021, to: 2021, rate: 0.02 },
      { city: "A", from: 2021, to: 2021, rate: 0.03 },
      { city: "A", sector: "industry", from: 2021, to: 2021, rate: 0.04 },
    ];
    const r = value(runScenarios(input));
    expect(at(r, "baseline", "A", "industry", 2021)).toBeCloseTo(104, 10);
    expect(at(r, "baseline", "A", "transport", 2021)).toBeCloseTo(51.5, 10);
    expect(at(r, "baseline", "B", "industry", 2021)).toBeCloseTo(81.6, 10);
    expect(at(r, "baseline", "B", "transport", 2021)).toBeCloseTo(20.2, 10);
  });
  test("specificity is decided year by year: a city row for 2021–2022 only overrides the sector row in those years", () => {
    const input = tinyInput();
    input.settings.endYear = 2024;
    input.settings.targetYear = 2024;
    input.drivers = [
      { sector: "industry", from: 2021, to: 2024, rate: 0.1 },
      { city: "A", from: 2021, to: 2022, rate: 0 },
    ];
    const r = value(runScenarios(input));
    [100, 100, 110, 121].forEach((x, i) => expect(at(r, "baseline", "A", "industry", 2021 + i)).toBeCloseTo(x, 10));
    expect(at(r, "baseline", "B", "industry", 2022)).toBeCloseTo(96.8, 10);
  });
  test("activity drivers: city rows override the cluster-wide row", () => {
    const input = tinyInput();
    input.settings.endYear = 2022;
    input.settings.targetYear = 2022;
    input.activities = [
      { activity: "area", city: "A", value: 10 },
      { activity: "area", city: "B", value: 20 },
    ];
    input.drivers = [
      { from: 2021, to: 2022, rate: 0 },
      { variable: "area", from: 2021, to: 2022, rate: 0.1 },
      { variable: "area", city: "B", from: 2021, to: 2022, rate: -0.5 },
    ];
    const m = value(compileScenario(input));
    const { paths } = activityPaths(m);
    expect(Array.from(paths[0]).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([10, 11, 12.1, 20, 10, 5]);
  });
});

describe("drivers — edge cases", () => {
  test("years no row covers stay flat, with one warning per run of uncovered years", () => {
    const input = tinyInput();
    input.drivers = [
      { from: 2021, to: 2023, rate: 0.1 },
      { sector: "industry", from: 2026, to: 2030, rate: 0.1 },
    ];
    const r = runScenarios(input);
    const res = value(r);
    expect(at(res, "baseline", "A", "transport", 2030)).toBeCloseTo(50 * 1.1 ** 3, 10);
    expect(r.ok && r.warnings.map((w) => formatIssue(w))).toEqual([
      "Drivers: no emissions growth rate covers 2024–2025 for 4 series; they stay flat (rate 0) in those years",
      "Drivers: no emissions growth rate covers 2026–2030 for 2 series; they stay flat (rate 0) in those years",
    ]);
  });
  test("rows of different levels may overlap; a row wholly in the measured years is a problem (it would be ignored)", () => {
    const input = tinyInput();
    input.drivers = [
      { from: 2021, to: 2030, rate: 0 },
      { city: "A", from: 2021, to: 2030, rate: 0 },
    ];
    const r = runScenarios(input);
    expect(r.ok && r.warnings).toEqual([]);
    input.drivers.push({ from: 2001, to: 2010, rate: 0.5, source: { sheet: "Drivers", row: 4, columns: { to: "E" } } } as never);
    expect(issuesOf(runScenarios(input)).map((i) => [i.code, i.cell])).toEqual([["driver_in_history", "Drivers!E4"]]);
  });
  test("two cluster-wide rows covering the same year are an error naming the year and the other row", () => {
    const input = tinyInput();
    input.drivers = [
      { from: 2021, to: 2025, rate: 0.01 },
      { from: 2025, to: 2030, rate: 0.02, source: { sheet: "Drivers", row: 3, columns: { from: "D" } } },
    ];
    expect(issuesOf(runScenarios(input)).map((i) => formatIssue(i))).toEqual([
      "Drivers!D3: covers 2025, which entry 1 at the same level already covers; periods of one level must not overlap",
    ]);
  });
});

describe("drivers — invariants", () => {
  test("splitting a row into two adjacent rows with the same rate changes nothing", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.integer({ min: 2021, max: 2029 }), (rate, cut) => {
        const a = tinyInput();
        a.drivers = [{ from: 2021, to: 2030, rate }];
        const b = tinyInput();
        b.drivers = [
          { from: 2021, to: cut, rate },
          { from: cut + 1, to: 2030, rate },
        ];
        expect(Array.from(value(runScenarios(b)).emissions[0])).toEqual(Array.from(value(runScenarios(a)).emissions[0]));
      }),
    );
  });
  test("a city row equal to the cluster-wide row changes nothing (specificity only matters when rates differ)", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.2, max: 0.2, noNaN: true }), (rate) => {
        const a = tinyInput();
        a.drivers = [{ from: 2021, to: 2030, rate }];
        const b = tinyInput();
        b.drivers = [
          { from: 2021, to: 2030, rate },
          { city: "B", from: 2021, to: 2030, rate },
        ];
        expect(Array.from(value(runScenarios(b)).emissions[0])).toEqual(Array.from(value(runScenarios(a)).emissions[0]));
      }),
    );
  });
});
