/**
 * Serialising the parts the add-in owns (its worksheets and their tables) and the edits it makes to
 * shared parts (workbook, relationships, content types, styles): each shared part is edited by
 * splicing its text — elements the add-in does not touch keep their bytes, attributes and order.
 */
import { columnLetters, rangeAddress } from "../../engine";
import { fileFormula } from "../file-formula";
import type { PlannedValidation, Rect } from "../policy";
import { EMPTY, OPEN, CLOSE, XmlScanner, escapeAttr, escapeText, rootPrefix } from "./xml";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL_WORKSHEET = `${NS_REL}/worksheet`;
export const REL_TABLE = `${NS_REL}/table`;
export const REL_STYLES = `${NS_REL}/styles`;
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
export const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text as an OOXML string (ST_Xstring): characters XML 1.0 cannot hold (controls other than tab and
 * newline, lone surrogates, U+FFFE/U+FFFF) are written `_xHHHH_`, and a literal `_xHHHH_` in the
 * text has its underscore escaped (`_x005F_`), so every reader gets the text back exactly.
 * @example xstring("a\u0001b") // "a_x0001_b"
 */
export function xstring(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => (c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`),
  );
}

/** A number as the file stores it (shortest round-trip text; never NaN or ±Infinity). */
function numberText(n: number): string {
  return String(n);
}

/** The cells of an owned sheet to write (1-based rows and columns). */
export interface OwnedSheetData {
  /** cells[r - 1][c - 1]; null or undefined blank. */
  readonly cells: readonly (readonly unknown[] | undefined)[];
  /** Number format per "row,col". */
  readonly formats: ReadonlyMap<string, string>;
  /** Formula cells per "row,col": the formula (with "=") and, when the cached result is an error, the error. */
  readonly formulas: ReadonlyMap<string, { readonly formula: string; readonly error?: string }>;
  readonly validations: readonly PlannedValidation[];
  /** Relationship ids of the sheet's table parts, in order. */
  readonly tableRels: readonly string[];
}

function cellXml(ref: string, v: unknown, style: number | undefined, formula: { formula: string; error?: string } | undefined): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  // The file stores custom-function calls as Excel does (_xldudf_CARBON_…; see file-formula.ts).
  const f = formula ? `<f>${escapeText(xstring(fileFormula(formula.formula.replace(/^=/, ""))))}</f>` : "";
  if (formula?.error !== undefined) return `<c r="${ref}"${s} t="e">${f}<v>${escapeText(formula.error)}</v></c>`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return `<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${numberText(v)}</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") {
    const text = escapeText(xstring(v));
    const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
    // A formula's text result is t="str"; a plain text value an inline string (the shared-string table is not touched).
    if (formula) return `<c r="${ref}"${s} t="str">${f}<v${space}>${text}</v></c>`;
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
  }
  if (formula) return `<c r="${ref}"${s}>${f}</c>`;
  return style === undefined ? "" : `<c r="${ref}"${s}/>`;
}

/** Merges validations of the same column and list into `sqref` runs. */
function validationXml(validations: readonly PlannedValidation[]): string {
  if (validations.length === 0) return "";
  const groups = new Map<string, { list: readonly string[]; refs: string[] }>();
  for (const v of validations) {
    const key = JSON.stringify(v.list);
    const g = groups.get(key) ?? { list: v.list, refs: [] };
    g.refs.push(rangeAddress(undefined, v.row, v.col, v.lastRow, v.col));
    groups.set(key, g);
  }
  const items = [...groups.values()].map((g) => {
    // The list is a literal: "a,b,c" (quotes inside doubled); the planner keeps it within Excel's 255 characters.
    const formula = `"${g.list.map((x) => x.replace(/"/g, '""')).join(",")}"`;
    return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${escapeAttr(g.refs.join(" "))}"><formula1>${escapeText(xstring(formula))}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

/**
 * A worksheet part for an owned sheet: values (text as inline strings), formulas with their cached
 * results, number formats (as style indexes from `styleOf`), dropdown lists and table parts.
 */
export function worksheetXml(data: OwnedSheetData, styleOf: (format: string) => number): string {
  const rows: string[] = [];
  let lastRow = 0;
  let lastCol = 0;
  let firstRow = 0;
  let firstCol = Infinity;
  // Rows that hold only formats or formulas are written too.
  const extra = new Map<number, Set<number>>();
  for (const key of [...data.formats.keys(), ...data.formulas.keys()]) {
    const [r, c] = key.split(",").map(Number);
    let set = extra.get(r);
    if (!set) extra.set(r, (set = new Set()));
    set.add(c);
  }
  const rowNumbers = new Set<number>(extra.keys());
  data.cells.forEach((row, i) => {
    if (row && row.some((v) => v !== null && v !== undefined)) rowNumbers.add(i + 1);
  });
  for (const r of [...rowNumbers].sort((a, b) => a - b)) {
    const row = data.cells[r - 1] ?? [];
    const cols = new Set<number>(extra.get(r) ?? []);
    row.forEach((v, i) => {
      if (v !== null && v !== undefined) cols.add(i + 1);
    });
    const cells: string[] = [];
    for (const c of [...cols].sort((a, b) => a - b)) {
      const key = `${r},${c}`;
      const format = data.formats.get(key);
      const xml = cellXml(`${columnLetters(c)}${r}`, row[c - 1], format === undefined ? undefined : styleOf(format), data.formulas.get(key));
      if (xml === "") continue;
      cells.push(xml);
      if (firstRow === 0) firstRow = r;
      lastRow = r;
      firstCol = Math.min(firstCol, c);
      lastCol = Math.max(lastCol, c);
    }
    if (cells.length > 0) rows.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  const dim = lastRow === 0 ? "A1" : rangeAddress(undefined, firstRow, firstCol, lastRow, lastCol);
  const tables =
    data.tableRels.length === 0
      ? ""
      : `<tableParts count="${data.tableRels.length}">${data.tableRels.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  return (
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><sheetData>${rows.join("")}</sheetData>${validationXml(data.validations)}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tables}</worksheet>`
  );
}

/**
 * Column names for a table from its header cells: Excel needs them non-empty and unique (case-
 * insensitively), and equal to the header cells' text. Blank headers become "Column1", "Column2"…,
 * repeats get " 2", " 3"…
 * @example tableColumnNames(["Year", "", "Year"]) // ["Year", "Column2", "Year 2"]
 */
export function tableColumnNames(header: readonly unknown[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    const base = h === null || h === undefined || String(h).trim() === "" ? `Column${i + 1}` : String(h);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** A table part: header row first, autofilter, the add-in's table style. */
export function tableXml(id: number, name: string, rect: Rect, columns: readonly string[]): string {
  const ref = rangeAddress(undefined, rect.row, rect.col, rect.lastRow, rect.lastCol);
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(xstring(c))}"/>`).join("");
  return (
    `${XML_DECL}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A relationships part. */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${rels.map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join("")}</Relationships>`;
}

/** A span of text to replace. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping splices to a text. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The span of the root element's closing tag. */
function rootClose(text: string): number {
  const i = text.lastIndexOf("</");
  if (i < 0) throw new Error("no root element");
  return i;
}

/**
 * Edits a relationships part: removes the relationships with the given ids, adds new ones before
 * the closing tag; the others stay as written.
 */
export function editRels(text: string, remove: ReadonlySet<string>, add: readonly { id: string; type: string; target: string }[]): string {
  const x = new XmlScanner(text);
  const splices: Splice[] = [];
  let root: { start: number; end: number; empty: boolean } | undefined;
  while (x.next()) {
    if ((x.kind === OPEN || x.kind === EMPTY) && x.local === "Relationships") root = { start: x.start, end: x.end, empty: x.kind === EMPTY };
    else if ((x.kind === OPEN || x.kind === EMPTY) && x.local === "Relationship" && remove.has(x.attr("Id") ?? "")) {
      const start = x.start;
      x.skip();
      splices.push({ start, end: x.end, text: "" });
    }
  }
  const prefix = rootPrefix(text);
  const added = add.map((r) => `<${prefix}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join("");
  if (root?.empty) splices.push({ start: root.start, end: root.end, text: `${text.slice(root.start, root.end - 2)}>${added}</${prefix}Relationships>` });
  else if (added) splices.push({ start: rootClose(text), end: rootClose(text), text: added });
  return applySplices(text, splices);
}

/**
 * Edits [Content_Types].xml: drops the overrides of removed parts, adds overrides for new parts
 * (or replaces the content type of an existing override).
 */
export function editContentTypes(text: string, remove: ReadonlySet<string>, add: ReadonlyMap<string, string>): string {
  const x = new XmlScanner(text);
  const splices: Splice[] = [];
  const have = new Set<string>();
  while (x.next()) {
    if ((x.kind !== OPEN && x.kind !== EMPTY) || x.local !== "Override") continue;
    const name = (x.attr("PartName") ?? "").replace(/^\//, "").toLowerCase();
    const start = x.start;
    x.skip();
    if (remove.has(name) && !add.has(name)) splices.push({ start, end: x.end, text: "" });
    else have.add(name);
  }
  const prefix = rootPrefix(text);
  const added = [...add]
    .filter(([name]) => !have.has(name.toLowerCase()))
    .map(([name, type]) => `<${prefix}Override PartName="/${escapeAttr(name)}" ContentType="${escapeAttr(type)}"/>`)
    .join("");
  if (added) splices.push({ start: rootClose(text), end: rootClose(text), text: added });
  return applySplices(text, splices);
}

/** Built-in number format ids (ECMA-376 §18.8.30) by format code. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "@": 49,
};

/**
 * Adds cell styles for number formats to a styles part, reusing a plain style with the same format
 * where the part has one. Returns the edited text (the original when nothing was added) and the
 * style index of each format.
 */
export function addNumberFormats(text: string, formats: readonly string[]): { text: string; styles: Map<string, number> } {
  const styles = new Map<string, number>();
  if (formats.length === 0) return { text, styles };
  const x = new XmlScanner(text);
  const custom = new Map<string, number>();
  let maxId = 163;
  let numFmts: { openStart: number; openEnd: number; close: number; empty: boolean } | undefined;
  let cellXfs: { openStart: number; openEnd: number; close: number; empty: boolean } | undefined;
  let rootEnd = -1;
  const xfs: { numFmtId: number; plain: boolean }[] = [];
  let inXfs = false;
  while (x.next()) {
    if (x.kind === OPEN || x.kind === EMPTY) {
      if (x.local === "styleSheet") rootEnd = x.end;
      else if (x.local === "numFmts") numFmts = { openStart: x.start, openEnd: x.end, close: x.kind === EMPTY ? x.end : -1, empty: x.kind === EMPTY };
      else if (x.local === "numFmt") {
        const id = Number(x.attr("numFmtId"));
        if (Number.isInteger(id)) {
          maxId = Math.max(maxId, id);
          const code = x.attr("formatCode") ?? "";
          if (!custom.has(code)) custom.set(code, id);
        }
      } else if (x.local === "cellXfs") {
        cellXfs = { openStart: x.start, openEnd: x.end, close: x.kind === EMPTY ? x.end : -1, empty: x.kind === EMPTY };
        inXfs = x.kind === OPEN;
      } else if (x.local === "xf" && inXfs) {
        const a = x.attrs();
        const zero = (k: string) => (a[k] ?? "0") === "0";
        const plain = x.kind === EMPTY && zero("fontId") && zero("fillId") && zero("borderId") && zero("xfId");
        xfs.push({ numFmtId: Number(a.numFmtId ?? 0), plain });
        if (x.kind === OPEN) x.skip();
      } else if (
        x.local === "cellStyleXfs" ||
        x.local === "dxfs" ||
        x.local === "extLst" ||
        x.local === "fonts" ||
        x.local === "fills" ||
        x.local === "borders"
      )
        x.skip();
    } else if (x.kind === CLOSE) {
      if (x.local === "numFmts" && numFmts) numFmts.close = x.start;
      else if (x.local === "cellXfs" && cellXfs) {
        cellXfs.close = x.start;
        inXfs = false;
      }
    }
  }
  if (rootEnd < 0 || !cellXfs) throw new Error("the styles part has no cell formats");
  const prefix = rootPrefix(text);
  const newFmts: string[] = [];
  const newXfs: string[] = [];
  for (const f of new Set(formats)) {
    let id = BUILTIN_FORMATS[f] ?? custom.get(f);
    if (id === undefined) {
      id = ++maxId;
      custom.set(f, id);
      newFmts.push(`<${prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(f)}"/>`);
    }
    let index = xfs.findIndex((xf) => xf.plain && xf.numFmtId === id);
    if (index < 0) {
      index = xfs.length;
      xfs.push({ numFmtId: id, plain: true });
      newXfs.push(`<${prefix}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
    }
    styles.set(f, index);
  }
  const splices: Splice[] = [];
  const withCount = (open: string, count: number) =>
    /\scount="[^"]*"/.test(open) ? open.replace(/\scount="[^"]*"/, ` count="${count}"`) : open.replace(/(\/?>)$/, ` count="${count}"$1`);
  if (newFmts.length > 0) {
    const count = custom.size;
    if (!numFmts) splices.push({ start: rootEnd, end: rootEnd, text: `<${prefix}numFmts count="${count}">${newFmts.join("")}</${prefix}numFmts>` });
    else if (numFmts.empty)
      splices.push({
        start: numFmts.openStart,
        end: numFmts.openEnd,
        text: `${withCount(text.slice(numFmts.openStart, numFmts.openEnd - 2) + ">", count)}${newFmts.join("")}</${prefix}numFmts>`,
      });
    else {
      splices.push({ start: numFmts.openStart, end: numFmts.openEnd, text: withCount(text.slice(numFmts.openStart, numFmts.openEnd), count) });
      splices.push({ start: numFmts.close, end: numFmts.close, text: newFmts.join("") });
    }
  }
  if (newXfs.length > 0) {
    if (cellXfs.empty)
      splices.push({
        start: cellXfs.openStart,
        end: cellXfs.openEnd,
        text: `${withCount(text.slice(cellXfs.openStart, cellXfs.openEnd - 2) + ">", xfs.length)}${newXfs.join("")}</${prefix}cellXfs>`,
      });
    else {
      splices.push({ start: cellXfs.openStart, end: cellXfs.openEnd, text: withCount(text.slice(cellXfs.openStart, cellXfs.openEnd), xfs.length) });
      splices.push({ start: cellXfs.close, end: cellXfs.close, text: newXfs.join("") });
    }
  }
  return { text: splices.length === 0 ? text : applySplices(text, splices), styles };
}

/** A minimal styles part (for a package that has none): one font, fill pair, border and default style. */
export function minimalStylesXml(): string {
  return (
    `${XML_DECL}<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

/**
 * Keeps only the calculation-chain entries of sheets (by sheetId) that stay as they are, each kept
 * entry naming its sheet (an entry without `i` inherits the previous one's, which may be dropped);
 * undefined when none remain (the part is then removed: Excel rebuilds the chain).
 */
export function filterCalcChain(text: string, dropSheetIds: ReadonlySet<number>): string | undefined {
  const x = new XmlScanner(text);
  let current = 0;
  let kept = 0;
  while (x.next()) {
    if ((x.kind !== OPEN && x.kind !== EMPTY) || x.local !== "c") continue;
    const i = x.attr("i");
    if (i !== undefined) current = Number(i);
    if (!dropSheetIds.has(current)) kept++;
    x.skip();
  }
  return kept === 0 ? undefined : restateSheetIds(text, dropSheetIds);
}

/** Rewrites a calc chain so every kept entry names its sheet (`i`), dropping the entries of `drop`. */
function restateSheetIds(text: string, drop: ReadonlySet<number>): string {
  const x = new XmlScanner(text);
  const splices: Splice[] = [];
  let current = 0;
  while (x.next()) {
    if ((x.kind !== OPEN && x.kind !== EMPTY) || x.local !== "c") continue;
    const i = x.attr("i");
    if (i !== undefined) current = Number(i);
    const start = x.start;
    const openEnd = x.end;
    const tag = text.slice(start, openEnd);
    x.skip();
    if (drop.has(current)) splices.push({ start, end: x.end, text: "" });
    else if (i === undefined) splices.push({ start, end: openEnd, text: tag.replace(/^<([^\s/>]+)/, `<$1 i="${current}"`) });
  }
  return applySplices(text, splices);
}
