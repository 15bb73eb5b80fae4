/**
 * The inventory at the year a scenario starts from (the base year; with a measured history, the last
 * historical year) — without ever dropping a city silently. A city with no value that year is an
 * issue naming it and the years it has, with the ways out: an earlier year every city has, or a fill
 * rule the analyst chooses. The one fill rule, `carry-forward`, takes each of the city's sectors from
 * its latest measured year before; every value filled so is returned (and must be recorded and marked
 * in the outputs).
 */
import { fail, issue, ok, pushAll, type Issue, type Result } from "../issues";
import { inventoryIndex, inventoryRowsForYear, type Inventory, type InventoryYearRow } from "./model";
import { cellAddress } from "./address";

/** How a city without a value in the starting year is handled: an issue (default), or its last measured value carried forward. */
export type FillRule = "none" | "carry-forward";

/** The fill rules, in the order a chooser lists them. */
export const FILL_RULES: readonly FillRule[] = ["none", "carry-forward"];

/**
 * Reads a fill rule as analysts write it (English or Chinese); blank is "none". Undefined when not one.
 * @example parseFillRule("carry forward") // "carry-forward"
 * @example parseFillRule("延用最近实测值") // "carry-forward"
 */
export function parseFillRule(v: unknown): FillRule | undefined {
  if (v === null || v === undefined) return "none";
  if (typeof v !== "string") return undefined;
  const t = v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  if (t === "" || /^(none|no|error|off|不填补|无|不补)$/.test(t)) return "none";
  if (/^(carry( the last( measured)? value)? forward|last( measured)? value|locf|延用最近实测值|延用最近值|沿用最近实测值|沿用最近值|向后延用|延用)$/.test(t))
    return "carry-forward";
  return undefined;
}

/** A value filled by the rule: the city and sector, the year filled, and the measured year it came from. */
export interface FilledValue {
  readonly city: string;
  readonly sector: string;
  readonly year: number;
  readonly from: number;
  readonly value: number;
  /** The measured value's cell ("emission vector!D12"). */
  readonly source: string;
}

/**
 * Values a fill rule supplied, grouped by city and the year carried from, in first-seen order — how they are
 * reported (one warning, one Run info entry per group: "株洲 ← 2015 (8 sectors)").
 * @example fillGroups([{ city: "株洲", from: 2015 }, { city: "株洲", from: 2015 }, { city: "湘潭", from: 2017 }]).map((g) => g.length) // [2, 1]
 */
export function fillGroups<T extends { readonly city: string; readonly from: number }>(filled: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const f of filled) {
    const key = `${f.city}\u0000${f.from}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return Array.from(groups.values());
}

/** The rows of the starting year and the values the fill rule supplied. */
export interface RowsAtYear {
  readonly rows: InventoryYearRow[];
  readonly filled: readonly FilledValue[];
}

/**
 * Years as short spans: consecutive years joined ("2005–2013, 2015").
 * @example yearSpans([2005, 2006, 2007, 2009]) // "2005–2007, 2009"
 */
export function yearSpans(years: readonly number[]): string {
  const ys = [...years].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < ys.length;) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
    out.push(j === i ? String(ys[i]) : `${ys[i]}–${ys[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

/** The years in which a city (index) has at least one value. */
export function cityYears(inv: Inventory, city: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < inv.years.length; y++) {
    for (let s = 0; s < inv.sectors.length; s++) {
      if (!Number.isNaN(inv.values[inventoryIndex(inv, city, s, y)])) {
        out.push(inv.years[y]);
        break;
      }
    }
  }
  return out;
}

/**
 * The latest year in which every one of `cities` (default: all) has a value; undefined when no year
 * has them all.
 * @example latestCommonYear(changzhutan) // 2015 (株洲 ends in 2015, 湘潭 in 2017, 长沙 in 2019)
 */
export function latestCommonYear(inv: Inventory, cities: readonly string[] = inv.cities): number | undefined {
  const sets = cities.map((c) => new Set(cityYears(inv, inv.cities.indexOf(c))));
  for (let y = inv.years.length - 1; y >= 0; y--) if (sets.every((s) => s.has(inv.years[y]))) return inv.years[y];
  return undefined;
}

/**
 * The inventory rows of `year` for every city, each with its source cell. A city with no value that
 * year is an `inventory_base_year_city` issue (one per city, naming the years it has and the latest
 * year every city has) — unless `fill` is `carry-forward`, which takes each of its sectors from the
 * latest earlier year with a value (still an issue when it has none before). Filled values are
 * listed in `filled`. A city missing only some sectors that year is not filled (those sectors are
 * reported by the scenario as missing).
 * @param issuePath path of the issues (default ["settings", "baseYear"]); `cell` is added when given.
 * @example inventoryAtYear(changzhutan, 2019, "carry-forward").value.filled // 株洲 2019 ← 2015, 湘潭 2019 ← 2017
 */
export function inventoryAtYear(
  inv: Inventory,
  year: number,
  fill: FillRule = "none",
  where: { path?: (string | number)[]; cell?: string } = {},
): Result<RowsAtYear> {
  const path = where.path ?? ["settings", "baseYear"];
  const issues: Issue[] = [];
  const filled: FilledValue[] = [];
  const rows: InventoryYearRow[] = [];
  const measured = new Map<string, InventoryYearRow[]>();
  for (const r of inventoryRowsForYear(inv, year)) measured.set(r.city, [...(measured.get(r.city) ?? []), r]);
  const common = latestCommonYear(inv);
  for (let c = 0; c < inv.cities.length; c++) {
    const city = inv.cities[c];
    const own = measured.get(city);
    if (own !== undefined) {
      pushAll(rows, own);
      continue;
    }
    const years = cityYears(inv, c);
    const before = years.filter((y) => y < year);
    if (fill === "carry-forward" && before.length > 0) {
      for (let s = 0; s < inv.sectors.length; s++) {
        for (let y = inv.years.indexOf(before[before.length - 1]); y >= 0; y--) {
          const i = inventoryIndex(inv, c, s, y);
          const value = inv.values[i];
          if (Number.isNaN(value)) continue;
          const sheet = inv.sheets[inv.sourceSheets[i]];
          const column = cellAddress(undefined, inv.sourceRows[i], inv.sourceCols[i]).replace(/\d+$/, "");
          rows.push({ city, sector: inv.sectors[s], value, source: { sheet, row: inv.sourceRows[i], columns: { value: column, ...inv.labelColumns } } });
          filled.push({ city, sector: inv.sectors[s], year, from: inv.years[y], value, source: cellAddress(sheet, inv.sourceRows[i], inv.sourceCols[i]) });
          break;
        }
      }
      continue;
    }
    issues.push(
      issue("inventory_base_year_city", path, {
        city,
        year,
        years: years.length > 0 ? yearSpans(years) : "none",
        common: common ?? "none",
        nothingBefore: before.length === 0 ? true : undefined,
        ...(where.cell !== undefined ? { cell: where.cell } : {}),
      }),
    );
  }
  return issues.length > 0 ? fail(issues) : ok({ rows, filled });
}
