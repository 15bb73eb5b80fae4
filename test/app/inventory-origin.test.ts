/* Who chose the inventory a preview (and so a run) uses: the source asked for, the Settings sheet's Inventory cell, or the search. */
import { createScenarioSheets, previewInventory } from "../../src/app";
import { createMemoryPort } from "../../src/workbook/memory";
import { changzhutanWideRows } from "../helpers/inventory-grids";

const value = <T>(r: { ok: true; value: T } | { ok: false }) => {
  if (!r.ok) throw new Error("expected ok");
  return r.value;
};

describe("inventory origin", () => {
  test("found by the search when nothing names it; the source when one is given", async () => {
    const port = createMemoryPort({ "CEADs 城市排放": changzhutanWideRows() });
    expect(value(await previewInventory(port)).chosenBy).toEqual({ by: "found" });
    expect(value(await previewInventory(port, { sheet: "CEADs 城市排放" })).chosenBy).toEqual({ by: "source" });
  });

  test("the 长株潭 example's Settings name their own Inventory sheet, in the Inventory row's value cell", async () => {
    const port = createMemoryPort({ "CEADs 城市排放": changzhutanWideRows() });
    await createScenarioSheets(port, { example: "changzhutan" });
    const p = value(await previewInventory(port));
    expect(p.address).toBe("Inventory!A1:H25"); // City, Sector, Unit and the years 2015–2019
    expect(p.chosenBy).toEqual({ by: "settings", cell: "Settings!B2" });
    // A source still wins over the Settings.
    expect(value(await previewInventory(port, { sheet: "CEADs 城市排放" })).chosenBy).toEqual({ by: "source" });
  });
});
