/**
 * Recognising an inventory's layout (docs/design.md §5) from its headers:
 *
 * - **long**: a header row with City/城市, Year/年份 and Emissions/排放量 columns (Sector/部门 and
 *   Unit/单位 optional): one row per city × sector × year.
 * - **wide**: City/城市 (Sector, Unit optional) then one column per year (2005, "2005", "2005年").
 *   The years may sit in a second header row under a merged "Year / 年份" or "Emissions (Mt)" cell.
 * - **matrix**: fuels across (the CEADs provincial and national IPCC-sectoral sheets) — sectors down
 *   for one region and year (`sectors-fuels`), or years down for one region (`years-fuels`, the
 *   national `sum` sheet).
 * - **wide** without a City column: sectors down, years across, for one region (`sectors-years`, the
 *   national `Sum-Sec-Scope 1` sheet).
 *
 * The fuels-across and years-across headers are found by their structure, never by a word inside
 * a label: a header row holds no numbers (a data row such as `Textile Industry | 0.12 | …` is never
 * a header), and unless its label cell says Sector/部门 it must be confirmed by what follows it — a
 * units row, a total row (`TotalEmissions`, `Total Consumption`), fuel names, or years down the label
 * column. Title and note rows above the header are skipped (the first 40 rows are searched). A row
 * right under the header whose value cells are all unit labels is a units row.
 */
import { fail, issue, ok, type Result } from "../issues";
import { cellText, gridAt, gridCell, gridWidth, type Grid } from "./grid";
import {
  EXPECTED_HEADERS,
  EXPECTED_HEADERS_ZH,
  headerRole,
  headerUnit,
  headerYear,
  isFuelHeader,
  isTotalLabel,
  matrixColumnKind,
  type HeaderRole,
  type MatrixColumnKind,
} from "./headers";
import { isBlank } from "../cells";

/** The three inventory layouts of docs/design.md §5. */
export type InventoryLayout = "long" | "wide" | "matrix";

/**
 * What the rows and columns of a layout are: `long` and `wide` (cities — and sectors — down, years
 * across), `sectors-years` (one region: sectors down, years across), `sectors-fuels` (one region and
 * year: sectors down, fuels across), `years-fuels` (one region: years down, fuels across).
 */
export type LayoutShape = "long" | "wide" | "sectors-years" | "sectors-fuels" | "years-fuels";

/** The layout family of a shape. @example layoutOfShape("sectors-years") // "wide" */
export function layoutOfShape(shape: LayoutShape): InventoryLayout {
  return shape === "long" ? "long" : shape === "wide" || shape === "sectors-years" ? "wide" : "matrix";
}

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
  readonly shape: LayoutShape;
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

function detectAt(g: Grid, r: number, width: number, labelCol: number): LayoutDetection | undefined {
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
      return finish(g, { layout: "long", shape: "long", headerRow: r, columns, yearColumns: [], matrixColumns: [] }, r + 1, labels, [emissions], [r]);
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
        { layout: "wide", shape: "wide", headerRow: r, columns: labelColumns, yearColumns: years, matrixColumns: [] },
        r + headerRows.length,
        labels,
        years.map((y) => y.col),
        headerRows,
      );
    }
    return undefined;
  }
  return structuralAt(g, r, width, sector ?? labelCol, sector !== undefined, roles.get("unit"));
}

/** Text that is a plain number ("12.5", "1,234"): a value written as text, not a header. */
const numericText = (v: string) => /^\s*[-+]?[\d.,]+\s*$/.test(v);

/**
 * A header with no City column at row `r`: fuels across (sector × fuel or year × fuel) or years
 * across (sectors × years). The row must hold no numbers; unless its label cell names the sector
 * column (`sectorWord`), the rows under it must confirm it (see the file's comment).
 */
function structuralAt(g: Grid, r: number, width: number, label: number, sectorWord: boolean, unitCol: number | undefined): LayoutDetection | undefined {
  const lv = gridAt(g, r, label);
  if (!isBlank(lv) && (typeof lv !== "string" || isTotalLabel(lv) || headerYear(lv) !== undefined || numericText(lv))) return undefined;
  const texts: number[] = [];
  const years: YearColumn[] = [];
  for (let c = label + 1; c < width; c++) {
    const v = gridAt(g, r, c);
    if (isBlank(v) || c === unitCol) continue;
    const y = headerYear(v);
    if (y !== undefined) years.push({ col: c, year: y, row: r });
    else if (typeof v === "string" && !numericText(v)) texts.push(c);
    else return undefined; // a number, a logical or an error value: a data row, not a header
  }
  if (years.length > 0 && years.length > texts.length && (sectorWord || (isBlank(lv) && years.length >= 2))) return sectorsYearsAt(g, r, label, years);
  if (texts.length > 0 && years.length === 0) return fuelsAt(g, r, label, texts, sectorWord);
  return undefined;
}

/** What the label column holds under a header: for each row with a number in `cols`, its label kind. */
function labelsBelow(g: Grid, from: number, label: number, cols: readonly number[]): Array<"year" | "total" | "text"> {
  const out: Array<"year" | "total" | "text"> = [];
  for (let r = from; r < g.values.length && out.length < 60; r++) {
    if (!cols.some((c) => typeof gridAt(g, r, c) === "number")) continue;
    const v = gridAt(g, r, label);
    out.push(headerYear(v) !== undefined ? "year" : isTotalLabel(v) ? "total" : "text");
  }
  return out;
}

/** Fuels across: sectors (or years) down; confirmed by a units row, a total row, fuel names or years down. */
function fuelsAt(g: Grid, r: number, label: number, textCols: readonly number[], sectorWord: boolean): LayoutDetection | undefined {
  const cols: MatrixColumn[] = textCols.map((c) => ({ col: c, header: cellText(gridAt(g, r, c)), kind: matrixColumnKind(gridAt(g, r, c)) }));
  const valueCols = cols.map((c) => c.col);
  const unitRow = isUnitRow(g, r + 1, [label], valueCols);
  const below = labelsBelow(g, unitRow ? r + 2 : r + 1, label, valueCols);
  const byYear = below.length > 0 && below.every((k) => k === "year");
  if (!sectorWord) {
    const fuels = textCols.filter((c) => isFuelHeader(gridAt(g, r, c))).length;
    const confirmed = unitRow || byYear || below.slice(0, 3).includes("total") || fuels >= 2;
    if (cols.length < 2 || below.length === 0 || !confirmed) return undefined;
  }
  return finish(
    g,
    {
      layout: "matrix",
      shape: byYear ? "years-fuels" : "sectors-fuels",
      headerRow: r,
      columns: { [byYear ? "year" : "sector"]: label },
      yearColumns: [],
      labelColumn: label,
      matrixColumns: cols,
    },
    r + 1,
    [label],
    valueCols,
    [r],
  );
}

/** Years across, sectors down, no City column: one region's sectors × years (the label header blank or Sector/部门). */
function sectorsYearsAt(g: Grid, r: number, label: number, years: readonly YearColumn[]): LayoutDetection | undefined {
  if (
    !labelsBelow(
      g,
      r + 1,
      label,
      years.map((y) => y.col),
    ).includes("text")
  )
    return undefined;
  return finish(
    g,
    { layout: "wide", shape: "sectors-years", headerRow: r, columns: { sector: label }, yearColumns: years, matrixColumns: [] },
    r + 1,
    [label],
    years.map((y) => y.col),
    [r],
  );
}

/** The first column holding anything in the first rows (the label column of a header-less grid). */
function firstUsedColumn(g: Grid, rows: number, width: number): number {
  for (let c = 0; c < width; c++) for (let r = 0; r < rows; r++) if (!isBlank(gridAt(g, r, c))) return c;
  return 0;
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
  const labelCol = firstUsedColumn(g, rows, width);
  for (let r = 0; r < rows; r++) {
    const d = detectAt(g, r, width, labelCol);
    if (d) return ok(d);
  }
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
