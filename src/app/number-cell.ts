/**
 * How a number becomes an output cell — the one rule every sheet a run writes follows.
 */

/**
 * A number as a cell: NaN or ±Infinity (a gap in the measured history, a value not known) is a blank
 * cell, never a number a spreadsheet cannot store; −0 is 0.
 * @example numberCell(NaN) // null
 * @example numberCell(-0) // 0
 */
export const numberCell = (x: number): number | null => (Number.isFinite(x) ? x + 0 : null);
