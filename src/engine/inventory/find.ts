/**
 * Finding the inventory among a workbook's sheets: real downloads (e.g. a CEADs workbook) come
 * with notes/readme/source sheets before or after the data.
 */
import { fail, issue, ok, type Issue, type Result } from "../issues";
import { detectLayout, type LayoutDetection } from "./detect";
import type { Grid } from "./grid";
import type { Inventory } from "./model";
import { readInventory, type ReadInventoryOptions } from "./read";

/** The chosen sheet and its detected layout. */
export interface FoundInventory {
  readonly grid: Grid;
  readonly detection: LayoutDetection;
}

/**
 * The first grid (in the order given, i.e. sheet order) whose headers make an inventory layout.
 * Fails with `inventory_not_found` (listing the sheets checked) when none does. When several do,
 * the first is used and a warning (`inventory_several`) names the others.
 * @example findInventoryGrid([notesGrid, dataGrid]) // ok: { grid: dataGrid, detection: { layout: "wide", … } }
 */
export function findInventoryGrid(grids: readonly Grid[]): Result<FoundInventory> {
  const found: FoundInventory[] = [];
  for (const grid of grids) {
    const d = detectLayout(grid);
    if (d.ok) found.push({ grid, detection: d.value });
  }
  if (found.length === 0) {
    return fail([issue("inventory_not_found", ["sheets"], { sheets: grids.map((g) => g.sheet).join(", ") })]);
  }
  const warnings: Issue[] =
    found.length > 1
      ? [issue("inventory_several", ["sheets"], { used: found[0].grid.sheet, others: found.slice(1).map((f) => f.grid.sheet).join(", ") })]
      : [];
  return ok(found[0], warnings);
}

/**
 * Finds the inventory among `grids` (see {@link findInventoryGrid}) and reads it
 * (see `readInventory`); warnings of both steps come with the result.
 * @example readInventoryFromSheets([notes, data], { unit: "Mt" })
 */
export function readInventoryFromSheets(grids: readonly Grid[], options: ReadInventoryOptions = {}): Result<Inventory> {
  const found = findInventoryGrid(grids);
  if (!found.ok) return found;
  const inv = readInventory(found.value.grid, options);
  return inv.ok ? ok(inv.value, [...found.warnings, ...inv.warnings]) : inv;
}
