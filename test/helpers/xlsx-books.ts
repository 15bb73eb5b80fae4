/**
 * Moving a workbook between the fake Excel (test/helpers/excel-mock.ts) and real .xlsx bytes, so a
 * test can check that what one adapter writes the other reads: cells, visibility, and the sheets'
 * ownership marks (sheet-scoped hidden names in the file, `worksheet.names` in Excel).
 */
import ExcelJS from "exceljs";
import { OWNER_MARK_NAME, markFormula, markOfFormula } from "../../src/workbook/policy";
import { openPackage } from "../../src/workbook/xlsx/package";
import { PackageStore } from "../../src/workbook/xlsx/store";
import type { FakeBook } from "./excel-mock";

/** A new .xlsx (written by ExcelJS) with these sheets: names, or rows of cells per sheet. */
export async function newXlsx(sheets: readonly string[] | Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const entries: [string, unknown[][]][] = Array.isArray(sheets) ? sheets.map((n: string) => [n, []]) : Object.entries(sheets as Record<string, unknown[][]>);
  for (const [name, rows] of entries) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STATE = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** The fake Excel book of an .xlsx: every sheet (the records sheet too) with its cells, visibility and mark. */
export function fakeBookOf(bytes: Buffer): FakeBook {
  const pkg = openPackage(bytes);
  const store = new PackageStore(pkg);
  return {
    sheets: pkg.sheets.map((e) => {
      const used = store.usedRange(e.name);
      const cells = used ? store.read(e.name, { row: 1, col: 1, lastRow: used.lastRow, lastCol: used.lastCol }) : [];
      const mark = store.sheetMark(e.name);
      return {
        name: e.name,
        visibility: STATE[e.state],
        cells: cells.map((r) => r.map((v) => (v === null ? undefined : v))),
        formats: new Map(),
        charts: [],
        ...(mark !== undefined ? { names: [{ name: OWNER_MARK_NAME, formula: `=${markFormula(mark)}`, visible: false }] } : {}),
      };
    }),
    tables: [],
    settings: new Map(),
  };
}

/** An .xlsx of a fake Excel book: the cells (ExcelJS), then the sheets' marks (the package adapter). */
export async function xlsxOf(book: FakeBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const state = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, { state: state[s.visibility] });
    s.cells.forEach((r, i) => r?.forEach((v, j) => v !== null && v !== undefined && v !== "" && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  }
  const store = new PackageStore(openPackage(Buffer.from(await wb.xlsx.writeBuffer())));
  for (const s of book.sheets) {
    const named = s.names?.find((n) => n.name === OWNER_MARK_NAME);
    const mark = named ? markOfFormula(named.formula) : undefined;
    if (mark !== undefined) store.setSheetMark(s.name, mark);
  }
  return store.save();
}
