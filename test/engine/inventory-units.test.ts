import fc from "fast-check";
import { formatIssue, inventoryTonnes, makeGrid, readInventory, readInventoryFromSheets, unitInNotes, unitStated } from "../../src/engine";

const read = (rows: unknown[][], unit?: string) => readInventory(makeGrid("Inv", rows), unit ? { unit } : {});

describe("inventory units — argument validation", () => {
  test("an energy unit is refused as a chooser too", () => {
    const r = read(
      [
        ["City", 2019],
        ["A", 1],
      ],
      "tce",
    );
    expect(!r.ok && formatIssue(r.issues[0])).toBe('unit: "tce" is not an emissions unit; use a mass unit (t, 万t, Mt, 亿t)');
  });
  test("a bad unit in a units row is reported once, at its cell, and the column's values are not reported again", () => {
    const r = read([
      ["City", 2019, 2020],
      [null, "bogus", "Mt"],
      ["A", 1, 2],
      ["B", 3, 4],
    ]);
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual(['Inv!B2: "bogus" is not a known unit (t, 万t, Mt, 亿t, kt, Gt, tce, GJ)']);
  });
  test("a bad unit in a unit column is reported once per cell that holds it", () => {
    const r = read([
      ["City", "Unit", 2019, 2020],
      ["A", "bogus", 1, 2],
      ["B", "bogus", 3, 4],
    ]);
    expect(!r.ok && r.issues.map((i) => i.cell)).toEqual(["Inv!B2", "Inv!B3"]);
  });
});

describe("inventory units — edge cases", () => {
  test("precedence: unit column > units row > header > title > chooser", () => {
    const unitOf = (rows: unknown[][], chooser?: string) => {
      const r = read(rows, chooser);
      return r.ok ? r.value.unit : r.issues.map((i) => i.code).join();
    };
    expect(unitOf([["Unit: kt"], ["City", "Year", "Emissions (Mt)", "Unit"], ["A", 2019, 1, "万t"]], "t")).toBe("万t");
    expect(unitOf([["Unit: kt"], ["City", "Year", "Emissions (Mt)", "Unit"], ["A", 2019, 1, null]], "t")).toBe("Mt");
    expect(unitOf([["Unit: kt"], ["City", "Year", "Emissions", "Unit"], ["A", 2019, 1, null]], "t")).toBe("kt");
    expect(
      unitOf(
        [
          ["City", "Year", "Emissions", "Unit"],
          ["A", 2019, 1, null],
        ],
        "亿t",
      ),
    ).toBe("亿t");
    expect(
      unitOf(
        [
          ["City", 2019],
          ["单位", "万吨"],
          ["A", 1],
        ],
        "t",
      ),
    ).toBe("万吨");
  });
  test("Chinese unit names and CO2 suffixes are understood (units.ts)", () => {
    const r = read([
      ["城市", "年份", "排放量（万吨二氧化碳）"],
      ["长沙", 2019, 3245],
    ]);
    expect(r.ok && [r.value.unit, r.value.toTonnes]).toEqual(["万吨", 1e4]); // shown without its CO2 suffix
  });
});

describe("inventory units — stated outside the table, or not at all", () => {
  test('a unit stated in a notes sheet is found (CEADs city file: NOTE, "Unit/单位 | million tones 百万吨")', () => {
    const note = makeGrid("NOTE", [
      ["Introduction/简介", "…"],
      ["Unit/单位", "million tones 百万吨"],
    ]);
    expect(unitInNotes([note])).toEqual({ label: "million tones", cell: "NOTE!B2" });
    expect(unitInNotes([makeGrid("N", [["单位：万吨"]])])).toEqual({ label: "万吨", cell: "N!A1" });
    expect(unitInNotes([makeGrid("N", [["Unit", "see the paper"]])])).toBeUndefined();
    const r = readInventoryFromSheets([
      note,
      makeGrid("emission vector", [
        ["ID", "city", "year", "emission"],
        ["北京1997", "北京", 1997, 61.4],
      ]),
    ]);
    expect(r.ok && [r.value.unit, r.value.toTonnes]).toEqual(["Mt", 1e6]);
  });
  test("the sheet's own unit wins over a note", () => {
    const note = makeGrid("NOTE", [["Unit/单位", "million tones 百万吨"]]);
    const r = readInventoryFromSheets([
      note,
      makeGrid("S", [
        ["City", "Year", "Emissions (万t)"],
        ["A", 2019, 1],
      ]),
    ]);
    expect(r.ok && r.value.unit).toBe("万t");
  });
  test("without a unit anywhere a read may go on (units only label values): unit not stated", () => {
    const r = read([
      ["City", 2019, 2020],
      ["A", 1, 2],
    ]);
    expect(!r.ok && r.issues[0].code).toBe("inventory_unit_missing");
    const v = readInventory(
      makeGrid("Inv", [
        ["City", 2019, 2020],
        ["A", 1, 2],
      ]),
      { unitOptional: true },
    );
    expect(v.ok && [v.value.unit, Number.isNaN(v.value.toTonnes), unitStated(v.value), Array.from(v.value.values)]).toEqual(["", true, false, [1, 2]]);
  });
  test("the missing-unit message names the caller's chooser", () => {
    const r = readInventory(
      makeGrid("Inv", [
        ["City", 2019],
        ["A", 1],
      ]),
      { choosers: { unit: "--unit" } },
    );
    expect(!r.ok && formatIssue(r.issues[0])).toBe(
      'Inv!A1: no unit stated: choose one with --unit (t, 万t, Mt, 亿t …), add a Unit/单位 column or a units row, or name it in the header (e.g. "Emissions (Mt)")',
    );
  });
});

describe("inventory units — reference values (docs/design.md §3: 万t = 1e4 t, Mt = 1e6 t, 亿t = 1e8 t)", () => {
  test("32.45 Mt, 3245 万t and 0.3245 亿t are the same tonnes", () => {
    const t = (u: string, x: number) => {
      const r = read(
        [
          ["City", 2019],
          ["长沙", x],
        ],
        u,
      );
      return r.ok ? inventoryTonnes(r.value)[0] : NaN;
    };
    expect(t("Mt", 32.45)).toBeCloseTo(32.45e6, 3);
    expect(t("万t", 3245)).toBe(32.45e6);
    expect(t("亿t", 0.3245)).toBeCloseTo(32.45e6, 3);
  });
});

describe("inventory units — invariants", () => {
  test("mixing units per row gives the same tonnes as converting first", () => {
    const units = fc.constantFrom(["t", 1], ["万t", 1e4], ["Mt", 1e6], ["kt", 1e3]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), units), { minLength: 1, maxLength: 10 }), (rows) => {
        const r = read([["City", "Year", "Emissions", "Unit"], ...rows.map(([x, [u]], i) => ["A", 2000 + i, x, u])]);
        if (!r.ok) return false;
        const tonnes = inventoryTonnes(r.value);
        return rows.every(([x, [, f]], i) => Math.abs(tonnes[i] - x * (f as number)) <= 1e-9 * Math.max(1, x * (f as number)));
      }),
    );
  });
});
