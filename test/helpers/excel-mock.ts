/**
 * A fake Excel object model for testing the Office.js adapter, built on office-addin-mock.
 *
 * office-addin-mock's OfficeMockObject tracks load/sync state, but reading a property that was not
 * loaded (or loaded but not synced) only *returns* the text "Error, property was not loaded" /
 * "Error, context.sync() was not called". `strict()` wraps each mock in a Proxy that throws on such
 * a read instead, so a test proves the adapter reads nothing before it is loaded and synced.
 * Collections (`items`) and `isNullObject` get the same rule. Writes are queued and applied at
 * `context.sync()`, as in Excel; a `getItem` of a missing sheet or table fails the next sync.
 * Every sync is counted, with the bytes it carried (JSON of values read and written) and whether
 * calculation was suspended for it.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseAddress, rangeAddress } from "../../src/engine";

const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** cells[r][c] = row r + 1, column c + 1 (blank: undefined, null or ""). */
  cells: unknown[][];
  formats: Map<string, string>;
  charts: { name: string; type: string; source: string; title?: string; position?: string }[];
  /** Data validation set on ranges (address without the sheet), in the order written. */
  validations?: { address: string; rule?: unknown; errorAlert?: unknown; prompt?: unknown }[];
  /** Formulas written through `range.formulas`, by "row,col". */
  formulas?: Map<string, string>;
  /** Text written through `range.values` that Excel would have turned into a formula (starts with "="), by "row,col". */
  valueFormulas?: Map<string, string>;
  /** Sheet-scoped defined names (`worksheet.names`); deleted with the sheet, as in Excel. */
  names?: { name: string; formula: string; visible: boolean }[];
}

export interface FakeBook {
  sheets: FakeSheet[];
  tables: { name: string; sheet: string; address: string }[];
  settings: Map<string, unknown>;
  selection?: string;
  active?: string;
}

/** Builds a book from rows of cells per sheet. */
export function fakeBook(sheets: Record<string, unknown[][]>): FakeBook {
  return {
    sheets: Object.entries(sheets).map(([name, cells]) => ({ name, visibility: "Visible", cells: cells.map((r) => [...r]), formats: new Map(), charts: [] })),
    tables: [],
    settings: new Map(),
  };
}

/** Per-sync record. */
export interface SyncRecord {
  /** JSON bytes of values loaded and written in this sync. */
  bytes: number;
  suspended: boolean;
  writes: number;
}

type Op = () => void;
const low = (s: string) => s.toLowerCase();

/** One Excel.run batch context over a FakeBook. */
class FakeContext {
  readonly mocks: { sync(): Promise<void> }[] = [];
  queue: Op[] = [];
  error: string | undefined;
  suspended = false;
  bytesWritten = 0;
  loadedRanges: { values: () => unknown }[] = [];
  syncCount = 0;

  constructor(readonly excel: FakeExcel) {}

  async sync(): Promise<void> {
    this.syncCount++;
    const err = this.error;
    this.error = undefined;
    if (err) {
      this.queue = [];
      this.excel.syncs.push({ bytes: 0, suspended: false, writes: 0 });
      throw new Error(err);
    }
    const writes = this.queue.length;
    try {
      for (const op of this.queue) op();
    } catch (e) {
      this.queue = [];
      this.excel.syncs.push({ bytes: 0, suspended: false, writes });
      throw e;
    }
    this.queue = [];
    for (const m of this.mocks.splice(0)) await m.sync();
    await new Promise((r) => setImmediate(r));
    let bytes = this.bytesWritten;
    for (const r of this.loadedRanges.splice(0)) bytes += JSON.stringify(r.values()).length;
    this.excel.syncs.push({ bytes, suspended: this.suspended, writes });
    this.suspended = false;
    this.bytesWritten = 0;
  }
}

/**
 * Wraps an OfficeMockObject so that reading a property that is not loaded and synced throws, and
 * so that setting one of `writable` queues a write instead of changing the mock.
 */
function strict<T extends object>(
  ctx: FakeContext,
  mock: OfficeMockObject,
  extra: Record<string, unknown>,
  writable: Record<string, (v: unknown) => void> = {},
  decode: Record<string, (raw: unknown) => unknown> = {},
): T {
  let loadedAt = Infinity;
  const proxy: T = new Proxy(mock as unknown as T, {
    get(target, prop, receiver) {
      if (prop === "load") {
        return (p: string) => {
          ctx.excel.loads.push(p);
          (target as unknown as OfficeMockObject).load(p);
          loadedAt = Math.min(loadedAt, ctx.syncCount);
          ctx.mocks.push(target as unknown as OfficeMockObject);
          if (/(^|,)\s*values\s*(,|$)/.test(p)) ctx.loadedRanges.push({ values: () => Reflect.get(target, "values") });
          return receiver;
        };
      }
      if (prop === "isNullObject") {
        if (!(ctx.syncCount > loadedAt)) throw new Error("isNullObject read before load + context.sync()");
        return extra.isNullObject === true;
      }
      if (typeof prop === "string" && prop in extra) return extra[prop];
      const v = Reflect.get(target, prop, receiver);
      if (v === NOT_LOADED || v === NOT_SYNCED) throw new Error(`${String(prop)}: ${v}`);
      return typeof prop === "string" && prop in decode ? decode[prop](v) : v;
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "string" && prop in writable) {
        writable[prop](value);
        return true;
      }
      return Reflect.set(target, prop, value, receiver);
    },
  });
  return proxy;
}

/**
 * A loadable collection: `items` only after load + sync. A path like "items/charts/items/name"
 * loads a nested collection (`charts`) on each item, as Office.js allows.
 */
function collection<T extends object>(
  ctx: FakeContext,
  items: () => Record<string, unknown>[],
  methods: Record<string, unknown>,
  itemExtra: (data: Record<string, unknown>) => Record<string, unknown> = () => ({}),
): { load(p: string): unknown; readonly items: T[] } & Record<string, unknown> {
  let loadedAt = Infinity;
  let loaded: T[] = [];
  const self = {
    ...methods,
    load(p: string) {
      ctx.excel.loads.push(p);
      const props = p.split(",").map((x) => x.trim().replace(/^items\//, ""));
      const scalar = props.filter((x) => !x.includes("/items/"));
      const nested = props.filter((x) => x.includes("/items/"));
      loaded = items().map((data) => {
        const plain = Object.fromEntries(Object.entries(data).filter(([, v]) => !Array.isArray(v)));
        const extra: Record<string, unknown> = { ...itemExtra(data) };
        // Nested loads of the same collection ("items/names/items/name,items/names/items/formula") load it once.
        const byHead = new Map<string, string[]>();
        for (const n of nested) {
          const [head, rest] = n.split(/\/items\/(.*)/s);
          byHead.set(head, [...(byHead.get(head) ?? []), `items/${rest}`]);
        }
        for (const [head, rests] of byHead) {
          const sub = collection(ctx, () => (data[head] as Record<string, unknown>[]) ?? [], {});
          sub.load(rests.join(","));
          extra[head] = sub;
        }
        const s = strict<T>(ctx, new OfficeMockObject(plain), extra);
        if (scalar.length > 0) (s as unknown as { load(x: string): void }).load(scalar.join(","));
        return s;
      });
      loadedAt = ctx.syncCount;
      return self;
    },
    get items(): T[] {
      if (!(ctx.syncCount > loadedAt)) throw new Error("items read before load + context.sync()");
      return loaded;
    },
  };
  return self;
}

/** The fake Excel: `run` is the `Excel.run` to give the adapter. */
export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  readonly loads: string[] = [];
  constructor(readonly book: FakeBook) {}

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context() as unknown as Excel.RequestContext);

  /** Number of syncs since the last reset. */
  get syncCount(): number {
    return this.syncs.length;
  }

  reset(): void {
    this.syncs.length = 0;
    this.loads.length = 0;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.book.sheets.find((s) => low(s.name) === low(name));
  }

  private context() {
    const ctx = new FakeContext(this);
    const book = this.book;
    const cellsOf = (s: FakeSheet, a: { row: number; col: number; lastRow: number; lastCol: number }) => {
      const out: unknown[][] = [];
      for (let r = a.row; r <= a.lastRow; r++) {
        const row: unknown[] = [];
        for (let c = a.col; c <= a.lastCol; c++) {
          const v = s.cells[r - 1]?.[c - 1];
          row.push(v === null || v === undefined ? "" : v);
        }
        out.push(row);
      }
      return out;
    };
    const range = (sheetName: string, address: string | undefined, isNull = false) => {
      const s = this.sheet(sheetName);
      const now = () => this.sheet(sheetName)!;
      const whole = address === undefined;
      const a = whole ? { row: 1, col: 1, lastRow: 1048576, lastCol: 16384 } : parseAddress(address)!;
      const data =
        isNull || !s || whole
          ? { address: "", rowCount: 0, columnCount: 0, values: [] as unknown[][] }
          : {
              address: rangeAddress(s.name, a.row, a.col, a.lastRow, a.lastCol),
              rowCount: a.lastRow - a.row + 1,
              columnCount: a.lastCol - a.col + 1,
              values: cellsOf(s, a),
            };
      return strict<Excel.Range>(
        ctx,
        new OfficeMockObject(data),
        {
          isNullObject: isNull,
          clear: () =>
            ctx.queue.push(() => {
              if (whole) {
                now().cells = [];
                now().formats.clear();
                now().formulas = undefined;
                now().valueFormulas = undefined;
              }
            }),
          select: () => ctx.queue.push(() => (book.selection = rangeAddress(sheetName, a.row, a.col, a.lastRow, a.lastCol))),
          dataValidation: (() => {
            const at = rangeAddress(undefined, a.row, a.col, a.lastRow, a.lastCol);
            const entry = () => {
              const list = (now().validations ??= []);
              let e = list.find((x) => x.address === at);
              if (!e) list.push((e = { address: at }));
              return e;
            };
            const queue = (f: () => void) => {
              ctx.bytesWritten += 50;
              ctx.queue.push(f);
            };
            return {
              clear: () => queue(() => (now().validations = (now().validations ?? []).filter((x) => x.address !== at))),
              set rule(v: unknown) {
                ctx.bytesWritten += JSON.stringify(v).length;
                queue(() => (entry().rule = v));
              },
              set errorAlert(v: unknown) {
                queue(() => (entry().errorAlert = v));
              },
              set prompt(v: unknown) {
                queue(() => (entry().prompt = v));
              },
            };
          })(),
        },
        {
          // Like Excel, `values` parses text as if typed: a leading apostrophe is the quote prefix (the rest is
          // stored as text), and text starting with "=" becomes a formula (recorded in `valueFormulas`).
          values: (v) => {
            const rows = v as unknown[][];
            ctx.bytesWritten += JSON.stringify(rows).length;
            ctx.queue.push(() => {
              rows.forEach((row, i) =>
                row.forEach((x, j) => {
                  const at = `${a.row + i},${a.col + j}`;
                  now().formulas?.delete(at);
                  if (typeof x === "string" && x.startsWith("=")) (now().valueFormulas ??= new Map()).set(at, x);
                  else now().valueFormulas?.delete(at);
                  (now().cells[a.row - 1 + i] ??= [])[a.col - 1 + j] = typeof x === "string" && x.startsWith("'") ? x.slice(1) : x;
                }),
              );
            });
          },
          formulas: (v) => {
            const rows = v as unknown[][];
            ctx.bytesWritten += JSON.stringify(rows).length;
            ctx.queue.push(() => {
              rows.forEach((row, i) =>
                row.forEach((x, j) => {
                  (now().cells[a.row - 1 + i] ??= [])[a.col - 1 + j] = x;
                  if (typeof x === "string" && x.startsWith("=")) (now().formulas ??= new Map()).set(`${a.row + i},${a.col + j}`, x);
                }),
              );
            });
          },
          numberFormat: (v) => {
            const rows = v as string[][];
            ctx.bytesWritten += JSON.stringify(rows).length;
            ctx.queue.push(() => rows.forEach((row, i) => row.forEach((f, j) => now().formats.set(`${a.row + i},${a.col + j}`, f))));
          },
        },
      );
    };
    const usedRange = (s: FakeSheet) => {
      let row = Infinity,
        col = Infinity,
        lastRow = 0,
        lastCol = 0;
      s.cells.forEach((r, i) =>
        r?.forEach((v, j) => {
          if (v === null || v === undefined || v === "") return;
          row = Math.min(row, i + 1);
          col = Math.min(col, j + 1);
          lastRow = Math.max(lastRow, i + 1);
          lastCol = Math.max(lastCol, j + 1);
        }),
      );
      return lastRow === 0 ? undefined : rangeAddress(undefined, row, col, lastRow, lastCol);
    };
    const worksheet = (name: string) => {
      const s = this.sheet(name);
      // Like Excel: a missing sheet fails the sync, unless an earlier queued op of the batch adds it.
      if (!s)
        ctx.queue.push(() => {
          if (!this.sheet(name)) throw new Error(`ItemNotFound: sheet ${name}`);
        });
      const real = s?.name ?? name;
      const now = () => this.sheet(real)!;
      const full = (address: string) => {
        const p = parseAddress(address)!;
        return rangeAddress(real, p.row, p.col, p.lastRow, p.lastCol);
      };
      return {
        load: (p: string) => {
          this.loads.push(p);
          return strict(ctx, new OfficeMockObject({ name: real }), {});
        },
        getUsedRangeOrNullObject: () => {
          const used = s ? usedRange(s) : undefined;
          return used ? range(real, used) : range(real, undefined, true);
        },
        getRange: (address?: string) => {
          const r = range(real, address);
          Object.defineProperty(r, "__address", { value: address ? full(address) : real });
          return r;
        },
        tables: {
          add: (address: string, _hasHeaders: boolean) => {
            const entry = { name: `Table${book.tables.length + 1}`, sheet: real, address: full(address) };
            ctx.queue.push(() => book.tables.push(entry));
            return {
              set name(n: string) {
                entry.name = n;
              },
            };
          },
        },
        charts: {
          add: (type: string, source: Excel.Range, seriesBy: string) => {
            const srcAddress = (source as unknown as { __address: string }).__address;
            ctx.queue.push(() => now().charts.push({ name: `Chart ${now().charts.length + 1}`, type: `${type}/${seriesBy}`, source: srcAddress }));
            const last = () => now().charts[now().charts.length - 1];
            return {
              title: {
                set text(t: string) {
                  ctx.queue.push(() => (last().title = t));
                },
              },
              setPosition: (cell: string) => ctx.queue.push(() => (last().position = cell)),
              axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } },
            };
          },
          getItem: (chartName: string) => ({ delete: () => ctx.queue.push(() => (now().charts = now().charts.filter((c) => c.name !== chartName))) }),
        },
        names: {
          add: (name: string, formula: string) => {
            const entry = { name, formula, visible: true };
            ctx.queue.push(() => {
              const list = (now().names ??= []);
              if (list.some((n) => low(n.name) === low(name))) throw new Error(`InvalidArgument: the name ${name} already exists on ${real}`);
              list.push(entry);
            });
            return {
              set visible(v: boolean) {
                ctx.queue.push(() => (entry.visible = v));
              },
            };
          },
        },
        delete: () =>
          ctx.queue.push(() => {
            book.sheets = book.sheets.filter((x) => x !== now());
            book.tables = book.tables.filter((t) => low(t.sheet) !== low(real));
          }),
        activate: () => ctx.queue.push(() => (book.active = real)),
      };
    };
    const tableItem = (name: string) => {
      const t = book.tables.find((x) => low(x.name) === low(name));
      if (!t) ctx.error ??= `ItemNotFound: table ${name}`;
      return {
        getRange: () => {
          const p = t ? parseAddress(t.address)! : undefined;
          return range(t?.sheet ?? "", p ? rangeAddress(undefined, p.row, p.col, p.lastRow, p.lastCol) : undefined, !t);
        },
        delete: () => ctx.queue.push(() => (book.tables = book.tables.filter((x) => x !== t))),
      };
    };
    const settingItem = (key: string) => {
      const has = book.settings.has(key);
      // The mock would turn an object value into nested mocks: keep it as JSON text and decode on read.
      return strict(
        ctx,
        new OfficeMockObject({ value: JSON.stringify(has ? book.settings.get(key) : null) }),
        { isNullObject: !has },
        {},
        { value: (raw) => JSON.parse(raw as string) },
      );
    };
    return {
      workbook: {
        worksheets: collection<{ name: string; visibility: string }>(
          ctx,
          () =>
            book.sheets.map((s) => ({
              name: s.name,
              visibility: s.visibility,
              charts: s.charts.map((c) => ({ name: c.name })),
              names: (s.names ?? []).map((n) => ({ name: n.name, formula: n.formula, visible: n.visible })),
            })),
          {
            getItem: worksheet,
            // A missing sheet is a null object; so is what is got from it (its used range).
            getItemOrNullObject: (name: string) => {
              const s = this.sheet(name);
              let loaded: { isNullObject: boolean } | undefined;
              const self = {
                ...(s ? worksheet(name) : { getUsedRangeOrNullObject: () => range(name, undefined, true) }),
                load: (p: string) => {
                  loaded = strict<{ isNullObject: boolean; load(x: string): unknown }>(ctx, new OfficeMockObject({ name: s?.name ?? "" }), {
                    isNullObject: !s,
                  });
                  (loaded as unknown as { load(x: string): unknown }).load(p);
                  return self;
                },
                get isNullObject(): boolean {
                  if (!loaded) throw new Error("isNullObject read before load + context.sync()");
                  return loaded.isNullObject;
                },
              };
              return self;
            },
            add: (name: string) => {
              ctx.queue.push(() => book.sheets.push({ name, visibility: "Visible", cells: [], formats: new Map(), charts: [] }));
              const w = worksheet(name);
              Object.defineProperty(w, "visibility", {
                set: (v: FakeSheet["visibility"]) => ctx.queue.push(() => (this.sheet(name)!.visibility = v)),
              });
              return w;
            },
          },
        ),
        tables: collection<{ name: string; worksheet: { name: string } }>(
          ctx,
          () => book.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet } })),
          { getItem: tableItem },
          (data) => ({ getRange: () => tableItem(data.name as string).getRange() }),
        ),
        settings: {
          getItemOrNullObject: settingItem,
          add: (key: string, value: unknown) => ctx.queue.push(() => book.settings.set(key, JSON.parse(JSON.stringify(value)))),
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => {
          ctx.suspended = true;
        },
      },
      sync: () => ctx.sync(),
    };
  }
}
