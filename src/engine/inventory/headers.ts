/**
 * Header vocabulary for inventories (docs/design.md §5), in English and Chinese: what a header cell names
 * (city, sector, year, emissions, unit), the year a year-column header stands for, the unit a
 * header carries ("Emissions (Mt)", "emissions_mt", "排放量（万吨）") and total-row/column labels.
 */
import { tonnesPer } from "../units";
import { cellText } from "./grid";

/** What a header cell names. */
export type HeaderRole = "city" | "sector" | "year" | "emissions" | "unit";

/** Header words people expect to see in a message about an unrecognised layout. */
export const EXPECTED_HEADERS = {
  city: "City/城市 (or Region/地区, Province/省份)",
  sector: "Sector/部门 (or Industry/行业)",
  year: "Year/年份",
  emissions: "Emissions/排放量 (or CO2, Value)",
  unit: "Unit/单位",
} as const;

/** The same headers as the Chinese message names them (the `…Zh` parameters of `inventory_layout_unknown`). */
export const EXPECTED_HEADERS_ZH: Readonly<Record<keyof typeof EXPECTED_HEADERS, string>> = {
  city: "城市/City",
  sector: "部门/Sector",
  year: "年份/Year",
  emissions: "排放量/Emissions",
  unit: "单位/Unit",
};

const LATIN: ReadonlyArray<readonly [HeaderRole, RegExp]> = [
  ["unit", /\b(units?)\b/],
  ["year", /\b(years?)\b/],
  ["city", /\b(city|cities|region|regions|province|provinces|prefecture|area|location)\b/],
  ["sector", /\b(sectors?|industry|industries|category|categories)\b/],
  ["emissions", /\b(emissions?|co2|co₂|value|values|amount)\b/],
];

const CHINESE: ReadonlyArray<readonly [HeaderRole, RegExp]> = [
  ["unit", /单位/],
  ["year", /年份|年度|^年$/],
  ["city", /城市|地区|地市|区域|省份|地级市|^省$|^市$/],
  ["sector", /部门|行业|产业|类别/],
  ["emissions", /排放|二氧化碳|碳排|数值/],
];

/** Lower-cased header text with camelCase, `_` and `-` split into words: "TotalEmissions" → "total emissions". */
export function headerWords(v: unknown): string {
  return cellText(v)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
}

/**
 * The role a header cell names, or undefined. Checked in the order unit, year, city, sector,
 * emissions (so "Unit (单位)" is a unit and "CO2 emissions (Mt)" is emissions).
 * @example headerRole("城市/City") // "city"
 * @example headerRole("emissions_mt") // "emissions"
 */
export function headerRole(v: unknown): HeaderRole | undefined {
  const words = headerWords(v);
  if (words === "") return undefined;
  for (let k = 0; k < LATIN.length; k++) {
    if (LATIN[k][1].test(words) || CHINESE[k][1].test(words)) return LATIN[k][0];
  }
  return undefined;
}

/**
 * The calendar year a header cell stands for: a whole number 1900–2200, or text of four such
 * digits, optionally followed by 年 ("2019年"). Undefined otherwise.
 * @example headerYear("2019") // 2019
 * @example headerYear(2019.5) // undefined
 */
export function headerYear(v: unknown): number | undefined {
  let n: number | undefined;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const m = /^\s*(\d{4})\s*年?\s*$/.exec(v);
    if (m) n = Number(m[1]);
  }
  return n !== undefined && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
}

/**
 * A mass unit named in a header: in brackets ("Emissions (Mt CO2)", "排放量（万吨）") or as a
 * separate word ("emissions_mt", "CO2 / 万t"). Returns the label as written; undefined if none.
 * @example headerUnit("emissions_mt") // "mt"
 */
export function headerUnit(v: unknown): string | undefined {
  const text = cellText(v);
  if (text === "" || headerYear(v) !== undefined) return undefined;
  const bracket = /[(（[【]([^)）\]】]+)[)）\]】]/.exec(text);
  if (bracket && tonnesPer(bracket[1]) !== undefined) return bracket[1].trim();
  for (const seg of text.split(/[\s_/|,，:：()（）[\]【】]+/)) {
    if (seg !== "" && !/^\d+$/.test(seg) && tonnesPer(seg) !== undefined) return seg;
  }
  return undefined;
}

/**
 * True for a total row's label: "TotalEmissions" (CEADs), "Total", "Total CO2 emissions",
 * "合计", "总计", "排放总量".
 */
export function isTotalLabel(v: unknown): boolean {
  const w = headerWords(v);
  return /^total( co2| co₂)?( emissions?)?$/.test(w) || /^(合计|总计|总排放量?|排放总量|总量)$/.test(w);
}

/** How a sector × fuel matrix column counts: a row total, a component (fuel, process), or scope-2 (left out). */
export type MatrixColumnKind = "total" | "component" | "scope2";

/**
 * Classifies a matrix column header. Scope-2 (purchased electricity/heat) columns are indirect
 * emissions and are left out (adding them would count the power sector twice).
 * @example matrixColumnKind("scope1_total_mt") // "total"
 * @example matrixColumnKind("Scope 2 Heat") // "scope2"
 */
export function matrixColumnKind(v: unknown): MatrixColumnKind {
  const w = headerWords(v).replace(/\s+/g, "");
  if (/scope2|范围二|范围2|间接/.test(w)) return "scope2";
  if (/total|合计|总计|小计|scope1|范围一|范围1/.test(w)) return "total";
  return "component";
}
