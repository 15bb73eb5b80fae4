/**
 * The one error boundary between engine results and Excel. Every custom function returns
 * `toExcel(core(...))`: a value, or a `CustomFunctions.Error` carrying the issues' message —
 * `#N/A` for "no answer" (no peak within the horizon, too few values, no complete year, target year
 * absent, a year of a window without a value, a ratio against a zero base),
 * `#NUM!` for non-finite numbers (a result, or an intermediate sum, that overflows), `#VALUE!` for bad
 * input. Nothing throws past this point.
 */
import { formatIssues, issue, type Issue, type Lang, type Result } from "../engine";

/** Issue codes that mean "there is no answer", shown as #N/A rather than #VALUE!. */
const NOT_AVAILABLE = new Set([
  "no_peak",
  "too_few_points",
  "too_few_common_years",
  "no_common_years",
  "target_year_missing",
  "lmdi_zero_total",
  // windows of years (CUMULATIVE, INTENSITYCHANGE, KAYA): a year without a value, a ratio against 0.
  // Excel's #NUM! and #DIV/0! cannot carry a message, so "no answer for these years" is #N/A with one.
  "window_outside",
  "window_gap",
  "year_not_in_series",
  "year_value_blank",
  "intensity_zero_base",
]);

/**
 * Issue codes that mean "the numbers overflow": `#NUM!`, as for a non-finite result (Excel's `#NUM!`
 * carries no message).
 */
const NOT_A_NUMBER = new Set(["not_finite_result", "sum_overflow"]);

/** Excel shows at most this many characters of a custom error message; longer ones are cut. */
export const MAX_MESSAGE = 255;

/** The display language: Chinese when Office's display language is zh-*, else English. */
export function displayLang(): Lang {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    const tag = office?.context?.displayLanguage ?? "";
    return tag.toLowerCase().startsWith("zh") ? "zh" : "en";
  } catch {
    return "en";
  }
}

function cut(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

/** The Excel error for a list of issues. */
export function excelError(issues: readonly Issue[], lang: Lang = displayLang()): CustomFunctions.Error {
  if (issues.every((i) => NOT_A_NUMBER.has(i.code))) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
  const na = issues.every((i) => NOT_AVAILABLE.has(i.code));
  const code = na ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, cut(formatIssues(issues, lang, 3)));
}

function isBadNumber(v: unknown): boolean {
  return typeof v === "number" && !Number.isFinite(v);
}

/** Any non-finite number in a result (scalar or 2-D array). */
function hasBadNumber(v: unknown): boolean {
  if (Array.isArray(v)) return v.some((row) => (Array.isArray(row) ? row.some(isBadNumber) : isBadNumber(row)));
  return isBadNumber(v);
}

/**
 * Runs a core and converts its result for Excel. Exceptions (bugs) become `#VALUE!` with an
 * "internal error" message instead of escaping; NaN/±∞ anywhere in the result become `#NUM!`.
 * @example toExcel(() => peakYearCore(emissions, years)) // 2013, or a CustomFunctions.Error
 */
export function toExcelOrError<T>(core: () => Result<T>): T | CustomFunctions.Error {
  let r: Result<T>;
  try {
    r = core();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return excelError([issue("internal_error", [], { detail })]);
  }
  if (!r.ok) return excelError(r.issues);
  if (hasBadNumber(r.value)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
  return r.value;
}

/**
 * {@link toExcelOrError} typed as the value type. Excel's runtime accepts a `CustomFunctions.Error`
 * returned in place of any value, but custom-functions-metadata derives each function's result
 * type and dimensionality from its declared TypeScript return type and rejects unions — so the
 * wrappers declare `number`, `string` or `any[][]` and this one place carries the cast.
 */
export function toExcel<T>(core: () => Result<T>): T {
  return toExcelOrError(core) as T;
}
