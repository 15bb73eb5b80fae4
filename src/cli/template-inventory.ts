/**
 * `carbon-peak template OUT --inventory FILE [--sheet S | --table T] [--unit U] [--region R] [--year Y]
 * [--cities a,b,…] [--cluster NAME] [--base-year Y] [--fill carry-forward]`: a cluster workbook in one
 * step — the chosen cities' inventory rows (every year) with Settings filled. The cities must be the
 * inventory's (an unknown name is listed with the nearest ones); the base year is, by default, the
 * latest year every chosen city has (said on stderr); a base year some city lacks stops with one
 * problem per such city, unless the fill rule carries its last measured value forward.
 */
import { startFromInventory, type TemplateFromInventory } from "../app";
import { parseFillRule, splitNames, type Lang } from "../engine";
import type { CliIo } from "./main";
import { inventoryArgs, readInventoryFile, REGION_OPTIONS, type CliKit } from "./inventory";
import { cliText } from "./text";

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** The options of `template` that start it from an inventory. */
export const TEMPLATE_INVENTORY_OPTIONS = {
  inventory: { type: "string" },
  sheet: { type: "string" },
  range: { type: "string" },
  table: { type: "string" },
  unit: { type: "string" },
  ...REGION_OPTIONS,
  cities: { type: "string" },
  cluster: { type: "string" },
  "base-year": { type: "string" },
  fill: { type: "string" },
} as const;

/** Options that only make sense with --inventory. */
const NEEDS_INVENTORY = ["sheet", "range", "table", "unit", "region", "year", "cities", "cluster", "base-year", "fill"] as const;

/**
 * Checks that no inventory-only option is given without --inventory (a usage error naming it).
 * @example checkTemplateOptions({ cities: "a" }, kit) // usage error: --cities needs --inventory
 */
export function checkTemplateOptions(values: Values, kit: CliKit): void {
  if (values.inventory !== undefined) {
    if (values.example !== undefined) kit.usage("give --example or --inventory, not both");
    return;
  }
  for (const k of NEEDS_INVENTORY) if (values[k] !== undefined) kit.usage(`--${k} needs --inventory FILE`);
}

/**
 * Reads the inventory named by --inventory and decides what the scenario starts from: the chosen
 * cities, the base year (given, or the latest every chosen city has), the cluster's name and the fill
 * rule. Returns the template's input, or the exit code after printing every problem.
 */
export async function templateInventory(values: Values, io: CliIo, kit: CliKit, lang: Lang): Promise<TemplateFromInventory | number> {
  const file = values.inventory as string;
  const fillText = typeof values.fill === "string" ? values.fill : undefined;
  const fill = fillText === undefined ? "none" : parseFillRule(fillText);
  if (fill === undefined) kit.usage(`--fill must be carry-forward (or none), not ${JSON.stringify(fillText)}`);
  const baseText = typeof values["base-year"] === "string" ? values["base-year"] : undefined;
  if (baseText !== undefined && !/^\s*\d{4}\s*$/.test(baseText)) kit.usage(`--base-year must be a year such as 2019, not ${JSON.stringify(baseText)}`);
  const read = await readInventoryFile(file, inventoryArgs(values, kit), true);
  if (!read.ok) {
    if (read.issues.some((i) => i.code === "file_not_found" || i.code === "file_unreadable")) return kit.fileProblem(io, read.issues, lang);
    kit.printIssues(io, read.issues, lang, "carbon-peak: ");
    return kit.exit.problems;
  }
  kit.printIssues(io, read.warnings, lang, cliText(lang, "warningPrefix"));
  const names = typeof values.cities === "string" ? splitNames(values.cities) : undefined;
  if (names !== undefined && names.length === 0) kit.usage("--cities names no city");
  const start = startFromInventory(
    read.value,
    {
      cities: names,
      baseYear: baseText === undefined ? undefined : Number(baseText),
      cluster: typeof values.cluster === "string" ? values.cluster : undefined,
      fill: fill ?? "none",
    },
    { cities: ["--cities"], baseYear: ["--base-year"] },
  );
  if (!start.ok) {
    kit.printIssues(io, start.issues, lang, "carbon-peak: ");
    // An unknown city is a wrong argument; a base year the cities lack is a problem of the inventory.
    return start.issues.some((i) => i.code === "city_not_in_inventory") ? kit.exit.usage : kit.exit.problems;
  }
  if (start.value.defaultBaseYear) io.err(`carbon-peak: ${cliText(lang, "defaultBaseYear", { year: start.value.baseYear })}`);
  return start.value;
}
