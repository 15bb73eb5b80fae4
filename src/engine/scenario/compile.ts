/**
 * Compiling a scenario input: the cross-record checks (known cities, sectors, activities and
 * scenarios; year order; duplicate rows; overlapping driver periods; consistent lever milestones)
 * and the indexes and typed arrays the run uses ({@link ScenarioModel}). Issues found here are
 * reported together with the field issues of `parse.ts`, all at once.
 */
import { fail, issue, ok, type Issue, type Result } from "../issues";
import { parseDriverVariable } from "../input/driver-words";
import { isAllWord, splitNames } from "../input/names";
import { tonnesPer } from "../units";
import { compileDrivers, EMISSIONS } from "./driver-rows";
import { emptyRateTable } from "./drivers";
import { compileHistory } from "./history";
import { compileLevers } from "./lever-groups";
import { checkLeverScenarios } from "./scenario-names";
import { checkInventoryNames } from "./inventory-names";
import type { CompiledActivity, ScenarioModel } from "./model";
import { compileSocio, emptySocio } from "./socio";
import { compileTargets } from "./targets";
import { parseScenarioParts, type ParsedParts } from "../input/parse";
import { locate } from "../input/zod-issues";

export { EMISSIONS };

/** Longest projection, in years after the base year (keeps growth finite and memory bounded). */
export const MAX_HORIZON = 200;

/** How {@link compileScenario} treats its input. */
export interface CompileOptions {
  /**
   * The inventory is absent (it could not be read): every city and sector the activities, drivers and
   * levers name stands in for it (value 1), so that every other check runs and reports; the checks only
   * an inventory could settle (an unknown city or sector) are not made. The model compiled then is good
   * for its issues only. Default false.
   */
  readonly withoutInventory?: boolean;
  /**
   * The caller found the base year or the last historical year impossible (no city measured it) and
   * reported it at its Settings cell: no history is compiled (the result fails, with `history_rejected` when
   * nothing else is wrong) and drivers and levers are not judged against those years, so that
   * the one cause is not buried under problems that follow from it. Default false.
   */
  readonly yearsRejected?: boolean;
}

/** The names in a cell (`input/names.ts`) but the words for "all". */
function namedIn(v: unknown, into: Set<string>): void {
  if (typeof v !== "string") return;
  for (const n of splitNames(v)) if (!isAllWord(n)) into.add(n);
}

/** Inventory rows (value 1) for every city × sector named in activities, drivers and levers ("—" when none is). */
function standIns(raw: Record<string, unknown>): unknown[] {
  const cities = new Set<string>();
  const sectors = new Set<string>();
  const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  for (const r of [...rows(raw.activities), ...rows(raw.drivers), ...rows(raw.levers), ...rows(raw.socioeconomic)]) {
    namedIn(r.city, cities);
    namedIn(r.cities, cities);
    namedIn(r.sector, sectors);
    namedIn(r.sectors, sectors);
  }
  if (cities.size === 0) cities.add("—");
  if (sectors.size === 0) sectors.add("—");
  // At the last historical year when Settings name one (a stand-in without a value there would be reported).
  const settings = raw.settings !== null && typeof raw.settings === "object" ? (raw.settings as Record<string, unknown>) : {};
  const year = typeof settings.lastHistoricalYear === "number" && Number.isInteger(settings.lastHistoricalYear) ? { year: settings.lastHistoricalYear } : {};
  return [...cities].flatMap((city) => [...sectors].map((sector) => ({ city, sector, ...year, value: 1 })));
}

function compileParts(p: ParsedParts, namesKnown: boolean, yearsRejected = false): Result<ScenarioModel> {
  const issues: Issue[] = [...p.issues];
  const warnings: Issue[] = [];
  const st = p.settings;

  // Cities and sectors, in order of first appearance in the inventory.
  const cityIndex = new Map<string, number>();
  const sectorIndex = new Map<string, number>();
  for (const r of p.inventory) {
    if (!cityIndex.has(r.city)) cityIndex.set(r.city, cityIndex.size);
    if (!sectorIndex.has(r.sector)) sectorIndex.set(r.sector, sectorIndex.size);
  }
  const C = cityIndex.size;
  const S = sectorIndex.size;
  const cities = Array.from(cityIndex.keys());
  const sectors = Array.from(sectorIndex.keys());

  if (!st) return fail(issues);
  if (namesKnown && !issues.some((i) => i.path[0] === "inventory")) checkInventoryNames(p.inventory, p.index.inventory, st.baseYear, issues);
  let yearsOk = true;
  if (st.endYear < st.baseYear) {
    issues.push(locate(issue("year_order", ["settings", "endYear"], { value: st.endYear, after: "baseYear", year: st.baseYear }), st.source, 1));
    yearsOk = false;
  } else if (st.endYear - st.baseYear > MAX_HORIZON) {
    issues.push(locate(issue("horizon_range", ["settings", "endYear"], { value: st.endYear, year: st.baseYear, max: MAX_HORIZON }), st.source, 1));
    yearsOk = false;
  } else if (st.targetYear < st.baseYear || st.targetYear > st.endYear) {
    issues.push(locate(issue("target_outside", ["settings", "targetYear"], { value: st.targetYear, from: st.baseYear, to: st.endYear }), st.source, 1));
  }
  if (yearsOk) {
    for (const [field, hint, hintZh] of [
      ["referenceYear", "set the base year earlier to include it", "请将基准年设得更早以包含该年"],
      ["cumulativeFrom", undefined, undefined],
    ] as const) {
      const y = st[field];
      if (y !== undefined && (y < st.baseYear || y > st.endYear)) {
        issues.push(
          locate(
            issue("year_setting_outside", ["settings", field], {
              value: y,
              from: st.baseYear,
              to: st.endYear,
              ...(hint !== undefined && y < st.baseYear ? { hint, hintZh } : {}),
            }),
            st.source,
            1,
          ),
        );
      }
    }
  }
  const Y = yearsOk ? st.endYear - st.baseYear + 1 : 1;
  const unit = tonnesPer(st.units) ?? 1;

  // Inventory: the measured history and the emissions in the last historical year, in tCO2.
  // Years the caller rejected (reported) give no history: the run fails on that problem, the rest is still checked.
  const history =
    yearsOk && !yearsRejected
      ? compileHistory(
          p.inventory,
          {
            baseYear: st.baseYear,
            endYear: st.endYear,
            lastHistoricalYear: st.lastHistoricalYear,
            fill: st.fill ?? "none",
            cities,
            sectors,
            cityIndex,
            sectorIndex,
            unit,
            rows: p.index.inventory,
            settingsSource: st.source,
          },
          issues,
          warnings,
        )
      : undefined;
  const H = history?.lastYear ?? st.baseYear;
  const base = history?.base ?? new Float64Array(C * S);

  // Activities (their values are those of the last historical year; `sectors` = the sectors they drive).
  const byName = new Map<string, CompiledActivity & { base: Float64Array; intensity: Float64Array }>();
  const actSeen = new Map<string, number>();
  const drivenBy = new Int32Array(C * S).fill(-1);
  const drivenRow = new Int32Array(C * S).fill(-1);
  p.activities.forEach((r, k) => {
    const at = (f: string) => ["activities", p.index.activities[k], f];
    const reserved = parseDriverVariable(r.activity);
    if (reserved !== undefined) {
      issues.push(
        locate(issue("reserved_name", at("activity"), { value: r.activity, ...(reserved !== EMISSIONS ? { variable: reserved } : {}) }), r.source, 2),
      );
      return;
    }
    const c = cityIndex.get(r.city);
    if (c === undefined) {
      if (namesKnown) issues.push(locate(issue("unknown_city", at("city"), { value: r.city, known: cities.slice(0, 12).join(", ") }), r.source, 2));
      return;
    }
    let a = byName.get(r.activity);
    if (!a) {
      a = { name: r.activity, unit: r.unit, base: new Float64Array(C).fill(NaN), intensity: new Float64Array(C).fill(NaN), rates: emptyRateTable(C, S, Y) };
      byName.set(r.activity, a);
    }
    const key = `${r.activity}\u0000${r.city}`;
    if (actSeen.has(key)) {
      issues.push(locate(issue("duplicate_row", at("city"), { key: `${r.activity} / ${r.city}`, other: actSeen.get(key)! + 1 }), r.source, 2));
      return;
    }
    actSeen.set(key, p.index.activities[k]);
    a.base[c] = r.value;
    if (r.intensity !== undefined) a.intensity[c] = r.intensity * (tonnesPer(r.intensityUnit ?? st.units) ?? unit);
    if (r.sectors !== undefined) {
      const ai = Array.from(byName.keys()).indexOf(r.activity);
      const list = r.sectors === "all" ? sectors : r.sectors;
      for (const name of list) {
        const s = sectorIndex.get(name);
        if (s === undefined) {
          if (namesKnown) issues.push(locate(issue("unknown_sector", at("sectors"), { value: name, known: sectors.slice(0, 12).join(", ") }), r.source, 2));
          continue;
        }
        if (drivenBy[c * S + s] >= 0) {
          issues.push(
            locate(
              issue("activity_sector_twice", at("sectors"), {
                city: r.city,
                sector: name,
                activity: Array.from(byName.keys())[drivenBy[c * S + s]],
                other: drivenRow[c * S + s] + 1,
              }),
              r.source,
              2,
            ),
          );
          continue;
        }
        drivenBy[c * S + s] = ai;
        drivenRow[c * S + s] = p.index.activities[k];
      }
    }
  });
  const activities = Array.from(byName.values());

  // Drivers: rate tables per variable, with the history and precedence rules (driver-rows.ts).
  const drivers = yearsOk
    ? compileDrivers(
        p.drivers,
        p.index.drivers,
        {
          baseYear: st.baseYear,
          endYear: st.endYear,
          lastHistoricalYear: H,
          cityIndex,
          sectorIndex,
          S,
          C,
          cities,
          sectors,
          namesKnown,
          judgeHistory: history !== undefined && !yearsRejected,
          activities,
          drivenBy,
          drivenRow,
          sharedShocks: st.shocks === "shared",
        },
        issues,
        warnings,
      )
    : { emissionRates: emptyRateTable(C, S, Y) };

  // Scenarios: baseline, the listed ones, then those of the levers.
  const scenarios: string[] = [st.baseline];
  const scenarioIndex = new Map<string, number>([[st.baseline, 0]]);
  for (const name of st.scenarios) {
    if (name === st.baseline) issues.push(locate(issue("lever_in_baseline", ["settings", "scenarios"], { value: name }), st.source, 1));
    else if (!scenarioIndex.has(name)) {
      scenarioIndex.set(name, scenarios.length);
      scenarios.push(name);
    }
  }
  checkLeverScenarios(p.levers, p.index.levers, st, issues);
  const levers = compileLevers(
    p.levers,
    p.index.levers,
    // With impossible years (a base year after the end year, a history no city measured) a lever's years are not judged against them: one problem, at the Settings cell.
    {
      baseYear: yearsOk && !yearsRejected ? st.baseYear : -Infinity,
      lastHistoricalYear: yearsOk && !yearsRejected && history !== undefined ? H : -Infinity,
      baseline: st.baseline,
      cityIndex,
      sectorIndex,
      namesKnown,
      activities,
      scenarioIndex,
      scenarios,
    },
    issues,
  );

  // Coordination pair.
  const pair = [st.independent, st.coordinated];
  if ((pair[0] === undefined) !== (pair[1] === undefined)) {
    const missingField = pair[0] === undefined ? "independent" : "coordinated";
    issues.push(locate(issue("coordination_pair", ["settings", missingField]), st.source, 1));
  } else if (pair[0] !== undefined && pair[1] !== undefined) {
    for (const [field, name] of [
      ["independent", pair[0]],
      ["coordinated", pair[1]],
    ] as const) {
      if (!scenarioIndex.has(name))
        issues.push(locate(issue("unknown_scenario", ["settings", field], { value: name, known: scenarios.join(", ") }), st.source, 1));
    }
    if (pair[0] === pair[1]) issues.push(locate(issue("coordination_pair", ["settings", "coordinated"], { value: pair[1] }), st.source, 1));
  }

  // Socio-economic levels and targets.
  const socio = yearsOk
    ? compileSocio(
        p.socioeconomic,
        { baseYear: st.baseYear, endYear: st.endYear, lastHistoricalYear: H, cities, sectors, cityIndex, sectorIndex, namesKnown, rows: p.index.socioeconomic },
        issues,
        warnings,
      )
    : emptySocio(C, Y);
  const targets = yearsOk ? compileTargets(p.targets, { settings: st, cityIndex, scenarios, unit, namesKnown, rows: p.index.targets }, issues) : [];

  if (issues.length > 0 || history === undefined) return fail(issues.length > 0 ? issues : [issue("history_rejected", ["settings"])]);
  const years = new Int32Array(Y);
  for (let y = 0; y < Y; y++) years[y] = st.baseYear + y;
  return ok(
    {
      settings: st,
      cities,
      sectors,
      years,
      lastHistoricalYear: H,
      base,
      history,
      scenarios,
      levers,
      activities,
      emissionRates: drivers.emissionRates,
      ...(drivers.kaya ? { kaya: drivers.kaya } : {}),
      socio,
      targets,
      warnings,
    },
    warnings,
  );
}

/**
 * Validates a scenario input completely — every field (`parse.ts`) and every cross-record rule — and
 * compiles it into the indexed {@link ScenarioModel}. All issues are reported at once, each with its
 * path (`["levers", 3, "cities"]`) and, for records from a sheet, its cell (`"Levers!C5"`).
 * Warnings: `inventory_missing` (city × sector pairs without a row count as 0). With
 * `options.withoutInventory` the other records are checked without an inventory (see {@link CompileOptions}).
 * @example compileScenario(changzhutanInput()).ok // true
 * @example compileScenario({ ...input, inventory: [] }, { withoutInventory: true }) // every issue but the inventory's
 */
export function compileScenario(raw: unknown, options: CompileOptions = {}): Result<ScenarioModel> {
  if (options.withoutInventory === true && raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    const r = raw as Record<string, unknown>;
    return compileParts(parseScenarioParts({ ...r, inventory: standIns(r) }), false, options.yearsRejected === true);
  }
  return compileParts(parseScenarioParts(raw), true, options.yearsRejected === true);
}
