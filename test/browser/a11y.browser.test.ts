/**
 * The task pane for every analyst, in real Chromium: axe-core (WCAG 2.0–2.2 A/AA and best practices) at
 * every step — initial, problems, preview, scenario created, running, after Run, Chinese — at 320 px (Office's
 * default task-pane width) and 500 px with no serious or critical violation; Office's 320 px layout (no
 * clipped column, results right under Run, nothing cut at a fixed height); a keyboard-only walk through the
 * whole flow asserting where focus is after each action; the previewed-vs-Settings inventory case; a dark
 * theme and forced colours (Windows high contrast). CARBON_SCREENSHOTS=docs/screenshots also writes the
 * README's screenshots (the same inventory in step 1 and step 3, the coordinated rows visible).
 */
import { mkdirSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import type { MemoryStore } from "../../src/workbook/memory";
import {
  INVENTORY,
  axeViolations,
  buildHarness,
  describeBrowser,
  launchChromium,
  openPane,
  screenshotDir,
  seedSheets,
  serveDist,
  seriousOnly,
  store,
  unavailable,
  waitAvailable,
  waitFor,
  type AxeFinding,
  type View,
} from "./page";

/** The analyst fixes the rejected cell in Excel. */
async function fixBadCell(page: Page, fixed: number): Promise<void> {
  await page.evaluate(
    ({ sheet, value }) => {
      const s = (window as unknown as { __carbonPeakTestStore: MemoryStore }).__carbonPeakTestStore;
      const rows = s.sheetList.find((x) => x.name === sheet)!.cells;
      const r = rows.findIndex((row) => row?.some((v) => typeof v === "string" && v.startsWith("<img")));
      const c = rows[r].findIndex((v) => typeof v === "string" && v.startsWith("<img"));
      rows[r][c] = value;
    },
    { sheet: INVENTORY, value: fixed },
  );
}

/** The run step's own progress bar (the Monte Carlo section has another). */
const RUN_BAR = "[data-step=run] > .step-body > .progress";

/**
 * Clicks Run with every workbook call held (the harness waits while `__carbonPeakTestHold` is true), so the
 * pane stays in mid-run while the test looks at it; {@link releaseRun} lets it finish.
 */
async function holdRun(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __carbonPeakTestHold: boolean }).__carbonPeakTestHold = true));
  await page.click("button.run");
  await page.waitForSelector(`${RUN_BAR}:not([hidden])`);
}

async function releaseRun(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __carbonPeakTestHold: boolean }).__carbonPeakTestHold = false));
  await page.waitForSelector("table.peaks", { timeout: 60_000 });
}

/** A short description of the focused element: its classes, or its tag and value. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return "body";
    const cls = [...a.classList].sort().join(".");
    return `${a.tagName.toLowerCase()}${cls ? "." + cls : ""}${a instanceof HTMLInputElement && a.type === "radio" ? `[${a.value}]` : ""}`;
  });

/** Whether the focused element is inside the viewport (scrolled to). */
const focusInView = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return false;
    const r = a.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });

/** Presses Tab (or Shift+Tab) until `selector` has focus; returns how many presses it took. */
async function tabTo(page: Page, selector: string, back = false, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i;
  }
  throw new Error(`focus never reached ${selector} (now on ${await focused(page)})`);
}

/** Waits until the pane is no longer busy. */
const idle = (page: Page) => page.waitForFunction(() => !document.body.classList.contains("busy"), undefined, { timeout: 60_000 });

const telemetryOnly = (errors: readonly string[]) => errors.filter((e) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e));

describeBrowser("task pane accessibility in chromium (axe-core, keyboard, 320 px, theme, forced colours)", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let harness: string;
  const report: Record<string, Record<string, AxeFinding[]>> = {};

  beforeAll(async () => {
    harness = await buildHarness();
    ({ server, base } = await serveDist());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    // Every finding (any impact) per width and step, for the record.
    const lines = Object.entries(report).flatMap(([view, steps]) =>
      Object.entries(steps).map(
        ([step, found]) => `${view} ${step}: ${found.length === 0 ? "none" : found.map((f) => `${f.id} (${f.impact}, ${f.nodes.length})`).join(", ")}`,
      ),
    );
    if (lines.length > 0) console.log(`axe-core violations by view and step:\n${lines.join("\n")}`);
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  const open = (width: number, extra: View = {}, seed = seedSheets()) => openPane(browser, base, harness, "en-US", seed, 0, { width, height: 800, ...extra });

  test.each([320, 500])(
    "axe-core finds no serious or critical violation at any step, in English and Chinese (%i px)",
    async (width) => {
      const seed = seedSheets();
      const { page, log } = await open(width, {}, seed);
      const found: Record<string, AxeFinding[]> = (report[`${width}px`] = {});
      const check = async (step: string) => {
        const v = await axeViolations(page);
        found[step] = v;
        expect([step, seriousOnly(v)]).toEqual([step, []]);
      };
      await check("initial");

      await page.click("button.preview");
      await page.waitForSelector("[data-step=inventory] .problems");
      await check("problems");

      await fixBadCell(page, seed.fixed);
      await page.click("button.preview");
      await page.waitForSelector(".preview-result[data-ok=true]");
      await page.click("details.totals > summary");
      await check("preview");

      await page.click("button.create-sheets");
      await page.waitForSelector(".runs-on-choice fieldset.choice");
      await check("scenario created");

      await page.click(".runs-on-choice input[value=scenario]");
      await waitAvailable(page, "button.run");
      // Held in mid-run while axe looks at the progress bar and the busy controls.
      await holdRun(page);
      expect(await page.getAttribute(`${RUN_BAR} [role=progressbar]`, "aria-labelledby")).toBeTruthy();
      expect(await unavailable(page, "button.run")).toBe(true);
      expect(await focused(page)).toBe("button.btn.btn-primary.run"); // focus stays on the busy button
      await check("running");
      await releaseRun(page);
      await check("after Run");

      if (width === 320) {
        // No clipped column and no page-wide sideways scroll: every table fits its region.
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - window.innerWidth,
          tables: [...document.querySelectorAll<HTMLElement>(".table-scroll")].filter((r) => r.offsetParent !== null).map((r) => r.scrollWidth - r.clientWidth),
        }));
        expect(overflow.page).toBeLessThanOrEqual(0);
        for (const t of overflow.tables) expect(t).toBeLessThanOrEqual(1);
        // Nothing inside the pane is cut at a fixed height (no inner vertical scroll box).
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("#app *")]
            .filter(
              (e) =>
                e.offsetParent !== null &&
                e.scrollHeight > e.clientHeight + 1 &&
                /(auto|scroll|hidden)/.test(getComputedStyle(e).overflowY) &&
                e.tagName !== "SELECT",
            )
            .map((e) => e.className),
        );
        expect(clipped).toEqual([]);
        // The result is right under Run (before the Monte Carlo section), and every scenario's cluster row shows.
        const gap = await page.evaluate(() => {
          const run = document.querySelector("button.run")!.getBoundingClientRect();
          const result = document.querySelector(".run-result")!.getBoundingClientRect();
          const mc = document.querySelector("[data-section=uncertainty]")!.getBoundingClientRect();
          return { gap: result.top - run.bottom, beforeMc: result.bottom <= mc.top };
        });
        expect(gap.gap).toBeGreaterThanOrEqual(0);
        expect(gap.gap).toBeLessThan(40);
        expect(gap.beforeMc).toBe(true);
        const clusterRows = page.locator("table.peaks tr.cluster-row");
        expect(await clusterRows.count()).toBe(3);
        for (let i = 0; i < 3; i++) expect(await clusterRows.nth(i).isVisible()).toBe(true);
      }
      // Focus moved to the result, which was scrolled into view.
      expect(await focused(page)).toBe("div.message.message-success");
      expect(await focusInView(page)).toBe(true);

      await page.click("button.lang-switch");
      await page.waitForSelector("html[lang=zh-CN]");
      expect(await page.locator("table.peaks").count()).toBe(1); // the result survives the switch
      await check("Chinese");
      expect(telemetryOnly(log.errors)).toEqual([]);
      await page.context().close();
    },
    180_000,
  );

  test("keyboard only: focus stays on busy controls, moves to each result, unavailable steps say why", async () => {
    const seed = seedSheets();
    const { page, log } = await open(320, {}, seed);
    await idle(page);
    // Tab order: the language switch, then step 1's fields and Preview.
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      order.push(await focused(page));
    }
    expect(order).toEqual(["button.btn.btn-subtle.lang-switch", "select.input", "input.input", "select.input", "button.btn.btn-primary.preview"]);

    // A later step's button is focusable but unavailable, and its reason is on screen.
    await tabTo(page, "button.create-sheets");
    expect(await unavailable(page, "button.create-sheets")).toBe(true);
    const before = (await store(page)).log.length;
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("button.btn.btn-secondary.create-sheets");
    expect(await page.textContent("[data-step=scenario] .gate-reason")).toBe("Preview an inventory first (step 1).");
    expect((await store(page)).log.length).toBe(before);

    // Preview: the problems heading takes focus; Tab reaches the problem, Enter selects its cell in Excel.
    await tabTo(page, "button.preview", true);
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-step=inventory] .problems");
    await idle(page);
    expect(await focused(page)).toBe("h3.problems-title");
    expect(await focusInView(page)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button.problem-link");
    await page.keyboard.press("Enter");
    await waitFor(async () => (await store(page)).selection !== null);
    expect((await store(page)).selection?.sheet).toBe(INVENTORY);

    // Fixed in Excel; preview again: focus on the success message.
    await fixBadCell(page, seed.fixed);
    await tabTo(page, "button.preview", true);
    await page.keyboard.press("Enter");
    await page.waitForSelector(".preview-result[data-ok=true]");
    await idle(page);
    expect(await focused(page)).toBe("div.message.message-success");

    // Create (now the primary button): focus on its message; the choice of inventory comes next.
    await tabTo(page, "button.create-sheets");
    expect(await page.getAttribute("button.create-sheets", "class")).toContain("btn-primary");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".runs-on-choice fieldset.choice");
    await idle(page);
    expect(await focused(page)).toBe("div.message.message-success");
    expect(await page.textContent("[data-step=run] .gate-reason")).toBe("Choose the inventory to run on (below).");

    // The radios: Tab into the group, an arrow key chooses; focus stays on the radio.
    await tabTo(page, ".runs-on-choice input[type=radio]");
    await page.keyboard.press("ArrowDown");
    await waitAvailable(page, "button.run");
    expect(await focused(page)).toBe("input.radio[scenario]");
    expect(await page.isChecked(".runs-on-choice input[value=scenario]")).toBe(true);

    // Run: focus on the result, in view.
    await tabTo(page, "button.run");
    expect(await page.getAttribute("button.run", "class")).toContain("btn-primary");
    await page.keyboard.press("Enter");
    await page.waitForSelector("table.peaks", { timeout: 60_000 });
    await idle(page);
    expect(await focused(page)).toBe("div.message.message-success");
    expect(await focusInView(page)).toBe(true);
    // The scroll region of the peaks is in the tab order.
    await tabTo(page, ".table-scroll");

    // The live region said one short status, not the table.
    await waitFor(async () => /^Done: \d+ sheets written; 长株潭 peaks in \d{4} \(coordinated\)\.$/.test((await page.textContent("#announcer")) ?? ""));

    // Language switch by keyboard: focus stays on it.
    await tabTo(page, "button.lang-switch", true, 80);
    await page.keyboard.press("Enter");
    await page.waitForSelector("html[lang=zh-CN]");
    expect(await focused(page)).toBe("button.btn.btn-subtle.lang-switch");
    expect(telemetryOnly(log.errors)).toEqual([]);
    await page.context().close();
  }, 180_000);

  test("previewed and Settings' inventory differ: the pane says so, the analyst chooses, and Run is refused while the chosen one has problems", async () => {
    const seed = seedSheets();
    const { page, log } = await open(500, {}, seed);
    await fixBadCell(page, seed.fixed);
    await page.click("button.preview");
    await page.waitForSelector(".preview-result[data-ok=true]");
    await page.click("button.create-sheets");
    await page.waitForSelector(".runs-on-choice fieldset.choice");
    const choice = (await page.textContent(".runs-on-choice")) ?? "";
    expect(choice).toContain("The scenario's Settings (Settings!B2) name another inventory than the one you previewed.");
    expect(choice).toContain(`'${INVENTORY}'!A1:X7`);
    expect(choice).toContain("Inventory!A1:H25");
    expect(await unavailable(page, "button.run")).toBe(true);
    expect(await unavailable(page, "button.run-mc")).toBe(true);

    // The previewed one: the example's Drivers and Levers name 长沙, the CEADs sheet 湖南长沙 — every problem is counted, ten listed.
    const before = (await store(page)).log.length;
    await page.click(".runs-on-choice input[value=previewed]");
    await waitAvailable(page, "button.run");
    expect(await page.textContent(".runs-on-ready")).toContain(`'${INVENTORY}'!A1:X7`);
    await page.click("button.run");
    await page.waitForSelector("[data-step=run] .problems-error");
    const count = (await page.textContent("[data-step=run] .problems-count")) ?? "";
    const n = Number(/(\d+)/.exec(count)?.[1]);
    expect(n).toBeGreaterThan(10);
    expect(await page.locator("[data-step=run] .problem-list li:visible").count()).toBe(10);
    await page.click("[data-step=run] button.show-all");
    expect(await page.locator("[data-step=run] .problem-list li:visible").count()).toBe(n);
    expect((await store(page)).log.length).toBe(before); // nothing written

    // The scenario's own: the run succeeds and says what it ran on, in the pane and in Run info.
    await page.click(".runs-on-choice input[value=scenario]");
    await waitAvailable(page, "button.run");
    await page.click("button.run");
    await page.waitForSelector("table.peaks", { timeout: 60_000 });
    expect(await page.textContent(".ran-on")).toContain("Inventory!A1:H25");
    const runInfo = (await store(page)).sheets.find((x) => x.name === "Run info")!.cells;
    expect(JSON.stringify(runInfo)).toContain("Inventory!A1:H25");
    expect(telemetryOnly(log.errors)).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("back from editing Settings in Excel, the pane checks again what the run would use", async () => {
    const seed = seedSheets();
    const { page } = await open(500, {}, seed);
    await fixBadCell(page, seed.fixed);
    await page.click("button.preview");
    await page.waitForSelector(".preview-result[data-ok=true]");
    await page.click("button.create-sheets");
    await page.waitForSelector(".runs-on-choice fieldset.choice");
    // The analyst points the scenario's Settings at the previewed sheet, then comes back to the pane.
    await page.evaluate((sheet) => {
      const s = (window as unknown as { __carbonPeakTestStore: MemoryStore }).__carbonPeakTestStore;
      const rows = s.sheetList.find((x) => x.name === "Settings")!.cells;
      const r = rows.findIndex((row) => typeof row?.[0] === "string" && /inventory/i.test(row[0] as string));
      rows[r][1] = sheet;
      window.dispatchEvent(new Event("focus"));
    }, INVENTORY);
    await page.waitForSelector(".runs-on-ready");
    expect(await page.locator(".runs-on-choice fieldset").count()).toBe(0);
    expect(await page.textContent(".runs-on-ready")).toContain(`'${INVENTORY}'!A1:X7`);
    await waitAvailable(page, "button.run");
    await page.context().close();
  }, 60_000);

  test("Create over existing scenario sheets asks: cancel, keep (nothing written) or replace (same names, no copies)", async () => {
    const { page, log } = await open(320);
    await page.click("button.preview");
    await page.waitForSelector("[data-step=inventory] .problems");
    await page.click("button.create-sheets");
    await page.waitForSelector("[data-step=scenario] .sheet-links");
    await idle(page);
    const sheetsBefore = (await store(page)).sheets.map((x) => x.name);

    await page.click("button.create-sheets");
    await page.waitForSelector(".ask-box");
    expect(await focused(page)).toBe("h3.ask-title");
    expect(await page.textContent(".ask-box")).toContain("Settings, Drivers, Levers, Activities, Socioeconomic, Targets, Inventory");
    report["320px ask"] = { "create again": await axeViolations(page) };
    expect(seriousOnly(report["320px ask"]["create again"])).toEqual([]);
    await page.click(".ask-box button.cancel-ask");
    expect(await page.locator(".ask-box").count()).toBe(0);
    expect(await focused(page)).toBe("button.btn.btn-secondary.create-sheets");

    await page.click("button.create-sheets");
    await page.click(".ask-box button.keep-sheets");
    await page.waitForSelector("[data-step=scenario] .message-info");
    expect(await page.textContent("[data-step=scenario] .message-info")).toBe(
      "Using the scenario sheets already there: Settings, Drivers, Levers, Activities, Socioeconomic, Targets, Inventory.",
    );
    expect((await store(page)).sheets.map((x) => x.name)).toEqual(sheetsBefore);

    await idle(page);
    await page.click("button.create-sheets");
    await page.click(".ask-box button.replace-sheets");
    await page.waitForSelector("[data-step=scenario] .message-success");
    await idle(page);
    expect((await store(page)).sheets.map((x) => x.name)).toEqual(expect.arrayContaining(sheetsBefore));
    expect((await store(page)).sheets.map((x) => x.name).filter((n) => n.includes("("))).toEqual([]);
    expect(telemetryOnly(log.errors)).toEqual([]);
    await page.context().close();
  }, 60_000);

  test("Run is refused, with the reason, while the inventory it would use has problems", async () => {
    const { page } = await open(320);
    await page.click("button.preview");
    await page.waitForSelector("[data-step=inventory] .problems");
    // The template without the example names no inventory: the run would use the one found, the previewed one with its bad cell.
    await page.uncheck("[data-step=scenario] input[type=checkbox]");
    await page.click("button.create-sheets");
    await page.waitForSelector(".runs-on-ready");
    await idle(page);
    expect(await unavailable(page, "button.run")).toBe(true);
    expect(await page.textContent("[data-step=run] .gate-reason")).toBe(
      `Run is not available: the inventory it would use ('${INVENTORY}'!A1:X7) has problems (1). Fix them in Excel and preview again.`,
    );
    expect(await page.getAttribute("button.preview", "class")).toContain("btn-primary");
    await page.context().close();
  }, 60_000);

  test("dark theme and forced colours: no serious violation, the progress fill, links and step badges stay visible", async () => {
    const dark = await open(320, { colorScheme: "dark" });
    expect(await dark.page.getAttribute("html", "data-theme")).toBe("dark");
    await dark.page.click("button.preview");
    await dark.page.waitForSelector("[data-step=inventory] .problems");
    report["320px dark"] = { problems: await axeViolations(dark.page) };
    expect(seriousOnly(report["320px dark"].problems)).toEqual([]);
    await dark.page.context().close();

    const seed = seedSheets();
    const { page } = await open(320, { forcedColors: "active" }, seed);
    expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
    await fixBadCell(page, seed.fixed);
    await page.click("button.preview");
    await page.waitForSelector(".preview-result[data-ok=true]");
    await page.click("button.create-sheets");
    await page.waitForSelector(".runs-on-choice fieldset.choice");
    await page.click(".runs-on-choice input[value=scenario]");
    await waitAvailable(page, "button.run");
    await holdRun(page);
    const styles = await page.evaluate((sel) => {
      const css = (q: string) => getComputedStyle(document.querySelector(q)!);
      return {
        track: css(`${sel} .progress-track`).borderTopStyle,
        fill: css(`${sel} .progress-fill`).forcedColorAdjust,
        badge: css(".step-number").borderTopStyle,
      };
    }, RUN_BAR);
    expect(styles).toEqual({ track: "solid", fill: "none", badge: "solid" });
    await releaseRun(page);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".sheet-links .link")!).textDecorationLine)).toBe("underline");
    report["320px forced colours"] = { "after Run": await axeViolations(page) };
    expect(seriousOnly(report["320px forced colours"]["after Run"])).toEqual([]);
    const dir = screenshotDir ?? join(__dirname, "..", "..", "node_modules", ".cache", "screenshots");
    mkdirSync(dir, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(dir, "pane-forced-colors.png"), fullPage: true });
    await page.context().close();
  }, 120_000);

  test("the README's screenshots: problems listed, then one inventory from step 1 to the result, in English and Chinese", async () => {
    const seed = seedSheets();
    const { page, log } = await open(320, {}, seed);
    await page.click("button.preview");
    await page.waitForSelector("[data-step=inventory] .problems");
    if (screenshotDir) {
      mkdirSync(screenshotDir, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshotDir, "pane-problems-en.png"), fullPage: true });
    }
    // The example brings its own inventory sheet: the analyst previews that one, so step 1 and the run use the same.
    await page.click("button.create-sheets");
    await page.waitForSelector("[data-step=scenario] .sheet-links");
    await idle(page);
    await page.focus("[data-step=inventory] select >> nth=0"); // the list refreshes itself on focus
    await waitFor(async () => (await page.locator("[data-step=inventory] select >> nth=0").locator("option[value='sheet:Inventory']").count()) === 1);
    await page.selectOption("[data-step=inventory] select >> nth=0", "sheet:Inventory");
    await page.click("button.preview");
    await page.waitForSelector(".preview-result[data-ok=true]");
    await page.waitForSelector(".runs-on-ready");
    expect(await page.locator(".runs-on-choice fieldset").count()).toBe(0); // one inventory: nothing to choose
    await waitAvailable(page, "button.run");
    await page.click("button.run");
    await page.waitForSelector("table.peaks", { timeout: 60_000 });
    expect(await page.textContent("[data-step=inventory] .facts")).toContain("Inventory!A1:H25");
    expect(await page.textContent(".ran-on")).toContain("Inventory!A1:H25");
    expect(await page.locator("table.peaks tr.cluster-row").count()).toBe(3);
    if (screenshotDir) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshotDir, "pane-en.png"), fullPage: true });
    }
    await page.click("button.lang-switch");
    await page.waitForSelector("html[lang=zh-CN]");
    expect(await page.textContent("[data-step=inventory] .facts")).toContain("Inventory!A1:H25");
    // A Chinese analyst runs in Chinese: the outputs are named and labelled in Chinese (结果, 峰值 …).
    await waitAvailable(page, "button.run");
    await page.click("button.run");
    await page.waitForSelector("[data-step=run] .sheet-links button[data-sheet='结果']", { timeout: 60_000 });
    if (screenshotDir) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshotDir, "pane-zh.png"), fullPage: true });
    }
    expect(telemetryOnly(log.errors)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
