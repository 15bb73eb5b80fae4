/**
 * `carbon-peak run` with a Targets sheet and the indicators (docs/model.md §9–§10): the 长株潭 sample
 * (samples/changzhutan.xlsx, CEADs data — data/README.md) with targets added on its Targets sheet. The
 * CLI prints the targets table, `--json` carries `targets` and `indicators`, and the Target results
 * sheet says the same. The expected peak years and values are the engine's for the sample (docs/model.md §15:
 * every scenario's cluster peaks in 2021, the baseline at 98.20 Mt, the coordinated one at 97.61 Mt).
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { ROOT, cli, ensureBuilt, sheetRows, tempDir } from "./helpers";

beforeAll(ensureBuilt);

async function withTargets(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, "samples", "changzhutan.xlsx"));
  const ws = wb.getWorksheet("Targets")!;
  // The test's targets replace the sample's own (rows 2 on).
  for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(2 + i, 1 + j).value = v as ExcelJS.CellValue)));
  const file = join(tempDir(), "targets.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("reference values", () => {
  test("peak by 2030, a cap on the peak and a budget: printed, in --json, and on the Target results sheet", async () => {
    const input = await withTargets([
      ["达峰年份", null, null, null, 2030, null, "碳达峰 by 2030"],
      ["peak_cap", null, null, null, null, 98, "the cluster's peak at most 98 Mt"],
      ["budget", "长沙", "baseline", 2016, 2030, 450, null],
    ]);
    const out = join(tempDir(), "out.xlsx");
    const text = cli("run", input, "-o", out, "-q");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/\nTargets\n/);
    // What the run read and ran on comes first.
    expect(text.out).toMatch(
      /^Read Inventory!A1:H25 \(Mt\) and Settings, Drivers, Levers, Activities, Socioeconomic, Targets: 3 cities \(长沙, 株洲, 湘潭\), 2015–2060, measured to 2019, projected after; scenarios baseline, independent, coordinated\.\n/,
    );
    // Targets in words, as the Target results sheet says them; the coordinated cluster peaks in 2021, 9 years before 2030.
    expect(text.out).toMatch(/coordinated\s+长株潭 \(cluster\)\s+peak by 2030\s+2021\s+met\s+9\n/);
    expect(text.out).toMatch(/coordinated\s+长株潭 \(cluster\)\s+peak at most 98 Mt\s+97\.61 Mt\s+met\s+0\.39\n/);
    expect(text.out).toMatch(/baseline\s+长沙\s+at most 450 Mt over 2016–2030\s+\d{3}\.\d\d Mt\s+not met\s+-\d+\.\d\d\n/);
    const j = cli("run", input, "-o", out, "-q", "--json");
    const json = JSON.parse(j.out) as {
      targets: { scenario: string; region: string; kind: string; status: string; reached: number | null; margin: number | null; unit: string }[];
      indicators: {
        years: number[];
        series: { scenario: string; region: string; emissions: (number | null)[]; cumulative: (number | null)[]; basis: string[] }[];
      };
      outputs: string[];
    };
    expect(json.targets.map((t) => [t.scenario, t.kind, t.status])).toEqual([
      ["baseline", "peak_by", "met"],
      ["independent", "peak_by", "met"],
      ["coordinated", "peak_by", "met"],
      // The cap: the baseline (98.20 Mt) and independent (98.18 Mt) peaks are above 98 Mt, the coordinated one (97.61 Mt) is not.
      ["baseline", "peak_cap", "not_met"],
      ["independent", "peak_cap", "not_met"],
      ["coordinated", "peak_cap", "met"],
      ["baseline", "budget", "not_met"],
    ]);
    const cap = json.targets.filter((t) => t.kind === "peak_cap");
    expect(cap.map((t) => t.reached)).toEqual([expect.closeTo(98.2006, 3), expect.closeTo(98.1838, 3), expect.closeTo(97.6063, 3)]);
    const budget = json.targets[6];
    // Σ 长沙 baseline 2016–2030 (Mt) against 450 Mt, from the indicators' yearly emissions: measured to 2019, projected after.
    // (The indicators' own cumulative column starts at the sample's Settings "Cumulative from", 2020: Σ 2020–2030.)
    const cs = json.indicators.series.find((s) => s.scenario === "baseline" && s.region === "长沙")!;
    const yi = (year: number) => json.indicators.years.indexOf(year);
    const sum = (a: number, b: number) => cs.emissions.slice(yi(a), yi(b) + 1).reduce((x: number, v) => x + v!, 0);
    expect(budget.reached).toBeCloseTo(sum(2016, 2030), 9);
    expect(cs.cumulative[yi(2030)]).toBeCloseTo(sum(2020, 2030), 9);
    expect(budget.reached!).toBeGreaterThan(450);
    expect(budget.margin).toBeCloseTo(450 - budget.reached!, 9);
    expect(budget.unit).toBe("Mt");
    const y = (year: number) => cs.basis[json.indicators.years.indexOf(year)];
    expect([y(2019), y(2020)]).toEqual(["measured", "projected"]);
    expect(json.outputs).toContain("Target results");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = sheetRows(wb, "Target results");
    expect(rows[0]).toEqual(["Scenario", "City or cluster", "Type", "Target", "What", "Target value", "Reached", "Unit", "Met", "Margin", "Note"]);
    expect(rows[3]).toEqual(["coordinated", "长株潭", "cluster", "peak_by", "peak by 2030", 2030, 2021, "year", "met", 9, "碳达峰 by 2030"]);
  }, 120_000);
});
