/**
 * Scenario input validation (src/engine/input/schema.ts, input/parse.ts, scenario/compile.ts): every invalid
 * field is reported with its path — and, for records from a sheet, its cell — all at once.
 */
import { runScenarios, compileScenario, parseScenarioInput, formatIssue, formatIssues, cellOf } from "../../src/engine";
import { issuesOf, tinyInput, value } from "./scenario-fixtures";

const codesAndPaths = (r: ReturnType<typeof compileScenario>) => issuesOf(r).map((i) => [i.code, i.path.join(".")]);

describe("scenario input — argument validation", () => {
  test("field errors in every section are all reported in one pass, each with its path", () => {
    const input = tinyInput();
    input.settings.baseYear = "2020x";
    input.settings.tolerance = 2;
    input.settings.units = "furlongs";
    input.inventory[1].value = -3;
    input.inventory[2].city = "";
    input.drivers = [
      { from: 2021, to: 2030, rate: 5 },
      { form: 2021, to: 2030, rate: 0.1 },
    ];
    input.levers = [
      { scenario: "policy", name: "x", cities: "A", sectors: "industry", kind: "reduce", value: 28, startYear: 2021, fullYear: 2030 },
      { scenario: "policy", name: "y", cities: 7, sectors: "all", kind: "teleport", value: 0.1, startYear: 2021.5, fullYear: 2030, shape: "zigzag" },
    ];
    expect(codesAndPaths(compileScenario(input))).toEqual([
      ["not_a_number", "settings.baseYear"],
      ["option_range", "settings.tolerance"],
      ["unknown_mass_unit", "settings.units"],
      ["must_be_nonnegative", "inventory.1.value"],
      ["required", "inventory.2.city"],
      ["rate_range", "drivers.0.rate"],
      ["required", "drivers.1.from"],
      ["unknown_field", "drivers.1.form"],
      ["share_range", "levers.0.value"],
      ["targets_invalid", "levers.1.cities"],
      ["invalid_choice", "levers.1.kind"],
      ["year_not_integer", "levers.1.startYear"],
      ["unknown_shape", "levers.1.shape"],
    ]);
  });

  test("records from a sheet name their cell: column letter + row, or the whole row when the column is unknown", () => {
    const input = tinyInput();
    input.levers = [
      {
        scenario: "policy",
        name: "x",
        cities: "A",
        sectors: "industry",
        kind: "reduce",
        value: 28,
        startYear: 2021,
        fullYear: 2030,
        source: { sheet: "Levers", row: 5, columns: { value: "F", cities: "C" } },
      },
      {
        scenario: "policy",
        name: "y",
        cities: "Nowhere",
        sectors: "industry",
        kind: "reduce",
        value: 0.1,
        startYear: 2021,
        fullYear: 2030,
        source: { sheet: "Levers", row: 6, columns: { cities: "C" } },
      },
      {
        scenario: "policy",
        name: "z",
        cities: "A",
        sectors: "industry",
        kind: "reduce",
        value: 0.1,
        startYear: 2021,
        fullYear: 2030,
        coverage: 3,
        source: { sheet: "My Levers", row: 7 },
      },
    ];
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "Levers!F5: 28 is not a share between 0 and 1 (write 0.28 for 28%)",
      "'My Levers'!7:7: 3 is not a share between 0 and 1 (write 0.28 for 28%)",
      'Levers!C6: "Nowhere" is not a city of the inventory (A, B)',
    ]);
    expect(issues.map((i) => i.row)).toEqual([5, 7, 6]);
    expect(formatIssue(issues[2], "zh")).toBe('Levers!C6: "Nowhere" 不是清单中的城市（A, B）');
  });

  test("without an inventory every other problem is reported, and no city or sector is called unknown", () => {
    const input = tinyInput();
    input.inventory = [];
    input.activities = [{ activity: "area", city: "Atlantis", value: 10 }];
    input.drivers = [
      { city: "A, B", from: 2021, to: 2030, rate: 5 },
      { city: "all", sector: "industry", from: 2021, to: 2030, rate: 0 },
    ];
    input.levers = [
      { scenario: "policy", name: "x", cities: "A, Nowhere", sectors: "industry, 未知部门", kind: "reduce", value: 28, startYear: 2021, fullYear: 2030 },
      { scenario: "policy", name: "land", cities: "all", sectors: "all", kind: "activity", activity: "area", value: 0.2, startYear: 2021, fullYear: 2025 },
    ];
    expect(codesAndPaths(compileScenario(input))).toEqual([
      ["empty", "inventory"],
      ["rate_range", "drivers.0.rate"],
      ["share_range", "levers.0.value"],
      ["unknown_city", "activities.0.city"],
      ["unknown_city", "drivers.1.city"],
      ["unknown_sector", "drivers.1.sector"],
      ["unknown_activity", "levers.1.activity"],
    ]);
    // The cities and sectors the records name (A, B, Atlantis, Nowhere; industry, 未知部门) stand in for the
    // inventory: the activity of Atlantis is found, the other cities lack it.
    const without = issuesOf(compileScenario(input, { withoutInventory: true }));
    expect(without.map((i) => [i.code, i.path.join("."), i.city])).toEqual([
      ["rate_range", "drivers.0.rate", undefined],
      ["share_range", "levers.0.value", undefined],
      ["activity_no_intensity", "levers.1.activity", "Atlantis"],
      ["activity_missing", "levers.1.activity", "A"],
      ["activity_missing", "levers.1.activity", "B"],
      ["activity_missing", "levers.1.activity", "Nowhere"],
    ]);
  });

  test("a Settings sheet laid out as key/value rows can map each field to its own cell", () => {
    expect(cellOf({ sheet: "Settings", row: 1, columns: { baseYear: "B3" } }, "baseYear")).toBe("Settings!B3");
    const input = tinyInput();
    input.settings.endYear = 1999;
    input.settings.source = { sheet: "Settings", row: 1, columns: { endYear: "B4" } };
    expect(issuesOf(compileScenario(input)).map((i) => formatIssue(i))).toEqual(["Settings!B4: 1999 is before the base year (2020)"]);
  });

  test("kind-specific parameters: required ones missing and ones that do not apply are reported with the kind", () => {
    const input = tinyInput();
    input.levers = [
      { scenario: "policy", name: "g", cities: "A", sectors: "industry", kind: "grid_factor", value: 0.1, startYear: 2021, fullYear: 2030, coverage: 0.5 },
      { scenario: "policy", name: "s", cities: "A", sectors: "industry", kind: "structure_shift", value: 120, startYear: 2021, fullYear: 2030 },
      { scenario: "policy", name: "a", cities: "A", sectors: "industry", kind: "activity", value: 0.2, startYear: 2021, fullYear: 2030 },
    ];
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => [i.code, i.path.join("."), i.kind])).toEqual([
      ["required", "levers.0.electricityShare", "grid_factor"],
      ["param_not_for_kind", "levers.0.coverage", "grid_factor"],
      ["pp_range", "levers.1.value", "structure_shift"],
      ["required", "levers.2.activity", "activity"],
    ]);
    expect(formatIssue(issues[1])).toBe("Levers, entry 1: coverage does not apply to a grid_factor lever; leave it blank");
  });

  test("cross-record rules are checked in the same pass as field errors", () => {
    const input = tinyInput();
    input.inventory.push({ city: "A", sector: "industry", value: 1 });
    input.activities = [{ activity: "area", city: "A", value: 10 }];
    input.drivers = [
      { from: 2021, to: 2025, rate: 0.01 },
      { from: 2024, to: 2030, rate: 0.02 },
      { variable: "area", sector: "industry", from: 2021, to: 2030, rate: 0.01 },
      { variable: "rainfall", from: 2021, to: 2030, rate: 0.05 },
      { city: "C", from: 2030, to: 2021, rate: 0 },
    ];
    input.levers = [
      { scenario: "baseline", name: "b", cities: "A", sectors: "industry", kind: "reduce", value: 0.1, startYear: 2021, fullYear: 2030 },
      { scenario: "policy", name: "early", cities: "A", sectors: "industry", kind: "reduce", value: 0.1, startYear: 2015, fullYear: 2030 },
      { scenario: "policy", name: "land", cities: "all", sectors: "all", kind: "activity", activity: "area", value: 0.2, startYear: 2021, fullYear: 2025 },
      { scenario: "policy", name: "m", cities: "A", sectors: "industry", kind: "reduce", value: 0.1, startYear: 2021, fullYear: 2025 },
      { scenario: "policy", name: "m", cities: "A", sectors: "industry", kind: "reduce", value: 0.2, startYear: 2024, fullYear: 2030 },
      { scenario: "policy", name: "n", cities: "A", sectors: "industry", kind: "reduce", value: 0.1, startYear: 2021, fullYear: 2025 },
      { scenario: "policy", name: "n", cities: "B", sectors: "industry", kind: "reduce", value: 0.2, startYear: 2025, fullYear: 2030 },
      { scenario: "policy", name: "q", cities: "A", sectors: "farming", kind: "reduce", value: 0.1, startYear: 2021, fullYear: 2020 },
    ];
    input.settings.independent = "policy";
    expect(codesAndPaths(compileScenario(input))).toEqual([
      ["duplicate_row", "inventory.4.sector"],
      ["driver_sector_for_activity", "drivers.2.sector"],
      ["unknown_variable", "drivers.3.variable"],
      ["year_order", "drivers.4.to"],
      ["unknown_city", "drivers.4.city"],
      ["driver_overlap", "drivers.1.from"],
      ["lever_in_baseline", "levers.0.scenario"],
      ["lever_before_base", "levers.1.startYear"],
      ["activity_no_intensity", "levers.2.activity"],
      ["activity_missing", "levers.2.activity"],
      ["unknown_sector", "levers.7.sectors"],
      ["year_order", "levers.7.fullYear"],
      ["milestone_overlap", "levers.4.startYear"],
      ["lever_inconsistent", "levers.6.cities"],
      ["coordination_pair", "settings.coordinated"],
    ]);
  });

  test("an activity lever needs an intensity for every targeted city; align_best needs activity above 0", () => {
    const input = tinyInput();
    input.activities = [
      { activity: "area", city: "A", value: 10, intensity: 2 },
      { activity: "area", city: "B", value: 0 },
    ];
    input.levers = [
      { scenario: "policy", name: "land", cities: "all", sectors: "all", kind: "activity", activity: "area", value: 0.2, startYear: 2021, fullYear: 2025 },
      { scenario: "policy", name: "std", cities: "all", sectors: "all", kind: "align_best", activity: "area", value: 0.5, startYear: 2021, fullYear: 2025 },
    ];
    expect(issuesOf(compileScenario(input)).map((i) => formatIssue(i))).toEqual([
      "Levers, entry 1: area of B has no intensity (emissions per unit), which an activity lever needs",
      "Levers, entry 2: area of B is 0; an intensity needs an activity above 0",
    ]);
  });

  test("the coordination pair must name two existing, different scenarios", () => {
    const input = tinyInput();
    input.settings.independent = "policy";
    input.settings.coordinated = "nope";
    expect(codesAndPaths(compileScenario(input))).toEqual([["unknown_scenario", "settings.coordinated"]]);
    input.settings.coordinated = "policy";
    expect(codesAndPaths(compileScenario(input))).toEqual([["coordination_pair", "settings.coordinated"]]);
  });

  test("not an object, missing sections and unknown sections are reported", () => {
    expect(issuesOf(compileScenario(42)).map((i) => i.code)).toEqual(["wrong_type"]);
    expect(issuesOf(compileScenario({ inventory: [], extra: 1 })).map((i) => [i.code, i.path.join(".")])).toEqual([
      ["unknown_field", "extra"],
      ["required", "settings"],
      ["empty", "inventory"],
    ]);
  });

  test("messages exist in English and Chinese for every issue the validation produced above", () => {
    const input = tinyInput();
    input.levers = [{ scenario: "policy", name: "x", cities: "A", sectors: "industry", kind: "reduce", value: 28, startYear: 2021, fullYear: 2030 }];
    const text = formatIssues(issuesOf(runScenarios(input)), "zh");
    expect(text).toBe("减排措施第 1 条: 28 不是 0 到 1 之间的比例（28% 应写作 0.28）");
  });
});

describe("scenario input — edge cases", () => {
  test("sheet-style values are read: blank optional cells, 'all'/'全部', comma lists, Chinese shape names, kind spelled with a hyphen", () => {
    const input = tinyInput();
    input.settings.tolerance = "";
    input.settings.scenarios = "policy, other";
    input.levers = [
      {
        scenario: "policy",
        name: "x",
        cities: "全部",
        sectors: "industry，transport",
        kind: "Align-Best",
        activity: "area",
        value: 0.5,
        startYear: 2021,
        fullYear: 2030,
        shape: "S型",
        coverage: null,
        note: "",
      },
    ];
    input.activities = [
      { activity: "area", city: "A", value: 10 },
      { activity: "area", city: "B", value: 20 },
    ];
    const parsed = value(parseScenarioInput(input));
    expect(parsed.settings.tolerance).toBe(0);
    expect(parsed.settings.scenarios).toEqual(["policy", "other"]);
    expect(parsed.levers[0]).toMatchObject({ cities: "all", sectors: ["industry", "transport"], kind: "align_best", shape: "s-curve" });
    expect(value(compileScenario(input)).scenarios).toEqual(["baseline", "policy", "other"]);
  });
  test("a city × sector pair missing from the inventory counts as 0, with one warning", () => {
    const input = tinyInput();
    input.inventory = input.inventory.slice(0, 3);
    const r = compileScenario(input);
    expect(r.ok && r.warnings.map((w) => formatIssue(w))).toEqual([
      "Inventory: 1 city × sector pair has no inventory row and counts as 0 (e.g. B / transport)",
    ]);
  });
  test("a projection longer than 200 years is refused (growth stays finite, memory bounded)", () => {
    const input = tinyInput();
    input.settings.endYear = 2300;
    expect(codesAndPaths(compileScenario(input))).toEqual([["horizon_range", "settings.endYear"]]);
  });
});
