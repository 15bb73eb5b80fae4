/**
 * The app's one export list: the workflow the task pane and the CLI share, over a `WorkbookPort`.
 * One file per job:
 *
 * - `records.ts` — what the add-in records in a workbook; `locate` resolves scenario sheets and outputs.
 * - `output-sheets.ts` — naming the output sheets and tables of a run (reuse, language, free names).
 * - `inventory-source.ts` — where the inventory is, the one batch read; `inventory-preview.ts` — the pane's preview.
 * - `scenario-columns.ts` — the scenario sheets' names, columns and Settings rows;
 *   `scenario-sheets.ts` — their reader; `scenario-read.ts` — reading and validating a scenario.
 * - `template.ts` — the scenario template.
 * - `run.ts` — the run; `outputs.ts`, `live-peaks.ts`, `peak-summary.ts`, `target-summary.ts`, `output-labels.ts` — what it writes.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
export { SETTINGS_KEYS, locate, candidateSheets, inventoryChoices } from "./records";
export type { Located } from "./records";
export { freeSheetName, tableNamer, planOutputSheets } from "./output-sheets";
export type { OutputSheetPlan } from "./output-sheets";
export { gather, loadInventory, planAddress } from "./inventory-source";
export type { InventorySource, InventoryOrigin, Gathered, ReadAs } from "./inventory-source";
export { previewInventory, inventorySummary } from "./inventory-preview";
export type { InventoryPreview, PreviewOptions } from "./inventory-preview";
export {
  SCENARIO_ROLES,
  CORE_ROLES,
  SHEET_NAMES,
  SETTINGS_HEADER,
  SETTINGS_ROWS,
  NOTE_COLUMN,
  UNCERTAINTY_COLUMNS,
  DRIVER_COLUMNS,
  LEVER_COLUMNS,
  ACTIVITY_COLUMNS,
  SOCIO_COLUMNS,
  TARGET_COLUMNS,
  COLUMNS,
  REQUIRED,
  VALIDATION_LISTS,
  validationFor,
  headerLabel,
  matchColumn,
  isRoleName,
} from "./scenario-columns";
export type { ScenarioRole, ColumnDef, SettingRow } from "./scenario-columns";
export { readRowSheet, readSettingsSheet, unlocateMissingSettings, readScenarioGrids, inventoryInput } from "./scenario-sheets";
export type { SettingsSheet, ScenarioGrids, SheetInput, InventoryInput } from "./scenario-sheets";
export { readScenario, readLocatedScenario } from "./scenario-read";
export type { ReadScenario } from "./scenario-read";
export { EXAMPLE_INVENTORY_SHEET, templateSheets, createScenarioSheets, existingScenarioSheets } from "./template";
export type { TemplateSheet, TemplateOptions, ExistingSheet, TemplateFromInventory } from "./template";
export { startFromInventory, createScenarioFromInventory } from "./scenario-from-inventory";
export type { InventoryChoice, ScenarioStart } from "./scenario-from-inventory";
export { DEFAULT_SEED, runAndWrite } from "./run";
export type { PrecomputedMonteCarlo, RunOptions, RunSummary } from "./run";
export { OUTPUT_SHEETS, OUTPUT_TABLES, emissionsFormat, withUnit, outputOps, targetText } from "./outputs";
export type { RunRecord, OutputPlan } from "./outputs";
export { peakSummary } from "./peak-summary";
export { targetSummary, indicatorSummary, signedReached } from "./target-summary";
export type { TargetSummaryRow, IndicatorSummary, IndicatorsSummary } from "./target-summary";
export type { PeakSummaryRow } from "./peak-summary";
export { LIVE_TABLES, LIVE_HEADERS, YEARS_ROW, TABLE_ROW, FIRST_YEAR_COL, liveHeaders, liveFormula, livePeaksOps } from "./live-peaks";
export { OUTPUT_ROLES, OUTPUT_SHEET_NAMES, OUTPUT_LABELS, outputLabel, labels, outputSheetNames, isOutputSheetName } from "./output-labels";
export type { OutputRole, OutputLabelKey } from "./output-labels";
export { canonicalJson, inputHash, sha256 } from "./input-hash";
export { displayName, labelWithCode } from "./display-names";
export type { NamedKind } from "./display-names";
