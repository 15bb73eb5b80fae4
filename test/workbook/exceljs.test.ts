import ExcelJS from "exceljs";
import { UncachedFormula } from "../../src/engine";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { formatIssue, inventoryValue, readInventory, readInventoryFromSheets, TOTAL_SECTOR, type Grid, type Result } from "../../src/engine";
import { CHARTS_KEY, createExcelJsPort, gridValueOf, STORE_SHEET } from "../../src/workbook/exceljs";
import { changzhutanWideRows } from "../helpers/inventory-grids";

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
  return r.value;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "carbon-peak-xlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A downloaded-looking workbook: a notes sheet first, then a wide inventory with a merged two-row header. */
async function writeSource(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "CO2 emissions of 长株潭 cities; cite Shan et al. 2022 (data/README.md)";
  const ws = wb.addWorksheet("My Inventory");
  ws.getCell("A1").value = { richText: [{ text: "城市", font: { bold: true } }, { text: " City" }] };
  ws.mergeCells("A1:A2");
  ws.getCell("B1").value = "Year / 年份";
  ws.mergeCells("B1:E1");
  [2005, 2006, 2007, 2008].forEach((y, i) => (ws.getCell(2, 2 + i).value = y));
  ws.getCell("F1").value = "Unit";
  ws.getRow(3).values = ["湖南株洲", 24.673893760562137, 23.544754010404173, 24.323872870408408, null, "Mt"];
  ws.getRow(4).values = ["湖南长沙", 19.828072538623882, 23.115311293292883, null, null, "Mt"];
  ws.getCell("D4").value = { formula: "C4+1.894237053643027", result: 25.00954834693591 }; // cached result
  ws.getRow(5).values = ["湖南湘潭", { error: "#N/A" }, new Date(Date.UTC(2020, 0, 1)), "abc", null, "Mt"];
  await wb.xlsx.writeFile(path);
}

async function open(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return { wb, port: createExcelJsPort(wb) };
}

describe("ExcelJS adapter — argument validation", () => {
  test("missing sheets and tables, and writes into user sheets, are refused with issues, not exceptions", async () => {
    const path = join(dir, "refuse.xlsx");
    await writeSource(path);
    const { port } = await open(path);
    expect((await port.readRange("Nope")).ok).toBe(false);
    expect((await port.readTable("Nope")).ok).toBe(false);
    const r = await port.writeTable({ sheet: "My Inventory", header: ["a"], rows: [[1]] });
    expect(!r.ok && r.issues[0].code).toBe("sheet_not_owned");
  });
});

describe("ExcelJS adapter — edge cases (a real .xlsx written and read back)", () => {
  test("merged header, rich text, cached formula result, error and date cells read as Excel shows them", async () => {
    const path = join(dir, "source.xlsx");
    await writeSource(path);
    const { port } = await open(path);
    const g: Grid = value(await port.readRange("My Inventory"));
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.values[0]).toEqual(["城市 City", "Year / 年份", null, null, null, "Unit"]); // merged: value in the first cell only
    expect(g.values[1]).toEqual([null, 2005, 2006, 2007, 2008, null]);
    expect(g.values[3][2]).toBe(23.115311293292883);
    expect(g.values[3][3]).toBe(25.00954834693591); // the formula's cached result
    expect(g.values[4][1]).toBe("#N/A");
    expect(g.values[4][2]).toEqual(new Date(Date.UTC(2020, 0, 1)));
  });
  test("the inventory is found past the notes sheet; every bad cell is reported with its quoted address", async () => {
    const path = join(dir, "source2.xlsx");
    await writeSource(path);
    const { port, wb } = await open(path);
    const grids = value(await port.readMany(wb.worksheets.map((w) => ({ kind: "range" as const, sheet: w.name }))));
    const r = readInventoryFromSheets(grids);
    expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([
      "'My Inventory'!B5: contains the Excel error \"#N/A\"",
      "'My Inventory'!C5: \"2020-01-01\" is not a number",
      "'My Inventory'!D5: \"abc\" is not a number",
    ]);
  });
  test("gridValueOf: hyperlinks give their text, shared formulas their result, uncalculated formulas an UncachedFormula (never a blank)", () => {
    expect(gridValueOf({ text: "CEADs", hyperlink: "https://ceads.net" })).toBe("CEADs");
    expect(gridValueOf({ sharedFormula: "A1", result: 3 } as ExcelJS.CellValue)).toBe(3);
    expect(gridValueOf({ formula: "A1+1" })).toEqual(new UncachedFormula("=A1+1"));
  });
});

describe("ExcelJS adapter — workflow: read, write outputs, save, reopen", () => {
  test("tables with number formats, recorded charts and settings survive the file; user sheets do not change", async () => {
    const path = join(dir, "run.xlsx");
    const wb0 = new ExcelJS.Workbook();
    const inv = wb0.addWorksheet("emission matrix");
    changzhutanWideRows().forEach((row) => inv.addRow(row));
    wb0.addWorksheet("Notes").getCell("A1").value = "notes";
    await wb0.xlsx.writeFile(path);

    const { wb, port } = await open(path);
    const before = value(
      await port.readMany([
        { kind: "range", sheet: "emission matrix" },
        { kind: "range", sheet: "Notes" },
      ]),
    );
    const inventory = value(readInventory(before[0]));
    const rows = inventory.cities.flatMap((c) => inventory.years.map((y) => [c, y, inventoryValue(inventory, c, TOTAL_SECTOR, y)]));
    const ops = (n: number) => [
      { kind: "addSheet" as const, sheet: "CP Results" },
      { kind: "clearSheet" as const, sheet: "CP Results" },
      {
        kind: "table" as const,
        sheet: "CP Results",
        header: ["city", "year", "emissions_mt"],
        rows: rows.slice(0, n).map((r) => r.map((x) => (Number.isNaN(x) ? null : x))),
        tableName: "CP_Results",
        numberFormats: { emissions_mt: "0.00" },
      },
      { kind: "chart" as const, sheet: "CP Results", spec: { type: "line" as const, title: "长株潭", source: { table: "CP_Results" } } },
    ];
    value(await port.writeMany(ops(rows.length)));
    value(await port.writeMany(ops(10))); // a re-run replaces its outputs
    value(await port.setSettings({ baseYear: 2019, units: "Mt" }));
    await wb.xlsx.writeFile(path);

    const again = await open(path);
    expect(value(await again.port.findTables())).toEqual([{ name: "CP_Results", sheet: "CP Results", address: "'CP Results'!A1:C11" }]);
    const t = value(await again.port.readTable("CP_Results"));
    expect(t.values[0]).toEqual(["city", "year", "emissions_mt"]);
    expect(t.values[1]).toEqual(["湖南湘潭", 2001, 27.90190836788957]);
    expect(again.wb.getWorksheet("CP Results")!.getCell("C2").numFmt).toBe("0.00");
    expect(value(await again.port.getSettings())).toEqual({ baseYear: 2019, units: "Mt" });
    expect(again.wb.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");
    expect(again.port.excel.chartRecords()).toEqual([
      {
        sheet: "CP Results",
        spec: { type: "line", title: "长株潭", source: { table: "CP_Results" } },
        source: "'CP Results'!A1:C11",
        anchor: "'CP Results'!H2",
      },
    ]);
    expect(again.port.excel.getSetting(CHARTS_KEY)).toBeDefined();
    // ExcelJS cannot keep the ownership mark (a sheet-scoped name holding text) in a file: a workbook it
    // wrote owns nothing when read back, so nothing of it can be cleared (users' files go through the
    // package adapter, which keeps marks: test/workbook/xlsx-store.test.ts).
    expect(value(await again.port.listSheets())).toEqual([
      { name: "emission matrix", visible: true, owned: false },
      { name: "Notes", visible: true, owned: false },
      { name: "CP Results", visible: true, owned: false },
    ]);
    const after = value(
      await again.port.readMany([
        { kind: "range", sheet: "emission matrix" },
        { kind: "range", sheet: "Notes" },
      ]),
    );
    expect(after).toEqual(before);
  });
  test("long settings are split across cells and read back whole", async () => {
    const { port, wb } = await open(join(dir, "run.xlsx"));
    const big = { note: "长".repeat(70000) };
    value(await port.setSettings(big));
    const path = join(dir, "big.xlsx");
    await wb.xlsx.writeFile(path);
    const again = await open(path);
    expect(value(await again.port.getSettings())).toEqual(big);
  });
});

describe("ExcelJS adapter — data validation", () => {
  test("dropdown lists survive a real .xlsx round trip, on the data rows and 50 rows below; the used range is unchanged", async () => {
    const path = join(dir, "validation.xlsx");
    const port = createExcelJsPort(new ExcelJS.Workbook());
    value(await port.addSheet("Levers"));
    value(
      await port.writeTable({
        sheet: "Levers",
        header: ["name", "kind"],
        rows: [
          ["a", "reduce"],
          ["b", "intensity"],
        ],
        validation: [{ column: 1, list: ["reduce", "intensity", "activity"] }],
      }),
    );
    await port.excel.workbook.xlsx.writeFile(path);
    const again = await open(path);
    const ws = again.wb.getWorksheet("Levers")!;
    const expected = { type: "list", allowBlank: true, formulae: ['"reduce,intensity,activity"'] };
    for (const a of ["B2", "B3", "B53"]) expect(ws.getCell(a).dataValidation).toEqual(expected);
    expect(ws.getCell("B54").dataValidation).toBeUndefined();
    expect(ws.getCell("A2").dataValidation).toBeUndefined();
    expect(value(await again.port.readRange("Levers")).values).toEqual([
      ["name", "kind"],
      ["a", "reduce"],
      ["b", "intensity"],
    ]);
  });
});
