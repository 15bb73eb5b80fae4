/**
 * A 1,048,576-row inventory .xlsx (Excel's row limit), laid out as Excel writes a long-layout sheet:
 * header City | Sector | Year | Emissions (Mt), city and sector names in the shared-string table, one row
 * per city, sector and year (1,705 cities × 15 sectors × 41 years = 1,048,575 rows under the header). Values are
 * synthetic (positive, in Mt). Used by bench/xlsx.bench.ts; the file is made once per run.
 */
import { writeZip } from "../src/workbook/xlsx/zip";

export const ROWS = 1_048_576;
const SECTORS = 15;
const YEARS = Array.from({ length: 41 }, (_, i) => 1980 + i);

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/**
 * The workbook's bytes. `extraColumns` numeric columns after Emissions make a heavier sheet (for
 * probing the size guard); the benchmark uses none. The sheet is built in pieces: as one string a
 * 16-column sheet would pass V8's string-length limit.
 */
export function millionRowInventory(extraColumns = 0): Buffer {
  const dataRows = ROWS - 1;
  const perCity = SECTORS * YEARS.length;
  const cities = Math.ceil(dataRows / perCity);
  const strings = [
    "City",
    "Sector",
    "Year",
    "Emissions (Mt)",
    ...Array.from({ length: cities }, (_, c) => `City ${c + 1}`),
    ...Array.from({ length: SECTORS }, (_, s) => `Sector ${s + 1}`),
  ];
  const cityString = (c: number) => 4 + c;
  const sectorString = (s: number) => 4 + cities + s;
  const chunks: Buffer[] = [];
  let parts: string[] = [
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${String.fromCharCode(68 + extraColumns)}${ROWS}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`,
  ];
  const letter = (k: number) => String.fromCharCode(69 + k); // E, F, …
  const width = 4 + extraColumns;
  parts.push(
    `<row r="1" spans="1:${width}"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>${Array.from({ length: extraColumns }, (_, k) => `<c r="${letter(k)}1"><v>${k + 1}</v></c>`).join("")}</row>`,
  );
  for (let i = 0; i < dataRows; i++) {
    const r = i + 2;
    const c = Math.floor(i / perCity);
    const s = Math.floor(i / YEARS.length) % SECTORS;
    const y = YEARS[i % YEARS.length];
    const v = 0.5 + ((c * 31 + s * 7 + (i % YEARS.length) * 3) % 997) / 10;
    const extra = extraColumns === 0 ? "" : Array.from({ length: extraColumns }, (_, k) => `<c r="${letter(k)}${r}"><v>${v * (k + 2)}</v></c>`).join("");
    parts.push(
      `<row r="${r}" spans="1:${width}"><c r="A${r}" t="s"><v>${cityString(c)}</v></c><c r="B${r}" t="s"><v>${sectorString(s)}</v></c><c r="C${r}"><v>${y}</v></c><c r="D${r}" s="1"><v>${v}</v></c>${extra}</row>`,
    );
    if (parts.length >= 50_000) {
      chunks.push(Buffer.from(parts.join("")));
      parts = [];
    }
  }
  parts.push(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  const sst = `${DECL}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;
  const styles =
    `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const ct = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`;
  return writeZip([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${ct("xl/workbook.xml", "sheet.main")}${ct("xl/worksheets/sheet1.xml", "worksheet")}${ct("xl/sharedStrings.xml", "sharedStrings")}${ct("xl/styles.xml", "styles")}</Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="Inventory" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.concat([...chunks, Buffer.from(parts.join(""))]) },
    { name: "xl/sharedStrings.xml", data: Buffer.from(sst) },
    { name: "xl/styles.xml", data: Buffer.from(styles) },
  ]);
}
