/* Test-only page script for the browser test (never part of dist/): builds an in-memory workbook from
 * `window.__carbonPeakTestSeed` and hands it to the pane as `window.__carbonPeakTestPort`, keeping the
 * store on `window.__carbonPeakTestStore` so the test can read back what was written. The test injects
 * it with Playwright's addInitScript, before the page's own scripts run. With `delayMs` every port call
 * waits that long first (a slow workbook, to test progress and Cancel). While `window.__carbonPeakTestHold`
 * is true every port call waits (the test holds a run in mid-flight, e.g. to check the pane while it is
 * running, and lets it go by setting it false). */
import { createMemoryPort, type MemoryStore } from "../../src/workbook/memory";
import type { WorkbookPort } from "../../src/workbook/port";

declare global {
  interface Window {
    __carbonPeakTestSeed?: { sheets: Record<string, unknown[][]>; owned?: string[]; delayMs?: number };
    __carbonPeakTestStore?: MemoryStore;
    __carbonPeakTestHold?: boolean;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function slow(port: WorkbookPort, ms: number): WorkbookPort {
  return new Proxy(port, {
    get(target, key, receiver) {
      const v: unknown = Reflect.get(target, key, receiver);
      if (typeof v !== "function") return v;
      return async (...args: unknown[]) => {
        if (ms > 0) await sleep(ms);
        while (window.__carbonPeakTestHold) await sleep(20);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const seed = window.__carbonPeakTestSeed;
if (seed) {
  const port = createMemoryPort(seed.sheets, seed.owned ?? []);
  window.__carbonPeakTestPort = slow(port, seed.delayMs ?? 0);
  window.__carbonPeakTestStore = port.memory;
}
