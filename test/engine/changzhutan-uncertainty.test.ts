/**
 * The 长株潭 sample's uncertainty (src/samples/changzhutan.ts: normal SD 1 pp/yr on the emissions
 * growth rates from 2021, triangular land-use, transit and EV levers; CEADs data — citation in
 * data/README.md): the Monte Carlo figures for 1000 draws, seed 1, pinned here, and the worked result in
 * docs/uncertainty.md §9, which must be exactly the table this test renders from the engine.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { runMonteCarlo, runScenarios, type MonteCarloResult } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { value, type RawInput } from "./scenario-fixtures";

const DOC = join(__dirname, "..", "..", "docs", "uncertainty.md");

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

/** The worked-result table of docs/uncertainty.md §9, from the engine. */
function table(): string {
  const lines = [
    "| scenario | deterministic peak | P(peak by 2030) | peak year P5 / P50 / P95 | peak (Mt) P5 / P50 / P95 |",
    "|---|---|---|---|---|",
  ];
  for (const s of mc.scenarios) {
    const x = cluster(s);
    lines.push(
      `| ${s} | ${x.deterministic.year} | ${(x.probabilityByTarget * 100).toFixed(1)} % | ${[x.peakYear.p5, x.peakYear.p50, x.peakYear.p95].map(year).join(" / ")} | ${[x.peakValue.p5, x.peakValue.p50, x.peakValue.p95].map(mt).join(" / ")} |`,
    );
  }
  return lines.join("\n");
}

describe("reference values (1000 draws, seed 1)", () => {
  test("the sample has 21 uncertain driver rows and 3 uncertain levers, nothing clipped, no mc_no_uncertainty", () => {
    expect([mc.uncertainDrivers, mc.uncertainLevers, mc.clipped, mc.drawnValues]).toEqual([21, 3, 0, 1000 * 25]);
    expect(warnings).not.toContain("mc_no_uncertainty");
  });

  test("the cluster's P(peak by 2030) and peak-year percentiles per scenario", () => {
    const got = mc.scenarios.map((s) => {
      const x = cluster(s);
      return [s, x.probabilityByTarget, x.peakYear.p5, x.peakYear.p50, x.peakYear.p95];
    });
    expect(got).toEqual([
      ["baseline", 0.134, 2030, 2040, 2060],
      ["independent", 0.144, 2030, 2040, 2060],
      ["coordinated", 0.587, 2015, 2015, 2050],
    ]);
  });

  test("the deterministic peaks are unchanged by the distributions (the values are the means and modes)", () => {
    const det = value(runScenarios(changzhutanInput() as unknown as RawInput));
    mc.rows.forEach((x, i) => expect([x.deterministic.year, x.deterministic.value]).toEqual([det.peaks[i].year, det.peaks[i].value]));
    expect(mc.scenarios.map((s) => cluster(s).deterministic.year)).toEqual([2035, 2035, 2015]);
  });
});

describe("docs/uncertainty.md", () => {
  test("§9 shows exactly the engine's table for 1000 draws, seed 1", () => {
    expect(readFileSync(DOC, "utf8")).toContain(`${table()}\n`);
  });
});
