/**
 * Inventory rows without zod. A whole country has thousands of inventory rows (300 cities × 8 sectors)
 * and checking each with `inventoryRowSchema` was most of the cost of `compileScenario`. Nearly all of
 * them are plain: two names, a number ≥ 0, maybe a note and a worksheet source. Those are read here
 * into exactly the record the schema would produce; any other row goes to zod, which reports it.
 */
import type { InventoryRow, SourceRef } from "./schema";

const ROW_KEYS = new Set(["city", "sector", "value", "note", "source"]);

/** A plain object: `{…}` or `Object.create(null)`, not an array, a Date, a class instance. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Non-blank text, trimmed (the schema's `text`), or undefined. */
function name(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t === "" ? undefined : t;
}

/** `{ sheet, row, columns? }` as the schema's source (a copy), or undefined when zod must check it. */
function plainSource(v: Record<string, unknown>): SourceRef | undefined {
  let columns: Record<string, string> | undefined;
  let hasColumns = false;
  for (const key in v) {
    if (key === "columns") hasColumns = true;
    else if (key !== "sheet" && key !== "row") return undefined;
  }
  const { sheet, row } = v;
  if (typeof sheet !== "string" || typeof row !== "number" || !Number.isSafeInteger(row) || row < 1) return undefined; // zod's int() is a safe integer
  if (hasColumns && v.columns !== undefined) {
    const c = v.columns;
    if (!isPlainObject(c)) return undefined;
    columns = {};
    for (const key in c) {
      const letter = c[key];
      if (typeof letter !== "string") return undefined;
      columns[key] = letter;
    }
  }
  return hasColumns ? { sheet, row, columns } : { sheet, row };
}

/**
 * The inventory row `inventoryRowSchema` would produce from `raw`, when `raw` is plain: a plain object
 * with only `city`, `sector` (non-blank text, trimmed), `value` (a finite number ≥ 0, in the settings'
 * unit), and optionally `note` (text, trimmed; blank → undefined) and `source` (`{ sheet, row ≥ 1,
 * columns? }` of text). Keys present in `raw` are present in the row, as zod does (`note: ""` gives
 * `note: undefined`). Undefined for anything else — the caller checks that row with zod, which reports it.
 * @example plainInventoryRow({ city: " 长沙 ", sector: "power_heat", value: 1.2 }) // { city: "长沙", sector: "power_heat", value: 1.2 }
 * @example plainInventoryRow({ city: "长沙", sector: "power_heat", value: "1.2" }) // undefined (text: zod says so)
 */
export function plainInventoryRow(raw: unknown): InventoryRow | undefined {
  if (!isPlainObject(raw)) return undefined;
  let hasNote = false;
  let hasSource = false;
  for (const key in raw) {
    if (!ROW_KEYS.has(key)) return undefined;
    if (key === "note") hasNote = true;
    else if (key === "source") hasSource = true;
  }
  const city = name(raw.city);
  const sector = name(raw.sector);
  const value = raw.value;
  if (city === undefined || sector === undefined) return undefined;
  if (typeof value !== "number" || !(value >= 0 && value <= Number.MAX_VALUE)) return undefined;
  let note: string | undefined;
  if (hasNote) {
    const n = raw.note;
    if (n !== undefined && n !== null && typeof n !== "string") return undefined;
    note = typeof n === "string" ? name(n) : undefined;
  }
  let source: SourceRef | undefined;
  if (hasSource && raw.source !== undefined) {
    if (!isPlainObject(raw.source)) return undefined;
    source = plainSource(raw.source);
    if (source === undefined) return undefined;
  }
  if (hasNote && hasSource) return { city, sector, value, note, source };
  if (hasNote) return { city, sector, value, note };
  if (hasSource) return { city, sector, value, source };
  return { city, sector, value };
}
