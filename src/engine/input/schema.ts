/**
 * Scenario input as data (docs/model.md): Settings, Inventory (emissions by city × sector and year:
 * the measured history, or the base year alone), Activities (e.g. built-up area, with emissions per
 * unit), Drivers (growth rates by period of emissions or of the Kaya factors), Levers, and optionally
 * Socioeconomic (measured population, GDP, energy) and Targets. These are the zod schemas that check every field, and the TypeScript types are what they
 * produce (`z.output`): one description of each record, no twin interface.
 *
 * Input records may come from worksheet rows: each may carry `source` ({ sheet, row, columns }) so
 * that an issue can name the cell ("Levers!E5"). Blank cells (`null`, `""`) count as absent for
 * optional fields. Unknown fields are rejected (a misspelt column is an error, not silently ignored).
 * Cross-record checks (unknown cities, overlapping periods …) live in `scenario/compile.ts`.
 */
import { z } from "zod";
import type { IssueCode } from "../issues";
import { PEAK_OPTIONS } from "../peak";
import { tonnesPer } from "../units";
import { parseDistKind, type DistKind } from "./dist-kinds";
import { parseDriverVariable, parseShockMode, parseSocioVariable, parseTargetKind, type ShockMode, type SocioVariable, type TargetKind } from "./driver-words";
import { isAllWord, splitNames } from "./names";
import { parseRampShape, type RampShape } from "./ramp-shapes";
import { parseFillRule, type FillRule } from "../inventory/base-year";

// zod without its JIT: it never compiles a parser with `new Function` (nor probes whether it may), so
// the pane's CSP (no 'unsafe-eval') is never violated; zod then uses the same parsers it uses under a CSP.
z.config({ jitless: true });

/** Lever kinds (docs/model.md), in the order the docs list them. */
export const LEVER_KINDS = ["reduce", "intensity", "activity", "align_best", "structure_shift", "grid_factor", "avoid_growth"] as const;

/** A lever kind. */
export type LeverKind = (typeof LEVER_KINDS)[number];

/** "all" or a list of names. */
export type Targets = "all" | readonly string[];

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
  avoid_growth: { required: ["activity"], allowed: ["activity", "coverage"] },
};

/** The kind-specific parameter fields. */
export const LEVER_PARAMS = ["activity", "coverage", "elasticity", "electricityShare"] as const;

// ---------------------------------------------------------------------------------------------
// Field schemas. Custom checks report our own issue codes through `params.code`.

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const blankToUndefined = (v: unknown) => (isBlank(v) ? undefined : typeof v === "string" ? v.trim() : v);

type Check = (v: number) => { code: IssueCode; [k: string]: string | number } | undefined;

function num(check?: Check) {
  return z.number().superRefine((v, ctx) => {
    const bad = check?.(v);
    if (bad) ctx.addIssue({ code: "custom", input: v, params: { value: v, ...bad }, message: bad.code });
  });
}

const yearCheck: Check = (v) => (!Number.isInteger(v) ? { code: "year_not_integer" } : v < 1000 || v > 9999 ? { code: "year_out_of_range" } : undefined);
const shareCheck: Check = (v) => (v >= 0 && v <= 1 ? undefined : { code: "share_range" });
const rateCheck: Check = (v) => (v >= -1 && v <= 1 ? undefined : { code: "rate_range" });
const nonNegative: Check = (v) => (v >= 0 ? undefined : { code: "must_be_nonnegative" });
const ppCheck: Check = (v) => (v >= 0 && v <= 100 ? undefined : { code: "pp_range" });
const elasticityCheck: Check = (v) => (v >= 0 && v < 1 ? undefined : { code: "elasticity_range" });
/** A peak option's check: its rule and range text from `peak.ts` (one home for the peak options). */
const peakOptionCheck =
  (o: (typeof PEAK_OPTIONS)[keyof typeof PEAK_OPTIONS]): Check =>
  (v) =>
    o.valid(v) ? undefined : { code: "option_range", expected: o.expected, expectedZh: o.expectedZh };

const year = num(yearCheck);
const optYear = z.preprocess(blankToUndefined, year.optional());
const text = z.preprocess(blankToUndefined, z.string());
const optText = z.preprocess(blankToUndefined, z.string().optional());

/**
 * A yes/no cell: TRUE/FALSE, yes/no, y/n, true/false, 1/0, 是/否 (any case); undefined for anything else.
 * @example parseYesNo("是") // true
 */
export function parseYesNo(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v !== "string") return undefined;
  const t = v.trim().toLowerCase();
  if (["yes", "y", "true", "1", "是", "对"].includes(t)) return true;
  if (["no", "n", "false", "0", "否", "不"].includes(t)) return false;
  return undefined;
}

/** A yes/no setting; blank is `fallback`. */
const yesNo = (fallback: boolean) =>
  z
    .unknown()
    .optional()
    .transform((v, ctx): boolean => {
      if (isBlank(v)) return fallback;
      const b = parseYesNo(v);
      if (b === undefined)
        ctx.addIssue({
          code: "custom",
          input: v,
          params: { code: "invalid_choice", value: String(v), expected: "yes, no (是, 否)" },
          message: "invalid_choice",
        });
      return b ?? fallback;
    });
const optNum = (check?: Check) => z.preprocess(blankToUndefined, num(check).optional());
const withDefault = (value: number, check?: Check) => z.preprocess(blankToUndefined, num(check).default(value));

const massUnitCheck = (v: string | undefined, ctx: z.RefinementCtx) => {
  if (v !== undefined && tonnesPer(v) === undefined) {
    ctx.addIssue({ code: "custom", input: v, params: { code: "unknown_mass_unit", value: v }, message: "unknown_mass_unit" });
  }
};
/** A mass unit label (t, 万t, Mt …), optional. */
const massUnit = () => z.preprocess(blankToUndefined, z.string().optional().superRefine(massUnitCheck));
/** A mass unit label (t, 万t, Mt …); `dflt` when blank. */
const massUnitOr = (dflt: string) => z.preprocess(blankToUndefined, z.string().default(dflt).superRefine(massUnitCheck));

/** "all"/"全部"/"*" → "all"; "长沙, 株洲" or ["长沙", "株洲"] → the list (trimmed, de-duplicated; `names.ts`). */
const targets = z.unknown().transform((v, ctx): Targets => {
  if (isBlank(v)) {
    ctx.addIssue({ code: "custom", input: v, params: { code: "required" }, message: "required" });
    return z.NEVER;
  }
  let list: string[] | undefined;
  if (typeof v === "string") {
    if (isAllWord(v)) return "all";
    list = splitNames(v);
  } else if (Array.isArray(v) && v.every((x): x is string => typeof x === "string")) list = v.map((s) => s.trim()).filter((s) => s !== "");
  if (list) {
    const names = Array.from(new Set(list));
    if (names.length === 1 && isAllWord(names[0])) return "all";
    if (names.length > 0) return names;
  }
  ctx.addIssue({
    code: "custom",
    input: v,
    params: { code: "targets_invalid", value: typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)) },
    message: "targets_invalid",
  });
  return z.NEVER;
});

/** Blank or missing → linear. (The preprocess makes zod run this for a missing key too.) */
const shape = z.preprocess(
  (v) => (isBlank(v) ? "linear" : v),
  z.unknown().transform((v, ctx): RampShape => {
    const s = parseRampShape(v);
    if (s === undefined) {
      ctx.addIssue({ code: "custom", input: v, params: { code: "unknown_shape", value: typeof v === "string" ? v : String(v) }, message: "unknown_shape" });
      return z.NEVER;
    }
    return s;
  }),
);

/** Blank or missing → undefined (certain); else normal/正态, triangular/三角 or uniform/均匀. */
const dist = z.preprocess(
  blankToUndefined,
  z
    .unknown()
    .transform((v, ctx): DistKind => {
      const d = parseDistKind(v);
      if (d === undefined) {
        ctx.addIssue({ code: "custom", input: v, params: { code: "unknown_dist", value: typeof v === "string" ? v : String(v) }, message: "unknown_dist" });
        return z.NEVER;
      }
      return d;
    })
    .optional(),
);

/** A word read by `parse` (blank included: the parser gives its default); `code` when it is none of its words. */
function choice<T extends string>(parse: (v: unknown) => T | undefined, code: IssueCode) {
  return z.unknown().transform((v, ctx): T => {
    const t = parse(typeof v === "string" ? v.trim() : v);
    if (t === undefined) {
      ctx.addIssue({ code: "custom", input: v, params: { code, value: typeof v === "string" ? v : String(v) }, message: code });
      return z.NEVER;
    }
    return t;
  });
}
/** How a city without a value in the base year is handled: blank → absent ("none": a problem); "carry forward" / 延用最近实测值. */
const fill = z.preprocess(
  blankToUndefined,
  z
    .unknown()
    .transform((v, ctx): FillRule => {
      const f = parseFillRule(v);
      if (f === undefined) {
        ctx.addIssue({
          code: "custom",
          input: v,
          params: { code: "fill_rule_invalid", value: typeof v === "string" ? v : String(v) },
          message: "fill_rule_invalid",
        });
        return z.NEVER;
      }
      return f;
    })
    .optional(),
);

const kind = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, "_")
      : v,
  z.enum(LEVER_KINDS),
);

/** Where a record came from in a workbook: sheet name, 1-based row, and field → column letter. */
const sourceRefSchema = z.strictObject({
  sheet: z.string(),
  row: z.number().int().min(1),
  columns: z.record(z.string(), z.string()).optional(),
});

const sourceSchema = sourceRefSchema.optional();

const names = z.preprocess((v) => (isBlank(v) ? [] : typeof v === "string" ? splitNames(v) : v), z.array(z.string()));

/** The values of the settings that may be left blank (the peak options' are `peak.ts`'s). */
export const SETTINGS_DEFAULTS = {
  tolerance: PEAK_OPTIONS.tolerance.default,
  confirmYears: PEAK_OPTIONS.confirmYears.default,
  smoothYears: PEAK_OPTIONS.smoothYears.default,
  /** The strict peak reading (docs/peaks.md, "Strict"): off unless the Settings say yes. */
  strict: false,
  units: "t",
  cluster: "cluster",
  baseline: "baseline",
  shocks: "independent",
} as const;

/**
 * Settings schema. Defaults: {@link SETTINGS_DEFAULTS} (tolerance 0, confirmYears 0, smoothYears 1, strict no, units "t", cluster "cluster", baseline "baseline").
 * `baseYear` is the first year of the results; `lastHistoricalYear` the last measured one (blank: the
 * latest year every city has; docs/model.md §3), `fill` what happens to a city without a value in it
 * (none / carry-forward; blank: none — the base-year gaps of a single-year inventory), `referenceYear` the year intensity changes are measured against (blank: the
 * base year), `cumulativeFrom` the first year of the cumulative emissions (blank: the first projected
 * year), `shocks` how the Monte Carlo draws Drivers rows (independent / shared by variable; blank: independent).
 */
export const settingsSchema = z.strictObject({
  baseYear: year,
  endYear: year,
  targetYear: year,
  tolerance: withDefault(SETTINGS_DEFAULTS.tolerance, peakOptionCheck(PEAK_OPTIONS.tolerance)),
  confirmYears: withDefault(SETTINGS_DEFAULTS.confirmYears, peakOptionCheck(PEAK_OPTIONS.confirmYears)),
  smoothYears: withDefault(SETTINGS_DEFAULTS.smoothYears, peakOptionCheck(PEAK_OPTIONS.smoothYears)),
  strict: yesNo(SETTINGS_DEFAULTS.strict),
  units: massUnitOr(SETTINGS_DEFAULTS.units),
  cluster: z.preprocess(blankToUndefined, z.string().default(SETTINGS_DEFAULTS.cluster)),
  baseline: z.preprocess(blankToUndefined, z.string().default(SETTINGS_DEFAULTS.baseline)),
  scenarios: names,
  independent: optText,
  coordinated: optText,
  /** Gaps in the last historical year (the base year of a single-year inventory; docs/model.md §3, docs/inventories.md): absent or "none" — a city without a value is a problem — or "carry-forward". */
  fill,
  lastHistoricalYear: optYear,
  referenceYear: optYear,
  cumulativeFrom: optYear,
  shocks: z.preprocess(blankToUndefined, choice(parseShockMode, "unknown_shock_mode").optional()),
  source: sourceSchema,
});

/** One inventory row. */
export const inventoryRowSchema = z.strictObject({
  city: text,
  sector: text,
  year: optYear,
  value: num(nonNegative),
  /** Set by a reader that filled the value (carry-forward): the measured year it comes from. */
  filledFrom: optYear,
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
  sectors: z.preprocess((v) => (isBlank(v) ? undefined : v), targets.optional()),
  note: optText,
  source: sourceSchema,
});

/**
 * One driver row: a growth rate for the years `from`…`to` (inclusive: the period (from − 1, to]).
 * With `endRate` the rate is not constant but moves linearly from `rate` in year `from` to `endRate` in
 * year `to` (a path that slows or speeds up within the period, LEAP's interpolation; blank: constant).
 * `variable` is "emissions" (default) or an activity name. Blank city/sector = all; the most specific
 * row covering a year wins: city+sector > city > sector > cluster-wide. Activity drivers have no sector.
 * Its uncertainty columns (Monte Carlo, optional; docs/uncertainty.md) describe the rate's distribution.
 */
export const driverRowSchema = z.strictObject({
  variable: z.preprocess(blankToUndefined, z.string().default("emissions")).transform((v) => parseDriverVariable(v) ?? v),
  city: optText,
  sector: optText,
  from: year,
  to: year,
  rate: num(rateCheck),
  endRate: optNum(rateCheck),
  period: optText,
  note: optText,
  source: sourceSchema,
  dist,
  sd: optNum(nonNegative),
  min: optNum(rateCheck),
  max: optNum(rateCheck),
});

/**
 * One lever row (kind-specific parameters are checked in `parse.ts`). Rows with the same scenario and
 * name are milestones of one lever (segment k ramps from milestone k − 1's value to its own). `value`
 * is a share 0–1 for every kind except `structure_shift`, where it is percentage points of GDP moved
 * from secondary to tertiary (0–100). Its uncertainty columns describe the value's distribution.
 */
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
 * One Socioeconomic row: a measured level of a city (and, for energy, optionally a sector) in a year —
 * population, GDP (constant prices) or energy use — in the unit the row states (万人, 亿元, 万tce …;
 * `socio-units.ts`). These levels anchor the indicators (per capita, per unit of GDP, intensity changes
 * against a reference year) and are projected by the Drivers' growth rates after the last historical year.
 */
export const socioRowSchema = z.strictObject({
  city: text,
  variable: choice<SocioVariable>(parseSocioVariable, "unknown_socio_variable"),
  sector: optText,
  year,
  value: num(nonNegative),
  unit: text,
  note: optText,
  source: sourceSchema,
});

/**
 * One Targets row (docs/model.md §10): a target kind, the region it is for (a city, or blank / the
 * cluster's name for the cluster), the scenario (blank: every scenario), and the years and value the
 * kind needs (checked in `parse.ts`): `to` is the year by which (peak, intensity) or the last year of a
 * budget; `from` the reference year of an intensity decline or the first year of a budget; `value` the
 * cap or budget (in the Settings unit) or the decline (a share: 0.65 = −65 %).
 */
export const targetRowSchema = z.strictObject({
  kind: choice<TargetKind>(parseTargetKind, "unknown_target_kind"),
  region: optText,
  scenario: optText,
  from: optYear,
  to: optYear,
  value: optNum(nonNegative),
  note: optText,
  source: sourceSchema,
});

/** The fields each target kind needs; the others must be blank. */
export const TARGET_PARAMS: Readonly<Record<TargetKind, readonly ("from" | "to" | "value")[]>> = {
  peak_by: ["to"],
  peak_cap: ["value"],
  intensity_decline: ["from", "to", "value"],
  energy_intensity_decline: ["from", "to", "value"],
  budget: ["from", "to", "value"],
};

/**
 * Checks a lever's `value` against its kind: pp 0–100 for structure_shift, else a share 0–1.
 * @example leverValueCheck("structure_shift")(120) // { code: "pp_range" }
 */
export function leverValueCheck(k: LeverKind): Check {
  return k === "structure_shift" ? ppCheck : shareCheck;
}

// ---------------------------------------------------------------------------------------------
// The types: what the schemas produce.

/** Where a record came from in a workbook: sheet name, 1-based row, and field → column letter. */
export type SourceRef = Readonly<z.output<typeof sourceRefSchema>>;

/** Run settings (calendar years; `units` is the unit of inventory values; defaults {@link SETTINGS_DEFAULTS}). */
export type Settings = Readonly<z.output<typeof settingsSchema>>;

/** Emissions of one city and sector in one year (blank: the base year), in `Settings.units`. */
export type InventoryRow = Readonly<z.output<typeof inventoryRowSchema>>;

/**
 * A city's activity in the base year (e.g. built-up area, km²) and, for `activity` levers, the emissions
 * per unit of it (`intensity`, in `intensityUnit` — default `Settings.units` — per unit of activity).
 */
export type ActivityRow = Readonly<z.output<typeof activityRowSchema>>;

/** A driver row (see {@link driverRowSchema}). */
export type DriverRow = Readonly<z.output<typeof driverRowSchema>>;

/** A lever row (see {@link leverRowSchema}). */
export type LeverRow = Readonly<z.output<typeof leverRowSchema>>;

/**
 * The optional uncertainty columns of a Drivers or Levers row (docs/uncertainty.md): `dist` is normal
 * (正态: mean = the row's value, `sd` ≥ 0), triangular (三角: `min` ≤ value = mode ≤ `max`) or uniform
 * (均匀: `min` ≤ value ≤ `max`), in the unit of the row's value (rate, share or pp). Blank = certain.
 */
export type UncertainColumns = Pick<DriverRow | LeverRow, "dist" | "sd" | "min" | "max">;

/** A Socioeconomic row (see {@link socioRowSchema}). */
export type SocioRow = Readonly<z.output<typeof socioRowSchema>>;

/** A Targets row (see {@link targetRowSchema}). */
export type TargetRow = Readonly<z.output<typeof targetRowSchema>>;

export type { FillRule, ShockMode, SocioVariable, TargetKind };

/** A whole scenario input. `socioeconomic` and `targets` are optional (previous versions had neither). */
export interface ScenarioInput {
  readonly settings: Settings;
  readonly inventory: readonly InventoryRow[];
  readonly activities: readonly ActivityRow[];
  readonly drivers: readonly DriverRow[];
  readonly levers: readonly LeverRow[];
  readonly socioeconomic?: readonly SocioRow[];
  readonly targets?: readonly TargetRow[];
}
