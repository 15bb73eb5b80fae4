/**
 * What the browser tests share: the built dist/ served on 127.0.0.1, office.js from the @microsoft/office-js
 * package (the CDN URL intercepted, nothing else leaves the machine), the in-memory workbook injected through
 * the pane's test hook (test/browser/harness.ts, bundled here for addInitScript), the user's seed workbook,
 * and axe-core run inside the page.
 *
 * Needs `npm run build` first (`npm test` does it) and /usr/bin/chromium (`apt-get install chromium`; .ci/run
 * installs it). Without chromium the suites are skipped with a message — except in CI (CI set), where they fail.
 */
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve, sep } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { columnLetters } from "../../src/engine";
import type { MemoryStore } from "../../src/workbook/memory";
import { changzhutanWideRows } from "../helpers/inventory-grids";

export const root = join(__dirname, "..", "..");
export const dist = join(root, "dist");
export const officeDist = join(root, "node_modules", "@microsoft", "office-js", "dist");
export const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
export const screenshotDir = process.env.CARBON_SCREENSHOTS ? resolve(root, process.env.CARBON_SCREENSHOTS) : undefined;

if (!haveChromium && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: the browser test must run in CI (.ci/run installs chromium with apt-get)`);
}
if (!haveChromium) {
  console.warn(`Skipping the task-pane browser test: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}
export const describeBrowser = haveChromium ? describe : describe.skip;

export const XSS = "<img src=x onerror=alert(1)>";
export const INVENTORY = "CEADs 城市排放";

/** The user's workbook: notes, the CEADs 长株潭 wide download with one bad cell, and a user's "Results" sheet. */
export function seedSheets(): { sheets: Record<string, unknown[][]>; badCell: string; fixed: number } {
  const rows = changzhutanWideRows().map((r) => [...r]);
  const header = rows[1];
  const col = header.indexOf(2010);
  const row = rows.findIndex((r) => r[0] === "湖南长沙");
  const fixed = rows[row][col] as number;
  rows[row][col] = XSS;
  return {
    sheets: {
      Notes: [["Analyst notes — do not edit"], ["Source", "CEADs city inventory 1997–2019"]],
      [INVENTORY]: rows,
      Results: [["My own results — the add-in must not overwrite this"], ["Scenario", "Peak year"], ["mine", 2028]],
    },
    badCell: `'${INVENTORY}'!${columnLetters(col + 1)}${row + 1}`,
    fixed,
  };
}

/** Bundles the test harness (in-memory port) for addInitScript. */
export async function buildHarness(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "carbon-harness-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    entry: join(__dirname, "harness.ts"),
    output: { path: out, filename: "harness.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: join(root, "tsconfig.json") } } },
      ],
    },
  });
  await new Promise<void>((res, rej) =>
    compiler.run((err, stats) => {
      if (err) return rej(err);
      if (stats?.hasErrors()) return rej(new Error(stats.toString("errors-only")));
      compiler.close(() => res());
    }),
  );
  return readFileSync(join(out, "harness.js"), "utf8");
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
};

/** Serves dist/ on 127.0.0.1 (random port). */
export function serveDist(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((res) => server.listen(0, "127.0.0.1", () => res({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

export interface PageLog {
  errors: string[];
  dialogs: string[];
}

/** How the page is shown: viewport size (Office's task pane is 320 px wide by default), colour scheme, forced colours. */
export interface View {
  readonly width?: number;
  readonly height?: number;
  readonly colorScheme?: "light" | "dark";
  readonly forcedColors?: "active" | "none";
}

/** Chromium with the flags that keep it off the network; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Where the test server hands out axe-core (same origin as the pane, so the page's CSP admits it). */
const AXE_PATH = "/__test__/axe.min.js";
const axeFile = join(root, "node_modules", "axe-core", "axe.min.js");

export async function openPane(
  browser: Browser,
  base: string,
  harness: string,
  locale: string,
  seed: ReturnType<typeof seedSheets>,
  delayMs = 0,
  view: View = {},
): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({
    locale,
    viewport: { width: view.width ?? 380, height: view.height ?? 900 },
    deviceScaleFactor: 1,
    colorScheme: view.colorScheme ?? "light",
    forcedColors: view.forcedColors ?? "none",
  });
  const page = await context.newPage();
  const log: PageLog = { errors: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("dialog", (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  // Nothing leaves the machine: office.js and what it loads come from the package, anything else fails.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base && url.pathname === AXE_PATH)
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(axeFile, "utf8") });
    if (url.origin === base) return route.continue();
    const hosted = "/lib/1/hosted/";
    if (url.hostname === "appsforoffice.microsoft.com" && url.pathname.startsWith(hosted)) {
      const file = normalize(join(officeDist, url.pathname.slice(hosted.length)));
      if (file.startsWith(officeDist + sep) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(file, "utf8") });
      }
    }
    return route.abort();
  });
  await page.addInitScript(
    (s) => {
      (window as unknown as { __carbonPeakTestSeed: unknown }).__carbonPeakTestSeed = s;
    },
    { sheets: seed.sheets, delayMs },
  );
  await page.addInitScript(harness);
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector("[data-step=run] button.run");
  return { page, log };
}

export const store = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __carbonPeakTestStore: MemoryStore }).__carbonPeakTestStore;
    return {
      sheets: s.sheetList.map((x) => ({
        name: x.name,
        cells: x.cells,
        formulas: [...(x.formulas?.entries() ?? [])].map(([at, f]) => ({ at, formula: f.formula })),
      })),
      tables: s.tableList.map((t) => ({ name: t.name, sheet: t.sheet })),
      charts: s.charts.map((c) => ({ sheet: c.sheet, type: c.spec.type, title: c.spec.title })),
      settings: Object.fromEntries(s.settings),
      log: s.log.map((w) => ({ kind: w.kind, sheet: w.sheet ?? null })),
      selection: s.selection ?? null,
    };
  });

/** Polls until `ok` holds (at most ~5 s). */
export async function waitFor(ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

/** One axe-core finding, reduced to what a report needs. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA and best practices) on the whole page and returns every violation;
 * the page gets axe from the test server (AXE_PATH) on first use.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? "unknown", help: v.help, nodes: v.nodes.map((n) => n.target.map(String).join(" ")) }));
  });
}

/** Serious or critical violations (what the tests refuse). */
export const seriousOnly = (found: readonly AxeFinding[]) => found.filter((v) => v.impact === "serious" || v.impact === "critical");

/** Whether a control is unavailable (the pane marks busy and gated controls `aria-disabled`, never `disabled`). */
export async function unavailable(page: Page, selector: string): Promise<boolean> {
  return (await page.getAttribute(selector, "aria-disabled")) === "true";
}

/** Waits until a control is available again. */
export async function waitAvailable(page: Page, selector: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`${selector}:not([aria-disabled="true"])`, { timeout });
}

/**
 * Step 1 then step 2 the way the analyst does it: preview (the inventory found automatically), create the
 * scenario sheets with the 长株潭 example, and — the example's Settings name its own Inventory sheet, not the
 * one previewed — choose which inventory the run uses; waits until Run is available.
 */
export async function previewCreateAndChoose(page: Page, choice: "previewed" | "scenario" = "scenario"): Promise<void> {
  await page.click("button.preview");
  await page.waitForSelector("[data-step=inventory] .preview-result, [data-step=inventory] .problems");
  await waitAvailable(page, "button.create-sheets");
  await page.click("button.create-sheets");
  await page.waitForSelector("[data-step=scenario] .sheet-links");
  await page.waitForSelector(`.runs-on-choice input[value=${choice}], .runs-on-ready`, { timeout: 60_000 });
  if (await page.locator(`.runs-on-choice input[value=${choice}]`).count()) await page.click(`.runs-on-choice input[value=${choice}]`);
  await page.waitForSelector(".runs-on-ready");
}
