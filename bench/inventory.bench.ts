/**
 * Reading a whole country's inventory in the pane (issue #7): 300 cities × 10 sectors × 41 years, wide
 * (3,000 rows × 44 cells) and long (123,000 rows × 4 cells), from test/helpers/inventory-grids.ts.
 * - sliced read with a synchronous scheduler vs the one-shot `readInventory` (the cost of slicing alone;
 *   both run the same steps);
 * - chunked read yielding a `setImmediate` task between slices (what the pane does, in Node) vs one-shot;
 * - the longest stretch without a yield during the chunked read vs the one-shot read (one task): how long
 *   the pane can be unresponsive at worst, as a fraction of the freeze it replaces.
 * Every read is checked equal to the one-shot read before anything is timed.
 */
import { performance } from "perf_hooks";
import { isDeepStrictEqual } from "util";
import { DEFAULT_SLICE_CELLS, inventorySteps, makeGrid, readInventory, readInventoryChunked, runSteps, type Grid } from "../src/engine";
import { NATIONAL_SHAPE, syntheticLongRows, syntheticWideRows } from "../test/helpers/inventory-grids";
import { compare, medianMs, medianMsAsync, type BenchResult } from "./harness";

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The longest time between two yields of a chunked read (ms), median over runs. */
async function longestSlice(grid: Grid): Promise<number> {
  const longest: number[] = [];
  for (let run = 0; run < 9; run++) {
    let last = performance.now();
    let worst = 0;
    await readInventoryChunked(
      grid,
      {},
      {
        yieldTo: () => {
          const now = performance.now();
          worst = Math.max(worst, now - last);
          return nextTask().then(() => void (last = performance.now()));
        },
      },
    );
    worst = Math.max(worst, performance.now() - last);
    longest.push(worst);
  }
  longest.sort((a, b) => a - b);
  return longest[longest.length >> 1];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export async function inventoryBenchmarks(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [layout, rows] of [
    ["wide", syntheticWideRows(NATIONAL_SHAPE)],
    ["long", syntheticLongRows(NATIONAL_SHAPE)],
  ] as const) {
    const grid = makeGrid("Inventory", rows);
    const oneShot = readInventory(grid);
    if (!oneShot.ok) throw new Error(`the ${layout} inventory does not read`);
    const chunked = await readInventoryChunked(grid, {}, { yieldTo: nextTask });
    if (!isDeepStrictEqual(chunked, oneShot)) throw new Error(`the chunked ${layout} read differs from the one-shot read`);
    const dims = `300×10×41 ${layout}, ${grid.values.length - 1} rows, slices of ${DEFAULT_SLICE_CELLS} cells`;
    results.push(
      compare(
        `inventory read (${dims}): sliced, synchronous scheduler vs one-shot readInventory`,
        () => runSteps(inventorySteps(grid, {}, DEFAULT_SLICE_CELLS)),
        () => readInventory(grid),
      ),
    );
    const base = medianMs(() => readInventory(grid));
    const value = await medianMsAsync(() => readInventoryChunked(grid, {}, { yieldTo: nextTask }));
    results.push({
      name: `inventory read (${dims}): chunked, a setImmediate task between slices vs one-shot`,
      value: round(value),
      unit: "ms",
      baseline: round(base),
      ratio: round(value / base),
    });
    const worst = await longestSlice(grid);
    results.push({
      name: `inventory read (${dims}): longest task of the chunked read vs the one-shot read's one task`,
      value: round(worst),
      unit: "ms",
      baseline: round(base),
      ratio: round(worst / base),
    });
  }
  return results;
}
