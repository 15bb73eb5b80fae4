/**
 * Where the inventory is, and the one batch read that finds it: the given source (a sheet and range,
 * or a table); else the Settings sheet's Inventory row (a sheet, a range "Sheet!A1:D9" or a table);
 * else the workbook's sheets, skipping scenario and output sheets: every region-year sheet of a
 * CEADs-style workbook (`Beijing2019` …), or the first sheet whose headers make an inventory layout
 * (the engine's `planInventoryRead`; a unit stated in a notes sheet counts).
 * The scenario sheets are read in the same batch (one `readMany`), since the Settings sheet may name
 * the inventory and its Units row is the unit chooser.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import {
  fail,
  finishInventoryRead,
  gridAddress,
  issue,
  makeGrid,
  noteUnitOf,
  ok,
  parseAddress,
  planInventoryRead,
  readInventory,
  type Grid,
  type Inventory,
  type InventoryPlan,
  type Issue,
  type ReadInventoryOptions,
  type Result,
} from "../engine";
import type { ReadRequest, WorkbookPort } from "../workbook/port";
import { candidateSheets, lc, locate, type Located } from "./records";
import { SCENARIO_ROLES, type ScenarioRole } from "./scenario-columns";
import { readScenarioGrids, type SettingsSheet, type SheetInput } from "./scenario-sheets";

/**
 * Where the inventory is: a sheet (and range), or a table; `unit` is the chooser for a sheet without
 * units; `region`/`year` name the region/year of one-region sheets whose names do not (docs/inventories.md).
 */
export interface InventorySource {
  sheet?: string;
  address?: string;
  table?: string;
  unit?: string;
  region?: string;
  year?: number;
}

/**
 * How the caller reads beyond the source: without a unit (`unitOptional`: peaks and the inventory
 * summary — units only label values), what its choosers are called in messages (the CLI: `--unit`,
 * `--year`), and the region of sheets that name none (the CLI: the file's name).
 */
export type ReadAs = Pick<ReadInventoryOptions, "unitOptional" | "choosers" | "defaultRegion">;

/**
 * Who chose the inventory: the caller's source (the pane's step 1, the CLI's --sheet/--table), the
 * Settings sheet's Inventory row (with its cell), or the search for the first sheet that reads as one.
 */
export type InventoryOrigin = { readonly by: "source" } | { readonly by: "settings"; readonly cell?: string } | { readonly by: "found" };

/** Everything read in one batch. */
export interface Gathered {
  readonly located: Located;
  readonly scenarioGrids: Partial<Record<ScenarioRole, Grid>>;
  readonly settingsSheet?: SettingsSheet;
  readonly sheetIssues: Issue[];
  readonly raw: SheetInput["raw"];
  /** What to read as the inventory (one grid, or a workbook's region-year sheets), or why there is none. */
  readonly inventory: Result<InventoryPlan>;
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
 * in one batch, and plans the inventory read (see the file comment). The other visible sheets are read
 * even when a sheet or table is given: a notes sheet among them may state the unit.
 * @example const g = await gather(port, located, { sheet: "Data" }); if (g.ok) g.value.inventory
 */
export async function gather(port: WorkbookPort, l: Located, source: InventorySource | undefined, readAs: ReadAs = {}): Promise<Result<Gathered>> {
  const roles = SCENARIO_ROLES.filter((r) => l.scenario[r] !== undefined);
  const requests: ReadRequest[] = roles.map((r) => ({ kind: "range", sheet: l.scenario[r]! }));
  const explicit = source?.table !== undefined || source?.sheet !== undefined;
  // The other sheets are read too, when a sheet or table is given: one of them may be notes stating the unit.
  const candidates = candidateSheets(l).filter((s) => source?.table !== undefined || source?.sheet === undefined || lc(s) !== lc(source.sheet));
  for (const s of candidates) requests.push({ kind: "range", sheet: s });
  if (source?.table !== undefined) requests.push({ kind: "table", name: source.table });
  else if (source?.sheet !== undefined) requests.push({ kind: "range", sheet: source.sheet, address: source.address });
  const read = await port.readMany(requests);
  if (!read.ok) return read;
  const grids = read.value;
  const scenarioGrids: Partial<Record<ScenarioRole, Grid>> = {};
  roles.forEach((r, i) => (scenarioGrids[r] = grids[i]));
  const sheetInput = readScenarioGrids(scenarioGrids);
  const rest = grids.slice(roles.length, roles.length + candidates.length);
  const st = sheetInput.settingsSheet;

  const unit = source?.unit ?? st?.units;
  const options: ReadInventoryOptions = { ...readAs, unit, region: source?.region, year: source?.year };
  const one = (grid: Result<Grid>): Result<InventoryPlan> => {
    if (!grid.ok) return grid;
    const noteUnit = noteUnitOf(rest.filter((g) => g !== grid.value && lc(g.sheet) !== lc(grid.value.sheet)));
    return ok({ grids: [grid.value], options: noteUnit !== undefined ? { ...options, noteUnit } : options, warnings: grid.warnings });
  };
  let inventory: Result<InventoryPlan>;
  let origin: InventoryOrigin;
  if (explicit) {
    inventory = one(ok(grids[grids.length - 1]));
    origin = { by: "source" };
  } else if (st?.inventory !== undefined) {
    inventory = one(await namedInventory(port, l, st, rest));
    origin = st.cells.inventory !== undefined ? { by: "settings", cell: st.cells.inventory } : { by: "settings" };
  } else {
    inventory = planInventoryRead(rest, options);
    origin = { by: "found" };
  }
  return ok({ located: l, scenarioGrids, settingsSheet: st, sheetIssues: sheetInput.issues, raw: sheetInput.raw, inventory, origin, unit });
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
 * (e.g. for peaks straight from an inventory, or the inventory summary). Fails with every rejected cell.
 * @example const inv = await loadInventory(port, { sheet: "Data" })
 * @example await loadInventory(port, undefined, { unitOptional: true, choosers: { unit: "--unit" } }) // a CEADs workbook read whole
 */
export async function loadInventory(port: WorkbookPort, source?: InventorySource, readAs: ReadAs = {}): Promise<Result<Inventory>> {
  const loc = await locate(port);
  if (!loc.ok) return loc;
  const g = await gather(port, loc.value, source, readAs);
  if (!g.ok) return g;
  const plan = g.value.inventory;
  if (!plan.ok) return plan;
  return finishInventoryRead(
    plan.value,
    plan.value.grids.map((grid) => readInventory(grid, plan.value.options)),
  );
}

/**
 * The sheet range(s) an inventory plan reads, for records and previews: "Inventory!A1:D25", or
 * "Beijing2019!A1:W51 … Xinjiang2019!A1:W51 (30 sheets)".
 * @example planAddress(plan) // "Hunan2019!A1:W51"
 */
export function planAddress(plan: InventoryPlan): string {
  const gs = plan.grids;
  if (gs.length === 1) return gridAddress(gs[0]);
  return `${gridAddress(gs[0])} … ${gridAddress(gs[gs.length - 1])} (${gs.length} sheets)`;
}
