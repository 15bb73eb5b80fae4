/**
 * CEADs workbooks exactly as published (layouts: docs/inventories.md), read as the add-in reads them.
 * Provincial and city files: test/fixtures/ceads/*.xlsx written by openpyxl (scripts/make-ceads-fixtures.py)
 * and read through the ExcelJS adapter; the national workbook: its sheets as a reader receives them
 * (formula cells as their cached results; test/helpers/ceads-national.ts).
 * Real values (data/README.md): Hunan 2019 by sector — TotalEmissions 310.64 Mt (Shan et al. 2020,
 * Scientific Data 7, 54; Guan et al. 2021, Earth's Future 9(11)); city totals of 湖南长沙/株洲/湘潭
 * (Shan et al. 2022, Science Bulletin 67(18); Shan et al. 2019, Scientific Data 6, 27).
 */
import fc from "fast-check";
import {
  detectLayout,
  formatIssue,
  inventoryProgressFraction,
  isReadCancelled,
  inventorySource,
  inventoryValue,
  makeGrid,
  readInventory,
  readInventoryFromSheets,
  planInventoryRead,
  readPlanChunked,
  TOTAL_SECTOR,
  UncachedFormula,
  type Grid,
  type Inventory,
  type Result,
} from "../../src/engine";
import { ceadsCityTotals } from "../helpers/ceads";
import { fileGrids, fixturePath } from "../helpers/ceads-fixtures";
import { hunanSectorRows } from "../helpers/inventory-grids";
import { FUELS_2015, NATIONAL_YEARS, nationalData, nationalGrids } from "../helpers/ceads-national";

const inv = (r: Result<Inventory>): Inventory => {
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
  return r.value;
};
const warnings = (r: Result<Inventory>) => (r.ok ? r.warnings.map((w) => formatIssue(w)) : r.issues.map((i) => `failed: ${formatIssue(i)}`));
/** A region's scope-1 total in a year: the sum of its sectors. */
const total = (v: Inventory, region: string, year: number) =>
  v.sectors.reduce((a, s) => a + (Number.isNaN(inventoryValue(v, region, s, year)) ? 0 : inventoryValue(v, region, s, year)), 0);

/** data/ceads-hunan-2019-sectors.csv: the TotalEmissions row's scope-1 total (Mt). */
const HUNAN_2019 = 310.6416664583151;
const csv = hunanSectorRows().slice(1) as [string, number, number][];
const PROVINCES = [
  "Beijing",
  "Tianjin",
  "Hebei",
  "Shanxi",
  "InnerMongolia",
  "Liaoning",
  "Jilin",
  "Heilongjiang",
  "Shanghai",
  "Jiangsu",
  "Zhejiang",
  "Anhui",
  "Fujian",
  "Jiangxi",
  "Shandong",
  "Henan",
  "Hubei",
  "Hunan",
  "Guangdong",
  "Guangxi",
  "Hainan",
  "Chongqing",
  "Sichuan",
  "Guizhou",
  "Yunnan",
  "Shaanxi",
  "Gansu",
  "Qinghai",
  "Ningxia",
  "Xinjiang",
];

let p2019: Grid[];
let p2015: Grid[];
let city: Grid[];
beforeAll(async () => {
  [p2019, p2015, city] = await Promise.all([
    fileGrids(fixturePath("provincial-2019")),
    fileGrids(fixturePath("provincial-2015")),
    fileGrids(fixturePath("city")),
  ]);
});
const sheet = (grids: Grid[], name: string) => grids.find((g) => g.sheet === name)!;
/** A copy of a grid with one cell changed (zero-based row and column). */
const withCell = (g: Grid, r: number, c: number, v: unknown): Grid =>
  makeGrid(
    g.sheet,
    g.values.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row)),
    g.origin,
  );

describe("CEADs workbooks — argument validation", () => {
  test("a sector × fuel sheet whose year nothing names asks for it, naming the chooser", () => {
    const g = makeGrid("Sheet1", sheet(p2019, "Hunan2019").values);
    const r = readInventory(g, { choosers: { year: "--year" } });
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      'Sheet1!A1: the year of this sector × fuel matrix is unknown: name the sheet like "Hunan2019", put the year in a title row, or choose it with --year',
    ]);
    expect(inv(readInventory(g, { year: 2019 })).years).toEqual([2019]);
  });
  test("two sheets giving the same region and year are an issue naming both cells", () => {
    const g = sheet(p2019, "Hunan2019");
    const r = readInventoryFromSheets([g, makeGrid("Hunan 2019", g.values)]);
    expect(!r.ok && r.issues.length).toBe(47);
    expect(!r.ok && formatIssue(r.issues[0])).toBe(
      "'Hunan 2019'!A5: Hunan / Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy 2019 is given twice (first at Hunan2019!A5)",
    );
  });
});

describe("CEADs provincial inventory, 2019 edition — reference values", () => {
  test("the workbook is read whole: 30 provinces in the file's order, 2019 from the sheet names, 47 sectors, Mt, no warning", () => {
    const r = readInventoryFromSheets(p2019);
    const v = inv(r);
    expect(warnings(r)).toEqual([]);
    expect([v.layout, v.shape, v.unit, v.toTonnes, v.years]).toEqual(["matrix", "sectors-fuels", "Mt", 1e6, [2019]]);
    expect(v.cities).toEqual(PROVINCES);
    expect(v.sheets).toEqual(PROVINCES.map((p) => `${p}2019`));
    expect(v.sectors).toEqual(csv.slice(1).map((r) => r[0]));
  });
  test("Hunan 2019 is 310.64 Mt, the file's TotalEmissions (not twice it: Scope_1_Total is a check, not a fuel)", () => {
    const v = inv(readInventoryFromSheets(p2019));
    expect(total(v, "Hunan", 2019)).toBeCloseTo(HUNAN_2019, 9);
    expect(total(v, "Beijing", 2019)).toBeCloseTo(89.18, 9); // the fixture's Beijing is scaled to the published 89.18 Mt
    expect(total(v, "Hebei", 2019)).toBeCloseTo(914.2, 9);
  });
  test("a sector named Textile Industry (row 17) is a sector, not the header; the 13 sectors above it are kept", () => {
    const v = inv(readInventoryFromSheets(p2019));
    expect(v.sectors.indexOf("Textile Industry")).toBe(12);
    expect(inventoryValue(v, "Hunan", "Textile Industry", 2019)).toBeCloseTo(0.9531073333185409, 12);
    const d = detectLayout(sheet(p2019, "Hunan2019"));
    expect(d.ok && [d.value.headerRow, d.value.unitRow, d.value.dataRow]).toEqual([0, 1, 2]);
  });
  test("scope 1 = fuels + process: Nonmetal Mineral Products is 50.757 Mt, 36.147 Mt of it cement process emissions", () => {
    const v = inv(readInventoryFromSheets(p2019));
    expect(inventoryValue(v, "Hunan", "Nonmetal Mineral Products", 2019)).toBeCloseTo(50.75718320222021, 10);
    expect(inventoryValue(v, "Hunan", "Logging and Transport of Wood and Bamboo", 2019)).toBe(0); // a real zero, not a gap
    const i = v.cities.indexOf("Hunan") * v.sectors.length + v.sectors.indexOf("Textile Industry");
    expect(inventorySource(v, v.cities.indexOf("Hunan"), v.sectors.indexOf("Textile Industry"), 0)).toBe("Hunan2019!A17");
    expect(v.values[i]).toBeGreaterThan(0);
  });
  test("the scope-2 columns are zero in this edition: nothing is reported as scope 2", () => {
    expect(inv(readInventoryFromSheets(p2019)).scope2).toBeUndefined();
  });
});

describe("CEADs provincial inventory, 2015 edition — reference values", () => {
  test("A1 and A2 empty, spaced fuel names, Total Consumption, trailing spaces: the same 47 trimmed sectors and totals", () => {
    const r = readInventoryFromSheets(p2015);
    const v = inv(r);
    expect(warnings(r)).toEqual([]);
    expect([v.shape, v.unit, v.years, v.cities.length]).toEqual(["sectors-fuels", "Mt", [2015], 30]);
    expect(v.sectors).toEqual(csv.slice(1).map((r) => r[0])); // no trailing spaces, no "Total Consumption"
    // The fixture carries the 2019 numbers in the 2015 layout (scripts/make-ceads-fixtures.py).
    expect(total(v, "Hunan", 2015)).toBeCloseTo(HUNAN_2019, 9);
  });
});

describe("CEADs provincial inventory — checks against the file's own totals", () => {
  test("a row whose Scope_1_Total differs from its fuels + process is a warning naming both; the value stays fuels + process", () => {
    const g = sheet(p2019, "Hunan2019");
    const r = readInventory(withCell(g, 16, 22, 1.5)); // W17, Textile Industry's Scope_1_Total
    expect(warnings(r)).toEqual(["Hunan2019!W17: Scope_1_Total 1.5 Mt differs from the sum of Hunan2019!B17:V17, 0.953107 Mt, by -36.46%"]);
    expect(inventoryValue(inv(r), "Hunan", "Textile Industry", 2019)).toBeCloseTo(0.9531073333185409, 12);
  });
  test("a TotalEmissions that differs from the sum of the sectors is a warning naming its cell and the range", () => {
    const g = sheet(p2019, "Hunan2019");
    const r = readInventory(withCell(g, 3, 22, 320));
    expect(warnings(r)).toEqual(["Hunan2019!W4: TotalEmissions 320 Mt differs from the sum of Hunan2019!B5:V51, 310.642 Mt, by -2.92%"]);
  });
  test("a fuel's total that differs from its column is named too", () => {
    const g = sheet(p2019, "Hunan2019");
    const r = readInventory(withCell(g, 3, 1, 200)); // B4, Raw_Coal
    expect(warnings(r)).toEqual([expect.stringMatching(/^Hunan2019!B4: TotalEmissions \(Raw_Coal\) 200 Mt differs from the sum of Hunan2019!B5:B51, /)]);
  });
  test("non-zero scope 2 is kept apart: not in the sector's value, reported as scope 2", () => {
    const g = withCell(withCell(sheet(p2019, "Hunan2019"), 16, 19, 2.25), 3, 19, 2.25); // T17 and T4: Scope_2_Electricity
    const r = readInventory(g);
    const v = inv(r);
    expect(warnings(r)).toEqual([]);
    expect(inventoryValue(v, "Hunan", "Textile Industry", 2019)).toBeCloseTo(0.9531073333185409, 12);
    const s = v.sectors.indexOf("Textile Industry");
    expect(v.scope2?.[s]).toBe(2.25);
    expect(v.scope2?.[0]).toBe(0);
  });
});

describe("CEADs national inventory — reference values", () => {
  const { sectors, byYear } = nationalData();
  const scope1 = (year: number) => byYear.get(year)!.total[21];
  test("read whole, the 23 year sheets make one region's 47 sectors × 1997–2019; sum and Sum-Sec-Scope 1 are named, not added", () => {
    const r = readInventoryFromSheets(nationalGrids(), { defaultRegion: "China" });
    const v = inv(r);
    expect([v.cities, v.years, v.sectors, v.unit]).toEqual([["China"], NATIONAL_YEARS, sectors, "Mt"]);
    expect(warnings(r)).toEqual(["read the 23 region-year sheets 1997 … 2019; not read: sum, Sum-Sec-Scope 1 (choose one of them to read it instead)"]);
    for (const y of NATIONAL_YEARS) expect(total(v, "China", y)).toBeCloseTo(scope1(y), 6);
  });
  test("a sheet named only 2019 is the year 2019", () => {
    const v = inv(readInventory(sheet(nationalGrids(), "2019"), { defaultRegion: "China" }));
    expect([v.cities, v.years, v.sectors.length]).toEqual([["China"], [2019], 47]);
  });
  test("Sum-Sec-Scope 1 (sectors down, years across, A1 empty, Total Consumption a check) reads as one region's series, zeros kept", () => {
    const r = readInventory(sheet(nationalGrids(), "Sum-Sec-Scope 1"), { region: "China", unit: "Mt" });
    const v = inv(r);
    expect(warnings(r)).toEqual([]);
    expect([v.layout, v.shape, v.cities, v.years, v.sectors]).toEqual(["wide", "sectors-years", ["China"], NATIONAL_YEARS, sectors]);
    for (const y of NATIONAL_YEARS) expect(total(v, "China", y)).toBeCloseTo(scope1(y), 6);
    expect(inventoryValue(v, "China", "Logging and Transport of Wood and Bamboo", 1997)).toBe(0);
    expect(inventoryValue(v, "China", "Scrap and waste", 1997)).toBe(0);
    expect(inventoryValue(v, "China", "Scrap and waste", 2019)).toBeGreaterThan(0);
  });
  test("sum (years down, fuels across) reads as one region's totals by year", () => {
    const r = readInventory(sheet(nationalGrids(), "sum"), { region: "China", unit: "Mt" });
    const v = inv(r);
    expect(warnings(r)).toEqual([]);
    expect([v.layout, v.shape, v.sectors, v.years, v.hasSectors]).toEqual(["matrix", "years-fuels", [TOTAL_SECTOR], NATIONAL_YEARS, false]);
    for (const y of NATIONAL_YEARS) expect(inventoryValue(v, "China", TOTAL_SECTOR, y)).toBeCloseTo(scope1(y), 6);
  });
  test("a Total Consumption that differs from its sectors in a year is a warning naming the cell and the column summed", () => {
    const g = sheet(nationalGrids(), "Sum-Sec-Scope 1");
    const r = readInventory(withCell(g, 3, 23, 1), { region: "China", unit: "Mt" }); // X4: 2019
    expect(warnings(r)).toEqual([
      expect.stringMatching(/^'Sum-Sec-Scope 1'!X4: Total Consumption 2019 1 Mt differs from the sum of 'Sum-Sec-Scope 1'!X5:X51, /),
    ]);
  });
  test("the fuel header of the year sheets is the 2015 edition's", () => {
    expect(sheet(nationalGrids(), "1997").values[0].slice(1)).toEqual(FUELS_2015);
  });
});

describe("CEADs city inventory — reference values", () => {
  test("the unit is stated only in the NOTE sheet (million tones 百万吨): Mt", () => {
    const v = inv(readInventoryFromSheets(city));
    expect([v.unit, v.toTonnes]).toEqual(["Mt", 1e6]);
  });
  test("emission vector and emission matrix (text year headers, the 1995 column empty) read the same values, gaps kept", () => {
    const vector = inv(readInventoryFromSheets(city));
    const matrix = inv(readInventoryFromSheets(city.filter((g) => g.sheet !== "emission vector")));
    expect(matrix.layout).toBe("wide");
    expect(matrix.years).not.toContain(1995);
    expect(matrix.years).toEqual(vector.years);
    for (const r of ceadsCityTotals()) {
      // openpyxl stores 16 significant digits: equal to 1e-12 Mt.
      expect(inventoryValue(vector, r.city, TOTAL_SECTOR, r.year)).toBeCloseTo(r.mt, 12);
      expect(inventoryValue(matrix, r.city, TOTAL_SECTOR, r.year)).toBe(inventoryValue(vector, r.city, TOTAL_SECTOR, r.year));
    }
    expect(inventoryValue(matrix, "湖南株洲", TOTAL_SECTOR, 2014)).toBeNaN(); // a real gap
  });
});

describe("CEADs workbooks — invariants", () => {
  test("whatever the sectors are called (Industry, Sector, Total Factor …), the header is row 1 and every value is read", () => {
    const g = sheet(p2019, "Hunan2019");
    const words = fc.constantFrom(
      "Industry",
      "Textile Industry",
      "Sector",
      "Sectors 部门",
      "行业",
      "Category",
      "Total Factor Productivity",
      "Emissions",
      "Unit",
      "2019年 Industry",
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 4, max: 50 }), words), { maxLength: 6 }), (renames) => {
        let h = g;
        const names = new Map<number, string>();
        for (const [r, w] of renames) {
          names.set(r, `${w} ${r}`);
          h = withCell(h, r, 0, `${w} ${r}`);
        }
        const v = inv(readInventory(h));
        return v.sectors.length === 47 && Math.abs(total(v, "Hunan", 2019) - HUNAN_2019) < 1e-9 && [...names.values()].every((n) => v.sectors.includes(n));
      }),
      { numRuns: 40 },
    );
  });
});

describe("CEADs workbooks — read in slices (the task pane's way)", () => {
  test("the 30 province sheets read in slices give what the one-shot read gives; progress never decreases; Cancel stops", async () => {
    const plan = planInventoryRead(p2019);
    if (!plan.ok) throw new Error("no plan");
    const once = inv(readInventoryFromSheets(p2019));
    const seen: number[] = [];
    const sliced = inv(
      await readPlanChunked(plan.value, { sliceCells: 200, yieldTo: () => undefined, onProgress: (p) => seen.push(inventoryProgressFraction(p)) }),
    );
    expect([sliced.cities, sliced.sectors, sliced.years, sliced.sheets]).toEqual([once.cities, once.sectors, once.years, once.sheets]);
    expect(Array.from(sliced.values)).toEqual(Array.from(once.values));
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    const controller = { aborted: false };
    let slices = 0;
    const stopped = await readPlanChunked(plan.value, {
      sliceCells: 200,
      yieldTo: () => void (++slices === 5 && (controller.aborted = true)),
      signal: controller,
    });
    expect(isReadCancelled(stopped)).toBe(true);
  });
});

describe("CEADs workbooks — formulas without a computed value", () => {
  test("a value or a label that is a formula the file holds no result for is a problem naming the cell", () => {
    const g = sheet(nationalGrids(), "Sum-Sec-Scope 1");
    const h = withCell(withCell(g, 6, 3, new UncachedFormula('INDIRECT("\'"&C$1&"\'!W"&ROW())')), 8, 0, new UncachedFormula("'1997'!A9"));
    const r = readInventory(h, { region: "China", unit: "Mt" });
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      "'Sum-Sec-Scope 1'!D7: is a formula (INDIRECT(\"'\"&C$1&\"'!W\"&ROW())) with no computed value: open and save the workbook in Excel, or type the value",
      "'Sum-Sec-Scope 1'!A9: is a formula ('1997'!A9) with no computed value: open and save the workbook in Excel, or type the value",
    ]);
  });
});
