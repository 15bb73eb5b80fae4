/**
 * The "Peaks (live)" output (opt-in: `runAndWrite(port, { formulas: true })`, `carbon-peak run --formulas`,
 * the pane's checkbox): per scenario and region (every city, then the cluster), the emissions by year as
 * values and live `=CARBON.PEAKYEAR(...)` / `=CARBON.PEAKSTATUS(...)` formulas over that row, so an
 * analyst can edit a year's value and see the peak move. Every other output stays values-only.
 *
 * Layout (a numeric years row is needed: table headers are text, and the functions reject text years):
 *
 * ```
 *      A          B                C                         D      E     …
 *  1                               Years (for the formulas)  2020   2021  …   ← table CarbonPeak_PeaksLiveYears
 *  2                               Emissions below in Mt CO2 2020   2021  …   ← the years as numbers
 *  3
 *  4   Scenario   City or cluster  Type                      2020   2021  …   Peak year (live)   Status (live)
 *  5   baseline   长沙              city                      12.3   12.9  …   =CARBON.PEAKYEAR($D5:$AR5,$D$2:$AR$2,0,0,1) …
 * ```
 *
 * Each formula passes the run's peak settings (tolerance, confirmation years, smoothing window — as the
 * run used them: `peakOptionsOf`, so the strict reading's 5 confirmation years; min_points only when not the default) as
 * literal arguments and is cached with the engine's result for that row — the peak year, or `#N/A`
 * while the series still rises (what CARBON.PEAKYEAR answers then) — so a reader without the add-in
 * shows the run's peaks. Headers and labels come from `output-labels.ts` in the run's language (the
 * status codes stay as CARBON.PEAKSTATUS returns them). Pure: builds write operations for a port.
 */
import { DEFAULT_MIN_POINTS, cityTotals, clusterTotal, columnLetters, peakOptionsOf, tonnesPer, type Lang, type ScenarioResults } from "../engine";
import type { CellValue, TableFormula, WriteOp } from "../workbook/port";
import { numberCell } from "./number-cell";
import { labels } from "./output-labels";
import type { PeakSummaryRow } from "./peak-summary";

/** Table names of the sheet (the caller makes them unique in the workbook). */
export const LIVE_TABLES = { years: "CarbonPeak_PeaksLiveYears", peaks: "CarbonPeak_PeaksLive" } as const;

/**
 * Headers of the live columns in `lang`.
 * @example liveHeaders("zh") // { peakYear: "达峰年份（实时）", status: "状态（实时）" }
 */
export function liveHeaders(lang: Lang): { readonly peakYear: string; readonly status: string } {
  const t = labels(lang).label;
  return { peakYear: t("livePeakYear"), status: t("liveStatus") };
}

/** Headers of the live columns (English; Chinese: `liveHeaders("zh")`). */
export const LIVE_HEADERS = liveHeaders("en");

/** Row of the numeric years (under the years table's header in row 1). */
export const YEARS_ROW = 2;
/** Header row of the main table; its data rows follow. */
export const TABLE_ROW = 4;
/** Column of the first year (D): after Scenario, City or cluster, Type. */
export const FIRST_YEAR_COL = 4;

/** A number as a formula literal: JavaScript's shortest round-trip text (0.02, 3, 1e-7), which Excel parses back to the same number. */
const literal = (x: number) => String(x);

/**
 * The formula text of one live column for the data row at sheet row `row`: emissions `$D{row}:${last}{row}`,
 * years `$D$2:${last}$2`, then tolerance, confirm_years and smooth_years as numbers (and min_points when
 * given and not the default 5).
 * @param fn "PEAKYEAR" or "PEAKSTATUS".
 * @param years number of year columns (≥ 1).
 * @example liveFormula("PEAKYEAR", 5, 41, { tolerance: 0.02, confirmYears: 3, smoothYears: 1 }) // "=CARBON.PEAKYEAR($D5:$AR5,$D$2:$AR$2,0.02,3,1)"
 */
export function liveFormula(
  fn: "PEAKYEAR" | "PEAKSTATUS",
  row: number,
  years: number,
  o: { tolerance: number; confirmYears: number; smoothYears: number; minPoints?: number },
): string {
  const first = columnLetters(FIRST_YEAR_COL);
  const last = columnLetters(FIRST_YEAR_COL + years - 1);
  const min = o.minPoints === undefined || o.minPoints === DEFAULT_MIN_POINTS ? "" : `,${literal(o.minPoints)}`;
  return `=CARBON.${fn}($${first}${row}:$${last}${row},$${first}$${YEARS_ROW}:$${last}$${YEARS_ROW},${literal(o.tolerance)},${literal(o.confirmYears)},${literal(o.smoothYears)}${min})`;
}

/**
 * The write operations of the "Peaks (live)" sheet (already added or cleared by earlier operations of
 * the batch): the years table at C1 and the peaks table at A4 with its two formula columns.
 * Emissions are in the scenario's unit (Settings → Units), as in the other outputs, with number format `fmt`.
 * @param summary the run's peaks in that unit (`peakSummary(r)`): the cached results.
 * @param lang language of headers and labels (default "en").
 * @example livePeaksOps(results, peakSummary(results), "Peaks (live)", (w) => w, "#,##0.000") // [years table, peaks table]
 */
export function livePeaksOps(
  r: ScenarioResults,
  summary: readonly PeakSummaryRow[],
  sheet: string,
  tableName: (wanted: string) => string,
  fmt: string,
  lang: Lang = "en",
): WriteOp[] {
  const t = labels(lang).label;
  const live = liveHeaders(lang);
  const unit = r.settings.units;
  const k = tonnesPer(unit) ?? 1;
  const Y = r.years.length;
  const yearHeaders = Array.from(r.years, String);
  const years: WriteOp = {
    kind: "table",
    sheet,
    topLeft: `${columnLetters(FIRST_YEAR_COL - 1)}1`,
    tableName: tableName(LIVE_TABLES.years),
    header: [t("liveYears"), ...yearHeaders],
    rows: [[t("liveUnit", { unit }), ...Array.from(r.years)]],
    numberFormats: Object.fromEntries(yearHeaders.map((h) => [h, "0"])),
  };

  const peaks = new Map(summary.map((p) => [`${p.scenario}\u0000${p.region}\u0000${p.isCluster}`, p]));
  const rows: CellValue[][] = [];
  const yearCells: (TableFormula | null)[] = [];
  const statusCells: (TableFormula | null)[] = [];
  const st = r.settings;
  const o = peakOptionsOf(st);
  r.scenarios.forEach((scenario, sc) => {
    const byCity = cityTotals(r, r.emissions[sc]);
    const regions: { region: string; isCluster: boolean; values: ArrayLike<number> }[] = [
      ...r.cities.map((city, c) => ({ region: city, isCluster: false, values: byCity.subarray(c * Y, (c + 1) * Y) })),
      { region: st.cluster, isCluster: true, values: clusterTotal(r, r.emissions[sc]) },
    ];
    for (const g of regions) {
      const p = peaks.get(`${scenario}\u0000${g.region}\u0000${g.isCluster}`);
      if (!p) throw new Error(`no peak row for ${scenario}/${g.region}`);
      const row = TABLE_ROW + 1 + rows.length;
      rows.push([scenario, g.region, t(g.isCluster ? "typeCluster" : "typeCity"), ...Array.from(g.values, (v) => numberCell(v / k)), p.peakYear, p.status]);
      yearCells.push(p.peakYear === null ? { formula: liveFormula("PEAKYEAR", row, Y, o), error: "#N/A" } : { formula: liveFormula("PEAKYEAR", row, Y, o) });
      statusCells.push({ formula: liveFormula("PEAKSTATUS", row, Y, o) });
    }
  });
  const table: WriteOp = {
    kind: "table",
    sheet,
    topLeft: `A${TABLE_ROW}`,
    tableName: tableName(LIVE_TABLES.peaks),
    header: [t("scenario"), t("cityOrCluster"), t("type"), ...yearHeaders, live.peakYear, live.status],
    rows,
    numberFormats: { ...Object.fromEntries(yearHeaders.map((h) => [h, fmt])), [live.peakYear]: "0" },
    formulas: [
      { column: live.peakYear, cells: yearCells },
      { column: live.status, cells: statusCells },
    ],
  };
  return [years, table];
}
