/**
 * The sector × fuel matrix (docs/design.md §5 ③, the CEADs provincial inventory by IPCC sectoral approach):
 * one region and one year, sectors down, fuels across, a units row under the header and a
 * `TotalEmissions` row. The result is an inventory with one city (the region) and one year.
 */
import { issue, type Result } from "../issues";
import { InventoryBuilder } from "./builder";
import { readLabelCell, readValueCell } from "./cell-read";
import type { LayoutDetection, MatrixColumn } from "./detect";
import { cellText, gridAt, gridCell, gridWidth, type Grid } from "./grid";
import { isTotalLabel } from "./headers";
import type { Inventory } from "./model";
import { rowSteps, runSteps, type InventoryProgress, type RowReader } from "./rows";
import { UnitSource, type UnitOptions } from "./unit-source";

/** Options for {@link readMatrix}. */
export interface MatrixOptions extends UnitOptions {
  /** The region's name; default: the sheet name without its year ("Hunan2019" → "Hunan"). */
  readonly region?: string;
  /** The year; default: a year in the sheet name ("Hunan2019") or in a title row above the header. */
  readonly year?: number;
}

const round6 = (x: number) => Number(x.toPrecision(6));

/** Relative difference above which the TotalEmissions row is reported as not matching its sectors. */
export const TOTAL_TOLERANCE = 0.001;

/**
 * Region and year from a CEADs-style sheet name: "Hunan2019" → { region: "Hunan", year: 2019 },
 * "湖南 2019" → { region: "湖南", year: 2019 }, "Sectors" → { region: "Sectors" }.
 */
export function regionYearOfSheet(sheet: string): { region: string; year?: number } {
  const m = /^(.*?)[\s_-]*((?:19|20|21)\d{2})年?$/.exec(sheet.trim());
  if (m && m[1] !== "") return { region: m[1], year: Number(m[2]) };
  return { region: sheet.trim() };
}

function yearInTitle(g: Grid, headerRow: number): number | undefined {
  const width = gridWidth(g);
  for (let r = 0; r < headerRow; r++) {
    for (let c = 0; c < width; c++) {
      const m = /(?:^|\D)((?:19|20|21)\d{2})(?:\D|$)/.exec(cellText(gridAt(g, r, c)));
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

/**
 * Reads a sector × fuel matrix. Each sector's value is its total column ("Scope 1 Total", "合计")
 * when there is one, otherwise the sum of its fuel columns (blank fuel cells count as no use of that
 * fuel; a row with every cell blank is a gap). Scope-2 columns are left out. The `TotalEmissions`
 * row is not a sector: it is compared with the sum of the sectors and a difference above 0.1% is a
 * warning (`inventory_total_mismatch`). Rejected (each with its cell): values that are not numbers
 * or are negative, a blank sector label on a row with values, a repeated sector, bad units; and a
 * year that is neither given, in the sheet name, nor in a title row.
 *
 * @param d a "matrix" detection from {@link detectLayout}.
 * @example readMatrix(grid, detectLayout(grid).value, { unit: "Mt" }) // Hunan2019 → 1 region, 47 sectors, 2019
 */
export function readMatrix(g: Grid, d: LayoutDetection, options: MatrixOptions = {}): Result<Inventory> {
  return runSteps(rowSteps(matrixRows(g, d, options), Infinity));
}

/**
 * The sector × fuel matrix's {@link RowReader} over `g` (what {@link readMatrix} runs in one go, and
 * the chunked reader a slice at a time); an unknown year is reported when it is set up, the
 * TotalEmissions check runs in `finish`. Throws when `d` is not a matrix-layout detection (a
 * programming error).
 * @example runSteps(rowSteps(matrixRows(grid, detection, { unit: "Mt" }), 5000)) // same as readMatrix
 */
export function matrixRows(g: Grid, d: LayoutDetection, options: MatrixOptions = {}): RowReader {
  const label = d.labelColumn;
  if (label === undefined || d.matrixColumns.length === 0) throw new Error("readMatrix needs a matrix-layout detection");
  const b = new InventoryBuilder(g.sheet, "matrix", true);
  const issues = b.issues;
  const fromSheet = regionYearOfSheet(g.sheet);
  const region = options.region ?? fromSheet.region;
  const year = options.year ?? fromSheet.year ?? yearInTitle(g, d.headerRow);
  const anchor = gridCell(g, d.headerRow, label);
  if (year === undefined) issues.push(issue("inventory_matrix_year", ["year"], { cell: anchor, sheet: g.sheet }));
  const total = d.matrixColumns.find((c) => c.kind === "total");
  const used: MatrixColumn[] = total ? [total] : d.matrixColumns.filter((c) => c.kind === "component");
  const units = new UnitSource(g, b, options, undefined, d.unitRow, used.map((c) => c.col), d.headerUnits, anchor, d.titleUnit);
  const seen = new Map<string, string>();
  let totalRow: { tonnes: number; cell: string; unit: number } | undefined;
  let sumTonnes = 0;
  const readRow = (r: number): void => {
    let tonnes = 0;
    let raw = 0;
    let unit: number | undefined;
    let present = 0;
    let rejected = false;
    let mixed = false;
    for (const col of used) {
      const v = readValueCell(g, r, col.col, issues);
      if (v === "blank") continue;
      if (v === "invalid") {
        rejected = true;
        continue;
      }
      const u = units.at(r, col.col);
      if (typeof u !== "number") {
        rejected = true;
        continue;
      }
      if (unit !== undefined && unit !== u) mixed = true;
      unit = u;
      raw += v;
      tonnes += v * b.unitFactor(u);
      present++;
    }
    const name = readLabelCell(g, r, label, issues);
    if (present === 0 && !rejected) return;
    if (name === "") {
      issues.push(issue("inventory_sector_blank", ["inventory", r, label], { cell: gridCell(g, r, label) }));
      return;
    }
    if (name === undefined || rejected || year === undefined || unit === undefined) return;
    const source = total ? gridCell(g, r, total.col) : gridCell(g, r, label);
    if (isTotalLabel(name)) {
      totalRow = { tonnes, cell: source, unit: mixed ? b.unitIndex({ label: "t", toTonnes: 1 }) : unit };
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      issues.push(issue("inventory_duplicate_row", ["inventory", r, label], { cell: gridCell(g, r, label), city: region, sector: name, first }));
      return;
    }
    seen.set(name, gridCell(g, r, label));
    sumTonnes += tonnes;
    const value = mixed ? tonnes : raw;
    const u = mixed ? b.unitIndex({ label: "t", toTonnes: 1 }) : unit;
    b.add(region, name, year, value, u, g.origin.row + r, g.origin.col + (total ? total.col : label));
  };
  function* finish(slice: number): Generator<InventoryProgress, Result<Inventory>, void> {
    if (totalRow && issues.length === 0) {
      const display = b.unitUse(totalRow.unit);
      const diff = Math.abs(totalRow.tonnes - sumTonnes);
      if (diff > TOTAL_TOLERANCE * Math.abs(totalRow.tonnes)) {
        b.warnings.push(
          issue("inventory_total_mismatch", ["inventory"], {
            cell: totalRow.cell,
            total: round6(totalRow.tonnes / display.toTonnes),
            sum: round6(sumTonnes / display.toTonnes),
            unit: display.label,
            percent: Number(((100 * (sumTonnes - totalRow.tonnes)) / (totalRow.tonnes || 1)).toFixed(2)),
          }),
        );
      }
    }
    return yield* b.buildSteps(anchor, slice);
  }
  return { firstRow: d.dataRow, endRow: g.values.length, cellsPerRow: 1 + used.length, readRow, finish };
}
