/**
 * The output tables of a run (DESIGN 5), as values: results (scenario, city, sector, year,
 * emissions), peaks, reductions by lever and sector, the benefit of coordination by sector and year,
 * the activity / structure / levers decomposition from the base year to the target year, chart data
 * with chart specs (cluster trajectory per scenario; sector wedges), the Monte Carlo summary and the
 * histogram of the cluster's peak years with its column chart (when a Monte Carlo ran), a run record,
 * and — only when asked for — the "Peaks (live)" sheet with live CARBON.* formulas (`live-peaks.ts`).
 * (A −0 from the engine is written as 0: Excel has no negative zero.)
 * Everything is in the scenario's unit (Settings → Units, else the inventory's), stated in the
 * headers ("Emissions (Mt CO2)") and in the run record. Pure: builds write operations for a port.
 */
import {
  clusterTotal,
  emissionRows,
  formatIssue,
  reductionRows,
  sectorTotals,
  tonnesPer,
  type Issue,
  type MonteCarloResult,
  type PeakStatus,
  type ScenarioResults,
} from "../engine";
import type { CellValue, ChartSpec, WriteOp } from "../workbook/port";
import type { DecompositionRow } from "./decomposition";
import { livePeaksOps } from "./live-peaks";

/** Output sheets by role. */
export type OutputRole = "results" | "peaks" | "peaksLive" | "reductions" | "coordination" | "decomposition" | "charts" | "uncertainty" | "peakYears" | "runInfo";

/** Default sheet names of the outputs (a name a user's sheet has becomes "Results (2)"). */
export const OUTPUT_SHEETS: Readonly<Record<OutputRole, string>> = {
  results: "Results",
  peaks: "Peaks",
  peaksLive: "Peaks (live)",
  reductions: "Reductions",
  coordination: "Coordination",
  decomposition: "Decomposition",
  charts: "Charts",
  uncertainty: "Uncertainty",
  peakYears: "Peak years",
  runInfo: "Run info",
};

/** The peaks of one city or the cluster in one scenario, in the scenario's unit. */
export interface PeakSummaryRow {
  readonly scenario: string;
  /** City name or the cluster's name. */
  readonly region: string;
  readonly isCluster: boolean;
  /** Null while still rising at the end of the horizon (no peak within it). */
  readonly peakYear: number | null;
  /** Emissions in the peak year; null while rising. */
  readonly peakValue: number | null;
  readonly status: PeakStatus;
  /** Peaked (not rising) no later than the target year. */
  readonly peakedByTarget: boolean;
  /** Σ over years after the target of max(0, E(y) − E(target)). */
  readonly peakGap: number;
  readonly unit: string;
}

/** What produced a run: stored in the add-in's settings and written to the "Run info" sheet. */
export interface RunRecord {
  /** ISO 8601 time of the run. */
  readonly at: string;
  /** The add-in / CLI version (package.json). */
  readonly version: string;
  /** "sha256:<hex>" of the canonical JSON of the scenario input (values only, without cell locations). */
  readonly inputHash: string;
  /** The inventory range read, e.g. "Inventory!A1:D25". */
  readonly inventory: string;
  readonly scenarioSheets: readonly string[];
  readonly unit: string;
  readonly scenarios: readonly string[];
  /** Output sheet names by role. */
  readonly outputs: Readonly<Partial<Record<OutputRole, string>>>;
  readonly warnings: number;
  /** Monte Carlo draws and seed, when the run included one. */
  readonly draws?: number;
  readonly seed?: number;
  /** True when the run also wrote live CARBON.* formulas (the "Peaks (live)" sheet). */
  readonly formulas?: boolean;
}

/** Excel number format for emissions in `unit`: more decimals for bigger units. */
export function emissionsFormat(unit: string): string {
  const t = tonnesPer(unit) ?? 1;
  return t >= 1e6 ? "#,##0.000" : t >= 1e3 ? "#,##0.00" : "#,##0";
}

/** A column header with the unit: "Emissions (Mt CO2)". */
export const withUnit = (label: string, unit: string) => `${label} (${unit} CO2)`;

/**
 * The peaks of a run in the scenario's unit (year and value null while rising).
 * @example peakSummary(results)[0] // { scenario: "baseline", region: "长沙", peakYear: 2040, … }
 */
export function peakSummary(r: ScenarioResults): PeakSummaryRow[] {
  const unit = r.settings.units;
  const k = tonnesPer(unit) ?? 1;
  return r.peaks.map((p) => ({
    scenario: p.scenario,
    region: p.region,
    isCluster: p.isCluster,
    peakYear: p.status === "rising" ? null : p.year,
    peakValue: p.status === "rising" ? null : p.value / k,
    status: p.status,
    peakedByTarget: p.byTarget,
    peakGap: p.gapAfterTarget / k,
    unit,
  }));
}

/** Table names of the outputs (the caller makes them unique in the workbook). */
export const OUTPUT_TABLES = {
  results: "CarbonPeak_Results",
  peaks: "CarbonPeak_Peaks",
  reductions: "CarbonPeak_Reductions",
  coordination: "CarbonPeak_Coordination",
  decomposition: "CarbonPeak_Decomposition",
  uncertainty: "CarbonPeak_Uncertainty",
  peakYears: "CarbonPeak_PeakYears",
  peakYearsChart: "CarbonPeak_PeakYearsChart",
  trajectory: "CarbonPeak_Trajectory",
  wedges: "CarbonPeak_Wedges",
  runInfo: "CarbonPeak_RunInfo",
} as const;

/** Inputs of {@link outputOps}. */
export interface OutputPlan {
  readonly results: ScenarioResults;
  /** Sheet name per role that will be written (coordination only when the results have it). */
  readonly sheets: Readonly<Partial<Record<OutputRole, string>>>;
  /** Maps a wanted table name to a free one. */
  readonly tableName: (wanted: string) => string;
  readonly record: RunRecord;
  readonly warnings: readonly Issue[];
  /** The decomposition rows (tCO2), written when `sheets.decomposition` is set. */
  readonly decomposition?: readonly DecompositionRow[];
  /** A Monte Carlo result, written when `sheets.uncertainty` / `sheets.peakYears` are set. */
  readonly monteCarlo?: MonteCarloResult;
}

/**
 * The table and chart write operations of a run's outputs (sheets must already be added or cleared
 * by earlier operations of the same batch).
 */
export function outputOps(p: OutputPlan): WriteOp[] {
  const r = p.results;
  const unit = r.settings.units;
  const k = tonnesPer(unit) ?? 1;
  const fmt = emissionsFormat(unit);
  const ops: WriteOp[] = [];
  const s = p.sheets;
  const Y = r.years.length;

  if (s.results) {
    const h = withUnit("Emissions", unit);
    ops.push({
      kind: "table",
      sheet: s.results,
      tableName: p.tableName(OUTPUT_TABLES.results),
      header: ["Scenario", "City", "Sector", "Year", h],
      rows: emissionRows(r).map((e) => [e.scenario, e.city, e.sector, e.year, e.emissions / k]),
      numberFormats: { [h]: fmt },
    });
  }
  if (s.peaks) {
    const target = r.settings.targetYear;
    const hv = withUnit("Peak value", unit);
    const hg = withUnit(`Peak gap after ${target}`, unit);
    const hb = `Peaked by ${target}`;
    ops.push({
      kind: "table",
      sheet: s.peaks,
      tableName: p.tableName(OUTPUT_TABLES.peaks),
      header: ["Scenario", "City or cluster", "Type", "Peak year", hv, "Status", hb, hg],
      rows: peakSummary(r).map((x) => [x.scenario, x.region, x.isCluster ? "cluster" : "city", x.peakYear, x.peakValue, x.status, x.peakedByTarget ? "yes" : "no", x.peakGap]),
      numberFormats: { [hv]: fmt, [hg]: fmt, "Peak year": "0" },
    });
  }
  if (s.peaksLive) ops.push(...livePeaksOps(r, peakSummary(r), s.peaksLive, p.tableName, fmt));
  if (s.reductions) {
    const h = withUnit("Reduction", unit);
    ops.push({
      kind: "table",
      sheet: s.reductions,
      tableName: p.tableName(OUTPUT_TABLES.reductions),
      header: ["Scenario", "Lever", "Sector", "Year", h],
      rows: reductionRows(r).map((x) => [x.scenario, x.lever, x.sector, x.year, x.reduction / k + 0]),
      numberFormats: { [h]: fmt },
    });
  }
  if (s.coordination && r.coordination) {
    const c = r.coordination;
    const h = withUnit(`Benefit (${c.independent} − ${c.coordinated})`, unit);
    const rows: CellValue[][] = [];
    r.sectors.forEach((sector, si) => {
      for (let y = 0; y < Y; y++) rows.push([sector, r.years[y], c.bySector[si * Y + y] / k + 0]);
    });
    ops.push({ kind: "table", sheet: s.coordination, tableName: p.tableName(OUTPUT_TABLES.coordination), header: ["Sector", "Year", h], rows, numberFormats: { [h]: fmt } });
  }
  if (s.decomposition && p.decomposition) {
    const { baseYear, targetYear } = r.settings;
    const h = {
      e0: withUnit(`Emissions ${baseYear}`, unit),
      e1: withUnit(`Emissions ${targetYear}`, unit),
      activity: withUnit("Activity effect", unit),
      structure: withUnit("Structure effect", unit),
      levers: withUnit("Levers effect", unit),
      total: withUnit(`Change ${baseYear}–${targetYear}`, unit),
      check: withUnit("Check (effects − change)", unit),
    };
    ops.push({
      kind: "table",
      sheet: s.decomposition,
      tableName: p.tableName(OUTPUT_TABLES.decomposition),
      header: ["Scenario", "City or cluster", "Type", h.e0, h.e1, h.activity, h.structure, h.levers, h.total, h.check],
      rows: p.decomposition.map((d) => [d.scenario, d.region, d.isCluster ? "cluster" : "city", d.emissions0 / k, d.emissions1 / k, d.activity / k + 0, d.structure / k + 0, d.levers / k + 0, d.total / k + 0, d.residual / k + 0]),
      numberFormats: { [h.e0]: fmt, [h.e1]: fmt, [h.activity]: fmt, [h.structure]: fmt, [h.levers]: fmt, [h.total]: fmt, [h.check]: "0.00E+00" },
    });
  }
  if (s.charts) ops.push(...chartOps(r, s.charts, p.tableName, k, fmt));
  if (p.monteCarlo) ops.push(...monteCarloOps(p.monteCarlo, s, p.tableName, unit, k, fmt));
  if (s.runInfo) {
    const rec = p.record;
    const rows: CellValue[][] = [
      ["Run at", rec.at],
      ["Version", rec.version],
      ["Input hash (SHA-256)", rec.inputHash],
      ["Inventory", rec.inventory],
      ["Scenario sheets", rec.scenarioSheets.join(", ")],
      ["Unit of results", `${unit} CO2`],
      ["Base year", r.settings.baseYear],
      ["End year", r.settings.endYear],
      ["Target year", r.settings.targetYear],
      ["Scenarios", r.scenarios.join(", ")],
      ["Cluster", r.settings.cluster],
      ...(rec.draws !== undefined ? [["Monte Carlo draws", rec.draws] as CellValue[], ["Monte Carlo seed", rec.seed ?? null] as CellValue[]] : []),
      ...(rec.formulas ? [["Live formulas", "CARBON.PEAKYEAR / CARBON.PEAKSTATUS on the Peaks (live) sheet"] as CellValue[]] : []),
      ["Warnings", p.warnings.length],
      ...p.warnings.map((w, i): CellValue[] => [`Warning ${i + 1}`, formatIssue(w)]),
    ];
    ops.push({ kind: "table", sheet: s.runInfo, tableName: p.tableName(OUTPUT_TABLES.runInfo), header: ["Item", "Value"], rows });
  }
  return ops;
}

/** Chart data tables (cluster trajectory per scenario; per scenario, its reduction vs the baseline by sector) and their charts; `k` = tonnes per output unit. */
function chartOps(r: ScenarioResults, sheet: string, tableName: (w: string) => string, k: number, fmt: string): WriteOp[] {
  const ops: WriteOp[] = [];
  const Y = r.years.length;
  const S = r.sectors.length;
  const unit = r.settings.units;
  const anchorCol = String.fromCharCode(65 + Math.min(Math.max(r.scenarios.length, S) + 2, 25));
  let row = 1;
  const totals = r.emissions.map((e) => clusterTotal(r, e));
  const traj = tableName(OUTPUT_TABLES.trajectory);
  const trajFormats: Record<string, string> = {};
  for (const sc of r.scenarios) trajFormats[sc] = fmt;
  ops.push({
    kind: "table",
    sheet,
    topLeft: `A${row}`,
    tableName: traj,
    header: ["Year", ...r.scenarios],
    rows: Array.from(r.years, (year, y) => [year, ...totals.map((t) => t[y] / k)]),
    numberFormats: trajFormats,
  });
  const chart = (spec: ChartSpec): WriteOp => ({ kind: "chart", sheet, spec });
  ops.push(chart({ type: "line", title: `${r.settings.cluster}: emissions by scenario (${unit} CO2)`, source: { table: traj }, anchor: `${anchorCol}${row}`, xTitle: "Year", yTitle: `${unit} CO2` }));
  row += Y + 3;
  const base = sectorTotals(r, r.emissions[0]);
  for (let sc = 1; sc < r.scenarios.length; sc++) {
    const own = sectorTotals(r, r.emissions[sc]);
    const name = tableName(`${OUTPUT_TABLES.wedges}_${sc}`);
    const formats: Record<string, string> = {};
    for (const sec of r.sectors) formats[sec] = fmt;
    ops.push({
      kind: "table",
      sheet,
      topLeft: `A${row}`,
      tableName: name,
      header: ["Year", ...r.sectors],
      rows: Array.from(r.years, (year, y) => [year, ...r.sectors.map((_, s) => (base[s * Y + y] - own[s * Y + y]) / k)]),
      numberFormats: formats,
    });
    ops.push(
      chart({
        type: "stackedArea",
        title: `${r.scenarios[sc]}: reduction vs ${r.scenarios[0]} by sector (${unit} CO2)`,
        source: { table: name },
        anchor: `${anchorCol}${row}`,
        xTitle: "Year",
        yTitle: `${unit} CO2`,
      }),
    );
    row += Y + 3;
  }
  return ops;
}

/**
 * The Monte Carlo summary table (one row per scenario and region: probability of peaking by the target
 * year, P5/P50/P95 of the peak year and value, draws, seed) and the histogram of the cluster's peak
 * years (long table: scenario, region, year, count; a chart-data table year × scenario beside it and its
 * column chart); `k` = tonnes per output unit.
 */
function monteCarloOps(mc: MonteCarloResult, s: Readonly<Partial<Record<OutputRole, string>>>, tableName: (w: string) => string, unit: string, k: number, fmt: string): WriteOp[] {
  const ops: WriteOp[] = [];
  if (s.uncertainty) {
    const hp = `P(peak by ${mc.targetYear})`;
    const hv = (q: string) => withUnit(`Peak value ${q}`, unit);
    ops.push({
      kind: "table",
      sheet: s.uncertainty,
      tableName: tableName(OUTPUT_TABLES.uncertainty),
      header: ["Scenario", "City or cluster", "Type", hp, "Peak year P5", "Peak year P50", "Peak year P95", hv("P5"), hv("P50"), hv("P95"), "Draws", "Seed"],
      rows: mc.rows.map((x) => [
        x.scenario,
        x.region,
        x.isCluster ? "cluster" : "city",
        x.probabilityByTarget,
        x.peakYear.p5,
        x.peakYear.p50,
        x.peakYear.p95,
        x.peakValue.p5 / k,
        x.peakValue.p50 / k,
        x.peakValue.p95 / k,
        mc.draws,
        mc.seed,
      ]),
      numberFormats: { [hp]: "0.0%", "Peak year P5": "0.#", "Peak year P50": "0.#", "Peak year P95": "0.#", [hv("P5")]: fmt, [hv("P50")]: fmt, [hv("P95")]: fmt, Draws: "0", Seed: "0" },
    });
  }
  if (s.peakYears) {
    const cluster = mc.rows.filter((x) => x.isCluster);
    const rows: CellValue[][] = [];
    for (const x of cluster) mc.years.forEach((year, y) => rows.push([x.scenario, x.region, year, x.histogram[y]]));
    ops.push({ kind: "table", sheet: s.peakYears, tableName: tableName(OUTPUT_TABLES.peakYears), header: ["Scenario", "Region", "Peak year", "Draws"], rows, numberFormats: { "Peak year": "0", Draws: "0" } });
    const chartTable = tableName(OUTPUT_TABLES.peakYearsChart);
    ops.push({
      kind: "table",
      sheet: s.peakYears,
      topLeft: "G1",
      tableName: chartTable,
      header: ["Year", ...cluster.map((x) => x.scenario)],
      rows: Array.from(mc.years, (year, y) => [year, ...cluster.map((x) => x.histogram[y])]),
    });
    const region = cluster[0]?.region ?? "";
    const spec: ChartSpec = { type: "column", title: `${region}: peak year in ${mc.draws} draws (seed ${mc.seed})`, source: { table: chartTable }, anchor: `${String.fromCharCode(72 + Math.min(cluster.length + 1, 18))}2`, xTitle: "Peak year", yTitle: "Draws" };
    ops.push({ kind: "chart", sheet: s.peakYears, spec });
  }
  return ops;
}
