/**
 * `carbon-peak run --formulas` on the committed 长株潭 sample (samples/changzhutan.xlsx, CEADs data —
 * citation in data/README.md): the output file, read back with ExcelJS, has the Peaks (live) sheet whose
 * peak year and status cells are CARBON.* formulas with cached results equal to what the formulas mean
 * (evaluated with the functions' cores) and to the peaks the command printed; every other output sheet
 * is the same as without the flag; a later run without the flag removes the live sheet.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { parseAddress } from "../../src/engine";
import { peakStatusCore, peakYearCore } from "../../src/functions/peak-core";
import { LIVE_HEADERS, TABLE_ROW } from "../../src/app/live-peaks";
import { ROOT, cli, ensureBuilt, readXlsx, tempDir, workbookValues } from "./helpers";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");

beforeAll(ensureBuilt);

/** The cached values of a formula argument's range ("$D5:$AR5"), as a 1-row grid. */
function rangeValues(ws: ExcelJS.Worksheet, ref: string): unknown[][] {
  const p = parseAddress(ref.replace(/\$/g, ""))!;
  const out: unknown[][] = [];
  for (let r = p.row; r <= p.lastRow; r++) {
    const row: unknown[] = [];
    for (let c = p.col; c <= p.lastCol; c++) row.push(ws.getCell(r, c).value);
    out.push(row);
  }
  return out;
}

describe("carbon-peak run --formulas", () => {
  test("--help names the flag and the Peaks (live) sheet", () => {
    const r = cli("run", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--formulas/);
    expect(r.out).toMatch(/Peaks \(live\)/);
  });

  test("writes Peaks (live) with CARBON.PEAKYEAR / PEAKSTATUS formulas whose cached results are what they compute, and the printed peaks", async () => {
    const out = join(tempDir(), "live.xlsx");
    const r = cli("run", SAMPLE, "-o", out, "--formulas", "--json", "--quiet");
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out) as { outputs: string[]; peaks: { scenario: string; region: string; peakYear: number | null; status: string }[] };
    expect(printed.outputs).toContain("Peaks (live)");
    const ws = (await readXlsx(out)).getWorksheet("Peaks (live)")!;
    const header = (ws.getRow(TABLE_ROW).values as unknown[]).slice(1);
    const cols = { year: header.indexOf(LIVE_HEADERS.peakYear) + 1, status: header.indexOf(LIVE_HEADERS.status) + 1 };
    expect(cols.year).toBeGreaterThan(0);
    let rows = 0;
    for (let row = TABLE_ROW + 1; ws.getCell(row, 1).value !== null; row++, rows++) {
      const peak = printed.peaks.find((p) => p.scenario === ws.getCell(row, 1).value && p.region === ws.getCell(row, 2).value)!;
      for (const [col, core, expected] of [
        [cols.year, peakYearCore, peak.peakYear ?? { error: "#N/A" }],
        [cols.status, peakStatusCore, peak.status],
      ] as const) {
        const c = ws.getCell(row, col);
        expect(c.type).toBe(ExcelJS.ValueType.Formula);
        // In the file, custom-function calls are stored as Excel stores them: _xldudf_CARBON_PEAKYEAR(…).
        const m = /^_xldudf_CARBON_PEAK(?:YEAR|STATUS)\((\$D\d+:\$[A-Z]+\d+),(\$D\$2:\$[A-Z]+\$2),([^,]+),([^,]+),([^,]+)\)$/.exec(c.formula)!;
        expect(m).not.toBeNull();
        expect(m[1]).toMatch(new RegExp(`^\\$D${row}:\\$[A-Z]+${row}$`));
        const meaning = core(rangeValues(ws, m[1]), rangeValues(ws, m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
        expect(c.result).toEqual(meaning.ok ? meaning.value : { error: "#N/A" });
        expect(c.result).toEqual(expected);
      }
    }
    expect(rows).toBe(printed.peaks.length);
  });

  test("every other output sheet is the same as without --formulas; a later run without the flag removes Peaks (live)", async () => {
    const dir = tempDir();
    const [plain, live] = [join(dir, "plain.xlsx"), join(dir, "live.xlsx")];
    expect(cli("run", SAMPLE, "-o", plain, "-q").code).toBe(0);
    expect(cli("run", SAMPLE, "-o", live, "--formulas", "-q").code).toBe(0);
    const a = workbookValues(await readXlsx(plain));
    const b = workbookValues(await readXlsx(live));
    expect(Object.keys(b).filter((s) => s !== "Peaks (live)")).toEqual(Object.keys(a));
    for (const name of Object.keys(a).filter((s) => s !== "Run info" && s !== "_carbonpeak")) expect(b[name]).toEqual(a[name]);
    expect(cli("run", live, "--in-place", "-q").code).toBe(0);
    const again = await readXlsx(live);
    expect(again.getWorksheet("Peaks (live)")).toBeUndefined();
    expect(Object.keys(workbookValues(again))).toEqual(Object.keys(a));
  });
});
