/**
 * `carbon-peak run --draws N --seed S` on the committed 长株潭 sample (samples/changzhutan.xlsx, CEADs data —
 * citation in data/README.md), as it is and with a normal distribution on every Drivers row: option checks
 * (usage errors exit 2), the Uncertainty and Peak years sheets read back with ExcelJS, same seed → same
 * tables, zero spread → probabilities 0 or 1, draws and seed in the run record, progress on stderr.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { ROOT, cli, ensureBuilt, tempDir } from "./helpers";

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");

beforeAll(ensureBuilt);

function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The sample with "Distribution: normal, SD: sd" on every Drivers row. */
async function uncertainSample(sd: number): Promise<string> {
  const wb = await readBook(SAMPLE);
  const ws = wb.getWorksheet("Drivers")!;
  const col = ws.getRow(1).cellCount + 1;
  ws.getCell(1, col).value = "Distribution / 分布";
  ws.getCell(1, col + 1).value = "SD / 标准差";
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getRow(r).cellCount === 0) continue;
    ws.getCell(r, col).value = "normal";
    ws.getCell(r, col + 1).value = sd;
  }
  const file = join(tempDir(), "uncertain.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("argument validation", () => {
  test.each([["0"], ["-5"], ["1.5"], ["abc"], ["100001"]])("--draws=%s is a usage error (exit 2, one line)", (n) => {
    const r = cli("run", SAMPLE, "-o", join(tempDir(), "o.xlsx"), `--draws=${n}`);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/--draws must be a whole number from 1 to 100000/);
  });

  test.each([[["--draws", "10", "--seed=-1"]], [["--draws", "10", "--seed", "x"]], [["--seed", "3"]]])("%p is a usage error", (args) => {
    const r = cli("run", SAMPLE, "-o", join(tempDir(), "o.xlsx"), ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seed/);
  });
});

describe("edge cases", () => {
  test("zero spread (no distribution columns): every probability is 0 or 1", async () => {
    const out = join(tempDir(), "o.xlsx");
    const r = cli("run", SAMPLE, "-o", out, "--draws", "100", "--json", "-q");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { uncertainty: { probabilityByTarget: number }[]; warnings: { code: string }[] };
    expect(json.uncertainty.map((x) => x.probabilityByTarget).every((p) => p === 0 || p === 1)).toBe(true);
    expect(json.warnings.map((w) => w.code)).toContain("mc_no_uncertainty");
    const rows = sheetRows(await readBook(out), "Uncertainty").slice(1);
    expect(rows.map((x) => x[3]).every((p) => p === 0 || p === 1)).toBe(true);
  });
});

describe("invariants", () => {
  test("the same seed gives identical Uncertainty and Peak years sheets; progress goes to stderr", async () => {
    const input = await uncertainSample(0.01);
    const outs = [join(tempDir(), "a.xlsx"), join(tempDir(), "b.xlsx")];
    const runs = outs.map((o) => cli("run", input, "-o", o, "--draws", "1000", "--seed", "42"));
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[0].err).toMatch(/carbon-peak: uncertainty \(\d+%/);
    expect(runs[0].out).toMatch(/Monte Carlo: 1000 draws, seed 42/);
    const [a, b] = await Promise.all(outs.map(readBook));
    for (const sheet of ["Uncertainty", "Peak years"]) expect(sheetRows(a, sheet)).toEqual(sheetRows(b, sheet));
    const unc = sheetRows(a, "Uncertainty");
    expect(unc[0]).toEqual(["Scenario", "City or cluster", "Type", "P(peak by 2030)", "Peak year P5", "Peak year P50", "Peak year P95", "Peak value P5 (Mt CO2)", "Peak value P50 (Mt CO2)", "Peak value P95 (Mt CO2)", "Draws", "Seed"]);
    expect(unc.slice(1).every((x) => x[10] === 1000 && x[11] === 42)).toBe(true);
    // A spread: some percentile of some peak value differs from the median.
    expect(unc.slice(1).some((x) => x[7] !== x[9])).toBe(true);
    const hist = sheetRows(a, "Peak years").slice(1);
    expect(hist.filter((x) => x[0] === "baseline").reduce((s, x) => s + (x[3] as number), 0)).toBe(1000);
    expect(sheetRows(a, "Run info")).toEqual(expect.arrayContaining([["Monte Carlo draws", 1000], ["Monte Carlo seed", 42]]));
  });
});
