/**
 * The reader of the scenario sheets: turns their grids into the engine's scenario input, every record
 * carrying its `source` so that every issue names its cell (`Levers!F5`). The column names it matches
 * are `scenario-columns.ts`. A non-blank header that matches nothing is reported (`unknown_field`): a
 * misspelt column is an error, not silently ignored; Settings labels likewise. `Units` on the Settings
 * sheet is also the unit chooser for an inventory without a unit on the sheet; inventory values are
 * converted to it when the sheet has another.
 *
 * Pure TypeScript over {@link Grid}s: no Office, DOM or Node.
 */
import {
  UncachedFormula,
  cellAddress,
  fillGroups,
  columnLetters,
  gridAt,
  gridCell,
  gridWidth,
  inventoryAtYear,
  inventoryRowsForYear,
  issue,
  isBlank,
  makeGrid,
  parseAddress,
  parseFillRule,
  tonnesPer,
  unitLabel,
  unmeasuredHistoryYear,
  type FilledValue,
  type Grid,
  type Inventory,
  type Issue,
} from "../engine";
import { COLUMNS, REQUIRED, SETTINGS_ROWS, SHEET_NAMES, headerLabel, matchColumn, type ScenarioRole } from "./scenario-columns";

/** Where each field of a row sheet sits: zero-based grid column by field. */
interface HeaderMap {
  readonly row: number;
  readonly columns: ReadonlyMap<string, number>;
}

const SCAN = 20;

/** Finds the header row of a row sheet: the first of the first 20 rows holding every required column. */
function findHeader(g: Grid, role: ScenarioRole, issues: Issue[]): HeaderMap | undefined {
  const defs = COLUMNS[role];
  const width = gridWidth(g);
  for (let r = 0; r < Math.min(SCAN, g.values.length); r++) {
    const found = new Map<string, number>();
    for (let c = 0; c < width; c++) {
      const d = matchColumn(gridAt(g, r, c), defs);
      if (d && !found.has(d.field)) found.set(d.field, c);
    }
    if (!REQUIRED[role].every((f) => found.has(f))) continue;
    for (let c = 0; c < width; c++) {
      const v = gridAt(g, r, c);
      if (isBlank(v)) continue;
      const d = matchColumn(v, defs);
      const at = cellAddress(g.sheet, g.origin.row + r, g.origin.col + c);
      if (!d) issues.push(issue("unknown_field", [role, "header", c], { value: typeof v === "string" ? v : String(v), cell: at }));
      else if (found.get(d.field) !== c) {
        const first = cellAddress(g.sheet, g.origin.row + r, g.origin.col + found.get(d.field)!);
        issues.push(issue("column_duplicate", [role, "header", c], { value: String(v), first, cell: at }));
      }
    }
    return { row: r, columns: found };
  }
  const expected = REQUIRED[role].map((f) => headerLabel(defs.find((d) => d.field === f)!)).join(", ");
  issues.push(issue("scenario_header_missing", [role], { sheet: g.sheet, expected, cell: cellAddress(g.sheet, g.origin.row, g.origin.col) }));
  return undefined;
}

/** Reads a row sheet (Drivers, Levers, Activities) into records with `source`; blank rows are skipped. */
export function readRowSheet(g: Grid, role: Exclude<ScenarioRole, "settings">, issues: Issue[]): Record<string, unknown>[] {
  const h = findHeader(g, role, issues);
  if (!h) return [];
  const out: Record<string, unknown>[] = [];
  const letters: Record<string, string> = {};
  for (const [f, c] of h.columns) letters[f] = columnLetters(g.origin.col + c);
  for (let r = h.row + 1; r < g.values.length; r++) {
    const rec: Record<string, unknown> = {};
    let any = false;
    for (const [f, c] of h.columns) {
      const v = gridAt(g, r, c);
      if (isBlank(v)) continue;
      rec[f] = v;
      any = true;
    }
    if (!any) continue;
    rec.source = { sheet: g.sheet, row: g.origin.row + r, columns: letters };
    out.push(rec);
  }
  return out;
}

/** The Settings sheet as read: the engine's settings record and the app-level inventory reference. */
export interface SettingsSheet {
  /** Engine settings fields (raw cell values) with `source` naming each value's cell. */
  readonly settings: Record<string, unknown>;
  /** The Inventory row's text, if given. */
  readonly inventory?: string;
  /** The Units value, if given (the inventory's unit chooser). */
  readonly units?: string;
  /** Cell of each setting's value. */
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Reads the Settings sheet: one row per setting (label in the Setting column, value in the Value
 * column). Unknown labels are reported (`unknown_field`), so are labels given twice (`duplicate_row`).
 */
export function readSettingsSheet(g: Grid, issues: Issue[]): SettingsSheet | undefined {
  const h = findHeader(g, "settings", issues);
  if (!h) return undefined;
  const kc = h.columns.get("key")!;
  const vc = h.columns.get("value")!;
  const settings: Record<string, unknown> = {};
  const cells: Record<string, string> = {};
  const columns: Record<string, string> = {};
  let inventory: string | undefined;
  let units: string | undefined;
  for (let r = h.row + 1; r < g.values.length; r++) {
    const label = gridAt(g, r, kc);
    if (isBlank(label)) continue;
    const keyCell = cellAddress(g.sheet, g.origin.row + r, g.origin.col + kc);
    const def = matchColumn(label, SETTINGS_ROWS);
    if (!def) {
      issues.push(issue("unknown_field", ["settings", String(label)], { value: String(label), cell: keyCell }));
      continue;
    }
    const local = `${columnLetters(g.origin.col + vc)}${g.origin.row + r}`;
    if (cells[def.field] !== undefined) {
      issues.push(issue("duplicate_row", ["settings", def.field], { key: headerLabel(def), other: cells[def.field], cell: keyCell }));
      continue;
    }
    cells[def.field] = cellAddress(g.sheet, g.origin.row + r, g.origin.col + vc);
    const v = gridAt(g, r, vc);
    if (def.field === "inventory") {
      if (!isBlank(v)) inventory = String(v).trim();
      continue;
    }
    columns[def.field] = local;
    if (isBlank(v)) continue;
    settings[def.field] = v;
    if (def.field === "units" && typeof v === "string") units = v.trim();
  }
  settings.source = { sheet: g.sheet, row: g.origin.row + h.row, columns };
  return { settings, inventory, units, cells };
}

/**
 * Settings issues about a setting that has no row on the sheet would otherwise point at the header
 * row; they keep their path (`settings.baseYear`) instead.
 */
export function unlocateMissingSettings(issues: readonly Issue[], sheet: SettingsSheet | undefined): Issue[] {
  if (!sheet) return [...issues];
  return issues.map((i) => {
    if (i.path[0] !== "settings" || typeof i.path[1] !== "string" || sheet.cells[i.path[1]] !== undefined || i.cell === undefined) return i;
    const { cell: _cell, row: _row, ...rest } = i;
    return rest;
  });
}

/**
 * Settings issues without a cell (warnings about a setting as a whole: `["settings", "lastHistoricalYear"]`)
 * point at the setting's value cell when the sheet has its row (`Settings!B17`).
 * @example locateSettings(compiled.warnings, settingsSheet)
 */
export function locateSettings(issues: readonly Issue[], sheet: SettingsSheet | undefined): Issue[] {
  if (!sheet) return [...issues];
  return issues.map((i) => {
    if (i.cell !== undefined || i.path[0] !== "settings" || typeof i.path[1] !== "string") return i;
    const cell = sheet.cells[i.path[1]];
    return cell === undefined ? i : { ...i, cell };
  });
}

/** Grids of the scenario sheets (Activities, Socioeconomic and Targets may be absent). */
export interface ScenarioGrids {
  readonly settings?: Grid;
  readonly drivers?: Grid;
  readonly levers?: Grid;
  readonly activities?: Grid;
  readonly socioeconomic?: Grid;
  readonly targets?: Grid;
}

/** The scenario input read from sheets, before validation. */
export interface SheetInput {
  /**
   * The raw input for `compileScenario` (records with `source`). `socioeconomic` and `targets` are
   * present only when their sheets have rows (an input of previous versions is the same object, and hash).
   */
  readonly raw: {
    settings: Record<string, unknown>;
    inventory: unknown[];
    activities: unknown[];
    drivers: unknown[];
    levers: unknown[];
    socioeconomic?: unknown[];
    targets?: unknown[];
  };
  readonly settingsSheet?: SettingsSheet;
  /** Issues found while reading the sheets (headers, unknown settings, missing sheets). */
  readonly issues: Issue[];
}

/** An optional sheet's rows under its role, or nothing when the sheet is absent or has no rows (the input, and its hash, of previous versions). */
function optionalRows(role: "socioeconomic" | "targets", g: Grid | undefined, issues: Issue[]): { socioeconomic?: unknown[]; targets?: unknown[] } {
  if (!g) return {};
  const rows = readRowSheet(g, role, issues);
  return rows.length > 0 ? { [role]: rows } : {};
}

/**
 * Reads the scenario sheets into the engine's raw input (inventory rows added later by
 * {@link inventoryInput}). Missing Settings, Drivers or Levers sheets are issues; Activities,
 * Socioeconomic and Targets are optional.
 * @example readScenarioGrids({ settings, drivers, levers }).raw.levers[0].source // { sheet: "Levers", row: 2, columns: {…} }
 */
export function readScenarioGrids(given: ScenarioGrids): SheetInput {
  const issues: Issue[] = [];
  // A formula the file holds no computed value for (docs/xlsx-files.md §4) is a problem at its cell, then blank.
  const grids: ScenarioGrids = Object.fromEntries(Object.entries(given).map(([role, g]) => [role, g && withoutUncached(g, issues)]));
  const missing = (role: ScenarioRole) => {
    const n = SHEET_NAMES[role];
    issues.push(issue("scenario_sheet_missing", [role], { role: n.en, names: `${n.en} / ${n.zh}` }));
  };
  let settingsSheet: SettingsSheet | undefined;
  if (grids.settings) settingsSheet = readSettingsSheet(grids.settings, issues);
  else missing("settings");
  if (!grids.drivers) missing("drivers");
  if (!grids.levers) missing("levers");
  const raw = {
    settings: settingsSheet?.settings ?? {},
    inventory: [] as unknown[],
    activities: grids.activities ? readRowSheet(grids.activities, "activities", issues) : [],
    drivers: grids.drivers ? readRowSheet(grids.drivers, "drivers", issues) : [],
    levers: grids.levers ? readRowSheet(grids.levers, "levers", issues) : [],
    ...optionalRows("socioeconomic", grids.socioeconomic, issues),
    ...optionalRows("targets", grids.targets, issues),
  };
  return { raw, settingsSheet, issues };
}

/** What {@link inventoryInput} gives the scenario. */
export interface InventoryInput {
  /** The rows of every year from the base year on (city, sector, year — none for the base year —, value in the scenario's unit, source cell; `filledFrom` on filled ones). */
  readonly rows: unknown[];
  /** The scenario's unit as shown ("Mt", without CO2); undefined when Settings names a unit that is not one (the schema reports it). */
  readonly units: string | undefined;
  /** Values the fill rule supplied. */
  readonly filled: readonly FilledValue[];
  /** A city without a value in the last historical year (one issue each, at its Settings cell). */
  readonly issues: Issue[];
  /** One `inventory_filled` warning per city filled (its sectors together). */
  readonly warnings: Issue[];
  /**
   * True when the year the history ends in is impossible (no city measured it, or the base year is after
   * the end year): the scenario's other checks then run without it, so that the years between are not
   * reported as measured ones on top of the one problem that names the cause.
   */
  readonly historyRejected?: boolean;
}

/**
 * The grid with each formula cell that has no computed value (an `UncachedFormula`, from an .xlsx saved
 * by a program that does not calculate) blank, and a `formula_uncached` issue at its cell — so a
 * scenario sheet's reader never takes the formula for a value, nor reports it as a wrong one.
 */
function withoutUncached(g: Grid, issues: Issue[]): Grid {
  let rows: unknown[][] | undefined;
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!(v instanceof UncachedFormula)) return;
      issues.push(issue("formula_uncached", [], { formula: v.formula, cell: gridCell(g, r, c) }));
      rows ??= g.values.map((x) => [...x]);
      rows[r][c] = null;
    }),
  );
  return rows ? makeGrid(g.sheet, rows, g.origin) : g;
}

/**
 * `later` without the issues at a cell `first` already reports as a formula with no computed value:
 * that cell is read as blank, so what the model says about it (`required` …) only repeats the problem.
 * @example withoutRepeatsOfUncached(sheetIssues, compiled.issues) // Drivers!F3: formula_uncached only
 */
export function withoutRepeatsOfUncached(first: readonly Issue[], later: readonly Issue[]): Issue[] {
  const uncached = new Set(first.filter((i) => i.code === "formula_uncached" && i.cell !== undefined).map((i) => i.cell));
  return uncached.size === 0 ? [...later] : later.filter((i) => i.cell === undefined || !uncached.has(i.cell));
}

/**
 * The inventory rows for the scenario — every year from the base year on, the measured history
 * (docs/model.md §3) — from an inventory read off a sheet: values in the Settings unit (converted when
 * the inventory has another; the inventory's own unit when Settings has none, which then becomes the
 * scenario's unit). Each row's `source` names its value cell.
 *
 * The year the scenario starts from — the last historical year H: the Settings' one, else the latest
 * year (from the base year to the end year) every city has, else the base year — is taken with the
 * engine's `inventoryAtYear`: no city is dropped; a city without a value in H is an issue naming it and
 * the years it has, unless the fill rule (Settings › Fill rule) is "carry forward", which takes its
 * last measured value, reports it, and marks the row (`filledFrom`) so that Results say `filled`. The
 * base year must hold a value for some city (else the same issue, per city, at its cell).
 * Rows of the base year carry no `year` (the engine reads them as the base year's: a single-year
 * inventory is the same input, and hash, as in previous versions); those of other years their year.
 * @param cells the Settings cells the issues point at: the base year's, the last historical year's (a city lacking it), the fill rule's (a value filled).
 */
export function inventoryInput(
  inv: Inventory,
  baseYear: unknown,
  units: string | undefined,
  fill?: unknown,
  cells: { baseYear?: string; fill?: string; lastHistoricalYear?: string } = {},
  history: { lastHistoricalYear?: unknown; endYear?: unknown } = {},
): InventoryInput {
  const valid = units !== undefined && tonnesPer(units) !== undefined;
  const target = valid ? units : inv.unit;
  const label = units === undefined ? unitLabel(inv.unit) : valid ? unitLabel(units) : undefined;
  const factor = inv.toTonnes / (tonnesPer(target) ?? inv.toTonnes);
  const none: InventoryInput = { rows: [], units: label, filled: [], issues: [], warnings: [] };
  if (typeof baseYear !== "number" || !Number.isInteger(baseYear)) return none;
  const rule = parseFillRule(fill) ?? "none";
  const end = typeof history.endYear === "number" && Number.isInteger(history.endYear) ? history.endYear : Infinity;
  // A base year after the end year is the Settings' problem (year_order), not the inventory's: no fill rule mends it.
  if (end < baseYear) return { ...none, historyRejected: true };
  const explicit = typeof history.lastHistoricalYear === "number" && Number.isInteger(history.lastHistoricalYear) ? history.lastHistoricalYear : undefined;
  const inWindow = inv.years.filter((y) => y >= baseYear && y <= end);
  // The engine's default H, on the same inventory: the latest year of the results every city has.
  const latest = [...inWindow].reverse().find((y) => inventoryAtYear(inv, y, "none").ok);
  const H = explicit ?? latest ?? baseYear;
  const convert = (v: number) => (factor === 1 ? v : v * factor);
  const rowsOfYear = (y: number) =>
    inventoryRowsForYear(inv, y).map((r) => ({
      city: r.city,
      sector: r.sector,
      ...(y === baseYear ? {} : { year: y }),
      value: convert(r.value),
      source: r.source,
    }));
  // The history must end in a year some city measured, and the results must not start after the inventory
  // ends (one problem naming it, not one per city or row).
  const afterEnd = inv.years.length > 0 && baseYear > Math.max(...inv.years);
  const unmeasured = afterEnd
    ? unmeasuredHistoryYear(baseYear, inv.years, "baseYear")
    : unmeasuredHistoryYear(H, inv.years, explicit !== undefined ? "lastHistoricalYear" : "baseYear");
  if (unmeasured !== undefined) {
    const at = explicit !== undefined && !afterEnd ? cells.lastHistoricalYear : cells.baseYear;
    // The measured rows still go to the engine, so that the names the other sheets use are checked against them.
    return { ...none, rows: inv.years.flatMap(rowsOfYear), issues: [at !== undefined ? { ...unmeasured, cell: at } : unmeasured], historyRejected: true };
  }
  // The base year must hold a value for some city (a leading year without any is no history).
  if (H !== baseYear && !inv.years.includes(baseYear)) {
    const atBase = inventoryAtYear(inv, baseYear, "none", cells.baseYear !== undefined ? { cell: cells.baseYear } : {});
    if (!atBase.ok) return { ...none, issues: [...atBase.issues] };
  }
  const role = H === baseYear ? {} : { role: "last historical year", roleZh: "最后历史年" };
  const cell = explicit !== undefined && H !== baseYear ? cells.lastHistoricalYear : cells.baseYear;
  const at = inventoryAtYear(inv, H, rule, {
    path: ["settings", explicit !== undefined && H !== baseYear ? "lastHistoricalYear" : "baseYear"],
    ...(cell !== undefined ? { cell } : {}),
  });
  if (!at.ok) return { ...none, issues: at.issues.map((i) => ({ ...i, ...role })) };
  const filledAt = new Map(at.value.filled.map((f) => [`${f.city}\u0000${f.sector}`, f.from]));
  const atH = at.value.rows.map((r) => {
    const from = filledAt.get(`${r.city}\u0000${r.sector}`);
    return {
      city: r.city,
      sector: r.sector,
      ...(H === baseYear ? {} : { year: H }),
      value: convert(r.value),
      ...(from !== undefined ? { filledFrom: from } : {}),
      source: r.source,
    };
  });
  const others = inWindow.filter((y) => y !== H).flatMap(rowsOfYear);
  const rows = [...atH, ...others];
  // One warning per city and year it was filled from (its sectors together: one line, not eight); Run info lists every value.
  const warnings = fillGroups(at.value.filled).map((g) =>
    issue("inventory_filled", ["settings", "fill"], {
      city: g[0].city,
      sector: inv.hasSectors && g.length === 1 ? g[0].sector : undefined,
      sectors: g.length > 1 ? g.length : undefined,
      year: g[0].year,
      from: g[0].from,
      value: Number(convert(g.reduce((x, f) => x + f.value, 0)).toPrecision(6)),
      unit: label ?? inv.unit,
      source: cellSpan(g.map((f) => f.source)),
      ...(cells.fill !== undefined ? { cell: cells.fill } : {}),
    }),
  );
  return { rows, units: label, filled: at.value.filled, issues: [], warnings };
}

/**
 * The cells of several values as one reference: `Inventory!D10:D17` for a run down one column of one
 * sheet, else the first and the last (`Inventory!D10 … Inventory!F25`); undefined sources are left out.
 * @example cellSpan(["Inventory!D10", "Inventory!D11"]) // "Inventory!D10:D11"
 */
export function cellSpan(sources: readonly (string | undefined)[]): string | undefined {
  // In reading order (sheet, column, row), whatever order the values came in; an address the engine cannot parse last.
  const cells = sources.filter((x): x is string => x !== undefined).map((text) => ({ text, at: parseAddress(text) }));
  const key = (c: (typeof cells)[number]) => (c.at ? [0, c.at.sheet ?? "", c.at.col, c.at.row] : [1, c.text, 0, 0]);
  cells.sort((a, b) => {
    const [p, q] = [key(a), key(b)];
    const i = p.findIndex((x, j) => x !== q[j]);
    return i < 0 ? 0 : p[i] < q[i] ? -1 : 1;
  });
  if (cells.length <= 1) return cells[0]?.text;
  const [first, last] = [cells[0], cells[cells.length - 1]];
  const run = cells.every((c, i) => c.at && first.at && c.at.sheet === first.at.sheet && c.at.col === first.at.col && c.at.row === first.at.row + i);
  return run && last.at ? `${first.text}:${columnLetters(last.at.col)}${last.at.row}` : `${first.text} … ${last.text}`;
}
