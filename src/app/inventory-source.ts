/**
 * Where the inventory is, and the one batch read that finds it: the given source (a sheet and range,
 * or a table); else the Settings sheet's Inventory row (a sheet, a range "Sheet!A1:D9" or a table);
 * else the first sheet whose headers make an inventory layout, skipping scenario and output sheets.
 * The scenario sheets are read in the same batch (one `readMany`), since the Settings sheet may name
 * the inventory and its Units row is the unit chooser.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import { fail, findInventoryGrid, issue, makeGrid, ok, parseAddress, readInventory, type Grid, type Inventory, type Issue, type Result } from "../engine";
import type { ReadRequest, WorkbookPort } from "../workbook/port";
import { candidateSheets, lc, locate, type Located } from "./records";
import { SCENARIO_ROLES, type ScenarioRole } from "./scenario-columns";
import { readScenarioGrids, type SettingsSheet, type SheetInput } from "./scenario-sheets";

/** Where the inventory is: a sheet (and range), or a table; `unit` is the chooser for a sheet without units. */
export interface InventorySource {
  sheet?: string;
  address?: string;
  table?: string;
  unit?: string;
}

/** Everything read in one batch. */
/**
 * Who chose the inventory: the caller's source (the pane's step 1, the CLI's --sheet/--table), the
 * Settings sheet's Inventory row (with its cell), or the search for the first sheet that reads as one.
 */
export type InventoryOrigin = { readonly by: "source" } | { readonly by: "settings"; readonly cell?: string } | { readonly by: "found" };

export interface Gathered {
  readonly located: Located;
  readonly scenarioGrids: Partial<Record<ScenarioRole, Grid>>;
  readonly settingsSheet?: SettingsSheet;
  readonly sheetIssues: Issue[];
  readonly raw: SheetInput["raw"];
  /** The inventory grid, or why there is none. */
  readonly inventory: Result<Grid>;
  /** Who chose that inventory. */
  readonly origin: InventoryOrigin;
  /** The unit chooser: the source's, else the Settings sheet's Units. */
  readonly unit?: string;
}

/** The part of a grid inside a rectangle (1-based sheet coordinates). */
function slice(g: Grid, rect: { row: number; col: number; lastRow: number; lastCol: number }): Grid {
  const rows: unknown[][] = [];
  for (let r = rect.row; r <= rect.lastRow; r++) {
    const src = g.values[r - g.origin.row] ?? [];
    const row: unknown[] = [];
    for (let c = rect.col; c <= rect.lastCol; c++) row.push(src[c - g.origin.col] ?? null);
    rows.push(row);
  }
  return makeGrid(g.sheet, rows, { row: rect.row, col: rect.col });
}

/**
 * Reads the scenario sheets and the inventory (or the sheets that may hold it) of a located workbook
 * in one batch, and finds the inventory grid (see the file comment).
 * @example const g = await gather(port, located, { sheet: "Data" }); if (g.ok) g.value.inventory
 */
export async function gather(port: WorkbookPort, l: Located, source: InventorySource | undefined): Promise<Result<Gathered>> {
  const roles = SCENARIO_ROLES.filter((r) => l.scenario[r] !== undefined);
  const requests: ReadRequest[] = roles.map((r) => ({ kind: "range", sheet: l.scenario[r]! }));
  const explicit = source?.table !== undefined || source?.sheet !== undefined;
  const candidates = explicit ? [] : candidateSheets(l);
  if (source?.table !== undefined) requests.push({ kind: "table", name: source.table });
  else if (source?.sheet !== undefined) requests.push({ kind: "range", sheet: source.sheet, address: source.address });
  else for (const s of candidates) requests.push({ kind: "range", sheet: s });
  const read = await port.readMany(requests);
  if (!read.ok) return read;
  const grids = read.value;
  const scenarioGrids: Partial<Record<ScenarioRole, Grid>> = {};
  roles.forEach((r, i) => (scenarioGrids[r] = grids[i]));
  const sheetInput = readScenarioGrids(scenarioGrids);
  const rest = grids.slice(roles.length);
  const st = sheetInput.settingsSheet;

  let inventory: Result<Grid>;
  let origin: InventoryOrigin;
  if (explicit) {
    inventory = ok(rest[0]);
    origin = { by: "source" };
  } else if (st?.inventory !== undefined) {
    inventory = await namedInventory(port, l, st, rest);
    origin = st.cells.inventory !== undefined ? { by: "settings", cell: st.cells.inventory } : { by: "settings" };
  } else {
    const found = findInventoryGrid(rest);
    inventory = found.ok ? ok(found.value.grid, found.warnings) : found;
    origin = { by: "found" };
  }
  return ok({ located: l, scenarioGrids, settingsSheet: st, sheetIssues: sheetInput.issues, raw: sheetInput.raw, inventory, origin, unit: source?.unit ?? st?.units });
}

/** The inventory the Settings sheet names: a sheet, a range "Sheet!A1:D9", or a table. */
async function namedInventory(port: WorkbookPort, l: Located, st: SettingsSheet, read: readonly Grid[]): Promise<Result<Grid>> {
  const ref = st.inventory!;
  const cell = st.cells.inventory;
  const table = l.tables.find((t) => lc(t.name) === lc(ref));
  const addr = table ? parseAddress(table.address) : parseAddress(ref);
  const sheetName = table?.sheet ?? (addr?.sheet !== undefined && ref.includes("!") ? addr.sheet : ref);
  const real = l.sheets.find((s) => lc(s.name) === lc(sheetName))?.name;
  if (real === undefined) return fail([issue("sheet_not_found", ["settings", "inventory"], { sheet: sheetName, cell })]);
  let grid = read.find((g) => lc(g.sheet) === lc(real));
  if (!grid) {
    const r = await port.readRange(real);
    if (!r.ok) return fail(r.issues.map((i) => ({ ...i, cell })));
    grid = r.value;
  }
  if ((table || ref.includes("!")) && addr) return ok(slice(grid, addr));
  return ok(grid);
}

/**
 * Finds and reads the inventory as the task pane's preview does, returning the inventory itself
 * (e.g. for peaks straight from an inventory). Fails with every rejected cell.
 * @example const inv = await loadInventory(port, { sheet: "Data" })
 */
export async function loadInventory(port: WorkbookPort, source?: InventorySource): Promise<Result<Inventory>> {
  const loc = await locate(port);
  if (!loc.ok) return loc;
  const g = await gather(port, loc.value, source);
  if (!g.ok) return g;
  const found = g.value.inventory;
  if (!found.ok) return found;
  const read = readInventory(found.value, { unit: g.value.unit });
  return read.ok ? ok(read.value, [...found.warnings, ...read.warnings]) : read;
}
