/**
 * The WorkbookPort: everything the task pane and the batch CLI need from a workbook — read a range
 * or a table with its addresses, write tables and charts into sheets the add-in owns, keep the
 * add-in's settings in the workbook, select a cell — behind one async interface with two adapters:
 * Office.js (`office.ts`, live Excel) and ExcelJS (`exceljs.ts`, .xlsx files), plus an in-memory one
 * for tests (`memory.ts`).
 *
 * Errors follow the engine's one policy: every method resolves to a tagged `Result` whose issues
 * carry codes from the message table (`sheet_not_found`, `sheet_not_owned`, …); adapters do not
 * throw for bad requests, and an unexpected failure of the host becomes a `workbook_error` issue.
 *
 * **Ownership.** The add-in writes only into sheets it owns: sheets created with {@link WorkbookPort.addSheet}
 * (now or in an earlier session: ownership is recorded in the workbook next to the settings).
 * `writeTable`, `addChart`, `clearSheet` and `deleteSheet` refuse any other sheet (`sheet_not_owned`), and
 * `addSheet` refuses a name a user's sheet already has (`sheet_name_taken`), so a caller cannot write
 * over a user's cells by accident. A batch ({@link WorkbookPort.writeMany}) is checked whole before
 * anything is written: one refused operation means nothing is written.
 */
import type { Grid, Result } from "../engine";

/** A value that survives JSON (settings are stored as JSON). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The add-in's settings record, stored in the workbook. */
export type Settings = { readonly [key: string]: JsonValue };

/** A value written into a cell. `null` leaves the cell blank. */
export type CellValue = string | number | boolean | null;

/** One worksheet. */
export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
  /** Created by the add-in (and so writable through the port). */
  readonly owned: boolean;
}

/** One Excel table. */
export interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  /** The table's range including its header row, with the sheet: `"Results!A1:E200"`. */
  readonly address: string;
}

/** What to read: a range (the sheet's used range when `address` is omitted) or a named table (header included). */
export type ReadRequest = { readonly kind: "range"; readonly sheet: string; readonly address?: string } | { readonly kind: "table"; readonly name: string };

/** A table to write: a header row and data rows from `topLeft` (default A1) on an owned sheet. */
export interface TableWrite {
  readonly sheet: string;
  /** Top-left cell of the header, e.g. "A1" (default) or "B3". */
  readonly topLeft?: string;
  readonly header: readonly string[];
  /** Each row has exactly one value per header column. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Excel table name (letters, digits, `_`, `.`); default `<Sheet>Table`. An existing table of that name on an owned sheet is replaced. */
  readonly tableName?: string;
  /** Excel number formats by header, e.g. `{ emissions: "#,##0.00" }`; others stay General. */
  readonly numberFormats?: Readonly<Record<string, string>>;
  /**
   * Data-validation dropdown lists by column (0-based in the table): applied to the data rows and
   * {@link VALIDATION_EXTRA_ROWS} rows below them (no values are written there), so rows the analyst
   * adds under the table get the dropdown too.
   */
  readonly validation?: readonly ColumnValidation[];
  /**
   * Live formulas, declared by column: only these cells become formulas. Every other value — a city
   * named "=1+1" too — is written as a value (text stays text). A formula cell's value in `rows` is the
   * result cached with the formula, which a reader without the add-in (or before Excel recalculates)
   * shows; see {@link TableFormula}.
   */
  readonly formulas?: readonly ColumnFormulas[];
}

/** The formula cells of one table column. */
export interface ColumnFormulas {
  /** The column's header, as in {@link TableWrite.header}. */
  readonly column: string;
  /** One entry per data row (as many as `rows`): the formula, or null where the row keeps its value. */
  readonly cells: readonly (TableFormula | null)[];
}

/**
 * One formula cell. References are absolute sheet addresses (the caller places the table with
 * `topLeft`), e.g. `{ formula: "=CARBON.PEAKYEAR($D5:$AR5,$D$2:$AR$2,0,0,1)" }` with cached value 2030 in `rows`.
 */
export interface TableFormula {
  /** The formula as typed in Excel's formula bar (English function names), starting with "="; at most {@link MAX_FORMULA_LENGTH} characters. */
  readonly formula: string;
  /**
   * The cached result is this Excel error (e.g. "#N/A" from CARBON.PEAKYEAR while the series still
   * rises) instead of the row's value, which is then not written (give null there).
   */
  readonly error?: FormulaError;
}

/** Excel errors a formula's cached result may be. */
export const FORMULA_ERRORS = ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", "#NULL!"] as const;
/** An Excel error value, e.g. "#N/A". */
export type FormulaError = (typeof FORMULA_ERRORS)[number];
/** Excel's limit on the length of a formula's text. */
export const MAX_FORMULA_LENGTH = 8192;

/** A dropdown list for one table column. */
export interface ColumnValidation {
  /** 0-based column in the table. */
  readonly column: number;
  /** Allowed values (non-empty). */
  readonly list: readonly string[];
}

/**
 * Longest literal dropdown list Excel accepts ("a,b,c" text). A longer list is dropped by the planner
 * (the column stays free text): ExcelJS would write it as is and Excel would call the file corrupt.
 */
export const EXCEL_LIST_LIMIT = 255;

/** Rows below a table's data that get its columns' data validation as well. */
export const VALIDATION_EXTRA_ROWS = 50;

/**
 * A chart over a table or range whose first column holds the categories (years) and whose other
 * columns are one series each, named by the header row.
 */
export interface ChartSpec {
  /** Line, stacked area, or clustered columns (e.g. a histogram). */
  readonly type: "line" | "stackedArea" | "column";
  readonly title: string;
  readonly source: { readonly table: string } | { readonly sheet: string; readonly address: string };
  /** Cell where the chart's top-left corner goes (on the chart's sheet); default "H2". */
  readonly anchor?: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
}

/** One write operation of a batch. */
export type WriteOp =
  | { readonly kind: "addSheet"; readonly sheet: string }
  | { readonly kind: "clearSheet"; readonly sheet: string }
  | { readonly kind: "deleteSheet"; readonly sheet: string }
  | ({ readonly kind: "table" } & TableWrite)
  | { readonly kind: "chart"; readonly sheet: string; readonly spec: ChartSpec };

/** Workbook access for the task pane and the CLI. All methods are async and resolve to Results. */
export interface WorkbookPort {
  /** Every worksheet in order, with visibility and ownership. */
  listSheets(): Promise<Result<SheetInfo[]>>;
  /** Whether a sheet of that name exists (Excel compares names case-insensitively). */
  sheetExists(sheet: string): Promise<Result<boolean>>;
  /** Cells of `address` ("B2:F40") on `sheet`, or its used range; an empty sheet gives an empty grid at A1. */
  readRange(sheet: string, address?: string): Promise<Result<Grid>>;
  /** A table's cells, header row included. */
  readTable(name: string): Promise<Result<Grid>>;
  /** Every table in the workbook. */
  findTables(): Promise<Result<TableInfo[]>>;
  /** Several reads at once (one round trip in Excel); fails with the issues of every failed request. */
  readMany(requests: readonly ReadRequest[]): Promise<Result<Grid[]>>;
  /** Creates a sheet the add-in owns; an existing owned sheet is kept as it is. */
  addSheet(sheet: string): Promise<Result<void>>;
  /** Empties an owned sheet: values, formats, tables and charts. */
  clearSheet(sheet: string): Promise<Result<void>>;
  /** Deletes an owned sheet. */
  deleteSheet(sheet: string): Promise<Result<void>>;
  /** Writes a table (values, then the Excel table, then number formats) on an owned sheet. */
  writeTable(write: TableWrite): Promise<Result<TableInfo>>;
  /** Adds a chart to an owned sheet. */
  addChart(sheet: string, spec: ChartSpec): Promise<Result<void>>;
  /** Several writes at once (checked whole first; one round trip in Excel unless a payload passes 5 MB). */
  writeMany(ops: readonly WriteOp[]): Promise<Result<void>>;
  /** The add-in's settings record (empty when none is stored). */
  getSettings(): Promise<Result<Settings>>;
  /** Replaces the add-in's settings record. */
  setSettings(settings: Settings): Promise<Result<void>>;
  /** Selects a cell or range ("Inventory!C7") so the user sees it; a no-op without a user interface. */
  selectCell(address: string): Promise<Result<void>>;
}

/** Workbook setting holding the add-in's settings record. */
export const SETTINGS_KEY = "carbonPeak.settings";
/**
 * Workbook setting holding the names of the sheets the add-in owns (kept for readers of earlier
 * versions; ownership itself is decided by {@link OWNED_MARKS_KEY}).
 */
export const OWNED_SHEETS_KEY = "carbonPeak.ownedSheets";
/** Workbook setting holding the add-in's sheets by identity: `[{ sheet, mark }]` (see `OWNER_MARK_NAME` in policy.ts). */
export const OWNED_MARKS_KEY = "carbonPeak.ownedMarks";
/** Default cell for a chart's top-left corner. */
export const DEFAULT_CHART_ANCHOR = "H2";
