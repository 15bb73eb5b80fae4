/**
 * A workbook of the previous version runs with the same results (docs/model.md §3): the fixture
 * test/fixtures/previous-version/changzhutan-0.1.xlsx is the 长株潭 sample exactly as version 0.1.0
 * wrote it (a single base-year inventory, emission growth rows; Settings without the rows for the
 * last historical year, fill rule, reference year, cumulative from and shocks; no Socioeconomic or
 * Targets sheet; Activities without "Drives sectors"). Its every output cell equals the current
 * sample's, which the template writer makes in the new layout, and the engine's run of the same input.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { emissionRows, runScenarios } from "../../src/engine";
import { runAndWrite } from "../../src/app";
import { changzhutanInput } from "../../src/samples/changzhutan";
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
  test("runs to the current sample's outputs cell for cell, and to the engine's numbers", async () => {
    const old = await runFile(join(ROOT, "test", "fixtures", "previous-version", "changzhutan-0.1.xlsx"));
    const now = await runFile(join(ROOT, "samples", "changzhutan.xlsx"));
    expect(old.names).not.toContain("Socioeconomic");
    expect(now.names).toContain("Socioeconomic");
    expect(old.run.outputs).toEqual(now.run.outputs);
    for (const name of old.run.outputs.filter((n) => n !== "Run info")) expect(old.sheet(name)).toEqual(now.sheet(name));
    expect(old.run.peaks).toEqual(now.run.peaks);
    // The same input, and hash, as version 0.1 computed for it (its `run --json` record at commit 7f69648); the
    // current sample's differs only by its Settings rows added since (Strict peak reading: no).
    expect(old.run.record.inputHash).toBe("sha256:ac87b0b02d3aff06f1f9338b114a29690630ecfcb800436d6773311776939b72");
    // The Results are the engine's emissions: measured in the base year, projected after it.
    const ref = emissionRows(value(runScenarios(changzhutanInput())));
    const results = old.sheet("Results");
    expect(results.length - 1).toBe(ref.length);
    ref.forEach((e, i) => expect(results[i + 1]).toEqual([e.scenario, e.city, e.sector, e.year, e.emissions / 1e6, e.year === 2015 ? "measured" : "projected"]));
  }, 60_000);
});
