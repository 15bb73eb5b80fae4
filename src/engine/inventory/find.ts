/**
 * Finding the inventory among a workbook's sheets: real downloads (e.g. a CEADs workbook) come
 * with notes/readme/source sheets before or after the data, state their unit in a notes sheet, or
 * hold one sheet per region and year (`Beijing2019` … `Xinjiang2019`; the national `1997` … `2019`).
 */
import { fail, issue, ok, pushAll, type Issue, type Result } from "../issues";
import { unitInText } from "../units";
import { detectLayout, type LayoutDetection } from "./detect";
import { cellText, gridAt, gridCell, gridWidth, type Grid } from "./grid";
import { mergeInventories } from "./merge";
import type { Inventory } from "./model";
import {
  inventoryProgressFraction,
  isReadCancelled,
  readCancelled,
  readInventory,
  readInventoryChunked,
  type ChunkOptions,
  type ReadInventoryOptions,
} from "./read";
import { regionYearOfSheet } from "./region";
import type { StatedUnit } from "./unit-source";

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
  const found = inventoryGrids(grids);
  if (found.length === 0) return notFound(grids);
  return ok(found[0], several(found[0], found.slice(1)));
}

function inventoryGrids(grids: readonly Grid[]): FoundInventory[] {
  const found: FoundInventory[] = [];
  for (const grid of grids) {
    const d = detectLayout(grid);
    if (d.ok) found.push({ grid, detection: d.value });
  }
  return found;
}

const notFound = (grids: readonly Grid[]) => fail<never>([issue("inventory_not_found", ["sheets"], { sheets: grids.map((g) => g.sheet).join(", ") })]);

const several = (used: FoundInventory, others: readonly FoundInventory[]): Issue[] =>
  others.length > 0 ? [issue("inventory_several", ["sheets"], { used: used.grid.sheet, others: others.map((f) => f.grid.sheet).join(", ") })] : [];

const UNIT_LABEL = /^(units?|单位)(\s*[/／]\s*(units?|单位))?\s*[:：]?$/i;
const UNIT_INLINE = /^(?:units?|单位)(?:\s*[/／]\s*(?:units?|单位))?\s*[:：]\s*(.+)$/i;

/**
 * A mass unit stated in a notes sheet: a "Unit/单位" (or "Unit", "单位：") cell with the unit in the
 * next cell of its row, or "Unit: Mt" in one cell — e.g. CEADs' city inventory, whose NOTE sheet is
 * the only place stating it ("Unit/单位 | million tones 百万吨"). The first 60 rows × 12 columns of
 * each grid are searched, in order. Undefined when none states one.
 * @example unitInNotes([makeGrid("NOTE", [["Unit/单位", "million tones 百万吨"]])]) // { label: "million tones", cell: "NOTE!B1" }
 */
export function unitInNotes(grids: readonly Grid[]): StatedUnit | undefined {
  for (const g of grids) {
    const rows = Math.min(g.values.length, 60);
    const width = Math.min(gridWidth(g), 12);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < width; c++) {
        const t = cellText(gridAt(g, r, c));
        if (t === "") continue;
        const inline = UNIT_INLINE.exec(t);
        const found = inline ? { text: inline[1], col: c } : UNIT_LABEL.test(t) ? nextText(g, r, c, width) : undefined;
        if (!found) continue;
        const u = unitInText(found.text);
        if (u !== undefined && u.unit.kind === "mass") return { label: u.label, cell: gridCell(g, r, found.col) };
      }
    }
  }
  return undefined;
}

function nextText(g: Grid, r: number, c: number, width: number): { text: string; col: number } | undefined {
  for (let k = c + 1; k < width; k++) {
    const t = cellText(gridAt(g, r, k));
    if (t !== "") return { text: t, col: k };
  }
  return undefined;
}

/**
 * {@link unitInNotes} over the grids that are not inventories themselves (notes, readme sheets).
 * @example noteUnitOf([note, data]) // { label: "million tones", cell: "NOTE!B2" }
 */
export function noteUnitOf(grids: readonly Grid[]): StatedUnit | undefined {
  return unitInNotes(grids.filter((g) => !detectLayout(g).ok));
}

/** The region-year sheets of a workbook: sector × fuel sheets whose names give their year (two or more). */
function regionYearSheets(found: readonly FoundInventory[]): FoundInventory[] {
  const each = found.filter((f) => f.detection.shape === "sectors-fuels" && regionYearOfSheet(f.grid.sheet).year !== undefined);
  return each.length >= 2 ? each : [];
}

/** What to read of a workbook: the grids, in order, with the options for them, and what was found on the way. */
export interface InventoryPlan {
  /** One grid, or every region-year sheet (their inventories are merged: see `mergeInventories`). */
  readonly grids: readonly Grid[];
  /** The options to read each of them with (a notes unit, region/year defaults for region-year sheets). */
  readonly options: ReadInventoryOptions;
  /** `inventory_several` or `inventory_sheets_skipped`, when other sheets looked like inventories too. */
  readonly warnings: readonly Issue[];
}

/**
 * Which sheets of a workbook make its inventory, and how to read them:
 *
 * - a workbook of sector × fuel sheets named by region and year (`Beijing2019` … — two or more) is
 *   read whole: every such sheet, one region and year each; other inventory-like sheets (the
 *   national `sum`, `Sum-Sec-Scope 1`) are named in an `inventory_sheets_skipped` warning (read one
 *   by choosing it);
 * - otherwise the first sheet with an inventory layout (see {@link findInventoryGrid}).
 *
 * A unit stated in a notes sheet (see {@link unitInNotes}) counts when the inventory's own cells state
 * none. For region-year sheets `options.region`/`options.year` only name the region/year of sheets
 * whose names do not. Fails with `inventory_not_found` when no grid has an inventory layout.
 * @example planInventoryRead([note, beijing2019, tianjin2019]).value.grids.length // 2
 */
export function planInventoryRead(grids: readonly Grid[], options: ReadInventoryOptions = {}): Result<InventoryPlan> {
  const found = inventoryGrids(grids);
  if (found.length === 0) return notFound(grids);
  const inventories = new Set(found.map((f) => f.grid));
  const noteUnit = options.noteUnit ?? unitInNotes(grids.filter((g) => !inventories.has(g)));
  const withNote = noteUnit !== undefined ? { ...options, noteUnit } : options;
  const each = regionYearSheets(found);
  if (each.length === 0) return ok({ grids: [found[0].grid], options: withNote, warnings: several(found[0], found.slice(1)) });
  const perSheet: ReadInventoryOptions = {
    ...withNote,
    region: undefined,
    year: undefined,
    defaultRegion: options.region ?? options.defaultRegion,
    defaultYear: options.year ?? options.defaultYear,
  };
  const skipped = found.filter((f) => !each.includes(f));
  const warnings =
    skipped.length > 0
      ? [
          issue("inventory_sheets_skipped", ["sheets"], {
            count: each.length,
            first: each[0].grid.sheet,
            last: each[each.length - 1].grid.sheet,
            others: skipped.map((f) => f.grid.sheet).join(", "),
          }),
        ]
      : [];
  return ok({ grids: each.map((f) => f.grid), options: perSheet, warnings });
}

/**
 * The inventories of a plan's grids, read, merged into one: fails with every issue of every grid (and
 * every region-year given twice); warnings of the plan and every read come with the result.
 * @example finishInventoryRead(plan, plan.grids.map((g) => readInventory(g, plan.options)))
 */
export function finishInventoryRead(plan: InventoryPlan, reads: readonly Result<Inventory>[]): Result<Inventory> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [...plan.warnings];
  const parts: Inventory[] = [];
  for (const r of reads) {
    if (r.ok) {
      parts.push(r.value);
      pushAll(warnings, r.warnings);
    } else pushAll(issues, r.issues);
  }
  if (issues.length > 0) return fail(issues);
  const merged = mergeInventories(parts);
  return merged.ok ? ok(merged.value, warnings) : merged;
}

/**
 * Finds the inventory among a workbook's `grids` (in sheet order) and reads it: the plan of
 * {@link planInventoryRead}, every planned grid read at once and merged ({@link finishInventoryRead}).
 * @example readInventoryFromSheets([note, beijing2019, tianjin2019]).value.cities // ["Beijing", "Tianjin"]
 */
export function readInventoryFromSheets(grids: readonly Grid[], options: ReadInventoryOptions = {}): Result<Inventory> {
  const plan = planInventoryRead(grids, options);
  if (!plan.ok) return plan;
  return finishInventoryRead(
    plan.value,
    plan.value.grids.map((g) => readInventory(g, plan.value.options)),
  );
}

/**
 * {@link readInventoryFromSheets}' reading step in slices: every planned grid read with
 * `readInventoryChunked` in turn (same slice size, scheduler and signal), then merged — the same
 * result as reading at once. Progress: `validating` from 0 to the number of grids (each grid's own
 * progress as a fraction of one), then the merged read's end; never decreasing. Cancelled as
 * `readInventoryChunked` is.
 * @example await readPlanChunked(plan, { signal, onProgress: (p) => bar(inventoryProgressFraction(p)) })
 */
export async function readPlanChunked(plan: InventoryPlan, chunk: ChunkOptions = {}): Promise<Result<Inventory>> {
  if (plan.grids.length === 1) {
    const r = await readInventoryChunked(plan.grids[0], plan.options, chunk);
    return r.ok ? ok(r.value, [...plan.warnings, ...r.warnings]) : r;
  }
  const n = plan.grids.length;
  const reads: Result<Inventory>[] = [];
  for (let k = 0; k < n; k++) {
    const report = chunk.onProgress;
    const r = await readInventoryChunked(plan.grids[k], plan.options, {
      ...chunk,
      onProgress: report
        ? (p) => report({ phase: "validating", done: k + Math.min(1, Math.max(0, (inventoryProgressFraction(p) - 0.1) / 0.9)), total: n })
        : undefined,
    });
    if (isReadCancelled(r)) return readCancelled();
    reads.push(r);
  }
  chunk.onProgress?.({ phase: "summarising", done: 1, total: 1 });
  return finishInventoryRead(plan, reads);
}
