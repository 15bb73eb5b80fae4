/**
 * `carbon-peak check` on workbooks with each class of bad input, made by the test as real .xlsx files
 * from the 长株潭 template (src/app/template.ts): every problem listed with Sheet!Cell, exit 1.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { createScenarioSheets } from "../../src/app";
import { createExcelJsPort } from "../../src/workbook/exceljs";
import { cli, ensureBuilt, tempDir } from "./helpers";
import { value } from "../helpers/result";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

beforeAll(ensureBuilt);

/** The 长株潭 example workbook, changed by `edit`, written to a temp file. */
async function example(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  value(await createScenarioSheets(createExcelJsPort(wb), { example: "changzhutan" }));
  edit(wb);
  const file = join(tempDir(), "scenario.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

type Problem = { cell: string | null; code: string; message: string };
function check(file: string): { code: number; problems: Problem[] } {
  const r = cli("check", file, "--json");
  return { code: r.code, problems: (JSON.parse(r.out) as { problems: Problem[] }).problems };
}

describe("argument validation", () => {
  test("a clean workbook exits 0 with no problems", async () => {
    const file = await example(() => undefined);
    const r = check(file);
    expect(r).toEqual({ code: 0, problems: [] });
    // The text form says what it read: the inventory's range and the scenario sheets.
    expect(cli("check", file).err).toMatch(
      /no problems \(inventory and scenario sheets: Inventory!A1:H25, Settings, Drivers, Levers, Activities, Socioeconomic, Targets\)\n$/,
    );
  });

  test("a missing file or argument is a usage error (exit 2)", () => {
    expect(cli("check").code).toBe(2);
    expect(cli("check", join(tempDir(), "nope.xlsx")).code).toBe(2);
  });
});

describe("edge cases", () => {
  test.each<[string, (wb: ExcelJS.Workbook) => void, [string, string | null][]]>([
    ["text in a number cell", (wb) => void (wb.getWorksheet("Inventory")!.getCell("D3").value = "abc"), [["not_a_number", "Inventory!D3"]]],
    [
      "a duplicate year column",
      (wb) => {
        const ws = wb.getWorksheet("Inventory")!;
        ws.getCell("E1").value = "2015";
        ws.getCell("E2").value = 1;
      },
      [["inventory_year_duplicate", "Inventory!E1"]],
    ],
    ["an unknown sector", (wb) => void (wb.getWorksheet("Levers")!.getCell("D2").value = "steel"), [["unknown_sector", "Levers!D2"]]],
    [
      "a missing unit",
      (wb) => {
        const ws = wb.getWorksheet("Inventory")!;
        for (let r = 1; r <= 25; r++) ws.getCell(r, 3).value = null; // the Unit column emptied, header too
        const settings = wb.getWorksheet("Settings")!;
        settings.eachRow((row) => void (String(row.getCell(1).value).startsWith("Units") && (row.getCell(2).value = null))); // and no unit in Settings
      },
      [["inventory_unit_missing", "Inventory!A1"]],
    ],
    [
      "an empty inventory sheet",
      (wb) => {
        wb.removeWorksheet(wb.getWorksheet("Inventory")!.id);
        wb.addWorksheet("Inventory");
      },
      [["inventory_empty", null]],
    ],
    [
      "a sheet in no known layout",
      (wb) => {
        wb.removeWorksheet(wb.getWorksheet("Inventory")!.id);
        wb.addWorksheet("Inventory").addRows([
          ["Remarks", "Colour"],
          ["see the report", "blue"],
        ]);
      },
      [["inventory_layout_unknown", null]],
    ],
  ])("%s is listed with its address and exits 1", async (_name, edit, expected) => {
    const r = check(await example(edit));
    expect(r.code).toBe(1);
    for (const [code, cell] of expected) expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code, ...(cell ? { cell } : {}) })]));
  });

  test("several bad inputs at once are all listed, in plain text one per line with the cell first", async () => {
    const file = await example((wb) => {
      wb.getWorksheet("Inventory")!.getCell("D3").value = "abc";
      wb.getWorksheet("Levers")!.getCell("F2").value = 1.5;
      wb.getWorksheet("Levers")!.getCell("E3").value = "teleport";
      wb.getWorksheet("Drivers")!.getCell("F2").value = "fast";
    });
    const r = cli("check", file);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n");
    expect(lines.map((l) => l.split(":")[0])).toEqual(expect.arrayContaining(["Inventory!D3", "Levers!F2", "Levers!E3", "Drivers!F2"]));
    expect(r.err).toMatch(/4 problems/);
  });

  test("a workbook with only an inventory is checked as an inventory", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRows([
      ["City", "Year", "Emissions (Mt)"],
      ["长沙", 2019, 32.45],
      ["长沙", 2019, 30],
      ["株洲", 2019, "x"],
    ]);
    const file = join(tempDir(), "inv.xlsx");
    await wb.xlsx.writeFile(file);
    const r = cli("check", file, "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { checked: string; problems: Problem[] };
    expect(out.checked).toBe("inventory");
    expect(out.problems.map((p) => p.cell)).toEqual(expect.arrayContaining(["Data!C3", "Data!C4"]));
  });
});
