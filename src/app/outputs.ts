/**
 * The output tables of a run (docs/design.md §5), as values: results (scenario, city, sector, year,
 * emissions), peaks, reductions by lever and sector, the benefit of coordination by sector and year,
 * the activity / structure / levers decomposition from the base year to the target year, chart data
 * with chart specs (cluster trajectory per scenario; sector wedges), the Monte Carlo summary and the
 * histogram of the cluster's peak years with its column chart (when a Monte Carlo ran), a run record,
 * and — only when asked for — the "Peaks (live)" sheet with live CARBON.* formulas (`live-peaks.ts`).
 * (A −0 from the engine is written as 0: Excel has no negative zero.)
 * Everything is in the scenario's unit (Settings → Units, else the inventory's), stated in the
 * headers ("Emissions (Mt CO2)") and in the run record. Every header, label and chart title comes from
 * the one bilingual table `output-labels.ts`, in the plan's `lang` (English by default; "排放量（Mt CO2）"
 * in Chinese); status codes and the analyst's names are written as they are. Pure: builds write
 * operations for a port.
 */
import {
  fillGroups,
  clusterTotal,
  emissionRows,
  flagLegend,
  formatIssue,
  PEAK_FLAGS,
  peakOptionsOf,
  peakRuleText,
  reductionRows,
  type Basis,
  sectorTotals,
  tonnesPer,
  unitLabel,
  type DecompositionRow,
  type Issue,
  type Lang,
  type MonteCarloResult,
  type ScenarioResults,
  pushAll,
} from "../engine";
import type { CellValue, ChartSpec, WriteOp } from "../workbook/port";
import { livePeaksOps } from "./live-peaks";
import { numberCell as cell } from "./number-cell";
import { labels, outputSheetNames, type OutputLabelKey, type OutputRole } from "./output-labels";
import type { PeakSummaryRow } from "./peak-summary";
import type { IndicatorsSummary, TargetSummaryRow } from "./target-summary";

/** The label of a result's basis. */
const BASIS_LABEL: Readonly<Record<Basis, OutputLabelKey>> = { measured: "basisMeasured", projected: "basisProjected", filled: "basisFilled", gap: "basisGap" };

export type { OutputRole } from "./output-labels";

/** Default (English) sheet names of the outputs (a name a user's sheet has becomes "Results (2)"); Chinese: `outputSheetNames("zh")`. */
export const OUTPUT_SHEETS: Readonly<Record<OutputRole, string>> = outputSheetNames("en");

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
  /** Language of the output labels, recorded only when not English ("zh"). */
  readonly lang?: "zh";
  /** The cities of the run, its years (first and last) and its last historical year (the measured history ends there). */
  readonly cities?: readonly string[];
  readonly years?: readonly [number, number];
  readonly lastHistoricalYear?: number;
  /** Values of the last historical year the fill rule supplied (city, sector, the measured year used), recorded only when there are any. */
  readonly filled?: readonly { readonly city: string; readonly sector: string; readonly from: number }[];
}

/**
 * The values a fill rule supplied, one entry per city and year carried from: "株洲 ← 2015 (8 sectors), 湘潭 ← 2017".
 * @example filledList([{ city: "株洲", sector: "a", from: 2015 }, { city: "株洲", sector: "b", from: 2015 }], labels("en")) // "株洲 ← 2015 (2 sectors)"
 */
function filledList(filled: NonNullable<RunRecord["filled"]>, L: L): string {
  return fillGroups(filled)
    .map((g) => {
      const entry = `${g[0].city} ← ${g[0].from}`;
      return g.length > 1 ? L.label("filledSectors", { entry, n: g.length }) : entry;
    })
    .join(L.lang === "zh" ? "；" : ", ");
}

/** Excel number format for emissions in `unit`: more decimals for bigger units. */
export function emissionsFormat(unit: string): string {
  const t = tonnesPer(unit) ?? 1;
  return t >= 1e6 ? "#,##0.000" : t >= 1e3 ? "#,##0.00" : "#,##0";
}

/**
 * A column header with the unit: "Emissions (Mt CO2)"; in Chinese "排放量（Mt CO2）".
 * @example withUnit("Emissions", "Mt") // "Emissions (Mt CO2)"
 */
export const withUnit = (label: string, unit: string, lang: Lang = "en") => labels(lang).unit(label, unit);

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
  targetResults: "CarbonPeak_TargetResults",
  indicators: "CarbonPeak_Indicators",
} as const;

/** Inputs of {@link outputOps}. */
export interface OutputPlan {
  readonly results: ScenarioResults;
  /** The run's peaks in the scenario's unit (`peakSummary(results)`), for the Peaks and Peaks (live) sheets. */
  readonly peaks: readonly PeakSummaryRow[];
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
  /** The indicators in output units (`indicatorSummary`), written when `sheets.indicators` is set. */
  readonly indicators?: IndicatorsSummary;
  /** The targets judged (`targetSummary`), written when `sheets.targetResults` is set. */
  readonly targets?: readonly TargetSummaryRow[];
  /** Language of headers, labels and chart titles (default "en"). */
  readonly lang?: Lang;
}

/** The labeller of {@link outputOps}: labels of one language (see `output-labels.ts`). */
type L = ReturnType<typeof labels>;

/**
 * The table and chart write operations of a run's outputs (sheets must already be added or cleared
 * by earlier operations of the same batch), labelled in `p.lang` (default English).
 * @example outputOps({ results, peaks: peakSummary(results), sheets: { results: "结果" }, tableName: (w) => w, record, warnings: [], lang: "zh" })[0] // table with header ["情景", "城市", "部门", "年份", "排放量（Mt CO2）"]
 */
export function outputOps(p: OutputPlan): WriteOp[] {
  const L = labels(p.lang ?? "en");
  const t = L.label;
  const typeOf = (isCluster: boolean) => t(isCluster ? "typeCluster" : "typeCity");
  const r = p.results;
  const unit = r.settings.units;
  const k = tonnesPer(unit) ?? 1;
  const fmt = emissionsFormat(unit);
  const ops: WriteOp[] = [];
  const s = p.sheets;
  const Y = r.years.length;

  if (s.results) {
    const h = L.unit(t("emissions"), unit);
    const basis = Object.fromEntries(Object.entries(BASIS_LABEL).map(([b, key]) => [b, t(key)])) as Record<Basis, string>;
    ops.push({
      kind: "table",
      sheet: s.results,
      tableName: p.tableName(OUTPUT_TABLES.results),
      header: [t("scenario"), t("city"), t("sector"), t("year"), h, t("basis")],
      rows: emissionRows(r).map((e) => [e.scenario, e.city, e.sector, e.year, cell(e.emissions / k), basis[e.basis]]),
      numberFormats: { [h]: fmt },
    });
  }
  if (s.peaks) {
    const target = r.settings.targetYear;
    const hv = L.unit(t("peakValue"), unit);
    const hg = L.unit(t("peakGapAfter", { target }), unit);
    const hb = t("peakedBy", { target });
    const hy = t("peakYear");
    const hp = t("plateauStart");
    ops.push({
      kind: "table",
      sheet: s.peaks,
      tableName: p.tableName(OUTPUT_TABLES.peaks),
      // What each row rests on after the peak columns (docs/peaks.md): plateau start, span, values, flags.
      header: [t("scenario"), t("cityOrCluster"), t("type"), hy, hv, t("status"), hb, hg, hp, t("firstYear"), t("asOf"), t("points"), t("flags")],
      rows: p.peaks.map((x) => [
        x.scenario,
        x.region,
        typeOf(x.isCluster),
        x.peakYear,
        x.peakValue,
        x.status,
        t(x.peakedByTarget ? "yes" : "no"),
        x.peakGap,
        x.plateauStart,
        x.firstYear,
        x.lastYear,
        x.points,
        x.flags.length > 0 ? x.flags.join(", ") : null,
      ]),
      numberFormats: { [hv]: fmt, [hg]: fmt, [hy]: "0", [hp]: "0", [t("firstYear")]: "0", [t("asOf")]: "0", [t("points")]: "0" },
    });
  }
  if (s.targetResults && p.targets) ops.push(targetOps(p.targets, s.targetResults, p.tableName(OUTPUT_TABLES.targetResults), L, typeOf));
  if (s.peaksLive) pushAll(ops, livePeaksOps(r, p.peaks, s.peaksLive, p.tableName, fmt, L.lang));
  if (s.reductions) {
    const h = L.unit(t("reduction"), unit);
    ops.push({
      kind: "table",
      sheet: s.reductions,
      tableName: p.tableName(OUTPUT_TABLES.reductions),
      header: [t("scenario"), t("lever"), t("sector"), t("year"), h],
      rows: reductionRows(r).map((x) => [x.scenario, x.lever, x.sector, x.year, x.reduction / k + 0]),
      numberFormats: { [h]: fmt },
    });
  }
  if (s.coordination && r.coordination) {
    const c = r.coordination;
    const h = L.unit(t("benefit", { independent: c.independent, coordinated: c.coordinated }), unit);
    const rows: CellValue[][] = [];
    r.sectors.forEach((sector, si) => {
      for (let y = 0; y < Y; y++) rows.push([sector, r.years[y], cell(c.bySector[si * Y + y] / k)]);
    });
    ops.push({
      kind: "table",
      sheet: s.coordination,
      tableName: p.tableName(OUTPUT_TABLES.coordination),
      header: [t("sector"), t("year"), h],
      rows,
      numberFormats: { [h]: fmt },
    });
  }
  if (s.decomposition && p.decomposition && p.decomposition.some((d) => d.kaya !== undefined))
    ops.push(kayaDecompositionOps(p.decomposition, s.decomposition, p.tableName(OUTPUT_TABLES.decomposition), unit, k, fmt, L, typeOf));
  else if (s.decomposition && p.decomposition) {
    const targetYear = r.settings.targetYear;
    const baseYear = r.lastHistoricalYear;
    const h = {
      e0: L.unit(t("emissionsIn", { year: baseYear }), unit),
      e1: L.unit(t("emissionsIn", { year: targetYear }), unit),
      activity: L.unit(t("activityEffect"), unit),
      structure: L.unit(t("structureEffect"), unit),
      levers: L.unit(t("leversEffect"), unit),
      total: L.unit(t("change", { from: baseYear, to: targetYear }), unit),
      check: L.unit(t("check"), unit),
    };
    ops.push({
      kind: "table",
      sheet: s.decomposition,
      tableName: p.tableName(OUTPUT_TABLES.decomposition),
      header: [t("scenario"), t("cityOrCluster"), t("type"), h.e0, h.e1, h.activity, h.structure, h.levers, h.total, h.check],
      rows: p.decomposition.map((d) => [
        d.scenario,
        d.region,
        typeOf(d.isCluster),
        d.emissions0 / k,
        d.emissions1 / k,
        d.activity / k + 0,
        d.structure / k + 0,
        d.levers / k + 0,
        d.total / k + 0,
        d.residual / k + 0,
      ]),
      numberFormats: { [h.e0]: fmt, [h.e1]: fmt, [h.activity]: fmt, [h.structure]: fmt, [h.levers]: fmt, [h.total]: fmt, [h.check]: "0.00E+00" },
    });
  }
  if (s.indicators && p.indicators) ops.push(indicatorOps(p.indicators, s.indicators, p.tableName(OUTPUT_TABLES.indicators), fmt, L, typeOf));
  if (s.charts) pushAll(ops, chartOps(r, s.charts, p.tableName, k, fmt, L));
  if (p.monteCarlo) pushAll(ops, monteCarloOps(p.monteCarlo, s, p.tableName, unit, k, fmt, L));
  if (s.runInfo) {
    const rec = p.record;
    const rows: CellValue[][] = [
      [t("runAt"), rec.at],
      [t("version"), rec.version],
      [t("inputHash"), rec.inputHash],
      [t("inventory"), rec.inventory],
      [t("scenarioSheets"), rec.scenarioSheets.join(", ")],
      [t("unitOfResults"), t("unitCO2", { unit: unitLabel(unit) })],
      [t("baseYear"), r.settings.baseYear],
      [t("endYear"), r.settings.endYear],
      [t("targetYear"), r.settings.targetYear],
      // A history beyond the base year (the values the fill rule supplied: the filled row below).
      ...(r.lastHistoricalYear !== r.settings.baseYear ? [[t("lastHistoricalYear"), r.lastHistoricalYear] as CellValue[]] : []),
      [t("scenarios"), r.scenarios.join(", ")],
      [t("cluster"), r.settings.cluster],
      [t("peakRule"), peakRuleText(peakOptionsOf(r.settings), r.settings.strict, L.lang)],
      [t("flagLegend"), flagLegend(PEAK_FLAGS, L.lang)],
      ...(rec.draws !== undefined ? [[t("mcDraws"), rec.draws] as CellValue[], [t("mcSeed"), rec.seed ?? null] as CellValue[]] : []),
      ...(rec.formulas ? [[t("liveFormulas"), t("liveFormulasNote", { sheet: s.peaksLive ?? outputSheetNames(L.lang).peaksLive })] as CellValue[]] : []),
      ...(rec.filled !== undefined && rec.filled.length > 0
        ? [[t("filledValues", { year: r.lastHistoricalYear }), t("filledNote", { count: rec.filled.length, list: filledList(rec.filled, L) })] as CellValue[]]
        : []),
      [t("warnings"), p.warnings.length],
      ...p.warnings.map((w, i): CellValue[] => [t("warningN", { n: i + 1 }), formatIssue(w, L.lang)]),
    ];
    ops.push({ kind: "table", sheet: s.runInfo, tableName: p.tableName(OUTPUT_TABLES.runInfo), header: [t("item"), t("value")], rows });
  }
  return ops;
}

/** Chart data tables (cluster trajectory per scenario; per scenario, its reduction vs the baseline by sector) and their charts; `k` = tonnes per output unit. */
function chartOps(r: ScenarioResults, sheet: string, tableName: (w: string) => string, k: number, fmt: string, L: L): WriteOp[] {
  const t = L.label;
  const ops: WriteOp[] = [];
  const Y = r.years.length;
  const S = r.sectors.length;
  const unit = r.settings.units;
  const anchorCol = String.fromCharCode(65 + Math.min(Math.max(r.scenarios.length, S) + 2, 25));
  let row = 1;
  // One chart block: a year × columns table at the current row, its chart beside it, then the next block below.
  const block = (name: string, columns: readonly string[], valueAt: (y: number, c: number) => number, type: ChartSpec["type"], title: string) => {
    ops.push({
      kind: "table",
      sheet,
      topLeft: `A${row}`,
      tableName: name,
      header: [t("year"), ...columns],
      rows: Array.from(r.years, (year, y) => [year, ...columns.map((_, c) => cell(valueAt(y, c)))]),
      numberFormats: Object.fromEntries(columns.map((c) => [c, fmt])),
    });
    ops.push({
      kind: "chart",
      sheet,
      spec: { type, title, source: { table: name }, anchor: `${anchorCol}${row}`, xTitle: t("year"), yTitle: t("unitCO2", { unit }) },
    });
    row += Y + 3;
  };
  const totals = r.emissions.map((e) => clusterTotal(r, e));
  block(tableName(OUTPUT_TABLES.trajectory), r.scenarios, (y, sc) => totals[sc][y] / k, "line", t("trajectoryTitle", { cluster: r.settings.cluster, unit }));
  const base = sectorTotals(r, r.emissions[0]);
  for (let sc = 1; sc < r.scenarios.length; sc++) {
    const own = sectorTotals(r, r.emissions[sc]);
    const title = t("wedgesTitle", { scenario: r.scenarios[sc], baseline: r.scenarios[0], unit });
    block(tableName(`${OUTPUT_TABLES.wedges}_${sc}`), r.sectors, (y, s) => (base[s * Y + y] - own[s * Y + y]) / k, "stackedArea", title);
  }
  return ops;
}

/**
 * The Monte Carlo summary table (one row per scenario and region: probability of peaking by the target
 * year, P5/P50/P95 of the peak year and value, draws, seed) and the histogram of the cluster's peak
 * years (long table: scenario, region, year, count; a chart-data table year × scenario beside it and its
 * column chart); `k` = tonnes per output unit.
 */
function monteCarloOps(
  mc: MonteCarloResult,
  s: Readonly<Partial<Record<OutputRole, string>>>,
  tableName: (w: string) => string,
  unit: string,
  k: number,
  fmt: string,
  L: L,
): WriteOp[] {
  const t = L.label;
  const ops: WriteOp[] = [];
  if (s.uncertainty) {
    const hp = t("probabilityBy", { target: mc.targetYear });
    const hv = (q: string) => L.unit(t("peakValueQ", { q }), unit);
    const hy = (q: string) => t("peakYearQ", { q });
    const [hd, hs] = [t("draws"), t("seed")];
    ops.push({
      kind: "table",
      sheet: s.uncertainty,
      tableName: tableName(OUTPUT_TABLES.uncertainty),
      header: [t("scenario"), t("cityOrCluster"), t("type"), hp, hy("P5"), hy("P50"), hy("P95"), hv("P5"), hv("P50"), hv("P95"), hd, hs],
      rows: mc.rows.map((x) => [
        x.scenario,
        x.region,
        t(x.isCluster ? "typeCluster" : "typeCity"),
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
      numberFormats: {
        [hp]: "0.0%",
        [hy("P5")]: "0.#",
        [hy("P50")]: "0.#",
        [hy("P95")]: "0.#",
        [hv("P5")]: fmt,
        [hv("P50")]: fmt,
        [hv("P95")]: fmt,
        [hd]: "0",
        [hs]: "0",
      },
    });
  }
  if (s.peakYears) {
    const cluster = mc.rows.filter((x) => x.isCluster);
    const rows: CellValue[][] = [];
    for (const x of cluster) mc.years.forEach((year, y) => rows.push([x.scenario, x.region, year, x.histogram[y]]));
    const [hy, hn] = [t("peakYear"), t("drawCount")];
    ops.push({
      kind: "table",
      sheet: s.peakYears,
      tableName: tableName(OUTPUT_TABLES.peakYears),
      header: [t("scenario"), t("region"), hy, hn],
      rows,
      numberFormats: { [hy]: "0", [hn]: "0" },
    });
    const chartTable = tableName(OUTPUT_TABLES.peakYearsChart);
    ops.push({
      kind: "table",
      sheet: s.peakYears,
      topLeft: "G1",
      tableName: chartTable,
      header: [t("year"), ...cluster.map((x) => x.scenario)],
      rows: Array.from(mc.years, (year, y) => [year, ...cluster.map((x) => x.histogram[y])]),
    });
    const region = cluster[0]?.region ?? "";
    const spec: ChartSpec = {
      type: "column",
      title: t("histogramTitle", { region, draws: mc.draws, seed: mc.seed }),
      source: { table: chartTable },
      anchor: `${String.fromCharCode(72 + Math.min(cluster.length + 1, 18))}2`,
      xTitle: t("peakYear"),
      yTitle: t("drawCount"),
    };
    ops.push({ kind: "chart", sheet: s.peakYears, spec });
  }
  return ops;
}

/** The Target results table: scenario × region × target — what it asks, the value reached, met or not, the margin. */
/**
 * What a target asks, in words: "peak by 2030", "CO2 per GDP −18% from 2020 to 2025", "at most 500 Mt over 2016–2030"
 * (the Target results sheet's "What" column, and the CLI's targets table).
 * @example targetText({ kind: "peak_by", target: 2030, unit: "year", to: 2030, … }, "zh") // "2030年前达峰"
 */
export function targetText(x: Pick<TargetSummaryRow, "kind" | "target" | "unit" | "from" | "to">, lang: Lang): string {
  const v = x.unit === "share" ? `${+(x.target * 100).toFixed(4)}%` : x.unit === "year" ? String(x.target) : `${x.target} ${x.unit}`;
  const params = { value: v, from: x.from ?? "", to: x.to ?? "" };
  const key: OutputLabelKey = {
    peak_by: "kindPeakBy",
    peak_cap: "kindPeakCap",
    intensity_decline: "kindIntensity",
    energy_intensity_decline: "kindEnergyIntensity",
    budget: "kindBudget",
  }[x.kind] as OutputLabelKey;
  return labels(lang).label(key, params);
}

function targetOps(targets: readonly TargetSummaryRow[], sheet: string, tableName: string, L: L, typeOf: (isCluster: boolean) => string): WriteOp {
  const t = L.label;
  const status = { met: t("statusMet"), not_met: t("statusNotMet"), unknown: t("statusUnknown") };
  const what = (x: TargetSummaryRow) => targetText(x, L.lang);
  const unitOf = (x: TargetSummaryRow) => (x.unit === "year" ? t("unitYear") : x.unit === "share" ? t("unitShare") : t("unitCO2", { unit: x.unit }));
  return {
    kind: "table",
    sheet,
    tableName,
    header: [
      t("scenario"),
      t("cityOrCluster"),
      t("type"),
      t("targetKind"),
      t("targetText"),
      t("targetValue"),
      t("reached"),
      t("targetUnit"),
      t("targetStatus"),
      t("margin"),
      t("reason"),
    ],
    rows: targets.map((x) => [
      x.scenario,
      x.region,
      typeOf(x.isCluster),
      x.kind,
      what(x),
      x.target,
      x.reached,
      unitOf(x),
      status[x.status],
      x.margin,
      x.reason ? formatIssue({ ...x.reason, path: [] }, L.lang) : (x.note ?? null),
    ]),
  };
}

/** The Indicators table: scenario × region × year — emissions, levels, intensities and their change, cumulative emissions. */
function indicatorOps(ind: IndicatorsSummary, sheet: string, tableName: string, fmt: string, L: L, typeOf: (isCluster: boolean) => string): WriteOp {
  const t = L.label;
  const he = L.unit(t("emissions"), ind.unit);
  const hc = L.unit(t("cumulativeSince", { year: ind.cumulativeFrom }), ind.unit);
  const hi = t("perGdpChange", { year: ind.referenceYear });
  const hn = t("energyIntensityChange", { year: ind.referenceYear });
  const rows: CellValue[][] = [];
  for (const s of ind.series) {
    ind.years.forEach((year, y) => {
      rows.push([
        s.scenario,
        s.region,
        typeOf(s.isCluster),
        year,
        t(BASIS_LABEL[s.basis[y]]),
        s.emissions[y],
        s.population[y],
        s.gdp[y],
        s.perCapita[y],
        s.perGdp[y],
        s.perGdpChange[y],
        s.energy[y],
        s.energyIntensity[y],
        s.energyIntensityChange[y],
        s.cumulative[y],
      ]);
    });
  }
  return {
    kind: "table",
    sheet,
    tableName,
    header: [
      t("scenario"),
      t("cityOrCluster"),
      t("type"),
      t("year"),
      t("basis"),
      he,
      t("population"),
      t("gdp"),
      t("perCapita"),
      t("perGdp"),
      hi,
      t("energy"),
      t("energyIntensity"),
      hn,
      hc,
    ],
    rows,
    numberFormats: {
      [he]: fmt,
      [hc]: fmt,
      [t("population")]: "#,##0.0",
      [t("gdp")]: "#,##0.0",
      [t("perCapita")]: "0.00",
      [t("perGdp")]: "0.000",
      [hi]: "0.0%",
      [t("energy")]: "#,##0.0",
      [t("energyIntensity")]: "0.000",
      [hn]: "0.0%",
    },
  };
}

/** The Decomposition table on the Kaya factors: population, GDP per capita, structure, energy and carbon intensity, levers. */
function kayaDecompositionOps(
  rows: readonly DecompositionRow[],
  sheet: string,
  tableName: string,
  unit: string,
  k: number,
  fmt: string,
  L: L,
  typeOf: (isCluster: boolean) => string,
): WriteOp {
  const t = L.label;
  const d0 = rows[0];
  const h = {
    e0: L.unit(t("emissionsIn", { year: d0.baseYear }), unit),
    e1: L.unit(t("emissionsIn", { year: d0.targetYear }), unit),
    population: L.unit(t("populationEffect"), unit),
    gdpPerCapita: L.unit(t("gdpPerCapitaEffect"), unit),
    structure: L.unit(t("kayaStructureEffect"), unit),
    energyIntensity: L.unit(t("energyIntensityEffect"), unit),
    carbonIntensity: L.unit(t("carbonIntensityEffect"), unit),
    levers: L.unit(t("leversEffect"), unit),
    total: L.unit(t("change", { from: d0.baseYear, to: d0.targetYear }), unit),
    check: L.unit(t("check"), unit),
  };
  const v = (x: number) => x / k + 0;
  return {
    kind: "table",
    sheet,
    tableName,
    header: [
      t("scenario"),
      t("cityOrCluster"),
      t("type"),
      h.e0,
      h.e1,
      h.population,
      h.gdpPerCapita,
      h.structure,
      h.energyIntensity,
      h.carbonIntensity,
      h.levers,
      h.total,
      h.check,
    ],
    rows: rows.map((d) => {
      const e = d.kaya!;
      return [
        d.scenario,
        d.region,
        typeOf(d.isCluster),
        d.emissions0 / k,
        d.emissions1 / k,
        v(e.population),
        v(e.gdpPerCapita),
        v(e.structure),
        v(e.energyIntensity),
        v(e.carbonIntensity),
        v(e.levers),
        v(d.total),
        v(d.residual),
      ];
    }),
    numberFormats: Object.fromEntries([
      ...Object.values(h)
        .filter((x) => x !== h.check)
        .map((x) => [x, fmt]),
      [h.check, "0.00E+00"],
    ]),
  };
}
