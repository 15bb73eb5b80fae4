/**
 * Workbooks as real programs write them, run with the real `carbon-peak` command: the committed sample
 * (written by ExcelJS; CEADs data — data/README.md) saved by LibreOffice Calc (headless
 * `--convert-to xlsx`), by openpyxl after a load and save, and by openpyxl with what an analyst adds (a
 * line chart, a sheet of formulas openpyxl saves without computed values, a comment, a defined name,
 * conditional formatting, a frozen pane) — that one also saved again by LibreOffice. Each is run
 * `--in-place`: the chart part is still there byte for byte and every user cell is equal, read by an
 * independent reader (openpyxl); LibreOffice and openpyxl open the result. The fixtures are made by the
 * programs in the test (scripts in test/fixtures/programs; `.ci/run` installs libreoffice-calc and
 * python3-openpyxl). Each test sets its own time limit: LibreOffice takes seconds on a loaded machine.
 */
import { copyFileSync, readFileSync } from "fs";
import { join } from "path";
import { ROOT, cli, ensureBuilt, tempDir } from "./helpers";
import { SLOW_PROCESS_TEST_MS } from "../helpers/timeouts";
import { libreOfficeSave, libreOfficeVersion, openpyxlDump, openpyxlVersion, runPython, zipNames, zipPart } from "../helpers/programs";

// These tests start processes (or many CLI runs): a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(SLOW_PROCESS_TEST_MS);

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");
const SLOW = SLOW_PROCESS_TEST_MS;
const OUTPUTS = ["Results", "Peaks", "Target results", "Reductions", "Coordination", "Decomposition", "Indicators", "Charts", "Run info"];
/**
 * What the sample itself prints on stderr with --quiet: its two fill warnings (株洲 carried forward from 2015, 湘潭 from
 * 2017 — CEADs has no later value; docs/model.md §15). A workbook saved by another program must print exactly these.
 */
const SAMPLE_WARNINGS = [
  "carbon-peak: warning: Settings!B16: 株洲 has no value in 2019: 19.9084 Mt (8 sectors) carried forward from 2015 (Inventory!D10:D17), marked as filled in the outputs",
  "carbon-peak: warning: Settings!B16: 湘潭 has no value in 2019: 44.0714 Mt (8 sectors) carried forward from 2017 (Inventory!F18:F25), marked as filled in the outputs",
  "",
].join("\n");

type Dump = ReturnType<typeof openpyxlDump>;
/** The user's sheets of a dump (all but the add-in's outputs and its records sheet). */
const userSheets = (d: Dump) => Object.fromEntries(Object.entries(d.sheets).filter(([name]) => !OUTPUTS.includes(name) && name !== "_carbonpeak"));

let dir: string;
const fixtures: Record<string, string> = {};

beforeAll(() => {
  ensureBuilt();
  dir = tempDir();
  // Which programs made the fixtures (for the record; a missing program fails here, it does not skip).
  console.log(`fixtures made with ${libreOfficeVersion()} and openpyxl ${openpyxlVersion()}`);
  fixtures.libreoffice = libreOfficeSave(SAMPLE, join(dir, "lo"));
  fixtures.openpyxl = join(dir, "openpyxl-resaved.xlsx");
  runPython("openpyxl_resave.py", SAMPLE, fixtures.openpyxl);
  fixtures.chart = join(dir, "openpyxl-chart.xlsx");
  runPython("openpyxl_chart.py", SAMPLE, fixtures.chart);
  fixtures.chartLibreoffice = libreOfficeSave(fixtures.chart, join(dir, "lo-chart"));
}, SLOW);

/** Runs --in-place on a copy; returns it with the openpyxl dumps before and after. */
function inPlace(fixture: string, name: string): { file: string; before: Dump; after: Dump; code: number; err: string } {
  const file = join(dir, `${name}.xlsx`);
  copyFileSync(fixture, file);
  const before = openpyxlDump(file);
  const r = cli("run", file, "--in-place", "--quiet");
  return { file, before, after: r.code === 0 ? openpyxlDump(file) : before, code: r.code, err: r.err };
}

describe("reference: workbooks saved by LibreOffice Calc and openpyxl run in place", () => {
  test.each([
    ["saved by LibreOffice Calc", "libreoffice"],
    ["loaded and saved by openpyxl", "openpyxl"],
  ])(
    "the sample %s: run --in-place succeeds, every user cell equal, the outputs there",
    (_what, key) => {
      const r = inPlace(fixtures[key], `${key}-run`);
      expect([r.code, r.err]).toEqual([0, SAMPLE_WARNINGS]);
      expect(userSheets(r.after)).toEqual(userSheets(r.before));
      for (const s of OUTPUTS) expect(Object.keys(r.after.sheets)).toContain(s);
      expect(r.after.sheets.Results.cells[0]).toEqual(["Scenario", "City", "Sector", "Year", "Emissions (Mt CO2)", "Basis"]);
    },
    SLOW,
  );

  test.each([
    ["made by openpyxl", "chart"],
    ["made by openpyxl, then saved by LibreOffice Calc", "chartLibreoffice"],
  ])(
    "a workbook with a chart %s: run --in-place keeps the chart part byte for byte and every user cell",
    (_what, key) => {
      const fixture = fixtures[key];
      const charts = zipNames(fixture).filter((n) => /^xl\/(charts|drawings)\//.test(n));
      expect(charts.some((n) => n.startsWith("xl/charts/chart"))).toBe(true);
      const r = inPlace(fixture, `${key}-run`);
      expect([r.code, r.err]).toEqual([0, SAMPLE_WARNINGS]);
      for (const part of charts) expect([part, zipPart(r.file, part)?.equals(zipPart(fixture, part)!)]).toEqual([part, true]);
      expect(userSheets(r.after)).toEqual(userSheets(r.before));
      expect(r.after.sheets["CEADs city totals"].charts).toBe(1);
      // The analyst's formulas (saved by openpyxl without computed values) are kept as written.
      expect(r.after.sheets["My analysis"].cells[0]).toEqual(r.before.sheets["My analysis"].cells[0]);
    },
    SLOW,
  );

  test(
    "LibreOffice opens what the run wrote and keeps the outputs' values; a second run reuses the add-in's sheets (ownership marks survive LibreOffice)",
    () => {
      const r = inPlace(fixtures.chart, "roundtrip");
      expect(r.code).toBe(0);
      const resaved = libreOfficeSave(r.file, join(dir, "roundtrip-lo"));
      const lo = openpyxlDump(resaved);
      // LibreOffice stores numbers with 15 significant digits: equal to that precision, everything else exactly.
      const ours = r.after.sheets.Peaks.cells;
      const near = (a: unknown, b: unknown) => (typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-13 * Math.max(1, Math.abs(b)) : a === b);
      expect(lo.sheets.Peaks.cells.length).toBe(ours.length);
      lo.sheets.Peaks.cells.forEach((row, i) => row.forEach((v, j) => expect([i, j, near(v, ours[i][j])]).toEqual([i, j, true])));
      const again = cli("run", resaved, "--in-place", "--quiet", "--json");
      expect(again.code).toBe(0);
      expect((JSON.parse(again.out) as { outputs: string[] }).outputs).toEqual(OUTPUTS);
      expect(Object.keys(openpyxlDump(resaved).sheets).filter((n) => /\(2\)/.test(n))).toEqual([]);
    },
    SLOW,
  );

  test(
    "a user's sheet made by openpyxl with an output's name (after deleting the output) is never cleared: the run writes \"Charts (2)\"",
    () => {
      const r = inPlace(SAMPLE, "recreate");
      expect(r.code).toBe(0);
      runPython("openpyxl_recreate.py", r.file, "Charts", "my own chart notes");
      const again = cli("run", r.file, "--in-place", "--quiet", "--json");
      expect(again.code).toBe(0);
      expect((JSON.parse(again.out) as { outputs: string[] }).outputs).toContain("Charts (2)");
      expect(openpyxlDump(r.file).sheets.Charts.cells).toEqual([["my own chart notes"]]);
    },
    SLOW,
  );

  test(
    "LibreOffice then openpyxl: LibreOffice stores TRUE/FALSE as formulas, openpyxl drops their computed values — the run names the cell instead of guessing",
    () => {
      const file = join(dir, "lo-then-openpyxl.xlsx");
      runPython("openpyxl_resave.py", fixtures.libreoffice, file);
      const r = cli("run", file, "--in-place", "--quiet");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^carbon-peak: Settings!B\d+: is a formula \(=FALSE\(\)\) with no computed value: open and save the workbook in Excel, or type the value$/m,
      );
      expect(r.err).not.toMatch(/is not one of/);
    },
    SLOW,
  );

  test(
    "the input of a run without --in-place is byte for byte the file LibreOffice saved",
    () => {
      const input = join(dir, "lo-input.xlsx");
      copyFileSync(fixtures.libreoffice, input);
      const before = readFileSync(input);
      expect(cli("run", input, "-o", join(dir, "lo-output.xlsx"), "--quiet").code).toBe(0);
      expect(readFileSync(input).equals(before)).toBe(true);
    },
    SLOW,
  );
});
