/**
 * The fuels-across matrix (docs/design.md §5 ③, the CEADs inventories by IPCC sectoral approach): fuels across
 * (`Raw_Coal` … `Natural_Gas`, `Other_Energy`, `Process`), often a units row under the header, and
 * for one region either sectors down for one year (`sectors-fuels`: the provincial `Beijing2019`
 * sheets, the national `2019` sheets) or years down (`years-fuels`: the national `sum` sheet).
 *
 * Scope 1 of a row is the sum of its fuel columns and `Process`; the file's own total column
 * (`Scope_1_Total`, `Scope 1 Total`, `Total`) and total row (`TotalEmissions`, `Total Consumption`)
 * are checks, never summed; `Scope_2_*` columns are kept apart (`Inventory.scope2`).
 */
import { issue, type Result } from "../issues";
import { InventoryBuilder } from "./builder";
import { readLabelCell, readValueCell } from "./cell-read";
import type { LayoutDetection, MatrixColumn } from "./detect";
import { gridAt, gridCell, type Grid } from "./grid";
import { headerYear, isTotalLabel } from "./headers";
import type { Inventory } from "./model";
import { regionOfSheet, yearOfSheet, type RegionOptions } from "./region";
import { rowSteps, runSteps, type InventoryProgress, type RowReader } from "./rows";
import { rangeAddress } from "./address";
import { totalWarnings, type TotalCheck } from "./totals";
import { UnitSource, type UnitOptions } from "./unit-source";

export { regionYearOfSheet } from "./region";
export { TOTAL_TOLERANCE } from "./totals";

/** Options for {@link readMatrix}: units, and the region and year the sheet stands for. */
export interface MatrixOptions extends UnitOptions, RegionOptions {}

/**
 * Reads a fuels-across matrix. A row's scope 1 is the sum of its fuel and process columns (blank
 * fuel cells count as no use of that fuel; a row with every cell blank is a gap); a sheet with a
 * total column but no fuel columns (a summary: `scope1_total`, `process`) takes the total column.
 * Checks, each a warning (`inventory_total_mismatch`) naming the file's cell and the cells summed
 * when they differ beyond rounding: every row's total column against its fuels + process; the total
 * row's total (and each fuel's) against the sum of the sectors. Sector names are trimmed.
 * Rejected (each with its cell): values that are not numbers or are negative, a blank label on a row
 * with values, a repeated sector or year, bad units; and a sector × fuel sheet whose year is neither
 * given, in the sheet name, nor in a title row.
 *
 * @param d a "matrix" detection from {@link detectLayout}.
 * @example readMatrix(grid, detectLayout(grid).value, { unit: "Mt" }) // Hunan2019 → 1 region, 47 sectors, 2019
 */
export function readMatrix(g: Grid, d: LayoutDetection, options: MatrixOptions = {}): Result<Inventory> {
  return runSteps(rowSteps(matrixRows(g, d, options), Infinity));
}

/**
 * The fuels-across matrix's {@link RowReader} over `g` (what {@link readMatrix} runs in one go, and
 * the chunked reader a slice at a time); an unknown year is reported when it is set up, the total
 * row checks run in `finish`. Throws when `d` is not a matrix-layout detection (a programming error).
 * @example runSteps(rowSteps(matrixRows(grid, detection, { unit: "Mt" }), 5000)) // same as readMatrix
 */
export function matrixRows(g: Grid, d: LayoutDetection, options: MatrixOptions = {}): RowReader {
  const label = d.labelColumn;
  if (label === undefined || d.matrixColumns.length === 0) throw new Error("readMatrix needs a matrix-layout detection");
  const byYear = d.shape === "years-fuels";
  const b = new InventoryBuilder(g.sheet, "matrix", !byYear, byYear ? "years-fuels" : "sectors-fuels");
  const issues = b.issues;
  const region = regionOfSheet(g.sheet, options);
  const year = byYear ? undefined : yearOfSheet(g, d.headerRow, options);
  const anchor = gridCell(g, d.headerRow, label);
  if (!byYear && year === undefined)
    issues.push(
      issue("inventory_matrix_year", ["year"], {
        cell: anchor,
        sheet: g.sheet,
        ...(options.choosers?.year !== undefined ? { chooser: options.choosers.year } : {}),
      }),
    );
  const totalCol = d.matrixColumns.find((c) => c.kind === "total");
  const parts = d.matrixColumns.filter((c) => c.kind === "fuel" || c.kind === "process");
  const hasFuel = parts.some((c) => c.kind === "fuel");
  // Scope 1 = fuels + process, the total column a check; a summary without fuels takes its total.
  const used: MatrixColumn[] = hasFuel || !totalCol ? parts : [totalCol];
  const check = hasFuel ? totalCol : undefined;
  const scope2Cols = d.matrixColumns.filter((c) => c.kind === "scope2");
  const all = [...used, ...(check ? [check] : []), ...scope2Cols];
  const units = new UnitSource(
    g,
    b,
    options,
    undefined,
    d.unitRow,
    all.map((c) => c.col),
    d.headerUnits,
    anchor,
    d.titleUnit,
  );
  const seen = new Map<string, string>();
  const tonnesOf = (r: number, col: MatrixColumn): { tonnes: number; raw: number; unit: number } | "blank" | "invalid" => {
    const v = readValueCell(g, r, col.col, issues);
    if (v === "blank" || v === "invalid") return v;
    const u = units.at(r, col.col);
    if (typeof u !== "number") return "invalid";
    return { tonnes: v * b.unitFactor(u), raw: v, unit: u };
  };
  const rowChecks: TotalCheck[] = [];
  let totalRow: { r: number; label: string; byCol: Map<number, number>; scope1: number; scope1Cell: string; unit: number } | undefined;
  const colSums = new Map<number, number>();
  let sumScope1 = 0;
  let firstRow = -1;
  let lastRow = -1;
  const readRow = (r: number): void => {
    let tonnes = 0;
    let raw = 0;
    let unit: number | undefined;
    let present = 0;
    let rejected = false;
    let mixed = false;
    const byCol = new Map<number, number>();
    for (const col of used) {
      const x = tonnesOf(r, col);
      if (x === "blank") continue;
      if (x === "invalid") {
        rejected = true;
        continue;
      }
      if (unit !== undefined && unit !== x.unit) mixed = true;
      unit = x.unit;
      raw += x.raw;
      tonnes += x.tonnes;
      byCol.set(col.col, x.tonnes);
      present++;
    }
    let stated: { tonnes: number; unit: number } | undefined;
    if (check) {
      const x = tonnesOf(r, check);
      if (x === "invalid") rejected = true;
      else if (x !== "blank") stated = x;
    }
    let scope2 = 0;
    let scope2Present = false;
    for (const col of scope2Cols) {
      const x = tonnesOf(r, col);
      if (x === "invalid") rejected = true;
      else if (x !== "blank") {
        scope2 += x.tonnes;
        scope2Present = true;
        byCol.set(col.col, x.tonnes);
      }
    }
    const labelCell = gridAt(g, r, label);
    const name = byYear && headerYear(labelCell) !== undefined ? String(headerYear(labelCell)) : readLabelCell(g, r, label, issues);
    if (present === 0 && stated === undefined && !scope2Present && !rejected) return;
    if (name === "") {
      issues.push(issue(byYear ? "year_blank" : "inventory_sector_blank", ["inventory", r, label], { cell: gridCell(g, r, label) }));
      return;
    }
    if (name === undefined || rejected || unit === undefined || (!byYear && year === undefined)) return;
    const t = b.unitIndex({ label: "t", toTonnes: 1 });
    if (isTotalLabel(name)) {
      if (stated) byCol.set(check!.col, stated.tonnes);
      totalRow = {
        r,
        label: name,
        byCol,
        scope1: stated ? stated.tonnes : tonnes,
        scope1Cell: gridCell(g, r, stated ? check!.col : used.length === 1 ? used[0].col : label),
        unit: mixed ? t : unit,
      };
      return;
    }
    if (stated) {
      rowChecks.push({
        cell: gridCell(g, r, check!.col),
        label: check!.header,
        total: stated.tonnes,
        sum: tonnes,
        range: rangeAddress(
          g.sheet,
          g.origin.row + r,
          g.origin.col + Math.min(...used.map((c) => c.col)),
          g.origin.row + r,
          g.origin.col + Math.max(...used.map((c) => c.col)),
        ),
        unit: mixed ? t : unit,
      });
    }
    let rowYear = year;
    if (byYear) {
      const y = headerYear(labelCell);
      if (y === undefined) {
        issues.push(issue("year_not_integer", ["inventory", r, label], { value: name, cell: gridCell(g, r, label) }));
        return;
      }
      rowYear = y;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      issues.push(
        issue("inventory_duplicate_row", ["inventory", r, label], {
          cell: gridCell(g, r, label),
          city: region,
          sector: byYear ? undefined : name,
          year: byYear ? rowYear : undefined,
          first,
        }),
      );
      return;
    }
    seen.set(name, gridCell(g, r, label));
    sumScope1 += tonnes;
    for (const [c, x] of byCol) colSums.set(c, (colSums.get(c) ?? 0) + x);
    if (firstRow < 0) firstRow = r;
    lastRow = r;
    const factor = mixed ? 1 : b.unitFactor(unit);
    const value = mixed ? tonnes : raw;
    const source = used.length === 1 ? used[0].col : label;
    b.add(region, byYear ? "" : name, rowYear!, value, mixed ? t : unit, g.origin.row + r, g.origin.col + source, scope2Present ? scope2 / factor : NaN);
  };
  function* finish(slice: number): Generator<InventoryProgress, Result<Inventory>, void> {
    if (issues.length === 0) {
      const checks: TotalCheck[] = [...rowChecks];
      if (totalRow && firstRow >= 0) {
        const tr = totalRow;
        const range = (c0: number, c1: number) => rangeAddress(g.sheet, g.origin.row + firstRow, g.origin.col + c0, g.origin.row + lastRow, g.origin.col + c1);
        const partCols = used.map((c) => c.col);
        checks.push({
          cell: tr.scope1Cell,
          label: tr.label,
          total: tr.scope1,
          sum: sumScope1,
          range: range(Math.min(...partCols), Math.max(...partCols)),
          unit: tr.unit,
        });
        for (const col of [...used, ...scope2Cols]) {
          const total = tr.byCol.get(col.col);
          if (total === undefined || used.length === 1) continue;
          checks.push({
            cell: gridCell(g, tr.r, col.col),
            label: `${tr.label} (${col.header})`,
            total,
            sum: colSums.get(col.col) ?? 0,
            range: range(col.col, col.col),
            unit: tr.unit,
          });
        }
      }
      totalWarnings(b, checks, b.warnings);
    }
    return yield* b.buildSteps(anchor, slice);
  }
  return { firstRow: d.dataRow, endRow: g.values.length, cellsPerRow: 1 + all.length, readRow, finish };
}
