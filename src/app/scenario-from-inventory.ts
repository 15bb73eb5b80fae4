/**
 * A new scenario from an inventory ("a cluster workbook in one step"; the pane's "New scenario from this
 * inventory", `carbon-peak template --inventory`): which cities (default all; an unknown name listed with
 * its nearest ones), the base year (default the latest year every chosen city has; one given that some
 * city lacks is a problem per city unless the fill rule carries its last value forward), the cluster's
 * name — then the template written with Settings filled.
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import {
  cityYears,
  fail,
  inventoryAtYear,
  issue,
  latestCommonYear,
  ok,
  selectCities,
  yearSpans,
  type FillRule,
  type Inventory,
  type Lang,
  type Path,
  type Result,
} from "../engine";
import type { WorkbookPort } from "../workbook/port";
import { loadInventory, type InventorySource, type ReadAs } from "./inventory-source";
import { createScenarioSheets, type TemplateFromInventory } from "./template";

/** What the analyst chooses; everything may be left out. */
export interface InventoryChoice {
  readonly cities?: readonly string[];
  readonly baseYear?: number;
  readonly cluster?: string;
  readonly fill?: FillRule;
}

/** The start decided: the template's input, and whether the base year was the default one. */
export interface ScenarioStart extends TemplateFromInventory {
  /** True when the base year is the latest year every chosen city has (no year was given). */
  readonly defaultBaseYear: boolean;
}

/**
 * Decides a scenario's start from an inventory and the analyst's choice. Fails with one
 * `city_not_in_inventory` per unknown name (nearest names listed), one `inventory_base_year_city` per
 * city lacking a given base year (unless carried forward), or `no_common_year`.
 * @param paths where the issues point (the CLI: ["--cities"], ["--base-year"]).
 * @example startFromInventory(cz, {}).value.baseYear // 2015, the latest year 长沙, 株洲 and 湘潭 all have
 */
export function startFromInventory(inv: Inventory, choice: InventoryChoice = {}, paths: { cities?: Path; baseYear?: Path } = {}): Result<ScenarioStart> {
  const chosen = selectCities(inv, choice.cities !== undefined ? Array.from(new Set(choice.cities)) : inv.cities, [...(paths.cities ?? ["cities"])]);
  if (!chosen.ok) return chosen;
  const sel = chosen.value;
  const fill = choice.fill ?? "none";
  const cluster = choice.cluster?.trim() || undefined;
  if (choice.baseYear !== undefined) {
    const at = inventoryAtYear(sel, choice.baseYear, fill, { path: [...(paths.baseYear ?? ["baseYear"])] });
    if (!at.ok) return at;
    return ok({ inventory: sel, baseYear: choice.baseYear, cluster, fill, defaultBaseYear: false });
  }
  const common = latestCommonYear(sel);
  if (common === undefined) {
    const cities = sel.cities.map((c, i) => `${c} ${yearSpans(cityYears(sel, i))}`).join("; ");
    return fail([issue("no_common_year", [...(paths.baseYear ?? ["baseYear"])], { cities })]);
  }
  return ok({ inventory: sel, baseYear: common, cluster, fill, defaultBaseYear: true });
}

/**
 * Reads the workbook's inventory (as the preview does), decides the start ({@link startFromInventory}) and
 * writes the scenario sheets. With `keep` (the pane: the inventory is already in this workbook) no copy is
 * written: Settings › Inventory names the source's sheet (blank when it was found, or the workbook's
 * region-year sheets are read whole). Without it (the CLI: another file) the chosen cities' rows, every
 * year, go into a new Inventory sheet.
 * @example await createScenarioFromInventory(port, undefined, {}, { lang: "zh", keep: true }) // ok: { sheets, start: { baseYear: 2015, … } }
 */
export async function createScenarioFromInventory(
  port: WorkbookPort,
  source: InventorySource | undefined,
  choice: InventoryChoice = {},
  options: { readonly lang?: Lang; readonly replace?: boolean; readonly keep?: boolean; readonly readAs?: ReadAs } = {},
): Promise<Result<{ sheets: string[]; start: ScenarioStart }>> {
  const inv = await loadInventory(port, source, { ...options.readAs, unitOptional: false });
  if (!inv.ok) return inv;
  const start = startFromInventory(inv.value, choice);
  if (!start.ok) return start;
  const keep =
    options.keep === true
      ? {
          sheet:
            source?.table ?? (source?.sheet !== undefined ? (source.address !== undefined ? `${source.sheet}!${source.address}` : source.sheet) : undefined),
        }
      : undefined;
  const made = await createScenarioSheets(port, { lang: options.lang, replace: options.replace, fromInventory: { ...start.value, ...(keep ? { keep } : {}) } });
  return made.ok ? ok({ sheets: made.value.sheets, start: start.value }, [...inv.warnings, ...made.warnings]) : made;
}
