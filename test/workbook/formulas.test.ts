// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; that package pulls in an
// ES-module-only dependency (strip-bom 5) which jest's CommonJS runtime cannot load. Stand in for it.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

/**
 * Live formula cells (TableWrite.formulas) through every adapter: only the declared cells become
 * formulas, each cached with its result; every other value — text starting with "=" too — stays a value.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { formatIssue } from "../../src/engine";
import { createExcelJsPort } from "../../src/workbook/exceljs";
import { createMemoryPort } from "../../src/workbook/memory";
import { createOfficePort, officeValue } from "../../src/workbook/office";
import type { TableWrite, WriteOp } from "../../src/workbook/port";
import { FakeExcel, fakeBook } from "../helpers/excel-mock";
import { issues, value } from "../helpers/result";

/** A years row at B1 and a table at A4 whose "Peak" column holds formulas over the row's values. */
const YEARS: WriteOp = { kind: "table", sheet: "Live", topLeft: "B1", tableName: "LiveYears", header: ["2020", "2021", "2022"], rows: [[2020, 2021, 2022]] };
const TABLE: TableWrite = {
  sheet: "Live",
  topLeft: "A4",
  tableName: "Live",
  header: ["City", "2020", "2021", "2022", "Peak", "Note"],
  rows: [
    ["=1+1", 1, 3, 2, 2021, "=SUM(A1:A9)"],
    ["<img src=x onerror=alert(1)>", 1, 2, 3, null, "+cmd|' /C calc'!A0"],
    ["湘潭", 3, 2, 1, 2020, "-2"],
  ],
  formulas: [
    {
      column: "Peak",
      cells: [
        { formula: "=CARBON.PEAKYEAR($B5:$D5,$B$2:$D$2)" },
        { formula: "=CARBON.PEAKYEAR($B6:$D6,$B$2:$D$2)", error: "#N/A" },
        { formula: "=CARBON.PEAKYEAR($B7:$D7,$B$2:$D$2)" },
      ],
    },
  ],
};
const ops = (t: TableWrite = TABLE): WriteOp[] => [{ kind: "addSheet", sheet: "Live" }, YEARS, { kind: "table", ...t }];
const withoutFormulas: TableWrite = { ...TABLE, formulas: undefined };
/** The text cells of the table, row by row (City, Note). */
const TEXTS = ["=1+1", "=SUM(A1:A9)", "<img src=x onerror=alert(1)>", "+cmd|' /C calc'!A0", "湘潭", "-2"];

describe("Formula cells — the planner checks the declaration before anything is written", () => {
  test("an unknown column, a column twice, a wrong number of cells, text without '=', and an unknown error are each reported with their path", async () => {
    const port = createMemoryPort();
    const bad: TableWrite = {
      ...TABLE,
      formulas: [
        { column: "Nope", cells: [null, null, null] },
        { column: "Peak", cells: [{ formula: "CARBON.PEAKYEAR(B5:D5,B2:D2)" }, null, { formula: "=1", error: "#BAD" as never }] },
        { column: "Peak", cells: [null] },
      ],
    };
    const found = issues(await port.writeMany(ops(bad)));
    expect(found.map((i) => [i.code, i.path.join("/")])).toEqual([
      ["unknown_field", "ops/2/formulas/0/column"],
      ["formula_invalid", "ops/2/formulas/1/cells/0/formula"],
      ["invalid_choice", "ops/2/formulas/1/cells/2/error"],
      ["formula_column_twice", "ops/2/formulas/2/column"],
      ["formula_count", "ops/2/formulas/2/cells"],
    ]);
    expect(formatIssue(found[1])).toContain('starting with "="');
    expect(formatIssue(found[4], "zh")).toContain("公式");
    expect(port.memory.sheetList).toEqual([]);
  });
  test("a formula longer than Excel's 8,192 characters is refused", async () => {
    const long: TableWrite = { ...TABLE, formulas: [{ column: "Peak", cells: [{ formula: `=${"1+".repeat(4096)}1` }, null, null] }] };
    expect(issues(await createMemoryPort().writeMany(ops(long))).map((i) => i.code)).toEqual(["formula_invalid"]);
  });
});

describe("Formula cells — memory adapter records them", () => {
  test("formula text by cell, cached results in the cells (an error as its literal), text values untouched", async () => {
    const port = createMemoryPort();
    value(await port.writeMany(ops()));
    const s = port.memory.sheetList.find((x) => x.name === "Live")!;
    expect([...s.formulas!.entries()]).toEqual([
      ["5,5", { formula: "=CARBON.PEAKYEAR($B5:$D5,$B$2:$D$2)" }],
      ["6,5", { formula: "=CARBON.PEAKYEAR($B6:$D6,$B$2:$D$2)", error: "#N/A" }],
      ["7,5", { formula: "=CARBON.PEAKYEAR($B7:$D7,$B$2:$D$2)" }],
    ]);
    expect(s.cells.slice(4).map((r) => r[4])).toEqual([2021, "#N/A", 2020]);
    expect(s.cells.slice(4).flatMap((r) => [r[0], r[5]])).toEqual(TEXTS);
  });
  test("the same table written again without formulas (it replaces the first) leaves no formula behind", async () => {
    const port = createMemoryPort();
    value(await port.writeMany(ops()));
    value(await port.writeMany([{ kind: "table", ...withoutFormulas }]));
    expect(port.memory.sheetList.find((x) => x.name === "Live")!.formulas?.size ?? 0).toBe(0);
  });
});

describe("Formula cells — ExcelJS adapter writes { formula, result } (a real .xlsx read back)", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "carbon-peak-formulas-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("each declared cell has its formula (custom-function calls stored as Excel stores them, _xldudf_CARBON_…) and cached result; every other cell is a plain value", async () => {
    const wb = new ExcelJS.Workbook();
    value(await createExcelJsPort(wb).writeMany(ops()));
    const path = join(dir, "live.xlsx");
    await wb.xlsx.writeFile(path);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    const ws = back.getWorksheet("Live")!;
    expect([5, 6, 7].map((r) => [ws.getCell(r, 5).formula, ws.getCell(r, 5).result])).toEqual([
      ["_xldudf_CARBON_PEAKYEAR($B5:$D5,$B$2:$D$2)", 2021],
      ["_xldudf_CARBON_PEAKYEAR($B6:$D6,$B$2:$D$2)", { error: "#N/A" }],
      ["_xldudf_CARBON_PEAKYEAR($B7:$D7,$B$2:$D$2)", 2020],
    ]);
    const plain = [5, 6, 7].flatMap((r) => [ws.getCell(r, 1), ws.getCell(r, 6)]);
    expect(plain.map((c) => [c.type, c.value])).toEqual(TEXTS.map((t) => [ExcelJS.ValueType.String, t]));
    expect(ws.getCell("B2").value).toBe(2020);
    // Read through the port, a formula cell is its cached result, as Excel shows it without recalculating.
    const grid = value(await createExcelJsPort(back).readRange("Live", "A5:F7"));
    expect(grid.values.map((r) => r[4])).toEqual([2021, "#N/A", 2020]);
  });
  test("without formulas the file has no formula cell", async () => {
    const wb = new ExcelJS.Workbook();
    value(await createExcelJsPort(wb).writeMany(ops(withoutFormulas)));
    const ws = wb.getWorksheet("Live")!;
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas.push(c.address))));
    expect(formulas).toEqual([]);
  });
});

describe("Formula cells — Office adapter sets range.formulas in the write sync", () => {
  test("the declared cells get range.formulas in the write sync: the batch still costs 2 syncs, as without formulas", async () => {
    const plain = new FakeExcel(fakeBook({}));
    value(await createOfficePort({ run: plain.run }).writeMany(ops(withoutFormulas)));
    const excel = new FakeExcel(fakeBook({}));
    value(await createOfficePort({ run: excel.run }).writeMany(ops()));
    expect(plain.syncCount).toBe(2);
    expect(excel.syncCount).toBe(plain.syncCount);
    expect(excel.syncs[1].suspended).toBe(true);
    const s = excel.sheet("Live")!;
    expect([...s.formulas!.entries()]).toEqual([
      ["5,5", "=CARBON.PEAKYEAR($B5:$D5,$B$2:$D$2)"],
      ["6,5", "=CARBON.PEAKYEAR($B6:$D6,$B$2:$D$2)"],
      ["7,5", "=CARBON.PEAKYEAR($B7:$D7,$B$2:$D$2)"],
    ]);
    expect(excel.book.tables.map((t) => t.address)).toEqual(["Live!B1:D2", "Live!A4:F7"]);
  });
  test("text that Excel would parse as a formula is written with the quote prefix and stays text", async () => {
    const excel = new FakeExcel(fakeBook({}));
    value(await createOfficePort({ run: excel.run }).writeMany(ops()));
    const s = excel.sheet("Live")!;
    // The mock parses `values` as Excel does: no cell became a formula through `values`.
    expect(s.valueFormulas ?? new Map()).toEqual(new Map());
    expect(s.cells.slice(4).flatMap((r) => [r[0], r[5]])).toEqual(TEXTS);
    expect([officeValue("=1+1"), officeValue("'quoted"), officeValue("@x"), officeValue("a=b"), officeValue(-2), officeValue(null)]).toEqual([
      "'=1+1",
      "''quoted",
      "'@x",
      "a=b",
      -2,
      "",
    ]);
  });

  test("text Excel would turn into a number, date, time, boolean or error gets the quote prefix; other text and real numbers do not", () => {
    const escaped = ["2030", " 2030", "1/2", "3-4", "5%", "1e5", "10:30", ".5", "2020年", "TRUE", "false ", "#N/A", "-x", "+1"];
    expect(escaped.map(officeValue)).toEqual(escaped.map((t) => `'${t}`));
    const kept = ["长沙", "baseline", "Scenario 2030", "sha256:ab12", "true story", "A1", "", "株洲 2011"];
    expect(kept.map(officeValue)).toEqual(kept);
    expect([officeValue(2030), officeValue(true), officeValue(0)]).toEqual([2030, true, 0]);
  });
});
