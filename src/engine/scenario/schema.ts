/**
 * Scenario input as data (DESIGN 3 and 5): Settings, Inventory (base-year emissions by city × sector),
 * Activities (e.g. built-up area, with emissions per unit), Drivers (growth rates by period) and
 * Levers. These are the zod schemas that check every field and the TypeScript types they produce.
 *
 * Input records may come from worksheet rows: each may carry `source` ({ sheet, row, columns }) so
 * that an issue can name the cell ("Levers!E5"). Blank cells (`null`, `""`) count as absent for
 * optional fields. Unknown fields are rejected (a misspelt column is an error, not silently ignored).
 * Cross-record checks (unknown cities, overlapping periods …) live in `compile.ts`.
 */
import { z } from "zod";
import { RAMP_SHAPES, parseRampShape, type RampShape } from "./ramp";
import { tonnesPer } from "../units";
import { parseDistKind, type DistKind } from "../uncertainty/distributions";

/** Where a record came from in a workbook: sheet name, 1-based row, and field → column letter. */
export interface SourceRef {
  readonly sheet: string;
  readonly row: number;
  readonly columns?: Readonly<Record<string, string>>;
}

/** Run settings. Years are calendar years; `units` is the unit of inventory values. */
export interface Settings {
  /** First year of the projection; the inventory gives emissions in this year. */
  readonly baseYear: number;
  /** Last year projected (inclusive). */
  readonly endYear: number;
  /** Year peaks are judged against (e.g. 2030, 碳达峰); within [baseYear, endYear]. */
  readonly targetYear: number;
  /** Peak tolerance t, 0 ≤ t < 1 (DESIGN 3). */
  readonly tolerance: number;
  /** Peak confirmation window k, whole years ≥ 0. */
  readonly confirmYears: number;
  /** Centred moving-average window for peak detection, odd ≥ 1 (1 = none). */
  readonly smoothYears: number;
  /** Unit of the inventory values: t, 万t, Mt, 亿t … (results are in tCO2). */
  readonly units: string;
  /** Name of the cluster (the sum of all inventory cities), e.g. "长株潭". */
  readonly cluster: string;
  /** Name of the drivers-only scenario. */
  readonly baseline: string;
  /** Extra scenario names to run even if they have no levers (scenarios with levers are run anyway). */
  readonly scenarios: readonly string[];
  /** The independent-cities scenario, for the benefit of coordination. */
  readonly independent?: string;
  /** The cluster-coordinated scenario, for the benefit of coordination. */
  readonly coordinated?: string;
  readonly source?: SourceRef;
}

/** Base-year emissions of one city and sector, in `Settings.units`. */
export interface InventoryRow {
  readonly city: string;
  readonly sector: string;
  readonly value: number;
  readonly note?: string;
  readonly source?: SourceRef;
}

/**
 * A city's activity in the base year (e.g. built-up area, km²) and, for `activity` levers, the emissions
 * per unit of it (`intensity`, in `intensityUnit` — default `Settings.units` — per unit of activity).
 */
export interface ActivityRow {
  readonly activity: string;
  readonly city: string;
  readonly value: number;
  readonly unit?: string;
  readonly intensity?: number;
  readonly intensityUnit?: string;
  readonly note?: string;
  readonly source?: SourceRef;
}

/**
 * A growth rate for the years `from`…`to` (inclusive: the period (from − 1, to] of DESIGN 3).
 * `variable` is "emissions" (default) or an activity name. Blank city/sector = all; the most specific
 * row covering a year wins: city+sector > city > sector > cluster-wide. Activity drivers have no sector.
 * Its uncertainty columns (Monte Carlo, optional) describe the rate's distribution.
 */
export interface DriverRow extends UncertainColumns {
  readonly variable: string;
  readonly city?: string;
  readonly sector?: string;
  readonly from: number;
  readonly to: number;
  /** Yearly rate, −1…1 (0.02 = +2%/yr). */
  readonly rate: number;
  /** Optional label, e.g. "十四五". */
  readonly period?: string;
  readonly note?: string;
  readonly source?: SourceRef;
}

/**
 * Optional uncertainty columns of a Drivers or Levers row (docs/uncertainty.md): `dist` is normal
 * (正态: mean = the row's value, `sd` ≥ 0), triangular (三角: `min` ≤ value = mode ≤ `max`) or uniform
 * (均匀: `min` ≤ value ≤ `max`), in the unit of the row's value (rate, share or pp). Blank = certain.
 */
export interface UncertainColumns {
  readonly dist?: DistKind;
  readonly sd?: number;
  readonly min?: number;
  readonly max?: number;
}

/** Lever kinds (DESIGN 3). */
export type LeverKind = "reduce" | "intensity" | "activity" | "align_best" | "structure_shift" | "grid_factor";

/** The kinds, in the order the docs list them. */
export const LEVER_KINDS: readonly LeverKind[] = ["reduce", "intensity", "activity", "align_best", "structure_shift", "grid_factor"];

/** "all" or a list of names. */
export type Targets = "all" | readonly string[];

/**
 * One lever row. Rows with the same scenario and name are milestones of one lever (segment k ramps
 * from milestone k − 1's value to its own). `value` is a share 0–1 for every kind except
 * `structure_shift`, where it is percentage points of GDP moved from secondary to tertiary (0–100).
 * Its uncertainty columns (Monte Carlo, optional) describe the value's distribution.
 */
export interface LeverRow extends UncertainColumns {
  readonly scenario: string;
  readonly name: string;
  readonly cities: Targets;
  readonly sectors: Targets;
  readonly kind: LeverKind;
  readonly value: number;
  readonly startYear: number;
  readonly fullYear: number;
  readonly shape: RampShape;
  /** `activity`, `align_best`: the activity name (Activities table). */
  readonly activity?: string;
  /** `reduce`, `intensity`: share of the sector's emissions the lever acts on (default 1). */
  readonly coverage?: number;
  /** `structure_shift`: energy-intensity change per pp (default 0.01: the seed's 1 pp → ≈ 1%). */
  readonly elasticity?: number;
  /** `grid_factor`: electricity's share of the sector's emissions. */
  readonly electricityShare?: number;
  readonly note?: string;
  readonly source?: SourceRef;
}

/** A whole scenario input. */
export interface ScenarioInput {
  readonly settings: Settings;
  readonly inventory: readonly InventoryRow[];
  readonly activities: readonly ActivityRow[];
  readonly drivers: readonly DriverRow[];
  readonly levers: readonly LeverRow[];
}

/** Default elasticity of energy intensity per pp of secondary share (seed, 产业: 1 pp → ≈ 1%). */
export const DEFAULT_ELASTICITY = 0.01;

/** Parameters each lever kind requires; other kind-specific parameters are not allowed. */
export const KIND_PARAMS: Readonly<Record<LeverKind, { readonly required: readonly string[]; readonly allowed: readonly string[] }>> = {
  reduce: { required: [], allowed: ["coverage"] },
  intensity: { required: [], allowed: ["coverage"] },
  activity: { required: ["activity"], allowed: ["activity"] },
  align_best: { required: ["activity"], allowed: ["activity"] },
  structure_shift: { required: [], allowed: ["elasticity"] },
  grid_factor: { required: ["electricityShare"], allowed: ["electricityShare"] },
};

/** The kind-specific parameter fields. */
export const LEVER_PARAMS = ["activity", "coverage", "elasticity", "electricityShare"] as const;

// ---------------------------------------------------------------------------------------------
// Field schemas. Custom checks report our own issue codes through `params.code`.

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const blankToUndefined = (v: unknown) => (isBlank(v) ? undefined : typeof v === "string" ? v.trim() : v);

type Check = (v: number) => { code: string; [k: string]: string | number } | undefined;

function num(check?: Check) {
  return z.number().superRefine((v, ctx) => {
    const bad = check?.(v);
    if (bad) ctx.addIssue({ code: "custom", input: v, params: { value: v, ...bad }, message: bad.code });
  });
}

const yearCheck: Check = (v) =>
  !Number.isInteger(v) ? { code: "year_not_integer" } : v < 1000 || v > 9999 ? { code: "year_out_of_range" } : undefined;
const shareCheck: Check = (v) => (v >= 0 && v <= 1 ? undefined : { code: "share_range" });
const rateCheck: Check = (v) => (v >= -1 && v <= 1 ? undefined : { code: "rate_range" });
const nonNegative: Check = (v) => (v >= 0 ? undefined : { code: "must_be_nonnegative" });
const ppCheck: Check = (v) => (v >= 0 && v <= 100 ? undefined : { code: "pp_range" });
const elasticityCheck: Check = (v) => (v >= 0 && v < 1 ? undefined : { code: "elasticity_range" });
const toleranceCheck: Check = (v) => (v >= 0 && v < 1 ? undefined : { code: "option_range", expected: "0 ≤ tolerance < 1 (e.g. 0.02 for 2%)", expectedZh: "0 ≤ 容差 < 1（如 0.02 表示 2%）" });
const confirmCheck: Check = (v) => (Number.isInteger(v) && v >= 0 && v <= 1000 ? undefined : { code: "option_range", expected: "a whole number of years ≥ 0", expectedZh: "大于或等于 0 的整数年数" });
const smoothCheck: Check = (v) =>
  Number.isInteger(v) && v >= 0 && v <= 99 && (v <= 1 || v % 2 === 1)
    ? undefined
    : { code: "option_range", expected: "an odd whole number of years (1, 3, 5 …; 1 = no smoothing)", expectedZh: "奇数年数（1、3、5……；1 表示不平滑）" };

const year = num(yearCheck);
const text = z.preprocess(blankToUndefined, z.string());
const optText = z.preprocess(blankToUndefined, z.string().optional());
const optNum = (check?: Check) => z.preprocess(blankToUndefined, num(check).optional());
const withDefault = (value: number, check?: Check) => z.preprocess(blankToUndefined, num(check).default(value));

const massUnitCheck = (v: string | undefined, ctx: z.RefinementCtx) => {
  if (v !== undefined && tonnesPer(v) === undefined) {
    ctx.addIssue({ code: "custom", input: v, params: { code: "unknown_mass_unit", value: v }, message: "unknown_mass_unit" });
  }
};
/** A mass unit label (t, 万t, Mt …); `dflt` when blank, else optional. */
const massUnit = (dflt?: string) =>
  z.preprocess(blankToUndefined, (dflt === undefined ? z.string().optional() : z.string().default(dflt)).superRefine(massUnitCheck));

const ALL_WORDS = new Set(["all", "*", "全部", "所有", "全部城市", "全部部门"]);

/** "all"/"全部"/"*" → "all"; "长沙, 株洲" or ["长沙", "株洲"] → the list (trimmed, de-duplicated). */
const targets = z.unknown().transform((v, ctx): Targets => {
  if (isBlank(v)) {
    ctx.addIssue({ code: "custom", input: v, params: { code: "required" }, message: "required" });
    return z.NEVER;
  }
  let list: string[] | undefined;
  if (typeof v === "string") {
    if (ALL_WORDS.has(v.trim().toLowerCase())) return "all";
    list = v.split(/[,;，；、]/);
  } else if (Array.isArray(v) && v.every((x) => typeof x === "string")) list = v as string[];
  if (list) {
    const names = Array.from(new Set(list.map((s) => s.trim()).filter((s) => s !== "")));
    if (names.length === 1 && ALL_WORDS.has(names[0].toLowerCase())) return "all";
    if (names.length > 0) return names;
  }
  ctx.addIssue({ code: "custom", input: v, params: { code: "targets_invalid", value: typeof v === "string" ? v : JSON.stringify(v) ?? String(v) }, message: "targets_invalid" });
  return z.NEVER;
});

/** Blank or missing → linear. (The preprocess makes zod run this for a missing key too.) */
const shape = z.preprocess((v) => (isBlank(v) ? "linear" : v), z.unknown().transform((v, ctx): RampShape => {
  const s = parseRampShape(v);
  if (s === undefined) {
    ctx.addIssue({ code: "custom", input: v, params: { code: "unknown_shape", value: typeof v === "string" ? v : String(v) }, message: "unknown_shape" });
    return z.NEVER;
  }
  return s;
}));

/** Blank or missing → undefined (certain); else normal/正态, triangular/三角 or uniform/均匀. */
const dist = z.preprocess(blankToUndefined, z.unknown().transform((v, ctx): DistKind | undefined => {
  if (v === undefined) return undefined;
  const d = parseDistKind(v);
  if (d === undefined) {
    ctx.addIssue({ code: "custom", input: v, params: { code: "unknown_dist", value: typeof v === "string" ? v : String(v) }, message: "unknown_dist" });
    return z.NEVER;
  }
  return d;
}));

const kind = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase().replace(/[\s-]+/g, "_") : v),
  z.enum(LEVER_KINDS as [LeverKind, ...LeverKind[]]),
);

const sourceSchema = z
  .strictObject({
    sheet: z.string(),
    row: z.number().int().min(1),
    columns: z.record(z.string(), z.string()).optional(),
  })
  .optional();

const names = z.preprocess(
  (v) => (isBlank(v) ? [] : typeof v === "string" ? v.split(/[,;，；、]/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string()),
);

/** The values of the settings that may be left blank. */
export const SETTINGS_DEFAULTS = { tolerance: 0, confirmYears: 0, smoothYears: 1, units: "t", cluster: "cluster", baseline: "baseline" } as const;

/** Settings schema. Defaults: {@link SETTINGS_DEFAULTS} (tolerance 0, confirmYears 0, smoothYears 1, units "t", cluster "cluster", baseline "baseline"). */
export const settingsSchema = z.strictObject({
  baseYear: year,
  endYear: year,
  targetYear: year,
  tolerance: withDefault(SETTINGS_DEFAULTS.tolerance, toleranceCheck),
  confirmYears: withDefault(SETTINGS_DEFAULTS.confirmYears, confirmCheck),
  smoothYears: withDefault(SETTINGS_DEFAULTS.smoothYears, smoothCheck),
  units: massUnit(SETTINGS_DEFAULTS.units),
  cluster: z.preprocess(blankToUndefined, z.string().default(SETTINGS_DEFAULTS.cluster)),
  baseline: z.preprocess(blankToUndefined, z.string().default(SETTINGS_DEFAULTS.baseline)),
  scenarios: names,
  independent: optText,
  coordinated: optText,
  source: sourceSchema,
});

/** One inventory row. */
export const inventoryRowSchema = z.strictObject({
  city: text,
  sector: text,
  value: num(nonNegative),
  note: optText,
  source: sourceSchema,
});

/** One activity row. */
export const activityRowSchema = z.strictObject({
  activity: text,
  city: text,
  value: num(nonNegative),
  unit: optText,
  intensity: optNum(nonNegative),
  intensityUnit: massUnit(),
  note: optText,
  source: sourceSchema,
});

/** One driver row. `variable` defaults to "emissions". */
export const driverRowSchema = z.strictObject({
  variable: z.preprocess(blankToUndefined, z.string().default("emissions")),
  city: optText,
  sector: optText,
  from: year,
  to: year,
  rate: num(rateCheck),
  period: optText,
  note: optText,
  source: sourceSchema,
  dist,
  sd: optNum(nonNegative),
  min: optNum(rateCheck),
  max: optNum(rateCheck),
});

/** One lever row (kind-specific parameters are checked in `parse.ts`). */
export const leverRowSchema = z.strictObject({
  scenario: text,
  name: text,
  cities: targets,
  sectors: targets,
  kind,
  value: num(),
  startYear: year,
  fullYear: year,
  shape,
  activity: optText,
  coverage: optNum(shareCheck),
  elasticity: optNum(elasticityCheck),
  electricityShare: optNum(shareCheck),
  note: optText,
  source: sourceSchema,
  dist,
  sd: optNum(nonNegative),
  min: optNum(),
  max: optNum(),
});

/**
 * Checks a lever's `value` against its kind: pp 0–100 for structure_shift, else a share 0–1.
 * @example leverValueCheck("structure_shift")(120) // { code: "pp_range" }
 */
export function leverValueCheck(k: LeverKind): Check {
  return k === "structure_shift" ? ppCheck : shareCheck;
}

/** The ramp shapes as listed in messages. */
export const SHAPE_LIST = RAMP_SHAPES.join(", ");
