/**
 * Turning zod's issues into the engine's {@link Issue}s: one code per kind of problem (with the
 * message text in `messages.ts`), the path into the input, and — when the record came from a
 * worksheet — the cell (`"Levers!E5"`) and row.
 */
import type { z } from "zod";
import { issue, type Issue, type IssueCode, type IssueParams, type Path } from "../issues";
import type { SourceRef } from "./schema";

type ZodIssue = z.core.$ZodIssue;

/**
 * Reads a record's `source` leniently (a malformed one is reported by the schema, not here).
 * @example sourceOf({ value: 1, source: { sheet: "Levers", row: 5 } }) // { sheet: "Levers", row: 5 }
 */
export function sourceOf(raw: unknown): SourceRef | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const s = (raw as { source?: unknown }).source;
  if (s === null || typeof s !== "object") return undefined;
  const { sheet, row, columns } = s as { sheet?: unknown; row?: unknown; columns?: unknown };
  if (typeof sheet !== "string" || typeof row !== "number" || !Number.isInteger(row) || row < 1) return undefined;
  const cols = columns !== null && typeof columns === "object" ? (columns as Record<string, string>) : undefined;
  return { sheet, row, columns: cols };
}

function quoteSheet(sheet: string): string {
  return /^[A-Za-z0-9_.]+$/.test(sheet) || /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The worksheet address of `field` in a record from `source`: `columns[field]` may be a column letter
 * (row records: "E" → "Levers!E5"), a cell ("B3" → "Settings!B3") or a full address; without it the
 * whole row ("Levers!5:5").
 * @example cellOf({ sheet: "Levers", row: 5, columns: { value: "F" } }, "value") // "Levers!F5"
 */
export function cellOf(source: SourceRef | undefined, field: string | number | undefined): string | undefined {
  if (!source) return undefined;
  const sheet = quoteSheet(source.sheet);
  const col = typeof field === "string" ? source.columns?.[field] : undefined;
  if (typeof col === "string" && col !== "") {
    if (col.includes("!")) return col;
    if (/^[A-Za-z]{1,3}$/.test(col)) return `${sheet}!${col.toUpperCase()}${source.row}`;
    if (/^[A-Za-z]{1,3}\d+$/.test(col)) return `${sheet}!${col.toUpperCase()}`;
  }
  return `${sheet}!${source.row}:${source.row}`;
}

/**
 * Adds the record's location to an issue: `cell` (from {@link cellOf}, using the first path element
 * after `depth` as the field) and `row`. Issues that already name a cell are left alone.
 * @example locate(issue("share_range", ["levers", 3, "value"]), { sheet: "Levers", row: 5, columns: { value: "F" } }, 2).cell // "Levers!F5"
 */
export function locate(i: Issue, source: SourceRef | undefined, depth: number): Issue {
  if (!source || i.cell !== undefined) return i;
  return { ...i, cell: cellOf(source, i.path[depth]), row: source.row };
}

function show(v: unknown): string | number | boolean | null {
  if (v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function typeName(v: unknown): string {
  if (v === null) return "blank";
  if (Array.isArray(v)) return "list";
  return typeof v;
}

function convertOne(z: ZodIssue, path: Path): Issue[] {
  const input = z.input;
  switch (z.code) {
    case "invalid_type": {
      const received = (z as { received?: unknown }).received;
      if (input === undefined && received === undefined) return [issue("required", path)];
      if (z.expected === "number" || z.expected === "int") {
        if (received === "NaN" || received === "Infinity" || received === "-Infinity") return [issue("not_finite", path, { value: String(received) })];
        if (typeof input === "boolean") return [issue("boolean_not_number", path, { value: input ? "TRUE" : "FALSE" })];
        if (z.expected === "int" && typeof input === "number") return [issue("not_integer", path, { value: input })];
        if (typeof input === "string") return [issue("not_a_number", path, { value: input })];
        return [issue("wrong_type", path, { expected: z.expected, received: typeName(input) })];
      }
      if (z.expected === "string") return [issue("not_text", path, { value: show(input) })];
      return [issue("wrong_type", path, { expected: z.expected, received: typeName(input) })];
    }
    case "too_small":
    case "too_big": {
      if (z.origin === "string" && z.code === "too_small") return [issue("empty", path)];
      if (z.origin === "array" && z.code === "too_small") return [issue("empty", path)];
      const bound = z.code === "too_small" ? z.minimum : z.maximum;
      const op = z.code === "too_small" ? (z.inclusive ? "≥" : ">") : z.inclusive ? "≤" : "<";
      return [issue("option_range", path, { value: show(input), expected: `${op} ${String(bound)}` })];
    }
    case "invalid_value":
      return [issue("invalid_choice", path, { value: show(input), expected: z.values.map(String).join(", ") })];
    case "unrecognized_keys":
      return z.keys.map((k) => issue("unknown_field", [...path, k], { value: k }));
    case "custom": {
      const params = (z.params ?? {}) as Record<string, unknown>;
      const { code, ...rest } = params;
      // Only this folder's schema checks set params.code, and their type is IssueCode (schema.ts). Not checked
      // against the message table here: that would bundle every message into the Monte Carlo worker.
      if (typeof code === "string") return [issue(code as IssueCode, path, rest as IssueParams)];
      return [issue("invalid_field", path, { detail: z.message })];
    }
    default:
      return [issue("invalid_field", path, { detail: z.message })];
  }
}

/**
 * Converts zod issues for one record into engine issues: paths prefixed with `prefix` (e.g.
 * `["levers", 4]`), located in the sheet when the record carries a `source`.
 * @example fromZodIssues(err.issues, ["levers", 4], { sheet: "Levers", row: 6 })
 *   // [{ code: "share_range", path: ["levers", 4, "value"], value: 28, cell: "Levers!6:6", row: 6 }]
 */
export function fromZodIssues(issues: readonly ZodIssue[], prefix: Path, source?: SourceRef): Issue[] {
  const out: Issue[] = [];
  for (const z of issues) {
    const path: Path = [...prefix, ...z.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    for (const i of convertOne(z, path)) out.push(locate(i, source, prefix.length));
  }
  return out;
}
