/**
 * Reading the cells of a worksheet part exactly as the file holds them: shared and inline strings
 * (rich text joined, phonetic runs left out), numbers, booleans, error values, ISO dates, numbers in
 * a date format as `Date`s (as ExcelJS and Excel's own object model present them), and for a formula
 * its cached result — whatever it is, a cached 0 or "" included (ExcelJS 4.4 drops a cached 0 of a
 * shared formula; this reader does not). A formula cell with no cached result is an
 * {@link UncachedFormula}, never a blank: the port reports it naming the cell.
 *
 * A sheet part larger than {@link SHEET_CHUNK_BYTES} is decoded in pieces cut at row boundaries, so
 * no single string approaches V8's string-length limit.
 */
import { UncachedFormula } from "../../engine";
import { OPEN, EMPTY, CLOSE, XmlScanner } from "./xml";

/** One worksheet as read. */
export interface SheetCells {
  /** rows[r - 1][c - 1]: the value of the cell at row r, column c; missing entries are blank. */
  readonly rows: (unknown[] | undefined)[];
  /** The smallest rectangle holding every non-blank cell (and every uncached formula); undefined when none. */
  readonly used: { row: number; col: number; lastRow: number; lastCol: number } | undefined;
  /** Cells read (values, including uncached formulas). */
  readonly count: number;
  /** Relationship ids of the sheet's table parts. */
  readonly tableRels: readonly string[];
}

/** Sheet parts past this many bytes are decoded in pieces (cut before a `<row`). */
export const SHEET_CHUNK_BYTES = 32 * 1024 * 1024;

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East Asian ids 27–36, 50–58). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format code shows a date or time: after removing quoted text, escaped and
 * padding characters and bracketed parts other than elapsed time ([h], [mm], [ss]), it has a d, m, y,
 * h or s. "General", "0.00", `#,##0 "万t"` are not dates; "yyyy-mm-dd", "[h]:mm" are.
 * @example isDateFormat("yyyy\"年\"m\"月\"") // true
 */
export function isDateFormat(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  if (/general/i.test(s)) return false;
  return /[dmyhs]/i.test(s.replace(/E[+-]/gi, ""));
}

/** Reads the shared-string table. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const x = new XmlScanner(xml);
  while (x.next()) {
    if (x.kind === OPEN && x.local === "si") out.push(stringItem(x));
    else if (x.kind === EMPTY && x.local === "si") out.push("");
  }
  return out;
}

/** The text of a string item (`<si>` or `<is>`) at an OPEN tag: every `<t>` not inside a phonetic run. */
function stringItem(x: XmlScanner): string {
  const depth = x.depth;
  let out = "";
  while (x.next()) {
    if (x.kind === CLOSE && x.depth === depth - 1) break;
    if (x.kind !== OPEN) continue;
    if (x.local === "t") out += x.simpleText();
    else if (x.local === "rPh" || x.local === "phoneticPr") x.skip();
  }
  return out;
}

/** For each cell style (index of `<cellXfs>`), whether its number format is a date or time. */
export function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  const x = new XmlScanner(xml);
  let inCellXfs = false;
  while (x.next()) {
    if (x.kind === OPEN || x.kind === EMPTY) {
      if (x.local === "numFmt") custom.set(Number(x.attr("numFmtId")), x.attr("formatCode") ?? "");
      else if (x.local === "cellXfs") inCellXfs = x.kind === OPEN;
      else if (x.local === "xf" && inCellXfs) xfs.push(Number(x.attr("numFmtId") ?? 0));
      else if (x.local === "cellStyleXfs" || x.local === "dxfs" || x.local === "extLst") x.skip();
    } else if (x.kind === CLOSE && x.local === "cellXfs") inCellXfs = false;
  }
  return xfs.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : DATE_FORMAT_IDS.has(id)));
}

/** Parses "AB12" into 1-based column and row; undefined when it is not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  return row > 0 && col > 0 ? { row, col } : undefined;
}

/** What reading a sheet needs from the rest of the workbook. */
export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  /** Stop (throw) after this many cells. */
  readonly maxCells: number;
  /** Called when `maxCells` is passed. */
  readonly tooMany: (count: number) => Error;
}

/** A serial date as a `Date` (UTC), the way ExcelJS converts it. */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000));
}

/** Splits a sheet part's bytes into pieces of about `size` bytes, each cut just before a `<row`. */
function pieces(bytes: Buffer, size: number): string[] {
  if (bytes.length <= size) return [bytes.toString("utf8")];
  const out: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + size);
    if (end < bytes.length) {
      const cut = bytes.lastIndexOf("<row", end);
      end = cut > start ? cut : bytes.indexOf("<row", end) < 0 ? bytes.length : bytes.indexOf("<row", end);
    }
    out.push(bytes.toString("utf8", start, end));
    start = end;
  }
  return out;
}

/**
 * Reads a worksheet part's cells.
 * @throws XmlError when the part is not well-formed; `ctx.tooMany(n)` past `ctx.maxCells` cells
 */
export function readSheetCells(bytes: Buffer, ctx: SheetContext, chunkBytes: number = SHEET_CHUNK_BYTES): SheetCells {
  const rows: (unknown[] | undefined)[] = [];
  const merges: string[] = [];
  const tableRels: string[] = [];
  let rowNum = 0;
  let colNum = 0;
  let count = 0;
  // Current cell.
  let inCell = false;
  let t = "";
  let style = -1;
  let v: string | undefined;
  let formula: string | undefined;
  let inline: string | undefined;
  const parts = pieces(bytes, chunkBytes);
  const fragment = parts.length > 1;
  for (const text of parts) {
    const x = new XmlScanner(text, fragment);
    while (x.next()) {
      const kind = x.kind;
      if (kind === OPEN || kind === EMPTY) {
        switch (x.local) {
          case "row": {
            const r = Number(x.attr("r"));
            rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
            colNum = 0;
            break;
          }
          case "c": {
            const ref = x.attr("r");
            const p = ref === undefined ? undefined : parseRef(ref);
            if (p) {
              if (p.row !== rowNum) rowNum = p.row;
              colNum = p.col;
            } else colNum++;
            if (rowNum === 0) rowNum = 1;
            if (kind === EMPTY) break; // a styled blank
            inCell = true;
            t = x.attr("t") ?? "n";
            const s = x.attr("s");
            style = s === undefined ? -1 : Number(s);
            v = undefined;
            formula = undefined;
            inline = undefined;
            break;
          }
          case "v":
            if (inCell) v = kind === OPEN ? x.simpleText() : "";
            break;
          case "f":
            if (inCell) formula = kind === OPEN ? x.textContent() : "";
            break;
          case "is":
            if (inCell) inline = kind === OPEN ? stringItem(x) : "";
            break;
          case "mergeCell": {
            const ref = x.attr("ref");
            if (ref) merges.push(ref);
            break;
          }
          case "tablePart": {
            const id = Object.entries(x.attrs()).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
            if (id) tableRels.push(id);
            break;
          }
          default:
            break;
        }
      } else if (kind === CLOSE && x.local === "c" && inCell) {
        inCell = false;
        const value = cellValue(t, v, inline, formula, style, ctx);
        if (value === null) continue;
        if (++count > ctx.maxCells) throw ctx.tooMany(count);
        (rows[rowNum - 1] ??= [])[colNum - 1] = value;
      }
    }
  }
  for (const m of merges) unmerge(rows, m);
  return { rows, used: usedRect(rows), count, tableRels };
}

function cellValue(t: string, v: string | undefined, inline: string | undefined, formula: string | undefined, style: number, ctx: SheetContext): unknown {
  if (formula !== undefined) {
    const cached = t === "inlineStr" ? inline : v;
    // A formula whose <v> is missing, or empty where the result is not text, has no computed value.
    if (cached === undefined || (cached === "" && t !== "str" && t !== "inlineStr" && t !== "s"))
      return new UncachedFormula(formula === "" ? "" : `=${formula}`);
  }
  switch (t) {
    case "s": {
      if (v === undefined || v === "") return null;
      const s = ctx.sharedStrings[Number(v)];
      return s === undefined ? null : s;
    }
    case "str":
      return v ?? null;
    case "inlineStr":
      return inline ?? v ?? null;
    case "b":
      return v === undefined || v === "" ? null : v === "1" || v.toLowerCase() === "true";
    case "e":
      return v === undefined || v === "" ? null : v;
    case "d": {
      if (v === undefined || v === "") return null;
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes("T") ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return style >= 0 && ctx.dateStyles[style] === true ? serialDate(n, ctx.date1904) : n;
    }
  }
}

/** A merged area shows its value in the top-left cell only: the other cells read as blank. */
function unmerge(rows: (unknown[] | undefined)[], ref: string): void {
  const [a, b] = ref.split(":");
  const p = parseRef(a);
  const q = b === undefined ? p : parseRef(b);
  if (!p || !q) return;
  const last = Math.min(q.row, rows.length);
  for (let r = p.row; r <= last; r++) {
    const row = rows[r - 1];
    if (!row) continue;
    for (let c = p.col; c <= Math.min(q.col, row.length); c++) if (r !== p.row || c !== p.col) delete row[c - 1];
  }
}

function usedRect(rows: (unknown[] | undefined)[]): SheetCells["used"] {
  let row = 0,
    col = Infinity,
    lastRow = 0,
    lastCol = 0;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === undefined || v === null || v === "") continue;
      if (row === 0) row = r + 1;
      lastRow = r + 1;
      if (c + 1 < col) col = c + 1;
      if (c + 1 > lastCol) lastCol = c + 1;
    }
  }
  return row === 0 ? undefined : { row, col, lastRow, lastCol };
}

/** A table part's name and range. */
export interface TablePart {
  readonly id: number;
  /** The name formulas use (`displayName`, else `name`). */
  readonly name: string;
  readonly ref: string;
}

/** Reads a table part's root attributes. */
export function readTablePart(xml: string): TablePart | undefined {
  const x = new XmlScanner(xml);
  while (x.next()) {
    if ((x.kind === OPEN || x.kind === EMPTY) && x.local === "table") {
      const a = x.attrs();
      return { id: Number(a.id ?? 0), name: a.displayName ?? a.name ?? "", ref: a.ref ?? "" };
    }
  }
  return undefined;
}
