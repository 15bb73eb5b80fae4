/**
 * A workbook of the previous version runs with the same results (docs/model.md §3): the fixture
 * test/fixtures/previous-version/changzhutan-0.1.xlsx is the 长株潭 sample exactly as version 0.1.0
 * wrote it (a single base-year inventory, emission growth rows; Settings without the rows for the
 * last historical year, fill rule, reference year, cumulative from and shocks; no Socioeconomic or
 * Targets sheet; Activities without "Drives sectors"). It reads to the same input (and hash) as version
 * 0.1 computed for it, its every Results cell is the engine's run of that input, and its peaks are the
 * ones version 0.1 reported for its sample (the baseline cluster in 2035, the coordinated one in 2015 —
 * the artifacts docs/model.md §15 explains and the rebuilt sample no longer has).
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { emissionRows, runScenarios } from "../../src/engine";
import { readScenario, runAndWrite } from "../../src/app";
import { createExcelJsPort } from "../../src/workbook/exceljs";
import { value } from "../engine/scenario-fixtures";

const ROOT = join(__dirname, "..", "..");

async function runFile(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const run = value(await runAndWrite(createExcelJsPort(wb), { now: () => new Date("2026-01-01T00:00:00Z"), version: "test" }));
  const sheet = (name: string) => {
    const rows: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (r) => rows.push((r.values as unknown[]).slice(1)));
    return rows;
  };
  return { run, sheet, names: wb.worksheets.map((w) => w.name) };
}

describe("a workbook of the previous version — reference values", () => {
  test("runs to the engine's numbers for the input version 0.1 read, with version 0.1's peaks", async () => {
    const file = join(ROOT, "test", "fixtures", "previous-version", "changzhutan-0.1.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const read = value(await readScenario(createExcelJsPort(wb)));
    const old = await runFile(file);
    expect(old.names).not.toContain("Socioeconomic");
    expect(old.run.outputs).toEqual(["Results", "Peaks", "Reductions", "Coordination", "Decomposition", "Indicators", "Charts", "Run info"]);
    // The same input, and hash, as version 0.1 computed for it (its `run --json` record at commit 7f69648).
    expect(old.run.record.inputHash).toBe("sha256:ac87b0b02d3aff06f1f9338b114a29690630ecfcb800436d6773311776939b72");
    expect(read.inputHash).toBe(old.run.record.inputHash);
    // Version 0.1's peaks of its sample: the baseline cluster at its 2035 maximum, the coordinated one in its base year.
    const cluster = (sc: string) => old.run.peaks.find((p) => p.scenario === sc && p.region === "长株潭")!;
    expect([cluster("baseline").peakYear, cluster("coordinated").peakYear]).toEqual([2035, 2015]);
    // The Results are the engine's emissions: measured in the base year (its single year is its history), projected after it.
    const ref = emissionRows(value(runScenarios(read.input)));
    const results = old.sheet("Results");
    expect(results.length - 1).toBe(ref.length);
    ref.forEach((e, i) =>
      expect(results[i + 1]).toEqual([e.scenario, e.city, e.sector, e.year, e.emissions / 1e6, e.year === 2015 ? "measured" : "projected"]),
    );
  }, 60_000);
});
