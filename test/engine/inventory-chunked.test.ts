/**
 * Reading an inventory in slices (src/engine/inventory/read.ts readInventoryChunked, rows.ts): the same
 * result as the one-shot readInventory whatever the slice size, progress after every slice, a yield to the
 * event loop between slices, and Cancel. Sizes: a whole country, 300 cities × 10 sectors × 41 years
 * (issue #7), built by test/helpers/inventory-grids.ts.
 */
import fc from "fast-check";
import {
  DEFAULT_SLICE_CELLS,
  detectLayout,
  formatIssue,
  inventoryProgressFraction,
  longRows,
  makeGrid,
  matrixRows,
  readInventory,
  readInventoryChunked,
  rowsPerSlice,
  wideRows,
  type ChunkOptions,
  type Grid,
  type InventoryProgress,
} from "../../src/engine";
import {
  NATIONAL_SHAPE,
  changzhutanWideRows,
  hunanSectorRows,
  longGridArb,
  matrixGridArb,
  syntheticLongRows,
  syntheticMatrixRows,
  syntheticWideRows,
  wideGridArb,
} from "../helpers/inventory-grids";

/** Runs a chunked read with a synchronous scheduler, recording progress and yields. */
async function chunked(grid: Grid, options: Parameters<typeof readInventory>[1] = {}, chunk: ChunkOptions = {}) {
  const progress: InventoryProgress[] = [];
  let yields = 0;
  const result = await readInventoryChunked(grid, options, {
    yieldTo: () => void yields++,
    ...chunk,
    onProgress: (p) => {
      progress.push(p);
      chunk.onProgress?.(p);
    },
  });
  return { result, progress, yields };
}

const validating = (ps: readonly InventoryProgress[]) => ps.filter((p) => p.phase === "validating");
const fractions = (ps: readonly InventoryProgress[]) => ps.map(inventoryProgressFraction);
const nondecreasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);

const wide = makeGrid("Wide", syntheticWideRows(NATIONAL_SHAPE));
const long = makeGrid("Long", syntheticLongRows(NATIONAL_SHAPE));

describe("chunked inventory read — argument validation", () => {
  test.each([0, -1, Number.NaN])("a slice of %p cells is a programming error (RangeError)", async (sliceCells) => {
    await expect(readInventoryChunked(wide, {}, { sliceCells })).rejects.toThrow(RangeError);
  });

  test("bad cells in every slice of a 300 × 10 × 41 inventory are all listed at once, in sheet order, as the one-shot read lists them", async () => {
    const rows = syntheticWideRows(NATIONAL_SHAPE).map((r) => [...r]);
    rows[5][10] = "abc"; // Wide!K6
    rows[1500][3] = -4; // Wide!D1501
    rows[2999][0] = ""; // Wide!A3000: blank city
    rows[3000][43] = "#N/A"; // Wide!AR3001
    const grid = makeGrid("Wide", rows);
    const { result, progress } = await chunked(grid, {}, { sliceCells: 5_000 });
    expect(result).toStrictEqual(readInventory(grid));
    expect(result.ok ? [] : result.issues.map((i) => formatIssue(i))).toEqual([
      'Wide!K6: "abc" is not a number',
      "Wide!D1501: -4 is negative; emissions must be zero or more",
      "Wide!A3000: the city is blank on a row with values",
      'Wide!AR3001: contains the Excel error "#N/A"',
    ]);
    expect(validating(progress).length).toBeGreaterThan(20); // the bad cells sat in different slices
  });

  test("a grid with no inventory layout fails with the same issues and reports no progress", async () => {
    const grid = makeGrid("Notes", [["just notes"], ["and more"]]);
    const { result, progress, yields } = await chunked(grid);
    expect(result).toStrictEqual(readInventory(grid));
    expect([progress, yields]).toEqual([[], 0]);
  });
});

describe("chunked inventory read — edge cases", () => {
  test("cancelled before it starts: resolves cancelled, reads nothing, reports nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const { result, progress } = await chunked(wide, {}, { signal: controller.signal });
    expect(result).toStrictEqual({ ok: false, issues: [{ during: "inventory", code: "cancelled", path: [] }] });
    expect(progress).toEqual([]);
  });

  test("cancelled mid-way: resolves with the cancelled issue only (no inventory, no partial issues) and stops reporting", async () => {
    const rows = syntheticWideRows(NATIONAL_SHAPE).map((r) => [...r]);
    rows[3][5] = "bad"; // read in the first slice: still not reported once cancelled
    const controller = new AbortController();
    const { result, progress } = await chunked(
      makeGrid("Wide", rows),
      {},
      {
        onProgress: (p) => {
          if (p.phase === "validating" && p.done >= 1_000) controller.abort();
        },
        signal: controller.signal,
      },
    );
    expect(result).toStrictEqual({ ok: false, issues: [{ during: "inventory", code: "cancelled", path: [] }] });
    expect([
      formatIssue({ during: "inventory", code: "cancelled", path: [] }),
      formatIssue({ during: "inventory", code: "cancelled", path: [] }, "zh"),
    ]).toEqual(["reading the inventory was cancelled; nothing was changed", "已取消读取排放清单；未做任何更改"]);
    const last = progress[progress.length - 1];
    expect(last.phase).toBe("validating");
    expect(last.done).toBeGreaterThanOrEqual(1_000);
    expect(last.done).toBeLessThan(last.total);
  });

  test("a header with no rows under it: validating 0 of 0, summarising 0 of 0, then the one-shot read's issue", async () => {
    const grid = makeGrid("Wide", [["City", 2019, 2020]]);
    const { result, progress } = await chunked(grid, { unit: "Mt" });
    expect(result).toStrictEqual(readInventory(grid, { unit: "Mt" }));
    expect(progress).toEqual([
      { phase: "validating", done: 0, total: 0 },
      { phase: "summarising", done: 0, total: 0 },
    ]);
  });

  test("a slice smaller than one row still reads one row per slice", async () => {
    const grid = makeGrid("Wide", changzhutanWideRows());
    const { result, progress } = await chunked(grid, {}, { sliceCells: 1 });
    expect(result).toStrictEqual(readInventory(grid));
    // Title row and header, then 3 cities, a blank row and a footnote: 5 data rows, one per slice.
    expect(validating(progress).map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("a synchronous scheduler runs the whole read before readInventoryChunked returns", () => {
    const progress: InventoryProgress[] = [];
    const pending = readInventoryChunked(wide, {}, { yieldTo: () => undefined, onProgress: (p) => progress.push(p) });
    expect(progress[progress.length - 1]).toEqual({ phase: "summarising", done: 123_000, total: 123_000 }); // every value placed
    return pending;
  });

  test("the default scheduler yields a timer task between slices (fake timers drive it)", async () => {
    jest.useFakeTimers();
    try {
      const progress: InventoryProgress[] = [];
      const pending = readInventoryChunked(wide, {}, { onProgress: (p) => progress.push(p) });
      await Promise.resolve();
      expect(progress).toEqual([{ phase: "validating", done: 0, total: 3_000 }]); // waiting for the timer
      await jest.advanceTimersByTimeAsync(0);
      expect(progress.length).toBeGreaterThan(1);
      await jest.runAllTimersAsync();
      expect((await pending).ok).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("chunked inventory read — invariants", () => {
  const sliceCells = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constant(Infinity), fc.double({ min: 0.5, max: 1e5, noNaN: true }));
  const unit = fc.constantFrom(undefined, "Mt", "万t", "kWh");
  const layouts: Array<[string, fc.Arbitrary<unknown[][]>, string]> = [
    ["long", longGridArb, "Inventory"],
    ["wide", wideGridArb, "Wide"],
    ["sector × fuel matrix", matrixGridArb, "Hunan2019"],
  ];

  test.each(layouts)(
    "%s grids: the chunked read equals the one-shot read for any slice size (inventory, issues and their order, warnings)",
    async (_name, grids, sheet) => {
      await fc.assert(
        fc.asyncProperty(grids, sliceCells, unit, async (rows, cells, u) => {
          const grid = makeGrid(sheet, rows);
          const options = u === undefined ? {} : { unit: u };
          const { result } = await chunked(grid, options, { sliceCells: cells });
          expect(result).toStrictEqual(readInventory(grid, options));
        }),
      );
    },
  );

  test.each(layouts)("%s grids: progress never goes back, counts every data row once, and takes one slice per rows-per-slice", async (_name, grids, sheet) => {
    await fc.assert(
      fc.asyncProperty(grids, fc.integer({ min: 1, max: 200 }), async (rows, cells) => {
        const grid = makeGrid(sheet, rows);
        const d = detectLayout(grid);
        const { progress, yields } = await chunked(grid, { unit: "Mt" }, { sliceCells: cells });
        if (!d.ok) return expect(progress).toEqual([]);
        const v = validating(progress);
        const total = rows.length - d.value.dataRow;
        expect(v.every((p) => p.total === total)).toBe(true);
        expect(v[v.length - 1].done).toBe(total);
        expect(nondecreasing(v.map((p) => p.done))).toBe(true);
        expect(nondecreasing(fractions(progress))).toBe(true);
        // Then the build, in slices of values: from 0 to every value accepted.
        const s = progress.filter((p) => p.phase === "summarising");
        expect(progress).toEqual([...v, ...s]);
        expect([s[0].done, s[s.length - 1].done]).toEqual([0, s[0].total]);
        expect(s.length).toBe(1 + Math.ceil(s[0].total / Math.floor(cells)));
        // One report before the first slice, one after each slice, each followed by a yield.
        expect(v.length).toBe(1 + Math.ceil(total / rowsPerSlice(cells, cellsPerRow(grid))));
        expect(yields).toBe(progress.length);
      }),
    );
  });
});

/** Cells per data row of a grid's reader (what the chunked read slices by). */
function cellsPerRow(grid: Grid): number {
  const d = detectLayout(grid);
  if (!d.ok) throw new Error("no layout");
  const make = { long: longRows, wide: wideRows, matrix: matrixRows }[d.value.layout];
  return make(grid, d.value, { unit: "Mt" }).cellsPerRow;
}

describe("chunked inventory read — reference values (300 cities × 10 sectors × 41 years)", () => {
  test.each([
    ["wide", wide, 3_000, 44],
    ["long", long, 123_000, 4],
  ] as const)("%s: 300 × 10 × 41 read in slices with progress, every row counted, equal to the one-shot read", async (_name, grid, rows, cellsPerRow) => {
    const { result, progress, yields } = await chunked(grid);
    expect(result).toStrictEqual(readInventory(grid));
    if (!result.ok) throw new Error(result.issues.map((i) => formatIssue(i)).join("\n"));
    expect([result.value.cities.length, result.value.sectors.length, result.value.years.length]).toEqual([300, 10, 41]);
    expect([result.value.years[0], result.value.years[40]]).toEqual([2020, 2060]);
    const v = validating(progress);
    const slices = Math.ceil(rows / Math.floor(DEFAULT_SLICE_CELLS / cellsPerRow)); // wide: 3,000 / 227 → 14; long: 123,000 / 2,500 → 50
    expect(v.length - 1).toBe(slices);
    expect(slices).toBeGreaterThanOrEqual(14);
    expect(v[v.length - 1]).toEqual({ phase: "validating", done: rows, total: rows });
    expect(nondecreasing(fractions(progress))).toBe(true);
    expect(progress[progress.length - 1]).toEqual({ phase: "summarising", done: 123_000, total: 123_000 }); // 300 × 10 × 41 values placed
    expect(progress.filter((p) => p.phase === "summarising").length - 1).toBe(Math.ceil(123_000 / DEFAULT_SLICE_CELLS));
    expect(yields).toBe(progress.length);
  });

  test("a 3,000-sector × 41-fuel matrix: 3,000 rows in 13 slices (42 cells a row)", async () => {
    const grid = makeGrid("Region2019", syntheticMatrixRows(3_000, 41));
    const { result, progress } = await chunked(grid);
    expect(result).toStrictEqual(readInventory(grid));
    expect(result.ok && [result.value.cities, result.value.sectors.length, result.value.years]).toEqual([["Region"], 3_000, [2019]]);
    expect(validating(progress).length - 1).toBe(Math.ceil(3_000 / Math.floor(DEFAULT_SLICE_CELLS / 42)));
  });

  test("the CEADs Hunan 2019 sector sheet reads the same in slices of one row", async () => {
    const grid = makeGrid("Hunan2019", hunanSectorRows());
    expect((await chunked(grid, {}, { sliceCells: 1 })).result).toStrictEqual(readInventory(grid));
  });

  test.each([
    [{ phase: "reading", done: 0, total: 1 }, 0],
    [{ phase: "reading", done: 1, total: 1 }, 0.1],
    [{ phase: "validating", done: 1_500, total: 3_000 }, 0.5],
    [{ phase: "validating", done: 0, total: 0 }, 0.9],
    [{ phase: "summarising", done: 61_500, total: 123_000 }, 0.95],
    [{ phase: "summarising", done: 123_000, total: 123_000 }, 1],
    [{ phase: "validating", done: 9, total: 3 }, 0.9],
  ] as const)("progress %p is %p of the bar", (p, f) => {
    expect(inventoryProgressFraction(p)).toBeCloseTo(f, 12);
  });
});
