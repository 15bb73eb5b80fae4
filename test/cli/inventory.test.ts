/**
 * `carbon-peak inventory` on CEADs workbooks as published (test/fixtures/ceads/, written by openpyxl and
 * LibreOffice from data/ — scripts/make-ceads-fixtures.py; the national workbook written here by ExcelJS
 * with shared formulas). Expected values cite CEADs (data/README.md): Hunan 2019 = 310.64 Mt, the
 * TotalEmissions row of data/ceads-hunan-2019-sectors.csv; the 长株潭 city totals of
 * data/ceads-changzhutan-city-totals.csv.
 */
import { join } from "path";
import { ceadsCityTotals } from "../helpers/ceads";
import { fixturePath } from "../helpers/ceads-fixtures";
import { NATIONAL_YEARS, nationalData, writeNational } from "../helpers/ceads-national";
import { changzhutanWideRows, hunanSectorRows } from "../helpers/inventory-grids";
import { cli, ensureBuilt, tempDir, writeSheets } from "./helpers";

beforeAll(ensureBuilt);
jest.setTimeout(60_000);

interface Summary {
  layout: string;
  unit: string | null;
  regions: { name: string; totals: Record<string, number> }[];
  sectors: string[];
  warnings: { cell: string | null; code: string; message: string }[];
}

function json(...args: string[]): { code: number; s: Summary; err: string } {
  const r = cli("inventory", ...args, "--json");
  return { code: r.code, s: r.code === 0 ? (JSON.parse(r.out) as Summary) : (undefined as unknown as Summary), err: r.err };
}
const region = (s: Summary, name: string) => s.regions.find((r) => r.name === name)!;
const HUNAN_2019 = 310.6416664583151;

describe("carbon-peak inventory — reference values (CEADs as published)", () => {
  test("provincial 2019: 30 provinces read whole, Hunan 310.64 Mt, Beijing 89.18 Mt, 47 sectors, no warning", () => {
    const { code, s } = json(fixturePath("provincial-2019"));
    expect(code).toBe(0);
    expect(Object.keys(s)).toEqual(["layout", "unit", "regions", "sectors", "warnings"]);
    expect([s.layout, s.unit, s.regions.length, s.sectors.length, s.warnings]).toEqual(["sectors-fuels", "Mt", 30, 47, []]);
    expect(Object.keys(region(s, "Hunan").totals)).toEqual(["2019"]);
    expect(region(s, "Hunan").totals["2019"]).toBeCloseTo(HUNAN_2019, 9);
    expect(region(s, "Beijing").totals["2019"]).toBeCloseTo(89.18, 9);
    expect(s.sectors[12]).toBe("Textile Industry");
  });
  test("provincial 2015 edition: the same shape read, sector names trimmed", () => {
    const { code, s } = json(fixturePath("provincial-2015"));
    expect(code).toBe(0);
    expect([s.layout, s.unit, s.regions.length, Object.keys(region(s, "Hunan").totals)]).toEqual(["sectors-fuels", "Mt", 30, ["2015"]]);
    expect(s.sectors.every((x) => x === x.trim())).toBe(true);
  });
  test.each([["city"], ["city-libreoffice"]] as const)("the %s file: unit from its NOTE sheet, 3 cities with CEADs' years and gaps", (name) => {
    const { code, s } = json(fixturePath(name));
    expect(code).toBe(0);
    expect([s.layout, s.unit, s.sectors, s.regions.map((r) => r.name)]).toEqual(["long", "Mt", [], ["湖南长沙", "湖南株洲", "湖南湘潭"]]);
    for (const r of ceadsCityTotals()) expect(region(s, r.city).totals[String(r.year)]).toBeCloseTo(r.mt, 12);
    expect(region(s, "湖南株洲").totals["2014"]).toBeUndefined();
    expect(s.warnings.map((w) => w.code)).toEqual(["inventory_several"]);
  });
  test("--sheet reads the city file's emission matrix (text year headers, empty 1995 column)", () => {
    const { code, s } = json(fixturePath("city"), "--sheet", "emission matrix");
    expect(code).toBe(0);
    expect(s.layout).toBe("wide");
    expect(Object.keys(region(s, "湖南长沙").totals)).not.toContain("1995");
    expect(s.warnings).toEqual([]);
  });
  test("the national workbook (shared formulas with cached results) is read whole from its 23 year sheets", async () => {
    const file = join(tempDir(), "China_CO2_Inventory_1997-2019.xlsx");
    await writeNational(file);
    const { code, s } = json(file, "--region", "China");
    expect(code).toBe(0);
    expect([s.layout, s.unit, s.regions.map((r) => r.name), s.sectors.length]).toEqual(["sectors-fuels", "Mt", ["China"], 47]);
    const { byYear } = nationalData();
    expect(Object.keys(s.regions[0].totals).map(Number)).toEqual(NATIONAL_YEARS);
    for (const y of NATIONAL_YEARS) expect(s.regions[0].totals[String(y)]).toBeCloseTo(byYear.get(y)!.total[21], 6);
    expect(s.warnings.map((w) => w.code)).toEqual(["inventory_sheets_skipped"]);
    expect(json(file).s.regions[0].name).toBe("China_CO2_Inventory_1997-2019"); // no --region: named after the file
  });
});

describe("carbon-peak inventory — the national workbook's formula sheets, read as the file holds them", () => {
  let file: string;
  beforeAll(async () => {
    file = join(tempDir(), "China_CO2_Inventory_1997-2019.xlsx");
    await writeNational(file);
  });
  test("Sum-Sec-Scope 1: shared formulas with cached results, zeros included, one region's 47 sectors × 23 years", () => {
    const { code, s } = json(file, "--sheet", "Sum-Sec-Scope 1", "--region", "China", "--unit", "Mt");
    expect(code).toBe(0);
    expect([s.layout, s.unit, s.sectors.length, s.warnings]).toEqual(["sectors-years", "Mt", 47, []]);
    expect(s.sectors).toContain("Logging and Transport of Wood and Bamboo"); // every cached value is 0: a sector of zeros, not a gap
    const { byYear } = nationalData();
    for (const y of NATIONAL_YEARS) expect(s.regions[0].totals[String(y)]).toBeCloseTo(byYear.get(y)!.total[21], 6);
  });
  test("sum: years down, fuels across, every value a cached shared formula", () => {
    const { code, s } = json(file, "--sheet", "sum", "--region", "China", "--unit", "Mt");
    expect(code).toBe(0);
    expect([s.layout, s.sectors, Object.keys(s.regions[0].totals).length, s.warnings]).toEqual(["years-fuels", [], 23, []]);
  });
});

describe("carbon-peak inventory — units only label values", () => {
  test("without a unit anywhere the inventory is still shown: unit not stated (null in JSON)", async () => {
    const file = join(tempDir(), "no-unit.xlsx");
    await writeSheets(file, { Hunan2019: hunanSectorRows().map((r, i) => (i === 0 ? ["sector", "Scope 1 total", "Process"] : r.slice(0, 3))) });
    const { code, s } = json(file);
    expect(code).toBe(0);
    expect(s.unit).toBeNull();
    expect(region(s, "Hunan").totals["2019"]).toBeCloseTo(HUNAN_2019, 9);
    const text = cli("inventory", file);
    expect(text.out).toMatch(/unit not stated/);
    // peaks too: a peak year does not depend on the unit
    const peaks = cli("peaks", file);
    expect(peaks.code).toBe(0);
    expect(peaks.out).toMatch(/^Hunan2019 \(matrix layout\), 1 cities, 2019–2019, unit not stated$/m);
    // check (a scenario needs a unit) says how to give one
    const check = cli("check", file);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/no unit stated: choose one with --unit \(t, 万t, Mt, 亿t …\)/);
  });
  test.each([
    ["million tonnes", "Mt"],
    ["Mt CO2", "Mt"],
    ["百万吨", "百万吨"],
    ["万吨", "万吨"],
    ["万t", "万t"],
    ["亿吨", "亿吨"],
    ["t", "t"],
  ])("--unit %s is understood (%s)", async (unit, shown) => {
    const file = join(tempDir(), "wide.xlsx");
    await writeSheets(file, { "City CO2": changzhutanWideRows().slice(1) });
    const { code, s } = json(file, "--unit", unit);
    expect(code).toBe(0);
    expect(s.unit).toBe(shown);
  });
});

describe("carbon-peak inventory — argument validation", () => {
  test("a sector × fuel sheet no name or title dates asks for --year; --year gives it", async () => {
    const file = join(tempDir(), "undated.xlsx");
    await writeSheets(file, { Sheet1: hunanSectorRows() });
    const r = cli("inventory", file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Sheet1!A1: the year of this sector × fuel matrix is unknown: .* or choose it with --year/);
    const ok = json(file, "--year", "2019");
    expect(ok.code).toBe(0);
    expect(Object.keys(ok.s.regions[0].totals)).toEqual(["2019"]);
  });
  test("a bad --year, --range without --sheet, a missing file", () => {
    const file = fixturePath("city");
    expect(cli("inventory", file, "--year", "19").code).toBe(2);
    expect(cli("inventory", file, "--range", "A1:B2").code).toBe(2);
    const missing = cli("inventory", join(tempDir(), "nope.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.xlsx/);
  });
  test("a file's total that differs from its sectors is a warning naming the cells (exit 0)", async () => {
    const file = join(tempDir(), "tampered.xlsx");
    const rows = hunanSectorRows();
    rows[1][1] = 320; // TotalEmissions scope-1 total
    await writeSheets(file, { Hunan2019: rows });
    const r = cli("inventory", file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: Hunan2019!B2: TotalEmissions 320 Mt differs from the sum of Hunan2019!B3:B49, 310\.642 Mt, by -2\.92%/);
  });
  test("--help", () => {
    const r = cli("inventory", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--json prints exactly/);
  });
});

describe("carbon-peak inventory — language", () => {
  test("--lang zh prints the summary in Chinese", () => {
    const r = cli("inventory", fixturePath("provincial-2019"), "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/30 个工作表（Beijing2019 … Xinjiang2019） — 部门 × 能源/);
    expect(r.out).toMatch(/Hunan\s+310\.64/);
  });
});
