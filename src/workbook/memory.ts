/**
 * The in-memory adapter: sheets as 2-D arrays, for tests and for callers that already hold the
 * cells. It records every write (`log`) so a test can assert that user sheets were not touched,
 * and keeps charts and the selection as plain data.
 */
import { pushAll } from "../engine";
import type { PlannedFormula, PlannedValidation, Rect } from "./policy";
import { OWNED_MARKS_KEY, OWNED_SHEETS_KEY, type CellValue, type ChartSpec } from "./port";
import { StorePort, type SheetStore } from "./store-port";

/** One sheet in memory. `cells[r][c]` is row r + 1, column c + 1; missing entries are blank. */
export interface MemorySheet {
  name: string;
  visible: boolean;
  cells: unknown[][];
  /** Number formats by "row,col" (1-based). */
  formats: Map<string, string>;
  /** Data-validation lists written with tables (absolute columns and rows). */
  validations?: PlannedValidation[];
  /** Formula cells by "row,col" (1-based): the formula text and, when the cached result is an error, the error. The cell itself holds the cached value. */
  formulas?: Map<string, Pick<PlannedFormula, "formula" | "error">>;
}

/** A write the adapter carried out, for assertions. */
export interface MemoryWrite {
  readonly kind: "addSheet" | "deleteSheet" | "clearSheet" | "table" | "deleteTable" | "chart" | "setting";
  readonly sheet?: string;
  readonly name?: string;
  readonly rect?: Rect;
}

/** A recorded chart. */
export interface MemoryChart {
  readonly sheet: string;
  readonly spec: ChartSpec;
  readonly source: { readonly sheet: string; readonly rect: Rect };
  readonly anchor: { readonly row: number; readonly col: number };
}

/** The in-memory workbook behind {@link MemoryPort}; public so tests can inspect it. */
export class MemoryStore implements SheetStore {
  readonly sheetList: MemorySheet[] = [];
  readonly tableList: { name: string; sheet: string; rect: Rect }[] = [];
  readonly charts: MemoryChart[] = [];
  readonly settings = new Map<string, string>();
  /** Ownership marks by sheet name (a sheet-scoped name in a real workbook; see policy.ts). */
  readonly marks = new Map<string, string>();
  readonly log: MemoryWrite[] = [];
  selection: { sheet: string; rect: Rect } | undefined;

  private sheet(name: string): MemorySheet {
    const s = this.sheetList.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheets(): { name: string; visible: boolean }[] {
    return this.sheetList.map((s) => ({ name: s.name, visible: s.visible }));
  }

  usedRange(name: string): Rect | undefined {
    const s = this.sheet(name);
    let row = Infinity,
      col = Infinity,
      lastRow = 0,
      lastCol = 0;
    s.cells.forEach((cells, r) =>
      cells?.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        row = Math.min(row, r + 1);
        col = Math.min(col, c + 1);
        lastRow = Math.max(lastRow, r + 1);
        lastCol = Math.max(lastCol, c + 1);
      }),
    );
    return lastRow === 0 ? undefined : { row, col, lastRow, lastCol };
  }

  read(name: string, rect: Rect): unknown[][] {
    const s = this.sheet(name);
    const out: unknown[][] = [];
    for (let r = rect.row; r <= rect.lastRow; r++) {
      const src = s.cells[r - 1] ?? [];
      const row: unknown[] = [];
      for (let c = rect.col; c <= rect.lastCol; c++) row.push(src[c - 1] ?? null);
      out.push(row);
    }
    return out;
  }

  tables(): { name: string; sheet: string; rect: Rect }[] {
    return this.tableList.map((t) => ({ ...t }));
  }

  addSheet(name: string): void {
    this.sheetList.push({ name, visible: true, cells: [], formats: new Map() });
    this.log.push({ kind: "addSheet", sheet: name });
  }

  deleteSheet(name: string): void {
    this.sheetList.splice(this.sheetList.indexOf(this.sheet(name)), 1);
    this.marks.delete(name);
    for (let i = this.charts.length - 1; i >= 0; i--) if (this.charts[i].sheet === name) this.charts.splice(i, 1);
    this.log.push({ kind: "deleteSheet", sheet: name });
  }

  clearSheet(name: string): void {
    const s = this.sheet(name);
    s.cells = [];
    s.formats.clear();
    s.validations = undefined;
    s.formulas = undefined;
    for (let i = this.charts.length - 1; i >= 0; i--) if (this.charts[i].sheet === name) this.charts.splice(i, 1);
    this.log.push({ kind: "clearSheet", sheet: name });
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
    const s = this.sheet(name);
    if (validation.length > 0) pushAll((s.validations ??= []), validation);
    // Cells of the table's range lose any earlier formula; then its own formula cells are recorded.
    for (const key of [...(s.formulas?.keys() ?? [])]) {
      const [r, c] = key.split(",").map(Number);
      if (r >= rect.row && r <= rect.lastRow && c >= rect.col && c <= rect.lastCol) s.formulas!.delete(key);
    }
    for (const f of formulas)
      (s.formulas ??= new Map()).set(`${f.row},${f.col}`, f.error === undefined ? { formula: f.formula } : { formula: f.formula, error: f.error });
    for (let r = rect.row; r <= rect.lastRow; r++) {
      const row = (s.cells[r - 1] ??= []);
      for (let c = rect.col; c <= rect.lastCol; c++) {
        row[c - 1] = s.formulas?.get(`${r},${c}`)?.error ?? values[r - rect.row]?.[c - rect.col] ?? null;
        const f = r > rect.row ? formats[c - rect.col] : undefined;
        if (f !== undefined) s.formats.set(`${r},${c}`, f);
      }
    }
    this.tableList.push({ name: table, sheet: name, rect });
    this.log.push({ kind: "table", sheet: name, name: table, rect });
  }

  deleteTable(name: string): void {
    const i = this.tableList.findIndex((t) => t.name === name);
    if (i >= 0) {
      // Like Excel's table.delete(): the table's cells go with it.
      const { sheet, rect } = this.tableList[i];
      const s = this.sheet(sheet);
      for (let r = rect.row; r <= rect.lastRow; r++) {
        for (let c = rect.col; c <= rect.lastCol; c++) {
          if (s.cells[r - 1]) s.cells[r - 1][c - 1] = null;
          s.formulas?.delete(`${r},${c}`);
        }
      }
      this.tableList.splice(i, 1);
    }
    this.log.push({ kind: "deleteTable", name });
  }

  addChart(sheet: string, spec: ChartSpec, source: { sheet: string; rect: Rect }, anchor: { row: number; col: number }): void {
    this.charts.push({ sheet, spec, source, anchor });
    this.log.push({ kind: "chart", sheet, name: spec.title });
  }

  getSetting(key: string): string | undefined {
    return this.settings.get(key);
  }

  setSetting(key: string, json: string): void {
    this.settings.set(key, json);
    this.log.push({ kind: "setting", name: key });
  }

  select(sheet: string, rect: Rect): void {
    this.selection = { sheet, rect };
  }

  sheetMark(sheet: string): string | undefined {
    return this.marks.get(sheet);
  }

  setSheetMark(sheet: string, mark: string): void {
    this.marks.set(sheet, mark);
  }
}

/** The in-memory WorkbookPort; `store` exposes the cells, tables, charts, settings and the write log. */
export class MemoryPort extends StorePort {
  constructor(readonly memory: MemoryStore = new MemoryStore()) {
    super(memory);
  }
}

/**
 * An in-memory workbook from sheets given as rows of cells (row 1 first).
 * @param owned names of sheets to record as created by the add-in (as if an earlier session had).
 * @example createMemoryPort({ Inventory: [["City", 2019], ["长沙", 32.45]] })
 */
export function createMemoryPort(sheets: Record<string, unknown[][]> = {}, owned: readonly string[] = []): MemoryPort {
  const store = new MemoryStore();
  for (const [name, cells] of Object.entries(sheets)) {
    store.sheetList.push({ name, visible: true, cells: cells.map((r) => [...r]), formats: new Map() });
  }
  if (owned.length > 0) {
    // As an earlier session would have left them: each sheet marked, the marks recorded with the names.
    const records = owned.map((sheet, i) => ({ sheet, mark: `cp-${(i + 1).toString(16).padStart(16, "0")}` }));
    for (const r of records) store.marks.set(r.sheet, r.mark);
    store.settings.set(OWNED_SHEETS_KEY, JSON.stringify(owned));
    store.settings.set(OWNED_MARKS_KEY, JSON.stringify(records));
  }
  return new MemoryPort(store);
}
