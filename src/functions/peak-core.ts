/**
 * Cores of the peak functions (PEAKYEAR … PEAKINFO, CLUSTERPEAKS, CONVERT): Excel-shaped arguments in,
 * a {@link Result} out. No `CustomFunctions` here — `boundary.ts` turns results into Excel values
 * and errors, so these are tested directly.
 */
import {
  DEFAULT_MIN_POINTS,
  checkPeakOptions,
  clusterSeries,
  convert,
  declineFlag,
  declineKind,
  describePeak,
  fail,
  findPeak,
  hasPeak,
  issue,
  ok,
  parseSeries,
  peakGap,
  type Peak,
  type PeakInfo,
  type PeakOptions,
  type Result,
  type Series,
} from "../engine";
import { all, optionalNumber, readSeriesArg, requiredNumber, requiredText, toVector } from "./coerce";
import { fastClusterPeak, fastSeriesPeak } from "./peak-fast";

function readOptions(tolerance: unknown, confirmYears: unknown, smoothYears: unknown, minPoints: unknown = null): Result<PeakOptions> {
  const r = all(
    optionalNumber(tolerance, "tolerance", 0),
    optionalNumber(confirmYears, "confirm_years", 0),
    optionalNumber(smoothYears, "smooth_years", 1),
    optionalNumber(minPoints, "min_points", DEFAULT_MIN_POINTS),
  );
  if (!r.ok) return r;
  const [t, k, w, m] = r.value;
  const o = { tolerance: t, confirmYears: k, smoothYears: w, minPoints: m };
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
 * The general path of PEAKYEAR … PEAKSTATUS: series + validated options + the peak (rising and
 * insufficient are still successes here). Every argument problem is reported, with its message.
 * @example generalSeriesPeak([[1, 3, 2, 2, 1]], [[2016, 2017, 2018, 2019, 2020]], null, null, null) // ok({ year: 2017, ... })
 */
export function generalSeriesPeak(emissions: unknown, years: unknown, t: unknown, k: unknown, w: unknown, m: unknown = null): Result<Peak> {
  const r = all(readSeries(emissions, years), readOptions(t, k, w, m));
  if (!r.ok) return r;
  const [s, o] = r.value;
  return findPeak(s, o);
}

/** The fast path when the arguments are simple (`peak-fast.ts`), else the general path: the same answer either way. */
function seriesPeak(emissions: unknown, years: unknown, t: unknown, k: unknown, w: unknown, m: unknown): Result<Peak> {
  return fastSeriesPeak(emissions, years, t, k, w, m) ?? generalSeriesPeak(emissions, years, t, k, w, m);
}

/**
 * The "no answer" of a peak without a year (→ #N/A): `no_peak` while rising, `too_few_points`
 * (`too_few_common_years` for a cluster) when insufficient; a failure passes through. Only called off
 * the hot path (the cores first test for a peak); `minPoints` is the argument as given (it was valid,
 * or the peak would have failed).
 */
function noAnswer(p: Result<Peak>, minPoints: unknown, cluster = false): Result<never> {
  if (!p.ok) return p;
  const { firstYear: first, lastYear: last, points } = p.value;
  if (p.value.status !== "insufficient") return fail([issue("no_peak", [], { first, last })]);
  const m = optionalNumber(minPoints, "min_points", DEFAULT_MIN_POINTS);
  return fail([issue(cluster ? "too_few_common_years" : "too_few_points", [], { points, first, last, min: m.ok ? m.value : DEFAULT_MIN_POINTS })]);
}

/**
 * PEAKYEAR: the year of the maximum; `no_peak` (→ #N/A) when still rising, `too_few_points` (→ #N/A)
 * with fewer than min_points values (default 5).
 * @example peakYearCore([[1, 3, 2, 2, 1]], [[2016, 2017, 2018, 2019, 2020]]) // ok(2017)
 */
export function peakYearCore(
  emissions: unknown,
  years: unknown,
  tolerance?: unknown,
  confirmYears?: unknown,
  smoothYears?: unknown,
  minPoints?: unknown,
): Result<number> {
  const p = seriesPeak(emissions, years, tolerance, confirmYears, smoothYears, minPoints);
  return p.ok && hasPeak(p.value.status) ? ok(p.value.year, p.warnings) : noAnswer(p, minPoints);
}

/**
 * PEAKVALUE: the maximum (input unit); `no_peak` / `too_few_points` as PEAKYEAR.
 * @example peakValueCore([[1, 3, 2, 2, 1]], [[2016, 2017, 2018, 2019, 2020]]) // ok(3)
 */
export function peakValueCore(
  emissions: unknown,
  years: unknown,
  tolerance?: unknown,
  confirmYears?: unknown,
  smoothYears?: unknown,
  minPoints?: unknown,
): Result<number> {
  const p = seriesPeak(emissions, years, tolerance, confirmYears, smoothYears, minPoints);
  return p.ok && hasPeak(p.value.status) ? ok(p.value.value, p.warnings) : noAnswer(p, minPoints);
}

/**
 * PEAKSTATUS: `peaked`, `plateau`, `rising`, `unconfirmed` or `insufficient`.
 * @example peakStatusCore([[1, 3, 2, 2, 1]], [[2016, 2017, 2018, 2019, 2020]]) // ok("peaked")
 * @example peakStatusCore([[1, 3]], [[2019, 2020]]) // ok("insufficient")
 */
export function peakStatusCore(
  emissions: unknown,
  years: unknown,
  tolerance?: unknown,
  confirmYears?: unknown,
  smoothYears?: unknown,
  minPoints?: unknown,
): Result<string> {
  const p = seriesPeak(emissions, years, tolerance, confirmYears, smoothYears, minPoints);
  return p.ok ? ok(p.value.status, p.warnings) : p;
}

/** The rows PEAKINFO spills, in order: the keys of the CLI's `peaks --json` entries plus the plateau start. */
export const PEAK_INFO_KEYS = ["status", "peakYear", "peakValue", "plateauStart", "firstYear", "lastYear", "points", "flags"] as const;

/**
 * PEAKINFO: what the peak rests on, as label/value pairs (2 columns, one row per key of
 * {@link PEAK_INFO_KEYS}): status, year and value of the maximum, plateau start, first and last data
 * year, number of values, flags (comma-separated, "" when none). Years and value are "" while rising
 * or insufficient. With `gdp` and `population` (ranges matching `years` cell by cell) a decline is also
 * read as proactive or passive (flag `decline_proactive` / `decline_passive`).
 * @example peakInfoCore([[5, 6, 7, 8, 7.9]], [[2015, 2016, 2017, 2018, 2019]])
 *   // ok([["status", "peaked"], ["peakYear", 2018], ["peakValue", 8], ["plateauStart", 2018], ["firstYear", 2015], ["lastYear", 2019], ["points", 5], ["flags", "single_dip"]])
 */
export function peakInfoCore(
  emissions: unknown,
  years: unknown,
  tolerance?: unknown,
  confirmYears?: unknown,
  smoothYears?: unknown,
  minPoints?: unknown,
  gdp?: unknown,
  population?: unknown,
): Result<(string | number)[][]> {
  const r = all(
    readSeries(emissions, years),
    readOptions(tolerance, confirmYears, smoothYears, minPoints),
    readDriver(gdp, years, "gdp"),
    readDriver(population, years, "population"),
  );
  if (!r.ok) return r;
  const [s, o, g, pop] = r.value;
  const p = findPeak(s, o);
  if (!p.ok) return p;
  let info = describePeak(s, p.value, o.tolerance ?? 0);
  const decline = declineFlag(declineKind(info, { gdp: g, population: pop }));
  if (decline) info = describePeak(s, p.value, o.tolerance ?? 0, [decline]);
  return ok(peakInfoRows(info), p.warnings);
}

/** A {@link PeakInfo} as PEAKINFO's label/value rows. */
export function peakInfoRows(info: PeakInfo): (string | number)[][] {
  return PEAK_INFO_KEYS.map((key) => {
    const v = info[key];
    return [key, v === null ? "" : Array.isArray(v) ? v.join(", ") : (v as string | number)];
  });
}

/**
 * An optional driver range (GDP, population) matching `years` cell by cell, read as KAYA reads its
 * quantities (`readSeriesArg`: ≥ 0, blanks are gaps); undefined when omitted. Problems with the years
 * are the emissions' to report (once); here only the driver's own.
 */
function readDriver(arg: unknown, years: unknown, name: string): Result<Series | undefined> {
  if (arg === null || arg === undefined) return ok(undefined);
  const r = all(toVector(arg, name), toVector(years, "years"));
  if (!r.ok) {
    const own = r.issues.filter((i) => i.path[0] === name);
    return own.length > 0 ? fail(own) : ok(undefined);
  }
  const [cells, yv] = r.value;
  if (cells.cells.length !== yv.cells.length)
    return fail([issue("length_mismatch", [name], { actual: cells.cells.length, expected: yv.cells.length, other: "years" })]);
  const d = readSeriesArg(arg, yv, name, { nonNegative: true, vector: true });
  if (!d.ok) {
    const own = d.issues.filter((i) => i.path[0] === name);
    return own.length > 0 ? fail(own) : ok(undefined);
  }
  return ok(d.value.members[0]);
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
 * `no_peak` when the cluster is still rising, `no_common_years` when no year is complete,
 * `too_few_common_years` when fewer than 5 years are.
 * @example clusterPeakYearCore([[1, 3, 2, 2, 1], [1, 1, 1, 1, 1]], [[2016, 2017, 2018, 2019, 2020]]) // ok(2017)
 */
export function clusterPeakYearCore(emissions: unknown, years: unknown, tolerance?: unknown): Result<number> {
  const p = fastClusterPeak(emissions, years, tolerance) ?? generalClusterPeak(emissions, years, tolerance);
  return p.ok && hasPeak(p.value.status) ? ok(p.value.year, p.warnings) : noAnswer(p, null, true);
}

/**
 * The general path of CLUSTERPEAKYEAR: member series, their sum over complete years, and its peak
 * (rising and insufficient are still successes here). Fails with every argument issue, or `no_common_years`.
 * @example generalClusterPeak([[1, 3, 2, 2, 1], [1, 1, 1, 1, 1]], [[2016, 2017, 2018, 2019, 2020]], null) // ok({ year: 2017, value: 4, ... })
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
 * CLUSTERPEAKS: one row per member — [peak year, peak value, status]. A member still rising (or
 * with fewer than 5 values) has blank ("") peak year and value and status `rising` (`insufficient`).
 * @example clusterPeaksCore([[1, 3, 2, 2, 1], [1, 2, 3, 4, 5]], [[2016, 2017, 2018, 2019, 2020]])
 *   // ok([[2017, 3, "peaked"], ["", "", "rising"]])
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
    rows.push(hasPeak(status) ? [year, value, status] : ["", "", status]);
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
