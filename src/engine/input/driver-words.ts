/**
 * The words of the driver-based scenario's choice cells (docs/model.md §3–§4): the Drivers sheet's
 * variables, the Socioeconomic sheet's variables, the Targets sheet's kinds, the Settings' fill rule
 * and Monte Carlo shock option — each with the English and Chinese words analysts write. Matching
 * ignores case, spaces, hyphens and underscores ("GDP per capita" = "gdp_per_capita" = 人均GDP).
 * What each one computes is `scenario/growth.ts`, `scenario/indicators.ts` and `scenario/targets.ts`.
 */

/** Normalised key of a word: lower case, no spaces, hyphens, underscores or full-width spaces. */
function key(v: string): string {
  return v
    .trim()
    .toLowerCase()
    .replace(/[\s_\-\u3000·]+/g, "");
}

function lookup<T extends string>(table: Readonly<Record<string, T>>, v: unknown): T | undefined {
  if (typeof v !== "string") return undefined;
  const k = key(v);
  return Object.prototype.hasOwnProperty.call(table, k) ? table[k] : undefined;
}

function aliases<T extends string>(words: Readonly<Record<T, readonly string[]>>): Readonly<Record<string, T>> {
  const out: Record<string, T> = {};
  for (const [canonical, list] of Object.entries(words) as [T, readonly string[]][]) for (const w of [canonical, ...list]) out[key(w)] = canonical;
  return out;
}

// --- Drivers: the variable a growth row drives ---

/**
 * The driver variables besides activities (an activity's name is a variable too): `emissions` (the
 * emission-growth rows of the previous versions) and the Kaya/LEAP factors — population, GDP or GDP
 * per capita (per city), a sector's value-added share, energy intensity (energy per unit of activity)
 * and carbon intensity of energy (CO2 per unit of energy).
 */
export const DRIVER_VARIABLES = ["emissions", "population", "gdp", "gdp_per_capita", "value_added_share", "energy_intensity", "carbon_intensity"] as const;

/** A driver variable other than an activity. */
export type DriverVariable = (typeof DRIVER_VARIABLES)[number];

/** The Kaya-family variables (every driver variable but emissions). */
export type KayaVariable = Exclude<DriverVariable, "emissions">;

/** The variables set per city only (no sector column). */
export const CITY_VARIABLES: readonly DriverVariable[] = ["population", "gdp", "gdp_per_capita"];

const DRIVER_WORDS = aliases<DriverVariable>({
  emissions: ["emission", "co2", "排放", "排放量", "碳排放"],
  population: ["pop", "人口", "常住人口"],
  gdp: ["地区生产总值", "生产总值", "国内生产总值"],
  gdp_per_capita: ["gdppc", "gdp/capita", "人均gdp", "人均地区生产总值", "人均生产总值"],
  value_added_share: ["va share", "sector share", "share of gdp", "增加值占比", "增加值比重", "产业占比", "部门占比"],
  energy_intensity: ["energy per unit", "能源强度", "能耗强度", "单位gdp能耗", "单位能耗"],
  carbon_intensity: ["carbon intensity of energy", "co2 per energy", "碳强度", "能源碳强度", "单位能源碳排放", "能源排放因子"],
});

/**
 * The driver variable a Drivers cell names, or undefined when it names none (then it is an activity
 * name, or unknown). Blank is `emissions` (the default of previous versions).
 * @example parseDriverVariable("人均GDP") // "gdp_per_capita"
 * @example parseDriverVariable("built_up_area") // undefined (an activity)
 */
export function parseDriverVariable(v: unknown): DriverVariable | undefined {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return "emissions";
  return lookup(DRIVER_WORDS, v);
}

// --- Socioeconomic: measured levels per city and year ---

/** The socio-economic levels a Socioeconomic row may hold. */
export const SOCIO_VARIABLES = ["population", "gdp", "energy"] as const;

/** A socio-economic variable. */
export type SocioVariable = (typeof SOCIO_VARIABLES)[number];

const SOCIO_WORDS = aliases<SocioVariable>({
  population: ["pop", "人口", "常住人口"],
  gdp: ["地区生产总值", "生产总值"],
  energy: ["energy use", "energy consumption", "能源消费", "能源消费量", "能源消费总量", "能耗", "综合能耗"],
});

/**
 * The socio-economic variable a cell names, or undefined.
 * @example parseSocioVariable("能源消费总量") // "energy"
 */
export function parseSocioVariable(v: unknown): SocioVariable | undefined {
  return lookup(SOCIO_WORDS, v);
}

// --- Targets ---

/**
 * Target kinds: `peak_by` (peak no later than a year), `peak_cap` (the highest emissions at most a
 * value), `intensity_decline` (CO2 per unit of GDP down by a share from a reference year to a year),
 * `energy_intensity_decline` (energy per unit of GDP likewise), `budget` (cumulative emissions over a
 * period at most a value).
 */
export const TARGET_KINDS = ["peak_by", "peak_cap", "intensity_decline", "energy_intensity_decline", "budget"] as const;

/** A target kind. */
export type TargetKind = (typeof TARGET_KINDS)[number];

const TARGET_WORDS = aliases<TargetKind>({
  peak_by: ["peak year", "peak by year", "达峰", "达峰年份", "达峰时间", "按期达峰"],
  peak_cap: ["peak value", "peak cap", "cap", "峰值", "峰值上限", "峰值控制"],
  intensity_decline: ["co2 per gdp", "carbon intensity decline", "单位gdp二氧化碳排放下降", "碳排放强度下降", "碳强度下降", "单位gdp碳排放下降"],
  energy_intensity_decline: ["energy per gdp", "单位gdp能耗下降", "能耗强度下降", "能源强度下降"],
  budget: ["carbon budget", "cumulative", "碳预算", "累计排放", "排放总量"],
});

/**
 * The target kind a cell names (English or Chinese), or undefined.
 * @example parseTargetKind("单位GDP二氧化碳排放下降") // "intensity_decline"
 */
export function parseTargetKind(v: unknown): TargetKind | undefined {
  return lookup(TARGET_WORDS, v);
}

// --- Settings: Monte Carlo shocks (the fill rule's words are the inventory's: inventory/base-year.ts) ---

/** Monte Carlo shocks: every Drivers row drawn on its own (`independent`), or one shock per driver variable shared by all its rows (`shared`). */
export type ShockMode = "independent" | "shared";

/** The shock modes, in dropdown order. */
export const SHOCK_MODES: readonly ShockMode[] = ["independent", "shared"];

const SHOCK_WORDS = aliases<ShockMode>({
  independent: ["independent rows", "per row", "独立", "各行独立", "逐行独立"],
  shared: ["shared by variable", "per variable", "common", "共享", "按变量共享", "同一冲击"],
});

/**
 * Reads the Monte Carlo shock mode (blank is `independent`); undefined when not one.
 * @example parseShockMode("按变量共享") // "shared"
 */
export function parseShockMode(v: unknown): ShockMode | undefined {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return "independent";
  return lookup(SHOCK_WORDS, v);
}
