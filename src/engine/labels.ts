/**
 * The names people see for the parts of a scenario workbook — its sheets (by role) and the Settings
 * rows — in English and Chinese: the one table the app's sheet vocabulary (`src/app/scenario-columns.ts`:
 * sheet names, Settings row labels) takes its labels from, and the one messages use to say where an issue
 * is when it has no cell ("Settings › Last historical year" rather than a field path). Pure data.
 */
import type { Bilingual, Lang } from "./i18n";
import type { Path } from "./issues";

/** The scenario sheets by role, and the inventory, as the template names them. */
export const SHEET_LABELS = {
  settings: { en: "Settings", zh: "参数" },
  drivers: { en: "Drivers", zh: "驱动因素" },
  levers: { en: "Levers", zh: "减排措施" },
  activities: { en: "Activities", zh: "活动水平" },
  socioeconomic: { en: "Socioeconomic", zh: "社会经济" },
  targets: { en: "Targets", zh: "目标" },
  inventory: { en: "Inventory", zh: "排放清单" },
} as const satisfies Record<string, Bilingual>;

/** The Settings rows' labels by setting (the engine's field name, and `inventory` for the row naming the inventory). */
export const SETTING_LABELS = {
  inventory: SHEET_LABELS.inventory,
  baseYear: { en: "Base year", zh: "基准年" },
  endYear: { en: "End year", zh: "终止年" },
  targetYear: { en: "Target year", zh: "目标年" },
  tolerance: { en: "Peak tolerance", zh: "达峰容差" },
  confirmYears: { en: "Confirmation years", zh: "确认年数" },
  smoothYears: { en: "Smoothing years", zh: "平滑年数" },
  strict: { en: "Strict peak reading", zh: "严格达峰口径" },
  units: { en: "Units", zh: "单位" },
  cluster: { en: "Cluster name", zh: "城市群名称" },
  baseline: { en: "Baseline scenario", zh: "基准情景" },
  scenarios: { en: "Other scenarios", zh: "其他情景" },
  independent: { en: "Independent scenario", zh: "独立情景" },
  coordinated: { en: "Coordinated scenario", zh: "协同情景" },
  fill: { en: "Fill rule", zh: "填补规则" },
  lastHistoricalYear: { en: "Last historical year", zh: "最后历史年" },
  referenceYear: { en: "Reference year", zh: "参照年" },
  cumulativeFrom: { en: "Cumulative from", zh: "累计起始年" },
  shocks: { en: "Monte Carlo shocks", zh: "蒙特卡洛冲击" },
} as const satisfies Record<string, Bilingual>;

/** A setting with a row on the Settings sheet. */
export type SettingLabelField = keyof typeof SETTING_LABELS;

const has = <T extends object>(table: T, key: unknown): key is keyof T => typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key);

/** Whether a path is one of a scenario workbook's (its head names a sheet role, or `sheets`: which sheet is which). */
export function isWorkbookPath(path: Path): boolean {
  return path.length > 0 && (has(SHEET_LABELS, path[0]) || path[0] === "sheets");
}

/**
 * Where a workbook issue without a cell is, in words: the Settings row (`["settings", "lastHistoricalYear"]` →
 * "Settings › Last historical year"), else the record (`["drivers", 3, "rate"]` → "Drivers, entry 4"), else the
 * sheet (`["inventory"]` → "Inventory"); "" for `sheets`
 * (the message says which) and for a path that is not a workbook's.
 * @example placeOf(["settings", "baseYear"], "zh") // "参数 › 基准年"
 */
export function placeOf(path: Path, lang: Lang): string {
  const [head, field] = path;
  if (!has(SHEET_LABELS, head)) return "";
  const sheet = SHEET_LABELS[head][lang];
  if (head === "settings" && has(SETTING_LABELS, field)) return `${sheet} › ${SETTING_LABELS[field][lang]}`;
  // A record given without its sheet row (an input written as data): its place in the list.
  if (typeof field === "number") return lang === "zh" ? `${sheet}第 ${field + 1} 条` : `${sheet}, entry ${field + 1}`;
  return sheet;
}
