/**
 * Reading a scenario: the inventory and the scenario sheets in one batch (`inventory-source.ts`),
 * turned into the engine's raw input (`scenario-sheets.ts`) and validated and compiled together by
 * the engine — every issue at once, each naming its cell ("Levers!F5") — plus the hash of the input
 * values that the run record and a precomputed Monte Carlo are checked against.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import {
  compileScenario,
  fail,
  isReadCancelled,
  issue,
  ok,
  readCancelled,
  readPlanChunked,
  type ChunkOptions,
  type FilledValue,
  type Inventory,
  type Issue,
  type Result,
  type ScenarioModel,
  pushAll,
} from "../engine";
import type { WorkbookPort } from "../workbook/port";
import { gather, planAddress, type InventorySource, type ReadAs } from "./inventory-source";
import { locate, type Located } from "./records";
import { SCENARIO_ROLES, type ScenarioRole } from "./scenario-columns";
import { inventoryInput, locateSettings, unlocateMissingSettings, withoutRepeatsOfUncached, type SheetInput } from "./scenario-sheets";
import { inputHash } from "./input-hash";

/** A scenario read from the workbook and validated. */
export interface ReadScenario {
  /** The engine's raw input, every record with its `source` cell. */
  readonly input: SheetInput["raw"];
  readonly model: ScenarioModel;
  readonly inventory: Inventory;
  /** The inventory range read ("Inventory!A1:D25"). */
  readonly inventoryAddress: string;
  /** Scenario sheet names by role (Activities may be absent). */
  readonly sheets: Readonly<Partial<Record<ScenarioRole, string>>>;
  /** "sha256:<hex>" of the input values (cell locations left out). */
  readonly inputHash: string;
  /** Values of the last historical year the fill rule supplied (Settings › Fill rule: carry forward), each with its measured year and cell. */
  readonly filled: readonly FilledValue[];
}

/**
 * Reads the inventory and the scenario sheets in one batch and validates them together: fails with
 * every issue at once (bad inventory cells, unknown columns or settings, every invalid field and
 * cross-record problem), each naming its cell ("Levers!F5"). Succeeds with the compiled model.
 *
 * The inventory cells are checked in slices as the preview does; `options.yieldTo` runs between
 * slices (default: none, the read runs in one go), `options.onProgress` gets each slice and
 * `options.signal` is checked before every slice — once aborted the read fails with one
 * `cancelled` issue (during "inventory").
 * @example const s = await readScenario(port); if (!s.ok) s.issues.map((i) => formatIssue(i))
 * @example await readScenario(port, undefined, { yieldTo: nextTask, signal })
 */
export async function readScenario(
  port: WorkbookPort,
  source?: InventorySource,
  options: ChunkOptions = {},
  readAs: ReadAs = {},
): Promise<Result<ReadScenario>> {
  if (options.signal?.aborted === true) return readCancelled();
  const loc = await locate(port);
  if (!loc.ok) return loc;
  return readLocatedScenario(port, loc.value, source, options, readAs);
}

/** {@link readScenario} in a workbook already located (a run locates once). */
export async function readLocatedScenario(
  port: WorkbookPort,
  located: Located,
  source: InventorySource | undefined,
  options: ChunkOptions,
  readAs: ReadAs = {},
): Promise<Result<ReadScenario>> {
  if (options.signal?.aborted === true) return readCancelled();
  // A scenario needs a unit: `unitOptional` is not for it.
  const g = await gather(port, located, source, { ...readAs, unitOptional: false });
  if (!g.ok) return g;
  const { raw, settingsSheet, sheetIssues } = g.value;
  const issues: Issue[] = [...sheetIssues];
  const warnings: Issue[] = [];
  let inv: Inventory | undefined;
  let address = "";
  let filled: readonly FilledValue[] = [];
  if (!g.value.inventory.ok) pushAll(issues, g.value.inventory.issues);
  else {
    const plan = g.value.inventory.value;
    address = planAddress(plan);
    const read = await readPlanChunked(plan, { yieldTo: () => undefined, ...options });
    if (!read.ok && isReadCancelled(read)) return read;
    if (!read.ok) pushAll(issues, read.issues);
    else {
      inv = read.value;
      pushAll(warnings, read.warnings);
    }
  }
  const input = { ...raw, settings: { ...raw.settings } };
  let yearsRejected = false;
  if (inv) {
    const rows = inventoryInput(
      inv,
      raw.settings.baseYear,
      settingsSheet?.units,
      raw.settings.fill,
      { baseYear: settingsSheet?.cells.baseYear, fill: settingsSheet?.cells.fill, lastHistoricalYear: settingsSheet?.cells.lastHistoricalYear },
      { lastHistoricalYear: raw.settings.lastHistoricalYear, endYear: raw.settings.endYear },
    );
    input.inventory = rows.rows;
    filled = rows.filled;
    if (rows.units !== undefined) input.settings.units = rows.units;
    pushAll(issues, rows.issues);
    pushAll(warnings, rows.warnings);
    yearsRejected = rows.historyRejected === true;
  }
  // Without a usable inventory the engine checks everything else, the cities and sectors the sheets
  // name standing in for the inventory's.
  const noInventory = !inv || input.inventory.length === 0;
  const compiled = compileScenario(input, { withoutInventory: noInventory, yearsRejected });
  // `history_rejected` only says the engine ran without the years the problem already named.
  if (!compiled.ok)
    pushAll(
      issues,
      withoutRepeatsOfUncached(
        issues,
        unlocateMissingSettings(
          yearsRejected && issues.length > 0 ? compiled.issues.filter((i) => i.code !== "history_rejected") : compiled.issues,
          settingsSheet,
        ),
      ),
    );
  if (issues.length > 0 || !compiled.ok || !inv) return fail(issues.length > 0 ? issues : [issue("internal_error", [], { detail: "scenario not compiled" })]);
  const sheets: Partial<Record<ScenarioRole, string>> = {};
  for (const r of SCENARIO_ROLES) if (located.scenario[r]) sheets[r] = located.scenario[r];
  return ok({ input, model: compiled.value, inventory: inv, inventoryAddress: address, sheets, inputHash: await inputHash(input), filled }, [
    ...warnings,
    ...locateSettings(compiled.warnings, settingsSheet),
  ]);
}
