/**
 * Which region and year a one-region sheet stands for (a sector × fuel sheet, a sectors × years or a
 * years × fuels sheet): from the options, the sheet's name (CEADs names them `Beijing2019`, or only
 * `2019` in the national workbook), a title row, or the caller's defaults. One home for the rule.
 */
import { cellText, gridAt, gridWidth, type Grid } from "./grid";

/** Region and year options of the one-region readers. */
export interface RegionOptions {
  /** The region's name, whatever the sheet says. */
  readonly region?: string;
  /** The year (sector × fuel sheets), whatever the sheet says. */
  readonly year?: number;
  /**
   * The region's name when the sheet's name does not give one (a sheet named `2019`, `sum` or
   * `Sum-Sec-Scope 1`): the CLI passes the workbook's file name. Default: the sheet's name, or
   * {@link DEFAULT_REGION} for a sheet named only by a year.
   */
  readonly defaultRegion?: string;
  /** The year of a sector × fuel sheet when neither its name nor a title row gives one. */
  readonly defaultYear?: number;
}

/** The region of a sheet named only by a year, when no region is given. */
export const DEFAULT_REGION = "Region";

/**
 * Region and year from a CEADs-style sheet name: "Hunan2019" → { region: "Hunan", year: 2019 },
 * "湖南 2019年" → { region: "湖南", year: 2019 }, "2019" → { year: 2019 } (no region),
 * "Sectors" → { region: "Sectors" }.
 * @example regionYearOfSheet("InnerMongolia2019") // { region: "InnerMongolia", year: 2019 }
 */
export function regionYearOfSheet(sheet: string): { region?: string; year?: number } {
  const name = sheet.trim();
  const m = /^(.*?)[\s_-]*((?:19|20|21)\d{2})年?$/.exec(name);
  if (m) return m[1] !== "" ? { region: m[1], year: Number(m[2]) } : { year: Number(m[2]) };
  return { region: name };
}

/**
 * The region a one-region sheet is read as: `options.region`; else the region its name gives
 * ("Hunan2019" → "Hunan"); else `options.defaultRegion`; else the sheet's name — or
 * {@link DEFAULT_REGION} when the name is only a year.
 * @example regionOfSheet("Beijing2019", {}) // "Beijing"
 * @example regionOfSheet("2019", { defaultRegion: "China" }) // "China"
 */
export function regionOfSheet(sheet: string, options: RegionOptions = {}): string {
  if (options.region !== undefined && options.region.trim() !== "") return options.region.trim();
  const named = regionYearOfSheet(sheet);
  if (named.region !== undefined && named.year !== undefined) return named.region;
  if (options.defaultRegion !== undefined && options.defaultRegion.trim() !== "") return options.defaultRegion.trim();
  return named.region ?? DEFAULT_REGION;
}

/** A year written in a title row above `headerRow` ("Hunan CO2 inventory, 2017"). */
function yearInTitle(g: Grid, headerRow: number): number | undefined {
  const width = gridWidth(g);
  for (let r = 0; r < headerRow; r++) {
    for (let c = 0; c < width; c++) {
      const m = /(?:^|\D)((?:19|20|21)\d{2})(?:\D|$)/.exec(cellText(gridAt(g, r, c)));
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

/**
 * The year a sector × fuel sheet is read as: `options.year`; else the year in its name
 * ("Beijing2019", "2019"); else a year in a title row above the header; else `options.defaultYear`.
 * Undefined when none says it.
 * @example yearOfSheet(makeGrid("Hunan2019", []), 0, {}) // 2019
 */
export function yearOfSheet(g: Grid, headerRow: number, options: RegionOptions = {}): number | undefined {
  return options.year ?? regionYearOfSheet(g.sheet).year ?? yearInTitle(g, headerRow) ?? options.defaultYear;
}
