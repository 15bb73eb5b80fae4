/**
 * A1 addresses: column letters ↔ numbers, cell and range addresses with a sheet name quoted the way
 * Excel writes it (`'My Sheet'!A1`, `清单!C7`, `'2019'!B2`). Rows and columns are 1-based.
 */

/** Largest column Excel has (XFD). */
export const MAX_COLUMN = 16384;
/** Largest row Excel has. */
export const MAX_ROW = 1048576;

/**
 * Column number → letters.
 * @param col 1-based column number, 1…16384 (other values throw a RangeError: a programming error).
 * @example columnLetters(1) // "A"
 * @example columnLetters(28) // "AB"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLUMN) throw new RangeError(`column ${col} is outside 1…${MAX_COLUMN}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Column letters → number; undefined for anything that is not 1–3 letters within A…XFD.
 * Case-insensitive.
 * @example columnNumber("AB") // 28
 * @example columnNumber("XFE") // undefined (past the last column)
 */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN ? n : undefined;
}

/**
 * A sheet name as it must appear before `!`: bare when Excel writes it bare (letters — Chinese
 * included —, digits, `_` and `.`, not starting with a digit and not looking like a cell
 * reference), otherwise in single quotes with inner quotes doubled.
 * @example quoteSheetName("Inventory") // "Inventory"
 * @example quoteSheetName("My Sheet") // "'My Sheet'"
 * @example quoteSheetName("O'Brien") // "'O''Brien'"
 */
export function quoteSheetName(sheet: string): string {
  const bare =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) && // looks like A1
    !/^[Rr](\d*)([Cc]\d*)?$/.test(sheet) && // looks like R1C1 (R, C, R1, RC2 …)
    !/^[Cc]\d*$/.test(sheet) &&
    !/^(true|false)$/i.test(sheet);
  return bare ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A cell's address: `"C7"`, or `"Sheet!C7"` when a sheet is given.
 * @example cellAddress("Inventory", 7, 3) // "Inventory!C7"
 * @example cellAddress("My Sheet", 1, 1) // "'My Sheet'!A1"
 */
export function cellAddress(sheet: string | undefined, row: number, col: number): string {
  const a = `${columnLetters(col)}${row}`;
  return sheet === undefined ? a : `${quoteSheetName(sheet)}!${a}`;
}

/**
 * A range's address, `"A1:C5"` (a single cell stays `"A1"`), prefixed by the sheet when given.
 * @example rangeAddress("Results", 1, 1, 10, 5) // "Results!A1:E10"
 */
export function rangeAddress(sheet: string | undefined, row: number, col: number, lastRow: number, lastCol: number): string {
  const a = `${columnLetters(col)}${row}`;
  const b = `${columnLetters(lastCol)}${lastRow}`;
  const r = a === b ? a : `${a}:${b}`;
  return sheet === undefined ? r : `${quoteSheetName(sheet)}!${r}`;
}

/** A parsed address: a rectangle of cells, optionally on a named sheet. */
export interface ParsedAddress {
  readonly sheet?: string;
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

function parseCell(s: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s);
  if (!m) return undefined;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col === undefined || row < 1 || row > MAX_ROW) return undefined;
  return { row, col };
}

/**
 * Parses `"C7"`, `"$A$1:$C$5"`, `"Sheet1!B2:D9"` or `"'My Sheet'!A1"`; undefined when malformed.
 * The rectangle is normalised so that `row ≤ lastRow` and `col ≤ lastCol`.
 * @example parseAddress("'My Sheet'!B2:A1") // { sheet: "My Sheet", row: 1, col: 1, lastRow: 2, lastCol: 2 }
 */
export function parseAddress(text: string): ParsedAddress | undefined {
  let sheet: string | undefined;
  let rest = text.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    const s = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (/^'.*'$/.test(s)) {
      const inner = s.slice(1, -1);
      if (/(^|[^'])'([^']|$)/.test(inner.replace(/''/g, ""))) return undefined;
      sheet = inner.replace(/''/g, "'");
    } else {
      if (s === "" || /[\s'!]/.test(s)) return undefined;
      sheet = s;
    }
    if (sheet === "") return undefined;
  }
  const parts = rest.split(":");
  if (parts.length > 2) return undefined;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    ...(sheet !== undefined ? { sheet } : {}),
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    lastRow: Math.max(a.row, b.row),
    lastCol: Math.max(a.col, b.col),
  };
}
