/**
 * Reading one inventory cell as a value or a label, with the issue (carrying the cell's address)
 * when it is rejected. Built on `cells.ts`: blank is a gap, text/logical/error values are rejected.
 */
import { excelErrorText, isBlank, readNumberCell, UncachedFormula } from "../cells";
import { issue, type Issue } from "../issues";
import { gridAt, gridCell, type Grid } from "./grid";

/** A value cell: a number ≥ 0, a gap, or rejected (its issue pushed to `issues`). */
export function readValueCell(g: Grid, r: number, c: number, issues: Issue[]): number | "blank" | "invalid" {
  const v = gridAt(g, r, c);
  if (v instanceof Date) {
    // A date where a number belongs (an .xlsx read by ExcelJS; Excel itself sends dates as serial numbers).
    issues.push(issue("not_a_number", ["inventory", r, c], { value: dateText(v), cell: gridCell(g, r, c) }));
    return "invalid";
  }
  const cell = readNumberCell(v, ["inventory", r, c]);
  if (cell.kind === "blank") return "blank";
  if (cell.kind === "invalid") {
    issues.push({ ...cell.issue, cell: gridCell(g, r, c) });
    return "invalid";
  }
  if (cell.value < 0) {
    issues.push(issue("negative_value", ["inventory", r, c], { value: cell.value, cell: gridCell(g, r, c) }));
    return "invalid";
  }
  return cell.value;
}

/** A date as yyyy-mm-dd (UTC, as .xlsx dates are stored). */
function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? "invalid date" : d.toISOString().slice(0, 10);
}

/**
 * A label cell (city, sector): text trimmed, a number as written (e.g. an admin code 430100),
 * "" for blank; undefined (issue pushed) for a logical or error value, or a formula the file holds no
 * computed value for (`formula_uncached`, naming the cell).
 */
export function readLabelCell(g: Grid, r: number, c: number, issues: Issue[]): string | undefined {
  const v = gridAt(g, r, c);
  if (isBlank(v)) return "";
  if (typeof v === "string") {
    const err = excelErrorText(v);
    if (err === undefined) return v.trim();
  }
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (v instanceof UncachedFormula) {
    issues.push(issue("formula_uncached", ["inventory", r, c], { formula: v.formula, cell: gridCell(g, r, c) }));
    return undefined;
  }
  const err = v instanceof Date ? undefined : excelErrorText(v);
  if (err !== undefined) issues.push(issue("excel_error", ["inventory", r, c], { value: err, cell: gridCell(g, r, c) }));
  else issues.push(issue("not_text", ["inventory", r, c], { value: v instanceof Date ? dateText(v) : String(v), cell: gridCell(g, r, c) }));
  return undefined;
}
