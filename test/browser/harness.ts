/* Test-only page script for the browser test (never part of dist/): builds an in-memory workbook from
 * `window.__carbonPeakTestSeed` and hands it to the pane as `window.__carbonPeakTestPort`, keeping the
 * store on `window.__carbonPeakTestStore` so the test can read back what was written. The test injects
 * it with Playwright's addInitScript, before the page's own scripts run. */
import { createMemoryPort, type MemoryStore } from "../../src/workbook/memory";

declare global {
  interface Window {
    __carbonPeakTestSeed?: { sheets: Record<string, unknown[][]>; owned?: string[] };
    __carbonPeakTestStore?: MemoryStore;
  }
}

const seed = window.__carbonPeakTestSeed;
if (seed) {
  const port = createMemoryPort(seed.sheets, seed.owned ?? []);
  window.__carbonPeakTestPort = port;
  window.__carbonPeakTestStore = port.memory;
}
