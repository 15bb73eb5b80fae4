/**
 * The shared workflow (src/app: preview, template, read, run) over the in-memory port: inventory previews of each layout,
 * validation with every bad cell, outputs, re-runs that touch nothing but the add-in's own sheets,
 * name clashes, cancellation. Reference values come from the engine's own run of the 长株潭 sample
 * (src/samples/changzhutan.ts, CEADs data — citation in data/README.md).
 */
import { formatIssue, runScenarios, tonnesPer, type Issue } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { createMemoryPort, type MemoryPort } from "../../src/workbook/memory";
import { VALIDATION_LISTS } from "../../src/app";
import { createScenarioSheets, freeSheetName, previewInventory, readScenario, runAndWrite } from "../../src/app";
import { changzhutanLongRows, changzhutanWideRows, hunanSectorRows } from "../helpers/inventory-grids";
import { issues, value } from "../helpers/result";

/** Every non-owned sheet's cells and formats, as JSON, for byte-for-byte comparison. */
function userSnapshot(port: MemoryPort): string {
  const owned = new Set((JSON.parse(port.memory.settings.get("carbonPeak.ownedSheets") ?? "[]") as string[]).map((s) => s.toLowerCase()));
  return JSON.stringify(
    port.memory.sheetList.filter((s) => !owned.has(s.name.toLowerCase())).map((s) => ({ name: s.name, cells: s.cells, formats: [...s.formats] })),
  );
}

async function examplePort(extra: Record<string, unknown[][]> = {}): Promise<MemoryPort> {
  const port = createMemoryPort(extra);
  value(await createScenarioSheets(port, { example: "changzhutan" }));
  return port;
}

function cells(port: MemoryPort, sheet: string): unknown[][] {
  return port.memory.sheetList.find((s) => s.name === sheet)!.cells;
}

describe("argument validation", () => {
  test("a workbook without scenario sheets lists each missing sheet, and no inventory", async () => {
    const port = createMemoryPort({ Notes: [["just notes"]] });
    const codes = issues(await readScenario(port)).map((i) => `${i.code}:${String(i.role ?? i.path[0])}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "scenario_sheet_missing:Settings",
        "scenario_sheet_missing:Drivers",
        "scenario_sheet_missing:Levers",
        "inventory_not_found:sheets",
      ]),
    );
  });

  test("validation lists every bad cell of inventory and scenario sheets at once, each with its address", async () => {
    const port = await examplePort();
    const st = port.memory;
    const sheet = (n: string) => st.sheetList.find((s) => s.name === n)!.cells;
    sheet("Inventory")[2][3] = "abc"; // Inventory!D3: text in a number cell
    sheet("Levers")[1][5] = 1.5; // Levers!F2: a share above 1
    sheet("Levers")[2][4] = "teleport"; // Levers!E3: unknown kind
    sheet("Drivers")[1][5] = 5; // Drivers!F2: +500%/yr is out of range
    sheet("Settings")[3][1] = "soon"; // Settings!B4: end year is text
    const found = issues(await readScenario(port));
    const where = found.map((i) => i.cell);
    expect(where).toEqual(expect.arrayContaining(["Inventory!D3", "Levers!F2", "Levers!E3", "Drivers!F2", "Settings!B4"]));
    for (const i of found) expect(formatIssue(i)).toMatch(/^[^:]+![A-Z]+\d+(:\d+)?: /);
  });

  test("an unknown column header and an unknown setting are reported at their cells", async () => {
    const port = await examplePort();
    cells(port, "Levers")[0][13] = "Comment";
    cells(port, "Settings").push(["Colour", "blue"]);
    const found = issues(await readScenario(port));
    expect(found.map((i) => [i.code, i.cell])).toEqual(
      expect.arrayContaining([
        ["unknown_field", "Levers!N1"],
        ["unknown_field", `Settings!A${cells(port, "Settings").length}`],
      ]),
    );
  });

  test("a base year the inventory lacks is reported at the Base year cell, naming every city and the years it has", async () => {
    const port = await examplePort();
    cells(port, "Settings")[2][1] = 2014;
    const found = issues(await readScenario(port)).filter((i) => i.code === "inventory_base_year_city");
    // The years each city has in the CEADs city totals (data/README.md): 长沙 2015–2019, 株洲 2015, 湘潭 2015–2017.
    expect(found.map((i) => [i.cell, i.city, i.years])).toEqual([
      ["Settings!B3", "长沙", "2015–2019"],
      ["Settings!B3", "株洲", "2015"],
      ["Settings!B3", "湘潭", "2015–2017"],
    ]);
  });
});

describe("edge cases", () => {
  test.each([
    ["long", changzhutanLongRows(), "Mt"], // the header says emissions_mt (shown as its symbol)
    ["wide", changzhutanWideRows(), "Mt"],
  ])("a %s inventory is previewed with its cities, years, unit and yearly totals", async (layout, rows, unit) => {
    const port = createMemoryPort({ Readme: [["CEADs download"]], Data: rows as unknown[][] });
    const p = value(await previewInventory(port));
    expect(p.layout).toBe(layout);
    expect(p.sheet).toBe("Data");
    expect(p.unit).toBe(unit);
    expect([...p.cities].sort()).toEqual(["湖南株洲", "湖南湘潭", "湖南长沙"]);
    // data/ceads-changzhutan-city-totals.csv: 长沙 has 2019 alone; 2015 is the last year all three have.
    expect(p.years[p.years.length - 1]).toBe(2019);
    const y2015 = p.totalsByYear.find((t) => t.year === 2015)!;
    expect(y2015.complete).toBe(true);
    expect(y2015.total).toBeCloseTo(30.012426249321944 + 19.908405500068486 + 41.283699678509166, 9);
    expect(p.totalsByYear.find((t) => t.year === 2019)!.complete).toBe(false);
    // …and the incomplete years name the members without a value: 2019 is 长沙's alone.
    expect(y2015.missing).toEqual([]);
    expect([...p.totalsByYear.find((t) => t.year === 2019)!.missing].sort()).toEqual(["湖南株洲", "湖南湘潭"]);
  });

  test("a sector × fuel matrix is previewed as one region and year", async () => {
    const port = createMemoryPort({ Hunan2019: hunanSectorRows() });
    const p = value(await previewInventory(port));
    expect(p.layout).toBe("matrix");
    expect(p.years).toEqual([2019]);
    // data/ceads-hunan-2019-sectors.csv: the 47 sectors sum to TotalEmissions 310.64 Mt.
    expect(p.totalsByYear[0].total).toBeCloseTo(310.6416664583151, 6);
  });

  test("a preview with rejected cells still shows the layout and lists every rejected cell", async () => {
    const rows = changzhutanLongRows();
    rows[3][2] = "n/a";
    rows[5][2] = "#REF!";
    const p = value(await previewInventory(createMemoryPort({ Data: rows })));
    expect(p.layout).toBe("long");
    expect(p.issues.map((i) => i.cell)).toEqual(["Data!C4", "Data!C6"]);
  });

  test("an explicit source overrides the search, and its unit chooser applies", async () => {
    const port = createMemoryPort({
      A: changzhutanLongRows(),
      B: [
        ["City", "Year", "Emissions"],
        ["长沙", 2019, 3245],
      ],
    });
    const p = value(await previewInventory(port, { sheet: "B", unit: "万t" }));
    expect(p.sheet).toBe("B");
    expect(p.unit).toBe("万t");
  });

  test("an output name a user's sheet already has becomes 'Results (2)', and the user's sheet is untouched", async () => {
    const port = await examplePort({ Results: [["my own results"], [42]] });
    const before = userSnapshot(port);
    const r = value(await runAndWrite(port));
    expect(r.outputs).toContain("Results (2)");
    expect(userSnapshot(port)).toBe(before);
    expect(cells(port, "Results (2)")[0]).toEqual(["Scenario", "City", "Sector", "Year", "Emissions (Mt CO2)", "Basis"]);
  });

  test("the template never writes into an existing sheet: a taken name gets a suffix and is the one read", async () => {
    const port = createMemoryPort({ Settings: [["my settings"]] });
    const made = value(await createScenarioSheets(port, { example: "changzhutan" }));
    expect(made.sheets[0]).toBe("Settings (2)");
    expect(cells(port, "Settings")).toEqual([["my settings"]]);
    expect(value(await readScenario(port)).sheets.settings).toBe("Settings (2)");
  });

  test("the template's Levers and Drivers carry dropdowns (kind, shape, distribution) on their data rows and 50 below", async () => {
    const port = await examplePort();
    const sheet = (n: string) => port.memory.sheetList.find((s) => s.name === n)!;
    const header = cells(port, "Levers")[0] as string[];
    const col = (h: string[], en: string) => h.findIndex((x) => x.startsWith(`${en} /`)) + 1;
    const rows = cells(port, "Levers").length;
    expect(sheet("Levers").validations).toEqual([
      { col: col(header, "Kind"), row: 2, lastRow: rows + 50, list: [...VALIDATION_LISTS.levers.kind] },
      { col: col(header, "Shape"), row: 2, lastRow: rows + 50, list: [...VALIDATION_LISTS.levers.shape] },
      { col: col(header, "Distribution"), row: 2, lastRow: rows + 50, list: ["normal", "triangular", "uniform"] },
    ]);
    const dh = cells(port, "Drivers")[0] as string[];
    expect(sheet("Drivers").validations).toEqual([
      { col: col(dh, "Distribution"), row: 2, lastRow: cells(port, "Drivers").length + 50, list: ["normal", "triangular", "uniform"] },
    ]);
    expect(sheet("Settings").validations).toBeUndefined();
  });

  test("a Chinese template (参数, 驱动因素, 减排措施, 活动水平, 社会经济, 目标, 排放清单) reads back to the same model", async () => {
    const port = createMemoryPort();
    expect(value(await createScenarioSheets(port, { example: "changzhutan", lang: "zh" })).sheets).toEqual([
      "参数",
      "驱动因素",
      "减排措施",
      "活动水平",
      "社会经济",
      "目标",
      "排放清单",
    ]);
    const read = value(await readScenario(port));
    const en = value(await readScenario(await examplePort()));
    expect(Array.from(read.model.base)).toEqual(Array.from(en.model.base));
    expect(read.inputHash).toBe(en.inputHash);
  });

  test("cancelling mid-run writes nothing", async () => {
    const port = await examplePort();
    const logged = port.memory.log.length;
    const controller = new AbortController();
    const r = await runAndWrite(port, { signal: controller.signal, onProgress: (_f, stage) => stage === "run" && controller.abort() });
    expect(issues(r).map((i) => i.code)).toEqual(["cancelled"]);
    expect(port.memory.log.length).toBe(logged);
  });

  test("invalid input writes nothing", async () => {
    const port = await examplePort();
    cells(port, "Levers")[1][5] = "lots";
    const logged = port.memory.log.length;
    expect((await runAndWrite(port)).ok).toBe(false);
    expect(port.memory.log.length).toBe(logged);
  });
});

describe("invariants", () => {
  test("a re-run replaces its own outputs and leaves every user sheet byte for byte as it was", async () => {
    const port = await examplePort({ Notes: [["keep me", 1, null, "x"]], Peaks: [["a user's peaks"]] });
    value(await runAndWrite(port, { now: () => new Date("2024-01-01T00:00:00Z") }));
    const before = userSnapshot(port);
    const sheetsBefore = port.memory.sheetList.map((s) => s.name);
    const logStart = port.memory.log.length;
    const second = value(await runAndWrite(port, { now: () => new Date("2024-01-02T00:00:00Z") }));
    expect(userSnapshot(port)).toBe(before);
    expect(port.memory.sheetList.map((s) => s.name)).toEqual(sheetsBefore);
    const touched = new Set(port.memory.log.slice(logStart).flatMap((w) => (w.sheet ? [w.sheet] : [])));
    expect([...touched].sort()).toEqual([...second.outputs].sort());
    expect(second.outputs).toContain("Peaks (2)");
  });

  test("a run costs a fixed number of port calls: one look at the workbook, one read, one write, one record", async () => {
    const port = await examplePort();
    const calls: string[] = [];
    const counted = new Proxy(port, {
      get(target, key, receiver) {
        const v: unknown = Reflect.get(target, key, receiver);
        return typeof v === "function" ? (...args: unknown[]) => (calls.push(String(key)), (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
      },
    });
    value(await runAndWrite(counted, { formulas: true, draws: 10 }));
    expect(calls.sort()).toEqual(["findTables", "getSettings", "listSheets", "readMany", "setSettings", "writeMany"]);
  });

  test("the input hash depends on the values, not on where they sit", async () => {
    const a = value(await readScenario(await examplePort()));
    const moved = await examplePort();
    const lev = cells(moved, "Levers");
    lev.splice(1, 0, []); // a blank row shifts every lever one row down
    const b = value(await readScenario(moved));
    expect(b.inputHash).toBe(a.inputHash);
    cells(moved, "Levers")[2][5] = 0.0961;
    expect(value(await readScenario(moved)).inputHash).not.toBe(a.inputHash);
  });
});

describe("reference values", () => {
  test("the 长株潭 example written by the template runs to exactly the engine's results for changzhutanInput()", async () => {
    const port = await examplePort();
    const summary = value(await runAndWrite(port, { version: "9.9.9", now: () => new Date("2024-05-01T08:00:00Z") }));
    const ref = value(runScenarios(changzhutanInput()));
    const mt = tonnesPer("Mt")!;
    expect(summary.peaks.map((p) => [p.scenario, p.region, p.peakYear, p.status])).toEqual(
      ref.peaks.map((p) => [p.scenario, p.region, p.status === "rising" ? null : p.year, p.status]),
    );
    summary.peaks.forEach((p, i) =>
      expect(p.peakValue === null ? null : p.peakValue * mt).toBeCloseTo(
        ref.peaks[i].status === "rising" ? (null as unknown as number) : ref.peaks[i].value,
        3,
      ),
    );
    // Every results cell equals the engine's emissions (Mt = tCO2 / 1e6).
    const res = cells(port, "Results");
    expect(res.length - 1).toBe(ref.scenarios.length * ref.cities.length * ref.sectors.length * ref.years.length);
    // A gap in the measured history (NaN in the engine: 株洲 2016–2018, 湘潭 2018) is a blank cell.
    let worst = 0;
    let gaps = 0;
    res.slice(1).forEach((row, i) => {
      const k = Math.floor(i / (ref.cities.length * ref.sectors.length * ref.years.length));
      const e = ref.emissions[k][i % ref.emissions[k].length];
      if (Number.isNaN(e)) {
        expect(row[4]).toBeNull();
        gaps++;
        return;
      }
      worst = Math.max(worst, Math.abs((row[4] as number) * mt - e) / Math.max(1, e));
    });
    expect(worst).toBeLessThan(1e-12);
    // 株洲 2016–2018 and 湘潭 2018, 8 sectors each, in each of the 3 scenarios (CEADs city totals, data/README.md).
    expect(gaps).toBe(3 * 8 * 4);
    expect(summary.record).toMatchObject({ at: "2024-05-01T08:00:00.000Z", version: "9.9.9", unit: "Mt", inventory: "Inventory!A1:H25" });
    expect(summary.record.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const info = cells(port, "Run info");
    expect(info).toEqual(
      expect.arrayContaining([
        ["Input hash (SHA-256)", summary.record.inputHash],
        ["Version", "9.9.9"],
      ]),
    );
    // Charts: the cluster trajectory and one sector-wedge chart per non-baseline scenario.
    expect(port.memory.charts.map((c) => c.spec.type)).toEqual(["line", "stackedArea", "stackedArea"]);
    expect(summary.outputs).toEqual(["Results", "Peaks", "Target results", "Reductions", "Coordination", "Decomposition", "Indicators", "Charts", "Run info"]);
  });

  test("coordination benefit rows equal independent − coordinated from the engine", async () => {
    const port = await examplePort();
    value(await runAndWrite(port));
    const ref = value(runScenarios(changzhutanInput()));
    const Y = ref.years.length;
    const rows = cells(port, "Coordination").slice(1);
    expect(rows.length).toBe(ref.sectors.length * Y);
    // A gap year of the history has no benefit to state: blank, as the engine's NaN.
    rows.forEach((r, i) =>
      Number.isNaN(ref.coordination!.bySector[i]) ? expect(r[2]).toBeNull() : expect((r[2] as number) * 1e6).toBeCloseTo(ref.coordination!.bySector[i], 3),
    );
  });
});

describe("freeSheetName", () => {
  test("suffixes (2), (3) … case-insensitively and keeps 31 characters", () => {
    expect(freeSheetName("Results", ["results", "Results (2)"])).toBe("Results (3)");
    expect(freeSheetName("x".repeat(31), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});

export type { Issue };
