/**
 * Ownership by identity, through the whole workflow (`runAndWrite`) in every adapter: the in-memory
 * one, the file adapter (the CLI's, over real .xlsx bytes) and the Office.js adapter (over the
 * office-addin-mock fake Excel). The user deletes the add-in's Charts sheet and makes a Charts sheet of
 * their own (it has no mark: a user cannot make one), or renames Reductions and makes a new one; the
 * next run never clears their sheet and writes its output to "Charts (2)" (docs/xlsx-files.md).
 * Scenario and inventory: the 长株潭 example of the template (CEADs data — data/README.md).
 */
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel" } }));

import ExcelJS from "exceljs";
import { createScenarioSheets, runAndWrite } from "../../src/app";
import { createExcelJsPort } from "../../src/workbook/exceljs";
import { createMemoryPort } from "../../src/workbook/memory";
import { createOfficePort } from "../../src/workbook/office";
import type { WorkbookPort } from "../../src/workbook/port";
import { createPackagePort } from "../../src/workbook/xlsx/store";
import { FakeExcel, fakeBook } from "../helpers/excel-mock";
import { value } from "../helpers/result";
import { HEAVY_TEST_MS } from "../helpers/timeouts";

// Whole runs of the sample or floods of cells: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(HEAVY_TEST_MS);

const NOW = () => new Date("2024-06-01T00:00:00Z");
const run = async (port: WorkbookPort) => value(await runAndWrite(port, { version: "test", now: NOW })).outputs;

/** One adapter: a workbook with the example, and the user's two edits made the way that adapter's host allows. */
interface Adapter {
  readonly name: string;
  start(): Promise<WorkbookPort>;
  /** Deletes `sheet` (if there is one) and makes a user's sheet of that name holding `text` in A1; returns the port to go on with. */
  recreate(port: WorkbookPort, sheet: string, text: string): Promise<WorkbookPort>;
  /** Renames a sheet (as the user would, in the sheet tab); returns the port to go on with. */
  rename(port: WorkbookPort, from: string, to: string): Promise<WorkbookPort>;
}

const memory: Adapter = {
  name: "in-memory",
  async start() {
    const port = createMemoryPort();
    value(await createScenarioSheets(port, { example: "changzhutan" }));
    return port;
  },
  async recreate(port, sheet, text) {
    const m = (port as ReturnType<typeof createMemoryPort>).memory;
    const i = m.sheetList.findIndex((s) => s.name === sheet);
    if (i >= 0) m.sheetList.splice(i, 1);
    m.marks.delete(sheet);
    m.sheetList.push({ name: sheet, visible: true, cells: [[text]], formats: new Map() });
    return port;
  },
  async rename(port, from, to) {
    const m = (port as ReturnType<typeof createMemoryPort>).memory;
    m.sheetList.find((s) => s.name === from)!.name = to;
    const mark = m.marks.get(from)!;
    m.marks.delete(from);
    m.marks.set(to, mark);
    return port;
  },
};

/** The file adapter: the workbook saved and reopened between runs, edited in the file as Excel would leave it. */
const file: Adapter = {
  name: "file (.xlsx package)",
  async start() {
    const wb = new ExcelJS.Workbook();
    value(await createScenarioSheets(createExcelJsPort(wb), { example: "changzhutan" }));
    return createPackagePort(Buffer.from(await wb.xlsx.writeBuffer()));
  },
  async recreate(port, sheet, text) {
    // Deleting a sheet in Excel removes its sheet-scoped names (the mark); the new sheet has none.
    const store = createPackagePort((port as ReturnType<typeof createPackagePort>).xlsx.save()).xlsx;
    if (store.sheets().some((s) => s.name === sheet)) store.deleteSheet(sheet);
    store.addSheet(sheet);
    store.memory.sheetList.find((s) => s.name === sheet)!.cells = [[text]];
    return createPackagePort(store.save());
  },
  async rename(port, from, to) {
    const bytes = (port as ReturnType<typeof createPackagePort>).xlsx.save();
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(`name="${from}"`, `name="${to}"`);
    zip.file("xl/workbook.xml", wb);
    return createPackagePort(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  },
};

const excels = new WeakMap<WorkbookPort, FakeExcel>();
/** The Office.js adapter over the fake Excel: Excel deletes a sheet with its sheet-scoped names. */
const office: Adapter = {
  name: "Office.js (office-addin-mock)",
  async start() {
    const excel = new FakeExcel(fakeBook({}));
    const port = createOfficePort({ run: excel.run });
    excels.set(port, excel);
    value(await createScenarioSheets(port, { example: "changzhutan" }));
    return port;
  },
  async recreate(port, sheet, text) {
    const book = excels.get(port)!.book;
    book.sheets = book.sheets.filter((s) => s.name !== sheet);
    book.sheets.push({ name: sheet, visibility: "Visible", cells: [[text]], formats: new Map(), charts: [] });
    return port;
  },
  async rename(port, from, to) {
    excels.get(port)!.book.sheets.find((s) => s.name === from)!.name = to;
    return port;
  },
};

const cellsOf = async (port: WorkbookPort, sheet: string) => value(await port.readRange(sheet)).values;

describe.each([memory, file, office])("ownership by identity — $name", (adapter) => {
  test('delete the add-in\'s Charts and make your own Charts: the next run leaves yours as it is and writes "Charts (2)"', async () => {
    let port = await adapter.start();
    expect(await run(port)).toContain("Charts");
    port = await adapter.recreate(port, "Charts", "my own chart notes");
    const outputs = await run(port);
    expect(outputs).toContain("Charts (2)");
    expect(outputs).not.toContain("Charts");
    expect(await cellsOf(port, "Charts")).toEqual([["my own chart notes"]]);
    const sheets = value(await port.listSheets());
    expect(sheets.find((s) => s.name === "Charts")?.owned).toBe(false);
    // A third run keeps writing to its own sheet, not a "Charts (3)".
    expect(await run(port)).toContain("Charts (2)");
    expect(
      value(await port.listSheets())
        .filter((s) => s.name.startsWith("Charts"))
        .map((s) => s.name),
    ).toEqual(["Charts", "Charts (2)"]);
  });

  test('rename Reductions and make a new Reductions: both are yours and stay as they are; the output goes to "Reductions (2)"', async () => {
    let port = await adapter.start();
    await run(port);
    const before = await cellsOf(port, "Reductions");
    port = await adapter.rename(port, "Reductions", "My reductions");
    port = await adapter.recreate(port, "Reductions", "a sheet of mine");
    const outputs = await run(port);
    expect(outputs).toContain("Reductions (2)");
    expect(await cellsOf(port, "Reductions")).toEqual([["a sheet of mine"]]);
    expect(await cellsOf(port, "My reductions")).toEqual(before);
  });
});
