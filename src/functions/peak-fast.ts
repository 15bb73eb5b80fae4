/**
 * Fast paths of the peak cores for the common case: every cell a finite number ≥ 0 (or a blank gap),
 * years whole numbers 1000–9999 in strictly ascending order, ranges as plain 2-D arrays of one
 * shape, options omitted or plain valid numbers. One pass over the cells into reusable typed-array
 * buffers, no allocation per cell, then the engine's own peak rule (`peakAt`, `findPeak` when
 * smoothing) — so the answer is the general path's (same peak, plateau start, points, smoothing and
 * status); the fast-path tests check it against the general path.
 *
 * Anything unusual — text (even "2019"-like text padded with spaces), booleans, Dates, error
 * values, NaN/±Infinity, negative values, blank years with a value, duplicate or descending years,
 * ragged or 2-D ranges, a series or member without any value, a cluster without a complete year,
 * invalid options — makes these functions return `undefined`, and the caller runs the general
 * path, which produces every message. They never report an issue themselves.
 */
import { PEAK_OPTIONS, findPeak, ok, peakAt, type Issue, type Peak, type PeakOptions, type Result, type Series } from "../engine";
import type { Vector } from "./coerce";

// Reusable buffers. Custom functions run on one thread and nothing below calls back out while the
// buffers are in use; a Peak never refers to them (it holds numbers only).
let buffers: Series = { years: new Int32Array(0), values: new Float64Array(0) };

/** Buffers of exactly `n` entries (reallocated only when the length changes between calls). */
function buffersOf(n: number): Series {
  if (buffers.values.length !== n) buffers = { years: new Int32Array(n), values: new Float64Array(n) };
  return buffers;
}

/** The first `k` entries of the buffers as a series (views only when positions were dropped). */
function seriesOf(k: number): Series {
  const b = buffers;
  return k === b.values.length ? b : { years: b.years.subarray(0, k), values: b.values.subarray(0, k) };
}

const MAX_FINITE = Number.MAX_VALUE;

/** Blank as Excel sends it for an empty cell (`null`, `undefined`, `""`); other blanks take the general path. */
function isPlainBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/**
 * A year cell: a whole number 1000–9999, or text of exactly four ASCII digits ("2019"); −1 for a
 * blank cell; −2 for anything else (general path).
 */
function yearOf(v: unknown): number {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1000 && v <= 9999 ? v : -2;
  if (isPlainBlank(v)) return -1;
  if (typeof v === "string" && v.length === 4) {
    let n = 0;
    for (let i = 0; i < 4; i++) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -2;
      n = n * 10 + d;
    }
    return n >= 1000 ? n : -2;
  }
  return -2;
}

/**
 * The common case of one position, in one test: a whole-number year above the previous one (so ≥ 1000
 * and unique when `prev` starts at 999; ≤ 9999 is checked once, on the last year) and a finite value ≥ 0.
 */
function isPlainPosition(yc: unknown, ec: unknown, prev: number): boolean {
  return typeof yc === "number" && typeof ec === "number" && yc > prev && (yc | 0) === yc && ec >= 0 && ec < Infinity;
}

/**
 * A value cell: a finite number ≥ 0 (−0 included), NaN for a blank cell (a gap), −1 for anything
 * else (general path).
 */
function valueOf(v: unknown): number {
  if (typeof v === "number") return v >= 0 && v <= MAX_FINITE ? v : -1;
  return isPlainBlank(v) ? NaN : -1;
}

/**
 * The cells of one row or column of a range argument as Excel passes it (`[[a, b, c]]` or
 * `[[a], [b], [c]]`), or undefined for anything else (a scalar, a flat array, an empty, 2-D or
 * ragged range). A row is returned without copying.
 * @example cellsOf([[1], [2]]) // [1, 2]
 * @example cellsOf([[1, 2], [3, 4]]) // undefined
 */
export function cellsOf(arg: unknown): readonly unknown[] | undefined {
  if (!Array.isArray(arg) || arg.length === 0) return undefined;
  const first: unknown = arg[0];
  if (!Array.isArray(first) || first.length === 0) return undefined;
  if (arg.length === 1) return first;
  const cells: unknown[] = new Array<unknown>(arg.length);
  for (let i = 0; i < arg.length; i++) {
    const r: unknown = arg[i];
    if (!Array.isArray(r) || r.length !== 1) return undefined;
    cells[i] = r[0];
  }
  return cells;
}

/**
 * {@link cellsOf} with the layout `toVector` reports: a 1×1 range is a column of one.
 * @example vectorOf([[1], [2]]) // { cells: [1, 2], orientation: "column" }
 */
export function vectorOf(arg: unknown): Vector | undefined {
  const cells = cellsOf(arg);
  if (cells === undefined) return undefined;
  return { cells, orientation: (arg as unknown[]).length === 1 && cells.length > 1 ? "row" : "column" };
}

/**
 * Peak options when each is omitted (`null`/`undefined`) or a finite number, and together valid
 * (`checkPeakOptions`); undefined otherwise. All omitted gives `{}` (the engine defaults).
 * @example simpleOptions(0.02, null, null, null) // { tolerance: 0.02, confirmYears: 0, smoothYears: 1, minPoints: 5 }
 * @example simpleOptions("2%", null, null, null) // undefined (text: the general path explains)
 */
export function simpleOptions(tolerance: unknown, confirmYears: unknown, smoothYears: unknown, minPoints: unknown = null): PeakOptions | undefined {
  if (omitted(tolerance) && omitted(confirmYears) && omitted(smoothYears) && omitted(minPoints)) return NO_OPTIONS;
  const t = omitted(tolerance) ? TOLERANCE.default : tolerance;
  const k = omitted(confirmYears) ? CONFIRM.default : confirmYears;
  const w = omitted(smoothYears) ? SMOOTH.default : smoothYears;
  const m = omitted(minPoints) ? MIN_POINTS.default : minPoints;
  if (typeof t !== "number" || typeof k !== "number" || typeof w !== "number" || typeof m !== "number") return undefined;
  // The rules of checkPeakOptions (NaN and ±Infinity fail every comparison or the integer tests).
  if (!TOLERANCE.valid(t) || !CONFIRM.valid(k) || !SMOOTH.valid(w) || !MIN_POINTS.valid(m)) return undefined;
  return { tolerance: t, confirmYears: k, smoothYears: w, minPoints: m };
}

// The option rules, read once: in a CommonJS build (the CLI, the benchmarks) every access to a
// re-exported name is a getter call, which the per-call checks above would pay four times.
const { tolerance: TOLERANCE, confirmYears: CONFIRM, smoothYears: SMOOTH, minPoints: MIN_POINTS } = PEAK_OPTIONS;
const DEFAULT_MIN_POINTS = MIN_POINTS.default;

/** An optional argument Excel left out. */
function omitted(v: unknown): boolean {
  return v === null || v === undefined;
}

const NO_OPTIONS: PeakOptions = Object.freeze({});
const NO_WARNINGS: readonly Issue[] = Object.freeze([]);

/**
 * PEAKYEAR … PEAKSTATUS's series and peak for simple arguments (see the file comment), or
 * undefined when the general path must answer. When defined, it equals the general path's
 * `Result<Peak>` exactly.
 *
 * One pass validates each position into the buffers (as `parseSeries`: a position whose year and
 * value are both blank is dropped, a blank value with a year is a gap) and finds the first maximum
 * as `peakIndex` does (the first and last values are the ends unless there were gaps) and counts the
 * values; the plateau, the status (`peakAt`) and smoothing (`findPeak`) are the engine's own.
 * @param emissions Excel-shaped range, one row or one column (any unit; the peak value is in it).
 * @param years Calendar years, one row or one column of the same length.
 * @param tolerance, confirmYears, smoothYears, minPoints As PEAKYEAR's optional arguments (null/undefined: omitted).
 * @example fastSeriesPeak([[1, 3, 2, 2, 1]], [[2016, 2017, 2018, 2019, 2020]], null, null, null)
 *   // ok({ year: 2017, value: 3, status: "peaked", index: 1, plateauStart: 2017, firstYear: 2016, lastYear: 2020, points: 5 })
 * @example fastSeriesPeak([[1, "3", 2]], [[2018, 2019, 2020]], null, null, null) // undefined
 */
export function fastSeriesPeak(
  emissions: unknown,
  years: unknown,
  tolerance: unknown,
  confirmYears: unknown,
  smoothYears: unknown,
  minPoints: unknown = null,
): Result<Peak> | undefined {
  const o = simpleOptions(tolerance, confirmYears, smoothYears, minPoints);
  if (o === undefined) return undefined;
  const e = cellsOf(emissions);
  const y = e === undefined ? undefined : cellsOf(years);
  if (e === undefined || y === undefined || y.length !== e.length) return undefined;
  if (o === NO_OPTIONS) {
    const quick = plainScan(e, y);
    if (quick !== undefined) return quick;
  }
  const n = e.length;
  const b = buffersOf(n);
  const ys = b.years;
  const vs = b.values;
  let k = 0;
  let prev = 999; // so "above the previous year" also means ≥ 1000
  let argmax = -1;
  let max = -Infinity;
  let gaps = 0;
  for (let i = 0; i < n; i++) {
    const yc = y[i];
    const ec = e[i];
    let year: number;
    let v: number;
    if (isPlainPosition(yc, ec, prev)) {
      year = yc as number;
      v = ec as number;
    } else {
      year = yearOf(yc);
      v = valueOf(ec);
      if (year === -1 && v !== v) continue; // both blank: a selection longer than the data
      if (year < 0 || year <= prev || v < 0) return undefined;
      if (v !== v) gaps++;
    }
    prev = year;
    ys[k] = year;
    vs[k] = v;
    if (v > max) {
      max = v;
      argmax = k;
    } // the first maximum; a gap (NaN) never compares greater
    k++;
  }
  // First and last values: the ends, unless there were gaps.
  let first = 0;
  let last = k - 1;
  if (gaps > 0) {
    first = -1;
    for (let i = 0; i < k; i++)
      if (vs[i] === vs[i]) {
        if (first < 0) first = i;
        last = i;
      }
  }
  if (argmax < 0 || prev > 9999) return undefined; // no value at all, or a year out of range: the general path says so
  const s = seriesOf(k);
  const points = k - gaps;
  if (o === NO_OPTIONS) return ok(peakAt(s, vs, argmax, first, last, points, 0, 0, DEFAULT_MIN_POINTS), NO_WARNINGS);
  if ((o.smoothYears ?? 1) > 1) return findPeak(s, o);
  return ok(peakAt(s, vs, argmax, first, last, points, o.tolerance ?? 0, o.confirmYears ?? 0, o.minPoints ?? DEFAULT_MIN_POINTS), NO_WARNINGS);
}

/**
 * The no-options case read straight from the cells, with nothing stored: when every position holds a
 * whole year above the previous one (≤ 9999) and a finite value ≥ 0 — no blank anywhere — the peak is
 * the first maximum and `peakAt` needs only the cells at the peak and the end, so the series is the
 * cells themselves. Undefined for anything else (the buffered pass then decides).
 */
function plainScan(e: readonly unknown[], y: readonly unknown[]): Result<Peak> | undefined {
  const n = e.length;
  let prev = 999;
  let argmax = -1;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const yc = y[i];
    const ec = e[i];
    if (!isPlainPosition(yc, ec, prev)) return undefined;
    prev = yc as number;
    if ((ec as number) > max) {
      max = ec as number;
      argmax = i;
    }
  }
  if (prev > 9999) return undefined;
  // Every cell was checked to be a number above: the cells are the series.
  const values = e as readonly number[];
  return ok(peakAt({ years: y as readonly number[], values }, values, argmax, 0, n - 1, n, 0, 0, DEFAULT_MIN_POINTS), NO_WARNINGS);
}

/** Members × years rows of a plain rectangular 2-D array, or undefined (ragged, flat, empty). */
function rectangle(arg: unknown): { rows: readonly unknown[][]; columns: number } | undefined {
  if (!Array.isArray(arg) || arg.length === 0) return undefined;
  const first: unknown = arg[0];
  if (!Array.isArray(first) || first.length === 0) return undefined;
  const columns = first.length;
  for (let i = 1; i < arg.length; i++) {
    const r: unknown = arg[i];
    if (!Array.isArray(r) || r.length !== columns) return undefined;
  }
  return { rows: arg as unknown[][], columns };
}

/**
 * CLUSTERPEAKYEAR's cluster peak for simple arguments, or undefined when the general path must
 * answer. Members are the rows of `emissions` (or its columns, decided as `toMemberMatrix` does);
 * the cluster value of a year is the member sum, in member order, when every member has a value and
 * a gap otherwise — as `clusterSeries`. Also undefined when a member has no value at all or no year
 * is complete (the general path names them). When defined, equals the general path's result.
 * @param emissions Members × years (or years × members) as Excel passes a range; any one unit.
 * @param years Calendar years, one row or one column.
 * @param tolerance As CLUSTERPEAKYEAR's (null/undefined: omitted).
 * @example fastClusterPeak([[1, 3, 2], [1, 1, 1]], [[2018, 2019, 2020]], null) // ok({ year: 2019, value: 4, ... })
 */
export function fastClusterPeak(emissions: unknown, years: unknown, tolerance: unknown): Result<Peak> | undefined {
  const o = simpleOptions(tolerance, null, null);
  if (o === undefined) return undefined;
  const yv = vectorOf(years);
  const m = yv === undefined ? undefined : rectangle(emissions);
  if (yv === undefined || m === undefined) return undefined;
  const n = yv.cells.length;
  const byRows = m.columns === n;
  const byColumns = m.rows.length === n;
  if (!byRows && !byColumns) return undefined;
  const transposed = byColumns && (!byRows || yv.orientation === "column");
  const memberCount = transposed ? m.columns : m.rows.length;
  return clusterScan(m.rows, transposed, memberCount, yv.cells, o);
}

/** The member sums over the kept years into the buffers, then the peak (see {@link fastClusterPeak}). */
function clusterScan(rows: readonly unknown[][], transposed: boolean, members: number, yCells: readonly unknown[], o: PeakOptions): Result<Peak> | undefined {
  const n = yCells.length;
  const { years, values } = buffersOf(n);
  // Years first: kept positions get their year; a blank year is dropped (every member must be blank there).
  let k = 0;
  let prev = 0;
  for (let j = 0; j < n; j++) {
    const year = yearOf(yCells[j]);
    if (year === -1) continue;
    if (year < 0 || year <= prev) return undefined;
    prev = year;
    years[k] = year;
    values[k] = 0;
    k++;
  }
  // Members, in order: each value added to its year (NaN, a gap, makes the year incomplete).
  // (A member without any value leaves no year complete, so it is caught by the check below.)
  for (let i = 0; i < members; i++) {
    let kept = 0;
    for (let j = 0; j < n; j++) {
      const v = valueOf(transposed ? rows[j][i] : rows[i][j]);
      if (v < 0) return undefined;
      if (isPlainBlank(yCells[j])) {
        // the years pass accepted only plain blanks and valid years
        if (v === v) return undefined; // a value without a year
        continue;
      }
      values[kept] += v;
      kept++;
    }
  }
  let complete = false;
  for (let j = 0; j < k; j++)
    if (values[j] === values[j]) {
      complete = true;
      break;
    }
  if (!complete) return undefined;
  // A sum past the largest number: the general path refuses it (sum_overflow, #NUM!).
  for (let j = 0; j < k; j++) if (values[j] === Infinity) return undefined;
  return o === NO_OPTIONS ? findPeak(seriesOf(k)) : findPeak(seriesOf(k), o);
}
