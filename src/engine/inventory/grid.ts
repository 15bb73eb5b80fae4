/**
 * A grid: the cells of one rectangle of a worksheet as an adapter read them, with where they sit.
 * This is what every inventory reader takes, whichever workbook (Excel, an .xlsx file, a test)
 * they came from.
 */
import { cellAddress, rangeAddress } from "./address";

/**
 * Cells as read: numbers, strings, booleans, `null` (blank), `Date`s and Excel error values
 * (as `"#N/A"` text or `{ error: "#N/A" }`-style objects). Rich-text cells arrive flattened to
 * their text; a merged area has its value in its top-left cell and `null` in the others.
 */
export interface Grid {
  /** Worksheet name, used in every address the readers report. */
  readonly sheet: string;
  /** 1-based row and column of `values[0][0]` on the sheet. */
  readonly origin: { readonly row: number; readonly col: number };
  /** Rows of cells; rows may have different lengths (missing cells are blank). */
  readonly values: readonly (readonly unknown[])[];
}

/**
 * Builds a grid. @param origin 1-based top-left; default A1.
 * @example makeGrid("Inventory", [["City", 2019], ["长沙", 32.45]])
 */
export function makeGrid(sheet: string, values: readonly (readonly unknown[])[], origin = { row: 1, col: 1 }): Grid {
  return { sheet, origin, values };
}

/** The cell at zero-based (r, c) of the grid; `null` outside its rows/columns. */
export function gridAt(g: Grid, r: number, c: number): unknown {
  const row = g.values[r];
  if (row === undefined) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

/** Number of columns: the longest row. @example gridWidth(makeGrid("S", [[1], [1, 2]])) // 2 */
export function gridWidth(g: Grid): number {
  let w = 0;
  for (const row of g.values) if (row.length > w) w = row.length;
  return w;
}

/**
 * The sheet address of the grid cell at zero-based (r, c).
 * @example gridCell(makeGrid("Inventory", [], { row: 3, col: 2 }), 0, 1) // "Inventory!C3"
 */
export function gridCell(g: Grid, r: number, c: number): string {
  return cellAddress(g.sheet, g.origin.row + r, g.origin.col + c);
}

/** The whole grid's address, e.g. `"Inventory!A1:D40"` (`"Inventory!A1"` when empty). */
export function gridAddress(g: Grid): string {
  const h = Math.max(1, g.values.length);
  const w = Math.max(1, gridWidth(g));
  return rangeAddress(g.sheet, g.origin.row, g.origin.col, g.origin.row + h - 1, g.origin.col + w - 1);
}

/** Text of a cell for header matching: strings trimmed, numbers as written, everything else "". */
export function cellText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}
