/**
 * The workflow shared by the task pane and the CLI, over a {@link WorkbookPort}: preview the
 * inventory, create the scenario sheets from the template, read and validate a scenario (every issue
 * at once, each naming its cell), and run it and write the outputs into sheets the add-in owns.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 *
 * **Batching.** A run costs a fixed number of port calls: `listSheets`, `getSettings`, `findTables`,
 * one `readMany` for every input, one `writeMany` for every output, one `setSettings` (the Office
 * adapter turns each batch into ≤ 2 syncs).
 *
 * **Ownership.** Outputs go only into sheets the add-in owns and records under `outputs` in its
 * settings. A re-run clears and rewrites those sheets and nothing else; a wanted name that a user's
 * sheet (or another add-in sheet such as the template's) already has becomes "Results (2)".
 * Outputs are named and labelled in the run's language (`lang`: "Results" or "结果"); a re-run in
 * the other language replaces each owned sheet named in that language by one in its own (the old one
 * deleted, never a user's sheet), so one sheet per role remains. Scenario sheets created by the template are recorded under `scenarioSheets` and are never written
 * again: once created they are the user's input.
 */
import {
  compileScenario,
  DEFAULT_CHUNK,
  detectLayout,
  finishMonteCarlo,
  fail,
  findInventoryGrid,
  gridAddress,
  issue,
  makeGrid,
  ok,
  parseAddress,
  readInventory,
  readInventoryChunked,
  inventoryProgressFraction,
  isReadCancelled,
  readCancelled,
  runChunk,
  runModel,
  startMonteCarlo,
  type ChunkOptions,
  type Grid,
  type Inventory,
  type Issue,
  type Lang,
  type MonteCarloResult,
  type Result,
  type ScenarioModel,
} from "../engine";
import type { ReadRequest, Settings, SheetInfo, TableInfo, WorkbookPort, WriteOp } from "../workbook/port";
import { outputOps, peakSummary, type OutputRole, type PeakSummaryRow, type RunRecord } from "./outputs";
import { isOutputSheetName, outputSheetNames } from "./output-labels";
import { canonicalJson, sha256 } from "./sha256";
import { scenarioDecomposition } from "./decomposition";
import {
  SCENARIO_ROLES,
  SHEET_NAMES,
  inventoryInput,
  isRoleName,
  readScenarioGrids,
  templateSheets,
  unlocateMissingSettings,
  type ScenarioRole,
  type SettingsSheet,
} from "./sheets";

export type { PeakSummaryRow, RunRecord, OutputRole } from "./outputs";
export type { DecompositionRow } from "./decomposition";

/** Seed of a Monte Carlo run when none is given. */
export const DEFAULT_SEED = 1;

/** A Monte Carlo result computed elsewhere (the task pane's Web Worker) for the inputs of `inputHash`. */
export interface PrecomputedMonteCarlo {
  readonly result: MonteCarloResult;
  /** {@link ReadScenario.inputHash} of the input the draws were made from. */
  readonly inputHash: string;
}

/** Where the inventory is: a sheet (and range), or a table; `unit` is the chooser for a sheet without units. */
export interface InventorySource {
  sheet?: string;
  address?: string;
  table?: string;
  unit?: string;
}

/**
 * What the task pane shows before a run. When the layout is recognised but cells are rejected, the
 * preview still succeeds with those `issues` (every bad cell with its address) and empty lists; the
 * Result fails only when no inventory can be located at all (or the workbook cannot be read).
 */
export interface InventoryPreview {
  layout: "long" | "wide" | "matrix";
  sheet: string;
  address: string;
  cities: string[];
  sectors: string[];
  years: number[];
  unit: string;
  /** Sum over cities and sectors per year, in `unit`; `complete` is false when some city × sector has no value that year. */
  totalsByYear: Array<{ year: number; total: number; complete?: boolean }>;
  issues: Issue[];
  warnings: Issue[];
}

/** A scenario read from the workbook and validated. */
export interface ReadScenario {
  /** The engine's raw input, every record with its `source` cell. */
  readonly input: { settings: Record<string, unknown>; inventory: unknown[]; activities: unknown[]; drivers: unknown[]; levers: unknown[] };
  readonly model: ScenarioModel;
  readonly inventory: Inventory;
  /** The inventory range read ("Inventory!A1:D25"). */
  readonly inventoryAddress: string;
  /** Scenario sheet names by role (Activities may be absent). */
  readonly sheets: Readonly<Partial<Record<ScenarioRole, string>>>;
  /** "sha256:<hex>" of the input values (cell locations left out). */
  readonly inputHash: string;
}

/** Options of {@link runAndWrite}. */
export interface RunOptions {
  source?: InventorySource;
  onProgress?: (fraction: number, stage: string) => void;
  signal?: AbortSignal;
  now?: () => Date;
  version?: string;
  /** Monte Carlo draws (a whole number 1 … 100,000; 0 or absent: no Monte Carlo), run in chunks here. */
  draws?: number;
  /** Monte Carlo seed, a whole number 0 … 2^53 − 1 (default {@link DEFAULT_SEED}). */
  seed?: number;
  /** A Monte Carlo already run (e.g. in a Web Worker): written as it is, after checking it was made from the same inputs. */
  monteCarlo?: PrecomputedMonteCarlo;
  /**
   * Also write the "Peaks (live)" sheet: emissions by year with live `=CARBON.PEAKYEAR(...)` and
   * `=CARBON.PEAKSTATUS(...)` formulas per scenario and region, cached with the engine's results.
   * Default false: every output is values only.
   */
  formulas?: boolean;
  /**
   * Called between slices of the inventory read to let the event loop run (the pane passes its
   * next-task scheduler). Default: none — the read runs in one go (the CLI).
   */
  yieldTo?: () => Promise<void> | void;
  /**
   * Language of the output sheet names, headers, labels and chart titles: "en" (default: "Results",
   * "Emissions (Mt CO2)") or "zh" ("结果", "排放量（Mt CO2）"). Status codes (peaked, plateau, rising,
   * unconfirmed) and the analyst's names are written as they are in both.
   */
  lang?: Lang;
}

/** What a run wrote. */
export interface RunSummary {
  /** Output sheet names. */
  outputs: string[];
  peaks: PeakSummaryRow[];
  record: RunRecord;
  /** The Monte Carlo result written, if any. */
  monteCarlo?: MonteCarloResult;
}

// ---------------------------------------------------------------------------------------------
// The add-in's settings record

/** Keys of the add-in's settings record used by the workflow. */
export const SETTINGS_KEYS = { scenarioSheets: "scenarioSheets", outputs: "outputs", lastRun: "lastRun" } as const;

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === "string") out[k] = x;
  }
  return out;
}

const lc = (s: string) => s.toLowerCase();

/** The workbook's sheets, tables and the add-in's records, resolved. */
interface Located {
  readonly sheets: readonly SheetInfo[];
  readonly settings: Settings;
  readonly tables: readonly TableInfo[];
  readonly scenario: Partial<Record<ScenarioRole, string>>;
  readonly outputs: Record<string, string>;
}

async function locate(port: WorkbookPort): Promise<Result<Located>> {
  const [sheets, settings, tables] = await Promise.all([port.listSheets(), port.getSettings(), port.findTables()]);
  const bad = [sheets, settings, tables].flatMap((r) => (r.ok ? [] : r.issues));
  if (!sheets.ok || !settings.ok || !tables.ok) return fail(bad);
  const recorded = stringMap(settings.value[SETTINGS_KEYS.scenarioSheets]);
  const find = (name: string | undefined) => (name === undefined ? undefined : sheets.value.find((s) => lc(s.name) === lc(name))?.name);
  const scenario: Partial<Record<ScenarioRole, string>> = {};
  for (const role of SCENARIO_ROLES) {
    scenario[role] = find(recorded[role]) ?? sheets.value.find((s) => isRoleName(role, s.name))?.name;
  }
  const outputs = stringMap(settings.value[SETTINGS_KEYS.outputs]);
  return ok({ sheets: sheets.value, settings: settings.value, tables: tables.value, scenario, outputs });
}

/** Sheets that may hold the inventory: visible, not a scenario sheet, not one of the add-in's outputs. */
function candidateSheets(l: Located): string[] {
  const skip = new Set([...Object.values(l.scenario), ...Object.values(l.outputs)].filter((x): x is string => !!x).map(lc));
  return l.sheets.filter((s) => s.visible && !skip.has(lc(s.name))).map((s) => s.name);
}

/** The part of a grid inside a rectangle (1-based sheet coordinates). */
function slice(g: Grid, rect: { row: number; col: number; lastRow: number; lastCol: number }): Grid {
  const rows: unknown[][] = [];
  for (let r = rect.row; r <= rect.lastRow; r++) {
    const src = g.values[r - g.origin.row] ?? [];
    const row: unknown[] = [];
    for (let c = rect.col; c <= rect.lastCol; c++) row.push(src[c - g.origin.col] ?? null);
    rows.push(row);
  }
  return makeGrid(g.sheet, rows, { row: rect.row, col: rect.col });
}

/** Everything read in one batch. */
interface Gathered {
  readonly located: Located;
  readonly scenarioGrids: Partial<Record<ScenarioRole, Grid>>;
  readonly settingsSheet?: SettingsSheet;
  readonly sheetIssues: Issue[];
  readonly raw: ReadScenario["input"];
  /** The inventory grid, or why there is none. */
  readonly inventory: Result<Grid>;
  readonly unit?: string;
}

async function gather(port: WorkbookPort, source: InventorySource | undefined): Promise<Result<Gathered>> {
  const loc = await locate(port);
  if (!loc.ok) return loc;
  const l = loc.value;
  const roles = SCENARIO_ROLES.filter((r) => l.scenario[r] !== undefined);
  const requests: ReadRequest[] = roles.map((r) => ({ kind: "range", sheet: l.scenario[r]! }));
  const explicit = source?.table !== undefined || source?.sheet !== undefined;
  const candidates = explicit ? [] : candidateSheets(l);
  if (source?.table !== undefined) requests.push({ kind: "table", name: source.table });
  else if (source?.sheet !== undefined) requests.push({ kind: "range", sheet: source.sheet, address: source.address });
  else for (const s of candidates) requests.push({ kind: "range", sheet: s });
  const read = await port.readMany(requests);
  if (!read.ok) return read;
  const grids = read.value;
  const scenarioGrids: Partial<Record<ScenarioRole, Grid>> = {};
  roles.forEach((r, i) => (scenarioGrids[r] = grids[i]));
  const sheetInput = readScenarioGrids(scenarioGrids);
  const rest = grids.slice(roles.length);
  const st = sheetInput.settingsSheet;

  let inventory: Result<Grid>;
  if (explicit) inventory = ok(rest[0]);
  else if (st?.inventory !== undefined) inventory = await namedInventory(port, l, st, rest);
  else {
    const found = findInventoryGrid(rest);
    inventory = found.ok ? ok(found.value.grid, found.warnings) : found;
  }
  return ok({ located: l, scenarioGrids, settingsSheet: st, sheetIssues: sheetInput.issues, raw: sheetInput.raw, inventory, unit: source?.unit ?? st?.units });
}

/** The inventory the Settings sheet names: a sheet, a range "Sheet!A1:D9", or a table. */
async function namedInventory(port: WorkbookPort, l: Located, st: SettingsSheet, read: readonly Grid[]): Promise<Result<Grid>> {
  const ref = st.inventory!;
  const cell = st.cells.inventory;
  const table = l.tables.find((t) => lc(t.name) === lc(ref));
  const addr = table ? parseAddress(table.address) : parseAddress(ref);
  const sheetName = table?.sheet ?? (addr?.sheet !== undefined && ref.includes("!") ? addr.sheet : ref);
  const real = l.sheets.find((s) => lc(s.name) === lc(sheetName))?.name;
  if (real === undefined) return fail([issue("sheet_not_found", ["settings", "inventory"], { sheet: sheetName, cell })]);
  let grid = read.find((g) => lc(g.sheet) === lc(real));
  if (!grid) {
    const r = await port.readRange(real);
    if (!r.ok) return fail(r.issues.map((i) => ({ ...i, cell })));
    grid = r.value;
  }
  if ((table || ref.includes("!")) && addr) return ok(slice(grid, addr));
  return ok(grid);
}

function previewOf(inv: Inventory, address: string, warnings: readonly Issue[]): InventoryPreview {
  const C = inv.cities.length;
  const S = inv.sectors.length;
  const Y = inv.years.length;
  const totalsByYear = inv.years.map((year, y) => {
    let total = 0;
    let complete = true;
    for (let c = 0; c < C; c++) {
      for (let s = 0; s < S; s++) {
        const v = inv.values[(c * S + s) * Y + y];
        if (Number.isNaN(v)) complete = false;
        else total += v;
      }
    }
    return { year, total, complete };
  });
  return {
    layout: inv.layout,
    sheet: inv.sheet,
    address,
    cities: [...inv.cities],
    sectors: [...inv.sectors],
    years: [...inv.years],
    unit: inv.unit,
    totalsByYear,
    issues: [],
    warnings: [...warnings],
  };
}

/**
 * How {@link previewInventory} reports and stops: the chunked read's options (slice size, scheduler,
 * Cancel), with progress from the start — `reading` 0/1 and 1/1 around the workbook read, then the
 * read's `validating` and `summarising` steps.
 */
export type PreviewOptions = ChunkOptions;

/**
 * Finds and reads the inventory (the given source; else the Settings sheet's Inventory row; else the
 * first sheet whose headers make an inventory layout, skipping scenario and output sheets) and
 * summarizes it for the task pane. See {@link InventoryPreview} for when issues come with success.
 *
 * The cells are read in one workbook call and then parsed and checked in slices (see
 * `readInventoryChunked`), yielding to the event loop between slices, so a big inventory (300 cities ×
 * 10 sectors × 41 years) does not freeze the pane; `options.onProgress` gets every step and
 * `options.signal` is checked after the workbook read and before every slice: once aborted the
 * preview fails with one `inventory_cancelled` issue. Nothing is ever written.
 * @example const p = await previewInventory(port); if (p.ok) p.value.layout // "wide"
 * @example await previewInventory(port, undefined, { signal, onProgress: (p) => bar(inventoryProgressFraction(p)) })
 */
export async function previewInventory(port: WorkbookPort, source?: InventorySource, options: PreviewOptions = {}): Promise<Result<InventoryPreview>> {
  const report = options.onProgress ?? (() => undefined);
  const stopped = () => options.signal?.aborted === true;
  if (stopped()) return readCancelled();
  report({ phase: "reading", done: 0, total: 1 });
  const g = await gather(port, source);
  if (stopped()) return readCancelled();
  if (!g.ok) return g;
  const inv = g.value.inventory;
  if (!inv.ok) return inv;
  report({ phase: "reading", done: 1, total: 1 });
  const grid = inv.value;
  const detected = detectLayout(grid);
  if (!detected.ok) return fail(detected.issues);
  const read = await readInventoryChunked(grid, { unit: g.value.unit }, options);
  const address = gridAddress(grid);
  if (!read.ok) {
    if (isReadCancelled(read)) return read;
    return ok({ layout: detected.value.layout, sheet: grid.sheet, address, cities: [], sectors: [], years: [], unit: g.value.unit ?? "", totalsByYear: [], issues: [...read.issues], warnings: [...inv.warnings] });
  }
  return ok(previewOf(read.value, address, [...inv.warnings, ...read.warnings]));
}

/**
 * Finds and reads the inventory as {@link previewInventory} does, returning the inventory itself
 * (e.g. for peaks straight from an inventory). Fails with every rejected cell.
 * @example const inv = await loadInventory(port, { sheet: "Data" })
 */
export async function loadInventory(port: WorkbookPort, source?: InventorySource): Promise<Result<Inventory>> {
  const g = await gather(port, source);
  if (!g.ok) return g;
  const found = g.value.inventory;
  if (!found.ok) return found;
  const read = readInventory(found.value, { unit: g.value.unit });
  return read.ok ? ok(read.value, [...found.warnings, ...read.warnings]) : read;
}

const CASCADE = new Set(["unknown_city", "unknown_sector"]);

/** Inventory rows (value 1) for every city × sector named in activities, drivers and levers. */
function standIns(input: ReadScenario["input"]): unknown[] {
  const cities = new Set<string>();
  const sectors = new Set<string>();
  const names = (v: unknown, into: Set<string>) => {
    if (typeof v !== "string") return;
    for (const n of v.split(/[,;，；、]/)) if (n.trim() !== "" && !/^(all|\*|全部|所有|全部城市|全部部门)$/i.test(n.trim())) into.add(n.trim());
  };
  for (const r of [...input.activities, ...input.drivers, ...input.levers] as Record<string, unknown>[]) {
    names(r.city, cities);
    names(r.cities, cities);
    names(r.sector, sectors);
    names(r.sectors, sectors);
  }
  if (cities.size === 0) cities.add("—");
  if (sectors.size === 0) sectors.add("—");
  return [...cities].flatMap((city) => [...sectors].map((sector) => ({ city, sector, value: 1 })));
}

function stripSources(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripSources);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (k !== "source") out[k] = stripSources(x);
    return out;
  }
  return v;
}

/**
 * Reads the inventory and the scenario sheets in one batch and validates them together: fails with
 * every issue at once (bad inventory cells, unknown columns or settings, every invalid field and
 * cross-record problem), each naming its cell ("Levers!F5"). Succeeds with the compiled model.
 *
 * The inventory cells are checked in slices as {@link previewInventory} does; `options.yieldTo` runs
 * between slices (default: none, the read runs in one go), `options.onProgress` gets each slice and
 * `options.signal` is checked before every slice — once aborted the read fails with one
 * `inventory_cancelled` issue.
 * @example const s = await readScenario(port); if (!s.ok) s.issues.map((i) => formatIssue(i))
 * @example await readScenario(port, undefined, { yieldTo: nextTask, signal })
 */
export async function readScenario(port: WorkbookPort, source?: InventorySource, options: ChunkOptions = {}): Promise<Result<ReadScenario>> {
  if (options.signal?.aborted === true) return readCancelled();
  const g = await gather(port, source);
  if (!g.ok) return g;
  const { raw, settingsSheet, sheetIssues, located } = g.value;
  const issues: Issue[] = [...sheetIssues];
  const warnings: Issue[] = [];
  let inv: Inventory | undefined;
  let address = "";
  if (!g.value.inventory.ok) issues.push(...g.value.inventory.issues);
  else {
    warnings.push(...g.value.inventory.warnings);
    const grid = g.value.inventory.value;
    address = gridAddress(grid);
    const read = await readInventoryChunked(grid, { unit: g.value.unit }, { yieldTo: () => undefined, ...options });
    if (!read.ok && isReadCancelled(read)) return read;
    if (!read.ok) issues.push(...read.issues);
    else {
      inv = read.value;
      warnings.push(...read.warnings);
    }
  }
  const input = { ...raw, settings: { ...raw.settings } };
  if (inv) {
    const rows = inventoryInput(inv, raw.settings.baseYear, settingsSheet?.units);
    input.inventory = rows.rows;
    if (settingsSheet?.units === undefined) input.settings.units = rows.units;
    issues.push(...rows.issues.map((i) => (settingsSheet?.cells.baseYear ? { ...i, cell: settingsSheet.cells.baseYear } : i)));
  }
  const noInventory = !inv || input.inventory.length === 0;
  // Without a usable inventory, stand-in rows for every city and sector the sheets name let the other
  // checks run (and report) without a cascade of "unknown city" issues.
  const compiled = compileScenario(noInventory ? { ...input, inventory: standIns(input) } : input);
  if (!compiled.ok) {
    const own = compiled.issues.filter((i) => !(noInventory && (i.path[0] === "inventory" || CASCADE.has(i.code))));
    issues.push(...unlocateMissingSettings(own, settingsSheet));
  }
  if (issues.length > 0 || !compiled.ok || !inv) return fail(issues.length > 0 ? issues : [issue("internal_error", [], { detail: "scenario not compiled" })]);
  const sheets: Partial<Record<ScenarioRole, string>> = {};
  for (const r of SCENARIO_ROLES) if (located.scenario[r]) sheets[r] = located.scenario[r];
  const inputHash = `sha256:${sha256(canonicalJson(stripSources(input)))}`;
  return ok({ input, model: compiled.value, inventory: inv, inventoryAddress: address, sheets, inputHash }, [...warnings, ...compiled.warnings]);
}

/** A free sheet name: `wanted`, else "wanted (2)", "wanted (3)" … (Excel's 31-character limit kept). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const set = new Set(taken.map(lc));
  if (!set.has(lc(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!set.has(lc(name))) return name;
  }
}

/** A table-name allocator avoiding names in use (except those on sheets about to be cleared). */
function tableNamer(tables: readonly TableInfo[], freed: readonly string[]) {
  const free = new Set(freed.map(lc));
  const used = new Set(tables.filter((t) => !free.has(lc(t.sheet))).map((t) => lc(t.name)));
  return (wanted: string): string => {
    let name = wanted;
    for (let n = 2; used.has(lc(name)); n++) name = `${wanted}_${n}`;
    used.add(lc(name));
    return name;
  };
}

/**
 * Writes the scenario template: Settings, Drivers, Levers and Activities (and, for the 长株潭 example,
 * its base-year Inventory) as Excel tables with bilingual headers, in sheets the add-in creates. Never
 * writes into an existing sheet: a taken name becomes "Settings (2)". The names used are recorded in
 * the add-in's settings so that {@link readScenario} finds them.
 * @example await createScenarioSheets(port, { example: "changzhutan" }) // ok: { sheets: ["Settings", …] }
 */
export async function createScenarioSheets(port: WorkbookPort, options: { example?: "changzhutan"; lang?: "en" | "zh" }): Promise<Result<{ sheets: string[] }>> {
  const loc = await locate(port);
  if (!loc.ok) return loc;
  const l = loc.value;
  const lang = options.lang ?? "en";
  const taken = l.sheets.map((s) => s.name);
  const namer = tableNamer(l.tables, []);
  const ops: WriteOp[] = [];
  const names: string[] = [];
  const recorded: Record<string, string> = {};
  let inventoryName: string | undefined;
  const sheets = templateSheets(lang, options.example);
  for (const t of sheets) {
    const name = freeSheetName(t.sheet, taken);
    taken.push(name);
    names.push(name);
    if (t.role === "inventory") inventoryName = name;
    else recorded[t.role] = name;
  }
  sheets.forEach((t, i) => {
    ops.push({ kind: "addSheet", sheet: names[i] });
    let rows = t.rows;
    if (t.role === "settings" && inventoryName !== undefined) rows = rows.map((r, k) => (k === 0 ? [r[0], inventoryName!, r[2]] : r));
    const table = `CarbonPeak_${t.role === "inventory" ? "Inventory" : SHEET_NAMES[t.role].en}`;
    ops.push({ kind: "table", sheet: names[i], tableName: namer(table), header: t.header, rows, numberFormats: t.numberFormats, validation: t.validation });
  });
  const w = await port.writeMany(ops);
  if (!w.ok) return w;
  const s = await port.setSettings({ ...l.settings, [SETTINGS_KEYS.scenarioSheets]: recorded });
  if (!s.ok) return s;
  return ok({ sheets: names });
}

/** Yields to the event loop (so an abort can arrive between Monte Carlo chunks). */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Reads and validates the scenario (see {@link readScenario}), runs every scenario, and writes the
 * outputs — results, peaks, reductions by lever and sector, coordination benefit, the activity /
 * structure / levers decomposition from the base year to the target year, chart data with charts, the
 * Monte Carlo summary and peak-year histogram with its chart (with `draws` > 0, or a precomputed
 * `monteCarlo`), and a run record — as values into sheets the add-in owns, in one batch; with
 * `formulas: true` also the "Peaks (live)" sheet, whose peak year and status are live CARBON.* formulas. A re-run
 * replaces its own outputs and nothing else; with `lang: "zh"` every output sheet name, header, label
 * and chart title is Chinese ("结果", "排放量（Mt CO2）"), and a re-run in the other language replaces the
 * add-in's sheets named in the previous language (a user's sheet is never touched: a taken name
 * becomes "结果 (2)"). Progress goes to `onProgress` (fraction 0–1, stage name:
 * read, run, uncertainty, write, done); `signal` is checked between stages and between Monte Carlo
 * chunks, and an abort returns a `cancelled` issue with nothing written.
 * @example const r = await runAndWrite(port, { version: "0.1.0", draws: 1000, seed: 1 }); if (r.ok) r.value.peaks
 * @example await runAndWrite(port, { lang: "zh" }) // writes 结果, 峰值, 减排, … 运行记录
 */
export async function runAndWrite(port: WorkbookPort, options: RunOptions = {}): Promise<Result<RunSummary>> {
  const progress = options.onProgress ?? (() => undefined);
  const cancelled = () => options.signal?.aborted === true;
  const stop = () => fail<RunSummary>([issue("cancelled", [])]);
  if (cancelled()) return stop();
  progress(0, "read");
  const read = await readScenario(port, options.source, {
    signal: options.signal,
    ...(options.yieldTo ? { yieldTo: options.yieldTo } : {}),
    onProgress: (p) => progress(0.3 * inventoryProgressFraction(p), "read"),
  });
  if (!read.ok) return isReadCancelled(read) ? stop() : read;
  if (cancelled()) return stop();
  progress(0.3, "run");
  const run = runModel(read.value.model);
  if (!run.ok) return run;
  const decomposition = scenarioDecomposition(run.value);
  if (!decomposition.ok) return decomposition;
  const warnings = [...read.warnings, ...run.warnings, ...decomposition.warnings];
  if (cancelled()) return stop();

  let monteCarlo: MonteCarloResult | undefined;
  if (options.monteCarlo !== undefined) {
    if (options.monteCarlo.inputHash !== read.value.inputHash) return fail([issue("mc_stale", [])]);
    monteCarlo = options.monteCarlo.result;
  } else if (options.draws !== undefined && options.draws !== 0) {
    const started = startMonteCarlo(read.value.input, { draws: options.draws, seed: options.seed ?? DEFAULT_SEED });
    if (!started.ok) return started;
    const mc = started.value;
    while (mc.done < mc.draws) {
      progress(0.35 + (0.5 * mc.done) / mc.draws, "uncertainty");
      await tick();
      if (cancelled()) return stop();
      runChunk(mc, DEFAULT_CHUNK);
    }
    const finished = finishMonteCarlo(mc);
    if (!finished.ok) return finished;
    monteCarlo = finished.value;
    // The deterministic run's warnings are already listed.
    const seen = [...warnings];
    warnings.push(...finished.warnings.filter((w) => !seen.some((x) => x.code === w.code && JSON.stringify(x.path) === JSON.stringify(w.path))));
  }
  if (cancelled()) return stop();
  progress(monteCarlo ? 0.9 : 0.6, "write");

  // Names: reuse the add-in's previous outputs, else a free name.
  const loc = await locate(port);
  if (!loc.ok) return loc;
  const l = loc.value;
  const results = run.value;
  const roles: OutputRole[] = [
    "results",
    "peaks",
    ...(options.formulas ? (["peaksLive"] as const) : []),
    "reductions",
    ...(results.coordination ? (["coordination"] as const) : []),
    "decomposition",
    "charts",
    ...(monteCarlo ? (["uncertainty", "peakYears"] as const) : []),
    "runInfo",
  ];
  const lang: Lang = options.lang ?? "en";
  const other: Lang = lang === "en" ? "zh" : "en";
  const wanted = outputSheetNames(lang);
  const owned = new Set(l.sheets.filter((s) => s.owned).map((s) => lc(s.name)));
  const exists = new Set(l.sheets.map((s) => lc(s.name)));
  const previous = l.outputs;
  const taken = l.sheets.map((s) => s.name);
  const sheets: Partial<Record<OutputRole, string>> = {};
  const ops: WriteOp[] = [];
  const reused: string[] = [];
  const replaced: string[] = [];
  for (const role of roles) {
    const prev = previous[role];
    const real = prev !== undefined && exists.has(lc(prev)) && owned.has(lc(prev)) ? l.sheets.find((s) => lc(s.name) === lc(prev))!.name : undefined;
    if (real !== undefined && !isOutputSheetName(role, other, real)) {
      sheets[role] = real;
      reused.push(real);
      ops.push({ kind: "clearSheet", sheet: real });
    } else {
      // The add-in's own sheet for this role named in the other language goes; the new one takes its language's name.
      if (real !== undefined) {
        replaced.push(real);
        ops.push({ kind: "deleteSheet", sheet: real });
        taken.splice(taken.indexOf(real), 1);
      }
      const name = freeSheetName(wanted[role], taken);
      taken.push(name);
      sheets[role] = name;
      ops.push({ kind: "addSheet", sheet: name });
    }
  }
  // Outputs of an earlier run that this run does not produce (e.g. no coordination pair any more).
  for (const [role, prev] of Object.entries(previous)) {
    if (!(role in sheets) && exists.has(lc(prev)) && owned.has(lc(prev)) && !reused.includes(prev) && !replaced.includes(prev)) ops.push({ kind: "deleteSheet", sheet: prev });
  }
  const at = (options.now ?? (() => new Date()))().toISOString();
  const record: RunRecord = {
    at,
    version: options.version ?? "unknown",
    inputHash: read.value.inputHash,
    inventory: read.value.inventoryAddress,
    scenarioSheets: Object.values(read.value.sheets).filter((x): x is string => !!x),
    unit: results.settings.units,
    scenarios: [...results.scenarios],
    outputs: sheets,
    warnings: warnings.length,
    ...(monteCarlo ? { draws: monteCarlo.draws, seed: monteCarlo.seed } : {}),
    ...(options.formulas ? { formulas: true } : {}),
    ...(lang === "zh" ? { lang: "zh" as const } : {}),
  };
  ops.push(...outputOps({ results, sheets, tableName: tableNamer(l.tables, [...reused, ...replaced]), record, warnings, decomposition: decomposition.value, monteCarlo, lang }));
  if (cancelled()) return stop();
  const w = await port.writeMany(ops);
  if (!w.ok) return w;
  const saved = await port.setSettings({ ...l.settings, [SETTINGS_KEYS.outputs]: { ...sheets }, [SETTINGS_KEYS.lastRun]: JSON.parse(JSON.stringify(record)) });
  if (!saved.ok) return saved;
  progress(1, "done");
  return ok({ outputs: roles.map((r) => sheets[r]!), peaks: peakSummary(results), record, ...(monteCarlo ? { monteCarlo } : {}) }, warnings);
}
