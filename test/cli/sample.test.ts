/**
 * The committed sample (samples/changzhutan.xlsx) equals what its generator (src/cli/sample.ts, `npm run
 * sample`) produces, cell for cell (not bytes: .xlsx zips carry timestamps); and `carbon-peak template`.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { buildSampleWorkbook, CEADS_SHEET } from "../../src/cli/sample";
import { ROOT, cli, ensureBuilt, tempDir, workbookValues } from "./helpers";
import { value } from "../helpers/result";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

beforeAll(ensureBuilt);

describe("invariants", () => {
  test("the committed sample has exactly the generator's cells in every sheet", async () => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(join(ROOT, "samples", "changzhutan.xlsx"));
    const generated = value(await buildSampleWorkbook());
    // Round-trip the generated workbook through a buffer so both are read the same way.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await generated.xlsx.writeBuffer());
    expect(workbookValues(committed)).toEqual(workbookValues(again));
    expect(committed.worksheets.map((w) => w.name)).toEqual(again.worksheets.map((w) => w.name));
  });
});

describe("reference values", () => {
  test("the sample cites CEADs in its Notes sheet and carries the CEADs city totals (data/ceads-changzhutan-city-totals.csv)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, "samples", "changzhutan.xlsx"));
    const notes = workbookValues(wb).Notes.flat().join("\n");
    expect(notes).toMatch(/Science Bulletin, 67\(18\), 1910–1920/);
    expect(notes).toMatch(/Scientific Data, 7, 54/);
    // 株洲 2011, 25.58761584719394 Mt (CSV row) sits under the 2011 column.
    const ws = wb.getWorksheet(CEADS_SHEET)!;
    const years = (ws.getRow(2).values as unknown[]).slice(1);
    const row = [3, 4, 5].find((r) => ws.getCell(r, 1).value === "湖南株洲")!;
    expect(ws.getCell(row, years.indexOf(2011) + 1).value).toBe(25.58761584719394);
    expect(readFileSync(join(ROOT, "data", "ceads-changzhutan-city-totals.csv"), "utf8")).toMatch(/25\.58761584719394/);
  });
});

describe("argument validation", () => {
  test("template writes a workbook, refuses to overwrite it without --force, and rejects an unknown example", () => {
    const file = join(tempDir(), "t.xlsx");
    expect(cli("template", file).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(cli("template", file).code).toBe(2);
    expect(cli("template", file, "--force", "--example", "changzhutan", "--lang", "zh").code).toBe(0);
    expect(cli("template", join(tempDir(), "x.xlsx"), "--example", "beijing").code).toBe(2);
  });

  test("the example template runs as written (check exit 0); the empty one reports what is missing (exit 1)", () => {
    const dir = tempDir();
    expect(cli("template", join(dir, "ex.xlsx"), "--example", "changzhutan").code).toBe(0);
    expect(cli("check", join(dir, "ex.xlsx")).code).toBe(0);
    expect(cli("template", join(dir, "empty.xlsx")).code).toBe(0);
    const r = cli("check", join(dir, "empty.xlsx"), "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems.map((p: { code: string }) => p.code)).toContain("inventory_not_found");
  });
});
