/**
 * Proactive or passive decline (docs/peaks.md, "Proactive or passive decline"). Shan et al. (2022),
 * "City-level emission peak and drivers in China", Science Bulletin 67(18):1910–1920, separate the
 * cities whose emissions fell while the economy and the population grew (proactive: efficiency and
 * structure) from those whose emissions fell with economic recession or population loss (passive).
 * Here: over the decline — from the peak year to the last data year — a decline with GDP and
 * population both not falling is proactive; with GDP or population falling it is passive.
 */
import { hasPeak } from "./peak";
import type { PeakFlag, PeakInfo } from "./peak-info";
import { valueAt, type Series } from "./series";

/** The drivers a decline is read against (either may be absent). GDP at constant prices (any unit); population (any unit). */
export interface DeclineDrivers {
  readonly gdp?: Series;
  readonly population?: Series;
}

/** How a decline came about, with the evidence. */
export interface DeclineReading {
  readonly kind: "proactive" | "passive";
  /** Peak year and last data year: the period read. */
  readonly from: number;
  readonly to: number;
  /** Relative change of each given driver over the period (0.1 = +10%); undefined when not given. */
  readonly gdpChange?: number;
  readonly populationChange?: number;
  /** The drivers that fell (empty when proactive). */
  readonly falling: readonly ("gdp" | "population")[];
}

/**
 * Reads a decline against GDP and population: `passive` when a given driver is lower in the last data
 * year than in the peak year, `proactive` when both are given and neither fell, undefined when there is
 * no decline (status not `peaked` or `unconfirmed`), when the drivers lack a value in either year, or
 * when only one driver is given and it did not fall (the other could have).
 *
 * This is where driver-based scenarios plug in: a scenario's GDP and population paths (Drivers sheet)
 * go in as `drivers` for each city, and the returned kind becomes the `decline_*` flag.
 *
 * @example declineKind(info, { gdp: seriesFromArrays([2011, 2015], [100, 130]), population: seriesFromArrays([2011, 2015], [50, 49]) })
 *   // { kind: "passive", from: 2011, to: 2015, gdpChange: 0.3, populationChange: -0.02, falling: ["population"] }
 */
export function declineKind(info: Pick<PeakInfo, "status" | "peakYear" | "lastYear">, drivers: DeclineDrivers): DeclineReading | undefined {
  if (!hasPeak(info.status) || info.status === "plateau" || info.peakYear === null) return undefined;
  const from = info.peakYear;
  const to = info.lastYear;
  const change = (s: Series | undefined): number | undefined => {
    if (s === undefined) return undefined;
    const a = valueAt(s, from);
    const b = valueAt(s, to);
    return Number.isNaN(a) || Number.isNaN(b) || a <= 0 ? undefined : b / a - 1;
  };
  const gdpChange = change(drivers.gdp);
  const populationChange = change(drivers.population);
  const falling: ("gdp" | "population")[] = [];
  if (gdpChange !== undefined && gdpChange < 0) falling.push("gdp");
  if (populationChange !== undefined && populationChange < 0) falling.push("population");
  if (falling.length === 0 && (gdpChange === undefined || populationChange === undefined)) return undefined;
  return { kind: falling.length > 0 ? "passive" : "proactive", from, to, gdpChange, populationChange, falling };
}

/**
 * The flag of a decline reading (none when there is no reading).
 * @example declineFlag({ kind: "proactive", ... }) // "decline_proactive"
 */
export function declineFlag(r: DeclineReading | undefined): PeakFlag | undefined {
  return r === undefined ? undefined : r.kind === "proactive" ? "decline_proactive" : "decline_passive";
}
