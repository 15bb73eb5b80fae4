/**
 * Measured history (docs/model.md §3): the inventory rows of every year from the base year (the first
 * year of the results) to the last historical year H, laid out as the results are (city × sector ×
 * year, NaN = a gap), and the values the scenarios start from — each city's emissions in H.
 *
 * - H is the Settings' last historical year, or by default the latest year every city has (said in a
 *   warning whenever the inventory holds more than that one year in the results' span).
 * - A city without a value in H is an issue naming it and the years it has — unless the fill rule is
 *   `carry-forward`, which takes each of its sectors' latest measured value (before H, in any year of
 *   the inventory) and lists every value so filled; those cells are marked `filled` in the results.
 * - In a year where a city has some sectors, a sector without a row counts as 0 (warning
 *   `inventory_missing`, as previous versions did for the base year); a year where it has none is a gap.
 * - Values after H are not used (warning `inventory_after_history` per city): the results are projected there.
 *
 * A row without a year is the base year's (the inventory of previous versions). Years before the base
 * year are outside the results (they may still be carried forward into H). A row with `filledFrom` was
 * filled by a reader (the app's `inventoryAtYear`): it is used as it is and marked filled.
 */
import { issue, type Issue } from "../issues";
import { yearRanges } from "../window";
import type { FillRule, InventoryRow } from "../input/schema";
import { cellOf, locate } from "../input/zod-issues";
import type { CompileAxes } from "./model";

/** A value the fill rule supplied: city, sector, the year filled (H) and the measured year it comes from. */
export interface FilledCell {
  readonly city: string;
  readonly sector: string;
  readonly year: number;
  readonly from: number;
  /** tCO2. */
  readonly value: number;
  /** The measured value's cell ("Inventory!D12"), when the row came from a sheet. */
  readonly source?: string;
}

/**
 * The problem with a last historical year no city has a value in (docs/model.md §3): after the
 * inventory's last year (Settings = 2022, the inventory ends in 2019), or a year of it that is blank
 * for every city (a blanked 2019 column). Nothing would be measured there: every city would be
 * filled, or every driver and lever row of the years between reported as in the measured years. One
 * problem, at the Settings cell (`field`: the last historical year's when Settings names it, else the
 * base year's); undefined when some city has a value in `year`, or the inventory has no year at all
 * (an empty inventory is reported by itself).
 * @param measuredYears the years in which some city has a measured (not filled) value.
 * @example unmeasuredHistoryYear(2022, [2015, 2016, 2017, 2018, 2019], "lastHistoricalYear")?.last // 2019
 */
export function unmeasuredHistoryYear(year: number, measuredYears: readonly number[], field: "baseYear" | "lastHistoricalYear"): Issue | undefined {
  if (measuredYears.length === 0 || measuredYears.includes(year)) return undefined;
  const years = [...new Set(measuredYears)].sort((a, b) => a - b);
  const last = years[years.length - 1];
  return issue("history_year_unmeasured", ["settings", field], {
    value: year,
    last,
    years: yearRanges(years, 8),
    after: year > last ? true : undefined,
    ...(field === "baseYear" ? { role: "base year", roleZh: "基准年" } : { blank: true }),
  });
}

/** The compiled history. */
export interface History {
  /** H. */
  readonly lastYear: number;
  /** True when H is the default (the latest year every city has), not a Settings value. */
  readonly defaulted: boolean;
  /** tCO2 by city × sector × year over the results' years (baseYear … endYear), NaN after H and in gaps. */
  readonly measured: Float64Array;
  /** tCO2 in H by city × sector: what every scenario starts from (filled values included). */
  readonly base: Float64Array;
  /** 1 for the (city, sector) whose H value was filled, C × S. */
  readonly filledCells: Uint8Array;
  readonly filled: readonly FilledCell[];
}

/** What {@link compileHistory} needs from the rest of the model. */
export interface HistoryContext extends CompileAxes {
  /** The Settings' last historical year, if given. */
  readonly lastHistoricalYear?: number;
  readonly fill: FillRule;
  /** tCO2 per inventory unit. */
  readonly unit: number;
  /** Where a Settings issue points (the settings' source) — `locate` depth 1. */
  readonly settingsSource?: InventoryRow["source"];
}

/**
 * The history of an inventory (rows already checked field by field), or undefined when it cannot be
 * built (issues pushed). Duplicate (city, sector, year) rows are `duplicate_row` issues at the later row.
 * @example compileHistory(rows, ctx, issues, warnings)?.lastYear // 2015 for the 长株潭 CEADs totals
 */
export function compileHistory(inventory: readonly InventoryRow[], ctx: HistoryContext, issues: Issue[], warnings: Issue[]): History | undefined {
  const C = ctx.cities.length;
  const S = ctx.sectors.length;
  const Y = ctx.endYear - ctx.baseYear + 1;
  // Every year of the inventory, ascending; values by (c, s, year) for the lookups of the fill rule.
  const byYear = new Map<number, { values: Float64Array; rows: Int32Array }>();
  const yearOf = (r: InventoryRow) => r.year ?? ctx.baseYear;
  inventory.forEach((r, k) => {
    const year = yearOf(r);
    let t = byYear.get(year);
    if (!t) {
      t = { values: new Float64Array(C * S).fill(NaN), rows: new Int32Array(C * S).fill(-1) };
      byYear.set(year, t);
    }
    const i = ctx.cityIndex.get(r.city)! * S + ctx.sectorIndex.get(r.sector)!;
    if (t.rows[i] >= 0) {
      const key = r.year === undefined ? `${r.city} / ${r.sector}` : `${r.city} / ${r.sector} / ${year}`;
      issues.push(locate(issue("duplicate_row", ["inventory", ctx.rows[k], "sector"], { key, other: ctx.rows[t.rows[i]] + 1 }), r.source, 2));
      return;
    }
    t.rows[i] = k;
    t.values[i] = r.value * ctx.unit;
  });
  // Rows the reader filled (the app's fill rule, `inventoryAtYear`): measured elsewhere, marked here.
  const marked = inventory.map((r, k) => [r, k] as const).filter(([r]) => r.filledFrom !== undefined);
  const years = Array.from(byYear.keys()).sort((a, b) => a - b);
  const hasCity = (t: { values: Float64Array }, c: number) => {
    for (let s = 0; s < S; s++) if (t.values[c * S + s] === t.values[c * S + s]) return true;
    return false;
  };
  const cityYears = (c: number) => years.filter((y) => hasCity(byYear.get(y)!, c));
  const inWindow = years.filter((y) => y >= ctx.baseYear && y <= ctx.endYear);
  const common = [...inWindow].reverse().find((y) => ctx.cities.every((_, c) => hasCity(byYear.get(y)!, c)));

  let H: number;
  const defaulted = ctx.lastHistoricalYear === undefined;
  if (ctx.lastHistoricalYear !== undefined) {
    H = ctx.lastHistoricalYear;
    if (H < ctx.baseYear || H > ctx.endYear) {
      issues.push(
        locate(issue("history_year_outside", ["settings", "lastHistoricalYear"], { value: H, from: ctx.baseYear, to: ctx.endYear }), ctx.settingsSource, 1),
      );
      return undefined;
    }
    // Some city must have measured H (rows a reader filled are not measured).
    const measuredYears = [...new Set(inventory.filter((r) => r.filledFrom === undefined).map(yearOf))];
    const unmeasured = unmeasuredHistoryYear(H, measuredYears, "lastHistoricalYear");
    if (unmeasured !== undefined) {
      issues.push(locate(unmeasured, ctx.settingsSource, 1));
      return undefined;
    }
  } else if (common !== undefined) H = common;
  else if (C === 0)
    H = ctx.baseYear; // an empty inventory is reported by itself
  else {
    const spans = ctx.cities.map((city, c) => `${city}: ${yearRanges(cityYears(c), 3) || "none"}`).join("; ");
    issues.push(locate(issue("history_no_common_year", ["settings", "lastHistoricalYear"], { from: ctx.baseYear, spans }), ctx.settingsSource, 1));
    return undefined;
  }

  const h = H - ctx.baseYear;
  const measured = new Float64Array(C * S * Y).fill(NaN);
  const base = new Float64Array(C * S);
  const filledCells = new Uint8Array(C * S);
  const filled: FilledCell[] = [];
  let missing = 0;
  const missingPairs = new Set<number>();
  let example = "";
  for (const year of inWindow) {
    if (year > H) continue;
    const y = year - ctx.baseYear;
    const t = byYear.get(year)!;
    for (let c = 0; c < C; c++) {
      if (!hasCity(t, c)) continue;
      for (let s = 0; s < S; s++) {
        const v = t.values[c * S + s];
        if (v === v) measured[(c * S + s) * Y + y] = v;
        else {
          // A sector without a row in a year the city has: 0, as in previous versions (warned once).
          measured[(c * S + s) * Y + y] = 0;
          if (missing === 0) example = `${ctx.cities[c]} / ${ctx.sectors[s]}${years.length > 1 ? ` ${year}` : ""}`;
          missing++;
          missingPairs.add(c * S + s);
        }
      }
    }
  }
  const atH = byYear.get(H);
  let problems = false;
  for (let c = 0; c < C; c++) {
    if (atH !== undefined && hasCity(atH, c)) {
      for (let s = 0; s < S; s++) base[c * S + s] = measured[(c * S + s) * Y + h];
      continue;
    }
    const own = cityYears(c);
    const before = own.filter((y) => y < H);
    if (ctx.fill === "carry-forward" && before.length > 0) {
      for (let s = 0; s < S; s++) {
        for (let j = before.length - 1; j >= 0; j--) {
          const t = byYear.get(before[j])!;
          const v = t.values[c * S + s];
          if (v !== v) continue;
          base[c * S + s] = v;
          filledCells[c * S + s] = 1;
          measured[(c * S + s) * Y + h] = v;
          const r = inventory[t.rows[c * S + s]];
          filled.push({
            city: ctx.cities[c],
            sector: ctx.sectors[s],
            year: H,
            from: before[j],
            value: v,
            ...(r.source ? { source: cellOf(r.source, "value") } : {}),
          });
          break;
        }
        // A sector never measured before H starts at 0 (the city's other sectors carry it).
        if (filledCells[c * S + s] === 0) measured[(c * S + s) * Y + h] = 0;
      }
      continue;
    }
    problems = true;
    issues.push(
      locate(
        issue("inventory_base_year_city", ["settings", H === ctx.baseYear ? "baseYear" : "lastHistoricalYear"], {
          city: ctx.cities[c],
          year: H,
          years: own.length > 0 ? yearRanges(own, 8) : "none",
          common: common ?? "none",
          nothingBefore: before.length === 0 ? true : undefined,
          ...(H === ctx.baseYear ? {} : { role: "last historical year", roleZh: "最后历史年" }),
        }),
        ctx.settingsSource,
        1,
      ),
    );
  }
  if (problems) return undefined;
  const ownFilled = filled.length;
  for (const [r] of marked) {
    if (yearOf(r) !== H) continue;
    const i = ctx.cityIndex.get(r.city)! * S + ctx.sectorIndex.get(r.sector)!;
    if (filledCells[i] === 1) continue;
    filledCells[i] = 1;
    filled.push({
      city: r.city,
      sector: r.sector,
      year: H,
      from: r.filledFrom!,
      value: r.value * ctx.unit,
      ...(r.source ? { source: cellOf(r.source, "value") } : {}),
    });
  }
  if (missing > 0)
    warnings.push(issue("inventory_missing", ["inventory"], { count: missing, pairs: missingPairs.size, years: years.length > 1 ? true : undefined, example }));
  if (defaulted && inWindow.some((y) => y !== H)) {
    warnings.push(issue("history_default", ["settings", "lastHistoricalYear"], { year: H, from: ctx.baseYear, next: H + 1, to: ctx.endYear }));
  }
  // Rows the caller marked (filledFrom) were reported where they were filled; the engine says only what it filled itself.
  const ownFills = filled.slice(0, ownFilled);
  if (ownFills.length > 0) {
    const byCity = new Map<string, { from: Set<number>; n: number }>();
    for (const f of ownFills) {
      const e = byCity.get(f.city) ?? { from: new Set<number>(), n: 0 };
      e.from.add(f.from);
      e.n++;
      byCity.set(f.city, e);
    }
    const list = Array.from(byCity, ([city, e]) => `${city} ← ${[...e.from].sort().join("/")}${e.n > 1 ? ` (${e.n} sectors)` : ""}`).join("; ");
    warnings.push(locate(issue("history_filled", ["settings", "fill"], { count: ownFills.length, year: H, list }), ctx.settingsSource, 1));
  }
  for (let c = 0; c < C; c++) {
    const after = cityYears(c).filter((y) => y > H && y <= ctx.endYear);
    if (after.length > 0) warnings.push(issue("inventory_after_history", ["inventory"], { city: ctx.cities[c], years: yearRanges(after), year: H }));
  }
  return { lastYear: H, defaulted, measured, base, filledCells, filled };
}
