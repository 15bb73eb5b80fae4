/**
 * The package adapter writes only the add-in's own sheets into the existing package
 * (docs/xlsx-files.md): every other ZIP entry keeps its bytes; the shared parts it edits (workbook,
 * relationships, content types, styles, calculation chain) change only where its sheets are concerned;
 * ownership is by identity (a sheet-scoped hidden mark), so a user's sheet that reuses an output's
 * name is never touched.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { formatIssue } from "../../src/engine";
import { runAndWrite } from "../../src/app";
import { OWNER_MARK_NAME } from "../../src/workbook/policy";
import { openPackage } from "../../src/workbook/xlsx/package";
import { createPackagePort, type PackagePort } from "../../src/workbook/xlsx/store";
import { rawEntryData as rawDataOf, readZip } from "../../src/workbook/xlsx/zip";
import { SaxesParser } from "saxes";
import { partText, partsOf, rawXlsx } from "../helpers/raw-xlsx";
import { value } from "../helpers/result";
import { HEAVY_TEST_MS } from "../helpers/timeouts";

// Whole runs of the sample or floods of cells: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(HEAVY_TEST_MS);

const SAMPLE = readFileSync(join(__dirname, "..", "..", "samples", "changzhutan.xlsx"));
const NOW = () => new Date("2024-06-01T00:00:00Z");

async function run(bytes: Buffer, options: Parameters<typeof runAndWrite>[1] = {}): Promise<{ port: PackagePort; out: Buffer }> {
  const port = createPackagePort(bytes);
  value(await runAndWrite(port, { version: "test", now: NOW, ...options }));
  return { port, out: port.xlsx.save() };
}

/** Entries whose compressed bytes are the same in both archives. */
function sameRaw(a: Buffer, b: Buffer): Set<string> {
  const za = readZip(a);
  const zb = readZip(b);
  const out = new Set<string>();
  for (const e of za.entries) {
    const f = zb.entries.find((x) => x.name === e.name);
    if (f && rawDataOf(za, e).equals(rawDataOf(zb, f)) && f.crc === e.crc) out.add(e.name);
  }
  return out;
}

const OWNED_PARTS = /^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|tables\/table\d+\.xml)$/;
const EDITED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

describe("invariants: what the add-in does not own keeps its bytes", () => {
  test("nothing changed: the file's own bytes come back", () => {
    const port = createPackagePort(SAMPLE);
    expect(port.xlsx.save()).toBe(SAMPLE);
  });

  test("a run copies every entry it does not own with its compressed bytes; only its sheets, the records sheet and the shared parts it edits differ", async () => {
    const { out } = await run(SAMPLE);
    const before = readZip(SAMPLE).entries.map((e) => e.name);
    const kept = sameRaw(SAMPLE, out);
    for (const name of before) {
      if (EDITED.has(name) || name === "xl/worksheets/sheet9.xml") continue; // sheet9 is the _carbonpeak records sheet (after Notes and the seven scenario and inventory sheets)
      expect([name, kept.has(name)]).toEqual([name, true]);
    }
    const added = readZip(out)
      .entries.map((e) => e.name)
      .filter((n) => !before.includes(n));
    expect(added.length).toBeGreaterThan(0);
    for (const n of added) expect(n).toMatch(OWNED_PARTS);
  });

  test('a re-run replaces its own sheets in place (no "Results (2)"), with unique table ids, and leaves the user\'s sheets byte for byte', async () => {
    const first = await run(SAMPLE);
    const second = await run(first.out);
    const names = value(await second.port.listSheets()).map((s) => s.name);
    expect(names.filter((n) => /\(2\)/.test(n))).toEqual([]);
    expect(names).toEqual(value(await first.port.listSheets()).map((s) => s.name));
    const parts = await partsOf(second.out);
    const tables = [...parts]
      .filter(([n]) => n.startsWith("xl/tables/"))
      .map(([, b]) => /<table[^>]*\sid="(\d+)"[^>]*\sname="([^"]+)"/.exec(b.toString("utf8"))!);
    expect(new Set(tables.map((m) => m[1])).size).toBe(tables.length);
    expect(new Set(tables.map((m) => m[2].toLowerCase())).size).toBe(tables.length);
    const userParts = readZip(SAMPLE)
      .entries.map((e) => e.name)
      .filter((n) => !EDITED.has(n) && n !== "xl/worksheets/sheet9.xml");
    const kept = sameRaw(SAMPLE, second.out);
    for (const n of userParts) expect([n, kept.has(n)]).toEqual([n, true]);
  });

  test("the add-in's number formats are added once: a re-run reuses the styles it added", async () => {
    const first = await run(SAMPLE);
    const second = await run(first.out);
    expect(await partText(second.out, "xl/styles.xml")).toBe(await partText(first.out, "xl/styles.xml"));
    const original = (await partText(SAMPLE, "xl/styles.xml"))!;
    const edited = (await partText(first.out, "xl/styles.xml"))!;
    // Everything the styles part had is still there, in order: only entries are appended.
    const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*)<\/cellXfs>/.exec(s)![1];
    expect(xfs(edited).startsWith(xfs(original))).toBe(true);
  });
});

describe("edge cases: shared parts", () => {
  const sheet = (v: number) => `<row r="1"><c r="A1"><v>${v}</v></c></row>`;

  test("deleting an owned sheet moves the sheet-scoped names of later sheets with them, and the active tab stays on its sheet", async () => {
    const bytes = await rawXlsx({
      sheets: [
        { name: "A", data: sheet(1) },
        { name: "B", data: sheet(2) },
        { name: "C", data: sheet(3) },
      ],
      afterSheets:
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">C!$A$1</definedName><definedName name="Mine" localSheetId="0">A!$A$1</definedName></definedNames>',
    });
    const wb = (await partText(bytes, "xl/workbook.xml"))!.replace('activeTab="0"', 'activeTab="2"');
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/workbook.xml", wb);
    const base = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });

    // B is the add-in's (the store does what the port allowed): deleted; a new owned sheet goes last.
    const port = createPackagePort(base);
    port.xlsx.deleteSheet("B");
    port.xlsx.addSheet("Out");
    port.xlsx.setSheetMark("Out", "cp-00000000000000b1");
    const out = port.xlsx.save();
    const text = (await partText(out, "xl/workbook.xml"))!;
    expect(text).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="1">C!\$A\$1<\/definedName>/);
    expect(text).toMatch(/<definedName name="Mine" localSheetId="0">A!\$A\$1<\/definedName>/);
    expect(text).toMatch(new RegExp(`<definedName name="${OWNER_MARK_NAME}" localSheetId="2" hidden="1">"cp-00000000000000b1"</definedName>`));
    expect(text).toMatch(/activeTab="1"/);
    expect(openPackage(out).sheets.map((s) => s.name)).toEqual(["A", "C", "Out"]);
  });

  test("the calculation chain loses only the entries of sheets the add-in rewrote (and goes when none is left)", async () => {
    const chain =
      '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="1"/><c r="B2"/><c r="A1" i="2"/><c r="A2"/></calcChain>';
    const bytes = await rawXlsx({
      sheets: [
        { name: "User", data: `<row r="1"><c r="B1"><f>1+1</f><v>2</v></c></row>` },
        { name: "Old", data: sheet(1) },
      ],
      parts: { "xl/calcChain.xml": chain },
      overrides: { "/xl/calcChain.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml" },
      workbookRels: '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>',
    });
    const port = createPackagePort(bytes);
    port.xlsx.clearSheet("Old"); // the add-in's sheet, rewritten
    const out = port.xlsx.save();
    expect(await partText(out, "xl/calcChain.xml")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="1"/><c i="1" r="B2"/></calcChain>',
    );
    port.xlsx.clearSheet("User");
    const none = port.xlsx.save();
    expect(await partText(none, "xl/calcChain.xml")).toBeUndefined();
    expect(await partText(none, "[Content_Types].xml")).not.toMatch(/calcChain/);
    expect(await partText(none, "xl/_rels/workbook.xml.rels")).not.toMatch(/calcChain/);
  });

  test("a workbook whose main namespace has a prefix gets new sheets with that prefix", async () => {
    const bytes = await rawXlsx({ prefix: "x", sheets: [{ name: "S", data: `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>` }] });
    const port = createPackagePort(bytes);
    value(await port.addSheet("Out"));
    const text = (await partText(port.xlsx.save(), "xl/workbook.xml"))!;
    expect(text).toMatch(/<x:sheet name="Out" sheetId="2" r:id="rId\d+"\/>/);
    expect(text).toMatch(/<x:definedNames><x:definedName name="_carbonpeak_owner"/);
    expect(
      createPackagePort(port.xlsx.save())
        .xlsx.sheets()
        .map((s) => s.name),
    ).toEqual(["S", "Out"]);
  });

  test("a Strict Open XML workbook is read but not written: refused, named", async () => {
    const port = createPackagePort(
      await rawXlsx({ mainNs: "http://purl.oclc.org/ooxml/spreadsheetml/main", sheets: [{ name: "S", data: `<row r="1"><c r="A1"><v>1</v></c></row>` }] }),
    );
    expect(value(await port.readRange("S")).values).toEqual([[1]]);
    value(await port.addSheet("Out"));
    let message = "";
    try {
      port.xlsx.save();
    } catch (e) {
      message = formatIssue((e as { issue: Parameters<typeof formatIssue>[0] }).issue);
    }
    expect(message).toMatch(/Strict Open XML/);
  });
});

/** Throws unless the text is namespace-well-formed XML (every prefix declared), by saxes — an independent parser. */
function checkXml(name: string, text: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw new Error(`${name}: ${e.message}`);
  });
  parser.write(text).close();
}

describe("invariants: every part written is namespace-well-formed XML", () => {
  test("the sample, a workbook declaring the relationships prefix on each sheet (as openpyxl does), and a prefixed one", async () => {
    const perSheet = await rawXlsx({ sheets: [{ name: "S", data: sheet1() }] });
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(perSheet);
    const wb = (await zip.file("xl/workbook.xml")!.async("string"))
      .replace(` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`, "")
      .replace("<sheet ", `<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" `);
    zip.file("xl/workbook.xml", wb);
    const openpyxlStyle = await zip.generateAsync({ type: "nodebuffer" });
    const prefixed = await rawXlsx({ prefix: "x", sheets: [{ name: "S", data: `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>` }] });
    for (const book of [SAMPLE, openpyxlStyle, prefixed]) {
      const port = createPackagePort(book);
      value(await port.addSheet("Out"));
      value(await port.writeTable({ sheet: "Out", header: ["a & b", "<c>"], rows: [["x\u0001y", 1.5]], numberFormats: { "<c>": "0.00" } }));
      value(await port.setSettings({ note: "長株潭 & co" }));
      const out = port.xlsx.save();
      for (const [name, bytes] of await partsOf(out)) if (/\.(xml|rels)$/.test(name)) checkXml(name, bytes.toString("utf8"));
    }
  });
});

const sheet1 = () => `<row r="1"><c r="A1"><v>1</v></c></row>`;

describe("reference: a workbook laid out as Excel 365 writes it", () => {
  // Excel's own markup (ECMA-376 with the Microsoft extensions Excel 365 writes): markup-compatibility
  // namespaces, an AlternateContent block, revision pointers, x14ac row attributes, a table, a print area.
  const X =
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" mc:Ignorable="x14ac xr"';
  const userSheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ${X} xr:uid="{A1B2C3D4-0000-0000-0000-000000000001}">` +
    `<dimension ref="A1:B3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2019</v></c></row><row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>1</v></c><c r="B2" s="2"><v>32.450000000000003</v></c></row>` +
    `<row r="3" spans="1:2" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>2</v></c><c r="B3" s="2"><f>B2*0.5</f><v>16.225000000000001</v></c></row></sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  const table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr xr3" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="1" xr:uid="{00000000-000C-0000-FFFF-FFFF00000000}" name="Inventory" displayName="Inventory" ref="A1:B3" totalsRowShown="0"><autoFilter ref="A1:B3" xr:uid="{00000000-0009-0000-0100-000001000000}"/><tableColumns count="2"><tableColumn id="1" xr3:uid="{00000000-0010-0000-0000-000001000000}" name="City"/><tableColumn id="2" xr3:uid="{00000000-0010-0000-0000-000002000000}" name="2019"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  const wbExtras =
    `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr defaultThemeVersion="202300"/>` +
    `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\Users\\analyst\\Desktop\\"/></mc:Choice></mc:AlternateContent>` +
    `<xr:revisionPtr revIDLastSave="0" documentId="8_{6F1C2A4B-0000-0000-0000-000000000000}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>`;

  async function excelBook(): Promise<Buffer> {
    const base = await rawXlsx({
      sharedStrings: ["City", "长沙", "half"],
      sheets: [
        {
          name: "Inventory",
          data: userSheet,
          rels: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
        },
      ],
      parts: { "xl/tables/table1.xml": table },
      overrides: { "/xl/tables/table1.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml" },
      afterSheets:
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Inventory!$A$1:$B$3</definedName></definedNames><calcPr calcId="191029"/>',
    });
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(base);
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ${X} xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10">${wbExtras}`,
    );
    zip.file("xl/workbook.xml", wb);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  test("its cells and table read as Excel shows them; the add-in's writes keep every other part and Excel's markup around its own", async () => {
    const bytes = await excelBook();
    const port = createPackagePort(bytes);
    expect(value(await port.readRange("Inventory")).values).toEqual([
      ["City", 2019],
      ["长沙", 32.45],
      ["half", 16.225],
    ]);
    expect(value(await port.findTables())).toEqual([{ name: "Inventory", sheet: "Inventory", address: "Inventory!A1:B3" }]);
    value(await port.addSheet("Results"));
    value(await port.writeTable({ sheet: "Results", header: ["City", "Emissions"], rows: [["长沙", 32.45]], numberFormats: { Emissions: "#,##0.00" } }));
    const out = port.xlsx.save();
    const before = await partsOf(bytes);
    const after = await partsOf(out);
    for (const [name, b] of before) if (!EDITED.has(name)) expect([name, after.get(name)?.equals(b)]).toEqual([name, true]);
    for (const [name, b] of after) if (/\.(xml|rels)$/.test(name)) checkXml(name, b.toString("utf8"));
    // Outside the sheet list and the names, the workbook part is Excel's to the byte.
    const wbBefore = before.get("xl/workbook.xml")!.toString("utf8");
    const wbAfter = after.get("xl/workbook.xml")!.toString("utf8");
    const head = (t: string) => t.slice(0, t.indexOf("<sheets>"));
    expect(head(wbAfter)).toBe(head(wbBefore));
    expect(wbAfter.endsWith('<calcPr calcId="191029"/></workbook>')).toBe(true);
    expect(wbAfter).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">Inventory!$A$1:$B$3</definedName>');
    const again = createPackagePort(out);
    expect(value(await again.readRange("Results")).values).toEqual([
      ["City", "Emissions"],
      ["长沙", 32.45],
    ]);
    expect(value(await again.listSheets()).map((s) => [s.name, s.owned])).toEqual([
      ["Inventory", false],
      ["Results", true],
    ]);
  });
});

describe("ownership by identity (the file adapter)", () => {
  test('delete an output sheet and make your own of that name: the next run writes "Charts (2)" and never touches yours', async () => {
    const first = await run(SAMPLE);
    // The user deletes Charts and makes a sheet of their own named Charts (no mark: a user cannot make one).
    const store = createPackagePort(first.out).xlsx;
    store.deleteSheet("Charts");
    store.addSheet("Charts");
    store.memory.sheetList.find((s) => s.name === "Charts")!.cells = [["my own notes"]];
    const edited = store.save();
    const second = await run(edited);
    const sheets = value(await second.port.listSheets());
    expect(sheets.filter((s) => s.name.startsWith("Charts")).map((s) => [s.name, s.owned])).toEqual([
      ["Charts", false],
      ["Charts (2)", true],
    ]);
    expect(value(await second.port.readRange("Charts")).values).toEqual([["my own notes"]]);
  });

  test("an output sheet the user renames becomes theirs: kept as it is, the output gets its name again", async () => {
    const first = await run(SAMPLE);
    const before = value(await first.port.readRange("Reductions")).values;
    const wb = (await partText(first.out, "xl/workbook.xml"))!.replace('name="Reductions"', 'name="My reductions"');
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(first.out);
    zip.file("xl/workbook.xml", wb);
    const renamed = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const second = await run(renamed);
    const sheets = value(await second.port.listSheets());
    expect(sheets.find((s) => s.name === "My reductions")?.owned).toBe(false);
    expect(sheets.find((s) => s.name === "Reductions")?.owned).toBe(true);
    expect(value(await second.port.readRange("My reductions")).values).toEqual(before);
  });
});
