/**
 * The "Decomposition" sheet runAndWrite writes (src/app/outputs.ts): the engine's decomposition of the
 * run (src/engine/decomposition/scenario-decomposition.ts, docs/decomposition.md §6) in the Settings
 * unit, with a check column. Reference values: the 长株潭 sample (src/samples/changzhutan.ts, CEADs data —
 * citation in data/README.md).
 */
import { runScenarios, scenarioDecomposition } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { createScenarioSheets, runAndWrite } from "../../src/app";
import { createMemoryPort } from "../../src/workbook/memory";
import { value } from "../helpers/result";

describe("reference values", () => {
  const rows = value(scenarioDecomposition(value(runScenarios(changzhutanInput()))));

  test("runAndWrite writes the Decomposition sheet with the same numbers, in Mt, and a check column", async () => {
    const port = createMemoryPort();
    value(await createScenarioSheets(port, { example: "changzhutan" }));
    const summary = value(await runAndWrite(port));
    expect(summary.outputs).toContain("Decomposition");
    const cells = port.memory.sheetList.find((s) => s.name === "Decomposition")!.cells;
    expect(cells[0]).toEqual([
      "Scenario",
      "City or cluster",
      "Type",
      "Emissions 2015 (Mt CO2)",
      "Emissions 2030 (Mt CO2)",
      "Activity effect (Mt CO2)",
      "Structure effect (Mt CO2)",
      "Levers effect (Mt CO2)",
      "Change 2015–2030 (Mt CO2)",
      "Check (effects − change) (Mt CO2)",
    ]);
    expect(cells.length - 1).toBe(rows.length);
    rows.forEach((d, k) => {
      const w = cells[k + 1];
      expect(w.slice(0, 3)).toEqual([d.scenario, d.region, d.isCluster ? "cluster" : "city"]);
      expect(w[5] as number).toBeCloseTo(d.activity / 1e6, 9);
      expect(w[7] as number).toBeCloseTo(d.levers / 1e6, 9);
      expect(Math.abs(w[9] as number)).toBeLessThan(1e-9);
    });
  });
});
