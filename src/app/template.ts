/**
 * The scenario template: the Settings, Drivers, Levers, Activities, Socioeconomic and Targets sheets as Excel tables with
 * bilingual headers (`scenario-columns.ts`), empty or filled with the 长株潭 example (which also
 * brings its measured inventory), written into sheets the add-in creates. Never writes into an
 * existing sheet: a taken name becomes "Settings (2)" — or, when the caller says so, the add-in's own
 * earlier scenario sheets are replaced; the names used are recorded in the add-in's settings so that
 * the reader finds them.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import { inventoryIndex, ok, type FillRule, type Inventory, type Lang, type Result, type ScenarioInput } from "../engine";
import { CEADS_CITATION, changzhutanInput } from "../samples/changzhutan";
import type { CellValue, ColumnValidation, WorkbookPort, WriteOp } from "../workbook/port";
import { freeSheetName, tableNamer } from "./output-sheets";
import { SETTINGS_KEYS, lc, locate, type Located } from "./records";
import {
  ACTIVITY_COLUMNS,
  DRIVER_COLUMNS,
  SOCIO_COLUMNS,
  TARGET_COLUMNS,
  LEVER_COLUMNS,
  SETTINGS_HEADER,
  SCENARIO_ROLES,
  SETTINGS_ROWS,
  SHEET_NAMES,
  VALIDATION_LISTS,
  headerLabel,
  validationFor,
  type ColumnDef,
  type ScenarioRole,
} from "./scenario-columns";

/** Name of the inventory sheet the example template writes. */
export const EXAMPLE_INVENTORY_SHEET = { en: "Inventory", zh: "排放清单" } as const;

/**
 * A scenario started from an inventory ("a cluster workbook in one step"): its cities (already chosen,
 * every year kept), the base year, the cluster's name and the fill rule for base-year gaps.
 */
export interface TemplateFromInventory {
  readonly inventory: Inventory;
  readonly baseYear: number;
  readonly cluster?: string;
  /** "carry-forward" writes "carry forward" in Settings › Fill rule; default blank (a gap is a problem). */
  readonly fill?: FillRule;
  /**
   * The inventory is already in the workbook (the pane): no Inventory sheet is written, Settings ›
   * Inventory names `keep.sheet` (a sheet, range or table; blank: found as the preview finds it).
   */
  readonly keep?: { readonly sheet?: string };
}

/** Inventory sheet headers (long layout). */
const INVENTORY_HEADER = {
  en: { city: "City", sector: "Sector", year: "Year", emissions: (unit: string) => `Emissions (${unit})` },
  zh: { city: "城市", sector: "部门", year: "年份", emissions: (unit: string) => `排放量（${unit}）` },
} as const;

/**
 * The inventory sheet of a scenario started from an inventory: one row per city × sector × year with a
 * value (long layout, the unit in the header), every year the inventory has — the history as measured.
 */
function inventorySheet(from: TemplateFromInventory, lang: Lang): TemplateSheet {
  const inv = from.inventory;
  const h = INVENTORY_HEADER[lang];
  const emissions = h.emissions(inv.unit);
  const rows: CellValue[][] = [];
  inv.cities.forEach((city, c) =>
    inv.sectors.forEach((sector, s) =>
      inv.years.forEach((year, y) => {
        const v = inv.values[inventoryIndex(inv, c, s, y)];
        if (!Number.isNaN(v)) rows.push(inv.hasSectors ? [city, sector, year, v] : [city, year, v]);
      }),
    ),
  );
  return {
    role: "inventory",
    sheet: EXAMPLE_INVENTORY_SHEET[lang],
    header: inv.hasSectors ? [h.city, h.sector, h.year, emissions] : [h.city, h.year, emissions],
    rows,
    numberFormats: { [emissions]: "0.000" },
  };
}

/** A sheet the template writes: name, header, rows, number formats by header. */
export interface TemplateSheet {
  readonly role: ScenarioRole | "inventory";
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly numberFormats?: Readonly<Record<string, string>>;
  /** Dropdown lists by column (see {@link VALIDATION_LISTS}). */
  readonly validation?: readonly ColumnValidation[];
}

/** A record's field as a cell: a list (of cities, sectors, scenarios) as "a, b"; anything else not a cell value as blank. */
function asCell(v: unknown): CellValue {
  if (Array.isArray(v)) return v.join(", ");
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : null;
}

/** A record's cells in the order of `defs`. */
function cellsOf(defs: readonly ColumnDef[], record: object): CellValue[] {
  const fields = new Map(Object.entries(record));
  return defs.map((d) => asCell(fields.get(d.field)));
}

/**
 * The template's sheets: Settings (every setting with a note), Drivers, Levers, Activities,
 * Socioeconomic (measured population, GDP, energy) and Targets — empty, or filled with the 长株潭 example (which also brings its measured inventory, one column per year, wide layout, in Mt).
 * Drivers and Levers end with the four uncertainty columns (Distribution, SD, Min, Max;
 * docs/uncertainty.md), blank where a row is certain. Sheet names are the defaults for `lang`; the
 * caller renames on a clash. The empty template's Settings values are {@link SETTINGS_ROWS}' `template` values.
 * Started `from` an inventory, Settings names its sheet, base year, unit, cluster and fill rule, and the
 * Inventory sheet holds the chosen cities' rows, every year (Drivers, Levers and Activities empty).
 * @example templateSheets("en", "changzhutan").map((s) => s.sheet) // ["Settings", "Drivers", "Levers", "Activities", "Socioeconomic", "Targets", "Inventory"]
 */
export function templateSheets(lang: Lang = "en", example?: "changzhutan", from?: TemplateFromInventory): TemplateSheet[] {
  const input: ScenarioInput | undefined = example === "changzhutan" ? changzhutanInput() : undefined;
  const st = input?.settings;
  const invSheet = EXAMPLE_INVENTORY_SHEET[lang];
  const exampleSettings = new Map<string, unknown>(st ? [...Object.entries(st), ["inventory", invSheet]] : []);
  const fromSettings = new Map<string, unknown>(
    from
      ? [
          ["inventory", from.keep ? from.keep.sheet : invSheet],
          ["baseYear", from.baseYear],
          ["units", from.inventory.unit],
          ["cluster", from.cluster],
          ["fill", from.fill === "carry-forward" ? (lang === "zh" ? "延用最近实测值" : "carry forward") : undefined],
        ]
      : [],
  );
  const settingValue = (d: (typeof SETTINGS_ROWS)[number]): CellValue =>
    st ? asCell(exampleSettings.get(d.field)) : fromSettings.get(d.field) !== undefined ? asCell(fromSettings.get(d.field)) : (d.template ?? null);
  const head = (defs: readonly ColumnDef[]) => defs.map((d) => headerLabel(d, lang));
  const settings: TemplateSheet = {
    role: "settings",
    sheet: SHEET_NAMES.settings[lang],
    header: head(SETTINGS_HEADER),
    // The example's data travels with its citation: in the note of the row that names its inventory.
    rows: SETTINGS_ROWS.map((d) => {
      const help = d.help ? (lang === "zh" ? d.help.zh : d.help.en) : null;
      return [headerLabel(d, lang), settingValue(d), st && d.field === "inventory" ? [help, CEADS_CITATION].filter(Boolean).join(" — ") : help];
    }),
  };
  const drivers: TemplateSheet = {
    role: "drivers",
    sheet: SHEET_NAMES.drivers[lang],
    header: head(DRIVER_COLUMNS),
    rows: (input?.drivers ?? []).map((d) => cellsOf(DRIVER_COLUMNS, d)),
    // Rates (and the rate at the period's end) and their distribution parameters (SD, Min, Max) are yearly rates: shown as percentages.
    numberFormats: Object.fromEntries(
      DRIVER_COLUMNS.filter((d) => ["rate", "endRate", "sd", "min", "max"].includes(d.field)).map((d) => [headerLabel(d, lang), "0.00%"]),
    ),
    validation: validationFor(DRIVER_COLUMNS, VALIDATION_LISTS.drivers),
  };
  const levers: TemplateSheet = {
    role: "levers",
    sheet: SHEET_NAMES.levers[lang],
    header: head(LEVER_COLUMNS),
    rows: (input?.levers ?? []).map((l) => cellsOf(LEVER_COLUMNS, l)),
    validation: validationFor(LEVER_COLUMNS, VALIDATION_LISTS.levers),
  };
  const activities: TemplateSheet = {
    role: "activities",
    sheet: SHEET_NAMES.activities[lang],
    header: head(ACTIVITY_COLUMNS),
    rows: (input?.activities ?? []).map((a) => cellsOf(ACTIVITY_COLUMNS, a)),
  };
  const socioeconomic: TemplateSheet = {
    role: "socioeconomic",
    sheet: SHEET_NAMES.socioeconomic[lang],
    header: head(SOCIO_COLUMNS),
    rows: (input?.socioeconomic ?? []).map((r) => cellsOf(SOCIO_COLUMNS, r)),
    validation: validationFor(SOCIO_COLUMNS, VALIDATION_LISTS.socioeconomic),
  };
  const targets: TemplateSheet = {
    role: "targets",
    sheet: SHEET_NAMES.targets[lang],
    header: head(TARGET_COLUMNS),
    rows: (input?.targets ?? []).map((r) => cellsOf(TARGET_COLUMNS, r)),
    validation: validationFor(TARGET_COLUMNS, VALIDATION_LISTS.targets),
  };
  const out = [settings, drivers, levers, activities, socioeconomic, targets];
  if (from && !input && !from.keep) out.push(inventorySheet(from, lang));
  if (input && st) {
    // The example's history: one column per year it has (wide layout), a blank cell where CEADs has no value.
    const cities = Array.from(new Set(input.inventory.map((r) => r.city)));
    const sectors = Array.from(new Set(input.inventory.map((r) => r.sector)));
    const years = Array.from(new Set(input.inventory.map((r) => r.year ?? st.baseYear))).sort((a, b) => a - b);
    const value = new Map(input.inventory.map((r) => [`${r.city}\u0000${r.sector}\u0000${r.year ?? st.baseYear}`, r.value]));
    const rows: CellValue[][] = [];
    for (const c of cities) for (const s of sectors) rows.push([c, s, st.units, ...years.map((y) => value.get(`${c}\u0000${s}\u0000${y}`) ?? null)]);
    out.push({
      role: "inventory",
      sheet: invSheet,
      header: [...(lang === "zh" ? ["城市", "部门", "单位"] : ["City", "Sector", "Unit"]), ...years.map(String)],
      rows,
      numberFormats: Object.fromEntries(years.map((y) => [String(y), "0.000"])),
    });
  }
  return out;
}

/** Options of {@link createScenarioSheets}. */
export interface TemplateOptions {
  readonly example?: "changzhutan";
  readonly lang?: Lang;
  /**
   * Replace the scenario sheets already there ({@link existingScenarioSheets}) that the add-in created:
   * they are deleted and written anew under their names in the same batch (a refused batch deletes
   * nothing). A scenario sheet the user made is never deleted; the new one gets a free name beside it.
   * Default false: existing sheets stay and the new ones get free names ("Settings (2)").
   */
  readonly replace?: boolean;
  /** Start from an inventory: the chosen cities' rows with Settings filled (see {@link TemplateFromInventory}). */
  readonly fromInventory?: TemplateFromInventory;
}

/** A scenario sheet already in the workbook, and whether the add-in created it (only those can be replaced). */
export interface ExistingSheet {
  readonly sheet: string;
  readonly owned: boolean;
}

/**
 * The sheets a new template would meet: the scenario sheet of each role (recorded, or named like the
 * role) and, when the template is the example, the example's inventory sheet if the add-in created it.
 * Empty when the workbook has no scenario sheet. The task pane asks before writing over them.
 * @example existingScenarioSheets(l, { example: "changzhutan" }) // [{ sheet: "Settings", owned: true }, …, { sheet: "Inventory", owned: true }]
 */
export function existingScenarioSheets(l: Located, options: Pick<TemplateOptions, "example" | "lang"> = {}): ExistingSheet[] {
  const info = new Map(l.sheets.map((x) => [lc(x.name), x]));
  const out: ExistingSheet[] = [];
  for (const role of SCENARIO_ROLES) {
    const name = l.scenario[role];
    const sheet = name === undefined ? undefined : info.get(lc(name));
    if (sheet) out.push({ sheet: sheet.name, owned: sheet.owned });
  }
  if (out.length > 0 && options.example) {
    const inv = info.get(lc(EXAMPLE_INVENTORY_SHEET[options.lang ?? "en"]));
    if (inv?.owned) out.push({ sheet: inv.name, owned: true });
  }
  return out;
}

/**
 * Writes the scenario template: Settings, Drivers, Levers, Activities, Socioeconomic and Targets (and, for the 长株潭 example,
 * its base-year Inventory; `fromInventory`, the chosen cities' inventory with Settings filled — see
 * {@link TemplateFromInventory}) as Excel tables with bilingual headers, in sheets the add-in creates. Never
 * writes into an existing sheet: a taken name becomes "Settings (2)" — unless `replace` is set, when
 * the add-in's own existing scenario sheets are deleted and rewritten in the same batch (see
 * {@link TemplateOptions.replace}). The names used are recorded in the add-in's settings so that the
 * scenario reader finds them.
 * @example await createScenarioSheets(port, { example: "changzhutan" }) // ok: { sheets: ["Settings", …] }
 * @example await createScenarioSheets(port, { example: "changzhutan", replace: true }) // Settings … written anew, no "(2)"
 */
export async function createScenarioSheets(port: WorkbookPort, options: TemplateOptions): Promise<Result<{ sheets: string[] }>> {
  const loc = await locate(port);
  if (!loc.ok) return loc;
  const l = loc.value;
  const lang = options.lang ?? "en";
  const replaced = options.replace
    ? existingScenarioSheets(l, options)
        .filter((x) => x.owned)
        .map((x) => x.sheet)
    : [];
  const gone = new Set(replaced.map(lc));
  const taken = l.sheets.map((s) => s.name).filter((n) => !gone.has(lc(n)));
  const namer = tableNamer(l.tables, replaced);
  const ops: WriteOp[] = replaced.map((sheet) => ({ kind: "deleteSheet", sheet }));
  const names: string[] = [];
  const recorded: Record<string, string> = {};
  let inventoryName: string | undefined;
  const sheets = templateSheets(lang, options.example, options.fromInventory);
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
