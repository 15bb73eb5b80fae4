/**
 * One inventory from several read separately — the sheets of one workbook that each hold a region
 * and a year (CEADs' `Beijing2019` … `Xinjiang2019`, or the national `1997` … `2019`): cities, sectors
 * and years are united (in order of first appearance; years ascending), every value keeps its sheet
 * and cell, and a (city, sector, year) given by two sheets is an issue naming both cells.
 */
import { cellAddress } from "./address";
import { fail, issue, ok, type Issue, type Result } from "../issues";
import { TOTAL_SECTOR, type Inventory } from "./model";

function union<T>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<T>();
  for (const l of lists) for (const x of l) seen.add(x);
  return [...seen];
}

/**
 * Merges inventories into one. Units: kept when every part has the same (the first part's label);
 * brought to tonnes ("t") when they differ; unstated when none states one — a part with a unit and a
 * part without is an `inventory_unit_missing` issue at the first unit-less part's first cell.
 * Fails with every duplicate (city, sector, year), naming both cells. Parts must not be empty.
 * @example mergeInventories([beijing2019, tianjin2019]).value.cities // ["Beijing", "Tianjin"]
 */
export function mergeInventories(parts: readonly Inventory[]): Result<Inventory> {
  if (parts.length === 0) throw new Error("mergeInventories needs at least one inventory");
  if (parts.length === 1) return ok(parts[0]);
  const issues: Issue[] = [];
  const sheets = union(parts.map((p) => p.sheets));
  const cities = union(parts.map((p) => p.cities));
  const hasSectors = parts.some((p) => p.hasSectors);
  const sectors = union(parts.map((p) => p.sectors));
  const years = union(parts.map((p) => p.years)).sort((a, b) => a - b);
  const stated = parts.filter((p) => p.unit !== "" && Number.isFinite(p.toTonnes));
  const unstated = parts.filter((p) => !(p.unit !== "" && Number.isFinite(p.toTonnes)));
  if (stated.length > 0 && unstated.length > 0) {
    const p = unstated[0];
    const i = p.sourceRows.findIndex((r) => r > 0);
    issues.push(issue("inventory_unit_missing", ["unit"], { cell: cellAddress(p.sheets[p.sourceSheets[i]], p.sourceRows[i], p.sourceCols[i]) }));
  }
  const same = stated.every((p) => p.toTonnes === stated[0]?.toTonnes);
  const unit =
    stated.length === 0 ? { label: "", toTonnes: NaN } : same ? { label: stated[0].unit, toTonnes: stated[0].toTonnes } : { label: "t", toTonnes: 1 };
  const C = cities.length;
  const S = sectors.length;
  const Y = years.length;
  const n = C * S * Y;
  const values = new Float64Array(n).fill(NaN);
  const sourceRows = new Int32Array(n);
  const sourceCols = new Int32Array(n);
  const sourceSheets = new Uint16Array(n);
  const withScope2 = parts.some((p) => p.scope2 !== undefined);
  const scope2 = withScope2 ? new Float64Array(n).fill(NaN) : undefined;
  const cityPos = new Map(cities.map((c, i) => [c, i]));
  const sectorPos = new Map(sectors.map((s, i) => [s, i]));
  const yearPos = new Map(years.map((y, i) => [y, i]));
  const sheetPos = new Map(sheets.map((s, i) => [s, i]));
  for (const p of parts) {
    const k = same || stated.length === 0 ? 1 : p.toTonnes;
    const pS = p.sectors.length;
    const pY = p.years.length;
    for (let c = 0; c < p.cities.length; c++) {
      for (let s = 0; s < pS; s++) {
        for (let y = 0; y < pY; y++) {
          const from = (c * pS + s) * pY + y;
          if (p.sourceRows[from] === 0) continue;
          const to = (cityPos.get(p.cities[c])! * S + sectorPos.get(p.sectors[s])!) * Y + yearPos.get(p.years[y])!;
          const sheet = p.sheets[p.sourceSheets[from]];
          if (sourceRows[to] !== 0) {
            issues.push(
              issue("inventory_duplicate_entry", ["inventory"], {
                cell: cellAddress(sheet, p.sourceRows[from], p.sourceCols[from]),
                city: p.cities[c],
                sector: hasSectors && p.sectors[s] !== TOTAL_SECTOR ? p.sectors[s] : undefined,
                year: p.years[y],
                first: cellAddress(sheets[sourceSheets[to]], sourceRows[to], sourceCols[to]),
              }),
            );
            continue;
          }
          values[to] = p.values[from] * k;
          if (scope2 !== undefined && p.scope2 !== undefined) scope2[to] = p.scope2[from] * k;
          sourceRows[to] = p.sourceRows[from];
          sourceCols[to] = p.sourceCols[from];
          sourceSheets[to] = sheetPos.get(sheet)!;
        }
      }
    }
  }
  if (issues.length > 0) return fail(issues);
  const first = parts[0];
  return ok({
    layout: first.layout,
    shape: first.shape,
    sheet: sheets[0],
    sheets,
    cities,
    sectors,
    hasSectors,
    years,
    values,
    unit: unit.label,
    toTonnes: unit.toTonnes,
    sourceRows,
    sourceCols,
    sourceSheets,
    ...(scope2 !== undefined ? { scope2 } : {}),
  });
}
