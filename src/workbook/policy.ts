/**
 * The port's rules, shared by every adapter so they behave alike: sheet and table names, the
 * ownership rule (write only into sheets the add-in created), table shapes, and turning a batch of
 * write operations into a checked plan with absolute coordinates — all before anything is written.
 */
import { fail, issue, ok, parseAddress, pushAll, MAX_COLUMN, MAX_ROW, type Issue, type Result } from "../engine";
import {
  DEFAULT_CHART_ANCHOR,
  EXCEL_LIST_LIMIT,
  FORMULA_ERRORS,
  MAX_FORMULA_LENGTH,
  VALIDATION_EXTRA_ROWS,
  type CellValue,
  type ChartSpec,
  type ColumnFormulas,
  type FormulaError,
  type WriteOp,
} from "./port";

/** A rectangle of cells, 1-based, inclusive. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** What the planner needs to know about a workbook. */
export interface WorkbookState {
  readonly sheets: readonly string[];
  readonly owned: readonly string[];
  readonly tables: readonly { readonly name: string; readonly sheet: string; readonly rect: Rect }[];
}

/** A checked operation, ready for an adapter to carry out in order. */
export type PlannedOp =
  | { readonly kind: "addSheet"; readonly sheet: string }
  | { readonly kind: "clearSheet"; readonly sheet: string; readonly dropTables: readonly string[] }
  | { readonly kind: "deleteSheet"; readonly sheet: string; readonly dropTables: readonly string[] }
  | {
      readonly kind: "table";
      readonly sheet: string;
      /** Header row included; at least one data row (an empty table keeps one blank row, as Excel does). */
      readonly rect: Rect;
      readonly tableName: string;
      /** Header row + data rows, each exactly as wide as the header. */
      readonly values: readonly (readonly CellValue[])[];
      /** Number format per column (undefined = General). */
      readonly formats: readonly (string | undefined)[];
      /** Existing tables to delete first (same name, or overlapping the target on the owned sheet). */
      readonly dropTables: readonly string[];
      /** Dropdown lists: absolute column, the rows they cover (data rows + extra rows below), the list. */
      readonly validation: readonly PlannedValidation[];
      /** Formula cells (absolute), column by column, top to bottom; their cached results are in `values` unless `error` is set. */
      readonly formulas: readonly PlannedFormula[];
    }
  | {
      readonly kind: "chart";
      readonly sheet: string;
      readonly spec: ChartSpec;
      readonly source: { readonly sheet: string; readonly rect: Rect };
      readonly anchor: { readonly row: number; readonly col: number };
    };

/** A data-validation list over cells `col`, rows `row`..`lastRow` (absolute, 1-based). */
export interface PlannedValidation {
  readonly col: number;
  readonly row: number;
  readonly lastRow: number;
  readonly list: readonly string[];
}

/** A formula cell at `row`, `col` (absolute, 1-based, a data row of its table). */
export interface PlannedFormula {
  readonly row: number;
  readonly col: number;
  /** Formula text starting with "=". */
  readonly formula: string;
  /** The cached result is this error instead of the cell's value. */
  readonly error?: FormulaError;
}

/**
 * Checks a table's formula columns (see {@link ColumnFormulas}): each names a header once, has one entry
 * per data row, and each formula is text starting with "=" within Excel's length limit; a cached error is
 * one of {@link FORMULA_ERRORS}. Returns the issues (paths under `path`), none when all is well.
 * @example formulaIssues([{ column: "Peak", cells: [{ formula: "SUM(A1:A3)" }] }], ["Peak"], 1, ["ops", 0]) // one formula_invalid issue at ["ops", 0, "formulas", 0, "cells", 0, "formula"] (no "=")
 */
export function formulaIssues(formulas: readonly ColumnFormulas[], header: readonly string[], rows: number, path: (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  formulas.forEach((f, j) => {
    const at = [...path, "formulas", j];
    if (!header.includes(f.column)) issues.push(issue("unknown_field", [...at, "column"], { value: String(f.column) }));
    else if (seen.has(f.column)) issues.push(issue("formula_column_twice", [...at, "column"], { value: f.column }));
    seen.add(f.column);
    const cells = Array.isArray(f.cells) ? f.cells : [];
    if (cells.length !== rows) issues.push(issue("formula_count", [...at, "cells"], { value: String(f.column), actual: cells.length, expected: rows }));
    cells.forEach((c, r) => {
      if (c === null) return;
      const text: unknown = c?.formula;
      if (typeof text !== "string" || !text.startsWith("=") || text.trim().length < 2 || text.length > MAX_FORMULA_LENGTH) {
        issues.push(
          issue("formula_invalid", [...at, "cells", r, "formula"], { value: typeof text === "string" ? text : String(text), max: MAX_FORMULA_LENGTH }),
        );
      }
      if (c?.error !== undefined && !(FORMULA_ERRORS as readonly string[]).includes(c.error)) {
        issues.push(issue("invalid_choice", [...at, "cells", r, "error"], { value: String(c.error), expected: FORMULA_ERRORS.join(", ") }));
      }
    });
  });
  return issues;
}

/** The plan of a batch and the ownership list after it. */
export interface WritePlan {
  readonly ops: readonly PlannedOp[];
  readonly owned: readonly string[];
  readonly ownedChanged: boolean;
}

const key = (name: string) => name.toLowerCase();

/**
 * Checks a worksheet name against Excel's rules: 1–31 characters, none of `: \ / ? * [ ]`, not
 * starting or ending with an apostrophe, not "History". Returns an issue or undefined.
 * @example checkSheetName("Results", ["sheet"]) // undefined
 */
export function checkSheetName(name: string, path: (string | number)[]): Issue | undefined {
  const bad =
    typeof name !== "string" ||
    name.length < 1 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    key(name) === "history";
  return bad ? issue("sheet_name_invalid", path, { value: String(name) }) : undefined;
}

/**
 * Checks an Excel table name: starts with a letter, `_` or `\`, then letters, digits, `_`, `.`;
 * at most 255 characters; not a cell reference ("A1", "R1C1") nor "R"/"C".
 */
export function checkTableName(name: string, path: (string | number)[]): Issue | undefined {
  const bad =
    typeof name !== "string" ||
    name.length > 255 ||
    !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name) ||
    /^[RrCc]$/.test(name);
  return bad ? issue("table_name_invalid", path, { value: String(name) }) : undefined;
}

/** The default table name for a sheet: its name with disallowed characters as `_`, plus "Table". */
export function defaultTableName(sheet: string): string {
  const base = sheet.replace(/[^\p{L}\p{N}_.]/gu, "_");
  return /^[\p{L}_]/u.test(base) ? `${base}Table` : `_${base}Table`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row <= b.lastRow && b.row <= a.lastRow && a.col <= b.lastCol && b.col <= a.lastCol;
}

/** Parses a cell/range address local to a sheet (no sheet prefix allowed unless it names `sheet`). */
export function localRect(address: string, sheet: string | undefined): Rect | undefined {
  const p = parseAddress(address);
  if (!p) return undefined;
  if (p.sheet !== undefined && (sheet === undefined || key(p.sheet) !== key(sheet))) return undefined;
  return { row: p.row, col: p.col, lastRow: p.lastRow, lastCol: p.lastCol };
}

/**
 * Checks a batch of writes against the workbook and returns the plan, or every issue found (paths
 * `["ops", i, …]`). Nothing may be written when this fails. Rules: only owned sheets are cleared,
 * deleted or written into; `addSheet` of an owned sheet is a no-op and of a user's sheet an error;
 * table rows must match the header; a table name used on a user's sheet is refused, one on an owned
 * sheet is replaced, and owned tables overlapping the target are dropped.
 * @example planWrites([{ kind: "addSheet", sheet: "Results" }, { kind: "table", sheet: "Results", header: ["a"], rows: [[1]] }], state)
 */
export function planWrites(ops: readonly WriteOp[], state: WorkbookState): Result<WritePlan> {
  const issues: Issue[] = [];
  const sheets = new Map(state.sheets.map((s) => [key(s), s]));
  const owned = new Map(state.owned.filter((s) => sheets.has(key(s))).map((s) => [key(s), sheets.get(key(s))!]));
  const tables = new Map(state.tables.map((t) => [key(t.name), { ...t }]));
  const out: PlannedOp[] = [];
  let ownedChanged = owned.size !== state.owned.length;

  const ownedSheet = (sheet: string, path: (string | number)[]): string | undefined => {
    const real = sheets.get(key(sheet));
    if (real === undefined) issues.push(issue("sheet_not_found", path, { sheet }));
    else if (!owned.has(key(sheet))) issues.push(issue("sheet_not_owned", path, { sheet: real }));
    else return real;
    return undefined;
  };
  const dropOn = (sheet: string): string[] => {
    const names = [...tables.values()].filter((t) => key(t.sheet) === key(sheet)).map((t) => t.name);
    for (const n of names) tables.delete(key(n));
    return names;
  };

  ops.forEach((op, i) => {
    const path = ["ops", i];
    switch (op.kind) {
      case "addSheet": {
        const bad = checkSheetName(op.sheet, [...path, "sheet"]);
        if (bad) return void issues.push(bad);
        if (sheets.has(key(op.sheet))) {
          if (!owned.has(key(op.sheet))) issues.push(issue("sheet_name_taken", [...path, "sheet"], { sheet: sheets.get(key(op.sheet)) }));
          return;
        }
        sheets.set(key(op.sheet), op.sheet);
        owned.set(key(op.sheet), op.sheet);
        ownedChanged = true;
        out.push({ kind: "addSheet", sheet: op.sheet });
        return;
      }
      case "clearSheet":
      case "deleteSheet": {
        const real = ownedSheet(op.sheet, [...path, "sheet"]);
        if (real === undefined) return;
        const dropTables = dropOn(real);
        if (op.kind === "deleteSheet") {
          sheets.delete(key(real));
          owned.delete(key(real));
          ownedChanged = true;
        }
        out.push({ kind: op.kind, sheet: real, dropTables });
        return;
      }
      case "table": {
        const before = issues.length;
        const real = ownedSheet(op.sheet, [...path, "sheet"]);
        const at = localRect(op.topLeft ?? "A1", real ?? op.sheet);
        if (!at) issues.push(issue("address_invalid", [...path, "topLeft"], { value: op.topLeft ?? "" }));
        if (op.header.length === 0) issues.push(issue("empty", [...path, "header"]));
        op.rows.forEach((row, r) => {
          if (row.length !== op.header.length) {
            issues.push(issue("table_shape", [...path, "rows", r], { row: r + 1, actual: row.length, expected: op.header.length }));
          }
        });
        const headerIndex = new Map(op.header.map((h, c) => [h, c]));
        const formats: (string | undefined)[] = op.header.map(() => undefined);
        for (const [h, f] of Object.entries(op.numberFormats ?? {})) {
          const c = headerIndex.get(h);
          if (c === undefined) issues.push(issue("unknown_field", [...path, "numberFormats", h], { value: h }));
          else formats[c] = f;
        }
        (op.validation ?? []).forEach((v, j) => {
          if (!Number.isInteger(v.column) || v.column < 0 || v.column >= op.header.length)
            issues.push(issue("unknown_field", [...path, "validation", j, "column"], { value: String(v.column) }));
          else if (v.list.length === 0) issues.push(issue("empty", [...path, "validation", j, "list"]));
        });
        pushAll(issues, formulaIssues(op.formulas ?? [], op.header, op.rows.length, path));
        const tableName = op.tableName ?? defaultTableName(op.sheet);
        const badName = checkTableName(tableName, [...path, "tableName"]);
        if (badName) issues.push(badName);
        const existing = tables.get(key(tableName));
        if (existing && !owned.has(key(existing.sheet))) {
          issues.push(issue("table_name_taken", [...path, "tableName"], { name: existing.name, sheet: existing.sheet }));
        }
        if (issues.length > before || !real || !at) return;
        const rect: Rect = { row: at.row, col: at.col, lastRow: at.row + Math.max(1, op.rows.length), lastCol: at.col + op.header.length - 1 };
        if (rect.lastRow > MAX_ROW || rect.lastCol > MAX_COLUMN) {
          issues.push(
            issue("address_invalid", [...path, "topLeft"], { value: `${op.topLeft ?? "A1"} (+${op.rows.length} rows × ${op.header.length} columns)` }),
          );
          return;
        }
        const dropTables: string[] = [];
        for (const t of [...tables.values()]) {
          if (key(t.name) === key(tableName) || (key(t.sheet) === key(real) && overlaps(t.rect, rect))) {
            dropTables.push(t.name);
            tables.delete(key(t.name));
          }
        }
        tables.set(key(tableName), { name: tableName, sheet: real, rect });
        const lastValidated = Math.min(MAX_ROW, rect.lastRow + VALIDATION_EXTRA_ROWS);
        const validation = (op.validation ?? [])
          .filter((v) => v.list.join(",").length <= EXCEL_LIST_LIMIT)
          .map((v) => ({ col: rect.col + v.column, row: rect.row + 1, lastRow: lastValidated, list: [...v.list] }));
        const formulas: PlannedFormula[] = [];
        for (const f of op.formulas ?? []) {
          const col = rect.col + op.header.indexOf(f.column);
          f.cells.forEach((c, r) => {
            if (c !== null) formulas.push({ row: rect.row + 1 + r, col, formula: c.formula, ...(c.error !== undefined ? { error: c.error } : {}) });
          });
        }
        out.push({ kind: "table", sheet: real, rect, tableName, values: [op.header, ...op.rows], formats, dropTables, validation, formulas });
        return;
      }
      case "chart": {
        const real = ownedSheet(op.sheet, [...path, "sheet"]);
        const anchor = localRect(op.spec.anchor ?? DEFAULT_CHART_ANCHOR, real ?? op.sheet);
        if (!anchor) issues.push(issue("address_invalid", [...path, "spec", "anchor"], { value: op.spec.anchor ?? "" }));
        let source: { sheet: string; rect: Rect } | undefined;
        const src = op.spec.source;
        if ("table" in src) {
          const t = tables.get(key(src.table));
          if (!t) issues.push(issue("table_not_found", [...path, "spec", "source"], { name: src.table }));
          else source = { sheet: t.sheet, rect: t.rect };
        } else {
          const s = sheets.get(key(src.sheet));
          const rect = localRect(src.address, src.sheet);
          if (s === undefined) issues.push(issue("sheet_not_found", [...path, "spec", "source"], { sheet: src.sheet }));
          else if (!rect) issues.push(issue("address_invalid", [...path, "spec", "source"], { value: src.address }));
          else source = { sheet: s, rect };
        }
        if (real && anchor && source) out.push({ kind: "chart", sheet: real, spec: op.spec, source, anchor: { row: anchor.row, col: anchor.col } });
        return;
      }
    }
  });
  if (issues.length > 0) return fail(issues);
  return ok({ ops: out, owned: [...owned.values()], ownedChanged });
}

/**
 * A one-operation batch's result with issue paths relative to the operation (`["ops", 0, "sheet"]`
 * → `["sheet"]`), for the single-operation port methods.
 */
export function singleOp<T>(r: Result<T>): Result<T> {
  if (r.ok) return r;
  return fail(r.issues.map((i) => (i.path[0] === "ops" && i.path[1] === 0 ? { ...i, path: i.path.slice(2) } : i)));
}

/**
 * **Ownership by identity.** Every sheet the add-in creates carries a mark: a hidden, sheet-scoped
 * defined name {@link OWNER_MARK_NAME} whose value is a random token (e.g. `"cp-3f9a…"`), and the
 * add-in records `{ sheet, mark }` for it in the `_carbonpeak` sheet
 * (key `carbonPeak.ownedMarks`; `carbonPeak.ownedSheets` keeps the plain names for earlier versions).
 * A sheet is the add-in's when it carries a recorded mark *and* still has the recorded name. So:
 * - a user who deletes an output sheet and makes one of the same name has a sheet without the mark:
 *   it is never cleared, and the output goes to "Charts (2)";
 * - a copy of an output sheet (Excel copies sheet-scoped names with the sheet) has the mark under
 *   another name: it is the user's;
 * - an output sheet the user renames becomes the user's (nothing they named is ever cleared).
 * A user cannot make such a name by accident: Excel's Name Manager neither shows nor creates hidden
 * names. Records of the old by-name format (a list of names) own nothing.
 */
export const OWNER_MARK_NAME = "_carbonpeak_owner";

/** One owned sheet as recorded: its name when the add-in last wrote it, and its mark. */
export interface OwnedRecord {
  readonly sheet: string;
  readonly mark: string;
}

/** Reads stored ownership records leniently: entries that are not `{ sheet, mark }` own nothing (nor does a workbook with by-name records only). */
export function parseOwnedRecords(v: unknown): OwnedRecord[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (x): x is OwnedRecord =>
      x !== null &&
      typeof x === "object" &&
      typeof (x as OwnedRecord).sheet === "string" &&
      typeof (x as OwnedRecord).mark === "string" &&
      (x as OwnedRecord).mark !== "",
  );
}

/**
 * The sheets the add-in owns, by the rule above: those whose mark is recorded with their own name.
 * @example ownedByIdentity([{ sheet: "Charts", mark: "cp-1" }], [{ name: "Charts", mark: undefined }]) // [] (a user's new "Charts")
 */
export function ownedByIdentity(records: readonly OwnedRecord[], sheets: readonly { readonly name: string; readonly mark: string | undefined }[]): string[] {
  const byMark = new Map(records.map((r) => [r.mark, key(r.sheet)]));
  return sheets.filter((s) => s.mark !== undefined && byMark.get(s.mark) === key(s.name)).map((s) => s.name);
}

/**
 * The records to store for the sheets owned after a batch: each with its current mark.
 * @param markOf a sheet's mark (every owned sheet has one by then)
 */
export function ownedRecords(owned: readonly string[], markOf: (sheet: string) => string | undefined): OwnedRecord[] {
  return owned.flatMap((sheet) => {
    const mark = markOf(sheet);
    return mark === undefined ? [] : [{ sheet, mark }];
  });
}

/** A new mark: "cp-" and 16 random hexadecimal digits (`crypto.getRandomValues`, in Node and in Office's browsers). */
export function newMark(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `cp-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** A mark as the defined name's value: a text constant ("cp-…" in quotes). */
export function markFormula(mark: string): string {
  return `"${mark}"`;
}

/** The mark in a defined name's value (`"cp-…"` or `="cp-…"`), or undefined when the value is not one. */
export function markOfFormula(formula: string): string | undefined {
  const m = /^=?\s*"(cp-[0-9a-f]+)"\s*$/.exec(formula);
  return m ? m[1] : undefined;
}

/** A failure carrying the issue to report (thrown by a store, turned into a Result by the port). */
export class IssueError extends Error {
  constructor(readonly issue: Issue) {
    super(String(issue.code));
  }
}

/** Turns a thrown host error into the `workbook_error` issue (or the issue an {@link IssueError} carries). */
export function hostError(e: unknown, path: (string | number)[] = []): Issue {
  if (e instanceof IssueError) return e.issue;
  const detail = e instanceof Error ? e.message : String(e);
  return issue("workbook_error", path, { detail });
}
