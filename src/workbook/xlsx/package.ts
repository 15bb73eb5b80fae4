/**
 * An .xlsx file as an Open Packaging Conventions package: its parts (ZIP entries), their
 * relationships, content types, and the workbook part's sheet list, defined names and settings.
 * Everything is read from the file as it is, whichever program wrote it (Excel, LibreOffice, WPS,
 * openpyxl, ExcelJS): parts are found through relationships, never by fixed names, element names are
 * matched without their namespace prefix, and relationship types by their last segment (so Strict
 * Open XML's purl.oclc.org namespaces read too).
 *
 * Parts are inflated one at a time, only when asked for, each with a ceiling; what is never asked
 * for stays compressed and is copied as it is when the package is written (`write.ts`).
 */
import { inflateEntry, readZip, ZipError, type ZipArchive, type ZipEntry } from "./zip";
import { EMPTY, OPEN, XmlError, XmlScanner } from "./xml";

/** A relationship of a part, its target resolved to a part name (no leading "/"). */
export interface Rel {
  readonly id: string;
  /** The relationship type's last segment, e.g. "worksheet", "table", "officeDocument". */
  readonly kind: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** A sheet of the workbook part's `<sheets>` list. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** "worksheet", "chartsheet", "dialogsheet", "macrosheet" (xlm), or the relationship's kind. */
  readonly kind: string;
  /** The sheet's part, when its relationship resolves to one that exists. */
  readonly part: string | undefined;
  /** The `<sheet …/>` element's text as it is in the file. */
  readonly raw: string;
}

/** A `<definedName>` of the workbook part. */
export interface DefinedName {
  readonly name: string;
  /** 0-based index in the sheet list for a sheet-scoped name. */
  readonly localSheetId: number | undefined;
  readonly hidden: boolean;
  /** The formula or constant the name refers to (decoded). */
  readonly text: string;
  /** The element's span in the workbook part's text. */
  readonly start: number;
  readonly end: number;
}

/** Why a file is not a workbook the reader can open; the CLI words each one. */
export type PackageProblem =
  | { readonly kind: "not_xlsx" }
  | { readonly kind: "encrypted" }
  | { readonly kind: "legacy_ole" }
  | { readonly kind: "corrupt"; readonly detail: string }
  | { readonly kind: "too_large"; readonly part: string; readonly size: number; readonly limit: number };

/** A failure to read the package. */
export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(problem.kind === "corrupt" ? problem.detail : problem.kind);
  }
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Largest non-sheet part (workbook, shared strings, styles, relationships, tables) the reader inflates.
 * Shared strings of a 1,048,576-row inventory with a distinct label per row stay well below it.
 */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

const lower = (s: string) => s.toLowerCase();

/** The folder of a part name ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
function folderOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

function decodeSegment(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** Resolves a relationship target against the source part's folder (OPC rules: "/" absolute, ".." up). */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : folderOf(source).split("/").filter(Boolean);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(decodeSegment(seg));
  }
  return base.join("/");
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; the package's own is "_rels/.rels". */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  const name = part.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === "" ? "" : `${folder}/`}_rels/${name}.rels`;
}

/** A relative target from one part to another (for relationships the writer adds). */
export function relativeTarget(source: string, target: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/**
 * Tells what kind of file `bytes` is when it is not a ZIP archive: an OLE compound file holding an
 * `EncryptedPackage` stream is a password-protected workbook (Excel encrypts .xlsx that way), another
 * OLE file is a legacy .xls (or other Office 97–2003 document); anything else is not a workbook.
 */
function notZipProblem(bytes: Buffer): PackageProblem {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC)) return bytes.includes(ENCRYPTED_PACKAGE) ? { kind: "encrypted" } : { kind: "legacy_ole" };
  return { kind: "not_xlsx" };
}

/** The workbook's package: parts, relationships, the workbook part. */
export class XlsxPackage {
  readonly zip: ZipArchive;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly relsCache = new Map<string, Rel[]>();
  /** The workbook part's name, e.g. "xl/workbook.xml". */
  readonly workbookPart: string;
  /** The workbook part's text. */
  readonly workbookXml: string;
  /** Sheets in tab order. */
  readonly sheets: readonly SheetEntry[];
  readonly definedNames: readonly DefinedName[];
  /** Span of `<sheets>…</sheets>` and of `<definedNames>…</definedNames>` (undefined when absent) in the workbook text. */
  readonly sheetsSpan: { start: number; end: number };
  readonly definedNamesSpan: { start: number; end: number } | undefined;
  /** Dates count from 1904 (old Mac workbooks). */
  readonly date1904: boolean;
  /** The workbook part uses Strict Open XML namespaces. */
  readonly strict: boolean;

  /**
   * Opens a package from the file's bytes.
   * @throws PackageError not an .xlsx (not a ZIP, or no workbook part), password-protected, legacy OLE, corrupt
   */
  constructor(bytes: Buffer) {
    try {
      this.zip = readZip(bytes);
    } catch (e) {
      if (e instanceof ZipError) {
        if (e.code === "not_zip") throw new PackageError(notZipProblem(bytes));
        if (e.code === "encrypted") throw new PackageError({ kind: "encrypted" });
        throw new PackageError({ kind: "corrupt", detail: e.message });
      }
      throw e;
    }
    for (const e of this.zip.entries) this.byName.set(lower(e.name.replace(/^\//, "")), e);
    const doc = this.rels("").find((r) => r.kind === "officeDocument" && !r.external);
    if (!doc || !this.has(doc.target) || !this.has("[Content_Types].xml")) throw new PackageError({ kind: "not_xlsx" });
    this.workbookPart = this.entry(doc.target)!.name.replace(/^\//, "");
    this.workbookXml = this.text(this.workbookPart);
    const parsed = this.parseWorkbook();
    this.sheets = parsed.sheets;
    this.definedNames = parsed.names;
    this.sheetsSpan = parsed.sheetsSpan;
    this.definedNamesSpan = parsed.namesSpan;
    this.date1904 = parsed.date1904;
    this.strict = /xmlns(?::\w+)?="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/.test(this.workbookXml.slice(0, 2000));
  }

  /** The ZIP entry of a part (case-insensitive, as OPC part names are). */
  entry(part: string): ZipEntry | undefined {
    return this.byName.get(lower(part.replace(/^\//, "")));
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** Uncompressed size of a part as the ZIP directory states it (before inflating anything). */
  size(part: string): number {
    return this.entry(part)?.size ?? 0;
  }

  /** A part's bytes, inflated with a ceiling of `limit` bytes. */
  bytes(part: string, limit: number = MAX_PART_BYTES): Buffer {
    const e = this.entry(part);
    if (!e) throw new PackageError({ kind: "corrupt", detail: `part ${part} is missing` });
    try {
      return inflateEntry(this.zip, e, limit);
    } catch (err) {
      if (err instanceof ZipError && err.code === "too_large") throw new PackageError({ kind: "too_large", part, size: e.size, limit });
      if (err instanceof ZipError) throw new PackageError({ kind: "corrupt", detail: err.message });
      throw err;
    }
  }

  /** A part's text (UTF-8, or UTF-16 with its byte-order mark). */
  text(part: string, limit: number = MAX_PART_BYTES): string {
    const b = this.bytes(part, limit);
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString("utf16le");
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString("utf16le");
    const s = b.toString("utf8");
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  /** The relationships of a part ("" for the package's own); none when it has no rels part. */
  rels(part: string): Rel[] {
    const cached = this.relsCache.get(part);
    if (cached) return cached;
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    const out: Rel[] = [];
    if (this.has(relsPart)) {
      const x = new XmlScanner(this.text(relsPart));
      this.xml(relsPart, () => {
        while (x.next()) {
          if ((x.kind !== OPEN && x.kind !== EMPTY) || x.local !== "Relationship") continue;
          const a = x.attrs();
          const type = a.Type ?? "";
          const external = (a.TargetMode ?? "") === "External";
          const target = external ? (a.Target ?? "") : resolveTarget(part, a.Target ?? "");
          out.push({ id: a.Id ?? "", type, kind: type.slice(type.lastIndexOf("/") + 1), target, external });
        }
      });
    }
    this.relsCache.set(part, out);
    return out;
  }

  /** Runs a parse, turning XML errors into a `corrupt` problem naming the part. */
  xml<T>(part: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof XmlError) throw new PackageError({ kind: "corrupt", detail: `${part} is not well-formed XML (${e.message})` });
      throw e;
    }
  }

  private parseWorkbook() {
    const part = this.workbookPart;
    const xml = this.workbookXml;
    const rels = new Map(this.rels(part).map((r) => [r.id, r]));
    const sheets: SheetEntry[] = [];
    const names: DefinedName[] = [];
    let sheetsSpan: { start: number; end: number } | undefined;
    let namesSpan: { start: number; end: number } | undefined;
    let date1904 = false;
    this.xml(part, () => {
      const x = new XmlScanner(xml);
      let sheetsStart = -1;
      let namesStart = -1;
      while (x.next()) {
        const tag = x.local;
        if (x.kind === OPEN || x.kind === EMPTY) {
          if (tag === "workbookPr") date1904 = /^(1|true)$/.test(x.attr("date1904") ?? "");
          else if (tag === "sheets") {
            sheetsStart = x.start;
            if (x.kind === EMPTY) sheetsSpan = { start: x.start, end: x.end };
          } else if (tag === "sheet" && sheetsStart >= 0) {
            const a = x.attrs();
            const rId = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1] ?? "";
            const rel = rels.get(rId);
            const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
            const target = rel && !rel.external && this.has(rel.target) ? this.entry(rel.target)!.name.replace(/^\//, "") : undefined;
            const start = x.start;
            x.skip();
            const kind = rel?.kind === "xlMacrosheet" || rel?.kind === "xlIntlMacrosheet" ? "macrosheet" : (rel?.kind ?? "unknown");
            sheets.push({ name: a.name ?? "", sheetId: Number(a.sheetId ?? 0), rId, state, kind, part: target, raw: xml.slice(start, x.end) });
          } else if (tag === "definedNames") {
            namesStart = x.start;
            if (x.kind === EMPTY) namesSpan = { start: x.start, end: x.end };
          } else if (tag === "definedName") {
            const a = x.attrs();
            const start = x.start;
            const text = x.textContent();
            const local = a.localSheetId === undefined ? undefined : Number(a.localSheetId);
            names.push({
              name: a.name ?? "",
              localSheetId: Number.isInteger(local) ? local : undefined,
              hidden: /^(1|true)$/.test(a.hidden ?? ""),
              text,
              start,
              end: x.end,
            });
          } else if (x.depth > 1 && x.kind === OPEN && tag !== "sheets" && tag !== "definedNames") x.skip();
        } else if (x.kind !== 0 && x.local === "sheets" && sheetsStart >= 0 && !sheetsSpan) sheetsSpan = { start: sheetsStart, end: x.end };
        else if (x.local === "definedNames" && namesStart >= 0 && !namesSpan) namesSpan = { start: namesStart, end: x.end };
      }
    });
    if (!sheetsSpan) throw new PackageError({ kind: "corrupt", detail: `${part} has no sheet list` });
    return { sheets, names, sheetsSpan, namesSpan, date1904 };
  }

  /** The first relationship of the workbook part of a kind ("sharedStrings", "styles", "calcChain", "theme"). */
  workbookRel(kind: string): Rel | undefined {
    return this.rels(this.workbookPart).find((r) => r.kind === kind && !r.external && this.has(r.target));
  }
}

/**
 * Opens an .xlsx package from a file's bytes.
 * @throws PackageError (see {@link PackageProblem})
 * @example const pkg = openPackage(readFileSync("book.xlsx")); pkg.sheets.map((s) => s.name)
 */
export function openPackage(bytes: Buffer): XlsxPackage {
  return new XlsxPackage(bytes);
}
