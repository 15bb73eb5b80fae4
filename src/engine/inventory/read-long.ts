/**
 * The long layout (docs/design.md §5 ①, the CEADs "emission vector"): one row per city × (sector) × year
 * with the value in an Emissions/排放量 column. Rows may come in any order.
 */
import { isBlank, readYearCell } from "../cells";
import { issue, type Result } from "../issues";
import { InventoryBuilder, labelLetters } from "./builder";
import { readLabelCell, readValueCell } from "./cell-read";
import type { LayoutDetection } from "./detect";
import { gridAt, gridCell, type Grid } from "./grid";
import type { Inventory } from "./model";
import { rowSteps, runSteps, type RowReader } from "./rows";
import { UnitSource, type UnitOptions } from "./unit-source";

/**
 * Reads a long-layout inventory. A row whose sector, year and value cells are all blank is skipped
 * (blank lines, footnotes); a blank value is a gap. Rejected (each with its cell): a value that is
 * not a number or is negative, a bad or blank year, a blank city or sector next to a value, a unit
 * that is unknown, not a mass, or missing, and a second entry for the same city, sector and year.
 *
 * @param d a "long" detection from {@link detectLayout}.
 * @example readLong(grid, detectLayout(grid).value, { unit: "Mt" })
 */
export function readLong(g: Grid, d: LayoutDetection, options: UnitOptions = {}): Result<Inventory> {
  return runSteps(rowSteps(longRows(g, d, options), Infinity));
}

/**
 * The long layout's {@link RowReader} over `g` (what {@link readLong} runs in one go, and the chunked
 * reader a slice at a time). Throws when `d` is not a long-layout detection (a programming error).
 * @example runSteps(rowSteps(longRows(grid, detection, { unit: "Mt" }), 5000)) // same as readLong
 */
export function longRows(g: Grid, d: LayoutDetection, options: UnitOptions = {}): RowReader {
  const { city, sector, year, emissions, unit } = d.columns;
  if (city === undefined || year === undefined || emissions === undefined) throw new Error("readLong needs a long-layout detection");
  const b = new InventoryBuilder(g.sheet, "long", sector !== undefined, "long");
  b.labelColumns = labelLetters(g, city, sector);
  const units = new UnitSource(g, b, options, unit, d.unitRow, [emissions], d.headerUnits, gridCell(g, d.headerRow, emissions), d.titleUnit);
  const issues = b.issues;
  const readRow = (r: number): void => {
    const yv = gridAt(g, r, year);
    const vv = gridAt(g, r, emissions);
    if (isBlank(yv) && isBlank(vv) && (sector === undefined || isBlank(gridAt(g, r, sector)))) return;
    const value = readValueCell(g, r, emissions, issues);
    const cityName = readLabelCell(g, r, city, issues);
    const sectorName = sector === undefined ? "" : readLabelCell(g, r, sector, issues);
    let y: number | undefined;
    if (isBlank(yv)) {
      if (value !== "blank") issues.push(issue("year_blank", ["inventory", r, year], { cell: gridCell(g, r, year) }));
    } else {
      const yc = readYearCell(typeof yv === "string" ? yv.replace(/年\s*$/, "") : yv, ["inventory", r, year]);
      if (yc.kind === "invalid") issues.push({ ...yc.issue, cell: gridCell(g, r, year) });
      else if (yc.kind === "number") y = yc.value;
    }
    if (value === "blank") return;
    if (cityName === "") issues.push(issue("inventory_city_blank", ["inventory", r, city], { cell: gridCell(g, r, city) }));
    if (sector !== undefined && sectorName === "") issues.push(issue("inventory_sector_blank", ["inventory", r, sector], { cell: gridCell(g, r, sector) }));
    if (value === "invalid" || !cityName || sectorName === undefined || (sector !== undefined && sectorName === "") || y === undefined) return;
    // A value without a usable unit is still entered (unit -1), so that duplicates are found too;
    // its unit issue already makes the read fail.
    const u = units.at(r, emissions);
    b.add(cityName, sectorName, y, value, typeof u === "number" ? u : -1, g.origin.row + r, g.origin.col + emissions);
  };
  return {
    firstRow: d.dataRow,
    endRow: g.values.length,
    cellsPerRow: 3 + (sector === undefined ? 0 : 1) + (unit === undefined ? 0 : 1),
    readRow,
    finish: (slice) => {
      units.warnOddRows();
      return b.buildSteps(gridCell(g, d.headerRow, emissions), slice);
    },
  };
}
