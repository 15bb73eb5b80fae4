import fc from "fast-check";
import { formatIssue, inventorySource, inventoryValue, makeGrid, readInventory, TOTAL_SECTOR, type Inventory } from "../../src/engine";
import { changzhutanWideRows } from "../helpers/inventory-grids";
import { ceadsCityTotals } from "../helpers/ceads";

type R = ReturnType<typeof readInventory>;
const read = (rows: unknown[][], unit?: string) => readInventory(makeGrid("Wide", rows), unit ? { unit } : {});
const messages = (r: R) => (r.ok ? [] : r.issues.map((i) => formatIssue(i)));
const inv = (r: R): Inventory => {
  if (!r.ok) throw new Error(messages(r).join("\n"));
  return r.value;
};
/** Canonical content: "city|sector|year" → value, gaps left out. */
const content = (v: Inventory) => {
  const m = new Map<string, number>();
  v.cities.forEach((c, ci) =>
    v.sectors.forEach((s, si) =>
      v.years.forEach((y, yi) => {
        const x = v.values[(ci * v.sectors.length + si) * v.years.length + yi];
        if (!Number.isNaN(x)) m.set(`${c}|${s}|${y}`, x);
      }),
    ),
  );
  return m;
};

describe("wide inventory — argument validation", () => {
  test("every rejected cell is listed with its address and reason, all at once", () => {
    const r = read([
      ["City", "Sector", "Unit", 2005, 2006, 2006, 2007],
      ["长沙", "Industry", "Mt", 1, "n/a", 9, -2], // text, negative (F2 is under a duplicate year column: still checked)
      ["", "Industry", "Mt", 1, 2, null, 3], // blank city
      ["长沙", "Industry", "Mt", 4, 5, null, 6], // duplicate city + sector row
      ["株洲", "Industry", "kWh", 4, 5, null, 6], // energy unit
      ["湘潭", "Industry", null, 4, null, null, null], // blank unit
    ]);
    expect(messages(r)).toEqual([
      "Wide!F1: year 2006 heads a second column (first at Wide!E1)",
      'Wide!E2: "n/a" is not a number',
      "Wide!G2: -2 is negative; emissions must be zero or more",
      "Wide!A3: the city is blank on a row with values",
      "Wide!A4: 长沙 / Industry appears on a second row (first at Wide!A2); keep one",
      'Wide!C5: "kWh" is not an emissions unit; use a mass unit (t, 万t, Mt, 亿t)',
      "Wide!C6: the unit is blank (t, 万t, Mt …)",
    ]);
  });
  test("a missing unit with no chooser is one issue at the city header", () => {
    expect(
      messages(
        read([
          ["City", 2005],
          ["A", 1],
          ["B", 2],
        ]),
      ),
    ).toEqual([
      'Wide!A1: no unit stated: choose one with the unit chooser (t, 万t, Mt, 亿t …), add a Unit/单位 column or a units row, or name it in the header (e.g. "Emissions (Mt)")',
    ]);
  });
});

describe("wide inventory — edge cases", () => {
  test("empty year columns are skipped and unordered rows are fine", () => {
    const v = inv(
      read(
        [
          ["城市", "2007年", "2005年", "2006年"],
          ["湘潭", 3, 1, null],
          ["长沙", 30, 10, null],
        ],
        "万t",
      ),
    );
    expect(v.years).toEqual([2005, 2007]);
    expect(v.cities).toEqual(["湘潭", "长沙"]);
    expect(inventoryValue(v, "长沙", TOTAL_SECTOR, 2007)).toBe(30);
  });
  test("note columns after the years and footnote rows are ignored", () => {
    const v = inv(read([["City", 2005, 2006, "Note"], ["A", 1, 2, "estimated"], [], ["* CEADs, 2022"]], "Mt"));
    expect([v.cities, v.years, Array.from(v.values)]).toEqual([["A"], [2005, 2006], [1, 2]]);
  });
  test("a merged Year/年份 header over the year numbers (two header rows)", () => {
    const v = inv(
      read(
        [
          ["城市", "部门", "年份", null],
          [null, null, 2019, 2020],
          ["长沙", "工业", 1, 2],
          ["长沙", "交通", 3, null],
        ],
        "Mt",
      ),
    );
    expect([v.sectors, v.years, inventoryValue(v, "长沙", "交通", 2019)]).toEqual([["工业", "交通"], [2019, 2020], 3]);
    expect(inventorySource(v, 0, 1, 0)).toBe("Wide!C4");
  });
  test("a merged 'Emissions (Mt)' header gives the unit", () => {
    const v = inv(
      read([
        ["City", "Emissions (Mt)", null],
        [null, 2019, 2020],
        ["A", 1, 2],
      ]),
    );
    expect(v.unit).toBe("Mt");
  });
  test("a units row under the year header", () => {
    const v = inv(
      read([
        ["City", 2019, 2020],
        ["Unit", "万t", "万t"],
        ["A", 1, 2],
      ]),
    );
    expect([v.unit, v.toTonnes, v.years]).toEqual(["万t", 1e4, [2019, 2020]]);
  });
  test("a grid read from B3 reports addresses on the sheet, not in the grid", () => {
    const r = readInventory(
      makeGrid(
        "Wide",
        [
          ["City", 2019],
          ["A", "x"],
        ],
        { row: 3, col: 2 },
      ),
      { unit: "Mt" },
    );
    expect(messages(r)).toEqual(['Wide!C4: "x" is not a number']);
  });
  test("city codes written as numbers are labels", () => {
    const v = inv(
      read(
        [
          ["City", 2019],
          [430100, 1],
        ],
        "Mt",
      ),
    );
    expect(v.cities).toEqual(["430100"]);
  });
});

describe("wide inventory — reference values (CEADs emission matrix, data/README.md)", () => {
  test("the 长株潭 cities 1997–2019: title row, empty year columns, unordered rows, footnote", () => {
    const v = inv(readInventory(makeGrid("emission matrix", changzhutanWideRows())));
    expect(v.unit).toBe("Mt"); // from the title "(Unit: Mt)"
    expect(v.cities).toEqual(["湖南湘潭", "湖南长沙", "湖南株洲"]);
    // 1997–2000 and 2004 have no value for any of the three cities: skipped.
    expect(v.years).toEqual([2001, 2002, 2003, ...Array.from({ length: 15 }, (_, i) => 2005 + i)]);
    for (const r of ceadsCityTotals()) expect(inventoryValue(v, r.city, TOTAL_SECTOR, r.year)).toBe(r.mt);
    expect(inventoryValue(v, "湖南株洲", TOTAL_SECTOR, 2016)).toBeNaN(); // 株洲 has no 2014, 2016+
    expect(inventorySource(v, 1, 0, v.years.indexOf(2019))).toBe("'emission matrix'!X4");
  });
});

describe("wide inventory — invariants", () => {
  const name = fc.constantFrom("长沙", "株洲", "湘潭", "Wuhan", "岳阳");
  const sector = fc.constantFrom("Industry", "Transport", "建筑", "Households");
  const value = fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null, freq: 4 });
  const data = fc.record({
    keys: fc.uniqueArray(fc.tuple(name, sector), { minLength: 1, maxLength: 12, selector: ([c, s]) => `${c}|${s}` }),
    years: fc.uniqueArray(fc.integer({ min: 1990, max: 2060 }), { minLength: 1, maxLength: 8 }),
    seed: fc.array(value, { minLength: 96, maxLength: 96 }),
  });
  test("the same data in long and wide layout give the same inventory", () => {
    fc.assert(
      fc.property(data, fc.boolean(), ({ keys, years, seed }, sorted) => {
        const cell = (k: number, y: number) => seed[(k * years.length + y) % seed.length];
        const wide = [["City", "Sector", ...years], ...keys.map(([c, s], k) => [c, s, ...years.map((_, y) => cell(k, y))])];
        const long: unknown[][] = [["城市", "部门", "年份", "排放量"]];
        keys.forEach(([c, s], k) => years.forEach((yr, y) => long.push([c, s, yr, cell(k, y)])));
        if (sorted) long.reverse().unshift(long.pop()!);
        const a = read(wide, "Mt");
        const b = read(long, "Mt");
        if (!a.ok || !b.ok) return a.ok === b.ok; // all blank: both fail the same way
        expect(content(b.value)).toEqual(content(a.value));
        expect(new Set(b.value.cities)).toEqual(new Set(a.value.cities));
        expect(b.value.years).toEqual(a.value.years);
        return true;
      }),
    );
  });
  test("years ascend and each value sits at its own cell", () => {
    fc.assert(
      fc.property(data, ({ keys, years, seed }) => {
        const rows = [["City", "Sector", ...years], ...keys.map(([c, s], k) => [c, s, ...years.map((_, y) => seed[(k * years.length + y) % seed.length])])];
        const r = read(rows, "t");
        if (!r.ok) return true;
        const v = r.value;
        expect([...v.years].sort((x, y) => x - y)).toEqual(v.years);
        v.cities.forEach((_, ci) =>
          v.sectors.forEach((_, si) =>
            v.years.forEach((_, yi) => {
              const i = (ci * v.sectors.length + si) * v.years.length + yi;
              if (Number.isNaN(v.values[i])) expect(v.sourceRows[i]).toBe(0);
              else expect(rows[v.sourceRows[i] - 1][v.sourceCols[i] - 1]).toBe(v.values[i]);
            }),
          ),
        );
        return true;
      }),
    );
  });
});
