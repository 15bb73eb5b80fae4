/**
 * The task pane in a real browser: Debian chromium driven by playwright-core loads the built
 * dist/taskpane.html from a local HTTP server, with office.js served from the @microsoft/office-js package
 * (the CDN URL is intercepted) and an in-memory workbook injected through the pane's test hook
 * (`window.__carbonPeakTestPort`, set by test/browser/harness.ts before the page's scripts run). It clicks
 * inventory → scenario → run in English and in Chinese and checks what was written, that the user's sheets
 * were not touched, that there were no console errors, and that cell text is shown as text, never as HTML.
 *
 * Needs `npm run build` first (`npm test` does it) and /usr/bin/chromium (`apt-get install chromium`; .ci/run
 * installs it). Without chromium the suite is skipped with a message — except in CI (CI set), where it fails.
 * (The README's screenshots are written by a11y.browser.test.ts.)
 */
import { existsSync, readFileSync } from "fs";
import type { Server } from "http";
import { join, normalize, sep } from "path";
import type { Browser } from "playwright-core";
import type { MemoryStore } from "../../src/workbook/memory";
import { NATIONAL_SHAPE, syntheticWideRows } from "../helpers/inventory-grids";
import {
  INVENTORY,
  XSS,
  buildHarness,
  describeBrowser,
  dist,
  launchChromium,
  officeDist,
  openPane,
  previewCreateAndChoose,
  seedSheets,
  serveDist,
  store,
  unavailable,
  waitAvailable,
  waitFor,
} from "./page";

describeBrowser("task pane in chromium (in-memory workbook)", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let harness: string;

  beforeAll(async () => {
    if (!existsSync(join(dist, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first (`npm test` does)");
    harness = await buildHarness();
    ({ server, base } = await serveDist());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  test.each([
    [
      "en",
      "en-US",
      "Preview inventory",
      "The inventory was read without problems.",
      "Also write live CARBON.* formulas (Peaks (live) sheet)",
      "Results (2)",
      "Peaks (live)",
    ],
    ["zh", "zh-CN", "预览排放清单", "排放清单读取完毕，未发现问题。", "同时写入实时 CARBON.* 公式（“峰值（实时公式）”工作表）", "结果", "峰值（实时公式）"],
  ])(
    "inventory → scenario → run, then again with live formulas (%s)",
    async (lang, locale, previewLabel, previewOk, formulasLabel, resultsSheet, liveSheet) => {
      const seed = seedSheets();
      const { page, log } = await openPane(browser, base, harness, locale, seed);
      expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
      expect((await page.textContent("button.preview"))?.trim()).toBe(previewLabel);

      // 1. Inventory: the rejected cell is listed with its address, as text; clicking it selects the cell.
      await page.click("button.preview");
      const problem = page.locator(`.problems button.problem-link[data-cell="${seed.badCell}"]`);
      await problem.waitFor();
      const text = (await problem.textContent()) ?? "";
      expect(text).toContain(seed.badCell);
      expect(text).toContain(XSS);
      expect(await page.locator("img[src=x]").count()).toBe(0);
      expect(await page.evaluate(() => document.body.textContent ?? "")).toContain(XSS);
      await problem.click();
      await waitFor(async () => (await store(page)).selection !== null);
      expect((await store(page)).selection).toEqual({ sheet: INVENTORY, rect: expect.objectContaining({ row: 4, lastRow: 4 }) });

      // The analyst fixes the cell in Excel; the preview is then clean.
      await page.evaluate(
        ({ sheet, fixed }) => {
          const s = (window as unknown as { __carbonPeakTestStore: MemoryStore }).__carbonPeakTestStore;
          const rows = s.sheetList.find((x) => x.name === sheet)!.cells;
          const r = rows.findIndex((row) => row?.some((v) => typeof v === "string" && v.startsWith("<img")));
          const c = rows[r].findIndex((v) => typeof v === "string" && v.startsWith("<img"));
          rows[r][c] = fixed;
        },
        { sheet: INVENTORY, fixed: seed.fixed },
      );
      await page.click("button.preview");
      await page.waitForSelector(".preview-result[data-ok=true]");
      const facts = (await page.textContent(".facts")) ?? "";
      for (const city of ["湖南长沙", "湖南株洲", "湖南湘潭"]) expect(facts).toContain(city);
      expect(facts).toContain("Mt");
      expect(facts).toContain(`'${INVENTORY}'!`);
      expect(await page.textContent(".preview-result")).toContain(previewOk);

      // 2. Scenario sheets from the 长株潭 example, read back and validated.
      expect(await page.isChecked("[data-step=scenario] input[type=checkbox]")).toBe(true);
      await page.click("button.create-sheets");
      await page.waitForSelector("[data-step=scenario] .sheet-links");
      // The example's Settings name its own Inventory sheet: the pane asks which one the run uses.
      await page.waitForSelector(".runs-on-choice fieldset.choice");
      expect(await unavailable(page, "button.run")).toBe(true);
      await page.click(".runs-on-choice input[value=scenario]");
      await page.waitForSelector(".runs-on-ready");
      // The analyst's own edit of the Targets sheet, after the example's six targets: the cluster's peak at
      // most 98 Mt, in every scenario (columns: Target, City or cluster, Scenario, From, To, Value, Note).
      await page.evaluate(
        (sheet) => {
          const st = (window as unknown as { __carbonPeakTestStore: MemoryStore }).__carbonPeakTestStore;
          st.sheetList.find((x) => x.name === sheet)!.cells.push(["peak_cap", null, null, null, null, 98, null]);
        },
        lang === "zh" ? "目标" : "Targets",
      );
      const exampleInventory = lang === "zh" ? "排放清单!A1:H25" : "Inventory!A1:H25";
      expect(await page.textContent(".runs-on-ready")).toContain(exampleInventory);
      await waitAvailable(page, "button.check-scenario");
      await page.click("button.check-scenario");
      await page.waitForSelector("[data-step=scenario] .summary");
      expect(await page.locator("[data-step=scenario] .problems-error").count()).toBe(0);

      // 3. Run: outputs written, peaks shown, the run recorded with what it ran on.
      await waitAvailable(page, "button.run");
      await page.click("button.run");
      await page.waitForSelector("table.peaks", { timeout: 60_000 });
      expect(await page.locator("table.peaks tbody tr:not(.scenario-row)").count()).toBeGreaterThan(0);
      expect(await page.textContent("[data-step=run] .ran-on")).toContain(exampleInventory);
      // Scenario names as the template gives them, with the code the cells hold.
      expect(await page.locator("table.peaks tr.scenario-row th").allTextContents()).toEqual(
        lang === "zh" ? ["基准情景（baseline）", "独立减排情景（independent）", "协同减排情景（coordinated）"] : ["baseline", "independent", "coordinated"],
      );
      expect(await page.textContent("[data-step=run] .record")).toMatch(/0\.1\.0|\d+\.\d+\.\d+/);
      // The targets after the run, one group per scenario: the example's six (长沙 and the cluster to peak by
      // 2030, −18 % CO2 per GDP 2020→2025 for each city and the cluster), then the analyst's cap. The engine's
      // cluster peaks (docs/model.md §15): all in 2021 — baseline 98.20 Mt, independent 98.18 Mt, coordinated
      // 97.61 Mt — so the peak_by targets are met everywhere and the 98 Mt cap only by the coordinated cluster.
      const [met, notMet, peakBy, intensity, cap] =
        lang === "zh"
          ? ["达成", "未达成", "2030年前达峰", "单位GDP二氧化碳排放 2020→2025 下降 18%", "峰值 ≤ 98 Mt"]
          : ["met", "not met", "peak by 2030", "CO2/GDP −18%, 2020→2025", "peak ≤ 98 Mt"];
      const targetGroups = await page.locator("table.targets tbody").evaluateAll((bodies) =>
        bodies.map((b) => ({
          scenario: b.getAttribute("data-scenario"),
          rows: [...b.querySelectorAll("tr:not(.scenario-row)")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
        })),
      );
      expect(targetGroups.map((g) => g.scenario)).toEqual(["baseline", "independent", "coordinated"]);
      for (const g of targetGroups) {
        expect(g.rows).toHaveLength(7);
        expect(g.rows.slice(0, 2)).toEqual([
          ["长沙", peakBy, "2021", met],
          ["长株潭", peakBy, "2021", met],
        ]);
        expect(g.rows.slice(2, 6).map((r) => r[0])).toEqual(["长沙", "株洲", "湘潭", "长株潭"]);
        // Each falls by 22.3–25.1 % (the engine), shown signed as the target is worded: a fall is "−".
        for (const r of g.rows.slice(2, 6)) expect([r[1], r[2], r[3]]).toEqual([intensity, expect.stringMatching(/^−2[2-5]([.,]\d)?%$/), met]);
      }
      expect(targetGroups.map((g) => g.rows[6])).toEqual([
        ["长株潭", cap, "98.2 Mt", notMet],
        ["长株潭", cap, "98.18 Mt", notMet],
        ["长株潭", cap, "97.61 Mt", met],
      ]);

      const after = await store(page);
      const names = after.sheets.map((s) => s.name);
      const owned: string[] = JSON.parse(after.settings["carbonPeak.ownedSheets"] ?? "[]");
      // The user's sheets are exactly as they were (the fixed cell is the analyst's own edit).
      const expected = seedSheets();
      const fixedRows = expected.sheets[INVENTORY].map((r) => r.map((v) => (v === XSS ? seed.fixed : v)));
      const cellsOf = (name: string) => after.sheets.find((s) => s.name === name)!.cells;
      const norm = (rows: unknown[][]) => JSON.parse(JSON.stringify(rows));
      expect(norm(cellsOf("Notes"))).toEqual(norm(expected.sheets.Notes));
      expect(norm(cellsOf("Results"))).toEqual(norm(expected.sheets.Results));
      expect(norm(cellsOf(INVENTORY))).toEqual(norm(fixedRows));
      for (const user of ["Notes", "Results", INVENTORY]) {
        expect(owned).not.toContain(user);
        expect(after.log.filter((w) => w.sheet === user)).toEqual([]);
      }
      // Outputs in sheets the add-in owns, named in the pane's language; "Results" was the user's, so English results went elsewhere.
      expect(names).toContain(resultsSheet);
      expect(owned).toContain(resultsSheet);
      const outputs = await page.locator("[data-step=run] .sheet-links button").evaluateAll((bs) => bs.map((b) => b.getAttribute("data-sheet")));
      expect(outputs.length).toBeGreaterThanOrEqual(4);
      for (const o of outputs) expect(owned).toContain(o);
      const results = cellsOf(resultsSheet);
      expect(results.length).toBeGreaterThan(10);
      expect(results[0]).toEqual(
        lang === "zh"
          ? ["情景", "城市", "部门", "年份", "排放量（Mt CO2）", "数据性质"]
          : ["Scenario", "City", "Sector", "Year", "Emissions (Mt CO2)", "Basis"],
      );
      expect(after.tables.some((t) => t.sheet === resultsSheet)).toBe(true);
      expect(after.charts.length).toBeGreaterThan(0);
      expect(after.settings["carbonPeak.settings"]).toContain("lastRun");

      // The inventory list refreshed itself after the run and offers none of the add-in's own sheets or tables.
      const chooser = "[data-step=inventory] select >> nth=0";
      const exampleSheet = lang === "zh" ? "排放清单" : "Inventory";
      await waitFor(async () => (await page.locator(`${chooser} >> option[value="sheet:${exampleSheet}"]`).count()) === 1);
      const offered = await page.locator(`${chooser} >> option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      for (const own of [...outputs, ...owned.filter((x) => x !== exampleSheet)]) {
        expect(offered).not.toContain(`sheet:${own}`);
      }
      for (const t of after.tables.filter((x) => owned.includes(x.sheet) && x.sheet !== exampleSheet)) expect(offered).not.toContain(`table:${t.name}`);
      expect(offered).toEqual(expect.arrayContaining(["", "sheet:Notes", `sheet:${INVENTORY}`, "sheet:Results", `sheet:${exampleSheet}`]));

      // 4. Values only by default; ticking "live formulas" and running again adds the Peaks (live) sheet.
      const box = page.locator("[data-step=run] input.live-formulas");
      expect(await box.isChecked()).toBe(false);
      expect((await page.textContent(`[data-step=run] label[for="${await box.getAttribute("id")}"]`))?.trim()).toBe(formulasLabel);
      expect(names).not.toContain(liveSheet);
      expect(after.sheets.every((x) => x.formulas.length === 0)).toBe(true);
      await box.check();
      await waitAvailable(page, "button.run");
      await page.click("button.run");
      await waitFor(async () => (await store(page)).sheets.some((x) => x.name === liveSheet));
      await page.waitForSelector(`[data-step=run] .sheet-links button[data-sheet='${liveSheet}']`);
      const live = (await store(page)).sheets.find((x) => x.name === liveSheet)!;
      const peakRows = await page.locator("table.peaks tbody tr:not(.scenario-row)").count();
      expect(live.formulas.length).toBe(2 * peakRows);
      for (const f of live.formulas) expect(f.formula).toMatch(/^=CARBON\.PEAK(YEAR|STATUS)\(\$D(\d+):\$[A-Z]+\2,\$D\$2:\$[A-Z]+\$2,/);
      expect(JSON.parse((await store(page)).settings["carbonPeak.ownedSheets"] ?? "[]")).toContain(liveSheet);

      expect(log.dialogs).toEqual([]);
      expect(await page.locator("img[src=x]").count()).toBe(0);
      // A few seconds in, office.js (outside Excel) tries to frame its telemetry page; the pane's CSP blocks it, as it should.
      expect(log.errors.filter((e) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e))).toEqual([]);
      await page.context().close();
    },
    120_000,
  );

  test("a slow run shows progress and can be cancelled: nothing is written; the language switch keeps the pane's state", async () => {
    const seed = seedSheets();
    const { page, log } = await openPane(browser, base, harness, "en-US", seed, 150);
    await previewCreateAndChoose(page);
    const before = (await store(page)).log.length;
    await page.click("button.run");
    const bar = "[data-step=run] > .step-body > .progress";
    await page.waitForSelector(`${bar}:not([hidden])`);
    expect(await unavailable(page, "button.run")).toBe(true);
    expect(await unavailable(page, "button.preview")).toBe(true);
    expect(await page.textContent(`${bar} .progress-label`)).toBe("Running…");
    await page.click(`${bar} button.cancel`);
    await page.waitForSelector("[data-step=run] .message-info");
    expect(await page.textContent("[data-step=run] .message-info")).toBe("The run was cancelled; nothing was written");
    // Cancel disappears with the bar: focus went to the message, not to the page.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("message-info"))).toBe(true);
    expect(await page.isHidden(bar)).toBe(true);
    await waitAvailable(page, "button.run");
    expect((await store(page)).log.length).toBe(before);

    // The switch rebuilds the pane in the other language from the same state: the preview, the scenario
    // sheets, the choice of inventory and the cancelled run are all still there; focus stays on the switch.
    await waitAvailable(page, "button.lang-switch");
    await page.focus("button.lang-switch");
    await page.keyboard.press("Enter");
    await page.waitForSelector("html[lang=zh-CN]");
    expect(await page.textContent("[data-step=inventory] h2")).toContain("排放清单");
    expect(await page.textContent("button.lang-switch")).toBe("English");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("lang-switch"))).toBe(true);
    expect(await page.textContent("[data-step=inventory] .facts")).toContain(`'${INVENTORY}'!A1:X7`);
    expect(await page.locator("[data-step=inventory] .problem-link").count()).toBe(1);
    expect(await page.textContent("[data-step=scenario] .message-success")).toContain("已写入工作表");
    expect(await page.textContent(".runs-on-ready")).toContain("Inventory!A1:H25");
    expect(await page.textContent("[data-step=run] .message-info")).toBe("运行已取消；未写入任何内容");
    expect(await unavailable(page, "button.run")).toBe(false);
    // office.js tries to frame its telemetry page a few seconds after loading; the pane's CSP refuses it.
    expect(log.errors.filter((e) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e))).toEqual([]);
    expect(log.dialogs).toEqual([]);
    await page.context().close();
  }, 60_000);

  test("a 300-city × 10-sector × 41-year inventory: progress bar, the page runs between slices, Cancel keeps the previous preview", async () => {
    const rows = syntheticWideRows(NATIONAL_SHAPE);
    const { page, log } = await openPane(browser, base, harness, "en-US", { sheets: { Notes: [["Analyst notes"]], Data: rows }, badCell: "", fixed: 0 });
    // In the page: a timer loop counting ticks, and a record of every label the inventory's progress bar
    // shows with the tick count at that moment (no clocks: only what ran between the pane's slices).
    const watch = () =>
      page.evaluate(() => {
        const w = window as unknown as { __ticks: number; __stopTicks: boolean; __labels: Array<{ text: string; ticks: number; shown: boolean }> };
        w.__ticks = 0;
        w.__stopTicks = false;
        w.__labels = [];
        const tick = () => {
          w.__ticks++;
          if (!w.__stopTicks) setTimeout(tick, 0);
        };
        setTimeout(tick, 0);
        const bar = document.querySelector("[data-step=inventory] .progress")!;
        const label = bar.querySelector(".progress-detail")!;
        new MutationObserver(() => w.__labels.push({ text: label.textContent ?? "", ticks: w.__ticks, shown: !bar.hasAttribute("hidden") })).observe(label, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
    const labels = () =>
      page.evaluate(() => {
        const w = window as unknown as { __stopTicks: boolean; __labels: Array<{ text: string; ticks: number; shown: boolean }> };
        w.__stopTicks = true;
        return w.__labels;
      });

    await watch();
    await page.click("button.preview");
    await page.waitForSelector("[data-step=inventory] .preview-result[data-ok=true]", { timeout: 60_000 });
    const facts = (await page.textContent("[data-step=inventory] .facts")) ?? "";
    expect(facts).toContain("Data!A1:AR3001");
    expect(facts).toContain("City 001, City 002, City 003, City 004, City 005, City 006 and 294 more"); // 300 cities
    expect(facts).toContain("and 4 more"); // 10 sectors
    expect(facts).toContain("2020–2060 (41 years)");
    expect(await page.isHidden("[data-step=inventory] .progress")).toBe(true);
    const seen = await labels();
    const checking = seen.filter((l) => /Checking the inventory cells \([\d,]+ of 3,000 rows\)/.test(l.text));
    expect(checking.every((l) => l.shown)).toBe(true); // the progress bar was on screen
    expect(checking.length).toBeGreaterThanOrEqual(14); // 3,000 rows of 44 cells in slices of 227 rows
    expect(checking[checking.length - 1].text).toContain("3,000 of 3,000 rows");
    // Timers ran while the rows were being checked: the event loop turned between slices.
    expect(checking[checking.length - 1].ticks).toBeGreaterThan(checking[0].ticks);

    // Cancel mid-way (clicked from the page as soon as rows are being checked): the previous preview stays.
    const before = await page.innerHTML("[data-step=inventory] .preview-result");
    await page.evaluate(() => {
      const bar = document.querySelector("[data-step=inventory] .progress")!;
      const label = bar.querySelector(".progress-detail")!;
      const cancel = bar.querySelector<HTMLButtonElement>("button.cancel")!;
      const observer = new MutationObserver(() => {
        if (/rows\)$/.test(label.textContent ?? "") && !/3,000 of 3,000/.test(label.textContent ?? "")) {
          observer.disconnect();
          cancel.click();
        }
      });
      observer.observe(label, { childList: true, characterData: true, subtree: true });
    });
    await page.click("button.preview");
    await page.waitForSelector("[data-step=inventory] .preview-notice .message-info");
    expect(await page.textContent("[data-step=inventory] .preview-notice")).toBe("Reading the inventory was cancelled; nothing was changed");
    expect(await page.innerHTML("[data-step=inventory] .preview-result")).toBe(before);
    expect(await page.isHidden("[data-step=inventory] .progress")).toBe(true);
    await waitAvailable(page, "button.preview");
    expect((await store(page)).log).toEqual([]);

    // The next preview clears the notice.
    await page.click("button.preview");
    await waitFor(
      async () =>
        (await page.locator("[data-step=inventory] .preview-notice .message-info").count()) === 0 && (await page.isHidden("[data-step=inventory] .progress")),
    );
    expect(await page.locator("[data-step=inventory] .preview-result[data-ok=true]").count()).toBe(1);
    // office.js tries to frame its telemetry page a few seconds after loading; the pane's CSP refuses it.
    expect(log.errors.filter((e) => !/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e))).toEqual([]);
    expect(log.dialogs).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("Monte Carlo in a Web Worker: progress, the Uncertainty and Peak years sheets written, Cancel; the CSP still blocks eval", async () => {
    const seed = seedSheets();
    const { page, log } = await openPane(browser, base, harness, "en-US", seed);
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await previewCreateAndChoose(page);
    await page.click("[data-section=uncertainty] > summary");
    // The analyst sets a normal distribution (SD 1 %/yr) on every Drivers row, in the template's
    // Distribution and SD columns (the example's own 十三五 and built-up area rows are certain).
    await page.evaluate(() => {
      const s = (window as unknown as { __carbonPeakTestStore: MemoryStore }).__carbonPeakTestStore;
      const d = s.sheetList.find((x) => x.name === "Drivers")!.cells;
      const [dist, sd, min, max] = ["Distribution / 分布", "SD / 标准差", "Min / 最小值", "Max / 最大值"].map((h) => d[0].indexOf(h));
      if ([dist, sd, min, max].some((c) => c < 0)) throw new Error("the template has no distribution columns");
      for (let r = 1; r < d.length; r++)
        if (d[r]?.some((v) => v !== null && v !== undefined && v !== "")) [d[r][dist], d[r][sd], d[r][min], d[r][max]] = ["normal", 0.01, null, null];
    });
    expect(await page.inputValue("[data-section=uncertainty] input[type=number] >> nth=0")).toBe("1000");
    expect(await page.inputValue("[data-section=uncertainty] input[type=number] >> nth=1")).toBe("1");

    const runMc = async (draws: number) => {
      await page.fill("[data-section=uncertainty] input[type=number] >> nth=0", String(draws));
      await waitAvailable(page, "button.run-mc");
      await page.click("button.run-mc");
      await page.waitForSelector("[data-step=run] .mc-done", { timeout: 60_000 });
      const done = (await page.textContent("[data-step=run] .mc-done")) ?? "";
      expect(done).toContain(`${draws} draws (seed 1)`);
      return Number(/in ([\d.]+) s/.exec(done)?.[1]);
    };
    await runMc(200);
    expect(workers.some((u) => u.endsWith("/mcworker.js"))).toBe(true);
    const after = await store(page);
    const sheet = (name: string) => after.sheets.find((x) => x.name === name)?.cells ?? [];
    const unc = sheet("Uncertainty");
    expect(unc[0]).toEqual(expect.arrayContaining(["Scenario", "P(peak by 2030)", "Peak year P50", "Draws", "Seed"]));
    expect(unc.length - 1).toBe(12); // 3 scenarios × (3 cities + the cluster)
    for (const row of unc.slice(1)) expect(row.slice(-2)).toEqual([200, 1]);
    expect(sheet("Peak years").length).toBeGreaterThan(1);
    expect(after.charts).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "Peak years", type: "column" })]));
    expect(await page.locator("table.mc-summary tbody tr").count()).toBe(3);
    const owned: string[] = JSON.parse(after.settings["carbonPeak.ownedSheets"] ?? "[]");
    expect(owned).toEqual(expect.arrayContaining(["Uncertainty", "Peak years"]));

    // 1,000 draws (the default), timed from the click to the result back from the worker.
    const seconds = await runMc(1000);
    expect(seconds).toBeGreaterThan(0);
    console.log(`Monte Carlo in the Web Worker: 1000 draws of the 长株潭 example in ${seconds} s (read + draws)`);

    // Cancel terminates the worker: nothing is written.
    const before = (await store(page)).log.length;
    await page.fill("[data-section=uncertainty] input[type=number] >> nth=0", "100000");
    await waitAvailable(page, "button.run-mc");
    await page.click("button.run-mc");
    const bar = "[data-section=uncertainty] .progress";
    await page.waitForSelector(`${bar}:not([hidden])`);
    await waitFor(async () => /Drawing/.test((await page.textContent(`${bar} .progress-detail`)) ?? ""));
    await page.click(`${bar} button.cancel`);
    await page.waitForSelector("[data-step=run] .message-info");
    expect(await page.textContent("[data-step=run] .message-info")).toContain("cancelled");
    await waitAvailable(page, "button.run-mc");
    expect((await store(page)).log.length).toBe(before);

    // Blank draws and text in the seed are named before anything is read or drawn.
    await page.fill("[data-section=uncertainty] input[type=number] >> nth=0", "");
    await page.fill("[data-section=uncertainty] input[type=number] >> nth=1", "");
    await page.click("button.run-mc");
    await page.waitForSelector("[data-step=run] .problems-error .problem-text");
    expect(await page.locator("[data-step=run] .problems-error .problem-text").allTextContents()).toEqual(["Draws: is empty", "Seed: is empty"]);
    expect((await store(page)).log.length).toBe(before);

    // The page's CSP still refuses eval and new Function. (Tried from a timer: code run directly by
    // page.evaluate is exempt from the CSP's eval check, code it schedules is not.)
    const evalBlocked = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) =>
          setTimeout(() => {
            const out: string[] = [];
            // eslint-disable-next-line no-eval, no-new-func -- checking that the CSP refuses exactly these
            for (const f of [() => (0, eval)("1 + 1"), () => new Function("return 1")()]) {
              try {
                f();
                out.push("allowed");
              } catch (e) {
                out.push((e as Error).name);
              }
            }
            resolve(out);
          }, 0),
        ),
    );
    expect(evalBlocked).toEqual(["EvalError", "EvalError"]);
    expect(log.errors.filter((e) => !/unsafe-eval|Content Security Policy/.test(e))).toEqual([]);
    expect(log.dialogs).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("opened outside Excel without a workbook, the pane says so", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === base) return route.continue();
      const hosted = "/lib/1/hosted/";
      const file = normalize(join(officeDist, url.pathname.slice(hosted.length)));
      if (url.hostname === "appsforoffice.microsoft.com" && file.startsWith(officeDist + sep) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(file, "utf8") });
      }
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector(".notice-note");
    expect(await page.textContent("#app")).toContain("Open it from Excel");
    expect(await page.locator("[data-step]").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
