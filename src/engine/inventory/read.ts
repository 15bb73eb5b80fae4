/**
 * Reading an inventory from a grid in whichever layout it has (docs/design.md §5): detect, then read — at once
 * ({@link readInventory}) or in slices that yield to the event loop between them, with progress and
 * cancel ({@link readInventoryChunked}). Both run the same steps ({@link inventorySteps}), so they give
 * the same inventory and the same issues in the same order.
 */
import { fail, issue, type Result } from "../issues";
import { detectLayout } from "./detect";
import type { Grid } from "./grid";
import type { Inventory } from "./model";
import { longRows } from "./read-long";
import { matrixRows, type MatrixOptions } from "./read-matrix";
import { wideRows } from "./read-wide";
import { rowSteps, runSteps, type InventoryProgress, type RowReader } from "./rows";

/** Options for {@link readInventory}: the unit chooser, and region/year for a sector × fuel matrix. */
export type ReadInventoryOptions = MatrixOptions;

/**
 * Cells per slice of a chunked read by default: a wide row of 41 years and 3 labels is 44 cells, so
 * a slice is 227 such rows (≈ 2,000 long rows); about 2 ms of work in Node (`npm run bench`).
 */
export const DEFAULT_SLICE_CELLS = 10_000;

/** Something that can say a read was cancelled: an `AbortSignal` (the pane's Cancel) fits. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** How {@link readInventoryChunked} slices, yields, reports and stops. */
export interface ChunkOptions {
  /** Cells per slice (> 0; default {@link DEFAULT_SLICE_CELLS}); rows per slice = cells ÷ cells per row, at least 1. */
  readonly sliceCells?: number;
  /**
   * Called between slices to let the event loop run (default: a `setTimeout(0)` task). A function
   * that returns nothing is a synchronous scheduler: the whole read then runs in one go.
   */
  readonly yieldTo?: () => Promise<void> | void;
  /** Progress before the first slice and after each one: `validating` rows done of total, then `summarising` values placed of total. */
  readonly onProgress?: (p: InventoryProgress) => void;
  /** Checked before every slice: once aborted the read stops and resolves with a `cancelled` issue (during "inventory"). */
  readonly signal?: CancelSignal;
}

/** The layout's row reader for a detected grid. */
function rowReader(grid: Grid, options: ReadInventoryOptions, d: Parameters<typeof longRows>[1]): RowReader {
  switch (d.layout) {
    case "long":
      return longRows(grid, d, options);
    case "wide":
      return wideRows(grid, d, options);
    case "matrix":
      return matrixRows(grid, d, options);
  }
}

/**
 * The steps of reading `grid`: detects the layout (a grid with no inventory layout returns its issues
 * without a step), then yields progress after every slice of about `sliceCells` cells (see
 * `rowSteps`) and returns what {@link readInventory} returns. Setting a reader up (header checks,
 * units) happens before the first step.
 * @param sliceCells cells per slice, > 0 (`Infinity`: every row in one slice).
 * @example for (const p of inventorySteps(grid, {}, 5000)) console.log(p.phase, p.done, p.total)
 */
export function* inventorySteps(grid: Grid, options: ReadInventoryOptions, sliceCells: number): Generator<InventoryProgress, Result<Inventory>, void> {
  const d = detectLayout(grid);
  if (!d.ok) return fail(d.issues);
  return yield* rowSteps(rowReader(grid, options, d.value), sliceCells);
}

/**
 * Detects the layout of `grid` (long, wide or sector × fuel matrix, from English or Chinese
 * headers) and reads it into an {@link Inventory}. Fails with every rejected cell at once, each
 * issue carrying `cell` ("Inventory!C7"); warnings (e.g. a TotalEmissions row that does not match
 * its sectors) come with success.
 *
 * Units come from a Unit/单位 column, a units row, the header ("Emissions (Mt)") or `options.unit`
 * (t, 万t, Mt, 亿t …); with none of these the result is an `inventory_unit_missing` issue.
 *
 * This is {@link inventorySteps} run to the end at once (a 300-city × 10-sector × 41-year inventory
 * takes ≈ 25–45 ms in Node); in a task pane use {@link readInventoryChunked}.
 *
 * @example readInventory(makeGrid("Inventory", [["City", "Year", "Emissions (Mt)"], ["湖南长沙", 2019, 32.45]]))
 *   // ok: cities ["湖南长沙"], years [2019], unit "Mt", values [32.45]
 */
export function readInventory(grid: Grid, options: ReadInventoryOptions = {}): Result<Inventory> {
  return runSteps(inventorySteps(grid, options, Infinity));
}

/**
 * The result of a read stopped by its signal: one `cancelled` issue (during "inventory").
 * @example readCancelled() // { ok: false, issues: [{ during: "inventory", code: "cancelled", path: [] }] }
 */
export function readCancelled<T = never>(): Result<T> {
  return fail([issue("cancelled", [], { during: "inventory" })]);
}

/**
 * Whether a result is a read stopped by its signal (see {@link readCancelled}).
 * @example isReadCancelled(readCancelled()) // true
 */
export function isReadCancelled(r: Result<unknown>): boolean {
  return !r.ok && r.issues.some((i) => i.code === "cancelled");
}

/** A new task: lets timers, input and rendering run before the next slice. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * {@link readInventory} in slices: reads about `sliceCells` cells, reports progress, yields to the
 * event loop (`yieldTo`), checks `signal`, and so on, so that a big inventory (300 cities × 10 sectors
 * × 41 years: 3,000 wide rows or 123,000 long ones) does not freeze a task pane. Resolves with exactly
 * what {@link readInventory} returns — same inventory, same issues with the same cells in the same
 * order, same warnings — whatever the slice size; or, when `signal` was aborted before the read
 * ended, fails with one `cancelled` issue (during "inventory") (nothing else is reported or kept).
 *
 * Progress (`onProgress`): `validating` 0/N, then after each slice rows done/N (N = data rows under
 * the header; every row counted once), then `summarising` 0/V … V/V (V = values accepted: the
 * inventory is built in slices too). Never decreasing. A grid with no inventory layout resolves with
 * its issues and no progress.
 *
 * @throws RangeError when `sliceCells` is not a number > 0 (a programming error).
 * @example await readInventoryChunked(grid, { unit: "Mt" }, { signal: controller.signal, onProgress: (p) => bar(p) })
 * @example await readInventoryChunked(grid, {}, { yieldTo: () => undefined }) // synchronous scheduler (tests)
 */
export async function readInventoryChunked(grid: Grid, options: ReadInventoryOptions = {}, chunk: ChunkOptions = {}): Promise<Result<Inventory>> {
  const sliceCells = chunk.sliceCells ?? DEFAULT_SLICE_CELLS;
  if (typeof sliceCells !== "number" || !(sliceCells > 0)) throw new RangeError(`sliceCells must be a number > 0, not ${String(sliceCells)}`);
  const yieldTo = chunk.yieldTo ?? nextTask;
  const report = chunk.onProgress ?? (() => undefined);
  const steps = inventorySteps(grid, options, sliceCells);
  for (;;) {
    if (chunk.signal?.aborted === true) return readCancelled();
    const step = steps.next();
    if (step.done === true) return step.value;
    report(step.value);
    const pause = yieldTo();
    if (pause !== undefined) await pause;
  }
}

/** Share of the whole read each phase takes on a progress bar (reading the workbook, checking rows, building). */
const PHASE_SPAN: Readonly<Record<InventoryProgress["phase"], readonly [number, number]>> = {
  reading: [0, 0.1],
  validating: [0.1, 0.9],
  summarising: [0.9, 1],
};

/**
 * A read's progress as one fraction 0–1 for a progress bar: `reading` spans 0–0.1, `validating`
 * 0.1–0.9 (by rows done), `summarising` 0.9–1 (by values placed). Non-decreasing along a read's progress reports;
 * `total` 0 counts as done, and `done` outside 0…total is clamped.
 * @example inventoryProgressFraction({ phase: "validating", done: 1500, total: 3000 }) // 0.5
 */
export function inventoryProgressFraction(p: InventoryProgress): number {
  const [from, to] = PHASE_SPAN[p.phase];
  const share = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 1;
  return from + (to - from) * share;
}
