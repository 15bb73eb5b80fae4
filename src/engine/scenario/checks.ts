/**
 * Argument checks shared by the scenario cores (PROJECT, RAMP, SECTORREDUCTION, COMBINE, ALIGNBEST).
 * Each check returns the issue for one value, or `undefined` when the value is fine; callers collect
 * every issue before failing, so the user sees all problems at once. Values are typed `unknown`
 * because the cores sit right behind Excel: anything can arrive.
 */
import { issue, type Issue, type Path } from "../issues";

/**
 * Why a value is not a finite number, or `undefined` when it is one.
 * @example checkFinite("abc", ["rates", 0]) // issue not_a_number at ["rates", 0]
 */
export function checkFinite(v: unknown, path: Path): Issue | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? undefined : issue("not_finite", path, { value: String(v) });
  if (typeof v === "boolean") return issue("boolean_not_number", path, { value: v ? "TRUE" : "FALSE" });
  if (v === null || v === undefined) return issue("required", path);
  return issue("not_a_number", path, { value: String(v) });
}

/**
 * A calendar year: a whole number from 1000 to 9999.
 * @example checkYear(2020.5, ["start_year"]) // issue year_not_integer
 */
export function checkYear(v: unknown, path: Path): Issue | undefined {
  const bad = checkFinite(v, path);
  if (bad) return bad;
  const y = v as number;
  if (!Number.isInteger(y)) return issue("year_not_integer", path, { value: y });
  if (y < 1000 || y > 9999) return issue("year_out_of_range", path, { value: y });
  return undefined;
}

/**
 * A share: a finite number from 0 to 1 (0.28 = 28%).
 * @example checkShare(28, ["shares", 0]) // issue share_range
 */
export function checkShare(v: unknown, path: Path): Issue | undefined {
  const bad = checkFinite(v, path);
  if (bad) return bad;
  const s = v as number;
  return s >= 0 && s <= 1 ? undefined : issue("share_range", path, { value: s });
}

/**
 * A yearly growth rate from −1 to 1 (0.02 = +2%/yr). Larger magnitudes are rejected because they are
 * almost always a percentage typed as a number (5 for 5%).
 * @example checkRate(5, ["rates", 0]) // issue rate_range
 */
export function checkRate(v: unknown, path: Path): Issue | undefined {
  const bad = checkFinite(v, path);
  if (bad) return bad;
  const r = v as number;
  return r >= -1 && r <= 1 ? undefined : issue("rate_range", path, { value: r });
}

/**
 * Collects the issues of `check` over every element of a list argument named `name`.
 * @example checkEach([0.1, 2], "shares", checkShare) // [issue share_range at ["shares", 1]]
 */
export function checkEach(values: readonly unknown[], name: string, check: (v: unknown, path: Path) => Issue | undefined): Issue[] {
  const out: Issue[] = [];
  for (let i = 0; i < values.length; i++) {
    const bad = check(values[i], [name, i]);
    if (bad) out.push(bad);
  }
  return out;
}

/**
 * A list argument: must be an array with at least one element.
 * @example checkList([], "rates") // issue empty at ["rates"]
 */
export function checkList(v: unknown, name: string): Issue | undefined {
  if (!Array.isArray(v)) return issue("not_a_list", [name]);
  return v.length === 0 ? issue("empty", [name]) : undefined;
}
