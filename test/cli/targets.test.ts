/**
 * `carbon-peak run` with a Targets sheet and the indicators (docs/model.md §9–§10): the 长株潭 sample
 * (samples/changzhutan.xlsx, CEADs data — data/README.md) with targets added on its Targets sheet. The
 * CLI prints the targets table, `--json` carries `targets` and `indicators`, and the Target results
 * sheet says the same. The expected peak years are the engine's for the sample (docs/model.md §15:
 * baseline and independent 2035, coordinated 2015).
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { ROOT, cli, ensureBuilt, sheetRows, tempDir } from "./helpers";

beforeAll(ensureBuilt);

async function withTargets(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, "samples", "changzhutan.xlsx"));
  const ws = wb.getWorksheet("Targets")!;
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(2 + i, 1 + j).value = v as ExcelJS.CellValue)));
  const file = join(tempDir(), "targets.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("reference values", () => {
  test("peak by 2030 and a budget: printed, in --json, and on the Target results sheet", async () => {
    const input = await withTargets([
      ["达峰年份", null, null, null, 2030, null, "碳达峰 by 2030"],
      ["budget", "长沙", "baseline", 2016, 2030, 500, null],
    ]);
    const out = join(tempDir(), "out.xlsx");
    const text = cli("run", input, "-o", out, "-q");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/\nTargets\n/);
    expect(text.out).toMatch(/coordinated\s+长株潭 \(cluster\)\s+peak_by→2030\s+2030 year\s+2015\s+met\s+15/);
    const j = cli("run", input, "-o", out, "-q", "--json");
    const json = JSON.parse(j.out) as { targets: { scenario: string; region: string; kind: string; status: string; reached: number | null; margin: number | null; unit: string }[]; indicators: { years: number[]; series: { scenario: string; region: string; cumulative: (number | null)[]; basis: string[] }[] }; outputs: string[] };
    expect(json.targets.map((t) => [t.scenario, t.kind, t.status])).toEqual([
      ["baseline", "peak_by", "not_met"],
      ["independent", "peak_by", "not_met"],
      ["coordinated", "peak_by", "met"],
      ["baseline", "budget", "not_met"],
    ]);
    const budget = json.targets[3];
    // Σ 长沙 baseline 2016–2030 (Mt) against 500 Mt, from the indicators' cumulative emissions (from 2016).
    const cs = json.indicators.series.find((s) => s.scenario === "baseline" && s.region === "长沙")!;
    expect(budget.reached).toBeCloseTo(cs.cumulative[json.indicators.years.indexOf(2030)]!, 9);
    expect(budget.margin).toBeCloseTo(500 - budget.reached!, 9);
    expect(budget.unit).toBe("Mt");
    expect(cs.basis.slice(0, 2)).toEqual(["measured", "projected"]);
    expect(json.outputs).toContain("Target results");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = sheetRows(wb, "Target results");
    expect(rows[0]).toEqual(["Scenario", "City or cluster", "Type", "Target", "What", "Target value", "Reached", "Unit", "Met", "Margin", "Note"]);
    expect(rows[3]).toEqual(["coordinated", "长株潭", "cluster", "peak_by", "peak by 2030", 2030, 2015, "year", "met", 15, "碳达峰 by 2030"]);
  }, 120_000);
});
