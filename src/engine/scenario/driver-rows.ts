/**
 * From Drivers rows to rate tables (docs/model.md §4): the cross-record rules of growth rows — a known
 * variable (emissions, a Kaya factor or an activity) at a level it allows, a period after the last
 * historical year H (a row wholly in the measured years is a problem, one reaching into them a
 * warning), no two rows of one level overlapping, GDP and GDP per capita not both given for a city and
 * year — and the precedence rule's checks: emission growth rows override the Kaya factors of the cells
 * they cover, so a Kaya row (value-added share, energy or carbon intensity) overridden in every cell
 * it covers is a problem (it would be ignored), one overridden in some a warning; a value-added share
 * of a sector an activity drives is a problem. Population and GDP rows are never ignored: they drive
 * the indicators even where emission rows set the emissions.
 */
import { issue, type Issue } from "../issues";
import { CITY_VARIABLES, DRIVER_VARIABLES, type KayaVariable } from "../input/driver-words";
import type { DriverRow } from "../input/schema";
import { locate } from "../input/zod-issues";
import { emptyRateTable, fillRateTable, resolveRate, type DriverContext } from "./drivers";
import type { KayaTables } from "./growth";
import type { CompiledActivity, RateTable } from "./model";

/** The reserved driver variable for emissions. */
export const EMISSIONS = "emissions";

/** The Kaya variable → its field in {@link KayaTables}. */
export const KAYA_FIELD: Readonly<Record<KayaVariable, Exclude<keyof KayaTables, "drivenBy">>> = {
  population: "population",
  gdp: "gdp",
  gdp_per_capita: "gdpPerCapita",
  value_added_share: "share",
  energy_intensity: "energyIntensity",
  carbon_intensity: "carbonIntensity",
};

/** What {@link compileDrivers} needs from the rest of the model. */
export interface DriverRowsContext extends DriverContext {
  readonly cities: readonly string[];
  readonly sectors: readonly string[];
  readonly C: number;
  /** False when cities and sectors stand in for an absent inventory. */
  readonly namesKnown: boolean;
  /** False when the years the history ends in were rejected (reported at Settings): rows are then not judged against them. */
  readonly judgeHistory?: boolean;
  readonly activities: readonly (CompiledActivity & { rates: RateTable })[];
  /** Activity driving each (c, s) (−1: none) and the raw Activities row that says so, C × S. */
  readonly drivenBy: Int32Array;
  readonly drivenRow: Int32Array;
  /** Monte Carlo shocks shared by variable: the rows of one variable with a distribution must use one kind. */
  readonly sharedShocks: boolean;
}

/** The compiled drivers. */
export interface CompiledDrivers {
  readonly emissionRates: RateTable;
  /** Present when any Kaya row is given or an activity drives a sector. */
  readonly kaya?: KayaTables;
}

const isKaya = (v: string): v is KayaVariable => v !== EMISSIONS && (DRIVER_VARIABLES as readonly string[]).includes(v);

/** A rate table whose values are the indexes (into `rows`) of the rows in force (same resolution as the rates). */
function ownerTable(
  rows: readonly DriverRow[],
  ids: readonly number[],
  raw: readonly number[],
  ctx: DriverContext,
  C: number,
  S: number,
  Y: number,
): RateTable {
  const t = emptyRateTable(C, S, Y);
  fillRateTable(
    t,
    ids.map((k) => ({ ...rows[k], rate: k, endRate: undefined })),
    ids.map((k) => raw[k]),
    ctx,
    [],
  );
  return t;
}

/**
 * Checks Drivers rows against the model and fills the rate tables. `raw[k]` is the raw index of
 * `rows[k]` (issue paths). Problems go to `issues`, warnings to `warnings`.
 * @example compileDrivers(rows, raw, ctx, issues, warnings).kaya?.population
 */
export function compileDrivers(
  rows: readonly DriverRow[],
  raw: readonly number[],
  ctx: DriverRowsContext,
  issues: Issue[],
  warnings: Issue[],
): CompiledDrivers {
  const { C, S } = ctx;
  const Y = ctx.endYear - ctx.baseYear + 1;
  const H = ctx.lastHistoricalYear;
  const actIndex = new Map(ctx.activities.map((a, i) => [a.name, i]));
  const byVariable = new Map<string, number[]>();
  rows.forEach((d, k) => {
    const at = (f: string) => ["drivers", raw[k], f];
    const where = (i: Issue) => issues.push(locate(i, d.source, 2));
    let good = true;
    if (d.to < d.from) {
      where(issue("year_order", at("to"), { value: d.to, after: "from", year: d.from }));
      good = false;
    } else if (d.to <= H && ctx.judgeHistory !== false) {
      where(issue("driver_in_history", at("to"), { value: d.to, year: H }));
      good = false;
    }
    const kaya = isKaya(d.variable);
    if (d.variable !== EMISSIONS && !kaya && !actIndex.has(d.variable)) {
      where(
        issue("unknown_variable", at("variable"), {
          value: d.variable,
          variables: DRIVER_VARIABLES.join(", "),
          known: [...actIndex.keys()].join(", ") || "none",
        }),
      );
      good = false;
    }
    if (d.city !== undefined && !ctx.cityIndex.has(d.city)) {
      if (ctx.namesKnown) where(issue("unknown_city", at("city"), { value: d.city, known: ctx.cities.slice(0, 12).join(", ") }));
      good = false;
    }
    if (d.sector !== undefined) {
      if (actIndex.has(d.variable) && !kaya) {
        where(issue("driver_sector_for_activity", at("sector"), { value: d.sector, variable: d.variable }));
        good = false;
      } else if ((CITY_VARIABLES as readonly string[]).includes(d.variable)) {
        where(issue("driver_sector_for_city_variable", at("sector"), { value: d.sector, variable: d.variable }));
        good = false;
      } else if (!ctx.sectorIndex.has(d.sector)) {
        if (ctx.namesKnown) where(issue("unknown_sector", at("sector"), { value: d.sector, known: ctx.sectors.slice(0, 12).join(", ") }));
        good = false;
      }
    } else if (d.variable === "value_added_share") {
      where(issue("driver_sector_required", at("sector"), { variable: d.variable }));
      good = false;
    }
    if (!good) return;
    if (d.from <= H && ctx.judgeHistory !== false)
      warnings.push(locate(issue("driver_partly_history", at("from"), { value: d.from, year: H, next: H + 1 }), d.source, 2));
    const list = byVariable.get(d.variable) ?? [];
    list.push(k);
    byVariable.set(d.variable, list);
  });

  if (ctx.sharedShocks) {
    for (const [variable, ids] of byVariable) {
      const uncertain = ids.filter((k) => rows[k].dist !== undefined);
      for (const k of uncertain.slice(1)) {
        if (rows[k].dist !== rows[uncertain[0]].dist)
          issues.push(locate(issue("shared_dist_inconsistent", ["drivers", raw[k], "dist"], { variable, other: raw[uncertain[0]] + 1 }), rows[k].source, 2));
      }
    }
  }

  const emissionRates = emptyRateTable(C, S, Y);
  const fill = (table: ReturnType<typeof emptyRateTable>, ids: readonly number[]) =>
    fillRateTable(
      table,
      ids.map((k) => rows[k]),
      ids.map((k) => raw[k]),
      ctx,
      issues,
    );
  // Emissions and activities in the order their first rows come (the order of previous versions' overlap issues).
  for (const [variable, ids] of byVariable) {
    if (variable === EMISSIONS) fill(emissionRates, ids);
    else if (!isKaya(variable)) fill(ctx.activities[actIndex.get(variable)!].rates as ReturnType<typeof emptyRateTable>, ids);
  }

  const anyKaya = [...byVariable.keys()].some(isKaya) || ctx.drivenBy.some((a) => a >= 0);
  if (!anyKaya) return { emissionRates };
  const tables = {} as Record<Exclude<keyof KayaTables, "drivenBy">, RateTable>;
  for (const v of DRIVER_VARIABLES) {
    if (!isKaya(v)) continue;
    const t = emptyRateTable(C, S, Y);
    fill(t, byVariable.get(v) ?? []);
    tables[KAYA_FIELD[v]] = t;
  }
  const kaya: KayaTables = { ...tables, drivenBy: ctx.drivenBy };

  // GDP and GDP per capita for the same city and year.
  const gdpIds = byVariable.get("gdp") ?? [];
  const gpcIds = byVariable.get("gdp_per_capita") ?? [];
  if (gdpIds.length > 0 && gpcIds.length > 0) {
    const og = ownerTable(rows, gdpIds, raw, ctx, C, S, Y);
    const op = ownerTable(rows, gpcIds, raw, ctx, C, S, Y);
    const reported = new Set<string>();
    for (let c = 0; c < C; c++) {
      for (let y = H - ctx.baseYear + 1; y < Y; y++) {
        const a = resolveRate(og, c, -1, y, S, Y);
        const b = resolveRate(op, c, -1, y, S, Y);
        if (a !== a || b !== b || reported.has(`${a}:${b}`)) continue;
        reported.add(`${a}:${b}`);
        const later = Math.max(a, b);
        issues.push(
          locate(
            issue("driver_gdp_both", ["drivers", raw[later], "variable"], { city: ctx.cities[c], year: ctx.baseYear + y, other: raw[Math.min(a, b)] + 1 }),
            rows[later].source,
            2,
          ),
        );
      }
    }
  }

  // Precedence: emission rows override the sector-level Kaya rows of the cells they cover.
  const emissionOwners = byVariable.has(EMISSIONS) ? ownerTable(rows, byVariable.get(EMISSIONS)!, raw, ctx, C, S, Y) : undefined;
  for (const v of ["value_added_share", "energy_intensity", "carbon_intensity"] as const) {
    const ids = byVariable.get(v) ?? [];
    if (ids.length === 0) continue;
    const own = ownerTable(rows, ids, raw, ctx, C, S, Y);
    for (const k of ids) {
      const d = rows[k];
      const cs = d.city === undefined ? Array.from({ length: C }, (_, i) => i) : [ctx.cityIndex.get(d.city)!];
      const ss = d.sector === undefined ? Array.from({ length: S }, (_, i) => i) : [ctx.sectorIndex.get(d.sector)!];
      const lo = Math.max(d.from, H + 1) - ctx.baseYear;
      const hi = Math.min(d.to, ctx.endYear) - ctx.baseYear;
      let effective = 0;
      let overridden = 0;
      let byActivity = -1;
      let example = "";
      let other = -1;
      for (const c of cs) {
        for (const s of ss) {
          for (let y = lo; y <= hi; y++) {
            if (resolveRate(own, c, s, y, S, Y) !== k) continue;
            effective++;
            const e = emissionOwners === undefined ? NaN : resolveRate(emissionOwners, c, s, y, S, Y);
            const driven = v === "value_added_share" && ctx.drivenBy[c * S + s] >= 0;
            if (e === e || driven) {
              overridden++;
              if (example === "") example = `${ctx.cities[c]} / ${ctx.sectors[s]} ${ctx.baseYear + y}`;
              if (e === e && other < 0) other = raw[e];
              if (driven && byActivity < 0) byActivity = c * S + s;
            }
          }
        }
      }
      if (effective === 0 || overridden === 0) continue;
      if (byActivity >= 0 && other < 0) {
        const c = Math.floor(byActivity / S);
        const s = byActivity % S;
        issues.push(
          locate(
            issue("driver_share_with_activity", ["drivers", raw[k], "sector"], {
              city: ctx.cities[c],
              sector: ctx.sectors[s],
              activity: ctx.activities[ctx.drivenBy[byActivity]].name,
              other: ctx.drivenRow[byActivity] + 1,
            }),
            d.source,
            2,
          ),
        );
      } else if (overridden === effective) {
        issues.push(locate(issue("driver_overridden", ["drivers", raw[k], "variable"], { variable: v, other: other + 1 }), d.source, 2));
      } else {
        warnings.push(locate(issue("driver_partly_overridden", ["drivers", raw[k], "variable"], { variable: v, count: overridden, example }), d.source, 2));
      }
    }
  }
  return { emissionRates, kaya };
}
