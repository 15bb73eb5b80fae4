/**
 * The ExcelJS adapter: a WorkbookPort over an `ExcelJS.Workbook` (the batch CLI reads an .xlsx into
 * one, runs, and writes it back; tests use it for real files).
 *
 * Reading follows what Excel shows: a merged area's value in its top-left cell only (null in the
 * rest), rich text as the joined text of its runs, a formula as its cached result (a formula never
 * calculated — no cached result — reads as an `UncachedFormula`, reported where it is used, never as a
 * blank), hyperlinks as their text, error values as their literal ("#N/A"), dates as `Date`.
 *
 * **Settings and ownership** live in a very hidden worksheet named `_carbonpeak` (column A the key,
 * B… its JSON text in ≤ 32,000-character pieces, under Excel's 32,767-character cell limit), not in
 * workbook custom properties: ExcelJS does not round-trip custom properties, and the Office add-in
 * settings part (`context.workbook.settings`) is not reachable from ExcelJS at all. The format is
 * `store-sheet.ts`, shared with the Office.js adapter, so the task pane and the CLI see the same
 * settings and the same owned sheets in a workbook.
 *
 * **Charts:** ExcelJS cannot write charts. `addChart` never throws: it records the chart spec (sheet,
 * type, title, source and anchor addresses) under the `carbonPeak.charts` key of that hidden sheet,
 * so the task pane can draw the charts when the workbook is next opened in Excel.
 */
import type ExcelJS from "exceljs";
import { UncachedFormula, parseAddress, rangeAddress, cellAddress } from "../engine";
import type { PlannedFormula, PlannedValidation, Rect } from "./policy";
import { OWNED_MARKS_KEY, type CellValue, type ChartSpec } from "./port";
import { StorePort, type SheetStore } from "./store-port";
import { CHARTS_KEY, STORE_SHEET, chartRecordsOf, decodeStore, encodeStoreRow, withoutSheetCharts, type ChartRecord } from "./store-sheet";
import { fileFormula } from "./file-formula";

export { CHARTS_KEY, STORE_SHEET, type ChartRecord };
const MERGE = 1; // ExcelJS.ValueType.Merge (the enum is not importable as a value from the type-only import)

type TableModel = { name: string; tableRef?: string; ref?: string };
type WorksheetWithTables = ExcelJS.Worksheet & { tables: Record<string, { model: TableModel }> };

/** An ExcelJS cell value as a grid cell. */
export function gridValueOf(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    if (v.result !== undefined) return gridValueOf(v.result as ExcelJS.CellValue);
    // No computed value (ExcelJS 4.4 also loses a shared formula's cached 0 when it reads a file: files go through the package adapter).
    return new UncachedFormula("formula" in v && typeof v.formula === "string" ? `=${v.formula}` : "");
  }
  if ("error" in v) return v.error;
  if ("hyperlink" in v) return gridValueOf(v.text as ExcelJS.CellValue);
  return null;
}

/** The workbook behind {@link createExcelJsPort}. */
export class ExcelJsStore implements SheetStore {
  /**
   * Ownership marks of this session's sheets. ExcelJS cannot keep a sheet-scoped defined name holding
   * text, so marks last as long as the workbook object: this adapter builds new workbooks (the template,
   * the sample); users' files are read and written by the package adapter (`xlsx/store.ts`).
   */
  private readonly marks = new WeakMap<ExcelJS.Worksheet, string>();
  private markRecords: string | undefined;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  private ws(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  sheets(): { name: string; visible: boolean }[] {
    return this.workbook.worksheets.filter((w) => w.name !== STORE_SHEET).map((w) => ({ name: w.name, visible: w.state === "visible" }));
  }

  private cellValue(ws: ExcelJS.Worksheet, r: number, c: number): unknown {
    const cell = ws.findCell(r, c);
    if (!cell || cell.type === MERGE) return null;
    return gridValueOf(cell.value);
  }

  usedRange(name: string): Rect | undefined {
    const ws = this.ws(name);
    let row = Infinity,
      col = Infinity,
      lastRow = 0,
      lastCol = 0;
    ws.eachRow((r, rn) =>
      r.eachCell((cell, cn) => {
        if (cell.type === MERGE) return;
        const v = gridValueOf(cell.value);
        if (v === null || v === "") return;
        row = Math.min(row, rn);
        col = Math.min(col, cn);
        lastRow = Math.max(lastRow, rn);
        lastCol = Math.max(lastCol, cn);
      }),
    );
    return lastRow === 0 ? undefined : { row, col, lastRow, lastCol };
  }

  read(name: string, rect: Rect): unknown[][] {
    const ws = this.ws(name);
    const out: unknown[][] = [];
    for (let r = rect.row; r <= rect.lastRow; r++) {
      const row: unknown[] = [];
      for (let c = rect.col; c <= rect.lastCol; c++) row.push(this.cellValue(ws, r, c));
      out.push(row);
    }
    return out;
  }

  tables(): { name: string; sheet: string; rect: Rect }[] {
    const out: { name: string; sheet: string; rect: Rect }[] = [];
    for (const ws of this.workbook.worksheets) {
      if (ws.name === STORE_SHEET) continue;
      for (const t of Object.values((ws as WorksheetWithTables).tables ?? {})) {
        const p = parseAddress(t.model.tableRef ?? t.model.ref ?? "");
        if (p) out.push({ name: t.model.name, sheet: ws.name, rect: { row: p.row, col: p.col, lastRow: p.lastRow, lastCol: p.lastCol } });
      }
    }
    return out;
  }

  addSheet(name: string): void {
    this.workbook.addWorksheet(name);
  }

  deleteSheet(name: string): void {
    this.workbook.removeWorksheet(this.ws(name).id);
    this.dropCharts(name);
  }

  clearSheet(name: string): void {
    // Re-create the sheet in the same position: drops values, styles, merges, widths in one go.
    const old = this.ws(name);
    const orderNo = (old as ExcelJS.Worksheet & { orderNo: number }).orderNo;
    const mark = this.marks.get(old);
    this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(name) as ExcelJS.Worksheet & { orderNo: number };
    ws.orderNo = orderNo;
    if (mark !== undefined) this.marks.set(ws, mark);
    this.dropCharts(name);
  }

  writeTable(
    name: string,
    rect: Rect,
    table: string,
    values: readonly (readonly CellValue[])[],
    formats: readonly (string | undefined)[],
    validation: readonly PlannedValidation[] = [],
    formulas: readonly PlannedFormula[] = [],
  ): void {
    const ws = this.ws(name);
    const [header, ...plain] = values;
    const width = header.length;
    // Values are written as values (a string is text, whatever it starts with); only the planned formula
    // cells become formulas, each with its cached result so any reader without the add-in shows it.
    const rows: (CellValue | ExcelJS.CellFormulaValue)[][] = plain.map((r) => [...r]);
    for (const f of formulas) {
      const row = rows[f.row - rect.row - 1];
      const cached = row[f.col - rect.col] as CellValue;
      const result = f.error !== undefined ? { error: f.error } : cached === null ? undefined : cached;
      // The file stores custom-function calls as Excel does (_xldudf_CARBON_…; see file-formula.ts).
      row[f.col - rect.col] = { formula: fileFormula(f.formula.slice(1)), ...(result !== undefined ? { result } : {}) };
    }
    ws.addTable({
      name: table,
      ref: cellAddress(undefined, rect.row, rect.col),
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: header.map((h) => ({ name: String(h ?? ""), filterButton: true })),
      rows: rows.length > 0 ? rows : [new Array(width).fill(null)],
    });
    formats.forEach((f, c) => {
      if (f === undefined) return;
      for (let r = rect.row + 1; r <= rect.lastRow; r++) ws.getCell(r, rect.col + c).numFmt = f;
    });
    for (const v of validation) {
      // Lists longer than Excel's 255-character limit were already dropped by the planner.
      const formula = `"${v.list.join(",")}"`;
      for (let r = v.row; r <= v.lastRow; r++) ws.getCell(r, v.col).dataValidation = { type: "list", allowBlank: true, formulae: [formula] };
    }
  }

  deleteTable(name: string): void {
    for (const ws of this.workbook.worksheets) {
      const t = (ws as WorksheetWithTables).tables?.[name];
      if (!t) continue;
      const p = parseAddress(t.model.tableRef ?? t.model.ref ?? "");
      ws.removeTable(name);
      // Like Excel's table.delete(): the table's cells go with it.
      if (p) {
        for (let r = p.row; r <= p.lastRow; r++) {
          for (let c = p.col; c <= p.lastCol; c++) {
            const cell = ws.findCell(r, c);
            if (cell) cell.value = null;
          }
        }
      }
    }
  }

  addChart(sheet: string, spec: ChartSpec, source: { sheet: string; rect: Rect }, anchor: { row: number; col: number }): void {
    const s = source.rect;
    const record: ChartRecord = {
      sheet,
      spec,
      source: rangeAddress(source.sheet, s.row, s.col, s.lastRow, s.lastCol),
      anchor: cellAddress(sheet, anchor.row, anchor.col),
    };
    this.setSetting(CHARTS_KEY, JSON.stringify([...this.chartRecords(), record]));
  }

  /** Charts recorded by {@link addChart} (ExcelJS cannot draw them). */
  chartRecords(): ChartRecord[] {
    return chartRecordsOf(this.getSetting(CHARTS_KEY));
  }

  private dropCharts(sheet: string): void {
    const kept = withoutSheetCharts(this.getSetting(CHARTS_KEY), sheet);
    if (kept !== undefined) this.setSetting(CHARTS_KEY, kept);
  }

  private storeSheet(create: boolean): ExcelJS.Worksheet | undefined {
    const ws = this.workbook.getWorksheet(STORE_SHEET);
    if (ws || !create) return ws;
    return this.workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  }

  private settingRow(ws: ExcelJS.Worksheet, key: string): number | undefined {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.findCell(r, 1)?.value === key) return r;
    return undefined;
  }

  getSetting(key: string): string | undefined {
    if (key === OWNED_MARKS_KEY) return this.markRecords;
    const ws = this.storeSheet(false);
    const r = ws && this.settingRow(ws, key);
    if (!ws || r === undefined) return undefined;
    const cells: unknown[] = [];
    for (let c = 1; c <= ws.getRow(r).cellCount; c++) cells.push(ws.findCell(r, c)?.value ?? null);
    return decodeStore([cells]).get(key);
  }

  setSetting(key: string, json: string): void {
    // Marks do not survive an ExcelJS file, so neither do their records: kept for the session.
    if (key === OWNED_MARKS_KEY) return void (this.markRecords = json);
    const ws = this.storeSheet(true)!;
    const r = this.settingRow(ws, key) ?? ws.rowCount + 1;
    const row = ws.getRow(r);
    row.values = [];
    encodeStoreRow(key, json).forEach((v, c) => (row.getCell(c + 1).value = v));
  }

  select(): void {
    // No user interface: nothing to select.
  }

  sheetMark(sheet: string): string | undefined {
    const ws = this.workbook.getWorksheet(sheet);
    return ws ? this.marks.get(ws) : undefined;
  }

  setSheetMark(sheet: string, mark: string): void {
    this.marks.set(this.ws(sheet), mark);
  }
}

/** The ExcelJS WorkbookPort; `excel` exposes the store (e.g. its chart records). */
export class ExcelJsPort extends StorePort {
  constructor(readonly excel: ExcelJsStore) {
    super(excel);
  }
}

/**
 * A WorkbookPort over an ExcelJS workbook (e.g. one the CLI read with `workbook.xlsx.readFile`).
 * Changes are made to `workbook`; write it out with `workbook.xlsx.writeFile(path)`.
 * @example const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile("in.xlsx"); const port = createExcelJsPort(wb);
 */
export function createExcelJsPort(workbook: ExcelJS.Workbook): ExcelJsPort {
  return new ExcelJsPort(new ExcelJsStore(workbook));
}
