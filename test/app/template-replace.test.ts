/* Creating the scenario template over existing scenario sheets: what is there, keep (free names) or replace (same names, same batch). */
import { createScenarioSheets, existingScenarioSheets, locate } from "../../src/app";
import { createMemoryPort } from "../../src/workbook/memory";
import { changzhutanWideRows } from "../helpers/inventory-grids";

async function located(port: ReturnType<typeof createMemoryPort>) {
  const l = await locate(port);
  if (!l.ok) throw new Error("locate failed");
  return l.value;
}

const names = (port: ReturnType<typeof createMemoryPort>) => port.memory.sheetList.map((s) => s.name);

describe("existing scenario sheets", () => {
  test("a workbook without scenario sheets has none (a user's sheet named Inventory is not one)", async () => {
    const port = createMemoryPort({
      Inventory: [
        ["City", 2019],
        ["长沙", 1],
      ],
    });
    expect(existingScenarioSheets(await located(port), { example: "changzhutan" })).toEqual([]);
  });

  test("after the example: its six scenario sheets and its inventory sheet, all the add-in's", async () => {
    const port = createMemoryPort({ "CEADs 城市排放": changzhutanWideRows() });
    expect((await createScenarioSheets(port, { example: "changzhutan" })).ok).toBe(true);
    expect(existingScenarioSheets(await located(port), { example: "changzhutan" })).toEqual(
      ["Settings", "Drivers", "Levers", "Activities", "Socioeconomic", "Targets", "Inventory"].map((sheet) => ({ sheet, owned: true })),
    );
    // Without the example the inventory sheet is not the template's business.
    expect(existingScenarioSheets(await located(port)).map((x) => x.sheet)).toEqual([
      "Settings",
      "Drivers",
      "Levers",
      "Activities",
      "Socioeconomic",
      "Targets",
    ]);
  });
});

describe("create again", () => {
  test("keeping the existing ones (the default): new sheets get free names, nothing is deleted", async () => {
    const port = createMemoryPort({ "CEADs 城市排放": changzhutanWideRows() });
    await createScenarioSheets(port, { example: "changzhutan" });
    const again = await createScenarioSheets(port, { example: "changzhutan" });
    expect(again.ok && again.value.sheets).toEqual([
      "Settings (2)",
      "Drivers (2)",
      "Levers (2)",
      "Activities (2)",
      "Socioeconomic (2)",
      "Targets (2)",
      "Inventory (2)",
    ]);
    expect(names(port)).toContain("Settings");
  });

  test("replace: the add-in's scenario sheets are written anew under their names in one batch; the user's edits there go, the user's sheets stay", async () => {
    const port = createMemoryPort({ "CEADs 城市排放": changzhutanWideRows(), Notes: [["mine"]] });
    await createScenarioSheets(port, { example: "changzhutan" });
    const levers = port.memory.sheetList.find((s) => s.name === "Levers")!;
    const edited = JSON.stringify(levers.cells);
    levers.cells[1][0] = "edited by the analyst";
    const writes = port.memory.log.length;
    const r = await createScenarioSheets(port, { example: "changzhutan", replace: true });
    expect(r.ok && r.value.sheets).toEqual(["Settings", "Drivers", "Levers", "Activities", "Socioeconomic", "Targets", "Inventory"]);
    expect(names(port).filter((n) => n.includes("("))).toEqual([]);
    expect(JSON.stringify(port.memory.sheetList.find((s) => s.name === "Levers")!.cells)).toBe(edited);
    expect(port.memory.tableList.map((t) => t.name).filter((n) => /_\d+$/.test(n))).toEqual([]); // table names reused, no CarbonPeak_Levers_2
    expect(port.memory.sheetList.find((s) => s.name === "Notes")!.cells).toEqual([["mine"]]);
    // One batch: the deletions and the new sheets went through writeMany together.
    expect(port.memory.log.slice(writes).filter((w) => w.kind === "deleteSheet").length).toBe(7);
    // The reader finds the new sheets.
    expect((await located(port)).scenario).toEqual({
      settings: "Settings",
      drivers: "Drivers",
      levers: "Levers",
      activities: "Activities",
      socioeconomic: "Socioeconomic",
      targets: "Targets",
    });
  });

  test("replace never deletes a scenario sheet the user made: the new one gets a free name beside it", async () => {
    const port = createMemoryPort({
      Settings: [
        ["Setting", "Value"],
        ["Base year", 2015],
      ],
    });
    const existing = existingScenarioSheets(await located(port));
    expect(existing).toEqual([{ sheet: "Settings", owned: false }]);
    const r = await createScenarioSheets(port, { replace: true });
    expect(r.ok && r.value.sheets[0]).toBe("Settings (2)");
    expect(port.memory.sheetList.find((s) => s.name === "Settings")!.cells).toEqual([
      ["Setting", "Value"],
      ["Base year", 2015],
    ]);
  });
});
