/**
 * What the add-in records in a workbook, and one look at the workbook that resolves it: the keys of
 * the add-in's settings record (the scenario sheets the template created, the output sheets a run
 * owns, the last run), and {@link locate} — sheets, settings and tables read once and turned into the
 * scenario sheet of each role and the recorded outputs. Every job of the app (preview, read, template,
 * run) starts from one {@link Located}; a run locates once.
 *
 * Scenario sheets created by the template are recorded under `scenarioSheets` and are never written
 * again: once created they are the user's input. Outputs are recorded under `outputs` (role → sheet
 * name); a re-run clears and rewrites those sheets and nothing else (`output-sheets.ts`).
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import { fail, ok, type Result } from "../engine";
import type { Settings, SheetInfo, TableInfo, WorkbookPort } from "../workbook/port";
import { SCENARIO_ROLES, isRoleName, type ScenarioRole } from "./scenario-columns";

/** Keys of the add-in's settings record used by the app. */
export const SETTINGS_KEYS = { scenarioSheets: "scenarioSheets", outputs: "outputs", lastRun: "lastRun" } as const;

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === "string") out[k] = x;
  }
  return out;
}

/** Sheet and table names compare case-insensitively (as Excel does). */
export const lc = (s: string) => s.toLowerCase();

/** The workbook's sheets, tables and the add-in's records, resolved. */
export interface Located {
  readonly sheets: readonly SheetInfo[];
  readonly settings: Settings;
  readonly tables: readonly TableInfo[];
  /** The scenario sheet of each role: the one recorded by the template, else one named like the role. */
  readonly scenario: Partial<Record<ScenarioRole, string>>;
  /** The output sheets of the previous run, by role (as recorded; the sheets may be gone). */
  readonly outputs: Record<string, string>;
}

/**
 * Reads the workbook's sheets, the add-in's settings and the tables (three port calls, in parallel)
 * and resolves the scenario sheets and the recorded outputs.
 * @example const l = await locate(port); if (l.ok) l.value.scenario.levers // "Levers"
 */
export async function locate(port: WorkbookPort): Promise<Result<Located>> {
  const [sheets, settings, tables] = await Promise.all([port.listSheets(), port.getSettings(), port.findTables()]);
  const bad = [sheets, settings, tables].flatMap((r) => (r.ok ? [] : r.issues));
  if (!sheets.ok || !settings.ok || !tables.ok) return fail(bad);
  const recorded = stringMap(settings.value[SETTINGS_KEYS.scenarioSheets]);
  const find = (name: string | undefined) => (name === undefined ? undefined : sheets.value.find((s) => lc(s.name) === lc(name))?.name);
  const scenario: Partial<Record<ScenarioRole, string>> = {};
  for (const role of SCENARIO_ROLES) {
    scenario[role] = find(recorded[role]) ?? sheets.value.find((s) => isRoleName(role, s.name))?.name;
  }
  const outputs = stringMap(settings.value[SETTINGS_KEYS.outputs]);
  return ok({ sheets: sheets.value, settings: settings.value, tables: tables.value, scenario, outputs });
}

/** The scenario sheets and the recorded output sheets: never an inventory. */
function ownSheets(l: Located): Set<string> {
  return new Set([...Object.values(l.scenario), ...Object.values(l.outputs)].filter((x): x is string => !!x).map(lc));
}

/** Sheets that may hold the inventory: visible, not a scenario sheet, not one of the add-in's outputs. */
export function candidateSheets(l: Located): string[] {
  const skip = ownSheets(l);
  return l.sheets.filter((s) => s.visible && !skip.has(lc(s.name))).map((s) => s.name);
}

/**
 * What an inventory chooser offers: the {@link candidateSheets} and the tables on them (a scenario
 * sheet's or an output's table is never an inventory). The 长株潭 example's own inventory sheet has no
 * scenario role and is offered.
 * @example inventoryChoices(l) // { sheets: ["CEADs 城市排放", "Inventory"], tables: [{ name: "CarbonPeak_Inventory", … }] }
 */
export function inventoryChoices(l: Located): { sheets: string[]; tables: TableInfo[] } {
  const skip = ownSheets(l);
  return { sheets: candidateSheets(l), tables: l.tables.filter((t) => !skip.has(lc(t.sheet))) };
}
