/**
 * What an inventory read holds, summarised for the analyst to check against the file: the shape it
 * was read as, the unit (or none stated), every region with its total per year (the sum of its
 * sectors, in the inventory's own unit), the sectors and years — and what the totals leave out
 * (scope 2, sectors missing in a year). The CLI's `carbon-peak inventory` prints it; the task pane's
 * Inventory preview shows the same.
 */
import { issue, type Issue } from "../issues";
import type { LayoutShape } from "./detect";
import { unitStated, type Inventory } from "./model";

/** One region (city, province) and its totals by year. */
export interface RegionTotals {
  readonly name: string;
  /** Year → the sum of the sectors with a value that year (years with no value at all are left out). */
  readonly totals: Readonly<Record<string, number>>;
}

/** The summary of an inventory read. */
export interface InventorySummary {
  /** The shape read: `long`, `wide`, `sectors-years`, `sectors-fuels` or `years-fuels`. */
  readonly layout: LayoutShape;
  /** The unit as stated (`"Mt"`, `"万吨"`), or null when none is stated. */
  readonly unit: string | null;
  readonly regions: readonly RegionTotals[];
  /** Sector names; empty when the inventory has no sector dimension (city totals). */
  readonly sectors: readonly string[];
  readonly years: readonly number[];
  /** The sheets read (one, or e.g. 30 region-year sheets). */
  readonly sheets: readonly string[];
  /**
   * What the totals leave out, as warnings: `inventory_scope2` for every region-year with non-zero
   * scope 2 (kept apart), `inventory_total_partial` for a region whose sectors are not all given
   * in some year.
   */
  readonly warnings: readonly Issue[];
}

const round6 = (x: number) => Number(x.toPrecision(6));

/**
 * Summarises an inventory: per region and year the sum of its sectors (a year with no value is
 * left out; a year with some sectors missing sums the others and is named in a warning), scope 2
 * where non-zero (as warnings: it is not in the totals).
 * @example summarizeInventory(hunan2019).regions // [{ name: "Hunan", totals: { "2019": 310.64… } }]
 */
export function summarizeInventory(inv: Inventory): InventorySummary {
  const S = inv.sectors.length;
  const Y = inv.years.length;
  const warnings: Issue[] = [];
  const unit = unitStated(inv) ? inv.unit : null;
  const regions = inv.cities.map((name, c) => {
    const totals: Record<string, number> = {};
    const partial: number[] = [];
    for (let y = 0; y < Y; y++) {
      let sum = 0;
      let present = 0;
      let scope2 = 0;
      for (let s = 0; s < S; s++) {
        const i = (c * S + s) * Y + y;
        const v = inv.values[i];
        if (Number.isNaN(v)) continue;
        sum += v;
        present++;
        const x = inv.scope2?.[i];
        if (x !== undefined && x > 0) scope2 += x;
      }
      if (present === 0) continue;
      totals[String(inv.years[y])] = sum;
      if (present < S) partial.push(inv.years[y]);
      if (scope2 > 0) warnings.push(issue("inventory_scope2", [], { region: name, year: inv.years[y], value: round6(scope2), unit: unit ?? "" }));
    }
    if (partial.length > 0) warnings.push(issue("inventory_total_partial", [], { region: name, years: partial.join(", "), sectors: S }));
    return { name, totals };
  });
  return {
    layout: inv.shape,
    unit,
    regions,
    sectors: inv.hasSectors ? [...inv.sectors] : [],
    years: [...inv.years],
    sheets: [...inv.sheets],
    warnings,
  };
}
