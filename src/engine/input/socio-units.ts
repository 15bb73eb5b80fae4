/**
 * Units of the Socioeconomic sheet and the engine's units for them: population in persons (人),
 * GDP in 万元 (10⁴ yuan), energy in tce (tonnes of coal equivalent). Analysts write 万人, 亿元 or
 * 万tce (the statistics bulletins' units) and say so on every row; a note in brackets — "亿元（2015年价）"
 * — is allowed and ignored (GDP must be at constant prices for intensities to mean anything:
 * docs/model.md §1). Energy units other than the tce family go through `units.ts` (GJ, kWh …).
 */
import { GJ_PER_TCE, unitOf } from "../units";
import type { SocioVariable } from "./driver-words";

const POPULATION: Readonly<Record<string, number>> = {
  人: 1,
  persons: 1,
  person: 1,
  people: 1,
  万人: 1e4,
  "10^4persons": 1e4,
  "10^4people": 1e4,
  "10kpersons": 1e4,
  tenthousandpersons: 1e4,
  百万人: 1e6,
  millionpersons: 1e6,
  millionpeople: 1e6,
  million: 1e6,
};

/** Per 万元. */
const GDP: Readonly<Record<string, number>> = {
  元: 1e-4,
  yuan: 1e-4,
  rmb: 1e-4,
  cny: 1e-4,
  万元: 1,
  "10^4yuan": 1,
  "10kyuan": 1,
  百万元: 100,
  millionyuan: 100,
  亿元: 1e4,
  "10^8yuan": 1e4,
  "100millionyuan": 1e4,
  billionyuan: 1e5,
  万亿元: 1e8,
  trillionyuan: 1e8,
};

/** Per tce (exact powers of ten for the tce family). */
const TCE: Readonly<Record<string, number>> = {
  kgce: 1e-3,
  tce: 1,
  吨标准煤: 1,
  吨标煤: 1,
  万tce: 1e4,
  万吨标准煤: 1e4,
  万吨标煤: 1e4,
  "10^4tce": 1e4,
  mtce: 1e6,
  百万吨标准煤: 1e6,
  亿tce: 1e8,
  亿吨标准煤: 1e8,
};

/** The engine's unit of each variable, as the outputs name it. */
export const SOCIO_BASE_UNIT: Readonly<Record<SocioVariable, string>> = { population: "人", gdp: "万元", energy: "tce" };

/** The units a message lists as examples for each variable. */
export const SOCIO_UNIT_EXAMPLES: Readonly<Record<SocioVariable, string>> = { population: "万人, 人", gdp: "亿元, 万元, 元", energy: "万tce, tce, 万吨标准煤" };

function norm(unit: string): string {
  return unit
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "");
}

/**
 * The factor converting a value in `unit` to the engine's unit of `variable` (persons, 万元, tce), or
 * undefined when the unit is not one of that variable's.
 * @example socioFactor("gdp", "亿元（2015年价）") // 10000
 * @example socioFactor("population", "万人") // 10000
 * @example socioFactor("energy", "GJ") // 1 / 29.3076
 */
export function socioFactor(variable: SocioVariable, unit: string): number | undefined {
  const u = norm(unit);
  const table = variable === "population" ? POPULATION : variable === "gdp" ? GDP : TCE;
  if (Object.prototype.hasOwnProperty.call(table, u)) return table[u];
  if (variable === "energy") {
    const e = unitOf(u);
    if (e && e.kind === "energy") return e.factor / GJ_PER_TCE;
  }
  return undefined;
}
