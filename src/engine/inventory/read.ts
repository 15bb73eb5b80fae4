/**
 * Reading an inventory from a grid in whichever layout it has (DESIGN 5): detect, then read.
 */
import { fail, type Result } from "../issues";
import { detectLayout } from "./detect";
import type { Grid } from "./grid";
import type { Inventory } from "./model";
import { readLong } from "./read-long";
import { readMatrix, type MatrixOptions } from "./read-matrix";
import { readWide } from "./read-wide";

/** Options for {@link readInventory}: the unit chooser, and region/year for a sector × fuel matrix. */
export type ReadInventoryOptions = MatrixOptions;

/**
 * Detects the layout of `grid` (long, wide or sector × fuel matrix, from English or Chinese
 * headers) and reads it into an {@link Inventory}. Fails with every rejected cell at once, each
 * issue carrying `cell` ("Inventory!C7"); warnings (e.g. a TotalEmissions row that does not match
 * its sectors) come with success.
 *
 * Units come from a Unit/单位 column, a units row, the header ("Emissions (Mt)") or `options.unit`
 * (t, 万t, Mt, 亿t …); with none of these the result is an `inventory_unit_missing` issue.
 *
 * @example readInventory(makeGrid("Inventory", [["City", "Year", "Emissions (Mt)"], ["湖南长沙", 2019, 32.45]]))
 *   // ok: cities ["湖南长沙"], years [2019], unit "Mt", values [32.45]
 */
export function readInventory(grid: Grid, options: ReadInventoryOptions = {}): Result<Inventory> {
  const d = detectLayout(grid);
  if (!d.ok) return fail(d.issues);
  switch (d.value.layout) {
    case "long":
      return readLong(grid, d.value, options);
    case "wide":
      return readWide(grid, d.value, options);
    case "matrix":
      return readMatrix(grid, d.value, options);
  }
}
