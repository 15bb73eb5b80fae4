/**
 * The CEADs national inventory as downloaded — "China_CO2_Inventory_1997-2019_(IPCC_Sectoral_Emissions)
 * .xlsx" (docs/inventories.md): NOTE; `sum` (years down A2:A24, fuels across, every value a shared
 * formula with its cached result); `Sum-Sec-Scope 1` (sectors down — row 4 `Total Consumption`, rows
 * 5–51 the 47 sectors with trailing spaces — years 1997–2019 across B1:X1 as numbers, A1 empty, rows
 * 2–3 empty, every value a shared formula with its cached result, zeros included); then one sheet per
 * year named `1997` … `2019`, each a sector × fuel grid like the 2015 provincial sheets.
 *
 * Values: the sector profile and process emissions are CEADs' Hunan 2019 (data/ceads-hunan-2019-sectors
 * .csv; Shan et al. 2020, Scientific Data 7, 54; Guan et al. 2021, Earth's Future 9(11)); the scale by
 * year ({@link nationalScale}), the fuel split and the zero years of `Scrap and waste` are synthetic.
 */
import ExcelJS from "exceljs";
import { makeGrid, type Grid } from "../../src/engine";
import { hunanSectorRows } from "./inventory-grids";

export const NATIONAL_YEARS = Array.from({ length: 23 }, (_, i) => 1997 + i);

/** The 2015-edition fuel header (B1:W1). */
export const FUELS_2015 = [
  "Raw Coal",
  "Cleaned Coal",
  "Other Washed Coal",
  "Briquettes",
  "Coke",
  "Coke Oven Gas",
  "Other Gas",
  "Other Coking Products",
  "Crude Oil",
  "Gasoline",
  "Kerosene",
  "Diesel Oil",
  "Fuel Oil",
  "LPG",
  "Refinery Gas",
  "Other Petroleum Products",
  "Natural Gas",
  "Scope 2 Heat",
  "Scope 2 Electricity",
  "Other Energy",
  "Process",
  "Scope 1 Total",
];
/** Synthetic split of a sector's energy emissions over fuel columns (index into FUELS_2015: share). */
const FUEL_SHARES: ReadonlyArray<readonly [number, number]> = [
  [0, 0.5],
  [4, 0.1],
  [9, 0.1],
  [11, 0.15],
  [16, 0.15],
];
const PROCESS = 20;
const TOTAL = 21;

/** Synthetic national scale of the Hunan profile in a year (≈ 30× Hunan, growing). */
export const nationalScale = (year: number): number => 10 + 0.9 * (year - 1997);

/** `Scrap and waste` is 0 in these years (as the national file has zeros there). */
const SCRAP_ZERO_UNTIL = 2002;

/** The sectors (trimmed) and, per year, each sector's 22 values and the total row. */
export function nationalData(): { sectors: string[]; byYear: Map<number, { rows: number[][]; total: number[] }> } {
  const csv = hunanSectorRows().slice(1) as [string, number, number][];
  const sectors = csv.slice(1).map((r) => r[0]);
  const byYear = new Map<number, { rows: number[][]; total: number[] }>();
  for (const year of NATIONAL_YEARS) {
    const k = nationalScale(year);
    const rows = csv.slice(1).map(([name, scope1, process]) => {
      const zero = name === "Scrap and waste" && year <= SCRAP_ZERO_UNTIL;
      const row = new Array<number>(22).fill(0);
      if (zero) return row;
      for (const [col, share] of FUEL_SHARES) row[col] = (scope1 - process) * k * share;
      row[PROCESS] = process * k;
      row[TOTAL] = row.reduce((a, b, i) => (i < TOTAL && i !== 17 && i !== 18 ? a + b : a), 0);
      return row;
    });
    const total = Array.from({ length: 22 }, (_, c) => rows.reduce((a, r) => a + r[c], 0));
    byYear.set(year, { rows, total });
  }
  return { sectors, byYear };
}

/** A cell: a value, or a shared formula with its cached result. */
type Cell = string | number | null | { formula: string; result: number; master?: string };

/** The workbook as sheets of cells (formulas with the cached results the file holds). */
export function nationalSheets(): { name: string; rows: Cell[][] }[] {
  const { sectors, byYear } = nationalData();
  const sheets: { name: string; rows: Cell[][] }[] = [
    {
      name: "NOTE",
      rows: [
        ["China CO2 Inventory 1997-2019 (IPCC Sectoral Emissions) — layout of the CEADs download"],
        ["Test fixture: Hunan 2019's sector profile (CEADs) on a synthetic national scale"],
      ],
    },
  ];
  // sum: years down, fuels across — INDIRECT lookups of each year sheet's total row.
  const sum: Cell[][] = [[null, ...FUELS_2015]];
  NATIONAL_YEARS.forEach((year, i) => {
    sum.push([
      year,
      ...byYear
        .get(year)!
        .total.map((v, c) => ({ formula: `INDIRECT("'"&$A${i + 2}&"'!"&ADDRESS(4,COLUMN()))`, result: v, master: i === 0 && c === 0 ? "B2:W24" : undefined })),
    ]);
  });
  sheets.push({ name: "sum", rows: sum });
  // Sum-Sec-Scope 1: sectors down, years across — each year sheet's Scope 1 Total column.
  const sec: Cell[][] = [[null, ...NATIONAL_YEARS], [], []];
  const secRow = (label: string, r: number, values: number[]) =>
    [
      label,
      ...values.map((v, k) => ({ formula: `INDIRECT("'"&${colName(k + 2)}$1&"'!W"&ROW())`, result: v, master: r === 4 && k === 0 ? "B4:X51" : undefined })),
    ] as Cell[];
  sec.push(
    secRow(
      "Total Consumption",
      4,
      NATIONAL_YEARS.map((y) => byYear.get(y)!.total[TOTAL]),
    ),
  );
  sectors.forEach((s, i) =>
    sec.push(
      secRow(
        `${s} `,
        5 + i,
        NATIONAL_YEARS.map((y) => byYear.get(y)!.rows[i][TOTAL]),
      ),
    ),
  );
  sheets.push({ name: "Sum-Sec-Scope 1", rows: sec });
  for (const year of NATIONAL_YEARS) {
    const d = byYear.get(year)!;
    sheets.push({
      name: String(year),
      rows: [
        [null, ...FUELS_2015],
        [null, ...FUELS_2015.map(() => "Mt CO2")],
        [],
        ["Total Consumption", ...d.total],
        ...sectors.map((s, i) => [`${s} `, ...d.rows[i]]),
      ],
    });
  }
  return sheets;
}

function colName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The grids a reader receives from the file: formula cells as their cached results (zeros included). */
export function nationalGrids(): Grid[] {
  return nationalSheets().map((s) =>
    makeGrid(
      s.name,
      s.rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.result : c))),
    ),
  );
}

/** Writes the workbook with ExcelJS: the formula cells as shared formulas with their cached results (`<v>0</v>` too). */
export async function writeNational(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of nationalSheets()) {
    const ws = wb.addWorksheet(s.name);
    let master: { address: string } | undefined;
    s.rows.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c === null || c === undefined) return;
        const cell = ws.getCell(r + 1, k + 1);
        if (typeof c !== "object") cell.value = c;
        else if (c.master !== undefined) {
          cell.value = { formula: c.formula, result: c.result, shareType: "shared", ref: c.master } as ExcelJS.CellValue;
          master = { address: cell.address };
        } else cell.value = { sharedFormula: master!.address, result: c.result } as ExcelJS.CellValue;
      }),
    );
  }
  await wb.xlsx.writeFile(path);
}
