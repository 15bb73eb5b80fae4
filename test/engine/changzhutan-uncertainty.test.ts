/**
 * The 长株潭 sample's uncertainty (src/samples/changzhutan.ts: shared normal shocks on GDP growth, energy and
 * carbon intensity, floor area, population and built-up area, each ramped in over five years; triangular
 * cluster levers; CEADs data and published statistics — citations in data/README.md): the Monte Carlo for
 * 1000 draws, seed 1, pinned here, and the worked result in docs/uncertainty.md §9, which must be exactly the
 * table and histogram this test renders from the engine. To refresh the page after a deliberate change:
 * UPDATE_DOCS=1 npx jest test/engine/changzhutan-uncertainty.test.ts
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { runMonteCarlo, runScenarios, type MonteCarloResult } from "../../src/engine";
import { LAST_HISTORICAL_YEAR, changzhutanInput } from "../../src/samples/changzhutan";
import { value, type RawInput } from "./scenario-fixtures";

const DOC = join(__dirname, "..", "..", "docs", "uncertainty.md");
const BEGIN = /<!-- BEGIN changzhutan-mc[^>]*-->\n/;
const END = "<!-- END changzhutan-mc -->";

let mc: MonteCarloResult;
let warnings: string[];
beforeAll(() => {
  const r = runMonteCarlo(changzhutanInput() as unknown as RawInput, { draws: 1000, seed: 1 });
  warnings = r.ok ? r.warnings.map((w) => w.code) : [];
  mc = value(r);
});

const cluster = (scenario: string) => mc.rows.find((x) => x.scenario === scenario && x.isCluster)!;
const year = (y: number) => (Number.isInteger(y) ? String(y) : y.toFixed(1));
const mt = (t: number) => (t / 1e6).toFixed(2);

/** The worked result of docs/uncertainty.md §9, from the engine: the table and each scenario's histogram of peak years. */
function rendered(): string {
  const lines = ["| scenario | deterministic peak | P(peak by 2030) | peak year P5 / P50 / P95 | peak (Mt) P5 / P50 / P95 |", "|---|---|---|---|---|"];
  for (const s of mc.scenarios) {
    const x = cluster(s);
    lines.push(
      `| ${s} | ${x.deterministic.year} | ${(x.probabilityByTarget * 100).toFixed(1)} % | ${[x.peakYear.p5, x.peakYear.p50, x.peakYear.p95].map(year).join(" / ")} | ${[x.peakValue.p5, x.peakValue.p50, x.peakValue.p95].map(mt).join(" / ")} |`,
    );
  }
  lines.push("", "Draws per peak year (years with none left out):", "", "```");
  for (const s of mc.scenarios) {
    const h = cluster(s).histogram;
    lines.push(
      `${s.padEnd(12)} ${Array.from(mc.years, (y, i) => (h[i] > 0 ? `${y}:${h[i]}` : ""))
        .filter((x) => x !== "")
        .join(" ")}`,
    );
  }
  lines.push("```");
  return lines.join("\n");
}

describe("reference values (1000 draws, seed 1)", () => {
  test("the sample's uncertain rows and levers; nothing clipped; no mc_no_uncertainty", () => {
    const input = changzhutanInput();
    expect(mc.uncertainDrivers).toBe(input.drivers.filter((d) => d.dist !== undefined).length);
    expect(mc.uncertainLevers).toBe(4);
    expect(mc.clipped).toBe(0);
    expect(warnings).not.toContain("mc_no_uncertainty");
  });

  test("the cluster's P(peak by 2030) and peak-year percentiles per scenario", () => {
    const got = mc.scenarios.map((s) => {
      const x = cluster(s);
      return [s, x.probabilityByTarget, x.peakYear.p5, x.peakYear.p50, x.peakYear.p95];
    });
    expect(got).toEqual([
      ["baseline", 0.813, 2021, 2021, 2036],
      ["independent", 0.818, 2021, 2021, 2036],
      ["coordinated", 0.914, 2021, 2021, 2036],
    ]);
  });

  test("the deterministic peaks are unchanged by the distributions (the values are the means and modes)", () => {
    const det = value(runScenarios(changzhutanInput() as unknown as RawInput));
    mc.rows.forEach((x, i) => expect([x.deterministic.year, x.deterministic.value]).toEqual([det.peaks[i].year, det.peaks[i].value]));
  });
});

describe("invariants of the sample's Monte Carlo", () => {
  test("no draw peaks in a measured year (≤ 2019): the history is never drawn and every projection rises above 2019 first", () => {
    for (const row of mc.rows) {
      mc.years.forEach((y, i) => {
        if (y <= LAST_HISTORICAL_YEAR) expect(row.histogram[i]).toBe(0);
      });
    }
  });
  test("no pile on a driver period's end: after the 2021 rebound year, no period end holds more draws than twice the mean of its two neighbours, plus 10", () => {
    for (const s of mc.scenarios) {
      const h = cluster(s).histogram;
      const at = (y: number) => h[Array.from(mc.years).indexOf(y)];
      for (const end of [2025, 2030, 2035, 2040, 2050]) expect(at(end)).toBeLessThanOrEqual(2 * ((at(end - 1) + at(end + 1)) / 2) + 10);
    }
  });
  test("coordination raises the probability of a peak by 2030 and lowers the median peak", () => {
    expect(cluster("coordinated").probabilityByTarget).toBeGreaterThan(cluster("independent").probabilityByTarget);
    expect(cluster("independent").probabilityByTarget).toBeGreaterThanOrEqual(cluster("baseline").probabilityByTarget);
    expect(cluster("coordinated").peakValue.p50).toBeLessThan(cluster("baseline").peakValue.p50);
  });
});

describe("docs/uncertainty.md", () => {
  test("§9 shows exactly the engine's table and histogram for 1000 draws, seed 1", () => {
    let doc = readFileSync(DOC, "utf8");
    const m = BEGIN.exec(doc);
    const end = doc.indexOf(END);
    if (!m || end < 0) throw new Error("docs/uncertainty.md lacks the generated-block markers");
    const want = `${rendered()}\n`;
    if (process.env.UPDATE_DOCS === "1") {
      doc = doc.slice(0, m.index + m[0].length) + want + doc.slice(end);
      writeFileSync(DOC, doc);
    }
    expect(doc.slice(m.index + m[0].length, doc.indexOf(END))).toBe(want);
  });
});
