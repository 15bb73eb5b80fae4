/* The add-in's own sheets, as the pane needs to know them: the scenario sheets it created (recorded by the
 * workflow under SETTINGS_KEYS.scenarioSheets) and the output sheets of the last run (SETTINGS_KEYS.outputs).
 * The records are the workflow's; this only reads them through the port. */
import { SETTINGS_KEYS } from "../../app";
import type { SheetInfo, TableInfo, WorkbookPort } from "../../workbook/port";

/** Names in a recorded role → sheet map that still exist, spelled as the workbook spells them. */
function recorded(value: unknown, sheets: readonly SheetInfo[]): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const names = new Map(sheets.map((x) => [x.name.toLowerCase(), x.name]));
  return Object.values(value as Record<string, unknown>)
    .filter((v): v is string => typeof v === "string")
    .map((v) => names.get(v.toLowerCase()))
    .filter((v): v is string => v !== undefined);
}

/** The sheets and tables of the workbook, and which of them are the add-in's scenario and output sheets. */
export interface WorkbookView {
  readonly sheets: readonly SheetInfo[];
  readonly tables: readonly TableInfo[];
  readonly scenarioSheets: readonly string[];
  readonly outputSheets: readonly string[];
}

/** Reads sheets, tables and the add-in's records in one go; what cannot be read is left empty. */
export async function workbookView(port: WorkbookPort): Promise<WorkbookView> {
  const [sheets, tables, settings] = await Promise.all([port.listSheets(), port.findTables(), port.getSettings()]);
  const list = sheets.ok ? sheets.value : [];
  const record = settings.ok ? settings.value : {};
  return {
    sheets: list,
    tables: tables.ok ? tables.value : [],
    scenarioSheets: recorded(record[SETTINGS_KEYS.scenarioSheets], list),
    outputSheets: recorded(record[SETTINGS_KEYS.outputs], list),
  };
}

/**
 * What the inventory chooser offers: visible sheets and tables, without the add-in's scenario sheets
 * (Settings, Drivers, Levers, Activities) and output sheets (Results, Peaks … Run info) or tables on them.
 * The example's Inventory sheet is not a scenario role and stays offered.
 */
export function inventoryChoices(view: WorkbookView): { sheets: string[]; tables: TableInfo[] } {
  const own = new Set([...view.scenarioSheets, ...view.outputSheets].map((x) => x.toLowerCase()));
  return {
    sheets: view.sheets.filter((x) => x.visible && !own.has(x.name.toLowerCase())).map((x) => x.name),
    tables: view.tables.filter((t) => !own.has(t.sheet.toLowerCase())),
  };
}
