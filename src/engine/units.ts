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

/** Canonical short name of each mass unit (how a Latin-script label is shown: "million tonnes" → "Mt"). */
const MASS_NAME: Readonly<Record<number, string>> = { 1e-3: "kg", 1: "t", 1e3: "kt", 1e4: "万t", 1e6: "Mt", 1e8: "亿t", 1e9: "Gt" };

const mass = (factor: number): UnitDef => ({ kind: "mass", factor });
const energy = (factor: number): UnitDef => ({ kind: "energy", factor });

/**
 * The unit vocabulary: normalised labels (see {@link normalizeUnit}) → unit. What analysts write —
 * symbols (t, 万t, Mt, 亿t), words (tonnes, million tonnes, and CEADs' own "million tones"), Chinese
 * (吨, 万吨, 百万吨, 亿吨) and powers of ten (10^4 t, 10⁴t) — all in this one table.
 */
const UNITS: Readonly<Record<string, UnitDef>> = {
  kg: mass(1e-3),
  千克: mass(1e-3),
  公斤: mass(1e-3),
  t: mass(1),
  吨: mass(1),
  tonne: mass(1),
  tonnes: mass(1),
  ton: mass(1),
  tons: mass(1),
  kt: mass(1e3),
  千吨: mass(1e3),
  gg: mass(1e3),
  thousandtonnes: mass(1e3),
  thousandtons: mass(1e3),
  "10^3t": mass(1e3),
  "10³t": mass(1e3),
  万t: mass(1e4),
  万吨: mass(1e4),
  "10^4t": mass(1e4),
  "10⁴t": mass(1e4),
  tenthousandtonnes: mass(1e4),
  tenthousandtons: mass(1e4),
  mt: mass(1e6),
  百万吨: mass(1e6),
  百万t: mass(1e6),
  tg: mass(1e6),
  milliontonnes: mass(1e6),
  milliontons: mass(1e6),
  milliontones: mass(1e6), // as CEADs' city inventory spells it ("million tones 百万吨")
  milliont: mass(1e6),
  "10^6t": mass(1e6),
  "10⁶t": mass(1e6),
  亿t: mass(1e8),
  亿吨: mass(1e8),
  "10^8t": mass(1e8),
  "10⁸t": mass(1e8),
  hundredmilliontonnes: mass(1e8),
  gt: mass(1e9),
  十亿吨: mass(1e9),
  billiontonnes: mass(1e9),
  billiontons: mass(1e9),
  kgce: energy(GJ_PER_TCE / 1e3),
  tce: energy(GJ_PER_TCE),
  吨标准煤: energy(GJ_PER_TCE),
  吨标煤: energy(GJ_PER_TCE),
  万tce: energy(GJ_PER_TCE * 1e4),
  万吨标准煤: energy(GJ_PER_TCE * 1e4),
  万吨标煤: energy(GJ_PER_TCE * 1e4),
  mtce: energy(GJ_PER_TCE * 1e6),
  mj: energy(1e-3),
  gj: energy(1),
  tj: energy(1e3),
  pj: energy(1e6),
  kwh: energy(0.0036),
  mwh: energy(3.6),
  gwh: energy(3600),
  twh: energy(3.6e6),
};

/**
 * Normalises a unit label: trims, drops a trailing "CO2"/"CO2e"/"CO₂"/"CO2-eq" (also "of CO2",
 * "t CO2" written "tCO2") and "二氧化碳(当量)", drops spaces, lower-cases Latin letters.
 * `"Mt CO2"` → `"mt"`, `"million tonnes of CO2"` → `"milliontonnes"`, `"万吨二氧化碳"` → `"万吨"`.
 */
export function normalizeUnit(label: string): string {
  return label
    .trim()
    .replace(/\s*(of\s+)?(co2|co₂)(e|-?eq)?\.?$/i, "")
    .replace(/二氧化碳(当量)?$/, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** Looks up a unit; undefined when unknown. @example unitOf("Mt") // { kind: "mass", factor: 1e6 } */
export function unitOf(label: string): UnitDef | undefined {
  const key = normalizeUnit(label);
  return key !== "" && Object.prototype.hasOwnProperty.call(UNITS, key) ? UNITS[key] : undefined;
}

/**
 * How a mass unit label is shown (results headers say "CO2" themselves): a label in Latin script
 * becomes its short symbol ("Mt CO2", "MtCO2", "million tonnes", "mt" → "Mt"; "10^4 t" → "万t");
 * a Chinese label is kept as written without its CO2 suffix ("万吨二氧化碳" → "万吨"). A label that is
 * not a known mass unit comes back trimmed.
 * @example unitLabel("Mt CO2") // "Mt"
 * @example unitLabel("百万吨") // "百万吨"
 */
export function unitLabel(label: string): string {
  const u = unitOf(label);
  if (u === undefined || u.kind !== "mass") return label.trim();
  if (/[\u4e00-\u9fff]/.test(label))
    return label
      .trim()
      .replace(/\s*二氧化碳(当量)?$/, "")
      .replace(/\s*(co2|co₂)(e|-?eq)?$/i, "")
      .trim();
  return MASS_NAME[u.factor] ?? label.trim();
}

/**
 * The first known unit named in free text (a note, a title, a header): the whole text, a bracketed
 * part ("Emissions (Mt CO2)", "排放量（万吨）"), or a run of one to three words ("million tones 百万吨",
 * "emissions_mt", "CO2 / 万t"). Returns the words as written and the unit; undefined when none.
 * Plain numbers never count (a year is not a unit).
 * @example unitInText("million tones 百万吨") // { label: "million tones", unit: { kind: "mass", factor: 1e6 } }
 * @example unitInText("Unit: 万吨") // { label: "万吨", … }
 */
export function unitInText(text: string): { readonly label: string; readonly unit: UnitDef } | undefined {
  const t = text.trim();
  if (t === "" || /^[\d\s.,]+$/.test(t)) return undefined;
  const whole = unitOf(t);
  if (whole) return { label: t, unit: whole };
  const bracket = /[(（[【]([^)）\]】]+)[)）\]】]/.exec(t);
  if (bracket) {
    const u = unitOf(bracket[1]);
    if (u) return { label: bracket[1].trim(), unit: u };
  }
  const words = t.split(/[\s_/|,，;；:：()（）[\]【】]+/).filter((w) => w !== "");
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      if (n === 1 && /^[\d.]+$/.test(run[0])) continue;
      const u = unitOf(run.join(" "));
      if (u) return { label: run.join(" "), unit: u };
    }
  }
  return undefined;
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
