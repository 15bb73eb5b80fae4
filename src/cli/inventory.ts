/**
 * `carbon-peak inventory FILE [--sheet NAME [--range A1:Z40] | --table NAME] [--unit U] [--region R]
 * [--year Y] [--json]`: shows what was read from an inventory file — the layout (shape), the unit,
 * the regions with their totals per year, the sectors and years — so the analyst can check it
 * against the file before building anything on it. Reads as the task pane does (the app's
 * `inventorySummary`, the same summary its Inventory preview shows); a unit is not needed ("unit not stated").
 */
import { basename, extname } from "path";
import type { ParseArgsConfig } from "util";
import { inventorySummary, loadInventory, type InventorySource, type ReadAs } from "../app";
import type { Inventory, InventorySummary, Issue, Lang, Result } from "../engine";
import { HELP } from "./help";
import type { CliIo } from "./main";
import { renderTable } from "./table";
import { cliText, type CliTextKey } from "./text";
import { readWorkbook } from "./xlsx";

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command borrows from the CLI's main module (argument parsing, messages, exit codes). */
export interface CliKit {
  parse(args: string[], options: ParseArgsConfig["options"]): { values: Values; positionals: string[] };
  one(positionals: string[], what: string): string;
  langOf(v: unknown): Lang;
  /** Throws the CLI's usage error (exit 2). */
  usage(message: string): never;
  printIssues(io: CliIo, issues: readonly Issue[], lang: Lang, prefix?: string): void;
  issueJson(i: Issue, lang: Lang): unknown;
  /** Prints a file problem; the exit code (2 for a missing file, else 1). */
  fileProblem(io: CliIo, issues: readonly Issue[], lang: Lang): number;
  readonly exit: { readonly ok: number; readonly problems: number; readonly usage: number };
}

/** The options every inventory-reading command takes besides --sheet/--range/--table/--unit. */
export const REGION_OPTIONS = { region: { type: "string" }, year: { type: "string" } } as const;

/** Where the inventory is and how to read it, from the command line. */
export interface InventoryArgs {
  readonly sheet?: string;
  readonly range?: string;
  readonly table?: string;
  readonly unit?: string;
  readonly region?: string;
  readonly year?: number;
}

/** Reads --sheet, --range, --table, --unit, --region, --year (a usage error for a bad year or a range without a sheet). */
export function inventoryArgs(values: Values, kit: CliKit): InventoryArgs {
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const year = str("year");
  if (year !== undefined && !/^\s*\d{4}\s*$/.test(year)) kit.usage(`--year must be a year such as 2019, not ${JSON.stringify(year)}`);
  if (str("range") !== undefined && str("sheet") === undefined) kit.usage("--range needs --sheet");
  if (str("sheet") !== undefined && str("table") !== undefined) kit.usage("give --sheet or --table, not both");
  return {
    sheet: str("sheet"),
    range: str("range"),
    table: str("table"),
    unit: str("unit"),
    region: str("region"),
    year: year === undefined ? undefined : Number(year),
  };
}

/** How the CLI reads an inventory file: its choosers named as options, regions named after the file. */
export function cliReadAs(file: string, unitRequired = false): ReadAs {
  return { unitOptional: !unitRequired, choosers: { unit: "--unit", year: "--year" }, defaultRegion: basename(file, extname(file)) };
}

/** The inventory source of the command line. */
export function sourceOfArgs(args: InventoryArgs): InventorySource | undefined {
  const s: InventorySource = {};
  if (args.sheet !== undefined) s.sheet = args.sheet;
  if (args.range !== undefined) s.address = args.range;
  if (args.table !== undefined) s.table = args.table;
  if (args.unit !== undefined) s.unit = args.unit;
  if (args.region !== undefined) s.region = args.region;
  if (args.year !== undefined) s.year = args.year;
  return Object.keys(s).length > 0 ? s : undefined;
}

/**
 * Reads the inventory of an .xlsx file as the task pane reads a workbook's (the app's `loadInventory`:
 * the sheet or table asked for, else the whole workbook — every region-year sheet, or the first
 * inventory sheet —, scenario and output sheets skipped, a unit stated in a notes sheet counted).
 * Without any unit the read goes on ("unit not stated") unless `unitRequired`; regions of sheets that
 * name none are named after the file.
 * @example await readInventoryFile("Emission_Inventories_for_30_Provinces_2019.xlsx", {}) // 30 regions
 */
export async function readInventoryFile(file: string, args: InventoryArgs, unitRequired = false): Promise<Result<Inventory>> {
  const wb = await readWorkbook(file);
  if (!wb.ok) return wb;
  return loadInventory(wb.value, sourceOfArgs(args), cliReadAs(file, unitRequired));
}

/** Years as a short range: "2019", "1997–2019 (23 years)". */
function yearsText(years: readonly number[], lang: Lang): string {
  if (years.length === 0) return "–";
  if (years.length === 1) return String(years[0]);
  return cliText(lang, "yearRange", { first: years[0], last: years[years.length - 1], count: years.length });
}

const LAYOUT_KEY: Readonly<Record<InventorySummary["layout"], CliTextKey>> = {
  long: "layoutLong",
  wide: "layoutWide",
  "sectors-years": "layoutSectorsYears",
  "sectors-fuels": "layoutSectorsFuels",
  "years-fuels": "layoutYearsFuels",
};

/** The summary as terminal text: what was read, then the totals (regions × years, or years × regions, or the latest year). */
export function summaryText(s: InventorySummary, file: string, lang: Lang): string {
  const t = (key: CliTextKey, params?: Record<string, string | number>) => cliText(lang, key, params);
  const sheets = s.sheets.length === 1 ? s.sheets[0] : t("sheetRange", { count: s.sheets.length, first: s.sheets[0], last: s.sheets[s.sheets.length - 1] });
  const unit = s.unit ?? t("unitNotStated");
  const lines = [
    t("inventoryRead", { file, sheets, layout: t(LAYOUT_KEY[s.layout]), unit }),
    t(s.sectors.length > 0 ? "inventoryCounts" : "inventoryCountsNoSectors", {
      regions: s.regions.length,
      sectors: s.sectors.length,
      years: yearsText(s.years, lang),
    }),
    "",
    t(s.sectors.length > 0 ? "totalsIn" : "totalsInNoSectors", { unit }),
  ];
  const at = (r: (typeof s.regions)[number], y: number) => r.totals[String(y)] ?? null;
  if (s.years.length <= 8) {
    lines.push(
      renderTable(
        [t("region"), ...s.years.map(String)],
        s.regions.map((r) => [r.name, ...s.years.map((y) => at(r, y))]),
      ),
    );
  } else if (s.regions.length <= 6) {
    lines.push(
      renderTable(
        [t("year"), ...s.regions.map((r) => r.name)],
        s.years.map((y) => [y, ...s.regions.map((r) => at(r, y))]),
      ),
    );
  } else {
    lines.push(
      renderTable(
        [t("region"), t("firstYear"), t("lastYear"), t("yearCount"), t("lastTotal")],
        s.regions.map((r) => {
          const ys = Object.keys(r.totals)
            .map(Number)
            .sort((a, b) => a - b);
          return [r.name, ys[0] ?? null, ys[ys.length - 1] ?? null, ys.length, ys.length > 0 ? r.totals[String(ys[ys.length - 1])] : null];
        }),
      ),
    );
  }
  return lines.join("\n");
}

/**
 * Runs `carbon-peak inventory`. Exit 0 when the inventory was read (warnings go to stderr), 1 with
 * every problem found, 2 for usage errors.
 */
export async function cmdInventory(args: string[], io: CliIo, kit: CliKit): Promise<number> {
  const { values, positionals } = kit.parse(args, {
    sheet: { type: "string" },
    range: { type: "string" },
    table: { type: "string" },
    unit: { type: "string" },
    ...REGION_OPTIONS,
  });
  if (values.help) {
    io.out(HELP.inventory);
    return kit.exit.ok;
  }
  const lang = kit.langOf(values.lang);
  const input = kit.one(positionals, "<inventory.xlsx>");
  const where = inventoryArgs(values, kit);
  const wb = await readWorkbook(input);
  if (!wb.ok) return kit.fileProblem(io, wb.issues, lang);
  // The same summary the task pane's Inventory preview shows.
  const read = await inventorySummary(wb.value, sourceOfArgs(where), cliReadAs(input));
  if (!read.ok) {
    if (values.json) io.out(JSON.stringify({ ok: false, problems: read.issues.map((i) => kit.issueJson(i, lang)) }, null, 2));
    kit.printIssues(io, read.issues, lang, "carbon-peak: ");
    return kit.exit.problems;
  }
  const s = read.value;
  const warnings = s.warnings;
  if (values.json) {
    io.out(
      JSON.stringify(
        { layout: s.layout, unit: s.unit, regions: s.regions, sectors: s.sectors, warnings: warnings.map((i) => kit.issueJson(i, lang)) },
        null,
        2,
      ),
    );
  } else {
    kit.printIssues(io, warnings, lang, cliText(lang, "warningPrefix"));
    io.out(summaryText(s, basename(input), lang));
  }
  return kit.exit.ok;
}
