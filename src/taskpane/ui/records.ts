/* The add-in's own sheets as the pane needs them, from the app's one look at the workbook (`locate`):
 * what the inventory chooser offers (`inventoryChoices`: no scenario or output sheet, no table on one)
 * and the scenario sheets that already exist. */
import { inventoryChoices, locate } from "../../app";
import type { TableInfo, WorkbookPort } from "../../workbook/port";

/** What the pane shows of the workbook: the chooser's sheets and tables, and the scenario sheets (by role order). */
export interface WorkbookView {
  readonly sheets: readonly string[];
  readonly tables: readonly TableInfo[];
  readonly scenarioSheets: readonly string[];
}

/** Locates once; what cannot be read is left empty. */
export async function workbookView(port: WorkbookPort): Promise<WorkbookView> {
  const l = await locate(port);
  if (!l.ok) return { sheets: [], tables: [], scenarioSheets: [] };
  const choices = inventoryChoices(l.value);
  return { ...choices, scenarioSheets: Object.values(l.value.scenario).filter((x): x is string => !!x) };
}
