/**
 * Recognising an inventory's layout (docs/design.md §5) from its headers:
 *
 * - **long**: a header row with City/城市, Year/年份 and Emissions/排放量 columns (Sector/部门 and
 *   Unit/单位 optional): one row per city × sector × year.
 * - **wide**: City/城市 (Sector, Unit optional) then one column per year (2005, "2005", "2005年").
 *   The years may sit in a second header row under a merged "Year / 年份" or "Emissions (Mt)" cell.
 * - **matrix**: sectors down, fuels across, for one region and year (the CEADs provincial IPCC-sectoral
 *   sheet): a Sector/部门 header (or a blank one over a `TotalEmissions` row) and fuel columns.
 *
 * Title and note rows above the header are skipped (the first 40 rows are searched). A row right
 * under the header whose value cells are all unit labels is a units row.
 */
import { fail, issue, ok, type Result } from "../issues";
import { cellText, gridAt, gridCell, gridWidth, type Grid } from "./grid";
import { EXPECTED_HEADERS, EXPECTED_HEADERS_ZH, headerRole, headerUnit, headerYear, isTotalLabel, matrixColumnKind, type HeaderRole, type MatrixColumnKind } from "./headers";
import { isBlank } from "../cells";

/** The three inventory layouts of docs/design.md §5. */
export type InventoryLayout = "long" | "wide" | "matrix";

/** A year column of a wide layout (zero-based grid column). */
export interface YearColumn {
  readonly col: number;
  readonly year: number;
  /** The header row holding the year (the second one under a merged "Year" cell). */
  readonly row: number;
}

/** A value column of a sector × fuel matrix. */
export interface MatrixColumn {
  readonly col: number;
  readonly header: string;
  readonly kind: MatrixColumnKind;
}

/** Where things are in a grid; rows and columns are zero-based grid indexes. */
export interface LayoutDetection {
  readonly layout: InventoryLayout;
  /** The (top) header row. */
  readonly headerRow: number;
  /** The first row after the header (and the units row, if any). */
  readonly dataRow: number;
  /** Columns by role (long: city, sector?, year, emissions, unit?; wide: city, sector?, unit?). */
  readonly columns: Readonly<Partial<Record<HeaderRole, number>>>;
  /** wide: the year columns, in sheet order (duplicates included: the reader reports them). */
  readonly yearColumns: readonly YearColumn[];
  /** matrix: the sector label column and the value columns. */
  readonly labelColumn?: number;
  readonly matrixColumns: readonly MatrixColumn[];
  /** A units row under the header (wide, matrix, long), if there is one. */
  readonly unitRow?: number;
  /** Units named in header cells, by column ("Emissions (Mt)" → "Mt"). */
  readonly headerUnits: ReadonlyMap<number, string>;
  /** A unit stated in a title row above the header ("Unit: Mt", "单位：万吨"), with its cell. */
  readonly titleUnit?: { readonly label: string; readonly row: number; readonly col: number };
}

const SCAN_ROWS = 40;

function rowRoles(g: Grid, r: number, width: number): Map<HeaderRole, number> {
  const roles = new Map<HeaderRole, number>();
  for (let c = 0; c < width; c++) {
    const role = headerRole(gridAt(g, r, c));
    if (role !== undefined && !roles.has(role)) roles.set(role, c);
  }
  return roles;
}

function rowYears(g: Grid, r: number, width: number): YearColumn[] {
  const out: YearColumn[] = [];
  for (let c = 0; c < width; c++) {
    const y = headerYear(gridAt(g, r, c));
    if (y !== undefined) out.push({ col: c, year: y, row: r });
  }
  return out;
}

/** A units row: label cells blank or "Unit", every non-blank value cell a non-numeric text, at least one. */
function isUnitRow(g: Grid, r: number, labelCols: readonly number[], valueCols: readonly number[]): boolean {
  if (r >= g.values.length) return false;
  for (const c of labelCols) {
    const v = gridAt(g, r, c);
    if (!isBlank(v) && headerRole(v) !== "unit") return false;
  }
  let texts = 0;
  for (const c of valueCols) {
    const v = gridAt(g, r, c);
    if (isBlank(v)) continue;
    if (typeof v !== "string" || headerYear(v) !== undefined || /^\s*[-+]?[\d.,]+\s*$/.test(v)) return false;
    texts++;
  }
  return texts > 0;
}

function unitsFromHeader(g: Grid, rows: readonly number[], cols: readonly number[]): Map<number, string> {
  const m = new Map<number, string>();
  for (const c of cols) {
    for (const r of rows) {
      const u = headerUnit(gridAt(g, r, c));
      if (u !== undefined) {
        m.set(c, u);
        break;
      }
    }
  }
  return m;
}

function finish(
  g: Grid,
  base: Omit<LayoutDetection, "dataRow" | "unitRow" | "headerUnits">,
  afterHeader: number,
  labelCols: readonly number[],
  valueCols: readonly number[],
  headerRows: readonly number[],
): LayoutDetection {
  const unitRow = isUnitRow(g, afterHeader, labelCols, valueCols) ? afterHeader : undefined;
  const headerUnits = unitsFromHeader(g, headerRows, valueCols);
  // A unit over a merged header spans the columns to its right ("Emissions (Mt)" over the years).
  if (headerRows.length === 2) {
    let carried: string | undefined;
    for (const c of valueCols) {
      const top = headerUnit(gridAt(g, headerRows[0], c));
      if (top !== undefined) carried = top;
      else if (!isBlank(gridAt(g, headerRows[0], c))) carried = undefined;
      if (carried !== undefined && !headerUnits.has(c)) headerUnits.set(c, carried);
    }
  }
  const titleUnit = unitInTitle(g, base.headerRow);
  return { ...base, dataRow: unitRow !== undefined ? unitRow + 1 : afterHeader, unitRow, headerUnits, ...(titleUnit ? { titleUnit } : {}) };
}

/** "Unit: Mt", "单位：万吨", "(unit: 10^4 t)" or a "Unit" cell followed by the unit, above the header. */
function unitInTitle(g: Grid, headerRow: number): LayoutDetection["titleUnit"] {
  const width = gridWidth(g);
  for (let r = 0; r < headerRow; r++) {
    for (let c = 0; c < width; c++) {
      const t = cellText(gridAt(g, r, c));
      if (t === "") continue;
      const m = /(?:^|[(（\s])(?:units?|单位)\s*[:：]\s*([^)）]+?)\s*(?:[)）]|$)/i.exec(t);
      if (m) return { label: m[1], row: r, col: c };
      if (headerRole(t) === "unit" && /^(units?|单位)$/i.test(t)) {
        const next = cellText(gridAt(g, r, c + 1));
        if (next !== "") return { label: next, row: r, col: c + 1 };
      }
    }
  }
  return undefined;
}

function detectAt(g: Grid, r: number, width: number): LayoutDetection | undefined {
  const roles = rowRoles(g, r, width);
  const city = roles.get("city");
  const sector = roles.get("sector");
  const columns = Object.fromEntries(roles) as Partial<Record<HeaderRole, number>>;
  if (city !== undefined) {
    const year = roles.get("year");
    const emissions = roles.get("emissions");
    // A title cell such as "City emissions by year" names several roles at once: not a header.
    if (year !== undefined && emissions !== undefined && new Set([city, year, emissions]).size === 3) {
      const labels = [city, sector, year, roles.get("unit")].filter((c): c is number => c !== undefined);
      return finish(g, { layout: "long", headerRow: r, columns, yearColumns: [], matrixColumns: [] }, r + 1, labels, [emissions], [r]);
    }
    let years = rowYears(g, r, width);
    let headerRows = [r];
    if (years.length === 0 && r + 1 < g.values.length && rowRoles(g, r + 1, width).size === 0) {
      // Two-row header: a merged "Year / 年份" (or "Emissions (Mt)") cell over the year numbers.
      years = rowYears(g, r + 1, width).filter((y) => {
        const above = gridAt(g, r, y.col);
        return isBlank(above) || roles.get("year") === y.col || roles.get("emissions") === y.col || headerYear(above) !== undefined;
      });
      headerRows = [r, r + 1];
    }
    if (years.length > 0) {
      const yearCols = new Set(years.map((y) => y.col));
      const labelRoles = (["city", "sector", "unit"] as const).filter((k) => roles.has(k) && !yearCols.has(roles.get(k)!));
      const labelColumns = Object.fromEntries(labelRoles.map((k) => [k, roles.get(k)!])) as Partial<Record<HeaderRole, number>>;
      const labels = labelRoles.map((k) => roles.get(k)!);
      return finish(
        g,
        { layout: "wide", headerRow: r, columns: labelColumns, yearColumns: years, matrixColumns: [] },
        r + headerRows.length,
        labels,
        years.map((y) => y.col),
        headerRows,
      );
    }
    return undefined;
  }
  if (sector !== undefined && !roles.has("year")) return matrixAt(g, r, sector, width);
  return undefined;
}

function matrixAt(g: Grid, r: number, label: number, width: number): LayoutDetection | undefined {
  const cols: MatrixColumn[] = [];
  for (let c = label + 1; c < width; c++) {
    const v = gridAt(g, r, c);
    const text = cellText(v);
    if (text === "" || headerRole(v) === "unit" || headerYear(v) !== undefined) continue;
    cols.push({ col: c, header: text, kind: matrixColumnKind(v) });
  }
  if (cols.length === 0) return undefined;
  return finish(
    g,
    { layout: "matrix", headerRow: r, columns: { sector: label }, yearColumns: [], labelColumn: label, matrixColumns: cols },
    r + 1,
    [label],
    cols.map((c) => c.col),
    [r],
  );
}

/** A matrix whose label header is blank: find a TotalEmissions row; the header is the first text row above it. */
function matrixByTotalRow(g: Grid, rows: number, width: number): LayoutDetection | undefined {
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < Math.min(width, 3); c++) {
      if (!isTotalLabel(gridAt(g, r, c))) continue;
      for (let h = 0; h < r; h++) {
        let texts = 0;
        for (let k = c + 1; k < width; k++) if (cellText(gridAt(g, h, k)) !== "" && typeof gridAt(g, h, k) === "string") texts++;
        if (texts >= 1) return matrixAt(g, h, c, width);
      }
    }
  }
  return undefined;
}

/** The first row with any text, as a list for a message. */
function firstTexts(g: Grid, rows: number, width: number): string {
  for (let r = 0; r < rows; r++) {
    const texts: string[] = [];
    for (let c = 0; c < width; c++) {
      const t = cellText(gridAt(g, r, c));
      if (t !== "") texts.push(t.length > 20 ? `${t.slice(0, 17)}...` : t);
    }
    if (texts.length > 0) return texts.slice(0, 8).join(", ") + (texts.length > 8 ? ", …" : "");
  }
  return "";
}

/**
 * Finds the layout of the inventory in `g`.
 * Fails with one `inventory_layout_unknown` issue (at the grid's first cell) listing the headers
 * that were expected and the ones found, or `inventory_empty` for a grid without any value.
 * @example detectLayout(makeGrid("S", [["City", "Year", "Emissions"], ["长沙", 2019, 32.45]])).ok // true, layout "long"
 */
export function detectLayout(g: Grid): Result<LayoutDetection> {
  const rows = Math.min(g.values.length, SCAN_ROWS);
  const width = gridWidth(g);
  if (width === 0 || g.values.every((row) => row.every(isBlank))) {
    return fail([issue("inventory_empty", ["inventory"], { cell: gridCell(g, 0, 0), sheet: g.sheet })]);
  }
  for (let r = 0; r < rows; r++) {
    const d = detectAt(g, r, width);
    if (d) return ok(d);
  }
  const m = matrixByTotalRow(g, rows, width);
  if (m) return ok(m);
  return fail([
    issue("inventory_layout_unknown", ["inventory"], {
      cell: gridCell(g, 0, 0),
      sheet: g.sheet,
      found: firstTexts(g, rows, width),
      city: EXPECTED_HEADERS.city,
      sector: EXPECTED_HEADERS.sector,
      year: EXPECTED_HEADERS.year,
      emissions: EXPECTED_HEADERS.emissions,
      unit: EXPECTED_HEADERS.unit,
      cityZh: EXPECTED_HEADERS_ZH.city,
      sectorZh: EXPECTED_HEADERS_ZH.sector,
      yearZh: EXPECTED_HEADERS_ZH.year,
      emissionsZh: EXPECTED_HEADERS_ZH.emissions,
      unitZh: EXPECTED_HEADERS_ZH.unit,
    }),
  ]);
}
