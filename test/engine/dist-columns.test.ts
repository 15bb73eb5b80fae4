/**
 * Distribution columns of Drivers and Levers rows (dist, sd, min, max): checked with every other
 * field of the input, all issues at once, each with its path and, for sheet rows, its cell.
 */
import { compileScenario, formatIssue, parseScenarioInput, rowDist } from "../../src/engine";
import { issuesOf, tinyInput, value } from "./scenario-fixtures";

function withRows(drivers: Record<string, unknown>[], levers: Record<string, unknown>[] = []) {
  const input = tinyInput();
  input.drivers = drivers;
  input.levers = levers;
  return input;
}
const lever = (extra: Record<string, unknown>) => ({
  scenario: "policy",
  name: "cut",
  cities: "all",
  sectors: "all",
  kind: "reduce",
  value: 0.2,
  startYear: 2021,
  fullYear: 2025,
  ...extra,
});
const codes = (r: ReturnType<typeof compileScenario>) => issuesOf(r).map((i) => [i.code, i.path, i.cell]);

describe("argument validation", () => {
  it("reports an unknown distribution name at [drivers, k, dist] with its cell", () => {
    const r = compileScenario(
      withRows([{ from: 2021, to: 2030, rate: 0, dist: "lognormal", sd: 0.01, source: { sheet: "Drivers", row: 4, columns: { dist: "H" } } }]),
    );
    expect(codes(r)).toEqual([["unknown_dist", ["drivers", 0, "dist"], "Drivers!H4"]]);
  });
  it("reports parameters without a distribution, missing and foreign parameters, all at once", () => {
    const r = compileScenario(
      withRows(
        [
          { from: 2021, to: 2025, rate: 0, sd: 0.01 },
          { from: 2026, to: 2030, rate: 0, dist: "normal", min: -0.01 },
        ],
        [lever({ dist: "triangular", sd: 0.1, max: 0.3 })],
      ),
    );
    expect(codes(r)).toEqual([
      ["dist_param_without_dist", ["drivers", 0, "sd"], undefined],
      ["required", ["drivers", 1, "sd"], undefined],
      ["param_not_for_dist", ["drivers", 1, "min"], undefined],
      ["param_not_for_dist", ["levers", 0, "sd"], undefined],
      ["required", ["levers", 0, "min"], undefined],
    ]);
  });
  it("reports a negative sd, a rate bound outside −1…1 and a share bound outside 0…1", () => {
    const r = compileScenario(
      withRows(
        [
          { from: 2021, to: 2025, rate: 0, dist: "正态", sd: -0.01 },
          { from: 2026, to: 2030, rate: 0, dist: "uniform", min: -2, max: 0.01 },
        ],
        [lever({ dist: "均匀", min: 0.1, max: 30 })],
      ),
    );
    const found = codes(r).map(([c, p]) => [c, p]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["must_be_nonnegative", ["drivers", 0, "sd"]],
        ["rate_range", ["drivers", 1, "min"]],
        ["share_range", ["levers", 0, "max"]],
      ]),
    );
  });
  it("requires min ≤ value ≤ max (the value is the triangular mode), naming the bound that is crossed", () => {
    const r = compileScenario(
      withRows(
        [{ from: 2021, to: 2030, rate: 0.02, dist: "triangular", min: 0.03, max: 0.05, source: { sheet: "Drivers", row: 2, columns: { min: "I", max: "J" } } }],
        [lever({ dist: "uniform", min: 0.3, max: 0.1 })],
      ),
    );
    expect(codes(r)).toEqual([
      ["dist_bounds", ["drivers", 0, "min"], "Drivers!I2"],
      ["dist_bounds", ["levers", 0, "max"], undefined],
    ]);
    expect(formatIssue(issuesOf(r)[0])).toContain("min ≤ the value (0.02) ≤ max");
  });
  it("requires the milestones of one lever to share a distribution", () => {
    const r = compileScenario(
      withRows([{ from: 2021, to: 2030, rate: 0 }], [lever({ dist: "normal", sd: 0.05 }), lever({ startYear: 2025, fullYear: 2030, value: 0.3 })]),
    );
    expect(codes(r)).toEqual([["dist_inconsistent", ["levers", 1, "dist"], undefined]]);
  });
  it("checks pp bounds for structure_shift levers (0–100)", () => {
    const r = compileScenario(
      withRows([{ from: 2021, to: 2030, rate: 0 }], [lever({ kind: "structure_shift", value: 4, dist: "triangular", min: 2, max: 120 })]),
    );
    expect(codes(r)).toEqual([["pp_range", ["levers", 0, "max"], undefined]]);
  });
});

describe("edge cases", () => {
  it("blank cells (null, '') are no distribution", () => {
    const p = value(parseScenarioInput(withRows([{ from: 2021, to: 2030, rate: 0, dist: "", sd: null, min: " ", max: undefined }])));
    expect(p.drivers[0].dist).toBeUndefined();
    expect(rowDist(p.drivers[0], 0)).toBeUndefined();
  });
  it("zero spread is valid", () => {
    expect(
      compileScenario(withRows([{ from: 2021, to: 2030, rate: 0.01, dist: "uniform", min: 0.01, max: 0.01 }], [lever({ dist: "normal", sd: 0 })])).ok,
    ).toBe(true);
  });
});

describe("invariants", () => {
  it("parsed rows carry the canonical kind and the parameters, which rowDist turns into a spec around the row's value", () => {
    const p = value(
      parseScenarioInput(withRows([{ from: 2021, to: 2030, rate: 0.02, dist: "三角", min: 0.0, max: 0.03 }], [lever({ dist: "Normal", sd: 0.05 })])),
    );
    expect(rowDist(p.drivers[0], p.drivers[0].rate)).toEqual({ kind: "triangular", min: 0, mode: 0.02, max: 0.03 });
    expect(rowDist(p.levers[0], p.levers[0].value)).toEqual({ kind: "normal", mean: 0.2, sd: 0.05 });
  });
});

describe("reference values", () => {
  it("messages exist in English and Chinese for every distribution code", () => {
    const r = compileScenario(withRows([{ from: 2021, to: 2030, rate: 0, dist: "x" }]));
    const i = issuesOf(r)[0];
    expect(formatIssue(i, "en")).toContain("normal (正态)");
    expect(formatIssue(i, "zh")).toContain("正态（normal）");
  });
});
