/**
 * Hand-built .xlsx packages, part by part, zipped with JSZip (a ZIP implementation independent of the
 * one under test): for layouts a test must control to the byte — shared formulas with cached zeros as
 * in CEADs' national workbook (docs/xlsx-files.md), formulas without cached values, prefixed
 * namespaces, calculation chains, Strict Open XML.
 */
import JSZip from "jszip";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface RawSheet {
  readonly name: string;
  /** The `<sheetData>` content (rows), or a whole worksheet part when it starts with "<?xml" or "<worksheet". */
  readonly data: string;
  readonly state?: "hidden" | "veryHidden";
  /** Markup after `</sheetData>` (mergeCells, tableParts …). */
  readonly after?: string;
  /** This sheet's relationships part, if any. */
  readonly rels?: string;
}

export interface RawBook {
  readonly sheets: readonly RawSheet[];
  readonly sharedStrings?: readonly string[];
  /** A whole styles part (default: a minimal one with cellXfs 0 = General, 1 = built-in date 14, 2 = "0.00"). */
  readonly styles?: string;
  readonly workbookPr?: string;
  /** Markup after `</sheets>` in the workbook part (definedNames, calcPr …). */
  readonly afterSheets?: string;
  /** Extra parts by name, and their content types (overrides). */
  readonly parts?: Readonly<Record<string, string>>;
  readonly overrides?: Readonly<Record<string, string>>;
  /** Extra workbook relationships (`<Relationship …/>` elements). */
  readonly workbookRels?: string;
  /** Namespace prefix for the main namespace ("x" → `<x:workbook xmlns:x=…>`). */
  readonly prefix?: string;
  /** The main namespace (Strict Open XML uses http://purl.oclc.org/ooxml/spreadsheetml/main). */
  readonly mainNs?: string;
}

export const DEFAULT_STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The zipped package. */
export async function rawXlsx(book: RawBook): Promise<Buffer> {
  const zip = new JSZip();
  const p = book.prefix ? `${book.prefix}:` : "";
  const ns = book.mainNs ?? MAIN;
  const xmlns = book.prefix ? `xmlns:${book.prefix}="${ns}"` : `xmlns="${ns}"`;
  const overrides: Record<string, string> = {
    "/xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "/xl/styles.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  };
  const wbRels: string[] = [`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`];
  const sheets = book.sheets.map((s, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    overrides[`/${part}`] = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    const whole = s.data.startsWith("<?xml") || s.data.startsWith("<worksheet") || s.data.startsWith(`<${p}worksheet`);
    zip.file(part, whole ? s.data : `${DECL}<${p}worksheet ${xmlns} xmlns:r="${REL}"><${p}sheetData>${s.data}</${p}sheetData>${s.after ?? ""}</${p}worksheet>`);
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
    return `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`;
  });
  if (book.sharedStrings) {
    overrides["/xl/sharedStrings.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    wbRels.push(`<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file(
      "xl/sharedStrings.xml",
      `${DECL}<sst xmlns="${MAIN}" count="${book.sharedStrings.length}" uniqueCount="${book.sharedStrings.length}">${book.sharedStrings.map((t) => (t.startsWith("<") ? `<si>${t}</si>` : `<si><t xml:space="preserve">${esc(t)}</t></si>`)).join("")}</sst>`,
    );
  }
  if (book.workbookRels) wbRels.push(book.workbookRels);
  for (const [name, content] of Object.entries(book.parts ?? {})) zip.file(name, content);
  Object.assign(overrides, book.overrides ?? {});
  zip.file("xl/styles.xml", book.styles ?? DEFAULT_STYLES);
  zip.file(
    "xl/workbook.xml",
    `${DECL}<${p}workbook ${xmlns} xmlns:r="${REL}">${book.workbookPr ?? ""}<${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews><${p}sheets>${sheets.join("")}</${p}sheets>${book.afterSheets ?? ""}</${p}workbook>`,
  );
  zip.file("xl/_rels/workbook.xml.rels", `${DECL}<Relationships xmlns="${PKG}">${wbRels.join("")}</Relationships>`);
  zip.file(
    "_rels/.rels",
    `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "[Content_Types].xml",
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${Object.entries(
      overrides,
    )
      .map(([n, t]) => `<Override PartName="${n}" ContentType="${t}"/>`)
      .join("")}</Types>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The text of one part of a package (JSZip). */
export async function partText(bytes: Buffer, part: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(part)?.async("string");
}

/** Every part's uncompressed bytes by name (JSZip). */
export async function partsOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/**
 * A minimal OLE compound file (MS-CFB, version 3, 512-byte sectors) holding the named streams — the
 * container Excel puts a password-protected .xlsx in (streams `EncryptionInfo`, `EncryptedPackage`,
 * MS-OFFCRYPTO §2.3.4.4). Stream contents are placeholders: only the container is under test.
 */
export function oleFile(streams: readonly string[]): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: the directory, end of chain
  const dir = Buffer.alloc(sector);
  const entry = (i: number, name: string, type: number) => {
    const at = i * 128;
    const n = Buffer.from(`${name}\0`, "utf16le");
    n.copy(dir, at);
    dir.writeUInt16LE(n.length, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt32LE(0xffffffff, at + 68);
    dir.writeUInt32LE(0xffffffff, at + 72);
    dir.writeUInt32LE(0xffffffff, at + 76);
    dir.writeUInt32LE(0xfffffffe, at + 116);
  };
  entry(0, "Root Entry", 5);
  streams.slice(0, 3).forEach((s, i) => entry(i + 1, s, 2));
  return Buffer.concat([header, fat, dir]);
}
