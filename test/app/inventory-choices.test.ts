/* The inventory chooser's list: the user's sheets and tables, never the add-in's scenario or output sheets. */
import { createScenarioSheets, runAndWrite } from "../../src/app";
import { inventoryChoices, locate } from "../../src/app";
import { workbookView } from "../../src/taskpane/ui/records";
import { createMemoryPort } from "../../src/workbook/memory";
import { changzhutanWideRows } from "../helpers/inventory-grids";

describe("inventory choices", () => {
  test("a fresh workbook: every visible sheet, no records", async () => {
    const port = createMemoryPort({ Notes: [["n"]], "CEADs 城市排放": changzhutanWideRows() });
    const view = await workbookView(port);
    expect(view.scenarioSheets).toEqual([]);
    expect(view.sheets).toEqual(["Notes", "CEADs 城市排放"]);
  });

  test("after the 长株潭 example and a run: the scenario and output sheets and their tables are left out; the example's Inventory stays", async () => {
    const port = createMemoryPort({ Notes: [["n"]], "CEADs 城市排放": changzhutanWideRows(), Results: [["the user's own"]] });
    expect((await createScenarioSheets(port, { example: "changzhutan" })).ok).toBe(true);
    const run = await runAndWrite(port, { version: "test" });
    expect(run.ok).toBe(true);
    const view = await workbookView(port);
    expect(view.scenarioSheets).toEqual(["Settings", "Drivers", "Levers", "Activities"]);
    const l = await locate(port);
    if (!l.ok) throw new Error("locate failed");
    const outputs = Object.values(l.value.outputs);
    expect(outputs).toEqual(expect.arrayContaining(["Results (2)", "Peaks", "Run info"]));
    // The user's "Results" is theirs (the run wrote "Results (2)"): it stays.
    expect(view.sheets).toEqual(["Notes", "CEADs 城市排放", "Results", "Inventory"]);
    expect(inventoryChoices(l.value)).toEqual({ sheets: view.sheets, tables: view.tables });
    const own = new Set([...view.scenarioSheets, ...outputs]);
    expect(l.value.tables.some((t) => own.has(t.sheet))).toBe(true);
    expect(view.tables.every((t) => !own.has(t.sheet))).toBe(true);
    expect(view.tables.map((t) => t.sheet)).toContain("Inventory");
  });
});
