/**
 * The vocabulary of the scenario sheets, shared by the reader (`scenario-sheets.ts`) and the template
 * (`template.ts`): which sheets hold a scenario, what their columns (and the Settings rows) are called
 * in English and Chinese, their aliases, the dropdown lists, and how a header cell or a sheet name is
 * matched.
 *
 * **Sheets.** `Settings` (参数), `Drivers` (驱动因素), `Levers` (减排措施) and the optional
 * `Activities` (活动水平: activity levers and activity-driven sectors), `Socioeconomic` (社会经济:
 * measured population, GDP and energy, long rows) and `Targets` (目标). Names are matched
 * case-insensitively; the English or the Chinese name (or an alias such as 设置, 措施) is accepted on read.
 *
 * **Headers** are bilingual in the template ("Base year / 基准年"). On read a header matches when any
 * of its parts (split at "/" or a line break, brackets ignored, case and spaces ignored) is the English
 * label, the Chinese label, the engine's field name (`startYear`) or an alias.
 *
 * **Settings** is a two-column list (Setting | Value, plus a Note column): one row per setting, in any
 * order. {@link SETTINGS_ROWS} is the one table of those rows — label, aliases, note and the value the
 * empty template writes (the engine's defaults, `SETTINGS_DEFAULTS`) — that the reader and the template
 * both use. Besides the engine's settings it may name the inventory: `Inventory / 排放清单` = a sheet
 * name, a range ("Inventory!A1:D40") or a table name.
 *
 * Pure TypeScript: no Office, DOM or Node.
 */
import {
  DIST_KINDS,
  LEVER_KINDS,
  RAMP_SHAPES,
  SETTING_LABELS,
  SETTINGS_DEFAULTS,
  SHEET_LABELS,
  SOCIO_VARIABLES,
  TARGET_KINDS,
  type Bilingual,
  type Lang,
} from "../engine";
import type { CellValue, ColumnValidation } from "../workbook/port";

/** The scenario sheets. */
export type ScenarioRole = "settings" | "drivers" | "levers" | "activities" | "socioeconomic" | "targets";

/** Roles in template order. */
export const SCENARIO_ROLES: readonly ScenarioRole[] = ["settings", "drivers", "levers", "activities", "socioeconomic", "targets"];

/** The roles a scenario workbook has in any case (the others are optional). */
export const CORE_ROLES: readonly ScenarioRole[] = ["settings", "drivers", "levers", "activities"];

/** Sheet names by role: the English and Chinese names the template writes, and aliases accepted on read. */
export const SHEET_NAMES: Readonly<Record<ScenarioRole, Bilingual & { readonly aliases: readonly string[] }>> = {
  settings: { ...SHEET_LABELS.settings, aliases: ["设置", "情景参数", "Scenario settings"] },
  drivers: { ...SHEET_LABELS.drivers, aliases: ["驱动", "增长率", "Growth rates"] },
  levers: { ...SHEET_LABELS.levers, aliases: ["措施", "减排杠杆"] },
  activities: { ...SHEET_LABELS.activities, aliases: ["活动", "Activity"] },
  socioeconomic: { ...SHEET_LABELS.socioeconomic, aliases: ["Socio-economic", "社会经济数据", "经济社会", "Statistics", "统计数据"] },
  targets: { ...SHEET_LABELS.targets, aliases: ["目标设定", "达峰目标", "Target"] },
};

/** One column (or, on the Settings sheet, one setting row): its English and Chinese label. */
export interface ColumnDef extends Bilingual {
  /** The engine's field name (`startYear`), or `inventory` for the Settings row naming the inventory. */
  readonly field: string;
  readonly aliases?: readonly string[];
  /**
   * Not needed on read: a sheet without the column is complete (the uncertainty columns). The template
   * writes it all the same, blank in the rows that do not use it.
   */
  readonly optional?: boolean;
  /** Shown in the template's Note column (Settings) — English and Chinese. */
  readonly help?: Bilingual;
}

/** The Settings sheet's header. */
export const SETTINGS_HEADER: readonly ColumnDef[] = [
  { field: "key", en: "Setting", zh: "参数", aliases: ["设置", "项目", "name"] },
  { field: "value", en: "Value", zh: "值", aliases: ["数值", "取值"] },
  { field: "note", en: "Note", zh: "说明", aliases: ["备注", "notes", "help"] },
];

/** A Settings row: its labels, and the value the empty template writes (blank when absent). */
export interface SettingRow extends ColumnDef {
  readonly template?: CellValue;
}

/** The Settings rows, in template order (the reader's labels and the template's rows and values). */
export const SETTINGS_ROWS: readonly SettingRow[] = [
  {
    field: "inventory",
    ...SETTING_LABELS.inventory,
    aliases: ["inventory sheet", "清单工作表", "清单"],
    help: {
      en: "sheet, range (Sheet!A1:D40) or table holding the emissions inventory; blank = find it",
      zh: "排放清单所在的工作表、区域（工作表!A1:D40）或表格；留空则自动查找",
    },
  },
  {
    field: "baseYear",
    ...SETTING_LABELS.baseYear,
    help: {
      en: "first year of the results: measured up to the last historical year, projected after it",
      zh: "结果起始年：截至最后历史年为实测值，之后为预测值",
    },
  },
  { field: "endYear", ...SETTING_LABELS.endYear, aliases: ["结束年"], template: 2060, help: { en: "last projected year", zh: "预测终止年" } },
  {
    field: "targetYear",
    ...SETTING_LABELS.targetYear,
    aliases: ["达峰目标年", "peak target year"],
    template: 2030,
    help: { en: "peaks are judged against it (碳达峰: 2030)", zh: "据此判断是否按期达峰（如 2030）" },
  },
  {
    field: "tolerance",
    ...SETTING_LABELS.tolerance,
    aliases: ["tolerance", "容差"],
    template: SETTINGS_DEFAULTS.tolerance,
    help: {
      en: "plateau band below the maximum: 0.02 = within 2% (the peak year stays the maximum's)",
      zh: "最大值以下的平台期范围：0.02 表示 2% 以内（达峰年份仍为最大值年份）",
    },
  },
  {
    field: "confirmYears",
    ...SETTING_LABELS.confirmYears,
    aliases: ["confirm years"],
    template: SETTINGS_DEFAULTS.confirmYears,
    help: { en: "years after the peak needed to call it peaked", zh: "判定为已达峰所需的峰值后年数" },
  },
  {
    field: "smoothYears",
    ...SETTING_LABELS.smoothYears,
    aliases: ["smooth years"],
    template: SETTINGS_DEFAULTS.smoothYears,
    help: { en: "odd moving-average window; 1 = none", zh: "奇数移动平均窗口；1 表示不平滑" },
  },
  {
    field: "strict",
    ...SETTING_LABELS.strict,
    aliases: ["strict", "严格"],
    template: "no",
    help: {
      en: "yes = peaked only ≥ 5 years after the peak, at least 5 values (after Shan et al. 2022; docs/peaks.md)",
      zh: "是：峰值后至少 5 年才判定为已达峰，且至少 5 个数值（参照 Shan 等 2022）",
    },
  },
  {
    field: "units",
    ...SETTING_LABELS.units,
    aliases: ["unit"],
    help: {
      en: "unit of the inventory and of the results (t, 万t, Mt, 亿t); blank = the inventory's",
      zh: "清单与结果的单位（t、万t、Mt、亿t）；留空则沿用清单单位",
    },
  },
  {
    field: "cluster",
    ...SETTING_LABELS.cluster,
    aliases: ["cluster", "城市群"],
    help: { en: "name of the sum of all cities", zh: "全部城市之和的名称" },
  },
  {
    field: "baseline",
    ...SETTING_LABELS.baseline,
    aliases: ["baseline"],
    template: SETTINGS_DEFAULTS.baseline,
    help: { en: "the drivers-only scenario", zh: "仅含驱动因素的情景" },
  },
  {
    field: "scenarios",
    ...SETTING_LABELS.scenarios,
    aliases: ["scenarios", "情景"],
    help: { en: "extra scenarios to run, comma-separated (scenarios with levers run anyway)", zh: "额外运行的情景，逗号分隔（有措施的情景总会运行）" },
  },
  {
    field: "independent",
    ...SETTING_LABELS.independent,
    help: { en: "cities acting alone (for the benefit of coordination)", zh: "各城市独立行动的情景（用于计算协同效益）" },
  },
  { field: "coordinated", ...SETTING_LABELS.coordinated, help: { en: "the cluster acting together", zh: "城市群协同行动的情景" } },
  // Driver-based scenarios (docs/model.md §3–§12), after the rows of previous versions.
  {
    field: "fill",
    ...SETTING_LABELS.fill,
    aliases: ["fill", "Base-year gaps", "基准年缺值", "缺值填补"],
    help: {
      en: 'a city without a value in the last historical year (the base year of a one-year inventory): blank = a problem naming it; "carry forward" = its last measured value, marked as filled',
      zh: "最后历史年（单年清单即基准年）缺值的城市：留空则报错并列出；“延用最近实测值”则采用其最近一年的实测值，并标注为填补值",
    },
  },
  {
    field: "lastHistoricalYear",
    ...SETTING_LABELS.lastHistoricalYear,
    aliases: ["last measured year", "最后实测年", "历史截止年"],
    help: {
      en: "last measured year: results up to it are the inventory, projected after it; blank = the latest year every city has",
      zh: "最后实测年份：截至该年的结果为清单值，之后为预测值；留空则取所有城市都有数据的最近年份",
    },
  },
  {
    field: "referenceYear",
    ...SETTING_LABELS.referenceYear,
    aliases: ["intensity reference year", "强度参照年"],
    help: {
      en: "intensity changes are measured against it (e.g. 2005 for −65 % by 2030); blank = the base year",
      zh: "强度变化的参照年份（如以 2005 年为参照到 2030 年下降 65%）；留空则为基准年",
    },
  },
  {
    field: "cumulativeFrom",
    ...SETTING_LABELS.cumulativeFrom,
    aliases: ["cumulative emissions from", "累计排放起始年"],
    help: {
      en: "first year of the cumulative emissions (Indicators); blank = the first projected year",
      zh: "累计排放（指标表）的起始年；留空则为第一个预测年",
    },
  },
  {
    field: "shocks",
    ...SETTING_LABELS.shocks,
    aliases: ["shocks", "冲击方式"],
    template: SETTINGS_DEFAULTS.shocks,
    help: {
      en: "independent = every Drivers row drawn on its own; shared = one draw per variable for all its rows (e.g. GDP growth of every city together)",
      zh: "independent（独立）= 驱动因素每行单独抽样；shared（按变量共享）= 同一变量的各行共用一次抽样（如各城市 GDP 增长同涨同跌）",
    },
  },
];

/** The row sheets' free-text note column. */
export const NOTE_COLUMN: ColumnDef = { field: "note", en: "Note", zh: "备注", aliases: ["notes", "说明"] };

/** The optional uncertainty columns that end Drivers and Levers (distribution, SD, min, max). */
export const UNCERTAINTY_COLUMNS: readonly ColumnDef[] = [
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
  { field: "endRate", en: "Rate at end", zh: "期末增长率", aliases: ["end rate", "rate in to year", "终止年增长率"], optional: true },
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
  { field: "sectors", en: "Drives sectors", zh: "驱动部门", aliases: ["drives", "driven sectors", "sectors driven"], optional: true },
  NOTE_COLUMN,
];

/** Socioeconomic columns (long rows: one value of one city, variable and year). */
export const SOCIO_COLUMNS: readonly ColumnDef[] = [
  { field: "city", en: "City", zh: "城市" },
  { field: "variable", en: "Variable", zh: "变量", aliases: ["indicator", "指标"] },
  { field: "sector", en: "Sector", zh: "部门", optional: true },
  { field: "year", en: "Year", zh: "年份" },
  { field: "value", en: "Value", zh: "数值" },
  { field: "unit", en: "Unit", zh: "单位" },
  NOTE_COLUMN,
];

/** Targets columns. */
export const TARGET_COLUMNS: readonly ColumnDef[] = [
  { field: "kind", en: "Target", zh: "目标类型", aliases: ["kind", "type", "类型", "目标"] },
  { field: "region", en: "City or cluster", zh: "城市或城市群", aliases: ["region", "city", "城市", "地区"] },
  { field: "scenario", en: "Scenario", zh: "情景", optional: true },
  { field: "from", en: "From (reference year)", zh: "起始年（参照年）", aliases: ["from", "reference year", "起始年", "参照年"] },
  { field: "to", en: "To (target year)", zh: "目标年（终止年）", aliases: ["to", "target year", "by", "目标年", "终止年"] },
  { field: "value", en: "Value", zh: "目标值", aliases: ["数值", "target value"] },
  NOTE_COLUMN,
];

/** Columns by role (Settings: its header). */
export const COLUMNS: Readonly<Record<ScenarioRole, readonly ColumnDef[]>> = {
  settings: SETTINGS_HEADER,
  drivers: DRIVER_COLUMNS,
  levers: LEVER_COLUMNS,
  activities: ACTIVITY_COLUMNS,
  socioeconomic: SOCIO_COLUMNS,
  targets: TARGET_COLUMNS,
};

/** Columns a row sheet cannot do without (the header row is found by them). */
export const REQUIRED: Readonly<Record<ScenarioRole, readonly string[]>> = {
  settings: ["key", "value"],
  drivers: ["from", "to", "rate"],
  levers: ["scenario", "name", "kind", "value"],
  activities: ["activity", "city", "value"],
  socioeconomic: ["city", "variable", "year", "value"],
  targets: ["kind", "region"],
};

/**
 * Allowed values for data-validation lists (the template's tables carry them as dropdowns): lever
 * kinds, ramp shapes and distributions, socio-economic variables, target kinds, by sheet and column
 * field.
 * @example VALIDATION_LISTS.levers.kind // ["reduce", "intensity", …]
 */
export const VALIDATION_LISTS: {
  readonly drivers: Readonly<Record<string, readonly string[]>>;
  readonly levers: Readonly<Record<string, readonly string[]>>;
  readonly socioeconomic: Readonly<Record<string, readonly string[]>>;
  readonly targets: Readonly<Record<string, readonly string[]>>;
} = {
  drivers: { dist: DIST_KINDS },
  levers: { kind: LEVER_KINDS, shape: RAMP_SHAPES, dist: DIST_KINDS },
  socioeconomic: { variable: SOCIO_VARIABLES },
  targets: { kind: TARGET_KINDS },
};

/** The dropdowns of a row sheet's template table: each listed field's column (0-based) and its list. */
export function validationFor(defs: readonly ColumnDef[], lists: Readonly<Record<string, readonly string[]>>): ColumnValidation[] {
  return defs.flatMap((d, column) => (lists[d.field] ? [{ column, list: lists[d.field] }] : []));
}

/** A header label as the template writes it: "Base year / 基准年" (Chinese first for `zh`). */
export function headerLabel(c: ColumnDef, lang: Lang = "en"): string {
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
  const parts = text
    .split(/[/／\n]/)
    .map(norm)
    .filter((p) => p !== "");
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
