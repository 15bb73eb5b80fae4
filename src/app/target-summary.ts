/**
 * The targets and indicators of a run as the outputs show them: in the scenario's unit (Settings →
 * Units) for emissions, caps and budgets, 万人 / 亿元 / 万tce for the levels, null where a value is not
 * known. Computed once per run and used by the Target results and Indicators sheets, the CLI (its
 * table and JSON) and the task pane (`RunSummary.targets`). Pure TypeScript.
 */
import { tonnesPer, type Basis, type Indicators, type Issue, type TargetKind, type TargetResult, type TargetStatus } from "../engine";
import { numberCell as known } from "./number-cell";

/** One target judged in one scenario, in the output units. */
export interface TargetSummaryRow {
  readonly scenario: string;
  readonly region: string;
  readonly isCluster: boolean;
  readonly kind: TargetKind;
  /** The Targets row (1-based entry number among the rows). */
  readonly entry: number;
  readonly from?: number;
  readonly to?: number;
  /** A year (peak_by), the unit's emissions (peak_cap, budget) or a share (the declines). */
  readonly target: number;
  /** Null when not known (or still rising, for peak_by). */
  readonly reached: number | null;
  /** "year", the emissions unit ("Mt"), or "share". */
  readonly unit: string;
  readonly status: TargetStatus;
  /** Inside (> 0) or outside (< 0) the target, in `unit`; null when not known. */
  readonly margin: number | null;
  /** Why the status is unknown, or why a peak is not reached. */
  readonly reason?: Issue;
  readonly note?: string;
}

/**
 * The targets of a run in the scenario's unit.
 * @example targetSummary(results.settings.units, targets)[0] // { kind: "peak_by", target: 2030, reached: 2028, status: "met", margin: 2, unit: "year", … }
 */
export function targetSummary(unit: string, targets: readonly TargetResult[]): TargetSummaryRow[] {
  const k = tonnesPer(unit) ?? 1;
  return targets.map((t) => {
    const scale = t.kind === "peak_cap" || t.kind === "budget" ? k : 1;
    return {
      scenario: t.scenario,
      region: t.region,
      isCluster: t.isCluster,
      kind: t.kind,
      entry: t.row + 1,
      ...(t.from !== undefined ? { from: t.from } : {}),
      ...(t.to !== undefined ? { to: t.to } : {}),
      target: t.target / scale,
      reached: known(t.reached / scale),
      unit: t.kind === "peak_by" ? "year" : scale === k ? unit : "share",
      status: t.status,
      margin: known(t.margin / scale + 0),
      ...(t.reason ? { reason: t.reason } : {}),
      ...(t.note !== undefined ? { note: t.note } : {}),
    };
  });
}

/** One scenario and region's indicators over the years, in the output units (null = not known). */
export interface IndicatorSummary {
  readonly scenario: string;
  readonly region: string;
  readonly isCluster: boolean;
  readonly basis: readonly Basis[];
  /** The scenario's unit. */
  readonly emissions: readonly (number | null)[];
  /** 万人. */
  readonly population: readonly (number | null)[];
  /** 亿元. */
  readonly gdp: readonly (number | null)[];
  /** tCO2 per person. */
  readonly perCapita: readonly (number | null)[];
  /** tCO2 per 万元. */
  readonly perGdp: readonly (number | null)[];
  /** Against the reference year (−0.18 = −18 %). */
  readonly perGdpChange: readonly (number | null)[];
  /** 万tce. */
  readonly energy: readonly (number | null)[];
  /** tce per 万元. */
  readonly energyIntensity: readonly (number | null)[];
  readonly energyIntensityChange: readonly (number | null)[];
  /** The scenario's unit, from `cumulativeFrom`. */
  readonly cumulative: readonly (number | null)[];
}

/** The indicators of a run in the output units: the years, the reference year, and one entry per scenario and region. */
export interface IndicatorsSummary {
  readonly years: readonly number[];
  readonly referenceYear: number;
  readonly cumulativeFrom: number;
  readonly unit: string;
  readonly series: readonly IndicatorSummary[];
}

/**
 * The indicators of a run in the output units.
 * @example indicatorSummary(years, "Mt", indicators).series[0].perCapita // [7.2, 7.3, …] t per person
 */
export function indicatorSummary(years: ArrayLike<number>, unit: string, ind: Indicators): IndicatorsSummary {
  const k = tonnesPer(unit) ?? 1;
  const list = (a: Float64Array, f = 1) => Array.from(a, (x) => known(x / f + 0));
  return {
    years: Array.from(years),
    referenceYear: ind.referenceYear,
    cumulativeFrom: ind.cumulativeFrom,
    unit,
    series: ind.series.map((s) => ({
      scenario: s.scenario,
      region: s.region,
      isCluster: s.isCluster,
      basis: s.basis,
      emissions: list(s.emissions, k),
      population: list(s.population, 1e4),
      gdp: list(s.gdp, 1e4),
      perCapita: list(s.perCapita),
      perGdp: list(s.perGdp),
      perGdpChange: list(s.perGdpChange),
      energy: list(s.energy, 1e4),
      energyIntensity: list(s.energyIntensity),
      energyIntensityChange: list(s.energyIntensityChange),
      cumulative: list(s.cumulative, k),
    })),
  };
}

/**
 * A decline reached, signed as its target is worded ("CO2 per GDP −18 %"): a fall of 0.227 is "−" with 0.227, a
 * rise (a negative decline) "+"; any other kind has no sign. Formatting the magnitude is the caller's
 * (the pane localises numbers, the CLI does not).
 * @example signedReached("intensity_decline", 0.227) // { sign: "−", magnitude: 0.227 }
 * @example signedReached("peak_by", 2021) // { sign: "", magnitude: 2021 }
 */
export function signedReached(kind: TargetKind, reached: number): { sign: "" | "−" | "+"; magnitude: number } {
  if (kind !== "intensity_decline" && kind !== "energy_intensity_decline") return { sign: "", magnitude: reached };
  return reached >= 0 ? { sign: "−", magnitude: reached } : { sign: "+", magnitude: -reached };
}
