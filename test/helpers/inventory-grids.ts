/**
 * Inventory grids built from the CEADs files in data/ (citation: data/README.md — city totals:
 * Shan et al. 2022, Science Bulletin 67(18); Shan et al. 2019, Scientific Data 6, 27; Hunan 2019
 * sectors: Shan et al. 2020, Scientific Data 7, 54; Guan et al. 2021, Earth's Future 9(11)).
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { makeGrid, readInventory, type Inventory } from "../../src/engine";
import { ceadsCityTotals } from "./ceads";

/** Parses one CSV line with quoted fields ("Farming, Forestry, …"). */
export function csvLine(line: string): string[] {
  const out: string[] = [];
  const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    out.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
    if (m[3] === "") break;
  }
  return out;
}

/** data/ceads-hunan-2019-sectors.csv as sheet cells: the header row as text, numbers as numbers. */
export function hunanSectorRows(): unknown[][] {
  const lines = readFileSync(join(__dirname, "..", "..", "data", "ceads-hunan-2019-sectors.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  return lines.map((l, i) => {
    const cells = csvLine(l);
    return i === 0 ? cells : [cells[0], ...cells.slice(1).map(Number)];
  });
}

/**
 * The CEADs city totals as a wide "emission matrix" sheet the way downloads look: a title row,
 * a header with every year 1997–2019 (years CEADs lacks for all three cities stay as empty columns),
 * cities in a non-alphabetical order, a footnote row.
 */
export function changzhutanWideRows(): unknown[][] {
  const rows = ceadsCityTotals();
  const years = Array.from({ length: 23 }, (_, i) => 1997 + i);
  const cities = ["湖南湘潭", "湖南长沙", "湖南株洲"];
  return [
    ["CO2 emissions of 290 Chinese cities (Unit: Mt)"],
    ["City", ...years],
    ...cities.map((c) => [c, ...years.map((y) => rows.find((r) => r.city === c && r.year === y)?.mt ?? null)]),
    [],
    ["Source: CEADs (ceads.net)"],
  ];
}

/** The CEADs city totals as a long sheet (city, year, emissions), in file order. */
export function changzhutanLongRows(): unknown[][] {
  return [["city", "year", "emissions_mt"], ...ceadsCityTotals().map((r) => [r.city, r.year, r.mt])];
}

/** The CEADs city totals read as an inventory (sheet "emission vector"): 湖南株洲, 湖南湘潭, 湖南长沙, Mt, gaps as published. */
export function changzhutanInventory(): Inventory {
  const r = readInventory(makeGrid("emission vector", changzhutanLongRows()));
  if (!r.ok) throw new Error("the CEADs city totals do not read");
  return r.value;
}

// ---------------------------------------------------------------------------------------------
// Synthetic inventories of any size (deterministic) and fast-check generators of inventory grids

/** How big a synthetic inventory is: cities × sectors × years from `firstYear`. */
export interface InventoryShape {
  readonly cities: number;
  readonly sectors: number;
  readonly years: number;
  /** First year (default 2020). */
  readonly firstYear?: number;
}

/** A whole country's cities over 2020–2060: 300 cities × 10 sectors × 41 years (issue #7). */
export const NATIONAL_SHAPE: InventoryShape = { cities: 300, sectors: 10, years: 41, firstYear: 2020 };

/** City names "City 001" …, sector names "Sector 01" …, and the years of a shape. */
export function shapeNames(shape: InventoryShape): { cities: string[]; sectors: string[]; years: number[] } {
  const first = shape.firstYear ?? 2020;
  return {
    cities: Array.from({ length: shape.cities }, (_, c) => `City ${String(c + 1).padStart(3, "0")}`),
    sectors: Array.from({ length: shape.sectors }, (_, s) => `Sector ${String(s + 1).padStart(2, "0")}`),
    years: Array.from({ length: shape.years }, (_, y) => first + y),
  };
}

/** A deterministic emissions value (Mt, > 0, 3 decimals) for city c, sector s, year index y. */
export function syntheticValue(c: number, s: number, y: number): number {
  const h = Math.imul(c + 1, 2654435761) ^ Math.imul(s + 7, 40503) ^ Math.imul(y + 13, 2246822519);
  return 1 + ((h >>> 0) % 100000) / 1000;
}

/** A wide sheet (City, Sector, Unit, one column per year) of `shape`, unit Mt. */
export function syntheticWideRows(shape: InventoryShape): unknown[][] {
  const { cities, sectors, years } = shapeNames(shape);
  const rows: unknown[][] = [["City", "Sector", "Unit", ...years]];
  cities.forEach((city, c) => sectors.forEach((sector, s) => rows.push([city, sector, "Mt", ...years.map((_, y) => syntheticValue(c, s, y))])));
  return rows;
}

/** A long sheet (City, Sector, Year, Emissions (Mt)) of `shape`: one row per city × sector × year. */
export function syntheticLongRows(shape: InventoryShape): unknown[][] {
  const { cities, sectors, years } = shapeNames(shape);
  const rows: unknown[][] = [["City", "Sector", "Year", "Emissions (Mt)"]];
  cities.forEach((city, c) => sectors.forEach((sector, s) => years.forEach((year, y) => rows.push([city, sector, year, syntheticValue(c, s, y)]))));
  return rows;
}

/** A sector × fuel sheet (name it "Region2019") with `sectors` rows and `fuels` fuel columns, a units row (Mt). */
export function syntheticMatrixRows(sectors: number, fuels: number): unknown[][] {
  const fuelNames = Array.from({ length: fuels }, (_, f) => `Fuel ${f + 1}`);
  return [
    ["Sector", ...fuelNames],
    [null, ...fuelNames.map(() => "Mt")],
    ...Array.from({ length: sectors }, (_, s) => [`Sector ${s + 1}`, ...fuelNames.map((_, f) => syntheticValue(0, s, f))]),
  ];
}

/** Mostly `good`, now and then `bad` (when `dirty`): grids that read and grids with a few bad cells. */
const cellArb = <T, U>(dirty: boolean, good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> =>
  dirty ? fc.oneof({ weight: 20, arbitrary: good }, { weight: 1, arbitrary: bad }) : good;
const names = <T>(values: T[]) => fc.constantFrom(...values);
const city = (dirty: boolean) => cellArb(dirty, names(["长沙", "株洲", "湘潭", "Wuhan"]), names(["", null, true, "#REF!"]));
const sector = (dirty: boolean) => cellArb(dirty, names(["Industry", "Transport", "建筑"]), names(["", null, false]));
/** A value cell: a number ≥ 0 or a blank; when dirty also text, negative, an Excel error, a logical, NaN or a date. */
const value = (dirty: boolean): fc.Arbitrary<unknown> =>
  cellArb(
    dirty,
    fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null, freq: 4 }),
    names<unknown>(["abc", "1,234", "#N/A", "  ", -1, true, Number.NaN, new Date(Date.UTC(2020, 0, 1))]),
  );
const unit = (dirty: boolean) => cellArb(dirty, names(["Mt", "万t", "t"]), names(["kWh", "furlong", null]));
const year = (dirty: boolean) =>
  cellArb(dirty, fc.oneof(fc.integer({ min: 2015, max: 2024 }), names(["2020年", "2021"])), names<unknown>([null, "20x0", 2019.5, 99999]));

/** Long grids (City, Sector, Year, Emissions, Unit): clean ones, and dirty ones with blanks, bad cells and repeats. */
export const longGridArb: fc.Arbitrary<unknown[][]> = fc
  .boolean()
  .chain((dirty) => fc.array(fc.tuple(city(dirty), sector(dirty), year(dirty), value(dirty), unit(dirty)), { minLength: 0, maxLength: 60 }))
  .map((rows) => [["City", "Sector", "Year", "Emissions", "Unit"], ...rows]);

/** Wide grids (City, Sector, Unit and 1–8 year columns, a repeated year now and then): clean and dirty. */
export const wideGridArb: fc.Arbitrary<unknown[][]> = fc
  .boolean()
  .chain((dirty) =>
    fc.record({
      years: dirty
        ? fc.array(fc.integer({ min: 2015, max: 2024 }), { minLength: 1, maxLength: 8 })
        : fc.uniqueArray(fc.integer({ min: 2015, max: 2024 }), { minLength: 1, maxLength: 8 }),
      rows: fc.array(fc.tuple(city(dirty), sector(dirty), unit(dirty), fc.array(value(dirty), { minLength: 8, maxLength: 8 })), {
        minLength: 0,
        maxLength: 40,
      }),
    }),
  )
  .map(({ years, rows }) => [["City", "Sector", "Unit", ...years], ...rows.map(([c, s, u, vs]) => [c, s, u, ...vs.slice(0, years.length)])]);

/** Sector × fuel grids (name the sheet "Hunan2019"): fuels across, a units row, sectors down, a TotalEmissions row now and then. */
export const matrixGridArb: fc.Arbitrary<unknown[][]> = fc
  .boolean()
  .chain((dirty) =>
    fc.record({
      fuels: fc.integer({ min: 1, max: 6 }),
      unit: dirty ? names(["Mt", "万t", "kWh"]) : names(["Mt", "万t"]),
      rows: fc.array(
        fc.tuple(
          cellArb(dirty, names(["Construction", "Urban", "Rural", "Mining", "TotalEmissions"]), names(["", null])),
          fc.array(value(dirty), { minLength: 6, maxLength: 6 }),
        ),
        { minLength: 0, maxLength: 30 },
      ),
    }),
  )
  .map(({ fuels, unit, rows }) => {
    const fuelNames = ["Raw Coal", "Coke", "Natural Gas", "Diesel oil", "Process", "Other"].slice(0, fuels);
    return [["Sector", ...fuelNames], [null, ...fuelNames.map(() => unit)], ...rows.map(([s, vs]) => [s, ...vs.slice(0, fuels)])];
  });
