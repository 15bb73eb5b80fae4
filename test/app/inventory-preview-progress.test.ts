/**
 * The pane's inventory preview on a whole country's inventory (src/app/inventory-preview.ts previewInventory over
 * the in-memory port): 300 cities × 10 sectors × 41 years (issue #7) read in slices with progress
 * (reading → validating → summarising), Cancel, and every bad cell still listed at once. The values are
 * test/helpers/inventory-grids.ts syntheticValue, so each year's total is computed here independently.
 */
import { formatIssue, inventoryProgressFraction, makeGrid, readInventory, type InventoryProgress } from "../../src/engine";
import { createMemoryPort } from "../../src/workbook/memory";
import { previewInventory, type PreviewOptions } from "../../src/app";
import { NATIONAL_SHAPE, syntheticLongRows, syntheticValue, syntheticWideRows } from "../helpers/inventory-grids";
import { issues, value } from "../helpers/result";

const NOTES = [["Analyst notes"], ["Source", "synthetic"]];

/** Previews with a synchronous scheduler, recording progress. */
async function preview(sheets: Record<string, unknown[][]>, options: PreviewOptions = {}) {
  const port = createMemoryPort(sheets);
  const progress: InventoryProgress[] = [];
  const result = await previewInventory(port, undefined, {
    yieldTo: () => undefined,
    ...options,
    onProgress: (p) => {
      progress.push(p);
      options.onProgress?.(p);
    },
  });
  return { port, result, progress };
}

describe("inventory preview with progress — argument validation", () => {
  test("bad cells anywhere in a 300 × 10 × 41 inventory are all listed at once with their addresses", async () => {
    const rows = syntheticWideRows(NATIONAL_SHAPE).map((r) => [...r]);
    rows[2][4] = "n/a"; // Data!E3
    rows[2000][20] = -1; // Data!U2001
    rows[3000][1] = ""; // Data!B3001: blank sector
    const { result } = await preview({ Notes: NOTES, Data: rows });
    const p = value(result);
    expect(p.issues.map((i) => formatIssue(i))).toEqual([
      'Data!E3: "n/a" is not a number',
      "Data!U2001: -1 is negative; emissions must be zero or more",
      "Data!B3001: the sector is blank on a row with values",
    ]);
    expect(p.issues).toStrictEqual(issues(readInventory(makeGrid("Data", rows))));
    expect([p.layout, p.cities, p.years]).toEqual(["wide", [], []]);
  });

  test("a workbook without an inventory fails as before, after the reading step", async () => {
    const { result, progress } = await preview({ Notes: NOTES });
    expect(issues(result).map((i) => i.code)).toEqual(["inventory_not_found"]);
    expect(progress).toEqual([{ phase: "reading", done: 0, total: 1 }]);
  });
});

describe("inventory preview with progress — edge cases", () => {
  test("Cancel while validating resolves cancelled, writes nothing and leaves the workbook as it was", async () => {
    const rows = syntheticWideRows(NATIONAL_SHAPE);
    const controller = new AbortController();
    const { port, result, progress } = await preview(
      { Notes: NOTES, Data: rows },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === "validating" && p.done >= 1_000) controller.abort();
        },
      },
    );
    expect(result).toStrictEqual({ ok: false, issues: [{ during: "inventory", code: "cancelled", path: [] }] });
    expect(port.memory.log).toEqual([]);
    expect(port.memory.sheetList.map((s) => s.name)).toEqual(["Notes", "Data"]);
    expect(progress.some((p) => p.phase === "summarising")).toBe(false);
  });

  test("Cancel during the workbook read resolves cancelled before any row is checked", async () => {
    const controller = new AbortController();
    const { result, progress } = await preview(
      { Data: syntheticWideRows(NATIONAL_SHAPE) },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === "reading") controller.abort();
        },
      },
    );
    expect(issues(result).map((i) => [i.code, i.during])).toEqual([["cancelled", "inventory"]]);
    expect(progress).toEqual([{ phase: "reading", done: 0, total: 1 }]);
  });

  test("without options the preview is the same as with progress and a synchronous scheduler", async () => {
    const sheets = { Notes: NOTES, Data: syntheticWideRows({ cities: 30, sectors: 3, years: 12 }) };
    const plain = await previewInventory(createMemoryPort(sheets));
    expect((await preview(sheets)).result).toStrictEqual(plain);
  });
});

describe("inventory preview with progress — reference values (300 cities × 10 sectors × 41 years)", () => {
  test.each([
    ["wide", syntheticWideRows(NATIONAL_SHAPE), 3_000],
    ["long", syntheticLongRows(NATIONAL_SHAPE), 123_000],
  ] as const)("%s: 300 cities × 10 sectors × 41 years, progress reading → validating → summarising, every row counted", async (layout, rows, dataRows) => {
    const { result, progress } = await preview({ Notes: NOTES, Data: rows as unknown[][] });
    const p = value(result);
    expect([p.layout, p.address, p.cities.length, p.sectors.length, p.years.length, p.unit]).toEqual([
      layout,
      `Data!A1:${layout === "wide" ? "AR3001" : "D123001"}`,
      300,
      10,
      41,
      "Mt",
    ]);
    expect([p.years[0], p.years[40], p.issues, p.warnings]).toEqual([2020, 2060, [], []]);
    // 2020: Σ over cities and sectors of syntheticValue(c, s, 0), summed in the same order as the preview.
    let total2020 = 0;
    for (let c = 0; c < 300; c++) for (let s = 0; s < 10; s++) total2020 += syntheticValue(c, s, 0);
    expect(p.totalsByYear[0]).toEqual({ year: 2020, total: total2020, complete: true, missing: [] });

    const phases = progress.map((x) => x.phase).filter((x, i, all) => i === 0 || x !== all[i - 1]);
    expect(phases).toEqual(["reading", "validating", "summarising"]);
    const validating = progress.filter((x) => x.phase === "validating");
    expect(validating.length).toBeGreaterThan(10);
    expect(validating[validating.length - 1]).toEqual({ phase: "validating", done: dataRows, total: dataRows });
    const f = progress.map(inventoryProgressFraction);
    expect(f.every((x, i) => i === 0 || x >= f[i - 1])).toBe(true);
    expect([f[0], f[f.length - 1]]).toEqual([0, 1]);
  });
});
