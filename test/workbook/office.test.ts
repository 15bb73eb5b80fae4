// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; that package pulls in an
// ES-module-only dependency (strip-bom 5) which jest's CommonJS runtime cannot load. Stand in for it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { OfficeMockObject } from "office-addin-mock";
import { formatIssue, readInventory, type Result } from "../../src/engine";
import { createOfficePort, DEFAULT_PAYLOAD_LIMIT, OWNED_TABLES_KEY, payloadBytes } from "../../src/workbook/office";
import { OWNED_MARKS_KEY, OWNED_SHEETS_KEY, SETTINGS_KEY, type WriteOp } from "../../src/workbook/port";
import { OWNER_MARK_NAME, markFormula } from "../../src/workbook/policy";
import { createPackagePort } from "../../src/workbook/xlsx/store";
import { fakeBookOf, newXlsx, xlsxOf } from "../helpers/xlsx-books";
import { CHARTS_KEY, STORE_SHEET, decodeStore, encodeStore, encodeStoreRow } from "../../src/workbook/store-sheet";
import { FakeExcel, fakeBook } from "../helpers/excel-mock";
import { hunanSectorRows } from "../helpers/inventory-grids";

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
  return r.value;
};

const YEARS = Array.from({ length: 41 }, (_, i) => 1980 + i);
/** 300 cities × 8 sectors × 41 years, wide: a header and 2,400 rows × 43 columns = 103,243 cells. */
function bigInventory(): unknown[][] {
  const rows: unknown[][] = [["City", "Sector", ...YEARS]];
  for (let c = 0; c < 300; c++) for (let s = 0; s < 8; s++) rows.push([`City ${c}`, `Sector ${s}`, ...YEARS.map((y, i) => ((c * 31 + s * 7 + i) % 97) + 0.5)]);
  return rows;
}
const scenarioSheets = () => ({
  Settings: [
    ["base_year", 2020],
    ["end_year", 2060],
    ["units", "Mt"],
  ],
  Drivers: [
    ["variable", "from", "to", "rate"],
    ["emissions", 2021, 2025, 0.02],
  ],
  Levers: [
    ["scenario", "name", "kind", "value"],
    ["coordinated", "building standard", "align_best", 1],
  ],
});
/** Results rows: 300 cities × 41 years × 2 scenarios (24,600 rows × 5 columns). */
function results(n = 300): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const sc of ["baseline", "coordinated"]) for (let c = 0; c < n; c++) for (const y of YEARS) out.push([sc, `City ${c}`, "Total", y, 12.5 + c / 7]);
  return out;
}
const outputOps = (rows: (string | number)[][]): WriteOp[] => [
  { kind: "addSheet", sheet: "CP Results" },
  { kind: "clearSheet", sheet: "CP Results" },
  {
    kind: "table",
    sheet: "CP Results",
    header: ["scenario", "city", "sector", "year", "emissions"],
    rows,
    tableName: "CP_Results",
    numberFormats: { emissions: "#,##0.00" },
  },
  { kind: "addSheet", sheet: "CP Peaks" },
  { kind: "clearSheet", sheet: "CP Peaks" },
  { kind: "table", sheet: "CP Peaks", header: ["scenario", "city", "peak_year"], rows: [["baseline", "长株潭", 2028]], tableName: "CP_Peaks" },
  { kind: "chart", sheet: "CP Peaks", spec: { type: "line", title: "长株潭", source: { table: "CP_Peaks" }, anchor: "E2" } },
];

describe("the load/sync rules the mock enforces", () => {
  test("office-addin-mock alone returns an error text for an unloaded property; the strict wrapper throws", async () => {
    // The library's own behaviour (why the wrapper exists): no exception, an error string.
    const plain = new OfficeMockObject({ range: { values: [[1]] } }) as unknown as { range: { values: unknown; load(p: string): void; sync(): Promise<void> } };
    expect(plain.range.values).toBe("Error, property was not loaded");
    plain.range.load("values");
    expect(plain.range.values).toBe("Error, context.sync() was not called");
    // The wrapped fake throws for both.
    const excel = new FakeExcel(fakeBook({ S: [[1]] }));
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => r.values).toThrow("property was not loaded");
      r.load("values");
      expect(() => r.values).toThrow("context.sync() was not called");
      expect(() => ctx.workbook.worksheets.items).toThrow("before load");
      await ctx.sync();
      expect(r.values).toEqual([[1]]);
    });
  });
});

describe("Office adapter — argument validation", () => {
  test("a missing sheet or table is reported (Excel fails the batch; the adapter finds out which)", async () => {
    const excel = new FakeExcel(
      fakeBook({
        Inventory: [
          ["City", 2019],
          ["A", 1],
        ],
      }),
    );
    const port = createOfficePort({ run: excel.run });
    const r = await port.readMany([
      { kind: "range", sheet: "Inventory" },
      { kind: "range", sheet: "Levers" },
      { kind: "table", name: "Drivers" },
    ]);
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual(['sheet "Levers" does not exist', 'there is no table named "Drivers"']);
  });
  test("a malformed address is refused before any round trip", async () => {
    const excel = new FakeExcel(fakeBook({ S: [] }));
    const r = await createOfficePort({ run: excel.run }).readRange("S", "A1:");
    expect(!r.ok && r.issues[0].code).toBe("address_invalid");
    expect(excel.syncCount).toBe(0);
  });
  test("writes into a user's sheet are refused after one sync, and nothing is written", async () => {
    const excel = new FakeExcel(
      fakeBook({
        Inventory: [
          ["City", 2019],
          ["A", 1],
        ],
      }),
    );
    const before = JSON.stringify(excel.book);
    const r = await createOfficePort({ run: excel.run }).writeMany([{ kind: "table", sheet: "Inventory", header: ["x"], rows: [[1]] }]);
    expect(!r.ok && r.issues[0].code).toBe("sheet_not_owned");
    expect(excel.syncs.every((s) => s.writes === 0)).toBe(true);
    expect(JSON.stringify(excel.book)).toBe(before);
  });
});

describe("Office adapter — sync counts (docs/design.md §5: a small constant number of syncs)", () => {
  test("reading a 100,000-cell inventory and the three scenario sheets costs 2 syncs", async () => {
    const excel = new FakeExcel(fakeBook({ Inventory: bigInventory(), ...scenarioSheets() }));
    const port = createOfficePort({ run: excel.run });
    const grids = value(await port.readMany(["Inventory", "Settings", "Drivers", "Levers"].map((sheet) => ({ kind: "range" as const, sheet }))));
    expect(excel.syncCount).toBe(2);
    expect(grids[0].values.length * grids[0].values[0].length).toBe(103243); // 2,401 rows × 43 columns
    const inv = value(readInventory(grids[0], { unit: "Mt" }));
    expect([inv.cities.length, inv.sectors.length, inv.years.length]).toEqual([300, 8, 41]);
    expect(excel.syncs.every((s) => s.bytes <= DEFAULT_PAYLOAD_LIMIT)).toBe(true);
  });
  test("only the properties used are loaded", async () => {
    const excel = new FakeExcel(fakeBook({ Inventory: bigInventory(), ...scenarioSheets() }));
    const port = createOfficePort({ run: excel.run });
    value(
      await port.readMany([
        { kind: "range", sheet: "Inventory" },
        { kind: "range", sheet: "Settings", address: "A1:B3" },
      ]),
    );
    expect(new Set(excel.loads)).toEqual(new Set(["address,rowCount,columnCount", "name", "values"]));
  });
  test("writing every output (two tables, number formats, a chart, ownership) costs 2 syncs, calculation suspended", async () => {
    const excel = new FakeExcel(fakeBook({ Inventory: [["City"]] }));
    const port = createOfficePort({ run: excel.run });
    const rows = results();
    expect(payloadBytes(rows)).toBeLessThan(DEFAULT_PAYLOAD_LIMIT); // ~24,600 rows: under 5 MB
    value(await port.writeMany(outputOps(rows)));
    expect(excel.syncCount).toBe(2);
    expect(excel.syncs[1].suspended).toBe(true);
    expect(excel.book.tables.map((t) => [t.name, t.address])).toEqual([
      ["CP_Results", "'CP Results'!A1:E24601"],
      ["CP_Peaks", "'CP Peaks'!A1:C2"],
    ]);
    expect(excel.sheet("CP Results")!.cells[24600]).toEqual(["coordinated", "City 299", "Total", 2020, 12.5 + 299 / 7]);
    expect(excel.sheet("CP Results")!.formats.get("2,5")).toBe("#,##0.00");
    expect(excel.sheet("CP Peaks")!.charts).toEqual([{ name: "Chart 1", type: "Line/Columns", source: "'CP Peaks'!A1:C2", title: "长株潭", position: "E2" }]);
    expect(excel.book.settings.get(OWNED_SHEETS_KEY)).toEqual(["CP Results", "CP Peaks"]);
    expect(excel.book.settings.get(OWNED_TABLES_KEY)).toEqual([
      { name: "CP_Results", sheet: "CP Results", address: "'CP Results'!A1:E24601" },
      { name: "CP_Peaks", sheet: "CP Peaks", address: "'CP Peaks'!A1:C2" },
    ]);
  });
  test("a re-run replaces its own tables and charts (still 2 syncs) and leaves the user's sheet alone", async () => {
    const excel = new FakeExcel(
      fakeBook({
        Inventory: [
          ["City", 2019],
          ["A", 1],
        ],
      }),
    );
    const port = createOfficePort({ run: excel.run });
    value(await port.writeMany(outputOps(results(3))));
    const user = JSON.stringify(excel.sheet("Inventory"));
    excel.reset();
    value(await port.writeMany(outputOps(results(2))));
    expect(excel.syncCount).toBe(2);
    expect(excel.book.tables.map((t) => t.address)).toEqual(["'CP Results'!A1:E165", "'CP Peaks'!A1:C2"]);
    expect(excel.sheet("CP Results")!.cells.length).toBe(165); // the longer first run is gone
    expect(excel.sheet("CP Peaks")!.charts).toHaveLength(1);
    expect(JSON.stringify(excel.sheet("Inventory"))).toBe(user);
  });
  test("chunking only past the payload limit: each sync stays under it", async () => {
    const rows = results();
    const limit = 400_000; // forced small limit (the real one is 5 MB)
    const excel = new FakeExcel(fakeBook({ Inventory: bigInventory() }));
    const port = createOfficePort({ run: excel.run, payloadLimit: limit });
    value(await port.writeMany(outputOps(rows)));
    const writes = excel.syncCount;
    const expected = Math.ceil(payloadBytes(rows) / limit);
    expect(writes).toBeGreaterThanOrEqual(1 + expected);
    expect(writes).toBeLessThanOrEqual(3 + expected);
    expect(excel.syncs.every((s) => s.bytes <= limit)).toBe(true);
    expect(excel.syncs.slice(1).every((s) => s.suspended)).toBe(true);
    expect(excel.sheet("CP Results")!.cells[24600][1]).toBe("City 299");

    excel.reset();
    const grids = value(await port.readMany([{ kind: "range", sheet: "Inventory" }]));
    expect(excel.syncCount).toBeGreaterThan(2);
    expect(excel.syncs.every((s) => s.bytes <= limit)).toBe(true);
    expect(grids[0].values).toEqual(bigInventory()); // chunks reassemble in order
  });
});

describe("Office adapter — edge cases", () => {
  test("the used range's origin is kept; an empty sheet reads as an empty grid", async () => {
    const excel = new FakeExcel(fakeBook({ S: [[], [null, "City", 2019], [null, "A", 1]], Empty: [] }));
    const port = createOfficePort({ run: excel.run });
    const [s, e] = value(
      await port.readMany([
        { kind: "range", sheet: "S" },
        { kind: "range", sheet: "Empty" },
      ]),
    );
    expect([s.origin, s.values]).toEqual([
      { row: 2, col: 2 },
      [
        ["City", 2019],
        ["A", 1],
      ],
    ]);
    expect(e.values).toEqual([]);
  });
  test("tables are found and read with their header", async () => {
    const excel = new FakeExcel(fakeBook({ Data: [[null], [null, "a", "b"], [null, 1, 2]] }));
    excel.book.tables.push({ name: "T", sheet: "Data", address: "Data!B2:C3" });
    const port = createOfficePort({ run: excel.run });
    expect(value(await port.findTables())).toEqual([{ name: "T", sheet: "Data", address: "Data!B2:C3" }]);
    expect(value(await port.readTable("t"))).toEqual({
      sheet: "Data",
      origin: { row: 2, col: 2 },
      values: [
        ["a", "b"],
        [1, 2],
      ],
    });
  });
  test("settings are written to the _carbonpeak sheet and workbook.settings; listSheets reports ownership", async () => {
    const excel = new FakeExcel(fakeBook({ Inventory: [] }));
    const port = createOfficePort({ run: excel.run });
    expect(value(await port.getSettings())).toEqual({});
    value(await port.setSettings({ baseYear: 2020, scenarios: ["coordinated"] }));
    expect(excel.book.settings.get(SETTINGS_KEY)).toEqual({ baseYear: 2020, scenarios: ["coordinated"] });
    expect(value(await port.getSettings())).toEqual({ baseYear: 2020, scenarios: ["coordinated"] });
    value(await port.addSheet("CP Results"));
    expect(value(await port.listSheets())).toEqual([
      { name: "Inventory", visible: true, owned: false },
      { name: "CP Results", visible: true, owned: true },
    ]);
  });
  test("clicking a rejected cell selects it in Excel", async () => {
    const excel = new FakeExcel(fakeBook({ Hunan2019: hunanSectorRows() }));
    const port = createOfficePort({ run: excel.run });
    const grid = value(await port.readRange("Hunan2019"));
    (grid.values[5] as unknown[])[1] = "n/a";
    const r = readInventory(grid);
    const cell = !r.ok ? r.issues[0].cell! : "";
    expect(cell).toBe("Hunan2019!B6");
    value(await port.selectCell(cell));
    expect([excel.book.active, excel.book.selection]).toEqual(["Hunan2019", "Hunan2019!B6"]);
    expect((await port.selectCell("Nope!A1")).ok).toBe(false);
  });
});

/** The `_carbonpeak` sheet's cells as rows from A1 (blank cells as null). */
const storeRows = (excel: FakeExcel) => excel.sheet(STORE_SHEET)!.cells.map((r) => [...r].map((v) => (v === undefined || v === "" ? null : v)));

describe("Office adapter — the _carbonpeak sheet and ownership marks shared with the file adapter (CLI)", () => {
  const marks = { "CP Results": "cp-00000000000000a1", "CP Peaks": "cp-00000000000000a2" };
  const cliRecords = () =>
    new Map([
      [SETTINGS_KEY, JSON.stringify({ baseYear: 2019, note: "长株潭 ".repeat(6) })],
      [OWNED_SHEETS_KEY, JSON.stringify(["CP Results", "CP Peaks"])],
      [OWNED_MARKS_KEY, JSON.stringify(Object.entries(marks).map(([sheet, mark]) => ({ sheet, mark })))],
      [
        CHARTS_KEY,
        JSON.stringify([
          { sheet: "CP Results", spec: { type: "line", title: "t", source: { table: "CP_Results" } }, source: "'CP Results'!A1:E3", anchor: "'CP Results'!H2" },
          { sheet: "Other", spec: { type: "line", title: "u", source: { table: "X" } }, source: "Other!A1:B2", anchor: "Other!H2" },
        ]),
      ],
    ]);
  /** A book as the CLI leaves it: records in the store sheet, each owned sheet with its hidden sheet-scoped mark. */
  const cliBook = (rows: unknown[][]) => {
    const book = fakeBook({
      Inventory: [
        ["City", 2019],
        ["A", 1],
      ],
      "CP Results": [["scenario"], ["baseline"]],
      "CP Peaks": [["x"]],
      [STORE_SHEET]: rows,
    });
    book.sheets[3].visibility = "VeryHidden";
    for (const s of book.sheets) {
      const mark = marks[s.name as keyof typeof marks];
      if (mark) s.names = [{ name: OWNER_MARK_NAME, formula: `=${markFormula(mark)}`, visible: false }];
    }
    return book;
  };

  test("a store sheet as the CLI writes it (pieces over several cells) and the sheets' marks: owned sheets and settings are recognised", async () => {
    const rows = encodeStore(cliRecords(), 9); // small pieces: every value spans several cells
    expect(rows[0].length).toBeGreaterThan(3);
    const excel = new FakeExcel(cliBook(rows));
    const port = createOfficePort({ run: excel.run });
    expect(value(await port.listSheets())).toEqual([
      { name: "Inventory", visible: true, owned: false },
      { name: "CP Results", visible: true, owned: true },
      { name: "CP Peaks", visible: true, owned: true },
    ]);
    expect(excel.syncCount).toBe(1);
    excel.reset();
    expect(value(await port.getSettings())).toEqual({ baseYear: 2019, note: "长株潭 ".repeat(6) });
    expect(excel.syncCount).toBe(1);
    // The CLI's outputs are replaced in place (no "CP Results (2)"), in 2 syncs.
    excel.reset();
    value(await port.writeMany(outputOps(results(1))));
    expect(excel.syncCount).toBe(2);
    expect(excel.book.sheets.map((s) => s.name)).toEqual(["Inventory", "CP Results", "CP Peaks", STORE_SHEET]);
    const after = decodeStore(storeRows(excel));
    expect(JSON.parse(after.get(SETTINGS_KEY)!)).toEqual({ baseYear: 2019, note: "长株潭 ".repeat(6) });
    expect(JSON.parse(after.get(OWNED_SHEETS_KEY)!)).toEqual(["CP Results", "CP Peaks"]);
    expect(JSON.parse(after.get(OWNED_MARKS_KEY)!)).toEqual(Object.entries(marks).map(([sheet, mark]) => ({ sheet, mark })));
    // The chart record of the cleared sheet goes with it; the other is kept.
    expect(JSON.parse(after.get(CHARTS_KEY)!).map((c: { sheet: string }) => c.sheet)).toEqual(["Other"]);
  });

  test("an .xlsx written by the package adapter (the CLI) is owned the same way by the Office adapter", async () => {
    const cli = createPackagePort(await newXlsx(["Inventory"]));
    value(await cli.addSheet("CP Results"));
    value(await cli.setSettings({ baseYear: 2020, units: "Mt" }));
    const book = fakeBookOf(cli.xlsx.save());
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Inventory", "Visible"],
      ["CP Results", "Visible"],
      [STORE_SHEET, "VeryHidden"],
    ]);
    const excel = new FakeExcel(book);
    const port = createOfficePort({ run: excel.run });
    expect(value(await port.listSheets()).map((s) => [s.name, s.owned])).toEqual([
      ["Inventory", false],
      ["CP Results", true],
    ]);
    expect(value(await port.getSettings())).toEqual({ baseYear: 2020, units: "Mt" });
    expect((await port.addSheet("CP Results")).ok).toBe(true); // owned: a no-op, not "name taken"
  });

  test("what the Office adapter writes decodes with the shared module, and the package adapter (the CLI) owns the same sheets", async () => {
    const excel = new FakeExcel(fakeBook({ Inventory: [["City"]] }));
    const port = createOfficePort({ run: excel.run });
    value(await port.writeMany(outputOps(results(1))));
    expect(excel.syncCount).toBe(2);
    excel.reset();
    value(await port.setSettings({ baseYear: 2020, scenarios: ["coordinated"] }));
    expect(excel.syncCount).toBe(2);
    const store = excel.sheet(STORE_SHEET)!;
    expect(store.visibility).toBe("VeryHidden");
    expect(store.formats.get("1,2")).toBe("@"); // text: Excel keeps each piece as written
    const entries = decodeStore(storeRows(excel));
    expect(JSON.parse(entries.get(SETTINGS_KEY)!)).toEqual({ baseYear: 2020, scenarios: ["coordinated"] });
    expect(JSON.parse(entries.get(OWNED_SHEETS_KEY)!)).toEqual(["CP Results", "CP Peaks"]);
    // Each new sheet carries a hidden mark, recorded with its name.
    const recorded = JSON.parse(entries.get(OWNED_MARKS_KEY)!) as { sheet: string; mark: string }[];
    expect(recorded.map((r) => r.sheet)).toEqual(["CP Results", "CP Peaks"]);
    for (const r of recorded) expect(excel.sheet(r.sheet)!.names).toEqual([{ name: OWNER_MARK_NAME, formula: `="${r.mark}"`, visible: false }]);
    // Hidden from the sheet list, like in the file adapter.
    expect(value(await port.listSheets()).map((s) => s.name)).toEqual(["Inventory", "CP Results", "CP Peaks"]);

    // The same cells and marks in an .xlsx: the CLI sees the pane's settings and owned sheets.
    const bytes = await xlsxOf(excel.book);
    const cli = createPackagePort(bytes);
    expect(value(await cli.getSettings())).toEqual({ baseYear: 2020, scenarios: ["coordinated"] });
    expect(value(await cli.listSheets()).map((s) => [s.name, s.owned])).toEqual([
      ["Inventory", false],
      ["CP Results", true],
      ["CP Peaks", true],
    ]);
  });

  test("by-name records of earlier versions (in workbook.settings or the sheet) own nothing: settings still read, the sheet is the user's", async () => {
    const excel = new FakeExcel(fakeBook({ Inventory: [["City"]], "CP Results": [["old"]] }));
    excel.book.settings.set(SETTINGS_KEY, { baseYear: 2018 });
    excel.book.settings.set(OWNED_SHEETS_KEY, ["CP Results"]);
    const port = createOfficePort({ run: excel.run });
    expect(value(await port.getSettings())).toEqual({ baseYear: 2018 });
    expect(value(await port.listSheets()).map((s) => [s.name, s.owned])).toEqual([
      ["Inventory", false],
      ["CP Results", false],
    ]);
    excel.reset();
    const refused = await port.writeMany([{ kind: "clearSheet", sheet: "CP Results" }]);
    expect(refused.ok ? [] : refused.issues.map((i) => i.code)).toEqual(["sheet_not_owned"]);
    expect(excel.sheet("CP Results")!.cells).toEqual([["old"]]);
    // Settings migrate to the sheet on the next write; the sheet wins over workbook.settings where both have a key.
    value(await port.setSettings({ baseYear: 2018 }));
    excel.book.settings.set(SETTINGS_KEY, { baseYear: 1999 });
    expect(value(await port.getSettings())).toEqual({ baseYear: 2018 });
  });
});

describe("store-sheet encoding", () => {
  test("pieces join back to the text; no later piece starts with a character Excel would reinterpret", () => {
    const json = JSON.stringify({ a: "ab'=c+d-e@f g".repeat(10), b: [1, -2, "=SUM(A1)"] });
    for (const chunk of [8, 9, 10, 16, 17, 32000]) {
      const row = encodeStoreRow("k", json, chunk);
      expect(row.slice(1).join("")).toBe(json);
      expect(row.slice(1).every((p) => p.length <= chunk && p.length > 0)).toBe(true);
      expect(row.slice(2).some((p) => /^['=+\-@\s]/.test(p))).toBe(false);
      expect(decodeStore([row]).get("k")).toBe(json);
    }
    expect(encodeStoreRow("k", "")).toEqual(["k", ""]);
    expect(
      decodeStore([
        ["k", "", "x"],
        [null, "y"],
        ["k", "z"],
      ]),
    ).toEqual(new Map([["k", ""]])); // first row of a key wins
  });
});

describe("Office adapter — data validation", () => {
  test("dropdown lists go on the data rows and 50 rows below, in the same write sync (still 2 syncs)", async () => {
    const excel = new FakeExcel(fakeBook({ Inventory: [["City"]] }));
    const port = createOfficePort({ run: excel.run });
    value(
      await port.writeMany([
        { kind: "addSheet", sheet: "Levers" },
        {
          kind: "table",
          sheet: "Levers",
          header: ["scenario", "name", "kind", "shape"],
          rows: [
            ["coordinated", "a", "reduce", "linear"],
            ["coordinated", "b", "intensity", "step"],
          ],
          validation: [
            { column: 2, list: ["reduce", "intensity"] },
            { column: 3, list: ["linear", "s-curve", "step"] },
          ],
        },
      ]),
    );
    expect(excel.syncCount).toBe(2);
    const v = excel.sheet("Levers")!.validations!;
    expect(v.map((x) => [x.address, x.rule])).toEqual([
      ["C2:C53", { list: { inCellDropDown: true, source: "reduce,intensity" } }],
      ["D2:D53", { list: { inCellDropDown: true, source: "linear,s-curve,step" } }],
    ]);
    expect(v[0].errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    // No values are written below the data.
    expect(excel.sheet("Levers")!.cells.length).toBe(3);
  });
  test("a bad column is refused before anything is written; a list over 255 characters is left out", async () => {
    const excel = new FakeExcel(fakeBook({}));
    const port = createOfficePort({ run: excel.run });
    const bad = await port.writeMany([
      { kind: "addSheet", sheet: "L" },
      { kind: "table", sheet: "L", header: ["a"], rows: [["x"]], validation: [{ column: 1, list: ["x"] }] },
    ]);
    expect(!bad.ok && bad.issues[0].path).toEqual(["ops", 1, "validation", 0, "column"]);
    expect(excel.sheet("L")).toBeUndefined();
    const long = Array.from({ length: 60 }, (_, i) => `item${i}`);
    value(
      await port.writeMany([
        { kind: "addSheet", sheet: "L" },
        {
          kind: "table",
          sheet: "L",
          header: ["a", "b"],
          rows: [["x", "y"]],
          validation: [
            { column: 0, list: long },
            { column: 1, list: ["y"] },
          ],
        },
      ]),
    );
    expect(excel.sheet("L")!.validations!.map((x) => x.address)).toEqual(["B2:B52"]);
  });
});
