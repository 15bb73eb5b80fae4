/**
 * Ramps: how much of a lever's full effect is in force in a given year (docs/design.md §3).
 *
 * - `linear`: fraction(y) = clamp((y − start)/(full − start), 0, 1) — 0 in the start year, 1 in the
 *   full-effect year.
 * - `step`: 1 from the start year on (the full-effect year is ignored).
 * - `s-curve`: a logistic L(x) = 1/(1 + e^(−K(x − ½))) of x = (y − start)/(full − start), centred
 *   half-way, with steepness K = {@link S_CURVE_STEEPNESS}, rescaled to 0 at the start year and 1 at
 *   the full-effect year: (L(x) − L(0))/(L(1) − L(0)).
 * Before the start year every shape is 0; from the full-effect year on every shape is 1. When the
 * full-effect year equals the start year, linear and s-curve act like a step.
 *
 * A lever may have several milestones (rows with the same scenario and name): segment k ramps the
 * share from the previous milestone's value (0 for the first) to its own value, between its start
 * and full-effect years — the seed's built-up area −28% by 2020 then −33% by 2030.
 */
import { fail, issue, ok, type Issue, type Path, type Result, pushAll } from "../issues";
import { parseRampShape, type RampShape } from "../input/ramp-shapes";
import { checkEach, checkFinite, checkList, checkYear } from "./checks";

/**
 * Steepness of the s-curve in units of the ramp period: L(0) = 1/(1+e^5) ≈ 0.0067 before rescaling,
 * so the curve is visibly flat at both ends and steepest half-way.
 */
export const S_CURVE_STEEPNESS = 10;

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-S_CURVE_STEEPNESS * (x - 0.5)));
}
const L0 = logistic(0);
const L1 = logistic(1);

/**
 * The fraction (0–1) of the full effect in force in `year`. Trusted input: whole years, full ≥ start.
 * @example rampFraction(2025, 2020, 2030, "linear") // 0.5
 * @example rampFraction(2020, 2020, 2030, "step") // 1
 * @example rampFraction(2025, 2020, 2030, "s-curve") // 0.5 (the centre)
 */
export function rampFraction(year: number, start: number, full: number, shape: RampShape): number {
  if (year < start) return 0;
  if (shape === "step" || year >= full) return 1;
  const x = (year - start) / (full - start);
  if (shape === "linear") return x;
  return (logistic(x) - L0) / (L1 - L0);
}

/** One milestone of a lever: ramp from the previous milestone's value to `value`. */
export interface RampSegment {
  readonly start: number;
  readonly full: number;
  readonly value: number;
  readonly shape: RampShape;
}

/**
 * The value in force in each of `count` consecutive years from `firstYear`, for milestones that do
 * not overlap (each starts no earlier than the previous one's full-effect year), sorted by start.
 * Trusted input. Segment k contributes v(k−1) + (v(k) − v(k−1))·fraction(y); before the first start
 * the value is 0.
 * @example rampPath([{ start: 2015, full: 2020, value: 0.28, shape: "linear" },
 *                    { start: 2020, full: 2030, value: 0.33, shape: "linear" }], 2015, 16)
 *   // [0, 0.056, …, 0.28 (2020), 0.285, …, 0.33 (2030)]
 */
export function rampPath(segments: readonly RampSegment[], firstYear: number, count: number, out = new Float64Array(count)): Float64Array {
  for (let i = 0; i < count; i++) {
    const y = firstYear + i;
    let prev = 0;
    let v = 0;
    for (const seg of segments) {
      if (y < seg.start) break;
      const f = rampFraction(y, seg.start, seg.full, seg.shape);
      v = f === 1 ? seg.value : prev + (seg.value - prev) * f;
      prev = seg.value;
    }
    out[i] = v;
  }
  return out;
}

/**
 * Validates a shape argument; pushes `unknown_shape` when it is not one of the shapes.
 * @example readShape("S型", ["shape"], issues) // "s-curve"
 */
export function readShape(v: unknown, path: Path, issues: Issue[]): RampShape {
  const shape = parseRampShape(v);
  if (shape === undefined) issues.push(issue("unknown_shape", path, { value: typeof v === "string" ? v : String(v) }));
  return shape ?? "linear";
}

/**
 * Checks start/full-effect years: both years, full ≥ start.
 * @example checkRampYears(2030, 2020, issues) // pushes year_order at ["full_year"]
 */
export function checkRampYears(startYear: unknown, fullYear: unknown, issues: Issue[]): void {
  const a = checkYear(startYear, ["start_year"]);
  const b = checkYear(fullYear, ["full_year"]);
  if (a) issues.push(a);
  if (b) issues.push(b);
  if (!a && !b && (fullYear as number) < (startYear as number)) {
    issues.push(issue("year_order", ["full_year"], { value: fullYear as number, after: "start_year", year: startYear as number }));
  }
}

/**
 * RAMP core: the share in force in each of `years` for a lever whose full share `fullShare` is reached
 * in `fullYear`, starting from 0 in `startYear`, with the given shape (default linear).
 *
 * `fullShare` may be any finite number (a share such as 0.28, or e.g. 3 percentage points);
 * the combining functions (COMBINE, SECTORREDUCTION) are the ones that require shares in [0, 1].
 * `years` may be in any order and repeat; the result follows them. Issues name the argument:
 * `start_year`, `full_year` (also `year_order` when before the start), `full_share`, `years` with a
 * position, `shape` (`unknown_shape`).
 *
 * @example ramp(2020, 2030, 0.3, [2019, 2020, 2025, 2030, 2031]) // ok([0, 0, 0.15, 0.3, 0.3])
 * @example ramp(2020, 2030, 0.3, [2020, 2021], "step") // ok([0.3, 0.3])
 */
export function ramp(startYear: number, fullYear: number, fullShare: number, years: readonly number[], shape: unknown = "linear"): Result<number[]> {
  const issues: Issue[] = [];
  checkRampYears(startYear, fullYear, issues);
  const bad = checkFinite(fullShare, ["full_share"]);
  if (bad) issues.push(bad);
  const list = checkList(years, "years");
  if (list) issues.push(list);
  else pushAll(issues, checkEach(years, "years", checkYear));
  const s = readShape(shape, ["shape"], issues);
  if (issues.length > 0) return fail(issues);
  return ok(years.map((y) => fullShare * rampFraction(y, startYear, fullYear, s)));
}
