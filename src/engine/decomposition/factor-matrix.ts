/**
 * Factor matrices: the input of an index decomposition. One row per subcategory i (a sector, a
 * city, a fuel) and one column per factor k; the subcategory's value is the product of its row,
 * V_i = Π_k x_{k,i}, and the aggregate is V = Σ_i V_i (Ang 2005, eq. 1).
 *
 * Every cell must hold a finite number ≥ 0. Zero is allowed (LMDI then uses the analytical limits);
 * a blank is never read as zero (docs/design.md §3) and a negative value is rejected, because the logarithms
 * of LMDI need positive data (Ang & Liu 2007 discuss negative values only for special aggregates).
 */
import { readNumberCell } from "../cells";
import { fail, issue, ok, type Issue, type Result } from "../issues";

/** Subcategories × factors, all cells finite and ≥ 0. */
export type FactorMatrix = readonly (readonly number[])[];

/** Rows × columns of a matrix (columns of its widest row). */
export function matrixShape(rows: readonly (readonly unknown[])[]): { rows: number; columns: number } {
  let columns = 0;
  for (const r of rows) if (r.length > columns) columns = r.length;
  return { rows: rows.length, columns };
}

/** Issues for one numeric value at `[name, i, k]`: `not_finite`, `negative_factor`. */
function checkValue(x: number, name: string, i: number, k: number): Issue | undefined {
  if (!Number.isFinite(x)) return issue("not_finite", [name, i, k], { value: x });
  if (x < 0) return issue("negative_factor", [name, i, k], { value: x });
  return undefined;
}

/**
 * Reads a worksheet range (rows of cells) as a factor matrix. Issues, all at once, each at
 * `[name, row, column]`: `empty` (no cells), `blank_cell` (a blank is not a zero: type 0 for a true
 * zero), `not_a_number` / `excel_error` / `boolean_not_number` / `not_finite`, `negative_factor`.
 * Rows shorter than the widest row are blank at their missing cells.
 * @example readFactorMatrix([[1, 2], [3, 0]], "v0") // ok([[1, 2], [3, 0]])
 * @example readFactorMatrix([[1, -2]], "v0") // fail: v0, row 1, column 2: -2 is negative …
 */
export function readFactorMatrix(cells: readonly (readonly unknown[])[], name: string): Result<number[][]> {
  const { rows, columns } = matrixShape(cells);
  if (rows === 0 || columns === 0) return fail([issue("empty", [name])]);
  const issues: Issue[] = [];
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let k = 0; k < columns; k++) {
      const c = readNumberCell(cells[i][k], [name, i, k]);
      if (c.kind === "blank") issues.push(issue("blank_cell", [name, i, k]));
      else if (c.kind === "invalid") issues.push(c.issue);
      else {
        const bad = checkValue(c.value, name, i, k);
        if (bad) issues.push(bad);
        row.push(c.value);
      }
    }
    out.push(row);
  }
  return issues.length > 0 ? fail(issues) : ok(out);
}

/**
 * Checks a numeric factor matrix: non-empty, rectangular, every value finite and ≥ 0. Issues at
 * `[name]` (`empty`, `ragged_matrix`) or `[name, row, column]` (`not_finite`, `negative_factor`).
 * @example checkFactorMatrix([[1, 2]], "v0") // []
 */
export function checkFactorMatrix(m: FactorMatrix, name: string): Issue[] {
  const { rows, columns } = matrixShape(m);
  if (rows === 0 || columns === 0) return [issue("empty", [name])];
  const issues: Issue[] = [];
  for (let i = 0; i < rows; i++) {
    if (m[i].length !== columns) {
      issues.push(issue("ragged_matrix", [name], { row: i + 1, actual: m[i].length, expected: columns }));
      continue;
    }
    for (let k = 0; k < columns; k++) {
      const bad = checkValue(m[i][k], name, i, k);
      if (bad) issues.push(bad);
    }
  }
  return issues;
}
