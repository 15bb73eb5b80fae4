/**
 * The `_carbonpeak` store sheet: the one format both adapters (ExcelJS for the CLI, Office.js for the
 * task pane) keep the add-in's settings, ownership records and chart records in, so a workbook that
 * travels between the pane and the CLI keeps track of what the add-in owns.
 *
 * A very hidden worksheet; one row per key: column A the key, then the value's JSON text split over
 * B, C, … in pieces of at most {@link STORE_CHUNK} characters (under Excel's 32,767-character cell
 * limit). A value ends at the first cell that is not a non-empty string. The first row with a key wins.
 * Pure functions over rows of cell values: each adapter does its own cell I/O.
 */

import type { ChartSpec } from "./port";

/** Name of the very hidden sheet holding settings, ownership and chart records. */
export const STORE_SHEET = "_carbonpeak";
/** Key of the chart records (ExcelJS cannot draw charts; it records them). */
export const CHARTS_KEY = "carbonPeak.charts";
/**
 * Key of the mark a results copy carries (`carbon-peak run book.xlsx` writes `book-results.xlsx` with
 * `{ "from": "book.xlsx" }`): a later run may replace such a file without `--force`; any other existing
 * file needs `--force`. A run `--in-place` removes the mark (the file is then someone's working workbook).
 */
export const RESULTS_COPY_KEY = "carbonPeak.resultsCopy";
/** Largest piece of JSON text in one cell. */
export const STORE_CHUNK = 32000;

/**
 * Characters a piece should not start with: Excel reads a leading `'` as the text prefix (and drops
 * it) and `=`, `+`, `-`, `@` as the start of a formula when the text is typed or written as a value.
 */
const RISKY_START = /^['=+\-@\s]/;

/**
 * One store row: the key, then the JSON text in pieces of at most `chunk` characters (one empty piece
 * for empty text). A split point is moved back (by less than half a piece) so that no later piece starts
 * with a character Excel would reinterpret; joining the pieces always gives the text back. The Office
 * adapter also writes the cells in text format.
 * @example encodeStoreRow("carbonPeak.ownedSheets", '["Results"]') // ["carbonPeak.ownedSheets", '["Results"]']
 */
export function encodeStoreRow(key: string, json: string, chunk: number = STORE_CHUNK): string[] {
  const row = [key];
  let i = 0;
  do {
    let end = Math.min(json.length, i + chunk);
    while (end < json.length && end - i > chunk / 2 && RISKY_START.test(json.slice(end, end + 1))) end--;
    row.push(json.slice(i, end));
    i = end;
  } while (i < json.length);
  return row;
}

/** Store rows for every entry, in order. */
export function encodeStore(entries: ReadonlyMap<string, string>, chunk: number = STORE_CHUNK): string[][] {
  return [...entries].map(([key, json]) => encodeStoreRow(key, json, chunk));
}

/**
 * The entries (key → JSON text) of store rows as read from the sheet from column A (blank cells as
 * null, undefined or ""). Rows without a string key are skipped; the first row of a key wins.
 */
export function decodeStore(rows: readonly (readonly unknown[])[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const key = row[0];
    if (typeof key !== "string" || key === "" || out.has(key)) continue;
    let text = "";
    for (let c = 1; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v === "") break;
      text += v;
    }
    out.set(key, text);
  }
  return out;
}

/** Parses a stored JSON text; undefined when absent or not JSON. */
export function parseStored(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** A recorded chart (the file adapters cannot draw charts). Addresses include the sheet. */
export interface ChartRecord {
  readonly sheet: string;
  readonly spec: ChartSpec;
  readonly source: string;
  readonly anchor: string;
}

/** The chart records in a stored JSON text (none when absent or not a list). */
export function chartRecordsOf(json: string | undefined): ChartRecord[] {
  const v = parseStored(json);
  return Array.isArray(v) ? (v as ChartRecord[]) : [];
}

/** The chart records' JSON text without the charts of `sheet`; undefined when none was on it. */
export function withoutSheetCharts(json: string | undefined, sheet: string): string | undefined {
  const charts = chartRecordsOf(json);
  const kept = charts.filter((c) => c.sheet !== sheet);
  return kept.length === charts.length ? undefined : JSON.stringify(kept);
}
