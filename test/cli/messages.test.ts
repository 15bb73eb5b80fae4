/**
 * A corpus of every message a file, a workbook or an argument can get from the CLI (in one process:
 * `main()` with a captured output, so the corpus is fast on a loaded machine), each checked word for
 * word or by its shape — and all of them for what no message may hold: an internal field path
 * (`reads, position 5`, `reads[5].address`, `ops[2].sheet`, an engine argument like `v0`), a stack
 * trace, `undefined`, `NaN` or `[object Object]`. Messages of the custom functions at the edges are in
 * test/functions/edges.test.ts. Workbooks: the committed sample (CEADs data — data/README.md) and
 * hand-built packages.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { main, MAX_LISTED } from "../../src/cli/main";
import { oleFile, rawXlsx } from "../helpers/raw-xlsx";
import { ROOT, tempDir } from "./helpers";
import { SLOW_PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start processes (or many CLI runs): a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(SLOW_PROCESS_TEST_MS);

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");
/** CEADs city inventories as published (data/README.md), one sheet per layout. */
const CEADS_CITY = join(ROOT, "test", "fixtures", "ceads", "city.xlsx");

/** Runs the CLI in this process; returns exit code and the lines written to stdout and stderr. */
async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(...t.replace(/\n$/, "").split("\n")), err: (t) => err.push(...t.replace(/\n$/, "").split("\n")) });
  return { code, out, err };
}

/**
 * What no message may contain: internal paths and engine names — `reads, position 5`, `ops[2].sheet`, `v0`,
 * a record path for a place (`settings.lastHistoricalYear:`, `inventory:`, `drivers, position 3:`), an
 * engine field name (`baseYear`, `is before from`), an empty list (`(checked: )`) — a stack trace,
 * `undefined`, `NaN` or `[object Object]`.
 */
const FORBIDDEN = [
  /\breads\b/,
  /\bops\b/,
  /\[\d+\]\./,
  /\bv[01]\b/,
  /\n\s+at /,
  /\bundefined\b/,
  /\bNaN\b/,
  /\[object /,
  /\$\{/,
  /(^|: )(settings|inventory|drivers|levers|activities|socioeconomic|targets|sheets)(\.\w+|, position \d+|\[\d+\]| 第 \d+ 个)*: /,
  /\b(baseYear|endYear|targetYear|startYear|fullYear|lastHistoricalYear|referenceYear|cumulativeFrom|confirmYears|smoothYears|endRate)\b/,
  /is before from\b|早于 ?from\b/,
  /\((checked|已检查)[:：] ?\)|（已检查：）/,
];
const clean = (lines: readonly string[]) => lines.filter((l) => FORBIDDEN.some((re) => re.test(l)));

const dir = tempDir();
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  copyFileSync(SAMPLE, file("book.xlsx"));
  writeFileSync(file("inventory.csv"), "City,Year,Emissions\n长沙,2019,32.45\n");
  writeFileSync(file("locked.xlsx"), oleFile(["EncryptionInfo", "EncryptedPackage"]));
  writeFileSync(file("old.xls"), oleFile(["Workbook"]));
  const sample = readFileSync(SAMPLE);
  writeFileSync(file("cut.xlsx"), sample.subarray(0, sample.length - 100));
  mkdirSync(file("folder.xlsx"));
  symlinkSync(file("book.xlsx"), file("link.xlsx"));
  writeFileSync(file("notes.txt"), "mine\n");
  // An inventory whose 2020 value for 长沙 is a formula openpyxl-style: no computed value in the file.
  writeFileSync(
    file("uncached.xlsx"),
    await rawXlsx({
      sheets: [
        {
          name: "Inventory",
          data: `<row r="1"><c r="A1" t="inlineStr"><is><t>City</t></is></c><c r="B1"><v>2018</v></c><c r="C1"><v>2019</v></c><c r="D1"><v>2020</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>长沙</t></is></c><c r="B2"><v>30</v></c><c r="C2"><v>31</v></c><c r="D2"><f>10+10</f></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>株洲</t></is></c><c r="B3"><v>20</v></c><c r="C3"><v>21</v></c><c r="D3"><v>19</v></c></row>`,
        },
      ],
    }),
  );
  // A stray cell far from the data: a used range of 17 billion cells.
  writeFileSync(
    file("stray.xlsx"),
    await rawXlsx({ sheets: [{ name: "Inventory", data: `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>` }] }),
  );
  writeFileSync(
    file("strict.xlsx"),
    await rawXlsx({
      mainNs: "http://purl.oclc.org/ooxml/spreadsheetml/main",
      sheets: [
        {
          name: "Inventory",
          data: `<row r="1"><c r="A1" t="inlineStr"><is><t>City</t></is></c><c r="B1"><v>2019</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>长沙</t></is></c><c r="B2"><v>30</v></c></row>`,
        },
      ],
    }),
  );
  // 150,000 text cells where emissions belong.
  const flood = new ExcelJS.Workbook();
  const ws = flood.addWorksheet("Inventory");
  ws.addRow(["City", "Year", "Emissions"]);
  for (let i = 0; i < 150_000; i++) ws.addRow([`C${i % 300}`, 1990 + (i % 30), "x"]);
  await flood.xlsx.writeFile(file("flood.xlsx"));
  // The sample with a base-year value too large for the model once converted to tonnes.
  const huge = new ExcelJS.Workbook();
  await huge.xlsx.readFile(SAMPLE);
  huge.getWorksheet("Inventory")!.getCell("D2").value = 1e308;
  await huge.xlsx.writeFile(file("huge.xlsx"));
  // The sample with its Settings' end year as a formula saved without a computed value.
  const settings = new ExcelJS.Workbook();
  await settings.xlsx.readFile(SAMPLE);
  const ws2 = settings.getWorksheet("Settings")!;
  let endRow = 0;
  ws2.eachRow((row, r) => {
    if (String(row.getCell(1).value).startsWith("End year")) endRow = r;
  });
  ws2.getCell(endRow, 2).value = { formula: "2055+5" } as ExcelJS.CellFormulaValue;
  await settings.xlsx.writeFile(file("uncached-settings.xlsx"));
  // The sample with a required Drivers rate (F3) as a formula saved without a computed value.
  const drivers = new ExcelJS.Workbook();
  await drivers.xlsx.readFile(SAMPLE);
  drivers.getWorksheet("Drivers")!.getCell("F3").value = { formula: "0.019" } as ExcelJS.CellFormulaValue;
  await drivers.xlsx.writeFile(file("uncached-rate.xlsx"));
  // Years out of order: Settings' end year before the base year; a Drivers row's To before its From; a lever's full-effect year before its start.
  const order = async (name: string, edit: (wb: ExcelJS.Workbook) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    edit(wb);
    await wb.xlsx.writeFile(file(name));
  };
  await order("end-before-base.xlsx", (wb) => (wb.getWorksheet("Settings")!.getCell(endRow, 2).value = 2010));
  await order("to-before-from.xlsx", (wb) => {
    wb.getWorksheet("Drivers")!.getCell("D3").value = 2025;
    wb.getWorksheet("Drivers")!.getCell("E3").value = 2020;
  });
  await order("full-before-start.xlsx", (wb) => (wb.getWorksheet("Levers")!.getCell("H2").value = 2018));
  // An empty template (no inventory sheet), and one made from a CEADs city inventory with `template --inventory`
  // (no drivers; 2016–2019 after the default last historical year, 2015).
  expect((await run("template", file("empty-template.xlsx"))).code).toBe(0);
  const made = await run("template", file("tc.xlsx"), "--inventory", CEADS_CITY, "--cities", "湖南长沙,湖南株洲,湖南湘潭", "--cluster", "长株潭");
  expect(made.code).toBe(0);
}, SLOW_PROCESS_TEST_MS);

type Case = readonly [string, readonly string[], number, RegExp | string];
const cases = (): Case[] => [
  ["a missing file", ["check", file("missing.xlsx")], 2, /^carbon-peak: file ".*missing\.xlsx" does not exist$/],
  ["a folder", ["check", file("folder.xlsx")], 1, /^carbon-peak: ".*folder\.xlsx" is a folder, not an \.xlsx workbook$/],
  [
    "a .csv",
    ["peaks", file("inventory.csv")],
    1,
    /^carbon-peak: ".*inventory\.csv" is not an \.xlsx workbook \(a \.csv or \.txt file\? open it in Excel and save it as Excel Workbook \(\.xlsx\)\)$/,
  ],
  ["a password-protected workbook", ["run", file("locked.xlsx")], 1, /^carbon-peak: ".*locked\.xlsx" is password-protected: save a copy without a password/],
  ["an Excel 97–2003 file", ["check", file("old.xls")], 1, /is an Excel 97–2003 \(\.xls\) or other old Office file, not an \.xlsx workbook/],
  [
    "a damaged workbook",
    ["check", file("cut.xlsx")],
    1,
    /^carbon-peak: ".*cut\.xlsx" is damaged and cannot be read as an \.xlsx workbook \(.+\); nothing was written$/,
  ],
  [
    "a formula with no computed value",
    ["peaks", file("uncached.xlsx")],
    1,
    "Inventory!D2: is a formula (=10+10) with no computed value: open and save the workbook in Excel, or type the value",
  ],
  [
    "a scenario cell with a formula and no computed value",
    ["check", file("uncached-settings.xlsx")],
    1,
    /^Settings!B\d+: is a formula \(=2055\+5\) with no computed value: open and save the workbook in Excel, or type the value$/,
  ],
  [
    "a stray cell at XFD1048576",
    ["peaks", file("stray.xlsx")],
    1,
    /^Inventory!A1:XFD1048576 is 17179869184 cells, more than the \d+ one read takes: give the inventory's range/,
  ],
  ["--sheet naming no sheet", ["check", file("book.xlsx"), "--sheet", "Nope"], 1, /^sheet "Nope" does not exist$/],
  [
    "--range that is no address",
    ["peaks", file("book.xlsx"), "--sheet", "Inventory", "--range", "ZZZZ1"],
    1,
    /"Inventory!ZZZZ1" is not a cell or range address/,
  ],
  ["--draws -1", ["run", file("book.xlsx"), "--draws", "-1"], 2, 'carbon-peak: --draws must be a whole number from 1 to 100000, not "-1"; see --help'],
  [
    "--seed -3",
    ["run", file("book.xlsx"), "--draws", "5", "--seed", "-3"],
    2,
    'carbon-peak: --seed must be a whole number from 0 to 9007199254740991, not "-3"; see --help',
  ],
  ["--draws abc", ["run", file("book.xlsx"), "--draws", "abc"], 2, 'carbon-peak: --draws must be a whole number from 1 to 100000, not "abc"; see --help'],
  [
    "--tolerance -0.5 (once, as typed)",
    ["peaks", file("book.xlsx"), "--tolerance", "-0.5"],
    2,
    "carbon-peak: --tolerance: -0.5 is out of range: expected 0 ≤ tolerance < 1 (e.g. 0.02 for 2%)",
  ],
  [
    "--smooth 101",
    ["peaks", file("book.xlsx"), "--smooth", "101"],
    2,
    "carbon-peak: --smooth: 101 is out of range: expected an odd whole number of years from 1 to 99 (1, 3, 5 … 99; 1 = no smoothing)",
  ],
  [
    "-o a symlink to the input",
    ["run", file("book.xlsx"), "-o", file("link.xlsx")],
    2,
    /^carbon-peak: -o ".*link\.xlsx" is the input file \(a link to it\); add --in-place to write into it; see --help$/,
  ],
  [
    "-o a file that is not a results copy",
    ["run", file("book.xlsx"), "-o", file("notes.txt")],
    2,
    /^carbon-peak: ".*notes\.txt" exists and is not a results copy this tool wrote; add --force to replace it \(or -o another file\); see --help$/,
  ],
  [
    "an inventory value that overflows in tonnes",
    ["run", file("huge.xlsx"), "-o", file("huge-out.xlsx"), "--quiet"],
    1,
    /^carbon-peak: scenario "baseline": the emissions of 长沙, power_heat pass the largest number a spreadsheet holds \(about 1\.8E\+308\) by 2015: check the inventory's values and their unit$/,
  ],
  [
    "a setting's warning without a cell of its own: at its Settings row",
    ["run", file("tc.xlsx"), "-o", file("tc-out.xlsx"), "--quiet", "--force"],
    0,
    /^carbon-peak: warning: Settings!B\d+: last historical year 2015 \(the latest year every city has/,
  ],
  [
    "an inventory warning: at the inventory, in words",
    ["run", file("tc.xlsx"), "-o", file("tc-out.xlsx"), "--quiet", "--force"],
    0,
    "carbon-peak: warning: Inventory: 湖南长沙 has measured values in 2016–2019, after the last historical year 2015; they are not used (the results there are projected)",
  ],
  [
    "a Drivers warning: at the Drivers sheet, in words",
    ["run", file("tc.xlsx"), "-o", file("tc-out.xlsx"), "--quiet", "--force"],
    0,
    "carbon-peak: warning: Drivers: no emissions growth rate covers 2016–2060 for 3 series; they stay flat (rate 0) in those years",
  ],
  [
    "a workbook with no inventory sheet: no empty list of sheets checked",
    ["check", file("empty-template.xlsx")],
    1,
    "no emissions inventory: the workbook has no sheet besides the scenario sheets",
  ],
  ["an end year before the base year", ["check", file("end-before-base.xlsx")], 1, /^Settings!B\d+: 2010 is before the base year \(2015\)$/],
  ["a Drivers row whose To is before its From", ["check", file("to-before-from.xlsx")], 1, "Drivers!E3: 2020 is before the From year (2025)"],
  ["a lever whose full-effect year is before its start", ["check", file("full-before-start.xlsx")], 1, "Levers!H2: 2018 is before the start year (2020)"],
  [
    "several inventory sheets: which one is used, without a place",
    ["peaks", CEADS_CITY],
    0,
    "carbon-peak: warning: several sheets look like inventories; using emission vector (also: emission matrix)",
  ],
  ["a Strict Open XML workbook written", ["run", file("strict.xlsx"), "-o", file("strict-out.xlsx"), "--quiet"], 1, /Strict Open XML/],
];

describe("reference: the corpus, message by message", () => {
  test.each(cases().map((c) => [c[0], c] as const))("%s", async (_name, [, argv, code, expected]) => {
    const r = await run(...argv);
    const lines = [...r.out, ...r.err].filter((l) => l !== "");
    expect(r.code).toBe(code);
    if (typeof expected === "string") expect(lines).toContain(expected);
    else expect(lines.some((l) => expected.test(l))).toBe(true);
    expect(clean(lines)).toEqual([]);
  });

  test(
    "150,000 bad cells: the first 100 named, then how many more; never a stack overflow",
    async () => {
      const r = await run("check", file("flood.xlsx"));
      expect(r.code).toBe(1);
      expect(r.out).toHaveLength(MAX_LISTED + 1);
      expect(r.out[0]).toBe('Inventory!C2: "x" is not a number');
      expect(r.out[MAX_LISTED]).toBe("… and 149900 more problems (--json lists every one)");
      expect(r.err).toEqual([`carbon-peak: ${file("flood.xlsx")}: 150000 problems`]);
      expect(clean([...r.out, ...r.err])).toEqual([]);
    },
    SLOW_PROCESS_TEST_MS,
  );

  test("a required cell holding a formula with no computed value is one problem, the formula's — not also 'required but blank'", async () => {
    for (const lang of ["en", "zh"]) {
      const r = await run("check", file("uncached-rate.xlsx"), "--lang", lang);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([
        lang === "en"
          ? "Drivers!F3: is a formula (=0.019) with no computed value: open and save the workbook in Excel, or type the value"
          : "Drivers!F3: 是没有计算结果的公式（=0.019）：请在 Excel 中打开并保存该工作簿，或直接输入数值",
      ]);
    }
  });

  test("run lists each warning once (compiling and running the model both report its warnings), in both languages", async () => {
    const tc = file("tc.xlsx");
    for (const lang of ["en", "zh"]) {
      const r = await run("run", tc, "-o", file(`tc-out-${lang}.xlsx`), "--quiet", "--force", "--lang", lang);
      expect(r.code).toBe(0);
      const warnings = r.err.filter((l) => l.startsWith(lang === "en" ? "carbon-peak: warning: " : "carbon-peak：警告："));
      expect(warnings.length).toBeGreaterThanOrEqual(4); // last historical year, 长沙's and 湘潭's unused years, flat drivers
      expect(warnings.filter((l) => /湖南长沙/.test(l))).toHaveLength(1);
      expect(new Set(warnings).size).toBe(warnings.length);
    }
  });

  test("in Chinese too: places in words, years by name", async () => {
    const tc = await run("run", file("tc.xlsx"), "-o", file("tc-out.xlsx"), "--quiet", "--force", "--lang", "zh");
    expect(tc.err).toContain("carbon-peak：警告：排放清单: 湖南长沙 在 2016–2019 年有实测值，晚于最后历史年 2015，未被使用（这些年份的结果为预测值）");
    expect(tc.err.some((l) => /^carbon-peak：警告：Settings!B\d+: 最后历史年 2015/.test(l))).toBe(true);
    expect((await run("check", file("end-before-base.xlsx"), "--lang", "zh")).out.some((l) => /^Settings!B\d+: 2010 早于基准年（2015）$/.test(l))).toBe(true);
    expect((await run("check", file("to-before-from.xlsx"), "--lang", "zh")).out).toContain("Drivers!E3: 2020 早于起始年（2025）");
    expect((await run("check", file("empty-template.xlsx"), "--lang", "zh")).out).toContain("没有排放清单：工作簿中除情景工作表外没有其他工作表");
    expect((await run("peaks", CEADS_CITY, "--lang", "zh")).err).toContain(
      "carbon-peak：警告：多个工作表像是排放清单；使用 emission vector（另有：emission matrix）",
    );
  });

  test("in Chinese too: the file messages and a formula with no computed value", async () => {
    expect((await run("check", file("locked.xlsx"), "--lang", "zh")).err[0]).toMatch(/受密码保护：请另存一份不带密码的副本/);
    expect((await run("check", file("inventory.csv"), "--lang", "zh")).err[0]).toMatch(/不是 \.xlsx 工作簿/);
    expect((await run("peaks", file("uncached.xlsx"), "--lang", "zh")).err).toContain(
      "Inventory!D2: 是没有计算结果的公式（=10+10）：请在 Excel 中打开并保存该工作簿，或直接输入数值",
    );
  });
});

describe("invariants", () => {
  test(
    "no message of the corpus holds an internal field path, a stack trace or an undefined value (both languages)",
    async () => {
      const bad: string[] = [];
      for (const [, argv] of cases()) {
        for (const lang of ["en", "zh"]) {
          const r = await run(...argv, "--lang", lang);
          bad.push(...clean([...r.out, ...r.err]).map((l) => `${argv.join(" ")} --lang ${lang}: ${l}`));
        }
      }
      expect(bad).toEqual([]);
    },
    SLOW_PROCESS_TEST_MS,
  );
});
