/**
 * `carbon-peak run --draws N --seed S` on the committed 长株潭 sample (samples/changzhutan.xlsx, CEADs data —
 * citation in data/README.md), as it is (its own distributions), with a normal distribution on every Drivers
 * row, and with the distribution columns cleared: option checks
 * (usage errors exit 2), the Uncertainty and Peak years sheets read back with ExcelJS, same seed → same
 * tables, zero spread → probabilities 0 or 1, draws and seed in the run record, progress on stderr.
 */
import { join } from "path";
import { ROOT, cli, ensureBuilt, readXlsx, sheetRows, tempDir } from "./helpers";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");

beforeAll(ensureBuilt);

const DIST_HEADERS = ["Distribution / 分布", "SD / 标准差", "Min / 最小值", "Max / 最大值"];

/**
 * The sample changed in its four distribution columns: with a number, "normal, SD sd" on every Drivers
 * row (levers as shipped); with "none", the columns cleared on Drivers and Levers (zero spread).
 */
async function respreadSample(spread: number | "none"): Promise<string> {
  const wb = await readXlsx(SAMPLE);
  for (const name of spread === "none" ? ["Drivers", "Levers"] : ["Drivers"]) {
    const ws = wb.getWorksheet(name)!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cols = DIST_HEADERS.map((h) => header.indexOf(h) + 1);
    expect(cols.every((c) => c > 0)).toBe(true);
    for (let r = 2; r <= ws.rowCount; r++) {
      if (ws.getRow(r).cellCount === 0) continue;
      const values = spread === "none" ? [null, null, null, null] : ["normal", spread, null, null];
      cols.forEach((c, i) => (ws.getCell(r, c).value = values[i]));
    }
  }
  const file = join(tempDir(), `respread-${spread}.xlsx`);
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
  test("zero spread (distribution columns cleared): every probability is 0 or 1", async () => {
    const out = join(tempDir(), "o.xlsx");
    const r = cli("run", await respreadSample("none"), "-o", out, "--draws", "100", "--json", "-q");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { uncertainty: { probabilityByTarget: number }[]; warnings: { code: string }[] };
    expect(json.uncertainty.map((x) => x.probabilityByTarget).every((p) => p === 0 || p === 1)).toBe(true);
    expect(json.warnings.map((w) => w.code)).toContain("mc_no_uncertainty");
    const rows = sheetRows(await readXlsx(out), "Uncertainty").slice(1);
    expect(rows.map((x) => x[3]).every((p) => p === 0 || p === 1)).toBe(true);
  });
});

describe("reference values", () => {
  test("the committed sample as it is has spread (its own distributions): the cluster's P(peak by 2030) of docs/uncertainty.md §9", () => {
    const r = cli("run", SAMPLE, "-o", join(tempDir(), "o.xlsx"), "--draws", "1000", "--seed", "1", "--json", "-q");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { uncertainty: { scenario: string; isCluster: boolean; probabilityByTarget: number }[]; warnings: { code: string }[] };
    expect(json.warnings.map((w) => w.code)).not.toContain("mc_no_uncertainty");
    expect(json.uncertainty.filter((x) => x.isCluster).map((x) => [x.scenario, x.probabilityByTarget])).toEqual([
      ["baseline", 0.813],
      ["independent", 0.818],
      ["coordinated", 0.914],
    ]);
  });
});

describe("invariants", () => {
  test("the same seed gives identical Uncertainty and Peak years sheets; progress goes to stderr", async () => {
    const input = await respreadSample(0.01);
    const outs = [join(tempDir(), "a.xlsx"), join(tempDir(), "b.xlsx")];
    const runs = outs.map((o) => cli("run", input, "-o", o, "--draws", "1000", "--seed", "42"));
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[0].err).toMatch(/carbon-peak: uncertainty \(\d+%/);
    expect(runs[0].out).toMatch(/Monte Carlo: 1000 draws, seed 42/);
    const [a, b] = await Promise.all(outs.map(readXlsx));
    for (const sheet of ["Uncertainty", "Peak years"]) expect(sheetRows(a, sheet)).toEqual(sheetRows(b, sheet));
    const unc = sheetRows(a, "Uncertainty");
    expect(unc[0]).toEqual([
      "Scenario",
      "City or cluster",
      "Type",
      "P(peak by 2030)",
      "Peak year P5",
      "Peak year P50",
      "Peak year P95",
      "Peak value P5 (Mt CO2)",
      "Peak value P50 (Mt CO2)",
      "Peak value P95 (Mt CO2)",
      "Draws",
      "Seed",
    ]);
    expect(unc.slice(1).every((x) => x[10] === 1000 && x[11] === 42)).toBe(true);
    // A spread: some percentile of some peak value differs from the median.
    expect(unc.slice(1).some((x) => x[7] !== x[9])).toBe(true);
    const hist = sheetRows(a, "Peak years").slice(1);
    expect(hist.filter((x) => x[0] === "baseline").reduce((s, x) => s + (x[3] as number), 0)).toBe(1000);
    expect(sheetRows(a, "Run info")).toEqual(
      expect.arrayContaining([
        ["Monte Carlo draws", 1000],
        ["Monte Carlo seed", 42],
      ]),
    );
  });
});
