/**
 * A row whose unit differs from the unit most rows of its sheet state is warned at its unit cell (docs/inventories.md):
 * one row in kt among rows in Mt is most likely a typo, and its values are converted silently (长沙's power_heat in kt
 * takes 9.2 Mt off 长沙 in the 长株潭 sample). The values are still converted as written: a warning, not a problem.
 */
import fc from "fast-check";
import { formatIssue, inventoryTonnes, makeGrid, readInventory } from "../../src/engine";

const HEADER = ["City", "Sector", "Unit", 2018, 2019];
/** A wide sheet: one row per unit given, city 长沙, sectors s1, s2 …, values 1 and 2. */
const wide = (units: string[]) => readInventory(makeGrid("Inventory", [HEADER, ...units.map((u, i) => ["长沙", `s${i + 1}`, u, 1, 2])]));
const odd = (r: ReturnType<typeof readInventory>) => (r.ok ? r.warnings.filter((w) => w.code === "inventory_unit_odd_row") : []);

describe("a row in another unit — edge cases", () => {
  test("one row in kt among five in Mt is one warning at its unit cell; its values are still converted", () => {
    const r = wide(["kt", "Mt", "Mt", "Mt", "Mt", "Mt"]);
    expect(r.ok && r.warnings.map((w) => formatIssue(w))).toEqual([
      "Inventory!C2: this row is in kt where 5 of the 6 rows of Inventory are in Mt: its values are converted (1 kt = 0.001 Mt) — check that kt is meant",
    ]);
    expect(r.ok && Array.from(inventoryTonnes(r.value).slice(0, 2))).toEqual([1e3, 2e3]);
  });
  test("several rows in the other unit: one warning at the first, naming the others", () => {
    const r = wide(["Mt", "万t", "Mt", "Mt", "万t", "Mt", "Mt"]);
    expect(odd(r).map((w) => [w.cell, w.more])).toEqual([["Inventory!C3", "C6"]]);
  });
  test("no unit most rows state (half and half): no warning — a sheet mixed on purpose", () => {
    expect(odd(wide(["Mt", "kt", "Mt", "kt"]))).toEqual([]);
  });
  test("units of one size written differently are one unit", () => {
    expect(odd(wide(["Mt", "Mt CO2", "百万吨", "Mt"]))).toEqual([]);
  });
  test("a long sheet's odd row is warned the same way", () => {
    const rows = [["City", "Sector", "Year", "Emissions", "Unit"], ...[2015, 2016, 2017, 2018].map((y) => ["长沙", "power", y, 9, y === 2017 ? "t" : "Mt"])];
    const r = readInventory(makeGrid("Long", rows));
    expect(odd(r).map((w) => [w.cell, w.unit, w.usual, w.ratio])).toEqual([["Long!E4", "t", "Mt", 1e-6]]);
  });
  test("in Chinese", () => {
    expect(formatIssue(odd(wide(["Mt", "Mt", "kt"]))[0], "zh")).toBe(
      "Inventory!C4: 该行单位为 kt，而 Inventory 的 3 行中有 2 行为 Mt：其数值已换算（1 kt = 0.001 Mt）——请确认单位是否为 kt",
    );
  });
});

describe("a row in another unit — invariants", () => {
  const unit = fc.constantFrom("t", "kt", "万t", "Mt", "亿t");
  test("a sheet whose rows are all in one unit never gets the warning", () => {
    fc.assert(fc.property(unit, fc.integer({ min: 1, max: 12 }), (u, n) => expect(odd(wide(Array<string>(n).fill(u)))).toEqual([])));
  });
  test("with a unit more than half the rows state, each other unit gets exactly one warning", () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), (units) => {
        const counts = new Map<string, number>();
        for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
        const usual = [...counts].find(([, n]) => n * 2 > units.length);
        const expected = usual === undefined ? [] : [...counts.keys()].filter((u) => u !== usual[0]).sort();
        expect(
          odd(wide(units))
            .map((w) => String(w.unit))
            .sort(),
        ).toEqual(expected);
      }),
    );
  });
});
