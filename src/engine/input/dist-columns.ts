/**
 * The optional distribution columns of Drivers and Levers rows (`dist`, `sd`, `min`, `max`; see
 * `UncertainColumns` in `schema.ts`): the rules that involve several fields of one row, run on the
 * raw row next to the zod field checks so that every problem is reported at once. (How a valid row's
 * columns become a distribution to draw from is `uncertainty/distributions.ts`, `rowDist`.)
 *
 * - A parameter without `dist` → `dist_param_without_dist`.
 * - normal needs `sd`; triangular and uniform need `min` and `max` (`required`); the other parameters
 *   must be blank (`param_not_for_dist`).
 * - min ≤ value ≤ max (`dist_bounds`): the row's value is the triangular mode, and lies inside the
 *   uniform range too, so that zero spread (min = max) reproduces the deterministic run.
 * - Levers: min and max in the value's range for the kind (share 0–1, pp 0–100 for structure_shift).
 *   Drivers' min and max are checked as rates (−1…1) by the schema.
 */
import { issue, type Issue, type Path } from "../issues";
import { parseDistKind } from "./dist-kinds";
import { leverRowSchema, leverValueCheck, type LeverKind } from "./schema";

const PARAMS = ["sd", "min", "max"] as const;
const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function rowChecks(raw: unknown, path: Path, valueField: "rate" | "value", kind?: LeverKind): Issue[] {
  if (raw === null || typeof raw !== "object") return [];
  const r = raw as Record<string, unknown>;
  const out: Issue[] = [];
  if (blank(r.dist)) {
    for (const p of PARAMS) if (!blank(r[p])) out.push(issue("dist_param_without_dist", [...path, p], { param: p }));
    return out;
  }
  const d = parseDistKind(r.dist);
  if (d === undefined) return out; // unknown_dist comes from the schema
  const wanted: readonly string[] = d === "normal" ? ["sd"] : ["min", "max"];
  for (const p of PARAMS) {
    if (wanted.includes(p)) {
      if (blank(r[p])) out.push(issue("required", [...path, p], { dist: d }));
    } else if (!blank(r[p])) out.push(issue("param_not_for_dist", [...path, p], { param: p, dist: d }));
  }
  if (d === "normal") return out;
  const { min, max } = r;
  const value = r[valueField];
  if (kind !== undefined) {
    for (const p of ["min", "max"] as const) {
      const x = r[p];
      const bad = isNum(x) ? leverValueCheck(kind)(x) : undefined;
      if (bad) out.push(issue(bad.code, [...path, p], { value: x as number, kind }));
    }
  }
  if (isNum(min) && isNum(max)) {
    if (min > max) out.push(issue("dist_bounds", [...path, "max"], { min, max, value: isNum(value) ? value : "" }));
    else if (isNum(value) && (value < min || value > max)) out.push(issue("dist_bounds", [...path, value < min ? "min" : "max"], { min, max, value }));
  }
  return out;
}

/**
 * Cross-field checks of a raw Drivers row's distribution columns (the value is `rate`).
 * @example driverDistChecks({ rate: 0.02, dist: "三角", min: 0.03, max: 0.05 }, ["drivers", 0]) // [dist_bounds at ["drivers", 0, "min"]]
 */
export function driverDistChecks(raw: unknown, path: Path): Issue[] {
  return rowChecks(raw, path, "rate");
}

/**
 * Cross-field checks of a raw Levers row's distribution columns (the value is `value`; min and max in
 * the kind's range). Rows whose kind is invalid get only the kind-independent checks.
 * @example leverDistChecks({ kind: "reduce", value: 0.2, dist: "uniform", min: 0.1, max: 20 }, ["levers", 3]) // [share_range at ["levers", 3, "max"], dist_bounds …]
 */
export function leverDistChecks(raw: unknown, path: Path): Issue[] {
  if (raw === null || typeof raw !== "object") return [];
  const k = leverRowSchema.shape.kind.safeParse((raw as Record<string, unknown>).kind);
  return rowChecks(raw, path, "value", k.success ? k.data : undefined);
}
