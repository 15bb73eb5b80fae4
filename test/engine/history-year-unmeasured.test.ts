/**
 * The last historical year must be a year some city measured (docs/model.md §3): one after the inventory's last
 * year, or one blank for every city, is one problem at its Settings cell — whatever the fill rule — and the driver
 * and lever rows of the years between are not reported on top of it as rows in measured years.
 */
import fc from "fast-check";
import { compileScenario, formatIssue, unmeasuredHistoryYear } from "../../src/engine";
import { issuesOf, value, type RawInput } from "./scenario-fixtures";

const SETTINGS_SOURCE = { sheet: "Settings", row: 1, columns: { lastHistoricalYear: "B17", baseYear: "B3" } };

/** Two cities × two sectors measured in `years` (t); drivers from 2020, one lever from 2020. */
function input(lastHistoricalYear: number, years = [2015, 2016, 2017, 2018, 2019]): RawInput {
  const inventory = ["长沙", "株洲"].flatMap((city) => ["industry", "transport"].flatMap((sector) => years.map((year) => ({ city, sector, year, value: 10 }))));
  return {
    settings: {
      baseYear: 2015,
      endYear: 2040,
      targetYear: 2030,
      units: "t",
      cluster: "长株",
      scenarios: ["policy"],
      lastHistoricalYear,
      fill: "carry-forward",
      source: SETTINGS_SOURCE,
    },
    inventory,
    drivers: [
      { from: 2020, to: 2025, rate: 0.03 },
      { from: 2026, to: 2040, rate: 0.01 },
    ],
    levers: [
      { scenario: "policy", name: "cut", cities: "all", sectors: "industry", kind: "reduce", value: 0.1, startYear: 2020, fullYear: 2025, shape: "linear" },
    ],
  };
}

describe("an unmeasured last historical year — edge cases", () => {
  test("after the inventory's last year it is one problem at its cell naming that year, the fill rule notwithstanding", () => {
    const issues = issuesOf(compileScenario(input(2022)));
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "Settings!B17: the last historical year 2022 is after the inventory's last year, 2019: no city has a value there; it must be a year some city measured — choose one the inventory has, or leave it blank (the latest year every city has)",
    ]);
  });
  test("a year of the inventory blank for every city is one problem naming the years it has", () => {
    const issues = issuesOf(compileScenario(input(2017, [2015, 2016, 2018, 2019])));
    expect(issues.map((i) => [i.code, i.cell, i.years])).toEqual([["history_year_unmeasured", "Settings!B17", "2015–2016, 2018–2019"]]);
  });
  test("rows a reader filled are not measured: a year only filled rows hold is the same problem", () => {
    const raw = input(2019, [2015, 2016, 2017, 2018]);
    raw.inventory.push(...["industry", "transport"].map((sector) => ({ city: "长沙", sector, year: 2019, value: 10, filledFrom: 2018 })));
    raw.inventory.push(...["industry", "transport"].map((sector) => ({ city: "株洲", sector, year: 2019, value: 10, filledFrom: 2018 })));
    expect(issuesOf(compileScenario(raw)).map((i) => [i.code, i.last])).toEqual([["history_year_unmeasured", 2018]]);
  });
  test("in Chinese the problem names the same years", () => {
    const [i] = issuesOf(compileScenario(input(2022)));
    expect(formatIssue(i, "zh")).toBe(
      "Settings!B17: 最后历史年 2022 晚于清单的最后年份 2019：没有任何城市在该年有数值；该年须有城市的实测值——请选择清单中的年份，或留空（所有城市都有数据的最近年份）",
    );
  });
});

describe("an unmeasured last historical year — invariants", () => {
  test("a last historical year some city measured never gets the problem; any other year in the results always does", () => {
    fc.assert(
      fc.property(fc.subarray([2015, 2016, 2017, 2018, 2019, 2020, 2021], { minLength: 1 }), fc.integer({ min: 2015, max: 2030 }), (years, H) => {
        const r = compileScenario(input(H, years));
        const codes = r.ok ? [] : r.issues.map((i) => i.code);
        expect(codes.includes("history_year_unmeasured")).toBe(!years.includes(H));
        if (!years.includes(H)) expect(codes).toEqual(["history_year_unmeasured"]);
      }),
    );
  });
});

describe("an unmeasured last historical year — reference values", () => {
  test("the rule itself: measured, after the end, blank in the middle, no inventory", () => {
    expect(unmeasuredHistoryYear(2019, [2015, 2019], "lastHistoricalYear")).toBeUndefined();
    expect(unmeasuredHistoryYear(2022, [2015, 2019], "lastHistoricalYear")).toMatchObject({ value: 2022, last: 2019, after: true });
    expect(unmeasuredHistoryYear(2017, [2019, 2015], "lastHistoricalYear")).toMatchObject({ value: 2017, years: "2015, 2019" });
    expect(unmeasuredHistoryYear(2050, [2015], "baseYear")).toMatchObject({ role: "base year", path: ["settings", "baseYear"] });
    expect(unmeasuredHistoryYear(2022, [], "lastHistoricalYear")).toBeUndefined();
    expect(value(compileScenario(input(2019))).lastHistoricalYear).toBe(2019);
  });
});
