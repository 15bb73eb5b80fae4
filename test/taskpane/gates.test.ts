/* One step at a time: which inventory the run uses, which controls are available and why, the one primary button. */
import { issue, ok, fail } from "../../src/engine";
import type { InventoryPreview } from "../../src/app";
import { STRINGS, format } from "../../src/taskpane/strings";
import { gates, inventoryPair, previewedSource, runPlan, sameLocation } from "../../src/taskpane/ui/gates";
import { initialState, type PaneState } from "../../src/taskpane/ui/state";

const en = STRINGS.en;

function inv(sheet: string, address: string, problems = 0): InventoryPreview {
  return {
    layout: "wide",
    sheet,
    address,
    cities: ["湖南长沙"],
    sectors: ["Total"],
    years: [2019],
    unit: "Mt",
    totalsByYear: [{ year: 2019, total: 1, complete: true, missing: [] }],
    issues: Array.from({ length: problems }, () => issue("not_a_number", ["inventory", 1, 1], { value: "x", cell: `${sheet}!B2` })),
    warnings: [],
    chosenBy: { by: "found" },
  };
}

const CEADS = inv("CEADs 城市排放", "'CEADs 城市排放'!A1:X7");
const EXAMPLE = inv("Inventory", "Inventory!A1:D25");
const state = (patch: Partial<PaneState>): PaneState => ({ ...initialState({ draws: 1000, seed: 1 }), ...patch });

describe("run plan: which inventory the run will use", () => {
  test("without scenario sheets there is nothing to run; while the scenario's own inventory is being checked, wait", () => {
    expect(runPlan(state({}))).toEqual({ kind: "no-scenario" });
    expect(runPlan(state({ scenarioSheets: ["Settings"] }))).toEqual({ kind: "checking" });
  });

  test("previewed and the scenario's own are the same place: ready, on the previewed source", () => {
    const s = state({
      preview: { source: undefined, result: ok(CEADS) },
      scenarioSheets: ["Settings"],
      target: ok(inv("ceads 城市排放", "'ceads 城市排放'!a1:x7")),
    });
    expect(runPlan(s)).toMatchObject({ kind: "ready", from: "previewed", source: { sheet: "CEADs 城市排放" }, problems: 0 });
    expect(inventoryPair(s)).toBeUndefined();
  });

  test("they differ: the analyst chooses; each choice runs on its own source", () => {
    const s = state({ preview: { source: undefined, result: ok(CEADS) }, scenarioSheets: ["Settings"], target: ok(EXAMPLE) });
    expect(runPlan(s)).toEqual({ kind: "choose", previewed: CEADS, scenario: EXAMPLE });
    expect(inventoryPair(s)).toEqual({ previewed: CEADS, scenario: EXAMPLE });
    expect(runPlan({ ...s, runChoice: "previewed" })).toMatchObject({ kind: "ready", inventory: CEADS, source: { sheet: "CEADs 城市排放" } });
    expect(runPlan({ ...s, runChoice: "scenario" })).toMatchObject({ kind: "ready", inventory: EXAMPLE, source: undefined });
    expect(runPlan({ ...s, runChoice: "scenario", unit: "万t" })).toMatchObject({ source: { unit: "万t" } });
  });

  test("no preview yet (a workbook with scenario sheets from before): the scenario's own", () => {
    expect(runPlan(state({ scenarioSheets: ["Settings"], target: ok(EXAMPLE) }))).toMatchObject({ kind: "ready", inventory: EXAMPLE, from: "scenario" });
  });

  test("the scenario resolves to no inventory: the previewed one if any, else nothing to run on", () => {
    const none = fail([issue("sheet_not_found", ["settings", "inventory"], { sheet: "Gone" })]);
    expect(runPlan(state({ scenarioSheets: ["Settings"], target: none }))).toEqual({ kind: "no-inventory", count: 1 });
    expect(runPlan(state({ scenarioSheets: ["Settings"], target: none, preview: { source: { sheet: "CEADs 城市排放" }, result: ok(CEADS) } }))).toMatchObject({
      kind: "ready",
      inventory: CEADS,
    });
  });

  test("a sheet or table named in step 1 is used as named; a found one by its sheet (its used range at run time)", () => {
    expect(previewedSource({ table: "Emissions" }, CEADS, "")).toEqual({ table: "Emissions" });
    expect(previewedSource({ sheet: "Data", address: "A1:X9" }, CEADS, "")).toEqual({ sheet: "Data", address: "A1:X9" });
    expect(previewedSource(undefined, CEADS, "Mt")).toEqual({ sheet: "CEADs 城市排放", unit: "Mt" });
    expect(sameLocation(CEADS, EXAMPLE)).toBe(false);
  });
});

describe("gates: later steps wait for their inputs, with the reason", () => {
  test("at first: Preview is the one primary action; Create, Check and Run say what comes first", () => {
    expect(gates(state({}), en)).toEqual({ create: en.gateNeedPreview, check: en.gateNeedScenario, run: en.gateNeedScenario, primary: "preview" });
  });

  test("after a clean preview: Create is available and primary", () => {
    expect(gates(state({ preview: { source: undefined, result: ok(CEADS) } }), en)).toMatchObject({ create: null, primary: "create" });
  });

  test("a preview with problems: Create is available (the example brings its own inventory) but Preview stays primary", () => {
    expect(gates(state({ preview: { source: undefined, result: ok(inv("X", "X!A1:B2", 2)) } }), en)).toMatchObject({ create: null, primary: "preview" });
  });

  test("two inventories: Run waits for the choice and no button is primary (the choice is the next action)", () => {
    const s = state({ preview: { source: undefined, result: ok(CEADS) }, scenarioSheets: ["Settings"], target: ok(EXAMPLE) });
    expect(gates(s, en)).toEqual({ create: null, check: null, run: en.gateChoose, primary: "none" });
    expect(gates({ ...s, runChoice: "scenario" }, en)).toMatchObject({ run: null, primary: "run" });
  });

  test("Run is refused while the inventory it would use has problems, naming it and the count", () => {
    const bad = inv("CEADs 城市排放", "'CEADs 城市排放'!A1:X7", 3);
    const s = state({ preview: { source: undefined, result: ok(bad) }, scenarioSheets: ["Settings"], target: ok(bad) });
    expect(gates(s, en)).toMatchObject({ run: format(en.gateProblems, { count: 3, inventory: bad.address }), primary: "preview" });
    expect(gates(s, en).run).toBe(
      "Run is not available: the inventory it would use ('CEADs 城市排放'!A1:X7) has problems (3). Fix them in Excel and preview again.",
    );
  });
});
