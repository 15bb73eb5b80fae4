/**
 * Monte Carlo in the workflow (runAndWrite with draws and seed, or a precomputed result): the
 * Uncertainty table, the Peak years histogram and its column chart, the run record, progress and
 * cancel between chunks. Inputs: the 长株潭 example written by the template (CEADs data — citation in
 * data/README.md), with its own distributions, with a normal distribution on every Drivers row, or with
 * the distribution columns cleared.
 */
import { runMonteCarlo } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { createMemoryPort, type MemoryPort } from "../../src/workbook/memory";
import { createScenarioSheets, readScenario, runAndWrite } from "../../src/app";
import { issues, value } from "../helpers/result";

const cells = (port: MemoryPort, sheet: string) => port.memory.sheetList.find((s) => s.name === sheet)!.cells;

/**
 * The 长株潭 example as the template writes it, with its own distributions (normal SD 1 pp/yr on the
 * emissions rates from 2021, triangular land-use, transit and EV levers); with a number `sd`, every
 * Drivers row instead gets a normal distribution of that SD (levers as written); with "none", the four
 * distribution columns are cleared on Drivers and Levers (zero spread).
 */
async function examplePort(spread?: number | "none"): Promise<MemoryPort> {
  const port = createMemoryPort();
  value(await createScenarioSheets(port, { example: "changzhutan" }));
  const filled = (row: unknown[] | undefined) => row?.some((v) => v !== null && v !== undefined && v !== "") ?? false;
  const col = (g: unknown[][], header: string) => {
    const c = g[0].indexOf(header);
    if (c < 0) throw new Error(`no column ${header}`);
    return c;
  };
  const [dist, sdc, min, max] = ["Distribution / 分布", "SD / 标准差", "Min / 最小值", "Max / 最大值"];
  if (typeof spread === "number") {
    const d = cells(port, "Drivers");
    for (let r = 1; r < d.length; r++)
      if (filled(d[r])) [d[r][col(d, dist)], d[r][col(d, sdc)], d[r][col(d, min)], d[r][col(d, max)]] = ["normal", spread, null, null];
  } else if (spread === "none") {
    for (const sheet of ["Drivers", "Levers"]) {
      const g = cells(port, sheet);
      for (let r = 1; r < g.length; r++) if (filled(g[r])) for (const h of [dist, sdc, min, max]) g[r][col(g, h)] = null;
    }
  }
  return port;
}

describe("argument validation", () => {
  test.each([[-1], [1.5], [100_001]])("draws %p is refused with nothing written", async (draws) => {
    const port = await examplePort(0.005);
    const logged = port.memory.log.length;
    expect(issues(await runAndWrite(port, { draws, seed: 1 })).map((i) => [i.code, i.path[0]])).toEqual([["option_range", "draws"]]);
    expect(port.memory.log.length).toBe(logged);
  });

  test("a seed that is not a whole number is refused", async () => {
    const port = await examplePort(0.005);
    expect(issues(await runAndWrite(port, { draws: 10, seed: 0.5 })).map((i) => [i.code, i.path[0]])).toEqual([["option_range", "seed"]]);
  });

  test("a precomputed result for other inputs is refused (mc_stale) with nothing written", async () => {
    const port = await examplePort(0.005);
    const read = value(await readScenario(port));
    const result = value(runMonteCarlo(read.input, { draws: 20, seed: 1 }));
    cells(port, "Drivers")[1][5] = 0.021; // the analyst edits a rate meanwhile
    const logged = port.memory.log.length;
    expect(issues(await runAndWrite(port, { monteCarlo: { result, inputHash: read.inputHash } })).map((i) => i.code)).toEqual(["mc_stale"]);
    expect(port.memory.log.length).toBe(logged);
  });
});

describe("edge cases", () => {
  test("zero spread (distribution columns cleared): every probability is 0 or 1 and every percentile is the deterministic peak", async () => {
    const port = await examplePort("none");
    const r = await runAndWrite(port, { draws: 50, seed: 3 });
    const s = value(r);
    expect(r.ok && r.warnings.map((w) => w.code)).toContain("mc_no_uncertainty");
    const rows = cells(port, "Uncertainty").slice(1);
    expect(rows).toHaveLength(s.peaks.length);
    rows.forEach((row, i) => {
      const p = s.peaks[i];
      expect(row[3]).toBe(p.peakedByTarget ? 1 : 0);
      expect(row.slice(4, 7)).toEqual([p.peakYear, p.peakYear, p.peakYear]);
      expect(row.slice(10)).toEqual([50, 3]);
    });
  });

  test("cancelling between chunks writes nothing", async () => {
    const port = await examplePort(0.005);
    const logged = port.memory.log.length;
    const controller = new AbortController();
    const r = await runAndWrite(port, {
      draws: 2000,
      seed: 1,
      signal: controller.signal,
      onProgress: (f, stage) => stage === "uncertainty" && f > 0.4 && controller.abort(),
    });
    expect(issues(r).map((i) => i.code)).toEqual(["cancelled"]);
    expect(port.memory.log.length).toBe(logged);
  });

  test("a later run without draws removes the Uncertainty and Peak years sheets", async () => {
    const port = await examplePort(0.005);
    value(await runAndWrite(port, { draws: 20, seed: 1 }));
    const second = value(await runAndWrite(port));
    const names = port.memory.sheetList.map((s) => s.name);
    expect(names).not.toContain("Uncertainty");
    expect(names).not.toContain("Peak years");
    expect(second.record.draws).toBeUndefined();
  });
});

describe("invariants", () => {
  test("the same seed gives identical tables; another seed different ones", async () => {
    const tables = async (seed: number) => {
      const port = await examplePort(0.01);
      value(await runAndWrite(port, { draws: 300, seed, now: () => new Date("2024-01-01T00:00:00Z") }));
      return JSON.stringify([cells(port, "Uncertainty"), cells(port, "Peak years")]);
    };
    const a = await tables(7);
    expect(await tables(7)).toBe(a);
    expect(await tables(8)).not.toBe(a);
  });

  test("progress rises through the chunks and ends at 1", async () => {
    const port = await examplePort(0.005);
    const seen: Array<[number, string]> = [];
    value(await runAndWrite(port, { draws: 1000, seed: 1, onProgress: (f, stage) => seen.push([f, stage]) }));
    const fractions = seen.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(seen.filter(([, s]) => s === "uncertainty").length).toBeGreaterThanOrEqual(4);
    expect(seen[seen.length - 1]).toEqual([1, "done"]);
  });

  test("the histogram counts every draw once per scenario", async () => {
    const port = await examplePort(0.01);
    const s = value(await runAndWrite(port, { draws: 400, seed: 2 }));
    const rows = cells(port, "Peak years").slice(1);
    for (const scenario of s.record.scenarios) {
      const total = rows.filter((r) => r[0] === scenario).reduce((a, r) => a + (r[3] as number), 0);
      expect(total).toBe(400);
    }
  });
});

describe("reference values", () => {
  test("the written tables equal the engine's runMonteCarlo for the same input and seed", async () => {
    const port = await examplePort(0.01);
    const read = value(await readScenario(port));
    const ref = value(runMonteCarlo(read.input, { draws: 500, seed: 20300101 }));
    const s = value(await runAndWrite(port, { draws: 500, seed: 20300101 }));
    expect(s.outputs).toEqual([
      "Results",
      "Peaks",
      "Target results",
      "Reductions",
      "Coordination",
      "Decomposition",
      "Indicators",
      "Charts",
      "Uncertainty",
      "Peak years",
      "Run info",
    ]);
    expect(s.record).toMatchObject({ draws: 500, seed: 20300101 });
    expect(cells(port, "Uncertainty")[0]).toEqual([
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
    cells(port, "Uncertainty")
      .slice(1)
      .forEach((row, i) => {
        const x = ref.rows[i];
        expect(row).toEqual([
          x.scenario,
          x.region,
          x.isCluster ? "cluster" : "city",
          x.probabilityByTarget,
          x.peakYear.p5,
          x.peakYear.p50,
          x.peakYear.p95,
          x.peakValue.p5 / 1e6,
          x.peakValue.p50 / 1e6,
          x.peakValue.p95 / 1e6,
          500,
          20300101,
        ]);
      });
    const cluster = ref.rows.filter((x) => x.isCluster);
    const hist = cells(port, "Peak years");
    expect(hist[0].slice(0, 4)).toEqual(["Scenario", "Region", "Peak year", "Draws"]);
    expect(hist.slice(1).map((r) => r.slice(0, 4))).toEqual(
      cluster.flatMap((x) => Array.from(ref.years, (year, y) => [x.scenario, "长株潭", year, x.histogram[y]])),
    );
    const chart = port.memory.charts.find((c) => c.sheet === "Peak years")!;
    expect(chart.spec).toMatchObject({ type: "column", source: { table: "CarbonPeak_PeakYearsChart" } });
    expect(cells(port, "Run info")).toEqual(
      expect.arrayContaining([
        ["Monte Carlo draws", 500],
        ["Monte Carlo seed", 20300101],
      ]),
    );
  });

  test("the example as written has spread: no mc_no_uncertainty, and the same tables as runMonteCarlo on changzhutanInput() (seed 1)", async () => {
    const port = await examplePort();
    const r = await runAndWrite(port, { draws: 1000, seed: 1 });
    value(r);
    expect(r.ok && r.warnings.map((w) => w.code)).not.toContain("mc_no_uncertainty");
    const ref = value(runMonteCarlo(changzhutanInput() as unknown as Parameters<typeof runMonteCarlo>[0], { draws: 1000, seed: 1 }));
    // The cluster figures of docs/uncertainty.md §9 (pinned in test/engine/changzhutan-uncertainty.test.ts).
    const clusterRows = cells(port, "Uncertainty")
      .slice(1)
      .filter((row) => row[2] === "cluster");
    expect(clusterRows.map((row) => row.slice(0, 7))).toEqual(
      ref.rows.filter((x) => x.isCluster).map((x) => [x.scenario, x.region, "cluster", x.probabilityByTarget, x.peakYear.p5, x.peakYear.p50, x.peakYear.p95]),
    );
    expect(clusterRows.map((row) => row[3])).toEqual([0.813, 0.818, 0.914]);
  });

  test("a precomputed result (as the task pane's worker makes) writes the same tables as draws + seed", async () => {
    const a = await examplePort(0.01);
    const read = value(await readScenario(a));
    const result = value(runMonteCarlo(read.input, { draws: 200, seed: 5 }));
    value(await runAndWrite(a, { monteCarlo: { result, inputHash: read.inputHash } }));
    const b = await examplePort(0.01);
    value(await runAndWrite(b, { draws: 200, seed: 5 }));
    expect(cells(a, "Uncertainty")).toEqual(cells(b, "Uncertainty"));
    expect(cells(a, "Peak years")).toEqual(cells(b, "Peak years"));
  });
});
