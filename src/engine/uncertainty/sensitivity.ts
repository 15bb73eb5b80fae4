/**
 * One-at-a-time sensitivity (a tornado) over the uncertain inputs of a scenario (docs/uncertainty.md):
 * each input that carries a distribution is set to its 5th and then its 95th percentile, everything
 * else at its deterministic value, and the scenarios are run again — reporting, per scenario, how far
 * that one input moves the cluster's peak year and its emissions in the target year.
 *
 * The inputs are grouped as the Monte Carlo draws them: with shared shocks (Settings → Monte Carlo
 * shocks) all uncertain Drivers rows of one variable move together, each at the same percentile of its
 * own distribution (one variate); otherwise each uncertain row on its own. A lever (its milestones
 * together) is one input. A ramped driver row (`endRate`) is shifted as a whole, as in a draw.
 * Percentile values outside their valid range (rates −1…1, shares 0…1, pp 0…100) are set to the bound.
 *
 * The rows come sorted by their swing — the largest change of any scenario's target-year cluster
 * emissions between the two ends — so the first few are the drivers and levers that matter most.
 */
import { issue, ok, type Issue, type Result } from "../issues";
import { parseScenarioInput } from "../input/parse";
import type { DriverRow, LeverRow, ScenarioInput } from "../input/schema";
import { SETTINGS_DEFAULTS } from "../input/schema";
import { runScenarios } from "../scenario/run";
import { clusterTotal, type ScenarioResults } from "../scenario/results";
import type { PeakStatus } from "../peak";
import { fromVariate, rowDist } from "./distributions";

/** The two ends of a one-at-a-time case: the 5th and the 95th percentile. */
export const SENSITIVITY_QUANTILES = [0.05, 0.95] as const;

/** Φ⁻¹(0.95): the standard normal variate of the 95th percentile (the 5th is its negative). */
const Z95 = 1.6448536269514722;

/** The cluster in one scenario: peak year, status, peak value and target-year emissions (tCO2). */
export interface ClusterOutcome {
  readonly scenario: string;
  readonly peakYear: number;
  readonly status: PeakStatus;
  readonly peakValue: number;
  readonly targetYearEmissions: number;
}

/** One uncertain input moved to its two ends. */
export interface SensitivityRow {
  /** A Drivers variable (its uncertain rows, shared shocks), one Drivers row, or a lever. */
  readonly kind: "driver" | "lever";
  /** The variable (drivers) or the lever's name. */
  readonly name: string;
  /** The lever's scenario (levers only). */
  readonly scenario?: string;
  /** Raw indexes of the Drivers or Levers rows moved. */
  readonly rows: readonly number[];
  /**
   * The widest-spread moved row's value at the 5th and the 95th percentile (a rate, share or pp): with a
   * shared shock, the row whose distribution is widest (e.g. the full SD after a ramp-in of smaller SDs).
   */
  readonly values: readonly [number, number];
  /** The raw index of that row. */
  readonly valuesRow: number;
  /** Per scenario: the cluster at the 5th (`low`) and the 95th (`high`) percentile of the input. */
  readonly outcomes: readonly { readonly low: ClusterOutcome; readonly high: ClusterOutcome }[];
  /** max over scenarios of |target-year emissions (high) − (low)|, tCO2: the sort key. */
  readonly swing: number;
}

/** The deterministic run and the one-at-a-time rows. */
export interface Sensitivity {
  readonly targetYear: number;
  readonly scenarios: readonly string[];
  readonly deterministic: readonly ClusterOutcome[];
  /** Sorted by swing, largest first (ties: drivers before levers, then by name). */
  readonly rows: readonly SensitivityRow[];
}

function outcomes(r: ScenarioResults): ClusterOutcome[] {
  const t = r.settings.targetYear - r.years[0];
  return r.scenarios.map((scenario, k) => {
    const p = r.peaks.find((x) => x.isCluster && x.scenario === scenario)!;
    return { scenario, peakYear: p.year, status: p.status, peakValue: p.value, targetYearEmissions: clusterTotal(r, r.emissions[k])[t] };
  });
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** A driver row at the variate: its rate moved, an end rate shifted by as much. */
function driverAt(d: DriverRow, variate: number): DriverRow {
  const rate = clamp(fromVariate(rowDist(d, d.rate)!, variate), -1, 1);
  return d.endRate === undefined ? { ...d, rate } : { ...d, rate, endRate: clamp(d.endRate + (rate - d.rate), -1, 1) };
}

/** A lever milestone row at the variate. */
function leverAt(l: LeverRow, variate: number): LeverRow {
  return { ...l, value: clamp(fromVariate(rowDist(l, l.value)!, variate), 0, l.kind === "structure_shift" ? 100 : 1) };
}

/** The variate of quantile q for a distribution kind: z for normal, q itself for triangular and uniform. */
const variateOf = (dist: DriverRow["dist"], q: number) => (dist === "normal" ? (q < 0.5 ? -Z95 : Z95) : q);

/**
 * The one-at-a-time sensitivity of a scenario input (validated like {@link runScenarios}: it fails with
 * the same issues). Warning `mc_no_uncertainty` when no row has a distribution (then no rows).
 * @example oneAtATime(changzhutanInput()).value.rows[0] // the input moving the target-year emissions most
 */
export function oneAtATime(raw: unknown): Result<Sensitivity> {
  const parsed = parseScenarioInput(raw);
  if (!parsed.ok) return parsed;
  const input: ScenarioInput = parsed.value;
  const det = runScenarios(input);
  if (!det.ok) return det;
  const warnings: Issue[] = [...det.warnings];
  const shared = (input.settings.shocks ?? SETTINGS_DEFAULTS.shocks) === "shared";

  // Groups of rows moved together.
  const groups: { kind: "driver" | "lever"; name: string; scenario?: string; rows: number[] }[] = [];
  const byVariable = new Map<string, number>();
  input.drivers.forEach((d, k) => {
    if (d.dist === undefined) return;
    if (shared && byVariable.has(d.variable)) groups[byVariable.get(d.variable)!].rows.push(k);
    else {
      if (shared) byVariable.set(d.variable, groups.length);
      groups.push({ kind: "driver", name: d.variable, rows: [k] });
    }
  });
  const levers = new Map<string, number[]>();
  input.levers.forEach((l, k) => {
    const key = JSON.stringify([l.scenario, l.name]);
    levers.set(key, [...(levers.get(key) ?? []), k]);
  });
  for (const [key, rows] of levers) {
    if (!rows.every((k) => input.levers[k].dist !== undefined)) continue;
    const [scenario, name] = JSON.parse(key) as [string, string];
    groups.push({ kind: "lever", name, scenario, rows });
  }
  if (groups.length === 0) warnings.push(issue("mc_no_uncertainty", ["drivers"]));

  const rows: SensitivityRow[] = [];
  for (const g of groups) {
    const ends: { values: number[]; outcome: ClusterOutcome[] }[] = [];
    for (const q of SENSITIVITY_QUANTILES) {
      const drivers = g.kind === "driver" ? input.drivers.map((d, k) => (g.rows.includes(k) ? driverAt(d, variateOf(d.dist, q)) : d)) : input.drivers;
      const levers = g.kind === "lever" ? input.levers.map((l, k) => (g.rows.includes(k) ? leverAt(l, variateOf(l.dist, q)) : l)) : input.levers;
      // Values at a percentile are valid by construction (clamped to their ranges); the run cannot fail but is not trusted blindly.
      const r = runScenarios({ ...input, drivers, levers });
      if (!r.ok) return r;
      ends.push({ values: g.rows.map((k) => (g.kind === "driver" ? drivers[k].rate : levers[k].value)), outcome: outcomes(r.value) });
    }
    const [lo, hi] = ends;
    let widest = 0;
    g.rows.forEach((_, i) => {
      if (Math.abs(hi.values[i] - lo.values[i]) > Math.abs(hi.values[widest] - lo.values[widest])) widest = i;
    });
    const outs = lo.outcome.map((low, i) => ({ low, high: hi.outcome[i] }));
    const swing = Math.max(...outs.map((o) => Math.abs(o.high.targetYearEmissions - o.low.targetYearEmissions)));
    rows.push({
      kind: g.kind,
      name: g.name,
      ...(g.scenario !== undefined ? { scenario: g.scenario } : {}),
      rows: g.rows,
      values: [lo.values[widest], hi.values[widest]],
      valuesRow: g.rows[widest],
      outcomes: outs,
      swing,
    });
  }
  rows.sort((a, b) => b.swing - a.swing || (a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind === "driver" ? -1 : 1));
  return ok({ targetYear: input.settings.targetYear, scenarios: det.value.scenarios, deterministic: outcomes(det.value), rows }, warnings);
}
