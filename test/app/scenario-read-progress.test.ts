/**
 * Run and Monte Carlo read the inventory in slices too (src/app/scenario-read.ts readScenario, src/app/run.ts runAndWrite):
 * the same answer as a read in one go, progress through the read stage, the caller's scheduler between
 * slices, and Cancel during the read writing nothing. The workbook is the 长株潭 example
 * (src/samples/changzhutan.ts, CEADs data — citation in data/README.md) over the in-memory port.
 */
import type { InventoryProgress } from "../../src/engine";
import { createMemoryPort, type MemoryPort } from "../../src/workbook/memory";
import { createScenarioSheets, readScenario, runAndWrite } from "../../src/app";
import { issues, value } from "../helpers/result";

async function examplePort(): Promise<MemoryPort> {
  const port = createMemoryPort({ Notes: [["analyst notes"]] });
  value(await createScenarioSheets(port, { example: "changzhutan" }));
  return port;
}

describe("scenario read in slices — invariants", () => {
  test("a read in slices of one row gives the model, inventory and input hash of a read in one go", async () => {
    const port = await examplePort();
    const once = value(await readScenario(port));
    let yields = 0;
    const progress: InventoryProgress[] = [];
    const sliced = value(
      await readScenario(port, undefined, {
        sliceCells: 1,
        yieldTo: () => {
          yields++;
          return Promise.resolve();
        },
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(sliced.inputHash).toBe(once.inputHash);
    expect(sliced.inventory).toStrictEqual(once.inventory);
    expect(sliced.model).toStrictEqual(once.model);
    const rows = progress.filter((p) => p.phase === "validating");
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[rows.length - 1].done).toBe(rows[0].total);
    expect(yields).toBeGreaterThanOrEqual(rows.length - 1);
  });

  test("runAndWrite reports the read stage between 0 and 0.3 before it runs, never going back", async () => {
    const port = await examplePort();
    const seen: [number, string][] = [];
    value(await runAndWrite(port, { yieldTo: () => Promise.resolve(), onProgress: (f, stage) => seen.push([f, stage]) }));
    const reads = seen.filter(([, stage]) => stage === "read").map(([f]) => f);
    expect(reads.length).toBeGreaterThan(1);
    expect(Math.max(...reads)).toBeLessThanOrEqual(0.3);
    const fractions = seen.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(seen.findIndex(([, s]) => s === "run")).toBeGreaterThan(seen.findIndex(([, s]) => s === "read"));
  });
});

describe("scenario read in slices — edge cases", () => {
  test("Cancel during the inventory read ends the run as cancelled and writes nothing", async () => {
    const port = await examplePort();
    const before = JSON.stringify(port.memory.sheetList.map((s) => [s.name, s.cells]));
    const controller = new AbortController();
    let afterAbort = 0;
    const r = await runAndWrite(port, {
      signal: controller.signal,
      yieldTo: () => Promise.resolve(),
      onProgress: (f, stage) => {
        if (controller.signal.aborted) afterAbort++;
        else if (stage === "read" && f > 0) controller.abort();
      },
    });
    expect(issues(r).map((i) => i.code)).toEqual(["cancelled"]);
    expect(afterAbort).toBe(0); // the read itself stopped: no slice ran after Cancel
    expect(JSON.stringify(port.memory.sheetList.map((s) => [s.name, s.cells]))).toBe(before);
  });

  test("readScenario with an already aborted signal reads nothing and says the read was cancelled", async () => {
    const port = await examplePort();
    const controller = new AbortController();
    controller.abort();
    expect(issues(await readScenario(port, undefined, { signal: controller.signal })).map((i) => [i.code, i.during])).toEqual([["cancelled", "inventory"]]);
  });
});
