/**
 * A Levers scenario that reads as a slip for a scenario Settings lists is a problem at its cell (docs/model.md §2):
 * a lever's scenario is matched exactly, so "indepndent" would run as a scenario of its own and leave
 * "independent" without that lever. A new scenario far from every name still runs.
 */
import fc from "fast-check";
import { compileScenario, isSlipOf } from "../../src/engine";
import { issuesOf, tinyInput, value, type RawInput } from "./scenario-fixtures";

const lever = (scenario: string, row: number) => ({
  scenario,
  name: `cut ${row}`,
  cities: "all",
  sectors: "industry",
  kind: "reduce",
  value: 0.1,
  startYear: 2022,
  fullYear: 2025,
  shape: "linear",
  source: { sheet: "Levers", row, columns: { scenario: "A", value: "F" } },
});

function withLevers(scenarios: string[], ...levers: ReturnType<typeof lever>[]): RawInput {
  const input = tinyInput();
  input.settings.scenarios = scenarios;
  input.levers = levers;
  return input;
}

describe("lever scenario typos — edge cases", () => {
  test("a scenario one letter off a Settings scenario is a problem at the lever's scenario cell, naming the scenario meant", () => {
    const issues = issuesOf(compileScenario(withLevers(["independent", "coordinated"], lever("independent", 2), lever("indepndent", 3))));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "scenario_typo",
        cell: "Levers!A3",
        value: "indepndent",
        near: "independent",
        known: "baseline, independent, coordinated",
      }),
    ]);
  });
  test("case and spaces alone are a slip too", () => {
    const issues = issuesOf(compileScenario(withLevers(["policy"], lever("Policy ", 2))));
    expect(issues.map((i) => [i.code, i.near])).toEqual([["scenario_typo", "policy"]]);
  });
  test("a scenario Settings does not list, a slip of one more lever rows name, points to that one", () => {
    const issues = issuesOf(compileScenario(withLevers([], lever("coordinated", 2), lever("coordinated", 3), lever("coordnated", 4))));
    expect(issues.map((i) => [i.code, i.cell, i.near])).toEqual([["scenario_typo", "Levers!A4", "coordinated"]]);
  });
  test("a deliberately new scenario runs as before: far names, numbered variants and longer names", () => {
    for (const name of ["high ambition", "policy 2", "policy-extra"]) {
      const m = value(compileScenario(withLevers(["policy"], lever("policy", 2), lever(name, 3))));
      expect(m.scenarios).toEqual(["baseline", "policy", name]);
    }
  });
});

describe("lever scenario typos — invariants", () => {
  test("a lever whose scenario Settings lists never gets the typo problem", () => {
    const name = fc.stringMatching(/^[a-z]{1,12}( [0-9])?$/);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), (names) => {
        const names2 = names.filter((n) => n !== "baseline");
        const r = compileScenario(withLevers(names2, ...names2.map((n, i) => lever(n, i + 2))));
        const codes = r.ok ? [] : r.issues.map((i) => i.code);
        expect(codes).not.toContain("scenario_typo");
      }),
    );
  });
  test("a slip is symmetric and never holds between a name and itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), fc.string({ maxLength: 14 }), (a, b) => {
        expect(isSlipOf(a, b)).toBe(isSlipOf(b, a));
        expect(isSlipOf(a, a)).toBe(false);
      }),
    );
  });
});

describe("lever scenario typos — reference values", () => {
  test("which names are slips", () => {
    expect(isSlipOf("indepndent", "independent")).toBe(true);
    expect(isSlipOf("coordinatde", "coordinated")).toBe(true);
    expect(isSlipOf("S3", "S1")).toBe(false);
    expect(isSlipOf("target 2035", "target 2030")).toBe(false);
    expect(isSlipOf("coordinated high", "coordinated")).toBe(false);
    expect(isSlipOf("协同", "协调")).toBe(false);
  });
});
