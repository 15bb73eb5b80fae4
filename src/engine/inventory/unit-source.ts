/**
 * Where a value's unit comes from, most specific first: the row's Unit/单位 cell, the column's cell in a
 * units row, a unit in the column header ("Emissions (Mt)"), a unit in a title row ("Unit: Mt",
 * "单位：万吨"), a unit stated in the workbook's notes (CEADs' NOTE sheet: "Unit/单位 | million tones
 * 百万吨"), and finally the unit chooser. A missing unit with no chooser is an issue — unless the
 * caller reads without one (`unitOptional`: units only label values, a peak year does not depend on
 * them); so is a unit that is unknown or not a mass (tce is energy).
 * Each unit cell is judged once: a bad unit cell is reported once, and the values it governs are
 * skipped without further issues.
 */
import { isBlank } from "../cells";
import { issue, type Issue } from "../issues";
import { unitLabel, unitOf } from "../units";
import { UNSTATED, type InventoryBuilder } from "./builder";
import { gridAt, gridCell, cellText, type Grid } from "./grid";

/** A resolved unit index (see {@link InventoryBuilder.unitIndex}), or why there is none. */
export type UnitLookup = number | "missing" | "invalid";

/** A unit stated outside the sheet's table (a NOTE sheet), with its cell. */
export interface StatedUnit {
  readonly label: string;
  /** Its address, e.g. "NOTE!B7". */
  readonly cell: string;
}

/** Options shared by every reader. */
export interface UnitOptions {
  /** The unit chooser: used for values with no unit on the sheet (t, 万t, Mt, 亿t …). */
  readonly unit?: string;
  /**
   * Read on when no unit is stated anywhere: the inventory's unit is then "" ("unit not stated"),
   * its values as written. Default false: a missing unit is an `inventory_unit_missing` issue.
   */
  readonly unitOptional?: boolean;
  /**
   * How the caller's choosers are named in messages: `{ unit: "--unit", year: "--year" }` for the
   * CLI; default "the unit chooser" (the task pane's).
   */
  readonly choosers?: { readonly unit?: string; readonly year?: string };
  /** A unit stated in the workbook's notes (see `unitInNotes`). */
  readonly noteUnit?: StatedUnit;
}

/** Judges a unit label; pushes an issue (at `cell`) when it is unknown or not a mass unit. */
function judge(label: string, b: InventoryBuilder, issues: Issue[], path: (string | number)[], cell?: string): UnitLookup {
  const u = unitOf(label);
  if (u === undefined) {
    issues.push(issue("unknown_unit", path, { value: label, ...(cell ? { cell } : {}) }));
    return "invalid";
  }
  if (u.kind !== "mass") {
    issues.push(issue("inventory_unit_not_mass", path, { value: label, ...(cell ? { cell } : {}) }));
    return "invalid";
  }
  return b.unitIndex({ label: unitLabel(label), toTonnes: u.factor });
}

/** Resolves units for a reader over one grid. */
export class UnitSource {
  private readonly chooser: UnitLookup | undefined;
  private readonly sheetUnit: UnitLookup | undefined;
  private readonly noteUnit: UnitLookup | undefined;
  private readonly optional: boolean;
  private readonly chooserName: string | undefined;
  private readonly byColumn = new Map<number, UnitLookup>();
  private missingReported = false;

  /**
   * @param unitColumn zero-based column of a Unit/单位 column, if any.
   * @param unitRow zero-based row of a units row, if any (applies to `valueColumns`).
   * @param headerUnits units named in header cells, by column.
   */
  constructor(
    private readonly g: Grid,
    private readonly b: InventoryBuilder,
    options: UnitOptions,
    private readonly unitColumn: number | undefined,
    unitRow: number | undefined,
    valueColumns: readonly number[],
    headerUnits: ReadonlyMap<number, string>,
    private readonly anchor: string,
    titleUnit?: { readonly label: string; readonly row: number; readonly col: number },
  ) {
    const chosen = options.unit;
    this.optional = options.unitOptional === true;
    this.chooserName = options.choosers?.unit;
    if (chosen !== undefined && !isBlank(chosen)) this.chooser = judge(chosen, b, b.issues, ["unit"]);
    if (options.noteUnit) this.noteUnit = judge(options.noteUnit.label, b, b.issues, ["unit"], options.noteUnit.cell);
    if (titleUnit) this.sheetUnit = judge(titleUnit.label, b, b.issues, ["inventory", titleUnit.row, titleUnit.col], gridCell(g, titleUnit.row, titleUnit.col));
    for (const c of valueColumns) {
      const v = unitRow !== undefined ? gridAt(g, unitRow, c) : null;
      if (unitRow !== undefined && !isBlank(v)) {
        this.byColumn.set(c, judge(cellText(v), b, b.issues, ["inventory", unitRow, c], gridCell(g, unitRow, c)));
      } else {
        const h = headerUnits.get(c);
        if (h !== undefined) this.byColumn.set(c, judge(h, b, b.issues, ["inventory", c], undefined));
      }
    }
  }

  /** The unit of the value at zero-based (r, c); each unit cell is judged (and reported) once. */
  at(r: number, c: number): UnitLookup {
    if (this.unitColumn !== undefined) {
      if (r !== this.lastRow) {
        this.lastRow = r;
        this.lastLookup = this.rowUnit(r, this.unitColumn);
      }
      if (this.lastLookup !== undefined) return this.lastLookup;
    }
    const col = this.byColumn.get(c);
    if (col !== undefined) return col;
    if (this.sheetUnit !== undefined) return this.sheetUnit;
    if (this.noteUnit !== undefined) return this.noteUnit;
    if (this.chooser !== undefined) return this.chooser;
    if (this.optional) return this.b.unitIndex(UNSTATED);
    if (!this.missingReported) {
      this.missingReported = true;
      this.b.issues.push(
        issue("inventory_unit_missing", ["unit"], { cell: this.anchor, ...(this.chooserName !== undefined ? { chooser: this.chooserName } : {}) }),
      );
    }
    return "missing";
  }

  private lastRow = -1;
  private lastLookup: UnitLookup | undefined;

  /** The row's unit cell: undefined when blank and something else (column unit, chooser) can stand in. */
  private rowUnit(r: number, uc: number): UnitLookup | undefined {
    const v = gridAt(this.g, r, uc);
    if (isBlank(v)) {
      if (this.byColumn.size > 0 || this.sheetUnit !== undefined || this.noteUnit !== undefined || this.chooser !== undefined) return undefined;
      this.b.issues.push(issue("inventory_unit_blank", ["inventory", r, uc], { cell: gridCell(this.g, r, uc) }));
      return "missing";
    }
    const label = cellText(v) || String(v);
    const cached = this.labelCache.get(label);
    if (cached !== undefined && cached !== "invalid") return cached;
    const u = judge(label, this.b, this.b.issues, ["inventory", r, uc], gridCell(this.g, r, uc));
    this.labelCache.set(label, u);
    return u;
  }

  private readonly labelCache = new Map<string, UnitLookup>();
}
