/**
 * The package adapter reads exactly what the file holds (docs/xlsx-files.md): every cell type, the
 * cached result of every formula — a cached 0 of a shared formula included, as CEADs' national
 * workbook stores its values (layout in docs/xlsx-files.md) — and a formula without a computed value as
 * an `UncachedFormula`, which an inventory read reports naming the cell. Files that are not workbooks
 * are told apart; the size guard refuses before inflating.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { UncachedFormula, formatIssue, readInventory, readNumberCell } from "../../src/engine";
import { createExcelJsPort } from "../../src/workbook/exceljs";
import { readSheetCells, isDateFormat } from "../../src/workbook/xlsx/cells";
import { PackageError, openPackage } from "../../src/workbook/xlsx/package";
import { MAX_CELLS, createPackagePort, defaultLimits, packageIssue } from "../../src/workbook/xlsx/store";
import { oleFile, rawXlsx } from "../helpers/raw-xlsx";
import { value } from "../helpers/result";
import { HEAVY_TEST_MS } from "../helpers/timeouts";

// Whole runs of the sample or floods of cells: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(HEAVY_TEST_MS);

/** The first sheet's used range as read by the package adapter. */
async function cells(book: Parameters<typeof rawXlsx>[0], sheet?: string): Promise<unknown[][]> {
  const port = createPackagePort(await rawXlsx(book));
  return value(await port.readRange(sheet ?? book.sheets[0].name)).values.map((r) => [...r]);
}

const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof PackageError) return e.problem.kind;
    throw e;
  }
  return "none";
};

/**
 * CEADs' national inventory "sum" sheet as distributed: years down, fuels across, every value a shared
 * formula (a lookup into the year sheets) with its cached result, many of them 0.
 */
function ceadsSum(): Parameters<typeof rawXlsx>[0] {
  const fuels = ["Raw_Coal", "Coke", "Natural_Gas"];
  const cached = [
    [1389.6, 0, 0],
    [1402.25, 0, 12.5],
    [0, 0, 14.75],
  ];
  const header = `<row r="1">${fuels.map((_, j) => `<c r="${"BCD"[j]}1" t="s"><v>${j + 1}</v></c>`).join("")}</row>`;
  const rows = cached
    .map((vals, i) => {
      const r = i + 2;
      const cellsXml = vals
        .map((v, j) => {
          const ref = `${"BCD"[j]}${r}`;
          const f = i === 0 && j === 0 ? `<f t="shared" ref="B2:D4" si="0">INDEX('1997'!B:B,5)</f>` : `<f t="shared" si="0"/>`;
          return `<c r="${ref}">${f}<v>${v}</v></c>`;
        })
        .join("");
      return `<row r="${r}"><c r="A${r}"><v>${1997 + i}</v></c>${cellsXml}</row>`;
    })
    .join("");
  return { sheets: [{ name: "sum", data: header + rows }], sharedStrings: ["", ...fuels] }; // A1 empty, as in the download
}

describe("argument validation: files that are not workbooks", () => {
  test("text (a .csv), an empty file and a ZIP that is not a workbook are not .xlsx", async () => {
    expect(problem(() => openPackage(Buffer.from("City,2019\n长沙,32.45\n")))).toBe("not_xlsx");
    expect(problem(() => openPackage(Buffer.alloc(0)))).toBe("not_xlsx");
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    const notBook = await zip.generateAsync({ type: "nodebuffer" });
    expect(problem(() => openPackage(notBook))).toBe("not_xlsx");
  });

  test("an OLE file with an EncryptedPackage stream is password-protected; another OLE file is an old .xls", () => {
    expect(problem(() => openPackage(oleFile(["EncryptionInfo", "EncryptedPackage"])))).toBe("encrypted");
    expect(problem(() => openPackage(oleFile(["Workbook"])))).toBe("legacy_ole");
  });

  test("a workbook cut short is damaged (named), never read in part", async () => {
    const bytes = await rawXlsx(ceadsSum());
    expect(problem(() => openPackage(bytes.subarray(0, bytes.length - 30)))).toBe("corrupt");
  });

  test("each kind has its message naming the file, without internal detail", () => {
    const text = (kind: string) => formatIssue(packageIssue(new PackageError({ kind } as never), "book.xlsx"));
    expect(text("not_xlsx")).toMatch(/^"book\.xlsx" is not an \.xlsx workbook/);
    expect(text("encrypted")).toMatch(/^"book\.xlsx" is password-protected: save a copy without a password/);
    expect(text("legacy_ole")).toMatch(/Excel 97–2003/);
  });
});

describe("reference values: every cell as the file holds it", () => {
  test("shared and inline strings (rich runs joined, phonetic runs left out), numbers, booleans, errors, blanks", async () => {
    const got = await cells({
      sharedStrings: ["长沙", '<r><t>Zhu</t></r><r><rPr><b/></rPr><t>zhou</t></r><rPh sb="0" eb="1"><t>ズ</t></rPh>'],
      sheets: [
        {
          name: "S",
          data:
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> 湘潭 </t></is></c></row>` +
            `<row r="2"><c r="A2"><v>1.5E-3</v></c><c r="B2"><v>-0</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" s="2"/></row>`,
        },
      ],
    });
    expect(got).toEqual([
      ["长沙", "Zhuzhou", " 湘潭 ", null],
      [0.0015, -0, true, "#N/A"],
    ]);
  });

  test('numbers in a date format are dates (built-in 14, a custom code, the 1904 system); t="d" is an ISO date', async () => {
    const data = `<row r="1"><c r="A1" s="1"><v>43831</v></c><c r="B1" s="3"><v>43831.5</v></c><c r="C1" s="2"><v>43831</v></c><c r="D1" t="d"><v>2020-01-01T00:00:00Z</v></c></row>`;
    expect(await cells({ sheets: [{ name: "S", data }] })).toEqual([
      [new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T12:00:00Z"), 43831, new Date("2020-01-01T00:00:00Z")],
    ]);
    const old = await cells({ workbookPr: '<workbookPr date1904="1"/>', sheets: [{ name: "S", data: `<row r="1"><c r="A1" s="1"><v>42369</v></c></row>` }] });
    expect(old).toEqual([[new Date("2020-01-01T00:00:00Z")]]);
    for (const code of ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[h]:mm", "m/d/yy h:mm"]) expect(isDateFormat(code)).toBe(true);
    for (const code of ["General", "0.00", '#,##0 "万t"', "0.00E+00", "[Red]0.0", '"Mt CO2" 0.0']) expect(isDateFormat(code)).toBe(false);
  });

  test("a merged area shows its value in the top-left cell only; cells without r= follow their neighbours", async () => {
    const data = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row><c><v>3</v></c><c><v>4</v></c></row>`;
    expect(await cells({ sheets: [{ name: "S", data, after: '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' }] })).toEqual([
      [1, null],
      [3, 4],
    ]);
  });

  test('a formula gives its cached result of any type, a cached 0 and "" included', async () => {
    const data =
      `<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
      `<c r="D1" t="b"><f>TRUE()</f><v>1</v></c><c r="E1" t="e"><f>NA()</f><v>#N/A</v></c><c r="F1"><f>2*3</f><v>6</v></c></row>`;
    expect(await cells({ sheets: [{ name: "S", data }] })).toEqual([[0, "", "ab", true, "#N/A", 6]]);
  });

  test("CEADs' national 'sum' sheet: shared formulas cached as <v>0</v> read as 0 (ExcelJS 4.4 reads them with no result)", async () => {
    const book = ceadsSum();
    const expected = [
      [null, "Raw_Coal", "Coke", "Natural_Gas"],
      [1997, 1389.6, 0, 0],
      [1998, 1402.25, 0, 12.5],
      [1999, 0, 0, 14.75],
    ];
    expect(await cells(book)).toEqual(expected);
    // The reason this reader exists: ExcelJS drops the cached 0 of every shared-formula follower.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rawXlsx(book)) as unknown as ExcelJS.Buffer);
    const c2 = wb.getWorksheet("sum")!.getCell("C2").value as { result?: unknown };
    expect(c2.result).toBeUndefined();
    const viaExcelJs = value(await createExcelJsPort(wb).readRange("sum")).values;
    expect(viaExcelJs[1][2]).toBeInstanceOf(UncachedFormula);
  });
});

describe("edge cases: formulas with no computed value", () => {
  const uncachedBook = (v: string) => ({
    sheets: [
      {
        name: "Inventory",
        data: `<row r="1"><c r="A1" t="inlineStr"><is><t>City</t></is></c><c r="B1"><v>2018</v></c><c r="C1"><v>2019</v></c><c r="D1"><v>2020</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>长沙</t></is></c><c r="B2"><v>30</v></c><c r="C2"><v>31</v></c><c r="D2"><f>10+10</f>${v}</c></row>`,
      },
    ],
  });

  test("no <v>, or an empty <v> for a number, is an UncachedFormula with the formula's text — never a blank or a zero", async () => {
    for (const v of ["", "<v></v>", "<v/>"]) {
      const got = await cells(uncachedBook(v));
      expect(got[1][3]).toEqual(new UncachedFormula("=10+10"));
    }
    const follower = await cells({
      sheets: [{ name: "S", data: `<row r="1"><c r="A1"><f t="shared" ref="A1:B1" si="0">1+1</f></c><c r="B1"><f t="shared" si="0"/></c></row>` }],
    });
    expect(follower).toEqual([[new UncachedFormula("=1+1"), new UncachedFormula("")]]);
  });

  test("an inventory read names the cell: Inventory!D2 is a formula with no computed value", async () => {
    const port = createPackagePort(await rawXlsx(uncachedBook("")));
    const r = readInventory(value(await port.readRange("Inventory")));
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.issues.map((i) => formatIssue(i));
    expect(messages).toContain("Inventory!D2: is a formula (=10+10) with no computed value: open and save the workbook in Excel, or type the value");
    expect(readNumberCell(new UncachedFormula(""), ["emissions", 3]).kind).toBe("invalid");
  });
});

describe("edge cases: size guard and odd shapes", () => {
  test("sheets past the limit of worksheet bytes are refused before they are inflated, naming the sheet", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    const bytes = await rawXlsx({
      sheets: [
        { name: "Small", data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: "Big", data: rows },
      ],
    });
    const port = createPackagePort(bytes, { sheetBytes: 2000, cells: 1e6 });
    expect(value(await port.readRange("Small")).values).toEqual([[1]]);
    const r = await port.readRange("Big");
    expect(r.ok ? "" : formatIssue(r.issues[0])).toMatch(
      /^sheet "Big" is \d+ MB of cell data; with the \d+ MB already read that passes the \d+ MB this tool reads from one workbook/,
    );
  });

  test("past the cell limit: refused naming the sheet, not a heap crash", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join("");
    const port = createPackagePort(await rawXlsx({ sheets: [{ name: "Cells", data: rows }] }), { sheetBytes: 1e9, cells: 60 });
    const r = await port.readRange("Cells");
    expect(r.ok ? "" : formatIssue(r.issues[0])).toMatch(/^sheet "Cells" brings the cells read to more than 60/);
  });

  test("the default cell limit: a 1,048,576-row inventory of 12 columns with a 4 GB heap, less with a smaller heap", () => {
    expect(defaultLimits(4 * 1024 ** 3).cells).toBe(MAX_CELLS);
    expect(MAX_CELLS).toBe(1_048_576 * 12);
    const small = defaultLimits(2 * 1024 ** 3).cells;
    expect(small).toBeLessThan(MAX_CELLS);
    expect(small).toBeGreaterThan(1_048_576 * 4); // the long layout (city, sector, year, emissions) still reads
  });

  test("a stray cell at XFD1048576 makes a used range too large to read: refused with the range and what to do", async () => {
    const port = createPackagePort(
      await rawXlsx({ sheets: [{ name: "S", data: `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>` }] }),
    );
    const r = await port.readRange("S");
    expect(r.ok ? "" : formatIssue(r.issues[0])).toMatch(/^S!A1:XFD1048576 is 17179869184 cells, more than the \d+ one read takes/);
  });

  test("a main namespace with a prefix (<x:worksheet>) reads like the plain one", async () => {
    const data = `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>City</x:t></x:is></x:c><x:c r="B1"><x:v>2019</x:v></x:c></x:row>`;
    expect(await cells({ prefix: "x", sheets: [{ name: "S", data }] })).toEqual([["City", 2019]]);
  });
});

describe("invariants", () => {
  const cellArb = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc
      .string({ unit: "grapheme", maxLength: 12 })
      .filter((s) => s !== "" && s.trim() === s && [...s].every((ch) => ch.charCodeAt(0) >= 0x20 && ch !== "\uFFFE" && ch !== "\uFFFF")),
    fc.boolean(),
  );
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const xmlOf = (rows: unknown[][]) =>
    rows
      .map(
        (r, i) =>
          `<row r="${i + 1}">${r
            .map((v, j) => {
              const ref = `${String.fromCharCode(65 + j)}${i + 1}`;
              if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
              if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
              return `<c r="${ref}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`;
            })
            .join("")}</row>`,
      )
      .join("");

  test("a sheet decoded in pieces (cut before rows) reads exactly as in one piece, and as written", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 40, max: 400 }),
        (rows, piece) => {
          const bytes = Buffer.from(`<worksheet xmlns="x"><sheetData>${xmlOf(rows)}</sheetData></worksheet>`);
          const ctx = { sharedStrings: [], dateStyles: [], date1904: false, maxCells: 1e6, tooMany: () => new Error("too many") };
          const whole = readSheetCells(bytes, ctx);
          const pieces = readSheetCells(bytes, ctx, piece);
          expect(pieces.rows).toEqual(whole.rows);
          expect(whole.rows.map((r) => [...(r ?? [])])).toEqual(rows.map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v)))); // "-0" is not written: `${-0}` is "0"
        },
      ),
      { numRuns: 60 },
    );
  });
});
