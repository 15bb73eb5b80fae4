/**
 * The Office.js adapter: a WorkbookPort over the live workbook in Excel.
 *
 * **Batching** (docs/design.md §5; Excel on the web rejects a request or response over 5 MB):
 * - Reads: one sync loads the sheet/table names and the address and size (`address`, `rowCount`,
 *   `columnCount`) of every used range and table asked for; a second sync loads the `values` of all
 *   of them. A batch whose values would pass the payload limit is split by rows into extra syncs.
 * - Writes: one sync loads what the plan needs (sheet names with their charts' names, table names
 *   with their sheets, the add-in's records); a second carries every write: whole 2-D `values` arrays (text
 *   Excel would parse as a formula escaped, see {@link officeValue}), the declared formula cells
 *   (`range.formulas`, over their cached values), then `tables.add`, number formats, charts and the records, with calculation suspended
 *   (`application.suspendApiCalculationUntilNextSync()`). Again, extra syncs only past the limit.
 * - Only the properties used are loaded. Nothing is read before it is loaded and synced.
 * A sheet or table that does not exist makes Excel fail the whole batch; the adapter then finds out
 * which (one more round trip, only on that error path) and reports them as issues.
 *
 * **Settings and ownership** live in the very hidden `_carbonpeak` sheet, in the format the ExcelJS
 * adapter (the CLI) uses — one shared implementation, `store-sheet.ts` — so outputs the CLI wrote are
 * owned in the task pane and the other way round. Keys: `carbonPeak.settings`, `carbonPeak.ownedSheets`,
 * `carbonPeak.ownedTables` (the pane's table extents) and `carbonPeak.charts` (charts the CLI recorded;
 * kept, and dropped with their sheet). The sheet's used range is loaded in the first sync of a read or
 * write (`getItemOrNullObject`, no extra round trip); the write sync rewrites it (creating it very hidden
 * when missing). `setSettings` therefore takes 2 syncs (load the records, write them).
 * `context.workbook.settings`, where the pane kept them before, is the fallback on read for any key the
 * sheet lacks (copied into the sheet on the next write), and is still written alongside the sheet: it
 * is queued in the same write sync, so it costs no round trip, and older versions of the pane read it.
 */
import { fail, issue, ok, makeGrid, parseAddress, rangeAddress, cellAddress, type Grid, type Issue, type Result } from "../engine";
import {
  OWNER_MARK_NAME,
  hostError,
  localRect,
  markFormula,
  markOfFormula,
  newMark,
  ownedByIdentity,
  ownedRecords,
  parseOwnedRecords,
  planWrites,
  defaultTableName,
  type PlannedOp,
  type Rect,
  type WorkbookState,
} from "./policy";
import { BatchedPort } from "./batched-port";
import {
  OWNED_MARKS_KEY,
  OWNED_SHEETS_KEY,
  SETTINGS_KEY,
  type ChartSpec,
  type JsonValue,
  type ReadRequest,
  type Settings,
  type SheetInfo,
  type TableInfo,
  type TableWrite,
  type WorkbookPort,
  type WriteOp,
} from "./port";
import { CHARTS_KEY, STORE_SHEET, decodeStore, encodeStore, parseStored } from "./store-sheet";

/** Excel on the web's request/response payload limit, with room for the request envelope. */
export const DEFAULT_PAYLOAD_LIMIT = 5_000_000;
/** Bytes a read cell is assumed to take in the response (JSON text of a number or a short name). */
export const READ_BYTES_PER_CELL = 32;
/** Workbook setting holding the add-in's tables (name, sheet, address), for replacing them on a re-run. */
export const OWNED_TABLES_KEY = "carbonPeak.ownedTables";

/** `Excel.run`'s shape: runs a batch function with a request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Options for {@link createOfficePort}. */
export interface OfficePortOptions {
  /** Runs a batch; default `Excel.run`. Tests pass a mock. */
  readonly run?: ExcelRun;
  /** Largest payload of one sync, in bytes; default {@link DEFAULT_PAYLOAD_LIMIT}. */
  readonly payloadLimit?: number;
  /** Assumed bytes per cell read; default {@link READ_BYTES_PER_CELL}. */
  readonly readBytesPerCell?: number;
}

type OwnedTable = { name: string; sheet: string; address: string };

/** Keys the pane kept in `context.workbook.settings` before the `_carbonpeak` sheet (read as a fallback). */
const LEGACY_KEYS: readonly string[] = [SETTINGS_KEY, OWNED_SHEETS_KEY, OWNED_TABLES_KEY];

/** The add-in's records as loaded: the `_carbonpeak` sheet's entries, with `workbook.settings` as fallback. */
interface Records {
  /** Whether the `_carbonpeak` sheet exists. */
  readonly sheet: boolean;
  /** Key → JSON text, for every key the sheet holds plus the legacy keys only `workbook.settings` holds. */
  readonly entries: ReadonlyMap<string, string>;
  /** A key's parsed value (undefined when absent or not JSON). */
  get(key: string): unknown;
}

/** The `_carbonpeak` sheet's cells after `updates` (key → value) replace their entries: a rectangle of text. */
function recordCells(records: Records, updates: ReadonlyMap<string, JsonValue>): string[][] {
  const entries = new Map(records.entries);
  for (const [key, v] of updates) entries.set(key, JSON.stringify(v));
  const rows = encodeStore(entries);
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
}

/** JSON size estimate of cells being written (strings: UTF-8 bytes + quotes). */
export function payloadBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 3;
    for (const v of row) {
      if (typeof v === "string") {
        n += 3;
        for (let i = 0; i < v.length; i++) n += v.charCodeAt(i) < 0x80 ? 1 : 3;
      } else if (typeof v === "number") n += 25;
      else n += 6;
    }
  }
  return n;
}

/**
 * Text Excel would not keep as the same text when typed: a formula ("=", "+", "-", "@"), the quote
 * prefix itself ("'"), an error literal ("#N/A"), anything starting with a digit (Excel turns "2020",
 * "1/2", "5%", "1e5" or "10:30" into a number, a date or a time) and the words TRUE / FALSE.
 */
const NOT_KEPT_AS_TEXT = /^\s*(?:[=+\-@'#]|\.?\d|(?:true|false)\s*$)/i;

/**
 * A cell value as Office.js `range.values` must receive it to keep it what it is: Excel parses a string
 * written through `values` as if typed, so a city named "=1+1" would show 2, a scenario named "2030"
 * would become a number and "TRUE" a boolean. Such text (see the pattern above) gets a leading
 * apostrophe, Excel's quote prefix: the cell shows and stores the rest as text. Other text, numbers and
 * booleans are written as they are; blank (null) as "". Formulas are written only through `range.formulas`.
 * @example officeValue("=1+1") // "'=1+1"; officeValue("2030") // "'2030"; officeValue("长沙") // "长沙"; officeValue(null) // ""
 */
export function officeValue(v: unknown): unknown {
  if (v === null) return "";
  return typeof v === "string" && NOT_KEPT_AS_TEXT.test(v) ? `'${v}` : v;
}

/** Splits rows [from, to) into consecutive chunks whose estimated payload stays under `limit`. */
function rowChunks(count: number, bytesOfRow: (r: number) => number, limit: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < count; r++) {
    const b = bytesOfRow(r);
    if (r > start && size + b > limit) {
      out.push([start, r]);
      start = r;
      size = 0;
    }
    size += b;
  }
  if (count > start) out.push([start, count]);
  return out;
}

/** Excel chart types by ChartSpec type (the values of Excel.ChartType.line, .areaStacked, .columnClustered). */
const OFFICE_CHART_TYPES: Readonly<Record<ChartSpec["type"], "Line" | "AreaStacked" | "ColumnClustered">> = {
  line: "Line",
  stackedArea: "AreaStacked",
  column: "ColumnClustered",
};

const sheetOf = (address: string) => parseAddress(address)?.sheet;
const k = (s: string) => s.toLowerCase();

/** The Office.js WorkbookPort. */
export class OfficePort extends BatchedPort implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly limit: number;
  private readonly perCell: number;

  constructor(options: OfficePortOptions = {}) {
    super();
    this.run = options.run ?? (<T>(batch: (c: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.limit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.perCell = options.readBytesPerCell ?? READ_BYTES_PER_CELL;
  }

  private async guard<T>(f: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await f();
    } catch (e) {
      return fail([hostError(e)]);
    }
  }

  /**
   * Queues the loads of the add-in's records (no sync): the `_carbonpeak` sheet's used range with its
   * values (a few small cells) and the legacy `workbook.settings` items. The result is valid after the next sync.
   */
  private queueRecords(ctx: Excel.RequestContext): () => Records {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(STORE_SHEET).load("name");
    const used = sheet.getUsedRangeOrNullObject(true).load("address,values");
    const legacy = LEGACY_KEYS.map((key) => [key, ctx.workbook.settings.getItemOrNullObject(key).load("value")] as const);
    return () => {
      const exists = !sheet.isNullObject;
      const entries = new Map<string, string>();
      if (exists && !used.isNullObject) {
        // Keys are in column A: pad a used range that starts further right.
        const pad = new Array<null>(Math.max(0, (parseAddress(used.address)?.col ?? 1) - 1)).fill(null);
        for (const [key, json] of decodeStore(used.values.map((r) => [...pad, ...r]))) entries.set(key, json);
      }
      for (const [key, item] of legacy) if (!entries.has(key) && !item.isNullObject) entries.set(key, JSON.stringify(item.value ?? null));
      return { sheet: exists, entries, get: (key) => parseStored(entries.get(key)) };
    };
  }

  /**
   * Queues the write of the records (no sync): `cells` (from {@link recordCells}) into the `_carbonpeak`
   * sheet, created very hidden when missing, text format first so Excel keeps every piece as text; and
   * the updated legacy keys into `workbook.settings` too (same sync: no extra round trip).
   */
  private queueRecordsWrite(ctx: Excel.RequestContext, records: Records, cells: string[][], updates: ReadonlyMap<string, JsonValue>): void {
    let ws: Excel.Worksheet;
    if (records.sheet) {
      ws = ctx.workbook.worksheets.getItem(STORE_SHEET);
      ws.getRange().clear();
    } else {
      ws = ctx.workbook.worksheets.add(STORE_SHEET);
      ws.visibility = "VeryHidden"; // Excel.SheetVisibility.veryHidden (the enum object is not there outside Excel)
    }
    if (cells.length > 0) {
      const range = ws.getRange(rangeAddress(undefined, 1, 1, cells.length, cells[0].length));
      range.numberFormat = cells.map((r) => r.map(() => "@"));
      range.values = cells;
    }
    for (const [key, v] of updates) if (LEGACY_KEYS.includes(key)) ctx.workbook.settings.add(key, v);
  }

  /** Names of sheets and tables (with their sheets): one sync. */
  private async names(ctx: Excel.RequestContext): Promise<{ sheets: string[]; tables: { name: string; sheet: string }[] }> {
    const ws = ctx.workbook.worksheets.load("items/name");
    const ts = ctx.workbook.tables.load("items/name,items/worksheet/name");
    await ctx.sync();
    return { sheets: ws.items.map((w) => w.name), tables: ts.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })) };
  }

  listSheets(): Promise<Result<SheetInfo[]>> {
    return this.guard(() =>
      this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.load(`items/name,items/visibility,${MARK_LOAD}`);
        const records = this.queueRecords(ctx);
        await ctx.sync();
        const set = new Set(ownedByIdentity(parseOwnedRecords(records().get(OWNED_MARKS_KEY)), marksOf(ws.items)).map(k));
        return ok(
          ws.items.filter((w) => w.name !== STORE_SHEET).map((w) => ({ name: w.name, visible: w.visibility === "Visible", owned: set.has(k(w.name)) })),
        );
      }),
    );
  }

  sheetExists(sheet: string): Promise<Result<boolean>> {
    return this.guard(() => this.run(async (ctx) => ok((await this.names(ctx)).sheets.some((s) => k(s) === k(sheet)))));
  }

  findTables(): Promise<Result<TableInfo[]>> {
    return this.guard(() =>
      this.run(async (ctx) => {
        const ts = ctx.workbook.tables.load("items/name");
        await ctx.sync();
        const ranges = ts.items.map((t) => t.getRange().load("address"));
        await ctx.sync();
        return ok(ts.items.map((t, i) => ({ name: t.name, sheet: sheetOf(ranges[i].address) ?? "", address: ranges[i].address })));
      }),
    );
  }

  readRange(sheet: string, address?: string): Promise<Result<Grid>> {
    return this.readOne({ kind: "range", sheet, address });
  }

  readTable(name: string): Promise<Result<Grid>> {
    return this.readOne({ kind: "table", name });
  }

  private async readOne(req: ReadRequest): Promise<Result<Grid>> {
    const r = await this.readMany([req]);
    if (!r.ok) return r;
    return ok(r.value[0]);
  }

  readMany(requests: readonly ReadRequest[]): Promise<Result<Grid[]>> {
    return this.guard(async () => {
      // Addresses are checked before any round trip.
      const issues: Issue[] = [];
      requests.forEach((q) => {
        if (q.kind === "range" && q.address !== undefined && !localRect(q.address, q.sheet)) {
          issues.push(issue("address_invalid", [], { value: `${q.sheet}!${q.address}` }));
        }
      });
      if (issues.length > 0) return fail(issues);
      try {
        return ok(await this.run((ctx) => this.readBatch(ctx, requests)));
      } catch (e) {
        // A missing sheet or table fails the whole batch: find out which, report them, read the rest.
        const missing = await this.run(async (ctx) => {
          const n = await this.names(ctx);
          return requests.map((q) => {
            if (q.kind === "range" && !n.sheets.some((s) => k(s) === k(q.sheet))) return issue("sheet_not_found", [], { sheet: q.sheet });
            if (q.kind === "table" && !n.tables.some((t) => k(t.name) === k(q.name))) return issue("table_not_found", [], { name: q.name });
            return undefined;
          });
        });
        const found = missing.filter((m): m is Issue => m !== undefined);
        if (found.length === 0) throw e;
        return fail(found);
      }
    });
  }

  /** Sync 1: sizes and addresses; sync 2 (+1 per chunk past the payload limit): values. */
  private async readBatch(ctx: Excel.RequestContext, requests: readonly ReadRequest[]): Promise<Grid[]> {
    type Target = { sheet: string; rect: Rect | undefined } | { pending: Excel.Range; table?: string; sheet?: string };
    const targets: Target[] = requests.map((q) => {
      if (q.kind === "table") return { pending: ctx.workbook.tables.getItem(q.name).getRange().load("address,rowCount,columnCount"), table: q.name };
      if (q.address !== undefined) {
        // Known size: only the sheet's existence is checked in the first sync (getItem fails the batch if missing).
        ctx.workbook.worksheets.getItem(q.sheet).load("name");
        return { sheet: q.sheet, rect: localRect(q.address, q.sheet) };
      }
      return { pending: ctx.workbook.worksheets.getItem(q.sheet).getUsedRangeOrNullObject(true).load("address,rowCount,columnCount"), sheet: q.sheet };
    });
    await ctx.sync();
    const resolved = targets.map((t, i) => {
      if ("rect" in t) return { sheet: t.sheet, rect: t.rect };
      if (t.pending.isNullObject) return { sheet: (requests[i] as { sheet: string }).sheet, rect: undefined };
      const p = parseAddress(t.pending.address)!;
      return {
        sheet: p.sheet ?? t.sheet ?? "",
        rect: { row: p.row, col: p.col, lastRow: p.row + t.pending.rowCount - 1, lastCol: p.col + t.pending.columnCount - 1 },
      };
    });
    // Values, packed into as few syncs as the payload limit allows.
    const parts: { target: number; from: number; range: Excel.Range | undefined; rows: number; cols: number }[] = [];
    resolved.forEach((t, i) => {
      if (!t.rect) return;
      const cols = t.rect.lastCol - t.rect.col + 1;
      const rows = t.rect.lastRow - t.rect.row + 1;
      for (const [a, b] of rowChunks(rows, () => cols * this.perCell, this.limit)) parts.push({ target: i, from: a, range: undefined, rows: b - a, cols });
    });
    let pending = 0;
    const flushAt: number[] = [];
    parts.forEach((p, j) => {
      const bytes = p.rows * p.cols * this.perCell;
      if (pending > 0 && pending + bytes > this.limit) {
        flushAt.push(j);
        pending = 0;
      }
      pending += bytes;
    });
    let next = 0;
    for (let j = 0; j < parts.length; j++) {
      if (flushAt[next] === j) {
        await ctx.sync();
        next++;
      }
      const p = parts[j];
      const t = resolved[p.target];
      const r = t.rect!;
      p.range = ctx.workbook.worksheets
        .getItem(t.sheet)
        .getRange(rangeAddress(undefined, r.row + p.from, r.col, r.row + p.from + p.rows - 1, r.lastCol))
        .load("values");
    }
    if (parts.length > 0) await ctx.sync();
    const values: unknown[][][] = resolved.map(() => []);
    for (const p of parts) for (const row of p.range!.values) values[p.target].push(row);
    return resolved.map((t, i) => (t.rect ? makeGrid(t.sheet, values[i], { row: t.rect.row, col: t.rect.col }) : makeGrid(t.sheet, [])));
  }

  /** Sync 1 of a write batch: sheet names with their charts' names, tables with their sheets, ownership records. */
  private async writeState(ctx: Excel.RequestContext) {
    const ws = ctx.workbook.worksheets.load(`items/name,items/charts/items/name,${MARK_LOAD}`);
    const ts = ctx.workbook.tables.load("items/name,items/worksheet/name");
    const loaded = this.queueRecords(ctx);
    await ctx.sync();
    const records = loaded();
    const sheetMarks = marksOf(ws.items);
    const marks = new Map(sheetMarks.filter((m) => m.mark !== undefined).map((m) => [k(m.name), m.mark!]));
    const recorded = records.get(OWNED_TABLES_KEY);
    const known = new Map((Array.isArray(recorded) ? (recorded as OwnedTable[]) : []).filter((t) => typeof t?.name === "string").map((t) => [k(t.name), t]));
    const state: WorkbookState = {
      sheets: ws.items.map((w) => w.name),
      owned: ownedByIdentity(parseOwnedRecords(records.get(OWNED_MARKS_KEY)), sheetMarks),
      tables: ts.items.map((t) => {
        const rec = known.get(k(t.name));
        const p = rec && k(rec.sheet) === k(t.worksheet.name) ? parseAddress(rec.address) : undefined;
        // Tables the add-in did not record have no known extent: only their names are checked.
        return { name: t.name, sheet: t.worksheet.name, rect: p ? { row: p.row, col: p.col, lastRow: p.lastRow, lastCol: p.lastCol } : UNKNOWN_RECT };
      }),
    };
    const chartNames = new Map(ws.items.map((w) => [k(w.name), w.charts.items.map((c) => c.name)]));
    return { state, chartNames, records, marks };
  }

  writeMany(ops: readonly WriteOp[]): Promise<Result<void>> {
    return this.guard(() =>
      this.run(async (ctx) => {
        const st = await this.writeState(ctx);
        const plan = planWrites(ops, st.state);
        if (!plan.ok) return plan;
        await this.carryOut(ctx, plan.value.ops, st.chartNames, plan.value.owned, st.state, st.records, st.marks);
        return ok(undefined);
      }),
    );
  }

  /** Sync 2 (+1 per chunk past the payload limit): every write, calculation suspended. */
  private async carryOut(
    ctx: Excel.RequestContext,
    ops: readonly PlannedOp[],
    charts: Map<string, string[]>,
    owned: readonly string[],
    before: WorkbookState,
    records: Records,
    marks: Map<string, string>,
  ): Promise<void> {
    let bytes = 0;
    ctx.application.suspendApiCalculationUntilNextSync();
    const room = async (need: number) => {
      if (bytes > 0 && bytes + need > this.limit) {
        await ctx.sync();
        ctx.application.suspendApiCalculationUntilNextSync();
        bytes = 0;
      }
      bytes += need;
    };
    const tables = new Map(before.tables.map((t) => [k(t.name), { name: t.name, sheet: t.sheet, rect: t.rect }]));
    const emptied = new Set<string>();
    for (const op of ops) {
      switch (op.kind) {
        case "addSheet": {
          // The sheet's ownership mark: a hidden sheet-scoped name holding a new token (policy.ts).
          const mark = newMark();
          const name = ctx.workbook.worksheets.add(op.sheet).names.add(OWNER_MARK_NAME, `=${markFormula(mark)}`);
          name.visible = false;
          marks.set(k(op.sheet), mark);
          break;
        }
        case "deleteSheet":
          emptied.add(k(op.sheet));
          for (const t of op.dropTables) tables.delete(k(t));
          ctx.workbook.worksheets.getItem(op.sheet).delete();
          break;
        case "clearSheet": {
          const ws = ctx.workbook.worksheets.getItem(op.sheet);
          emptied.add(k(op.sheet));
          for (const t of op.dropTables) {
            ctx.workbook.tables.getItem(t).delete();
            tables.delete(k(t));
          }
          for (const c of charts.get(k(op.sheet)) ?? []) ws.charts.getItem(c).delete();
          ws.getRange().clear();
          break;
        }
        case "table": {
          const ws = ctx.workbook.worksheets.getItem(op.sheet);
          for (const t of op.dropTables) {
            ctx.workbook.tables.getItem(t).delete();
            tables.delete(k(t));
          }
          const width = op.values[0].length;
          const body: unknown[][] = op.values.length > 1 ? op.values.map((r) => [...r]) : [[...op.values[0]], new Array(width).fill("")];
          const cleaned = body.map((r) => r.map(officeValue));
          for (const [a, b] of rowChunks(cleaned.length, (r) => payloadBytes([cleaned[r]]), this.limit)) {
            const chunk = cleaned.slice(a, b);
            await room(payloadBytes(chunk));
            ws.getRange(rangeAddress(undefined, op.rect.row + a, op.rect.col, op.rect.row + b - 1, op.rect.lastCol)).values = chunk;
          }
          for (let c = 0; c < op.formats.length; c++) {
            const f = op.formats[c];
            if (f === undefined) continue;
            const n = op.rect.lastRow - op.rect.row;
            await room(n * (f.length + 6));
            ws.getRange(rangeAddress(undefined, op.rect.row + 1, op.rect.col + c, op.rect.lastRow, op.rect.col + c)).numberFormat = Array.from(
              { length: n },
              () => [f],
            );
          }
          // Formula cells over their cached values, one `range.formulas` per run of consecutive rows in a column.
          for (let i = 0; i < op.formulas.length;) {
            const first = op.formulas[i];
            let j = i + 1;
            while (j < op.formulas.length && op.formulas[j].col === first.col && op.formulas[j].row === op.formulas[j - 1].row + 1) j++;
            const run = op.formulas.slice(i, j).map((f) => [f.formula]);
            await room(payloadBytes(run));
            ws.getRange(rangeAddress(undefined, first.row, first.col, first.row + run.length - 1, first.col)).formulas = run;
            i = j;
          }
          for (const v of op.validation) {
            // Data rows and the rows below (no values there): rows the analyst adds get the dropdown too.
            const dv = ws.getRange(rangeAddress(undefined, v.row, v.col, v.lastRow, v.col)).dataValidation;
            await room(v.list.join(",").length * 2 + 200);
            dv.clear();
            dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
            dv.errorAlert = { showAlert: true, style: "Stop", title: "Carbon Peak / 碳达峰", message: `Choose one of / 请选择：${v.list.join(", ")}` };
          }
          const table = ws.tables.add(rangeAddress(undefined, op.rect.row, op.rect.col, op.rect.lastRow, op.rect.lastCol), true);
          table.name = op.tableName;
          tables.set(k(op.tableName), { name: op.tableName, sheet: op.sheet, rect: op.rect });
          break;
        }
        case "chart":
          this.chart(ctx, op.sheet, op.spec, op.source, op.anchor);
          break;
      }
    }
    const ownedTables: OwnedTable[] = [...tables.values()]
      .filter((t) => t.rect !== UNKNOWN_RECT && owned.some((s) => k(s) === k(t.sheet)))
      .map((t) => ({ name: t.name, sheet: t.sheet, address: rangeAddress(t.sheet, t.rect.row, t.rect.col, t.rect.lastRow, t.rect.lastCol) }));
    const updates = new Map<string, JsonValue>([
      [OWNED_SHEETS_KEY, [...owned]],
      [OWNED_MARKS_KEY, ownedRecords(owned, (sheet) => marks.get(k(sheet))).map((r) => ({ sheet: r.sheet, mark: r.mark }))],
      [OWNED_TABLES_KEY, ownedTables],
    ]);
    // Chart records the CLI left for a sheet emptied here go with it (as in the ExcelJS adapter).
    const recordedCharts = records.get(CHARTS_KEY);
    if (Array.isArray(recordedCharts) && emptied.size > 0) {
      const kept = (recordedCharts as JsonValue[]).filter(
        (c) => !(c !== null && typeof c === "object" && !Array.isArray(c) && typeof c.sheet === "string" && emptied.has(k(c.sheet))),
      );
      if (kept.length !== recordedCharts.length) updates.set(CHARTS_KEY, kept);
    }
    const cells = recordCells(records, updates);
    await room(payloadBytes(cells) * 2); // values and the text format
    this.queueRecordsWrite(ctx, records, cells, updates);
    await ctx.sync();
  }

  private chart(ctx: Excel.RequestContext, sheet: string, spec: ChartSpec, source: { sheet: string; rect: Rect }, anchor: { row: number; col: number }): void {
    const s = source.rect;
    const data = ctx.workbook.worksheets.getItem(source.sheet).getRange(rangeAddress(undefined, s.row, s.col, s.lastRow, s.lastCol));
    const chart = ctx.workbook.worksheets.getItem(sheet).charts.add(OFFICE_CHART_TYPES[spec.type], data, "Columns");
    chart.title.text = spec.title;
    chart.setPosition(cellAddress(undefined, anchor.row, anchor.col));
    if (spec.xTitle) chart.axes.categoryAxis.title.text = spec.xTitle;
    if (spec.yTitle) chart.axes.valueAxis.title.text = spec.yTitle;
  }

  async writeTable(write: TableWrite): Promise<Result<TableInfo>> {
    const r = await this.single({ kind: "table", ...write });
    if (!r.ok) return r;
    const name = write.tableName ?? defaultTableName(write.sheet);
    const at = localRect(write.topLeft ?? "A1", write.sheet)!;
    const rows = Math.max(1, write.rows.length);
    return ok({ name, sheet: write.sheet, address: rangeAddress(write.sheet, at.row, at.col, at.row + rows, at.col + write.header.length - 1) });
  }

  getSettings(): Promise<Result<Settings>> {
    return this.guard(() =>
      this.run(async (ctx) => {
        const loaded = this.queueRecords(ctx);
        await ctx.sync();
        const json = loaded().entries.get(SETTINGS_KEY);
        if (json === undefined) return ok({});
        let v: unknown;
        try {
          v = JSON.parse(json);
        } catch (e) {
          return fail([issue("settings_invalid", ["settings"], { detail: e instanceof Error ? e.message : String(e) })]);
        }
        if (v === null || typeof v !== "object" || Array.isArray(v)) return fail([issue("settings_invalid", ["settings"], { detail: "not a JSON object" })]);
        return ok(v as Settings);
      }),
    );
  }

  setSettings(settings: Settings): Promise<Result<void>> {
    return this.guard(() =>
      this.run(async (ctx) => {
        // 2 syncs: the other records in the sheet are kept, so they are loaded first.
        const loaded = this.queueRecords(ctx);
        await ctx.sync();
        const records = loaded();
        const updates = new Map<string, JsonValue>([[SETTINGS_KEY, settings]]);
        this.queueRecordsWrite(ctx, records, recordCells(records, updates), updates);
        await ctx.sync();
        return ok(undefined);
      }),
    );
  }

  selectCell(address: string): Promise<Result<void>> {
    return this.guard(async () => {
      const p = parseAddress(address);
      if (!p || p.sheet === undefined) return fail([issue("address_invalid", ["address"], { value: address })]);
      const sheet = p.sheet;
      try {
        return await this.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(rangeAddress(undefined, p.row, p.col, p.lastRow, p.lastCol)).select();
          await ctx.sync();
          return ok(undefined);
        });
      } catch (e) {
        const exists = await this.sheetExists(sheet);
        if (exists.ok && !exists.value) return fail([issue("sheet_not_found", ["address"], { sheet })]);
        throw e;
      }
    });
  }
}

/** What a worksheet load adds to read the sheets' ownership marks (their sheet-scoped names). */
const MARK_LOAD = "items/names/items/name,items/names/items/formula";

/** Each loaded worksheet's name and ownership mark (the value of its {@link OWNER_MARK_NAME} name, if any). */
function marksOf(items: readonly Excel.Worksheet[]): { name: string; mark: string | undefined }[] {
  return items.map((w) => {
    const named = w.names.items.find((n) => n.name === OWNER_MARK_NAME);
    return { name: w.name, mark: named ? markOfFormula(String(named.formula)) : undefined };
  });
}

/** Marks a table whose extent is not known (a user's table). */
const UNKNOWN_RECT: Rect = { row: 0, col: 0, lastRow: -1, lastCol: -1 };

/**
 * The Office.js WorkbookPort.
 * @example const port = createOfficePort(); const grid = await port.readRange("Inventory");
 */
export function createOfficePort(options: OfficePortOptions = {}): OfficePort {
  return new OfficePort(options);
}
