import fc from "fast-check";
import { formatIssue, inventorySource, inventoryValue, makeGrid, readInventory, TOTAL_SECTOR, type Inventory } from "../../src/engine";
import { changzhutanLongRows } from "../helpers/inventory-grids";
import { ceadsCityTotals } from "../helpers/ceads";

const read = (rows: unknown[][], unit?: string) => readInventory(makeGrid("Inventory", rows), unit ? { unit } : {});
const messages = (r: ReturnType<typeof read>) => (r.ok ? [] : r.issues.map((i) => formatIssue(i)));
const inv = (r: ReturnType<typeof read>): Inventory => {
  if (!r.ok) throw new Error(messages(r).join("\n"));
  return r.value;
};

describe("long inventory — argument validation", () => {
  test("every rejected cell is listed with its address and reason, all at once", () => {
    const r = read([
      ["City", "Sector", "Year", "Emissions", "Unit"],
      ["长沙", "Industry", 2019, "abc", "Mt"], // text in a number cell
      ["长沙", "Industry", 2020, -3, "Mt"], // negative
      ["长沙", "Industry", "20x0", 1, "Mt"], // bad year
      ["", "Industry", 2021, 4, "Mt"], // blank city
      ["长沙", "", 2022, 4, "Mt"], // blank sector
      ["长沙", "Industry", 2023, 5, "furlong"], // unknown unit
      ["长沙", "Industry", 2024, 5, "tce"], // energy, not mass
      ["长沙", "Industry", null, 6, "Mt"], // blank year
      ["长沙", "Industry", 2019, 7, "Mt"],
      ["长沙", "Industry", 2019, 8, "Mt"], // duplicate entry
      ["长沙", "Industry", 2025, "#N/A", "Mt"], // Excel error
      ["长沙", "Industry", 2026, true, "Mt"], // logical value
    ]);
    expect(messages(r)).toEqual([
      'Inventory!D2: "abc" is not a number',
      "Inventory!D3: -3 is negative; emissions must be zero or more",
      'Inventory!C4: "20x0" is not a number',
      "Inventory!A5: the city is blank on a row with values",
      "Inventory!B6: the sector is blank on a row with values",
      'Inventory!E7: "furlong" is not a known unit (t, 万t, Mt, 亿t, kt, Gt, tce, GJ)',
      'Inventory!E8: "tce" is not an emissions unit; use a mass unit (t, 万t, Mt, 亿t)',
      "Inventory!C9: year is blank",
      'Inventory!D12: contains the Excel error "#N/A"',
      'Inventory!D13: "TRUE" is a logical value, not a number',
      "Inventory!D11: 长沙 / Industry 2019 is given twice (first at Inventory!D10)",
    ]);
  });
  test("a missing unit with no chooser is one issue at the emissions header", () => {
    expect(
      messages(
        read([
          ["City", "Year", "Emissions"],
          ["长沙", 2019, 1],
          ["长沙", 2020, 2],
        ]),
      ),
    ).toEqual([
      'Inventory!C1: no unit stated: choose one with the unit chooser (t, 万t, Mt, 亿t …), add a Unit/单位 column or a units row, or name it in the header (e.g. "Emissions (Mt)")',
    ]);
  });
  test("an unknown unit chooser is reported at the unit argument", () => {
    const r = read(
      [
        ["City", "Year", "Emissions"],
        ["长沙", 2019, 1],
      ],
      "bushel",
    );
    expect(!r.ok && [r.issues[0].code, r.issues[0].path]).toEqual(["unknown_unit", ["unit"]]);
  });
  test("a header with no rows under it has no values", () => {
    expect(messages(read([["City", "Year", "Emissions"]], "Mt"))).toEqual(["Inventory!C1: no emission values under this header"]);
  });
  test("messages come in Chinese too", () => {
    const r = read(
      [
        ["城市", "年份", "排放量"],
        ["", 2019, 1],
      ],
      "万t",
    );
    expect(!r.ok && formatIssue(r.issues[0], "zh")).toBe("Inventory!A2: 该行有数值，但城市为空");
  });
});

describe("long inventory — edge cases", () => {
  test("Chinese headers, a unit chooser, unordered rows, a blank value as a gap", () => {
    const v = inv(
      read(
        [
          ["城市", "部门", "年份", "排放量"],
          ["株洲", "工业", 2020, 2],
          ["长沙", "工业", 2019, 1],
          ["株洲", "工业", 2019, null],
          ["长沙", "交通", 2020, 3],
        ],
        "万t",
      ),
    );
    expect([v.cities, v.sectors, v.years, v.unit, v.toTonnes]).toEqual([["株洲", "长沙"], ["工业", "交通"], [2019, 2020], "万t", 1e4]);
    expect(inventoryValue(v, "株洲", "工业", 2019)).toBeNaN();
    expect(inventoryValue(v, "长沙", "交通", 2019)).toBeNaN();
    expect(inventoryValue(v, "长沙", "交通", 2020)).toBe(3);
  });
  test('years as text ("2019", "2019年") are years', () => {
    const v = inv(
      read([
        ["City", "Year", "Emissions (Mt)"],
        ["A", "2019", 1],
        ["A", "2020年", 2],
      ]),
    );
    expect(v.years).toEqual([2019, 2020]);
  });
  test("without a sector column the sector is the total", () => {
    const v = inv(
      read(
        [
          ["City", "Year", "Emissions"],
          ["A", 2019, 1],
        ],
        "t",
      ),
    );
    expect([v.hasSectors, v.sectors]).toEqual([false, [TOTAL_SECTOR]]);
  });
  test("blank lines and footnotes (text in the first column only) are skipped", () => {
    const v = inv(read([["City", "Year", "Emissions"], ["A", 2019, 1], [], ["Source: CEADs"], [null, null, null]], "Mt"));
    expect(v.cities).toEqual(["A"]);
  });
  test("mixed units on the sheet are brought to tonnes", () => {
    const v = inv(
      read([
        ["City", "Year", "Emissions", "Unit"],
        ["A", 2019, 1, "Mt"],
        ["A", 2020, 50, "万吨"],
      ]),
    );
    expect([v.unit, v.toTonnes, Array.from(v.values)]).toEqual(["t", 1, [1e6, 5e5]]);
  });
  test("a unit in a title row applies to every value; a unit column cell still wins", () => {
    const v = inv(read([["单位：万吨"], ["城市", "年份", "排放量", "单位"], ["A", 2019, 1, null], ["A", 2020, 2, "万t"]]));
    expect([v.unit, Array.from(v.values)]).toEqual(["万吨", [1, 2]]);
  });
  test("every value remembers its cell", () => {
    const v = inv(
      read(
        [
          ["City", "Year", "Emissions"],
          ["A", 2020, 2],
          ["A", 2019, 1],
        ],
        "Mt",
      ),
    );
    expect(inventorySource(v, 0, 0, 0)).toBe("Inventory!C3");
    expect(inventorySource(v, 0, 0, 1)).toBe("Inventory!C2");
  });
});

describe("long inventory — reference values (CEADs city totals, data/README.md)", () => {
  test("the 长株潭 emission vector reads back exactly, gaps included", () => {
    const v = inv(readInventory(makeGrid("emission vector", changzhutanLongRows())));
    expect(v.unit).toBe("Mt"); // emissions_mt, shown as its symbol
    expect(v.cities).toEqual(["湖南株洲", "湖南湘潭", "湖南长沙"]);
    expect(v.years[0]).toBe(2001);
    expect(v.years[v.years.length - 1]).toBe(2019);
    for (const r of ceadsCityTotals()) expect(inventoryValue(v, r.city, TOTAL_SECTOR, r.year)).toBe(r.mt);
    expect(inventoryValue(v, "湖南株洲", TOTAL_SECTOR, 2014)).toBeNaN(); // a real CEADs gap
    expect(inventoryValue(v, "湖南长沙", TOTAL_SECTOR, 2019)).toBeCloseTo(32.4538, 4);
  });
});

describe("long inventory — invariants", () => {
  test("row order does not change the inventory", () => {
    const rows = changzhutanLongRows();
    fc.assert(
      fc.property(fc.shuffledSubarray(rows.slice(1), { minLength: rows.length - 1, maxLength: rows.length - 1 }), (shuffled) => {
        const a = inv(readInventory(makeGrid("S", rows)));
        const b = inv(readInventory(makeGrid("S", [rows[0], ...shuffled])));
        return a.cities.every((c) => a.years.every((y) => Object.is(inventoryValue(a, c, TOTAL_SECTOR, y), inventoryValue(b, c, TOTAL_SECTOR, y))));
      }),
      { numRuns: 20 },
    );
  });
});

describe("long inventory — cells as ExcelJS delivers them", () => {
  test("a date where a number or a name belongs is rejected as such, not as an Excel error", () => {
    const d = new Date(Date.UTC(2020, 0, 1));
    expect(
      messages(
        read(
          [
            ["City", "Year", "Emissions"],
            ["A", 2019, d],
            [d, 2020, 1],
          ],
          "Mt",
        ),
      ),
    ).toEqual(['Inventory!C2: "2020-01-01" is not a number', 'Inventory!A3: "2020-01-01" is not text']);
  });
});
