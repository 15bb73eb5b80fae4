/**
 * The wide layout (docs/design.md §5 ②, the CEADs "emission matrix"): one row per city (× sector), one column
 * per year. Real files have empty year columns (skipped), unordered rows (fine), note columns after
 * the years (ignored) and title rows above the header (skipped by detection).
 *
 * Without a City column it is one region's sectors × years (the CEADs national `Sum-Sec-Scope 1`
 * sheet): the region comes from the options or the sheet (see region.ts), and a total row
 * (`Total Consumption`) is a check against the sum of the sectors, year by year, not a sector.
 */
import { issue, type Result } from "../issues";
import { InventoryBuilder, labelLetters } from "./builder";
import { readLabelCell, readValueCell } from "./cell-read";
import type { LayoutDetection, YearColumn } from "./detect";
import { gridCell, type Grid } from "./grid";
import type { Inventory } from "./model";
import { rowSteps, runSteps, type RowReader } from "./rows";
import { UnitSource, type UnitOptions } from "./unit-source";
import { isTotalLabel } from "./headers";
import { cellAddress, rangeAddress } from "./address";
import { totalWarnings } from "./totals";
import { regionOfSheet, type RegionOptions } from "./region";

/**
 * Reads a wide-layout inventory. A row with no value in any year column is skipped (blank lines,
 * footnotes); a blank cell is a gap. Rejected (each with its cell): a repeated year header, a value
 * that is not a number or is negative, a blank city or sector on a row with values, a unit that is
 * unknown, not a mass, or missing, and a repeated city (+ sector) row (naming the first).
 *
 * @param d a "wide" detection from {@link detectLayout}.
 * @example readWide(grid, detectLayout(grid).value, { unit: "Mt" })
 */
export function readWide(g: Grid, d: LayoutDetection, options: UnitOptions & RegionOptions = {}): Result<Inventory> {
  return runSteps(rowSteps(wideRows(g, d, options), Infinity));
}

/**
 * The wide layout's {@link RowReader} over `g` (what {@link readWide} runs in one go, and the chunked
 * reader a slice at a time); a repeated year header is reported when it is set up. Throws when `d`
 * is not a wide-layout detection (a programming error).
 * @example runSteps(rowSteps(wideRows(grid, detection, { unit: "Mt" }), 5000)) // same as readWide
 */
export function wideRows(g: Grid, d: LayoutDetection, options: UnitOptions & RegionOptions = {}): RowReader {
  const { city, sector, unit } = d.columns;
  if ((city === undefined && sector === undefined) || d.yearColumns.length === 0) throw new Error("readWide needs a wide-layout detection");
  // No City column: one region's sectors × years.
  const region = city === undefined ? regionOfSheet(g.sheet, options) : undefined;
  const b = new InventoryBuilder(g.sheet, "wide", sector !== undefined, region === undefined ? "wide" : "sectors-years");
  b.labelColumns = labelLetters(g, city, sector);
  const issues = b.issues;
  const firstYearCol = new Map<number, YearColumn>();
  const cols: YearColumn[] = [];
  for (const yc of d.yearColumns) {
    const first = firstYearCol.get(yc.year);
    if (first) {
      issues.push(
        issue("inventory_year_duplicate", ["inventory", yc.row, yc.col], {
          year: yc.year,
          cell: gridCell(g, yc.row, yc.col),
          first: gridCell(g, first.row, first.col),
        }),
      );
    } else {
      firstYearCol.set(yc.year, yc);
      cols.push(yc);
    }
  }
  const anchor = gridCell(g, d.headerRow, (city ?? sector)!);
  const units = new UnitSource(
    g,
    b,
    options,
    unit,
    d.unitRow,
    cols.map((c) => c.col),
    d.headerUnits,
    anchor,
    d.titleUnit,
  );
  const seen = new Map<string, string>();
  const cellValues: (number | "blank" | "invalid")[] = new Array(cols.length);
  // sectors × years: the total row by year, and the sum of the sector rows by year (tonnes).
  let totalRow: { r: number; label: string; values: (number | "blank" | "invalid")[]; units: number[] } | undefined;
  const sums = new Array<number>(cols.length).fill(0);
  let firstRow = -1;
  let lastRow = -1;
  const readRow = (r: number): void => {
    let any = false;
    for (let k = 0; k < cols.length; k++) {
      cellValues[k] = readValueCell(g, r, cols[k].col, issues);
      if (cellValues[k] !== "blank") any = true;
    }
    if (!any) return;
    const cityName = city === undefined ? region! : readLabelCell(g, r, city, issues);
    const sectorName = sector === undefined ? "" : readLabelCell(g, r, sector, issues);
    if (region !== undefined && sectorName !== undefined && isTotalLabel(sectorName)) {
      totalRow = {
        r,
        label: sectorName,
        values: [...cellValues],
        units: cols.map((c) => {
          const u = units.at(r, c.col);
          return typeof u === "number" ? u : -1;
        }),
      };
      return;
    }
    if (city !== undefined && cityName === "") issues.push(issue("inventory_city_blank", ["inventory", r, city], { cell: gridCell(g, r, city) }));
    if (sector !== undefined && sectorName === "") issues.push(issue("inventory_sector_blank", ["inventory", r, sector], { cell: gridCell(g, r, sector) }));
    if (!cityName || sectorName === undefined || (sector !== undefined && sectorName === "")) return;
    const key = `${cityName}\u0000${sectorName}`;
    const first = seen.get(key);
    const labelCol = (city ?? sector)!;
    if (first !== undefined) {
      issues.push(
        issue("inventory_duplicate_row", ["inventory", r, labelCol], {
          cell: gridCell(g, r, labelCol),
          city: cityName,
          sector: sector === undefined ? undefined : sectorName,
          first,
        }),
      );
      return;
    }
    seen.set(key, gridCell(g, r, labelCol));
    if (firstRow < 0) firstRow = r;
    lastRow = r;
    for (let k = 0; k < cols.length; k++) {
      const v = cellValues[k];
      if (typeof v !== "number") continue;
      const u = units.at(r, cols[k].col); // -1: no usable unit (already an issue); entered for duplicate checks
      if (typeof u === "number") sums[k] += v * b.unitFactor(u);
      b.add(cityName, sectorName, cols[k].year, v, typeof u === "number" ? u : -1, g.origin.row + r, g.origin.col + cols[k].col);
    }
  };
  function* finish(slice: number) {
    if (totalRow && issues.length === 0 && firstRow >= 0) {
      const tr = totalRow;
      const checks = cols.flatMap((c, k) => {
        const v = tr.values[k];
        if (typeof v !== "number" || tr.units[k] < 0) return [];
        const col = g.origin.col + c.col;
        return [
          {
            cell: cellAddress(g.sheet, g.origin.row + tr.r, col),
            label: `${tr.label} ${c.year}`,
            total: v * b.unitFactor(tr.units[k]),
            sum: sums[k],
            range: rangeAddress(g.sheet, g.origin.row + firstRow, col, g.origin.row + lastRow, col),
            unit: tr.units[k],
          },
        ];
      });
      totalWarnings(b, checks, b.warnings);
    }
    units.warnOddRows();
    return yield* b.buildSteps(anchor, slice);
  }
  return {
    firstRow: d.dataRow,
    endRow: g.values.length,
    cellsPerRow: 1 + (sector === undefined ? 0 : 1) + (unit === undefined ? 0 : 1) + cols.length,
    readRow,
    finish,
  };
}
