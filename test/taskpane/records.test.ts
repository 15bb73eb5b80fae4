/* The inventory chooser's list: the user's sheets and tables, never the add-in's scenario or output sheets. */
import { createScenarioSheets, runAndWrite } from "../../src/app";
import { inventoryChoices, workbookView } from "../../src/taskpane/ui/records";
import { createMemoryPort } from "../../src/workbook/memory";
import { changzhutanWideRows } from "../helpers/inventory-grids";

describe("inventory choices", () => {
  test("a fresh workbook: every visible sheet, no records", async () => {
    const port = createMemoryPort({ Notes: [["n"]], "CEADs 城市排放": changzhutanWideRows() });
    const view = await workbookView(port);
    expect(view.scenarioSheets).toEqual([]);
    expect(inventoryChoices(view).sheets).toEqual(["Notes", "CEADs 城市排放"]);
  });

  test("after the 长株潭 example and a run: the scenario and output sheets and their tables are left out; the example's Inventory stays", async () => {
    const port = createMemoryPort({ Notes: [["n"]], "CEADs 城市排放": changzhutanWideRows(), Results: [["the user's own"]] });
    expect((await createScenarioSheets(port, { example: "changzhutan" })).ok).toBe(true);
    const run = await runAndWrite(port, { version: "test" });
    expect(run.ok).toBe(true);
    const view = await workbookView(port);
    expect(view.scenarioSheets).toEqual(expect.arrayContaining(["Settings", "Drivers", "Levers", "Activities"]));
    expect(view.outputSheets).toEqual(expect.arrayContaining(["Results (2)", "Peaks", "Run info"]));
    const choices = inventoryChoices(view);
    // The user's "Results" is theirs (the run wrote "Results (2)"): it stays.
    expect(choices.sheets).toEqual(["Notes", "CEADs 城市排放", "Results", "Inventory"]);
    const own = new Set([...view.scenarioSheets, ...view.outputSheets]);
    expect(view.tables.some((t) => own.has(t.sheet))).toBe(true);
    expect(choices.tables.every((t) => !own.has(t.sheet))).toBe(true);
  });
});
