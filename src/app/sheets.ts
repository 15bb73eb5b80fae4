/**
 * The scenario-sheet conventions shared by the task pane and the CLI (DESIGN 5): which sheets hold a
 * scenario, what their columns are called, the template that creates them, and the reader that turns
 * them back into the engine's scenario input — every record carrying its `source` so that every issue
 * names its cell (`Levers!F5`).
 *
 * **Sheets.** `Settings` (参数), `Drivers` (驱动因素), `Levers` (减排措施) and `Activities` (活动水平;
 * optional: only `activity` / `align_best` levers need it). Names are matched case-insensitively; the
 * English or the Chinese name (or an alias such as 设置, 措施) is accepted on read. The template writes
 * the English names (or the Chinese ones with `lang: "zh"`); when a name is taken it writes "Settings (2)"
 * and records the names it used in the add-in's settings, which the reader consults first.
 *
 * **Headers** are bilingual in the template ("Base year / 基准年"). On read a header matches when any
 * of its parts (split at "/" or a line break, brackets ignored, case and spaces ignored) is the English
 * label, the Chinese label, the engine's field name (`startYear`) or an alias. A non-blank header that
 * matches nothing is reported (`unknown_field`): a misspelt column is an error, not silently ignored.
 *
 * **Settings** is a two-column list (Setting | Value, plus a Note column): one row per setting, in any
 * order. Besides the engine's settings it may name the inventory: `Inventory / 排放清单` = a sheet
 * name, a range ("Inventory!A1:D40") or a table name. `Units` is also the unit chooser for an
 * inventory without a unit on the sheet; inventory values are converted to it when the sheet has another.
 *
 * Pure TypeScript over {@link Grid}s: no Office, DOM or Node.
 */
import {
  DIST_KINDS,
  LEVER_KINDS,
  RAMP_SHAPES,
  cellAddress,
  columnLetters,
  gridAt,
  gridWidth,
  inventoryRowsForYear,
  issue,
  tonnesPer,
  isBlank,
  type Grid,
  type Inventory,
  type Issue,
  type ScenarioInput,
  type Targets,
} from "../engine";
import { changzhutanInput, CEADS_CITATION } from "../engine/samples/changzhutan";
import type { CellValue, ColumnValidation } from "../workbook/port";

/** Display language of a template. */
export type SheetLang = "en" | "zh";

/** The scenario sheets. */
export type ScenarioRole = "settings" | "drivers" | "levers" | "activities";

/** Roles in template order. */
export const SCENARIO_ROLES: readonly ScenarioRole[] = ["settings", "drivers", "levers", "activities"];

/** Sheet names by role: the English and Chinese names the template writes, and aliases accepted on read. */
export const SHEET_NAMES: Readonly<Record<ScenarioRole, { readonly en: string; readonly zh: string; readonly aliases: readonly string[] }>> = {
  settings: { en: "Settings", zh: "参数", aliases: ["设置", "情景参数", "Scenario settings"] },
  drivers: { en: "Drivers", zh: "驱动因素", aliases: ["驱动", "增长率", "Growth rates"] },
  levers: { en: "Levers", zh: "减排措施", aliases: ["措施", "减排杠杆"] },
  activities: { en: "Activities", zh: "活动水平", aliases: ["活动", "Activity"] },
};

/** Name of the inventory sheet the example template writes. */
export const EXAMPLE_INVENTORY_SHEET = { en: "Inventory", zh: "排放清单" } as const;

/** One column (or, on the Settings sheet, one setting row). */
export interface ColumnDef {
  /** The engine's field name (`startYear`), or `inventory` for the Settings row naming the inventory. */
  readonly field: string;
  readonly en: string;
  readonly zh: string;
  readonly aliases?: readonly string[];
  /**
   * Not needed on read: a sheet without the column is complete (the uncertainty columns). The template
   * writes it all the same, blank in the rows that do not use it.
   */
  readonly optional?: boolean;
  /** Shown in the template's Note column (Settings) — English and Chinese. */
  readonly help?: { readonly en: string; readonly zh: string };
}

/** The Settings sheet's header. */
export const SETTINGS_HEADER: readonly ColumnDef[] = [
  { field: "key", en: "Setting", zh: "参数", aliases: ["设置", "项目", "name"] },
  { field: "value", en: "Value", zh: "值", aliases: ["数值", "取值"] },
  { field: "note", en: "Note", zh: "说明", aliases: ["备注", "notes", "help"] },
];

/** The Settings rows, in template order. */
export const SETTINGS_ROWS: readonly ColumnDef[] = [
  { field: "inventory", en: "Inventory", zh: "排放清单", aliases: ["inventory sheet", "清单工作表", "清单"], help: { en: "sheet, range (Sheet!A1:D40) or table holding the emissions inventory; blank = find it", zh: "排放清单所在的工作表、区域（工作表!A1:D40）或表格；留空则自动查找" } },
  { field: "baseYear", en: "Base year", zh: "基准年", help: { en: "first projected year; the inventory must have it", zh: "预测起始年；清单中须有该年数据" } },
  { field: "endYear", en: "End year", zh: "终止年", aliases: ["结束年"], help: { en: "last projected year", zh: "预测终止年" } },
  { field: "targetYear", en: "Target year", zh: "目标年", aliases: ["达峰目标年", "peak target year"], help: { en: "peaks are judged against it (碳达峰: 2030)", zh: "据此判断是否按期达峰（如 2030）" } },
  { field: "tolerance", en: "Peak tolerance", zh: "达峰容差", aliases: ["tolerance", "容差"], help: { en: "0 = the maximum; 0.02 = a plateau within 2%", zh: "0 表示最大值；0.02 表示 2% 以内的平台期" } },
  { field: "confirmYears", en: "Confirmation years", zh: "确认年数", aliases: ["confirm years"], help: { en: "years below the peak needed to call it peaked", zh: "峰值后需低于峰值的年数" } },
  { field: "smoothYears", en: "Smoothing years", zh: "平滑年数", aliases: ["smooth years"], help: { en: "odd moving-average window; 1 = none", zh: "奇数移动平均窗口；1 表示不平滑" } },
  { field: "units", en: "Units", zh: "单位", aliases: ["unit"], help: { en: "unit of the inventory and of the results (t, 万t, Mt, 亿t); blank = the inventory's", zh: "清单与结果的单位（t、万t、Mt、亿t）；留空则沿用清单单位" } },
  { field: "cluster", en: "Cluster name", zh: "城市群名称", aliases: ["cluster", "城市群"], help: { en: "name of the sum of all cities", zh: "全部城市之和的名称" } },
  { field: "baseline", en: "Baseline scenario", zh: "基准情景", aliases: ["baseline"], help: { en: "the drivers-only scenario", zh: "仅含驱动因素的情景" } },
  { field: "scenarios", en: "Other scenarios", zh: "其他情景", aliases: ["scenarios", "情景"], help: { en: "extra scenarios to run, comma-separated (scenarios with levers run anyway)", zh: "额外运行的情景，逗号分隔（有措施的情景总会运行）" } },
  { field: "independent", en: "Independent scenario", zh: "独立情景", help: { en: "cities acting alone (for the benefit of coordination)", zh: "各城市独立行动的情景（用于计算协同效益）" } },
  { field: "coordinated", en: "Coordinated scenario", zh: "协同情景", help: { en: "the cluster acting together", zh: "城市群协同行动的情景" } },
];

/** The row sheets' free-text note column. */
const NOTE_COLUMN: ColumnDef = { field: "note", en: "Note", zh: "备注", aliases: ["notes", "说明"] };

/** The optional uncertainty columns that end Drivers and Levers (distribution, SD, min, max). */
const UNCERTAINTY_COLUMNS: readonly ColumnDef[] = [
  { field: "dist", en: "Distribution", zh: "分布", aliases: ["dist"], optional: true },
  { field: "sd", en: "SD", zh: "标准差", aliases: ["standard deviation"], optional: true },
  { field: "min", en: "Min", zh: "最小值", aliases: ["minimum"], optional: true },
  { field: "max", en: "Max", zh: "最大值", aliases: ["maximum"], optional: true },
];

/** Drivers columns. */
export const DRIVER_COLUMNS: readonly ColumnDef[] = [
  { field: "variable", en: "Variable", zh: "变量" },
  { field: "city", en: "City", zh: "城市" },
  { field: "sector", en: "Sector", zh: "部门" },
  { field: "from", en: "From", zh: "起始年", aliases: ["from year", "start"] },
  { field: "to", en: "To", zh: "终止年", aliases: ["to year", "end"] },
  { field: "rate", en: "Rate per year", zh: "年增长率", aliases: ["rate", "growth", "增长率"] },
  { field: "period", en: "Period", zh: "时期", aliases: ["规划期"] },
  NOTE_COLUMN,
  ...UNCERTAINTY_COLUMNS,
];

/** Levers columns. */
export const LEVER_COLUMNS: readonly ColumnDef[] = [
  { field: "scenario", en: "Scenario", zh: "情景" },
  { field: "name", en: "Lever", zh: "措施", aliases: ["name", "名称", "措施名称"] },
  { field: "cities", en: "Cities", zh: "城市", aliases: ["city"] },
  { field: "sectors", en: "Sectors", zh: "部门", aliases: ["sector"] },
  { field: "kind", en: "Kind", zh: "类型", aliases: ["type"] },
  { field: "value", en: "Value", zh: "数值", aliases: ["share", "力度"] },
  { field: "startYear", en: "Start year", zh: "起始年", aliases: ["start"] },
  { field: "fullYear", en: "Full-effect year", zh: "见效年", aliases: ["full year", "full effect year", "完全见效年"] },
  { field: "shape", en: "Shape", zh: "形状", aliases: ["ramp", "ramp shape", "路径"] },
  { field: "activity", en: "Activity", zh: "活动", aliases: ["活动水平"] },
  { field: "coverage", en: "Coverage", zh: "覆盖比例", aliases: ["覆盖"] },
  { field: "elasticity", en: "Elasticity", zh: "弹性" },
  { field: "electricityShare", en: "Electricity share", zh: "电力占比", aliases: ["electricity"] },
  NOTE_COLUMN,
  ...UNCERTAINTY_COLUMNS,
];

/** Activities columns. */
export const ACTIVITY_COLUMNS: readonly ColumnDef[] = [
  { field: "activity", en: "Activity", zh: "活动", aliases: ["活动水平"] },
  { field: "city", en: "City", zh: "城市" },
  { field: "value", en: "Value", zh: "数值" },
  { field: "unit", en: "Unit", zh: "单位" },
  { field: "intensity", en: "Emissions per unit", zh: "单位排放", aliases: ["intensity", "排放强度"] },
  { field: "intensityUnit", en: "Intensity unit", zh: "强度单位", aliases: ["emissions per unit unit"] },
  NOTE_COLUMN,
];

/** Columns by role (Settings: its header). */
export const COLUMNS: Readonly<Record<ScenarioRole, readonly ColumnDef[]>> = {
  settings: SETTINGS_HEADER,
  drivers: DRIVER_COLUMNS,
  levers: LEVER_COLUMNS,
  activities: ACTIVITY_COLUMNS,
};

/** Columns a row sheet cannot do without (the header row is found by them). */
const REQUIRED: Readonly<Record<ScenarioRole, readonly string[]>> = {
  settings: ["key", "value"],
  drivers: ["from", "to", "rate"],
  levers: ["scenario", "name", "kind", "value"],
  activities: ["activity", "city", "value"],
};

/**
 * Allowed values for data-validation lists (the template's tables carry them as dropdowns): lever
 * kinds, ramp shapes and distributions, by sheet and column field.
 * @example VALIDATION_LISTS.levers.kind // ["reduce", "intensity", …]
 */
export const VALIDATION_LISTS: { readonly drivers: Readonly<Record<string, readonly string[]>>; readonly levers: Readonly<Record<string, readonly string[]>> } = {
  drivers: { dist: DIST_KINDS },
  levers: { kind: LEVER_KINDS, shape: RAMP_SHAPES, dist: DIST_KINDS },
};

/** The dropdowns of a row sheet's template table: each listed field's column (0-based) and its list. */
function validationFor(defs: readonly ColumnDef[], lists: Readonly<Record<string, readonly string[]>>): ColumnValidation[] {
  return defs.flatMap((d, column) => (lists[d.field] ? [{ column, list: lists[d.field] }] : []));
}

/** A header label as the template writes it: "Base year / 基准年" (Chinese first for `zh`). */
export function headerLabel(c: ColumnDef, lang: SheetLang = "en"): string {
  return lang === "zh" ? `${c.zh} / ${c.en}` : `${c.en} / ${c.zh}`;
}

const norm = (s: string) =>
  s
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, "")
    .toLowerCase()
    .replace(/[\s_\-·.:：]+/g, "");

/** The normalized words a column answers to. */
function keysOf(c: ColumnDef): string[] {
  return [c.field, c.en, c.zh, ...(c.aliases ?? [])].map(norm);
}

/**
 * The column (or setting) a header cell names, or undefined. Any "/"-separated part may match.
 * @example matchColumn("Start year / 起始年", LEVER_COLUMNS)?.field // "startYear"
 * @example matchColumn("见效年", LEVER_COLUMNS)?.field // "fullYear"
 */
export function matchColumn(text: unknown, defs: readonly ColumnDef[]): ColumnDef | undefined {
  if (typeof text !== "string") return undefined;
  const parts = text.split(/[/／\n]/).map(norm).filter((p) => p !== "");
  if (parts.length === 0) return undefined;
  for (const c of defs) {
    const keys = keysOf(c);
    if (parts.some((p) => keys.includes(p))) return c;
  }
  return undefined;
}

/**
 * Whether a sheet name is one of a role's names (English, Chinese, aliases; case-insensitive).
 * @example isRoleName("levers", "减排措施") // true
 */
export function isRoleName(role: ScenarioRole, sheet: string): boolean {
  const n = SHEET_NAMES[role];
  return [n.en, n.zh, ...n.aliases].some((x) => x.toLowerCase() === sheet.trim().toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Where each field of a row sheet sits: zero-based grid column by field. */
interface HeaderMap {
  readonly row: number;
  readonly columns: ReadonlyMap<string, number>;
}

const SCAN = 20;

/** Finds the header row of a row sheet: the first of the first 20 rows holding every required column. */
function findHeader(g: Grid, role: ScenarioRole, issues: Issue[]): HeaderMap | undefined {
  const defs = COLUMNS[role];
  const width = gridWidth(g);
  for (let r = 0; r < Math.min(SCAN, g.values.length); r++) {
    const found = new Map<string, number>();
    for (let c = 0; c < width; c++) {
      const d = matchColumn(gridAt(g, r, c), defs);
      if (d && !found.has(d.field)) found.set(d.field, c);
    }
    if (!REQUIRED[role].every((f) => found.has(f))) continue;
    for (let c = 0; c < width; c++) {
      const v = gridAt(g, r, c);
      if (isBlank(v)) continue;
      const d = matchColumn(v, defs);
      const at = cellAddress(g.sheet, g.origin.row + r, g.origin.col + c);
      if (!d) issues.push(issue("unknown_field", [role, "header", c], { value: typeof v === "string" ? v : String(v), cell: at }));
      else if (found.get(d.field) !== c) {
        const first = cellAddress(g.sheet, g.origin.row + r, g.origin.col + found.get(d.field)!);
        issues.push(issue("column_duplicate", [role, "header", c], { value: String(v), first, cell: at }));
      }
    }
    return { row: r, columns: found };
  }
  const expected = REQUIRED[role].map((f) => headerLabel(defs.find((d) => d.field === f)!)).join(", ");
  issues.push(issue("scenario_header_missing", [role], { sheet: g.sheet, expected, cell: cellAddress(g.sheet, g.origin.row, g.origin.col) }));
  return undefined;
}

/** Reads a row sheet (Drivers, Levers, Activities) into records with `source`; blank rows are skipped. */
export function readRowSheet(g: Grid, role: Exclude<ScenarioRole, "settings">, issues: Issue[]): Record<string, unknown>[] {
  const h = findHeader(g, role, issues);
  if (!h) return [];
  const out: Record<string, unknown>[] = [];
  const letters: Record<string, string> = {};
  for (const [f, c] of h.columns) letters[f] = columnLetters(g.origin.col + c);
  for (let r = h.row + 1; r < g.values.length; r++) {
    const rec: Record<string, unknown> = {};
    let any = false;
    for (const [f, c] of h.columns) {
      const v = gridAt(g, r, c);
      if (isBlank(v)) continue;
      rec[f] = v;
      any = true;
    }
    if (!any) continue;
    rec.source = { sheet: g.sheet, row: g.origin.row + r, columns: letters };
    out.push(rec);
  }
  return out;
}

/** The Settings sheet as read: the engine's settings record and the app-level inventory reference. */
export interface SettingsSheet {
  /** Engine settings fields (raw cell values) with `source` naming each value's cell. */
  readonly settings: Record<string, unknown>;
  /** The Inventory row's text, if given. */
  readonly inventory?: string;
  /** The Units value, if given (the inventory's unit chooser). */
  readonly units?: string;
  /** Cell of each setting's value. */
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Reads the Settings sheet: one row per setting (label in the Setting column, value in the Value
 * column). Unknown labels are reported (`unknown_field`), so are labels given twice (`duplicate_row`).
 */
export function readSettingsSheet(g: Grid, issues: Issue[]): SettingsSheet | undefined {
  const h = findHeader(g, "settings", issues);
  if (!h) return undefined;
  const kc = h.columns.get("key")!;
  const vc = h.columns.get("value")!;
  const settings: Record<string, unknown> = {};
  const cells: Record<string, string> = {};
  const columns: Record<string, string> = {};
  let inventory: string | undefined;
  let units: string | undefined;
  for (let r = h.row + 1; r < g.values.length; r++) {
    const label = gridAt(g, r, kc);
    if (isBlank(label)) continue;
    const keyCell = cellAddress(g.sheet, g.origin.row + r, g.origin.col + kc);
    const def = matchColumn(label, SETTINGS_ROWS);
    if (!def) {
      issues.push(issue("unknown_field", ["settings", String(label)], { value: String(label), cell: keyCell }));
      continue;
    }
    const local = `${columnLetters(g.origin.col + vc)}${g.origin.row + r}`;
    if (cells[def.field] !== undefined) {
      issues.push(issue("duplicate_row", ["settings", def.field], { key: headerLabel(def), other: cells[def.field], cell: keyCell }));
      continue;
    }
    cells[def.field] = cellAddress(g.sheet, g.origin.row + r, g.origin.col + vc);
    const v = gridAt(g, r, vc);
    if (def.field === "inventory") {
      if (!isBlank(v)) inventory = String(v).trim();
      continue;
    }
    columns[def.field] = local;
    if (isBlank(v)) continue;
    settings[def.field] = v;
    if (def.field === "units" && typeof v === "string") units = v.trim();
  }
  settings.source = { sheet: g.sheet, row: g.origin.row + h.row, columns };
  return { settings, inventory, units, cells };
}

/**
 * Settings issues about a setting that has no row on the sheet would otherwise point at the header
 * row; they keep their path (`settings.baseYear`) instead.
 */
export function unlocateMissingSettings(issues: readonly Issue[], sheet: SettingsSheet | undefined): Issue[] {
  if (!sheet) return [...issues];
  return issues.map((i) => {
    if (i.path[0] !== "settings" || typeof i.path[1] !== "string" || sheet.cells[i.path[1]] !== undefined || i.cell === undefined) return i;
    const rest: Record<string, unknown> = { ...i };
    delete rest.cell;
    delete rest.row;
    return rest as unknown as Issue;
  });
}

/** Grids of the scenario sheets (the Activities sheet may be absent). */
export interface ScenarioGrids {
  readonly settings?: Grid;
  readonly drivers?: Grid;
  readonly levers?: Grid;
  readonly activities?: Grid;
}

/** The scenario input read from sheets, before validation. */
export interface SheetInput {
  /** The raw input for `compileScenario` (records with `source`). */
  readonly raw: { settings: Record<string, unknown>; inventory: unknown[]; activities: unknown[]; drivers: unknown[]; levers: unknown[] };
  readonly settingsSheet?: SettingsSheet;
  /** Issues found while reading the sheets (headers, unknown settings, missing sheets). */
  readonly issues: Issue[];
}

/**
 * Reads the scenario sheets into the engine's raw input (inventory rows added later by
 * {@link withInventory}). Missing Settings, Drivers or Levers sheets are issues; Activities is optional.
 * @example readScenarioGrids({ settings, drivers, levers }).raw.levers[0].source // { sheet: "Levers", row: 2, columns: {…} }
 */
export function readScenarioGrids(grids: ScenarioGrids): SheetInput {
  const issues: Issue[] = [];
  const missing = (role: ScenarioRole) => {
    const n = SHEET_NAMES[role];
    issues.push(issue("scenario_sheet_missing", [role], { role: n.en, names: `${n.en} / ${n.zh}` }));
  };
  let settingsSheet: SettingsSheet | undefined;
  if (grids.settings) settingsSheet = readSettingsSheet(grids.settings, issues);
  else missing("settings");
  if (!grids.drivers) missing("drivers");
  if (!grids.levers) missing("levers");
  const raw = {
    settings: settingsSheet?.settings ?? {},
    inventory: [] as unknown[],
    activities: grids.activities ? readRowSheet(grids.activities, "activities", issues) : [],
    drivers: grids.drivers ? readRowSheet(grids.drivers, "drivers", issues) : [],
    levers: grids.levers ? readRowSheet(grids.levers, "levers", issues) : [],
  };
  return { raw, settingsSheet, issues };
}

/**
 * The base-year inventory rows for the scenario, from an inventory read off a sheet: values in the
 * Settings unit (converted when the inventory has another; the inventory's own unit when Settings has
 * none, which then becomes the scenario's unit). Each row's `source` names its value cell.
 * Fails (returns an issue) when the inventory has no value in the base year.
 */
export function inventoryInput(inv: Inventory, baseYear: unknown, units: string | undefined): { rows: unknown[]; units: string; issues: Issue[] } {
  const issues: Issue[] = [];
  const target = units !== undefined && tonnesPer(units) !== undefined ? units : inv.unit;
  const factor = inv.toTonnes / (tonnesPer(target) ?? inv.toTonnes);
  if (typeof baseYear !== "number" || !Number.isInteger(baseYear)) return { rows: [], units: target, issues };
  const rows = inventoryRowsForYear(inv, baseYear).map((r) => ({ city: r.city, sector: r.sector, value: factor === 1 ? r.value : r.value * factor, source: r.source }));
  if (rows.length === 0) {
    const ys = inv.years;
    const years = ys.length <= 8 ? ys.join(", ") : `${ys.slice(0, 3).join(", ")} … ${ys.slice(-3).join(", ")}`;
    issues.push(issue("inventory_base_year", ["settings", "baseYear"], { year: baseYear, years }));
  }
  return { rows, units: target, issues };
}

// ---------------------------------------------------------------------------------------------
// Template

/** A sheet the template writes: name, header, rows, number formats by header. */
export interface TemplateSheet {
  readonly role: ScenarioRole | "inventory";
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly numberFormats?: Readonly<Record<string, string>>;
  /** Dropdown lists by column (see {@link VALIDATION_LISTS}). */
  readonly validation?: readonly ColumnValidation[];
}

const targetsText = (t: Targets) => (t === "all" ? "all" : t.join(", "));
const orNull = <T extends CellValue>(v: T | undefined): CellValue => (v === undefined ? null : v);

/**
 * The template's sheets: Settings (every setting with a note), Drivers, Levers and Activities — empty,
 * or filled with the 长株潭 example (which also brings its base-year inventory, wide layout, in Mt).
 * Drivers and Levers end with the four uncertainty columns (Distribution, SD, Min, Max;
 * docs/uncertainty.md), blank where a row is certain. Sheet names are the defaults for `lang`; the
 * caller renames on a clash.
 * @example templateSheets("en", "changzhutan").map((s) => s.sheet) // ["Settings", "Drivers", "Levers", "Activities", "Inventory"]
 */
export function templateSheets(lang: SheetLang = "en", example?: "changzhutan"): TemplateSheet[] {
  const input: ScenarioInput | undefined = example === "changzhutan" ? changzhutanInput() : undefined;
  const st = input?.settings;
  const invSheet = EXAMPLE_INVENTORY_SHEET[lang];
  const settingValue: Record<string, CellValue> = st
    ? {
        inventory: invSheet,
        baseYear: st.baseYear,
        endYear: st.endYear,
        targetYear: st.targetYear,
        tolerance: st.tolerance,
        confirmYears: st.confirmYears,
        smoothYears: st.smoothYears,
        units: st.units,
        cluster: st.cluster,
        baseline: st.baseline,
        scenarios: st.scenarios.join(", "),
        independent: orNull(st.independent),
        coordinated: orNull(st.coordinated),
      }
    : { endYear: 2060, targetYear: 2030, tolerance: 0, confirmYears: 0, smoothYears: 1, baseline: "baseline" };
  const head = (defs: readonly ColumnDef[]) => defs.map((d) => headerLabel(d, lang));
  const settings: TemplateSheet = {
    role: "settings",
    sheet: SHEET_NAMES.settings[lang],
    header: head(SETTINGS_HEADER),
    rows: SETTINGS_ROWS.map((d) => [headerLabel(d, lang), settingValue[d.field] ?? null, d.help ? (lang === "zh" ? d.help.zh : d.help.en) : null]),
  };
  const pick = (defs: readonly ColumnDef[], rec: Record<string, unknown>): CellValue[] =>
    defs.map((d) => {
      const v = rec[d.field];
      if (v === undefined || v === null) return null;
      if (d.field === "cities" || d.field === "sectors") return targetsText(v as Targets);
      return v as CellValue;
    });
  const drivers: TemplateSheet = {
    role: "drivers",
    sheet: SHEET_NAMES.drivers[lang],
    header: head(DRIVER_COLUMNS),
    rows: (input?.drivers ?? []).map((d) => pick(DRIVER_COLUMNS, d as unknown as Record<string, unknown>)),
    // Rates and their distribution parameters (SD, Min, Max) are yearly rates: shown as percentages.
    numberFormats: Object.fromEntries(DRIVER_COLUMNS.filter((d) => ["rate", "sd", "min", "max"].includes(d.field)).map((d) => [headerLabel(d, lang), "0.00%"])),
    validation: validationFor(DRIVER_COLUMNS, VALIDATION_LISTS.drivers),
  };
  const levers: TemplateSheet = {
    role: "levers",
    sheet: SHEET_NAMES.levers[lang],
    header: head(LEVER_COLUMNS),
    rows: (input?.levers ?? []).map((l) => pick(LEVER_COLUMNS, l as unknown as Record<string, unknown>)),
    validation: validationFor(LEVER_COLUMNS, VALIDATION_LISTS.levers),
  };
  const activities: TemplateSheet = {
    role: "activities",
    sheet: SHEET_NAMES.activities[lang],
    header: head(ACTIVITY_COLUMNS),
    rows: (input?.activities ?? []).map((a) => pick(ACTIVITY_COLUMNS, a as unknown as Record<string, unknown>)),
  };
  const out = [settings, drivers, levers, activities];
  if (input) {
    const cities = Array.from(new Set(input.inventory.map((r) => r.city)));
    const sectors = Array.from(new Set(input.inventory.map((r) => r.sector)));
    const rows: CellValue[][] = [];
    for (const c of cities) for (const s of sectors) rows.push([c, s, st!.units, input.inventory.find((r) => r.city === c && r.sector === s)?.value ?? null]);
    out.push({
      role: "inventory",
      sheet: invSheet,
      header: lang === "zh" ? ["城市", "部门", "单位", String(st!.baseYear)] : ["City", "Sector", "Unit", String(st!.baseYear)],
      rows,
      numberFormats: { [String(st!.baseYear)]: "0.000" },
    });
  }
  return out;
}

/** The data citation of the 长株潭 example (CEADs), for notes sheets. */
export const EXAMPLE_CITATION = CEADS_CITATION;
