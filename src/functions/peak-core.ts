/**
 * Cores of the peak functions (PEAKYEAR … CLUSTERPEAKS, CONVERT): Excel-shaped arguments in,
 * a {@link Result} out. No `CustomFunctions` here — `boundary.ts` turns results into Excel values
 * and errors, so these are tested directly.
 */
import {
  checkPeakOptions,
  clusterSeries,
  convert,
  fail,
  findPeak,
  issue,
  ok,
  parseSeries,
  peakGap,
  type Peak,
  type PeakOptions,
  type Result,
  type Series,
} from "../engine";
import { all, optionalNumber, readSeriesArg, requiredNumber, requiredText, toVector } from "./coerce";
import { fastClusterPeak, fastSeriesPeak } from "./peak-fast";

function readOptions(tolerance: unknown, confirmYears: unknown, smoothYears: unknown): Result<PeakOptions> {
  const r = all(
    optionalNumber(tolerance, "tolerance", 0),
    optionalNumber(confirmYears, "confirm_years", 0),
    optionalNumber(smoothYears, "smooth_years", 1),
  );
  if (!r.ok) return r;
  const [t, k, w] = r.value;
  const o = { tolerance: t, confirmYears: k, smoothYears: w };
  const bad = checkPeakOptions(o);
  return bad.length > 0 ? fail(bad) : ok(o);
}

/** Parses `emissions` and `years` (rows or columns, same length) into a series. */
export function readSeries(emissions: unknown, years: unknown): Result<Series> {
  const r = all(toVector(emissions, "emissions"), toVector(years, "years"));
  if (!r.ok) return r;
  const [e, y] = r.value;
  return parseSeries(e.cells, y.cells);
}

/**
 * The general path of PEAKYEAR … PEAKSTATUS: series + validated options + the peak (rising is still
 * a success here). Every argument problem is reported, with its message.
 * @example generalSeriesPeak([[1, 3, 2]], [[2018, 2019, 2020]], null, null, null) // ok({ year: 2019, ... })
 */
export function generalSeriesPeak(emissions: unknown, years: unknown, t: unknown, k: unknown, w: unknown): Result<Peak> {
  const r = all(readSeries(emissions, years), readOptions(t, k, w));
  if (!r.ok) return r;
  const [s, o] = r.value;
  return findPeak(s, o);
}

/** The fast path when the arguments are simple (`peak-fast.ts`), else the general path: the same answer either way. */
function seriesPeak(emissions: unknown, years: unknown, t: unknown, k: unknown, w: unknown): Result<Peak> {
  return fastSeriesPeak(emissions, years, t, k, w) ?? generalSeriesPeak(emissions, years, t, k, w);
}

function noPeakIfRising(p: Result<Peak>): Result<Peak> {
  if (!p.ok || p.value.status !== "rising") return p;
  return fail([issue("no_peak", [], { first: p.value.firstYear, last: p.value.lastYear })]);
}

/**
 * PEAKYEAR: the peak year; `no_peak` (→ #N/A) when still rising.
 * @example peakYearCore([[1, 3, 2]], [[2018, 2019, 2020]]) // ok(2019)
 */
export function peakYearCore(emissions: unknown, years: unknown, tolerance?: unknown, confirmYears?: unknown, smoothYears?: unknown): Result<number> {
  const p = noPeakIfRising(seriesPeak(emissions, years, tolerance, confirmYears, smoothYears));
  return p.ok ? ok(p.value.year, p.warnings) : p;
}

/**
 * PEAKVALUE: emissions in the peak year (input unit); `no_peak` when still rising.
 * @example peakValueCore([[1, 3, 2]], [[2018, 2019, 2020]]) // ok(3)
 */
export function peakValueCore(emissions: unknown, years: unknown, tolerance?: unknown, confirmYears?: unknown, smoothYears?: unknown): Result<number> {
  const p = noPeakIfRising(seriesPeak(emissions, years, tolerance, confirmYears, smoothYears));
  return p.ok ? ok(p.value.value, p.warnings) : p;
}

/**
 * PEAKSTATUS: `peaked`, `plateau`, `rising` or `unconfirmed`.
 * @example peakStatusCore([[1, 3, 2]], [[2018, 2019, 2020]]) // ok("peaked")
 */
export function peakStatusCore(emissions: unknown, years: unknown, tolerance?: unknown, confirmYears?: unknown, smoothYears?: unknown): Result<string> {
  const p = seriesPeak(emissions, years, tolerance, confirmYears, smoothYears);
  return p.ok ? ok(p.value.status, p.warnings) : p;
}

/**
 * PEAKGAP: Σ_{y>T} max(0, E(y) − E(T)) in the input unit.
 * @example peakGapCore([[10, 12, 9]], [[2020, 2021, 2022]], 2020) // ok(2)
 */
export function peakGapCore(emissions: unknown, years: unknown, targetYear: unknown): Result<number> {
  const r = all(readSeries(emissions, years), requiredNumber(targetYear, "target_year"));
  if (!r.ok) return r;
  const [s, t] = r.value;
  return peakGap(s, t);
}

/** Reads a members × years (or years × members) matrix into member series. */
export function readMembers(emissions: unknown, years: unknown): Result<Series[]> {
  const yv = toVector(years, "years");
  if (!yv.ok) return yv;
  const m = readSeriesArg(emissions, yv.value, "emissions");
  return m.ok ? ok(m.value.members.slice()) : m;
}

/**
 * CLUSTERPEAKYEAR: peak year of the member sum over years where every member has a value;
 * `no_peak` when the cluster is still rising, `no_common_years` when no year is complete.
 * @example clusterPeakYearCore([[1, 3, 2], [1, 1, 1]], [[2018, 2019, 2020]]) // ok(2019)
 */
export function clusterPeakYearCore(emissions: unknown, years: unknown, tolerance?: unknown): Result<number> {
  const p = noPeakIfRising(fastClusterPeak(emissions, years, tolerance) ?? generalClusterPeak(emissions, years, tolerance));
  return p.ok ? ok(p.value.year, p.warnings) : p;
}

/**
 * The general path of CLUSTERPEAKYEAR: member series, their sum over complete years, and its peak
 * (rising is still a success here). Fails with every argument issue, or `no_common_years`.
 * @example generalClusterPeak([[1, 3, 2], [1, 1, 1]], [[2018, 2019, 2020]], null) // ok({ year: 2019, value: 4, ... })
 */
export function generalClusterPeak(emissions: unknown, years: unknown, tolerance: unknown): Result<Peak> {
  const r = all(readMembers(emissions, years), readOptions(tolerance, null, null));
  if (!r.ok) return r;
  const [members, o] = r.value;
  const c = clusterSeries(members.map((series, i) => ({ name: `${i + 1}`, series })));
  if (!c.ok) return c;
  return findPeak(c.value.series, o);
}

/**
 * CLUSTERPEAKS: one row per member — [peak year, peak value, status]. A member still rising has
 * blank ("") peak year and value and status `rising`.
 * @example clusterPeaksCore([[1, 3, 2], [1, 2, 3]], [[2018, 2019, 2020]])
 *   // ok([[2019, 3, "peaked"], ["", "", "rising"]])
 */
export function clusterPeaksCore(emissions: unknown, years: unknown, tolerance?: unknown): Result<(number | string)[][]> {
  const r = all(readMembers(emissions, years), readOptions(tolerance, null, null));
  if (!r.ok) return r;
  const [members, o] = r.value;
  const rows: (number | string)[][] = [];
  for (const s of members) {
    const p = findPeak(s, o);
    if (!p.ok) return p;
    const { year, value, status } = p.value;
    rows.push(status === "rising" ? ["", "", status] : [year, value, status]);
  }
  return ok(rows);
}

/**
 * CONVERT: a value from one unit to another (t, 万t, Mt, 亿t …; tce, GJ …).
 * @example convertCore(1, "Mt", "万t") // ok(100)
 */
export function convertCore(value: unknown, fromUnit: unknown, toUnit: unknown): Result<number> {
  const r = all(requiredNumber(value, "value"), requiredText(fromUnit, "from_unit"), requiredText(toUnit, "to_unit"));
  if (!r.ok) return r;
  const [v, from, to] = r.value;
  return convert(v, from, to);
}
