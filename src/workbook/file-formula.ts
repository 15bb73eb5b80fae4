/**
 * How a formula that calls the add-in's custom functions is stored in a .xlsx file. Excel persists a
 * call of an Office add-in's custom function `CARBON.PEAKYEAR(…)` in the file as
 * `_xldudf_CARBON_PEAKYEAR(…)` (namespace and id joined by "_"); when the add-in's functions are
 * registered, Excel shows the call as `=CARBON.PEAKYEAR(…)` again and recalculates it, and without the
 * add-in the cell keeps its cached value (and shows `_xldudf_…` in the formula bar). Writing the
 * display form into a file would leave Excel a name it does not know. (Office.js's `range.formulas`
 * takes the display form; only the file writer needs this.)
 */

/** The custom functions' namespace (manifest.xml `Functions.Namespace`). */
export const FUNCTIONS_NAMESPACE = "CARBON";

const CALL = new RegExp(`(^|[^A-Za-z0-9_.])${FUNCTIONS_NAMESPACE}\\.([A-Za-z][A-Za-z0-9_]*)\\s*\\(`, "gi");

/**
 * A formula as the file stores it: every `CARBON.NAME(` call outside a string literal becomes
 * `_xldudf_CARBON_NAME(` (upper case, as Excel writes it); anything else is unchanged, including text
 * in "…" literals (Excel doubles a quote inside one). Works on the formula with or without its "=".
 * @example fileFormula("=CARBON.PEAKYEAR($D5:$AR5,$D$2:$AR$2)") // "=_xldudf_CARBON_PEAKYEAR($D5:$AR5,$D$2:$AR$2)"
 * @example fileFormula('=IF(A1="CARBON.PEAKYEAR(",1,SUM(A2:A3))') // unchanged
 */
export function fileFormula(formula: string): string {
  // Split into code and string-literal parts; only code parts are rewritten.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(CALL, (_m, before: string, id: string) => `${before}_xldudf_${FUNCTIONS_NAMESPACE}_${id.toUpperCase()}(`),
    )
    .join("");
}
