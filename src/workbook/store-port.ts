/**
 * A WorkbookPort over any synchronous sheet store (the in-memory and ExcelJS adapters): the store
 * does plain cell, table and sheet operations; this class adds the port's rules (`policy.ts`),
 * settings as JSON, ownership records and the Result error policy.
 */
import { fail, issue, ok, pushAll, makeGrid, rangeAddress, parseAddress, type Grid, type Issue, type Result } from "../engine";
import {
  defaultTableName,
  hostError,
  localRect,
  newMark,
  ownedByIdentity,
  ownedRecords,
  parseOwnedRecords,
  planWrites,
  type PlannedFormula,
  type PlannedOp,
  type PlannedValidation,
  type Rect,
} from "./policy";
import { BatchedPort } from "./batched-port";
import {
  OWNED_MARKS_KEY,
  OWNED_SHEETS_KEY,
  SETTINGS_KEY,
  type ChartSpec,
  type ReadRequest,
  type Settings,
  type SheetInfo,
  type TableInfo,
  type TableWrite,
  type WorkbookPort,
  type WriteOp,
} from "./port";
import type { CellValue } from "./port";

/** The plain operations an adapter over a synchronous workbook provides. Sheet names are exact (resolved by the caller). */
export interface SheetStore {
  /** Worksheets in order (the store's own hidden bookkeeping sheets excluded). */
  sheets(): { name: string; visible: boolean }[];
  /** The smallest rectangle holding every non-blank cell; undefined for an empty sheet. */
  usedRange(sheet: string): Rect | undefined;
  /** Cell values of a rectangle as grid cells (see `Grid`): merged cells blank except the first, rich text flattened. */
  read(sheet: string, rect: Rect): unknown[][];
  tables(): { name: string; sheet: string; rect: Rect }[];
  addSheet(sheet: string): void;
  deleteSheet(sheet: string): void;
  /** Removes every value, format, merge and chart record of the sheet (tables are dropped by the caller first). */
  clearSheet(sheet: string): void;
  /**
   * Writes a table: values from the rectangle's top-left, the Excel table over it, number formats per column,
   * dropdown lists, and the formula cells (each with its cached result: the cell's value, or its error).
   */
  writeTable(
    sheet: string,
    rect: Rect,
    name: string,
    values: readonly (readonly CellValue[])[],
    formats: readonly (string | undefined)[],
    validation?: readonly PlannedValidation[],
    formulas?: readonly PlannedFormula[],
  ): void;
  deleteTable(name: string): void;
  addChart(sheet: string, spec: ChartSpec, source: { sheet: string; rect: Rect }, anchor: { row: number; col: number }): void;
  /** A stored setting's JSON text, or undefined. */
  getSetting(key: string): string | undefined;
  setSetting(key: string, json: string): void;
  /** Shows a cell to the user (no-op where there is no user). */
  select(sheet: string, rect: Rect): void;
  /** The sheet's ownership mark (see `OWNER_MARK_NAME` in policy.ts), or undefined. */
  sheetMark(sheet: string): string | undefined;
  /** Puts an ownership mark on a sheet (replacing any it had). */
  setSheetMark(sheet: string, mark: string): void;
}

/**
 * Largest rectangle one read returns, in cells (blank ones included): a 1,048,576-row sheet of 16
 * columns. A sheet with a stray cell far from the data (at XFD1048576: 17 billion cells) is refused
 * with its range, instead of filling the heap with blanks.
 */
export const MAX_READ_CELLS = 1_048_576 * 16;

const k = (s: string) => s.toLowerCase();

/** A WorkbookPort over a {@link SheetStore}. */
export class StorePort extends BatchedPort implements WorkbookPort {
  constructor(protected readonly store: SheetStore) {
    super();
  }

  private guard<T>(f: () => Result<T>): Promise<Result<T>> {
    try {
      return Promise.resolve(f());
    } catch (e) {
      return Promise.resolve(fail([hostError(e)]));
    }
  }

  private realName(sheet: string): string | undefined {
    return this.store.sheets().find((s) => k(s.name) === k(sheet))?.name;
  }

  private records() {
    const raw = this.store.getSetting(OWNED_MARKS_KEY);
    if (raw === undefined) return [];
    try {
      return parseOwnedRecords(JSON.parse(raw));
    } catch {
      return [];
    }
  }

  /** Sheets the add-in owns: by identity (their mark recorded with their name). */
  private owned(): string[] {
    return ownedByIdentity(
      this.records(),
      this.store.sheets().map((s) => ({ name: s.name, mark: this.store.sheetMark(s.name) })),
    );
  }

  /**
   * The rectangle's cells, or `range_too_large`. A formula cell the file holds no computed value for
   * arrives as an `UncachedFormula` (never blank or zero): whoever reads it as a value reports it.
   */
  private cells(sheet: string, rect: Rect, path: (string | number)[]): Result<Grid> {
    const area = (rect.lastRow - rect.row + 1) * (rect.lastCol - rect.col + 1);
    if (area > MAX_READ_CELLS)
      return fail([
        issue("range_too_large", path, {
          sheet,
          address: rangeAddress(sheet, rect.row, rect.col, rect.lastRow, rect.lastCol),
          cells: area,
          max: MAX_READ_CELLS,
        }),
      ]);
    return ok(makeGrid(sheet, this.store.read(sheet, rect), { row: rect.row, col: rect.col }));
  }

  listSheets(): Promise<Result<SheetInfo[]>> {
    return this.guard(() => {
      const owned = new Set(this.owned().map(k));
      return ok(this.store.sheets().map((s) => ({ name: s.name, visible: s.visible, owned: owned.has(k(s.name)) })));
    });
  }

  sheetExists(sheet: string): Promise<Result<boolean>> {
    return this.guard(() => ok(this.realName(sheet) !== undefined));
  }

  private readOne(req: ReadRequest, path: (string | number)[]): Result<Grid> {
    if (req.kind === "table") {
      const t = this.store.tables().find((x) => k(x.name) === k(req.name));
      if (!t) return fail([issue("table_not_found", path, { name: req.name })]);
      return this.cells(t.sheet, t.rect, path);
    }
    const sheet = this.realName(req.sheet);
    if (sheet === undefined) return fail([issue("sheet_not_found", path, { sheet: req.sheet })]);
    let rect: Rect | undefined;
    if (req.address !== undefined) {
      rect = localRect(req.address, sheet);
      if (!rect) return fail([issue("address_invalid", path, { value: path.length === 0 ? `${sheet}!${req.address}` : req.address })]);
    } else {
      rect = this.store.usedRange(sheet);
      if (!rect) return ok(makeGrid(sheet, []));
    }
    return this.cells(sheet, rect, path);
  }

  readRange(sheet: string, address?: string): Promise<Result<Grid>> {
    return this.guard(() => this.readOne({ kind: "range", sheet, address }, []));
  }

  readTable(name: string): Promise<Result<Grid>> {
    return this.guard(() => this.readOne({ kind: "table", name }, []));
  }

  findTables(): Promise<Result<TableInfo[]>> {
    return this.guard(() =>
      ok(
        this.store
          .tables()
          .map((t) => ({ name: t.name, sheet: t.sheet, address: rangeAddress(t.sheet, t.rect.row, t.rect.col, t.rect.lastRow, t.rect.lastCol) })),
      ),
    );
  }

  readMany(requests: readonly ReadRequest[]): Promise<Result<Grid[]>> {
    return this.guard(() => {
      const grids: Grid[] = [];
      const issues: Issue[] = [];
      requests.forEach((req) => {
        // Issues name the sheet, table or address they are about; their order is the requests'.
        const r = this.readOne(req, []);
        if (r.ok) grids.push(r.value);
        else pushAll(issues, r.issues);
      });
      return issues.length > 0 ? fail(issues) : ok(grids);
    });
  }

  private apply(op: PlannedOp): void {
    switch (op.kind) {
      case "addSheet":
        return this.store.addSheet(op.sheet);
      case "clearSheet":
      case "deleteSheet":
        for (const t of op.dropTables) this.store.deleteTable(t);
        return op.kind === "clearSheet" ? this.store.clearSheet(op.sheet) : this.store.deleteSheet(op.sheet);
      case "table":
        for (const t of op.dropTables) this.store.deleteTable(t);
        return this.store.writeTable(op.sheet, op.rect, op.tableName, op.values, op.formats, op.validation, op.formulas);
      case "chart":
        return this.store.addChart(op.sheet, op.spec, op.source, op.anchor);
    }
  }

  writeMany(ops: readonly WriteOp[]): Promise<Result<void>> {
    return this.guard(() => {
      const plan = planWrites(ops, { sheets: this.store.sheets().map((s) => s.name), owned: this.owned(), tables: this.store.tables() });
      if (!plan.ok) return plan;
      for (const op of plan.value.ops) {
        this.apply(op);
        if (op.kind === "addSheet") this.store.setSheetMark(op.sheet, newMark());
      }
      if (plan.value.ownedChanged) {
        this.store.setSetting(OWNED_SHEETS_KEY, JSON.stringify(plan.value.owned));
        this.store.setSetting(OWNED_MARKS_KEY, JSON.stringify(ownedRecords(plan.value.owned, (s) => this.store.sheetMark(s))));
      }
      return ok(undefined);
    });
  }

  async writeTable(write: TableWrite): Promise<Result<TableInfo>> {
    const r = await this.single({ kind: "table", ...write });
    if (!r.ok) return r;
    const tables = await this.findTables();
    if (!tables.ok) return tables;
    const name = write.tableName ?? defaultTableName(write.sheet);
    const t = tables.value.find((x) => k(x.name) === k(name));
    return t ? ok(t) : fail([issue("table_not_found", ["tableName"], { name })]);
  }

  getSettings(): Promise<Result<Settings>> {
    return this.guard(() => {
      const raw = this.store.getSetting(SETTINGS_KEY);
      if (raw === undefined) return ok({});
      try {
        const v: unknown = JSON.parse(raw);
        if (v === null || typeof v !== "object" || Array.isArray(v)) return fail([issue("settings_invalid", ["settings"], { detail: "not a JSON object" })]);
        return ok(v as Settings);
      } catch (e) {
        return fail([issue("settings_invalid", ["settings"], { detail: e instanceof Error ? e.message : String(e) })]);
      }
    });
  }

  setSettings(settings: Settings): Promise<Result<void>> {
    return this.guard(() => {
      this.store.setSetting(SETTINGS_KEY, JSON.stringify(settings));
      return ok(undefined);
    });
  }

  selectCell(address: string): Promise<Result<void>> {
    return this.guard(() => {
      const p = parseAddress(address);
      const sheet = p?.sheet !== undefined ? this.realName(p.sheet) : undefined;
      if (!p || p.sheet === undefined) return fail([issue("address_invalid", ["address"], { value: address })]);
      if (sheet === undefined) return fail([issue("sheet_not_found", ["address"], { sheet: p.sheet })]);
      this.store.select(sheet, p);
      return ok(undefined);
    });
  }
}
