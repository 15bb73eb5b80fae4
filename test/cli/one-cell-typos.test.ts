/**
 * A one-cell typo in the 长株潭 sample (samples/changzhutan.xlsx, edited with ExcelJS) must not change the result
 * silently: `carbon-peak check` names the cell (docs/model.md §2–§3), and the sample itself still checks clean.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { cli, ensureBuilt, ROOT, tempDir } from "./helpers";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

beforeAll(ensureBuilt);

/** samples/changzhutan.xlsx with `edit` applied, written to a temp file. */
async function sample(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, "samples", "changzhutan.xlsx"));
  edit(wb);
  const file = join(tempDir(), "typo.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

type Said = { cell: string | null; code: string; message: string };
function check(file: string, lang = "en"): { code: number; problems: Said[]; warnings: Said[] } {
  const r = cli("check", file, "--json", "--lang", lang);
  const j = JSON.parse(r.out) as { problems?: Said[]; warnings?: Said[] };
  return { code: r.code, problems: j.problems ?? [], warnings: j.warnings ?? [] };
}
const set = (sheet: string, cell: string, v: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(sheet)!.getCell(cell).value = v;
};

describe("the sample as shipped", () => {
  test("checks with no problems", async () => {
    const r = check(await sample(() => undefined));
    expect([r.code, r.problems]).toEqual([0, []]);
  });
});

describe("a Levers scenario typo", () => {
  test("independent → indepndent is one problem at Levers!A3 naming the scenario meant", async () => {
    const r = check(await sample(set("Levers", "A3", "indepndent")));
    expect(r.code).toBe(1);
    expect(r.problems.map((p) => [p.cell, p.code])).toEqual([["Levers!A3", "scenario_typo"]]);
    expect(r.problems[0].message).toContain('scenario "indepndent" is not in Settings (baseline, independent, coordinated): did you mean independent?');
  });
  test("a new scenario far from every name still runs: check says no problems", async () => {
    const r = check(await sample(set("Levers", "A3", "city transit only")));
    expect([r.code, r.problems]).toEqual([0, []]);
  });
});

describe("an Inventory name typo", () => {
  test("湘潭 → 湘潭市 on one row is a problem at Inventory!A18 naming 湘潭, before what follows from it", async () => {
    const r = check(await sample(set("Inventory", "A18", "湘潭市")));
    expect(r.code).toBe(1);
    expect(r.problems[0]).toMatchObject({ cell: "Inventory!A18", code: "inventory_name_typo" });
    expect(r.problems[0].message).toContain("湘潭市 has 1 of the 8 sectors of the inventory and no value where 湘潭 has one (湘潭 has 7): did you mean 湘潭?");
  });
  test("power_heat → power on one row is a problem at Inventory!B2, in both languages", async () => {
    const file = await sample(set("Inventory", "B2", "power"));
    const en = check(file);
    expect(en.problems.map((p) => [p.cell, p.code])).toEqual([["Inventory!B2", "inventory_name_typo"]]);
    expect(en.problems[0].message).toContain(
      'sector "power" is given for 1 of the 3 cities and never where power_heat is (power_heat: 2 cities): did you mean power_heat?',
    );
    expect(check(file, "zh").problems[0].message).toContain('部门 "power" 只出现在 3 个城市中的 1 个，且从不与 power_heat 同时出现');
  });
  test("a sector row removed from the sample runs, with one warning that counts pairs and values apart", async () => {
    const r = check(await sample((wb) => wb.getWorksheet("Inventory")!.spliceRows(3, 1)));
    expect([r.code, r.problems]).toEqual([0, []]);
    expect(r.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining(
        "1 city × sector pair has no inventory row in years its city has (5 values in all) and counts as 0 there (e.g. 长沙 / heavy_industry 2015)",
      ),
    );
  });
});

describe("an impossible last historical year or base year", () => {
  test("Settings!B17 = 2022 (the inventory ends in 2019) is one problem at B17 naming 2019, not one per driver and lever row", async () => {
    const r = check(await sample(set("Settings", "B17", 2022)));
    expect(r.code).toBe(1);
    expect(r.problems.map((p) => [p.cell, p.code])).toEqual([["Settings!B17", "history_year_unmeasured"]]);
    expect(r.problems[0].message).toContain("the last historical year 2022 is after the inventory's last year, 2019");
  });
  test("a blanked 2019 column (every city would be filled) is one problem at B17, not 'no problems'", async () => {
    const r = check(
      await sample((wb) => {
        const ws = wb.getWorksheet("Inventory")!;
        for (let row = 2; row <= 25; row++) ws.getCell(row, 8).value = null;
      }),
    );
    expect(r.problems.map((p) => [p.cell, p.code])).toEqual([["Settings!B17", "history_year_unmeasured"]]);
    expect(r.problems[0].message).toContain("the last historical year 2019 is after the inventory's last year, 2018");
  });
  test("the names the other sheets use are still checked against the inventory read", async () => {
    const r = check(await sample(set("Settings", "B2", "Inventory!A1:D13")));
    expect(r.problems[0]).toMatchObject({ cell: "Settings!B17", code: "history_year_unmeasured" });
    expect(r.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('Activities!B6: "湘潭" is not a city of the inventory (长沙, 株洲)'));
  });
  test("a base year after the end year is the one problem, and nothing suggests carrying values forward", async () => {
    const r = check(await sample(set("Settings", "B3", 2070)));
    expect(r.problems.map((p) => [p.cell, p.code])).toEqual([["Settings!B4", "year_order"]]);
    expect(r.problems.map((p) => p.message).join("\n")).not.toContain("carry forward");
  });
  test("a base year after the inventory's last year is one problem at the base year's cell", async () => {
    const r = check(await sample(set("Settings", "B3", 2050)));
    expect(r.problems[0]).toMatchObject({ cell: "Settings!B3", code: "history_year_unmeasured" });
    expect(r.problems.map((p) => p.message).join("\n")).not.toMatch(/carry forward|in the measured years/);
  });
});

describe("an Inventory row in another unit", () => {
  test("Mt → kt on Inventory!C2 is a warning at C2 saying how it was converted; the run still checks", async () => {
    const r = check(await sample(set("Inventory", "C2", "kt")));
    expect([r.code, r.problems]).toEqual([0, []]);
    expect(r.warnings.filter((w) => w.code === "inventory_unit_odd_row").map((w) => [w.cell, w.message])).toEqual([
      [
        "Inventory!C2",
        "Inventory!C2: this row is in kt where 23 of the 24 rows of Inventory are in Mt: its values are converted (1 kt = 0.001 Mt) — check that kt is meant",
      ],
    ]);
  });
});
