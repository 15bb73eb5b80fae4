/**
 * Office.js cost of a run (issue "Benchmarks" 5), counted through the strict office-addin-mock wrapper
 * (test/helpers/excel-mock.ts) — deterministic counts, not timings:
 * - syncs to read a 100,000-cell inventory (300 cities × 8 sectors × 41 years, wide: 103,243 cells)
 *   and the three scenario sheets through the Office port (budget: 2);
 * - syncs to write the outputs of the whole-country run (city totals per scenario and year, the
 *   peaks table, number formats, a chart, ownership) (budget: 2);
 * - the largest payload of any of those syncs, JSON bytes (budget: 5,000,000, the port's limit).
 * value = the count, baseline = the budget, ratio = value / budget (≤ 1 is within budget).
 */
import { cityTotals, compileScenario, runModel } from "../src/engine";
import { createOfficePort, DEFAULT_PAYLOAD_LIMIT } from "../src/workbook/office";
import type { WriteOp } from "../src/workbook/port";
import { FakeExcel, fakeBook } from "../test/helpers/excel-mock";
import type { BenchResult } from "./harness";
import { countrySpec, engineInput, unwrap } from "./scenario.bench";

const YEARS = Array.from({ length: 41 }, (_, i) => 1980 + i);

/** 300 cities × 8 sectors × 41 years, wide: a header and 2,400 rows × 43 columns. */
function bigInventory(): unknown[][] {
  const rows: unknown[][] = [["City", "Sector", ...YEARS]];
  for (let c = 0; c < 300; c++) for (let s = 0; s < 8; s++) rows.push([`City ${c}`, `Sector ${s}`, ...YEARS.map((_, i) => ((c * 31 + s * 7 + i) % 97) + 0.5)]);
  return rows;
}

const scenarioSheets = () => ({
  Settings: [
    ["base_year", 2020],
    ["end_year", 2060],
    ["units", "t"],
  ],
  Drivers: [
    ["variable", "from", "to", "rate"],
    ["emissions", 2021, 2025, 0.03],
    ["emissions", 2026, 2030, 0.015],
  ],
  Levers: [
    ["scenario", "name", "kind", "value", "start_year", "full_year"],
    ["coordinated", "efficiency", "reduce", 0.1, 2022, 2030],
  ],
});

function cellCount(g: { values: readonly (readonly unknown[])[] }): number {
  return g.values.reduce((n, r) => n + r.length, 0);
}

export async function officeBenchmarks(): Promise<BenchResult[]> {
  // Read.
  const excel = new FakeExcel(fakeBook({ Inventory: bigInventory(), ...scenarioSheets() }));
  const port = createOfficePort({ run: excel.run });
  const grids = unwrap(await port.readMany(["Inventory", "Settings", "Drivers", "Levers"].map((sheet) => ({ kind: "range" as const, sheet }))));
  const cells = cellCount(grids[0]);
  if (cells < 100_000) throw new Error(`inventory read back with ${cells} cells`);
  const readSyncs = excel.syncCount;
  const readMax = Math.max(...excel.syncs.map((s) => s.bytes));

  // Write the outputs of the whole-country run.
  const spec = countrySpec(300, ["independent", "coordinated", "enhanced"], 10);
  const res = unwrap(runModel(unwrap(compileScenario(engineInput(spec)))));
  const Y = res.years.length;
  const rows: (string | number)[][] = [];
  res.scenarios.forEach((sc, k) => {
    const t = cityTotals(res, res.emissions[k]);
    res.cities.forEach((city, c) => {
      for (let y = 0; y < Y; y++) rows.push([sc, city, "Total", res.years[y], t[c * Y + y] / 1e6]);
    });
  });
  const peaks = res.peaks.map((p) => [p.scenario, p.region, p.year, p.value / 1e6, p.status, p.byTarget ? "yes" : "no"]);
  const ops: WriteOp[] = [
    { kind: "addSheet", sheet: "CP Results" },
    { kind: "clearSheet", sheet: "CP Results" },
    {
      kind: "table",
      sheet: "CP Results",
      header: ["scenario", "city", "sector", "year", "emissions"],
      rows,
      tableName: "CP_Results",
      numberFormats: { emissions: "#,##0.00" },
    },
    { kind: "addSheet", sheet: "CP Peaks" },
    { kind: "clearSheet", sheet: "CP Peaks" },
    { kind: "table", sheet: "CP Peaks", header: ["scenario", "region", "peak_year", "peak", "status", "by_target"], rows: peaks, tableName: "CP_Peaks" },
    { kind: "chart", sheet: "CP Peaks", spec: { type: "line", title: "country", source: { table: "CP_Peaks" }, anchor: "H2" } },
  ];
  excel.reset();
  unwrap(await port.writeMany(ops));
  const writeSyncs = excel.syncCount;
  const writeMax = Math.max(...excel.syncs.map((s) => s.bytes));
  const written = rows.length * 5 + peaks.length * 6;

  const row = (name: string, value: number, unit: string, budget: number): BenchResult => ({
    name,
    value,
    unit,
    baseline: budget,
    ratio: Math.round((value / budget) * 1000) / 1000,
  });
  return [
    row(
      `Office.js syncs to read a ${cells.toLocaleString("en")}-cell inventory + 3 scenario sheets (strict office-addin-mock) vs budget 2`,
      readSyncs,
      "syncs",
      2,
    ),
    row(
      `Office.js syncs to write a whole-country run's outputs (${written.toLocaleString("en")} cells, 2 tables, formats, chart) vs budget 2`,
      writeSyncs,
      "syncs",
      2,
    ),
    row(`Office.js largest sync payload (read or write above), JSON bytes vs the 5 MB limit`, Math.max(readMax, writeMax), "bytes", DEFAULT_PAYLOAD_LIMIT),
  ];
}
