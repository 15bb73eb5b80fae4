/**
 * Core of the LMDI custom function: Excel-shaped arguments in, a {@link Result} out. No
 * `CustomFunctions` here — `boundary.ts` turns the result into an Excel value or error.
 */
import { fail, issue, lmdi, matrixShape, ok, parseLmdiMode, readFactorMatrix, type Issue, type Result } from "../engine";
import { optionalText, toRows } from "./coerce";

/**
 * LMDI: one row with the effect of each factor (column) — additive effects in the unit of V, or
 * multiplicative indices. v0 and v1 are subcategories × factors ranges of the same shape; every
 * cell a number ≥ 0 (a blank is not a zero). Every problem is reported at once: cell issues at
 * `[v0|v1, row, column]`, `shape_mismatch`, `lmdi_mode`, then the engine's `lmdi_zero_total`.
 * @example lmdiCore([[1, 100]], [[2, 50]], "multiplicative") // ok([[2, 0.5]])
 */
export function lmdiCore(v0: unknown, v1: unknown, mode?: unknown): Result<number[][]> {
  const rows0 = toRows(v0);
  const rows1 = toRows(v1);
  const m0 = readFactorMatrix(rows0, "v0");
  const m1 = readFactorMatrix(rows1, "v1");
  const md = parseLmdiMode(optionalText(mode));
  const issues: Issue[] = [];
  for (const r of [m0, m1, md]) if (!r.ok) issues.push(...r.issues);
  const a = matrixShape(rows0);
  const b = matrixShape(rows1);
  if (a.rows * a.columns > 0 && b.rows * b.columns > 0 && (a.rows !== b.rows || a.columns !== b.columns)) {
    issues.push(issue("shape_mismatch", ["v1"], { rows: b.rows, columns: b.columns, other: "v0", expectedRows: a.rows, expectedColumns: a.columns }));
  }
  if (issues.length > 0 || !m0.ok || !m1.ok || !md.ok) return fail(issues);
  const r = lmdi(m0.value, m1.value, md.value);
  return r.ok ? ok([r.value.effects.slice()], r.warnings) : r;
}
