/**
 * A city or sector of the inventory that reads as a typo of another is a problem at its cell (docs/model.md §2):
 * one mistyped row (湘潭 → 湘潭市, power_heat → power) would make a new city or sector and count the real one's
 * missing row as 0. A genuinely partial inventory still runs, with the `inventory_missing` warning.
 */
import fc from "fast-check";
import { compileScenario, formatIssue } from "../../src/engine";
import { issuesOf, value, type RawInput } from "./scenario-fixtures";

const SECTORS = ["power_heat", "industry", "transport", "residential"];
const CITIES = ["长沙", "株洲", "湘潭"];

/** Every city × sector in 2015–2017 (t), one sheet row per city × sector as the wide Inventory sheet has (A: city, B: sector). */
function inventory(cities = CITIES, sectors = SECTORS): RawInput {
  const rows: Record<string, unknown>[] = [];
  let row = 2;
  for (const city of cities) {
    for (const sector of sectors) {
      [2015, 2016, 2017].forEach((year, k) =>
        rows.push({ city, sector, year, value: 100 + k, source: { sheet: "Inventory", row, columns: { city: "A", sector: "B", value: "DEF"[k] } } }),
      );
      row++;
    }
  }
  return {
    settings: { baseYear: 2015, endYear: 2030, targetYear: 2030, units: "t", cluster: "长株潭", scenarios: [], lastHistoricalYear: 2017 },
    inventory: rows,
    drivers: [{ from: 2018, to: 2030, rate: 0 }],
  };
}
/** Renames `field` on every row of sheet row `row` (one cell of the wide sheet). */
function retype(input: RawInput, row: number, field: "city" | "sector", name: string): RawInput {
  for (const r of input.inventory) if ((r.source as { row: number }).row === row) r[field] = name;
  return input;
}
const typos = (input: RawInput) => {
  const r = compileScenario(input);
  return r.ok ? [] : r.issues.filter((i) => i.code === "inventory_name_typo");
};

describe("inventory name typos — edge cases", () => {
  test("a city typo on one row is a problem at that row's City cell, naming the city meant", () => {
    const issues = issuesOf(compileScenario(retype(inventory(), 10, "city", "湘潭市")));
    expect(issues.map((i) => [i.cell, formatIssue(i)])).toEqual([
      [
        "Inventory!A10",
        "Inventory!A10: 湘潭市 has 1 of the 4 sectors of the inventory and no value where 湘潭 has one (湘潭 has 3): did you mean 湘潭? As two cities, each one's missing sectors would count as 0",
      ],
    ]);
  });
  test("a sector typo on one row is a problem at that row's Sector cell", () => {
    const issues = issuesOf(compileScenario(retype(inventory(), 2, "sector", "power")));
    expect(issues.map((i) => [i.cell, i.code, i.value, i.near])).toEqual([["Inventory!B2", "inventory_name_typo", "power", "power_heat"]]);
  });
  test("a Chinese sector slip (交通 → 交同) is caught like an English one", () => {
    const input = retype(inventory(CITIES, ["工业", "交通", "居民"]), 6, "sector", "交同");
    expect(typos(input).map((i) => [i.cell, i.near])).toEqual([["Inventory!B6", "交通"]]);
  });
  test("a genuinely partial inventory runs: a city without a sector, whose name is near no other, gets the warning only", () => {
    const input = inventory();
    input.inventory = input.inventory.filter((r) => !(r.city === "株洲" && r.sector === "residential"));
    const m = value(compileScenario(input));
    expect(m.warnings.map((w) => formatIssue(w))).toEqual([
      "Inventory: 1 city × sector pair has no inventory row in years its city has (3 values in all) and counts as 0 there (e.g. 株洲 / residential 2015)",
    ]);
  });
  test("near names whose values overlap are two cities: 苏州 without a sector beside 常州 runs", () => {
    const input = inventory(["苏州", "常州", "无锡"]);
    input.inventory = input.inventory.filter((r) => !(r.city === "苏州" && r.sector === "transport"));
    expect(value(compileScenario(input)).cities).toEqual(["苏州", "常州", "无锡"]);
  });
  test("a city with every sector is never a typo, however near its name", () => {
    expect(value(compileScenario(inventory(["株洲", "株州"]))).cities).toEqual(["株洲", "株州"]);
  });
});

describe("inventory name typos — invariants", () => {
  const cityPool = ["长沙", "株洲", "湘潭", "岳阳", "衡阳", "常德"];
  test("an inventory in which every two cities share a sector and year never gets the typo problem", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...cityPool), { minLength: 2, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (cities, keep) => {
          const input = inventory(cities);
          // Drop random values, but never 2015 power_heat: every city keeps that one, so no two are disjoint.
          input.inventory = input.inventory.filter((r, i) => (r.sector === "power_heat" && r.year === 2015) || keep[i % keep.length]);
          expect(typos(input)).toEqual([]);
        },
      ),
    );
  });
  test("renaming one sheet row's city to a longer form of it (X → X市) is always caught, once, naming the pair", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...cityPool), { minLength: 2, maxLength: 4 }), fc.nat(), (cities, pick) => {
        const input = inventory(cities);
        const row = 2 + (pick % (cities.length * SECTORS.length));
        const city = String(input.inventory.find((r) => (r.source as { row: number }).row === row)!.city);
        const found = typos(retype(input, row, "city", `${city}市`));
        expect(found).toHaveLength(1);
        expect([found[0].value, found[0].near].sort()).toEqual([city, `${city}市`].sort());
      }),
    );
  });
});
