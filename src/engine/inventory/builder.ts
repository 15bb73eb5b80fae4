/**
 * Collects the values a reader accepts and turns them into an {@link Inventory}: assigns city,
 * sector and year positions, reports duplicate (city, sector, year) entries naming both cells,
 * and brings mixed units to tonnes. Internal to the readers.
 */
import { cellAddress, columnLetters } from "./address";
import type { Grid } from "./grid";
import { fail, issue, ok, type Issue, type Result } from "../issues";
import type { InventoryLayout, LayoutShape } from "./detect";
import { TOTAL_SECTOR, type Inventory } from "./model";
import { runSteps, type InventoryProgress } from "./rows";

/** A unit in use: its label as written and tonnes per unit. */
export interface UnitUse {
  readonly label: string;
  readonly toTonnes: number;
  /** False for {@link UNSTATED}: values whose unit nobody states (counted as 1 internally). */
  readonly stated?: boolean;
}

/** The "unit" of values read without one, when the caller lets a read go on without a unit. */
export const UNSTATED: UnitUse = { label: "", toTonnes: 1, stated: false };

/**
 * The column letters of a reader's City and Sector columns (zero-based grid columns), for
 * `Inventory.labelColumns`; undefined when it has neither.
 * @example labelLetters(grid, 0, 1) // { city: "A", sector: "B" } for a grid starting at A1
 */
export function labelLetters(g: Grid, city: number | undefined, sector: number | undefined): { city?: string; sector?: string } | undefined {
  if (city === undefined && sector === undefined) return undefined;
  const letters = (c: number) => columnLetters(g.origin.col + c);
  return { ...(city !== undefined ? { city: letters(city) } : {}), ...(sector !== undefined ? { sector: letters(sector) } : {}) };
}

/** Accumulates accepted values; `issues` and `warnings` collect everything found on the way. */
export class InventoryBuilder {
  readonly issues: Issue[] = [];
  readonly warnings: Issue[] = [];
  private readonly cityIds = new Map<string, number>();
  private readonly sectorIds = new Map<string, number>();
  private readonly units: UnitUse[] = [];
  private readonly eCity: number[] = [];
  private readonly eSector: number[] = [];
  private readonly eYear: number[] = [];
  private readonly eValue: number[] = [];
  private readonly eUnit: number[] = [];
  private readonly eRow: number[] = [];
  private readonly eCol: number[] = [];
  private readonly eScope2: number[] = [];
  /** The City and Sector label columns (letters), when the reader has one column for each (see `Inventory.labelColumns`). */
  labelColumns: { city?: string; sector?: string } | undefined;
  /** The first unit-less value's cell, for the issue when stated and unstated units meet. */
  private unstatedAt: string | undefined;

  constructor(
    private readonly sheet: string,
    private readonly layout: InventoryLayout,
    private readonly hasSectors: boolean,
    private readonly shape: LayoutShape,
  ) {}

  /** Registers a unit (units with the same size share one index; {@link UNSTATED} has its own). */
  unitIndex(u: UnitUse): number {
    const i = this.units.findIndex((x) => x.toTonnes === u.toTonnes && (x.stated !== false) === (u.stated !== false));
    if (i >= 0) return i;
    this.units.push(u);
    return this.units.length - 1;
  }

  /** The unit registered under an index. */
  unitUse(index: number): UnitUse {
    return this.units[index];
  }

  /** Tonnes per unit of a registered unit. */
  unitFactor(index: number): number {
    return this.units[index].toTonnes;
  }

  /**
   * Adds one accepted value. `row`/`col` are the 1-based sheet coordinates of its cell; `unit` is
   * a {@link unitIndex} or -1 when the value has no usable unit (an issue already reported).
   * `sector` is ignored (TOTAL_SECTOR) when the inventory has no sectors.
   */
  add(city: string, sector: string, year: number, value: number, unit: number, row: number, col: number, scope2 = NaN): void {
    let c = this.cityIds.get(city);
    if (c === undefined) this.cityIds.set(city, (c = this.cityIds.size));
    const sName = this.hasSectors ? sector : TOTAL_SECTOR;
    let s = this.sectorIds.get(sName);
    if (s === undefined) this.sectorIds.set(sName, (s = this.sectorIds.size));
    this.eCity.push(c);
    this.eSector.push(s);
    this.eYear.push(year);
    this.eValue.push(value);
    this.eUnit.push(unit);
    this.eRow.push(row);
    this.eCol.push(col);
    this.eScope2.push(scope2);
    if (unit >= 0 && this.units[unit].stated === false && this.unstatedAt === undefined) this.unstatedAt = cellAddress(this.sheet, row, col);
  }

  /** Number of values added so far. */
  get size(): number {
    return this.eValue.length;
  }

  /**
   * The inventory, or every issue found (duplicates included): {@link buildSteps} run to the end at once.
   * @param anchor address named by an `inventory_no_values` issue (the header cell).
   */
  build(anchor: string): Result<Inventory> {
    return runSteps(this.buildSteps(anchor, Infinity));
  }

  /**
   * The steps of {@link build}: places the values added, about `sliceEntries` of them per step, yielding
   * `summarising` progress (values placed of all added) before the first slice and after each one.
   * @param sliceEntries values per slice, > 0 (`Infinity`: all in one).
   * @example runSteps(builder.buildSteps("Inventory!A1", 10_000)) // same as builder.build("Inventory!A1")
   */
  *buildSteps(anchor: string, sliceEntries: number): Generator<InventoryProgress, Result<Inventory>, void> {
    const issues = this.issues;
    const years = [...new Set(this.eYear)].sort((a, b) => a - b);
    const yearPos = new Map(years.map((y, i) => [y, i]));
    const cities = [...this.cityIds.keys()];
    const sectors = [...this.sectorIds.keys()];
    const Y = years.length;
    const S = sectors.length;
    const n = cities.length * S * Y;
    const values = new Float64Array(n).fill(NaN);
    const sourceRows = new Int32Array(n);
    const sourceCols = new Int32Array(n);
    const scope2 = this.eScope2.some((x) => x > 0) ? new Float64Array(n).fill(NaN) : undefined;
    // Units are registered when judged (a chooser may go unused): what counts is the units values use.
    const used = new Set(this.eUnit);
    const mixed = used.size > 1;
    if (mixed && this.unstatedAt !== undefined) issues.push(issue("inventory_unit_missing", ["unit"], { cell: this.unstatedAt }));
    const entries = this.eValue.length;
    const per = Math.max(1, Math.floor(sliceEntries));
    yield { phase: "summarising", done: 0, total: entries };
    for (let e = 0; e < entries;) {
      const end = Math.min(entries, e + per);
      for (; e < end; e++) {
        const i = (this.eCity[e] * S + this.eSector[e]) * Y + yearPos.get(this.eYear[e])!;
        if (sourceRows[i] !== 0) {
          issues.push(
            issue("inventory_duplicate_entry", ["inventory", this.eRow[e] - 1, this.eCol[e] - 1], {
              cell: cellAddress(this.sheet, this.eRow[e], this.eCol[e]),
              city: cities[this.eCity[e]],
              sector: this.hasSectors ? sectors[this.eSector[e]] : undefined,
              year: this.eYear[e],
              first: cellAddress(this.sheet, sourceRows[i], sourceCols[i]),
            }),
          );
          continue;
        }
        const u = this.eUnit[e];
        const k = mixed && u >= 0 ? this.units[u].toTonnes : 1;
        values[i] = this.eValue[e] * k;
        if (scope2 !== undefined) scope2[i] = this.eScope2[e] * k;
        sourceRows[i] = this.eRow[e];
        sourceCols[i] = this.eCol[e];
      }
      yield { phase: "summarising", done: e, total: entries };
    }
    if (issues.length === 0 && this.eValue.length === 0) {
      issues.push(issue("inventory_no_values", ["inventory"], { sheet: this.sheet, cell: anchor }));
    }
    if (issues.length > 0) return fail(issues);
    const unit = mixed ? { label: "t", toTonnes: 1 } : this.units[this.eUnit[0]];
    const stated = unit.stated !== false;
    return ok(
      {
        layout: this.layout,
        shape: this.shape,
        sheet: this.sheet,
        sheets: [this.sheet],
        cities,
        sectors,
        hasSectors: this.hasSectors,
        years,
        values,
        unit: stated ? unit.label : "",
        toTonnes: stated ? unit.toTonnes : NaN,
        sourceRows,
        sourceCols,
        sourceSheets: new Uint16Array(n),
        ...(scope2 !== undefined ? { scope2 } : {}),
        ...(this.labelColumns !== undefined ? { labelColumns: this.labelColumns } : {}),
      },
      this.warnings,
    );
  }
}
