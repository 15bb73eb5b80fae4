/**
 * Unit conversion. The engine works in tCO2; inventories arrive in t, 万t (1e4 t), Mt (1e6 t) or
 * 亿t (1e8 t). Energy: 1 tce (tonne of coal equivalent) = 29.3076 GJ (GB/T 2589 calorific value).
 */
import { fail, issue, ok, type Issue, type Result } from "./issues";

/** Physical quantity a unit measures. */
export type UnitKind = "mass" | "energy";

interface UnitDef {
  readonly kind: UnitKind;
  /** Size in the base unit of its kind: tonnes for mass, GJ for energy. */
  readonly factor: number;
}

/** GJ per tonne of coal equivalent. */
export const GJ_PER_TCE = 29.3076;

const UNITS: Readonly<Record<string, UnitDef>> = {
  kg: { kind: "mass", factor: 1e-3 },
  t: { kind: "mass", factor: 1 },
  吨: { kind: "mass", factor: 1 },
  kt: { kind: "mass", factor: 1e3 },
  千吨: { kind: "mass", factor: 1e3 },
  万t: { kind: "mass", factor: 1e4 },
  万吨: { kind: "mass", factor: 1e4 },
  mt: { kind: "mass", factor: 1e6 },
  百万吨: { kind: "mass", factor: 1e6 },
  亿t: { kind: "mass", factor: 1e8 },
  亿吨: { kind: "mass", factor: 1e8 },
  gt: { kind: "mass", factor: 1e9 },
  kgce: { kind: "energy", factor: GJ_PER_TCE / 1e3 },
  tce: { kind: "energy", factor: GJ_PER_TCE },
  吨标准煤: { kind: "energy", factor: GJ_PER_TCE },
  万tce: { kind: "energy", factor: GJ_PER_TCE * 1e4 },
  万吨标准煤: { kind: "energy", factor: GJ_PER_TCE * 1e4 },
  mtce: { kind: "energy", factor: GJ_PER_TCE * 1e6 },
  mj: { kind: "energy", factor: 1e-3 },
  gj: { kind: "energy", factor: 1 },
  tj: { kind: "energy", factor: 1e3 },
  pj: { kind: "energy", factor: 1e6 },
  kwh: { kind: "energy", factor: 0.0036 },
  mwh: { kind: "energy", factor: 3.6 },
  gwh: { kind: "energy", factor: 3600 },
  twh: { kind: "energy", factor: 3.6e6 },
};

/**
 * Normalises a unit label: trims, drops a trailing "CO2"/"CO2e"/"CO₂"/"二氧化碳" and spaces,
 * lower-cases Latin letters. `"Mt CO2"` → `"mt"`, `"万吨二氧化碳"` → `"万吨"`, `"万t"` → `"万t"`.
 */
export function normalizeUnit(label: string): string {
  return label
    .trim()
    .replace(/\s*(co2|co₂)(e|-?eq)?$/i, "")
    .replace(/二氧化碳(当量)?$/, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** Looks up a unit; undefined when unknown. @example unitOf("Mt") // { kind: "mass", factor: 1e6 } */
export function unitOf(label: string): UnitDef | undefined {
  return Object.prototype.hasOwnProperty.call(UNITS, normalizeUnit(label)) ? UNITS[normalizeUnit(label)] : undefined;
}

/**
 * Converts `value` from one unit to another of the same kind.
 * Mass: kg, t, kt, 万t, Mt, 亿t, Gt (optionally followed by "CO2"; Chinese 吨/万吨/亿吨 too).
 * Energy: kgce, tce, 万tce, Mtce, MJ, GJ, TJ, PJ, kWh, MWh, GWh, TWh (1 tce = 29.3076 GJ).
 * Issues: `unknown_unit` at `from_unit`/`to_unit`, `unit_mismatch` when the kinds differ, `not_finite`.
 *
 * @example convert(1, "Mt", "万t") // ok(100)
 * @example convert(1, "tce", "GJ") // ok(29.3076)
 */
export function convert(value: number, from: string, to: string): Result<number> {
  const issues: Issue[] = [];
  if (!Number.isFinite(value)) issues.push(issue("not_finite", ["value"], { value }));
  const a = unitOf(from);
  const b = unitOf(to);
  if (!a) issues.push(issue("unknown_unit", ["from_unit"], { value: from }));
  if (!b) issues.push(issue("unknown_unit", ["to_unit"], { value: to }));
  if (a && b && a.kind !== b.kind) {
    issues.push(issue("unit_mismatch", ["to_unit"], { from, to, fromKind: a.kind, toKind: b.kind }));
  }
  if (issues.length > 0 || !a || !b) return fail(issues);
  // Divide by the smaller factor ratio form to keep exact results for powers of ten (1 Mt → 100 万t).
  return ok(a.factor >= b.factor ? value * (a.factor / b.factor) : value / (b.factor / a.factor));
}

/** Factor that converts a quantity in `unit` to tonnes (mass units only); undefined otherwise. */
export function tonnesPer(unit: string): number | undefined {
  const u = unitOf(unit);
  return u && u.kind === "mass" ? u.factor : undefined;
}
