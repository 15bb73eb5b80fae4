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
