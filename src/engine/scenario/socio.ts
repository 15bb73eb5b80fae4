/**
 * Socio-economic levels (docs/model.md §9): measured population, GDP and energy use per city and year
 * from the Socioeconomic rows, in the engine's units (persons, 万元, tce; `input/socio-units.ts`), laid
 * out city × year over the results' years up to the last historical year H. After H the Drivers'
 * growth factors project them (`indicators.ts`). Energy may be given as a city total or by sector
 * (then the city's energy is the sum of its sectors); one city-year is one or the other.
 *
 * Values before the base year or after H are not used (one warning each way, naming a cell).
 */
import { issue, type Issue } from "../issues";
import type { SocioRow } from "../input/schema";
import { SOCIO_UNIT_EXAMPLES, socioFactor } from "../input/socio-units";
import { cellOf, locate } from "../input/zod-issues";
import type { CompileAxes } from "./model";

/** Measured levels, NaN where not given. */
export interface SocioLevels {
  /** Persons, C × Y. */
  readonly population: Float64Array;
  /** 万元 (constant prices, as given), C × Y. */
  readonly gdp: Float64Array;
  /** tce, C × Y (city totals, or the sum of the sectors given). */
  readonly energy: Float64Array;
  /** tce by sector where energy is given by sector, C × S × Y; undefined when no row has a sector. */
  readonly energySector?: Float64Array;
}

/** What {@link compileSocio} needs from the model. */
export interface SocioContext extends CompileAxes {
  readonly lastHistoricalYear: number;
  readonly namesKnown: boolean;
}

/** Empty levels (nothing given) of C cities over Y years. */
export function emptySocio(C: number, Y: number): SocioLevels {
  return { population: new Float64Array(C * Y).fill(NaN), gdp: new Float64Array(C * Y).fill(NaN), energy: new Float64Array(C * Y).fill(NaN) };
}

/**
 * The levels of the Socioeconomic rows (already checked field by field); problems to `issues`,
 * warnings to `warnings`.
 * @example compileSocio(rows, ctx, issues, warnings).population[c * Y + y] // persons
 */
export function compileSocio(rows: readonly SocioRow[], ctx: SocioContext, issues: Issue[], warnings: Issue[]): SocioLevels {
  const C = ctx.cities.length;
  const S = ctx.sectors.length;
  const Y = ctx.endYear - ctx.baseYear + 1;
  const out = emptySocio(C, Y);
  let energySector: Float64Array | undefined;
  const seen = new Map<string, number>();
  const totalRow = new Map<string, number>();
  const sectorRow = new Map<string, number>();
  const unused = { before: { count: 0, example: "" }, after: { count: 0, example: "" } };
  rows.forEach((r, k) => {
    const raw = ctx.rows[k];
    const at = (f: string) => ["socioeconomic", raw, f];
    const where = (i: Issue) => issues.push(locate(i, r.source, 2));
    let good = true;
    const c = ctx.cityIndex.get(r.city);
    if (c === undefined) {
      if (ctx.namesKnown) where(issue("unknown_city", at("city"), { value: r.city, known: ctx.cities.slice(0, 12).join(", ") }));
      good = false;
    }
    let s = -1;
    if (r.sector !== undefined) {
      if (r.variable !== "energy") {
        where(issue("socio_sector_not_energy", at("sector"), { variable: r.variable }));
        good = false;
      } else if (!ctx.sectorIndex.has(r.sector)) {
        if (ctx.namesKnown) where(issue("unknown_sector", at("sector"), { value: r.sector, known: ctx.sectors.slice(0, 12).join(", ") }));
        good = false;
      } else s = ctx.sectorIndex.get(r.sector)!;
    }
    const factor = socioFactor(r.variable, r.unit);
    if (factor === undefined) {
      where(issue("socio_unit_unknown", at("unit"), { value: r.unit, variable: r.variable, expected: SOCIO_UNIT_EXAMPLES[r.variable] }));
      good = false;
    }
    if (!good || c === undefined || factor === undefined) return;
    const key = `${r.variable}\u0000${r.city}\u0000${r.sector ?? ""}\u0000${r.year}`;
    if (seen.has(key)) {
      where(
        issue("duplicate_row", at("year"), {
          key: `${r.city} / ${r.variable}${r.sector !== undefined ? ` / ${r.sector}` : ""} / ${r.year}`,
          other: seen.get(key)! + 1,
        }),
      );
      return;
    }
    seen.set(key, raw);
    if (r.variable === "energy") {
      const cy = `${r.city}\u0000${r.year}`;
      const other = s < 0 ? sectorRow.get(cy) : totalRow.get(cy);
      if (other !== undefined) {
        where(issue("socio_total_and_sectors", at("sector"), { city: r.city, year: r.year, other: other + 1 }));
        return;
      }
      (s < 0 ? totalRow : sectorRow).set(cy, raw);
    }
    if (r.year < ctx.baseYear || r.year > ctx.lastHistoricalYear) {
      const u = r.year < ctx.baseYear ? unused.before : unused.after;
      if (u.count === 0) u.example = cellOf(r.source, "value") ?? `${r.city} ${r.variable} ${r.year}`;
      u.count++;
      return;
    }
    const y = r.year - ctx.baseYear;
    const v = r.value * factor;
    if (r.variable === "population") out.population[c * Y + y] = v;
    else if (r.variable === "gdp") out.gdp[c * Y + y] = v;
    else if (s < 0) out.energy[c * Y + y] = v;
    else {
      if (energySector === undefined) energySector = new Float64Array(C * S * Y).fill(NaN);
      energySector[(c * S + s) * Y + y] = v;
      const i = c * Y + y;
      out.energy[i] = (out.energy[i] === out.energy[i] ? out.energy[i] : 0) + v;
    }
  });
  if (unused.before.count > 0)
    warnings.push(issue("socio_unused", ["socioeconomic"], { count: unused.before.count, year: ctx.baseYear, example: unused.before.example }));
  if (unused.after.count > 0)
    warnings.push(
      issue("socio_unused", ["socioeconomic"], { count: unused.after.count, year: ctx.lastHistoricalYear, example: unused.after.example, after: true }),
    );
  return energySector === undefined ? out : { ...out, energySector };
}
