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
    // The example has Kaya drivers: from the last historical year 2019 to the target year 2030 on the Kaya factors.
    expect(cells[0]).toEqual([
      "Scenario",
      "City or cluster",
      "Type",
      "Emissions 2019 (Mt CO2)",
      "Emissions 2030 (Mt CO2)",
      "Population effect (Mt CO2)",
      "GDP per capita effect (Mt CO2)",
      "Structure effect (activity per GDP) (Mt CO2)",
      "Energy intensity effect (Mt CO2)",
      "Carbon intensity effect (Mt CO2)",
      "Levers effect (Mt CO2)",
      "Change 2019–2030 (Mt CO2)",
      "Check (effects − change) (Mt CO2)",
    ]);
    expect(cells.length - 1).toBe(rows.length);
    rows.forEach((d, k) => {
      const w = cells[k + 1];
      const e = d.kaya!;
      expect(w.slice(0, 3)).toEqual([d.scenario, d.region, d.isCluster ? "cluster" : "city"]);
      expect(w[3] as number).toBeCloseTo(d.emissions0 / 1e6, 9);
      expect(w[4] as number).toBeCloseTo(d.emissions1 / 1e6, 9);
      [e.population, e.gdpPerCapita, e.structure, e.energyIntensity, e.carbonIntensity, e.levers].forEach((x, j) =>
        expect(w[5 + j] as number).toBeCloseTo(x / 1e6, 9),
      );
      expect(w[11] as number).toBeCloseTo(d.total / 1e6, 9);
      // The check column: the effects sum to the change.
      expect(Math.abs(w[12] as number)).toBeLessThan(1e-9);
    });
    // Not vacuous: GDP per capita pushes the cluster's emissions up, energy intensity pulls them down.
    const cluster = rows.find((d) => d.scenario === "baseline" && d.isCluster)!.kaya!;
    expect(cluster.gdpPerCapita).toBeGreaterThan(0);
    expect(cluster.energyIntensity).toBeLessThan(0);
  });
});
