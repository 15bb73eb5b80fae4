/**
 * Classifying one received cell value, the way every engine reader sees input.
 *
 * docs/design.md §3: a blank is a gap, never a zero — `null`, `undefined`, `""` (and whitespace-only text)
 * are blank. Text, logical values, Excel error values, NaN and ±Infinity are invalid. A number is
 * a number (0 included: on some old desktop builds Excel sends blank cells as 0, which cannot be
 * told apart from a real zero — see the README).
 */
import { issue, type Issue, type Path } from "./issues";

/** What one cell holds. */
export type Cell = { readonly kind: "blank" } | { readonly kind: "number"; readonly value: number } | { readonly kind: "invalid"; readonly issue: Issue };

const BLANK: Cell = { kind: "blank" };

/**
 * A formula cell whose file holds no computed value (saved by a program that does not calculate, such
 * as openpyxl, or never recalculated). The .xlsx reader gives it in place of a value so that no reader
 * mistakes it for a blank or a zero: as a number it is the `formula_uncached` problem naming the cell.
 * @example readNumberCell(new UncachedFormula("=10+10"), ["emissions", 3]).kind // "invalid"
 */
export class UncachedFormula {
  constructor(
    /** The formula's text ("=10+10"), or "" when the cell shares another cell's formula. */
    readonly formula: string,
  ) {}

  toString(): string {
    return this.formula === "" ? "(a formula with no computed value)" : `${this.formula} (no computed value)`;
  }
}

/** Excel's error literals, as they arrive when an error value is passed as text. */
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#CONNECT!",
  "#BLOCKED!",
  "#FIELD!",
  "#UNKNOWN!",
]);

/** True for `null`, `undefined`, `""` and whitespace-only text. @example isBlank("  ") // true */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Recognises an Excel error value: an error literal string or an error object (`{ code }`/`{ errorCode }`).
 * Dates and arrays are not errors.
 */
export function excelErrorText(v: unknown): string | undefined {
  if (typeof v === "string") return EXCEL_ERRORS.has(v.trim().toUpperCase()) ? v.trim() : undefined;
  if (v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v) && !(v instanceof UncachedFormula)) {
    const o = v as { code?: unknown; errorCode?: unknown; type?: unknown; message?: unknown };
    const code = o.code ?? o.errorCode ?? o.type;
    if (typeof code === "string") return code.startsWith("#") ? code : `#${code}`;
    return "#ERROR";
  }
  return undefined;
}

/**
 * Classifies a value expected to be a number.
 * @param path where the value sits, for the issue.
 * @example readNumberCell(" ", ["emissions", 0]) // { kind: "blank" }
 * @example readNumberCell("abc", ["emissions", 0]).kind // "invalid" (code not_a_number)
 */
export function readNumberCell(v: unknown, path: Path): Cell {
  if (typeof v === "number") {
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "invalid", issue: issue("not_finite", path, { value: v }) };
  }
  if (isBlank(v)) return BLANK;
  if (v instanceof UncachedFormula) return { kind: "invalid", issue: issue("formula_uncached", path, { formula: v.formula }) };
  if (v instanceof Date) {
    const text = Number.isNaN(v.getTime()) ? "invalid date" : v.toISOString().slice(0, 10);
    return { kind: "invalid", issue: issue("date_not_number", path, { date: text }) };
  }
  const err = excelErrorText(v);
  if (err !== undefined) return { kind: "invalid", issue: issue("excel_error", path, { value: err }) };
  if (typeof v === "boolean") {
    return { kind: "invalid", issue: issue("boolean_not_number", path, { value: v ? "TRUE" : "FALSE" }) };
  }
  const text = String(v);
  const looksLike = typeof v === "string" ? numericLookalike(v) : undefined;
  return { kind: "invalid", issue: issue("not_a_number", path, looksLike === undefined ? { value: text } : { value: text, looksLike }) };
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF05\uFF0B]/g;

/**
 * The number a piece of text was probably meant to be — full-width digits ("１２３"), thousands
 * separators ("1,234"), a percent sign ("5%" → 0.05) — or undefined. Used only to make the
 * "is not a number" message helpful: text is never silently read as a number.
 * @example numericLookalike("1,234") // 1234
 * @example numericLookalike("５%") // 0.05
 */
export function numericLookalike(text: string): number | undefined {
  let t = text.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t) * scale;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Classifies a value expected to be a calendar year: a whole number 1000–9999, or text of exactly
 * such digits (year headers often arrive as text, e.g. `"2019"`).
 * @example readYearCell("2019", ["years", 0]) // { kind: "number", value: 2019 }
 * @example readYearCell(2019.5, ["years", 0]).kind // "invalid" (year_not_integer)
 */
export function readYearCell(v: unknown, path: Path): Cell {
  let n: unknown = v;
  if (typeof v === "string" && /^\s*\d{4}\s*$/.test(v)) n = Number(v);
  const c = readNumberCell(n, path);
  if (c.kind !== "number") return c;
  if (!Number.isInteger(c.value)) return { kind: "invalid", issue: issue("year_not_integer", path, { value: c.value }) };
  if (c.value < 1000 || c.value > 9999) return { kind: "invalid", issue: issue("year_out_of_range", path, { value: c.value }) };
  return c;
}
