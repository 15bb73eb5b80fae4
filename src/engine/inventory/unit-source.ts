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
    if (cached !== undefined && cached !== "invalid") {
      if (typeof cached === "number") this.noteRow(cached, r, uc);
      return cached;
    }
    const u = judge(label, this.b, this.b.issues, ["inventory", r, uc], gridCell(this.g, r, uc));
    this.labelCache.set(label, u);
    if (typeof u === "number") this.noteRow(u, r, uc);
    return u;
  }

  /** Rows whose own unit cell gave their unit, by unit index (zero-based row, column). */
  private readonly rowsByUnit = new Map<number, [number, number][]>();

  private noteRow(u: number, r: number, c: number): void {
    const list = this.rowsByUnit.get(u);
    if (list) list.push([r, c]);
    else this.rowsByUnit.set(u, [[r, c]]);
  }

  /**
   * Warns at the unit cell of each row whose unit differs from the one most rows' unit cells state (more
   * than half of them; docs/inventories.md): one row in kt among 23 in Mt is most likely a typo, and its
   * values are converted silently. One `inventory_unit_odd_row` warning per other unit, at its first row,
   * naming the rest. Units of the same size ("Mt", "Mt CO2", "百万吨") are one unit. Call once, after the
   * last row.
   */
  warnOddRows(): void {
    const total = [...this.rowsByUnit.values()].reduce((n, l) => n + l.length, 0);
    const usual = [...this.rowsByUnit].find(([, l]) => l.length * 2 > total);
    if (usual === undefined || usual[1].length === total) return;
    const [m, mRows] = usual;
    const to = this.b.unitUse(m);
    for (const [u, rows] of this.rowsByUnit) {
      if (u === m) continue;
      const from = this.b.unitUse(u);
      const [r, c] = rows[0];
      const more = rows.slice(1, 6).map(([rr, cc]) => gridCell(this.g, rr, cc).replace(/^.*!/, ""));
      this.b.warnings.push(
        issue("inventory_unit_odd_row", ["inventory", r, c], {
          cell: gridCell(this.g, r, c),
          unit: from.label,
          usual: to.label,
          count: mRows.length,
          total,
          sheet: this.g.sheet,
          ratio: Number((from.toTonnes / to.toTonnes).toPrecision(6)),
          ...(rows.length > 1
            ? {
                more: `${more.join(", ")}${rows.length > 6 ? ` and ${rows.length - 6} more` : ""}`,
                moreZh: `${more.join("、")}${rows.length > 6 ? ` 等 ${rows.length - 1} 行` : ""}`,
              }
            : {}),
        }),
      );
    }
  }

  private readonly labelCache = new Map<string, UnitLookup>();
}
