/**
 * The inventory the readers produce and the engine consumes: emissions by city × sector × year in
 * one dense array, gaps as NaN (a blank is a gap, never a zero), with the unit and where every
 * value came from on the sheet.
 */
import { cellIndex } from "../layout";
import { cellAddress } from "./address";
import type { InventoryLayout, LayoutShape } from "./detect";

/** The sector name used when an inventory has no sector dimension (city totals). */
export const TOTAL_SECTOR = "Total";

/**
 * Emissions by city × sector × year.
 *
 * `values[(c * sectors.length + s) * years.length + y]` is city `c`, sector `s`, year `y` in `unit`
 * (multiply by `toTonnes` for tCO2); NaN is a gap. Cities and sectors are in the order they first
 * appear on the sheet; years ascend and only years with at least one value are present (an empty
 * year column is skipped). Cities and sectors appear only if they have at least one value.
 */
export interface Inventory {
  readonly layout: InventoryLayout;
  /** What the sheet's rows and columns were (e.g. `sectors-fuels` for a CEADs provincial sheet). */
  readonly shape: LayoutShape;
  /** The sheet it was read from (the first one when several were read: see `sheets`). */
  readonly sheet: string;
  /** Every sheet read, in order (one, or e.g. the 30 `<Province>2019` sheets of a CEADs workbook). */
  readonly sheets: readonly string[];
  readonly cities: readonly string[];
  /** Sector names; `[TOTAL_SECTOR]` when the sheet has no sector column (`hasSectors` false). */
  readonly sectors: readonly string[];
  readonly hasSectors: boolean;
  readonly years: readonly number[];
  readonly values: Float64Array;
  /**
   * Unit of `values` as the sheet (or the chooser) states it, shown without "CO2" (`unitLabel`:
   * "Mt CO2" → "Mt"); `"t"` when the sheet mixed units (values converted); `""` when no unit is
   * stated and the reader was asked to go on without one (see {@link unitStated}).
   */
  readonly unit: string;
  /** Tonnes per one `unit` (1e6 for Mt, 1e4 for 万t); NaN when no unit is stated. */
  readonly toTonnes: number;
  /** 1-based sheet row and column of each value's cell; 0 for a gap. Same indexing as `values`. */
  readonly sourceRows: Int32Array;
  readonly sourceCols: Int32Array;
  /** Index into `sheets` of each value's sheet. Same indexing as `values`. */
  readonly sourceSheets: Uint16Array;
  /**
   * Scope-2 emissions (purchased electricity and heat: CEADs' `Scope_2_*` columns), kept apart from
   * `values` (scope 1) — present only when some scope-2 value is not zero. Same indexing and unit.
   */
  readonly scope2?: Float64Array;
  /**
   * The column letters of the City and Sector labels when one sheet's column holds each (wide and long
   * layouts), so that a problem with a name can point to its cell (`Inventory!A18`); absent otherwise.
   */
  readonly labelColumns?: { readonly city?: string; readonly sector?: string };
}

/** Whether the inventory's unit is stated (by the sheet or the chooser). @example unitStated(inv) // true */
export function unitStated(inv: Inventory): boolean {
  return inv.unit !== "" && Number.isFinite(inv.toTonnes);
}

/**
 * Index into `values` of (city, sector, year) positions.
 * @example inventoryIndex(inv, 0, 0, inv.years.length - 1) // first city, first sector, last year
 */
export function inventoryIndex(inv: Inventory, city: number, sector: number, year: number): number {
  return cellIndex(inv, city, sector, year);
}

/**
 * The value for a city, sector and calendar year, in `inv.unit`; NaN for a gap or for a name or
 * year the inventory does not have. Without sectors pass `TOTAL_SECTOR` (or omit it).
 * @example inventoryValue(inv, "湖南长沙", TOTAL_SECTOR, 2019) // 32.45… (Mt)
 */
export function inventoryValue(inv: Inventory, city: string, sector: string = TOTAL_SECTOR, year: number): number {
  const c = inv.cities.indexOf(city);
  const s = inv.sectors.indexOf(sector);
  const y = inv.years.indexOf(year);
  return c < 0 || s < 0 || y < 0 ? NaN : inv.values[inventoryIndex(inv, c, s, y)];
}

/**
 * Sheet address of the cell a value came from (`"Inventory!D7"`), or undefined for a gap.
 * @example inventorySource(inv, 0, 0, 0) // "Inventory!C2"
 */
export function inventorySource(inv: Inventory, city: number, sector: number, year: number): string | undefined {
  const i = inventoryIndex(inv, city, sector, year);
  return inv.sourceRows[i] > 0 ? cellAddress(inv.sheets[inv.sourceSheets[i]], inv.sourceRows[i], inv.sourceCols[i]) : undefined;
}

/** All values in tCO2 (a new array; gaps stay NaN). @example inventoryTonnes(inv)[0] // 3.245e7 */
export function inventoryTonnes(inv: Inventory): Float64Array {
  const out = new Float64Array(inv.values.length);
  for (let i = 0; i < out.length; i++) out[i] = inv.values[i] * inv.toTonnes;
  return out;
}

/** One (city, sector) value of a year, with where it came from — the shape of a scenario inventory row. */
export interface InventoryYearRow {
  readonly city: string;
  readonly sector: string;
  /** In the inventory's unit. */
  readonly value: number;
  readonly source: {
    readonly sheet: string;
    readonly row: number;
    readonly columns: { readonly value: string; readonly city?: string; readonly sector?: string };
  };
}

/**
 * The values of one year as rows (city, sector, value, source), skipping gaps — e.g. the base-year
 * emissions a scenario starts from. Empty when the inventory has no such year.
 * @example inventoryRowsForYear(inv, 2019)[0] // { city: "湖南长沙", sector: "Total", value: 32.45…, source: … }
 */
export function inventoryRowsForYear(inv: Inventory, year: number): InventoryYearRow[] {
  const y = inv.years.indexOf(year);
  const out: InventoryYearRow[] = [];
  if (y < 0) return out;
  for (let c = 0; c < inv.cities.length; c++) {
    for (let s = 0; s < inv.sectors.length; s++) {
      const i = inventoryIndex(inv, c, s, y);
      if (Number.isNaN(inv.values[i])) continue;
      const addr = cellAddress(undefined, inv.sourceRows[i], inv.sourceCols[i]);
      out.push({
        city: inv.cities[c],
        sector: inv.sectors[s],
        value: inv.values[i],
        source: { sheet: inv.sheets[inv.sourceSheets[i]], row: inv.sourceRows[i], columns: { value: addr.replace(/\d+$/, ""), ...inv.labelColumns } },
      });
    }
  }
  return out;
}
