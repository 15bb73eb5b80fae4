/**
 * A file's own totals (a total row such as CEADs' `TotalEmissions`, a total column such as
 * `Scope_1_Total`) used as checks of what the reader summed: a difference beyond rounding is a
 * warning naming the file's cell and the cells summed. One rule for every reader.
 */
import { issue, type Issue } from "../issues";
import type { InventoryBuilder } from "./builder";

const round6 = (x: number) => Number(x.toPrecision(6));

/**
 * Relative difference above which a file's own total (a total row or column) is reported as not
 * matching what it sums: 0.1%, well above floating-point rounding and the rounding of values
 * printed to 3–4 significant digits.
 */
export const TOTAL_TOLERANCE = 0.001;

/**
 * Whether a file's total differs from the sum of its parts beyond rounding ({@link TOTAL_TOLERANCE}
 * of the larger of the two, and more than 1e-9 of a unit).
 * @example beyondRounding(89.18, 89.1799) // false
 */
export function beyondRounding(total: number, sum: number): boolean {
  return Math.abs(total - sum) > Math.max(TOTAL_TOLERANCE * Math.max(Math.abs(total), Math.abs(sum)), 1e-9);
}

/** A total the file states (its cell) and the sum of the cells it should equal (their range), in tonnes. */
export interface TotalCheck {
  readonly cell: string;
  readonly label: string;
  readonly total: number;
  readonly range: string;
  readonly sum: number;
  readonly unit: number;
}

/** Pushes an `inventory_total_mismatch` warning for every check beyond rounding, in the check's unit. */
export function totalWarnings(b: InventoryBuilder, checks: readonly TotalCheck[], warnings: Issue[]): void {
  for (const c of checks) {
    if (!beyondRounding(c.total, c.sum)) continue;
    const u = b.unitUse(c.unit);
    warnings.push(
      issue("inventory_total_mismatch", ["inventory"], {
        cell: c.cell,
        label: c.label,
        range: c.range,
        total: round6(c.total / u.toTonnes),
        sum: round6(c.sum / u.toTonnes),
        unit: u.label,
        percent: Number(((100 * (c.sum - c.total)) / (c.total || 1)).toFixed(2)),
      }),
    );
  }
}
