/**
 * The task pane's inventory preview: finds and reads the inventory (`inventory-source.ts`) and
 * summarizes it — layout, range, cities, sectors, years, unit and totals by year, and the engine's
 * summary (`summarizeInventory`: every region's totals per year, as `carbon-peak inventory` prints
 * them) — with every rejected cell. Nothing is ever written.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import {
  detectLayout,
  fail,
  inventoryIndex,
  isReadCancelled,
  ok,
  readCancelled,
  readPlanChunked,
  summarizeInventory,
  type ChunkOptions,
  type Inventory,
  type InventorySummary,
  type Issue,
  type Result,
} from "../engine";
import type { WorkbookPort } from "../workbook/port";
import { gather, planAddress, type InventoryOrigin, type InventorySource, type ReadAs } from "./inventory-source";
import { locate } from "./records";

/**
 * What the task pane shows before a run. When the layout is recognised but cells are rejected, the
 * preview still succeeds with those `issues` (every bad cell with its address) and empty lists; the
 * Result fails only when no inventory can be located at all (or the workbook cannot be read).
 */
export interface InventoryPreview {
  layout: "long" | "wide" | "matrix";
  sheet: string;
  address: string;
  cities: string[];
  sectors: string[];
  years: number[];
  unit: string;
  /**
   * Sum over cities and sectors per year, in `unit`; `complete` is false when some city × sector has no
   * value that year, and `missing` names those cities (in inventory order; empty when complete).
   */
  totalsByYear: Array<{ year: number; total: number; complete: boolean; missing: string[] }>;
  /**
   * What was read, as `carbon-peak inventory` shows it: the shape, the unit (null when not stated),
   * every region's totals per year, sectors, years, sheets; its `warnings` are all of the read's.
   * Absent when cells were rejected.
   */
  summary?: InventorySummary;
  issues: Issue[];
  warnings: Issue[];
  /** Who chose this inventory: the source asked for, the Settings sheet's Inventory row (and its cell), or the search. */
  chosenBy: InventoryOrigin;
}

function previewOf(inv: Inventory, address: string, readWarnings: readonly Issue[], chosenBy: InventoryOrigin): InventoryPreview {
  const summary = summarizeInventory(inv);
  const warnings = [...readWarnings, ...summary.warnings];
  const C = inv.cities.length;
  const S = inv.sectors.length;
  const totalsByYear = inv.years.map((year, y) => {
    let total = 0;
    const missing: string[] = [];
    for (let c = 0; c < C; c++) {
      let lacks = false;
      for (let s = 0; s < S; s++) {
        const v = inv.values[inventoryIndex(inv, c, s, y)];
        if (Number.isNaN(v)) lacks = true;
        else total += v;
      }
      if (lacks) missing.push(inv.cities[c]);
    }
    return { year, total, complete: missing.length === 0, missing };
  });
  return {
    layout: inv.layout,
    sheet: inv.sheet,
    address,
    cities: [...inv.cities],
    sectors: [...inv.sectors],
    years: [...inv.years],
    unit: inv.unit,
    totalsByYear,
    summary: { ...summary, warnings },
    issues: [],
    warnings,
    chosenBy,
  };
}

/**
 * How {@link previewInventory} reports and stops: the chunked read's options (slice size, scheduler,
 * Cancel), with progress from the start — `reading` 0/1 and 1/1 around the workbook read, then the
 * read's `validating` and `summarising` steps.
 */
export type PreviewOptions = ChunkOptions;

/**
 * Finds and reads the inventory (the given source; else the Settings sheet's Inventory row; else the
 * first sheet whose headers make an inventory layout, skipping scenario and output sheets) and
 * summarizes it for the task pane. See {@link InventoryPreview} for when issues come with success.
 *
 * The cells are read in one workbook call and then parsed and checked in slices (see
 * `readInventoryChunked`), yielding to the event loop between slices, so a big inventory (300 cities ×
 * 10 sectors × 41 years) does not freeze the pane; `options.onProgress` gets every step and
 * `options.signal` is checked after the workbook read and before every slice: once aborted the
 * preview fails with one `cancelled` issue (during "inventory"). Nothing is ever written.
 * @example const p = await previewInventory(port); if (p.ok) p.value.layout // "wide"
 * @example await previewInventory(port, undefined, { signal, onProgress: (p) => bar(inventoryProgressFraction(p)) })
 */
export async function previewInventory(
  port: WorkbookPort,
  source?: InventorySource,
  options: PreviewOptions = {},
  readAs: ReadAs = {},
): Promise<Result<InventoryPreview>> {
  const report = options.onProgress ?? (() => undefined);
  const stopped = () => options.signal?.aborted === true;
  if (stopped()) return readCancelled();
  report({ phase: "reading", done: 0, total: 1 });
  const loc = await locate(port);
  const g = loc.ok ? await gather(port, loc.value, source, readAs) : loc;
  if (stopped()) return readCancelled();
  if (!g.ok) return g;
  const plan = g.value.inventory;
  if (!plan.ok) return plan;
  report({ phase: "reading", done: 1, total: 1 });
  const first = plan.value.grids[0];
  const detected = detectLayout(first);
  if (!detected.ok) return fail(detected.issues);
  const read = await readPlanChunked(plan.value, options);
  const address = planAddress(plan.value);
  if (!read.ok) {
    if (isReadCancelled(read)) return read;
    return ok({
      layout: detected.value.layout,
      sheet: first.sheet,
      address,
      cities: [],
      sectors: [],
      years: [],
      unit: g.value.unit ?? "",
      totalsByYear: [],
      issues: [...read.issues],
      warnings: [...plan.value.warnings],
      chosenBy: g.value.origin,
    });
  }
  return ok(previewOf(read.value, address, read.warnings, g.value.origin));
}

/**
 * What the inventory holds, as read — the engine's summary (`summarizeInventory`) of the inventory
 * {@link previewInventory} finds, read in one go, with every warning of the read: for the task pane's
 * Inventory preview and for `carbon-peak inventory`. Fails with every rejected cell.
 * @example const s = await inventorySummary(port, undefined, { unitOptional: true }); if (s.ok) s.value.regions[0].totals["2019"]
 */
export async function inventorySummary(port: WorkbookPort, source?: InventorySource, readAs: ReadAs = {}): Promise<Result<InventorySummary>> {
  const p = await previewInventory(port, source, { yieldTo: () => undefined }, readAs);
  if (!p.ok) return p;
  if (p.value.issues.length > 0 || p.value.summary === undefined) return fail(p.value.issues);
  return ok(p.value.summary, p.value.summary.warnings);
}
