/**
 * The one row loop every inventory reader runs, in slices. A layout's reader is set up over a grid
 * (header checks, units) as a {@link RowReader}; {@link rowSteps} feeds it the data rows a slice at a
 * time, reporting progress after each slice, and builds the inventory at the end. Driven to the end
 * in one go it is the synchronous reader (`readLong`, `readInventory` …); driven with a yield between
 * slices it is the chunked, cancellable one (`readInventoryChunked`). Same code, so the same result.
 */
import type { Result } from "../issues";
import type { Inventory } from "./model";

/**
 * A layout's reader, set up over one grid: {@link readRow} every data row in order, then
 * {@link finish}. Rows and columns are zero-based grid indexes.
 */
export interface RowReader {
  /** First data row. */
  readonly firstRow: number;
  /** One past the last data row (the grid's row count). */
  readonly endRow: number;
  /** Cells judged per row (label and value columns): the cost of one row when slicing by cells. */
  readonly cellsPerRow: number;
  /** Reads and validates one row: accepted values go to the builder, rejected cells to its issues. */
  readRow(r: number): void;
  /**
   * After the last row: cross-row checks (the total row), then the inventory or every issue, built in
   * steps of about `slice` values (duplicates are found there; see `InventoryBuilder.buildSteps`).
   */
  finish(slice: number): Generator<InventoryProgress, Result<Inventory>, void>;
}

/**
 * Where a chunked inventory read is. Phases in order: `reading` (the workbook is being read; the
 * workflow reports it), `validating` (`done` of `total` data rows parsed and checked), `summarising`
 * (building the inventory: `done` of `total` accepted values placed, duplicates found).
 */
export interface InventoryProgress {
  readonly phase: "reading" | "validating" | "summarising";
  /** Units of work done in this phase (rows while validating). */
  readonly done: number;
  /** Units of work in this phase (data rows while validating, accepted values while summarising, 1 while reading). */
  readonly total: number;
}

/**
 * Rows in one slice: as many as fit in `sliceCells` cells, at least one.
 * @param sliceCells cells per slice (> 0; `Infinity` = every row in one slice).
 * @example rowsPerSlice(10_000, 44) // 227 (a wide row of 41 years and 3 labels)
 * @example rowsPerSlice(Infinity, 5) // Infinity
 */
export function rowsPerSlice(sliceCells: number, cellsPerRow: number): number {
  return Math.max(1, Math.floor(sliceCells / Math.max(1, cellsPerRow)));
}

/**
 * Reads every row of `reader` in slices of about `sliceCells` cells: yields `validating` progress
 * before the first slice and after each one (`done` counts every data row exactly once, ending at
 * `total`), then builds the inventory in slices of about `sliceCells` values, yielding `summarising`
 * progress the same way, and returns the result.
 * Nothing is read until the first `next()`; a caller that stops calling `next()` stops the read.
 * @example runSteps(rowSteps(reader, Infinity)) // the whole read in one go
 */
export function* rowSteps(reader: RowReader, sliceCells: number): Generator<InventoryProgress, Result<Inventory>, void> {
  const { firstRow, endRow } = reader;
  const total = Math.max(0, endRow - firstRow);
  const per = rowsPerSlice(sliceCells, reader.cellsPerRow);
  yield { phase: "validating", done: 0, total };
  for (let r = firstRow; r < endRow;) {
    const end = Math.min(endRow, r + per);
    for (; r < end; r++) reader.readRow(r);
    yield { phase: "validating", done: r - firstRow, total };
  }
  return yield* reader.finish(sliceCells);
}

/**
 * Runs steps to the end at once (the synchronous scheduler) and returns their result.
 * @example runSteps(rowSteps(longRows(grid, detection), Infinity)) // same as readLong(grid, detection)
 */
export function runSteps<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const n = steps.next();
    if (n.done === true) return n.value;
  }
}
