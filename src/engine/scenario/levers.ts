/**
 * Lever kinds (docs/design.md §3): what share r(c, y) of the baseline emissions of its targeted sectors a
 * lever removes in each city and year. v(y) is the lever's ramped value (see `ramp.ts`).
 *
 * | kind | r(c, y) |
 * |---|---|
 * | `reduce` | coverage · v(y) |
 * | `intensity` | coverage · v(y) — a cut of emissions per unit of activity, activity unchanged |
 * | `activity` | v(y) · min(1, k_c · A_c(y) / E_T(c, y)) — activity A (e.g. built-up area, km²) cut by v; each unit carries k_c tCO2 |
 * | `align_best` | v(y) · (1 − I_best(y) / I_c(y)), I_c = E_T(c, y)/A_c(y), best = lowest among the targeted cities |
 * | `structure_shift` | 1 − (1 − ε)^{v(y)} — v pp of GDP moved from secondary to tertiary, ε per pp (seed: 1 pp → ≈ 1%) |
 * | `grid_factor` | σ · v(y) — electricity's share σ of the sector's emissions × the cut v of the emission factor |
 * | `avoid_growth` | v(y) · coverage · min(1, k_c · max(0, A_c(y) − A_c(H)) / E_T(c, y)) — a share v of the activity's growth after the last historical year H avoided (new built-up area not built); the stock of H is never cut. Without k_c (Activities intensity blank): v(y) · coverage · max(0, A_c(y) − A_c(H)) / A_c(y) — the targeted emissions scale with the activity, coverage being the share of them that does |
 *
 * E_T(c, y) is the city's baseline emissions summed over the lever's sectors; the share r applies to
 * each of those sectors. Shares are taken against the baseline (never against another lever's
 * result), which is what makes the combination order-free.
 *
 * Each lever is returned as ln(1 − r) per (targeted city, year) — the form in which levers combine
 * (E = E_base·exp Σ ln(1 − r_i)) and are attributed (log shares).
 */
import { issue, type Issue } from "../issues";
import { alignBestShares } from "./align-best";
import type { CompiledLever, ScenarioModel } from "./model";
import { rampPath } from "./ramp";

/** A lever's effect: ln(1 − r) by targeted city × year (or by year only when `uniform`). */
export interface LeverEffect {
  /** `lever.cities.length` × Y values, or Y values when the share is the same in every city. */
  readonly logs: Float64Array;
  readonly uniform: boolean;
}

/** Baseline emissions of city c in year y summed over `sectors`. */
function targetedEmissions(baseline: Float64Array, c: number, sectors: Int32Array, S: number, Y: number, y: number): number {
  let e = 0;
  for (let k = 0; k < sectors.length; k++) e += baseline[(c * S + sectors[k]) * Y + y];
  return e;
}

/**
 * The effect of one lever against the baseline (tCO2, C × S × Y) and activity paths (C × Y each).
 * An `activity` lever whose activity-linked emissions k·A exceed the targeted emissions is capped at
 * its full value (a warning `activity_capped` names the city and first year).
 * @example leverEffect(lever, model, baseline, activityPaths, warnings).logs
 */
export function leverEffect(
  lever: CompiledLever,
  m: ScenarioModel,
  baseline: Float64Array,
  activities: readonly Float64Array[],
  warnings: Issue[],
): LeverEffect {
  const Y = m.years.length;
  const S = m.sectors.length;
  const v = rampPath(lever.segments, m.years[0], Y);
  switch (lever.kind) {
    case "reduce":
    case "intensity":
    case "grid_factor": {
      const scale = lever.kind === "grid_factor" ? lever.electricityShare : lever.coverage;
      const logs = new Float64Array(Y);
      for (let y = 0; y < Y; y++) logs[y] = Math.log1p(-scale * v[y]);
      return { logs, uniform: true };
    }
    case "structure_shift": {
      const perPp = Math.log1p(-lever.elasticity);
      const logs = new Float64Array(Y);
      for (let y = 0; y < Y; y++) logs[y] = v[y] * perPp;
      return { logs, uniform: true };
    }
    case "activity":
    case "avoid_growth": {
      const a = m.activities[lever.activity];
      const path = activities[lever.activity];
      const logs = new Float64Array(lever.cities.length * Y);
      const h = m.lastHistoricalYear - m.years[0];
      const growthOnly = lever.kind === "avoid_growth";
      lever.cities.forEach((c, ci) => {
        let capped = -1;
        for (let y = 0; y < Y; y++) {
          // Up to H the lever is not in force (v = 0): the share is not needed (the history may have gaps).
          if (v[y] === 0) {
            logs[ci * Y + y] = Math.log1p(-0);
            continue;
          }
          const amount = growthOnly ? Math.max(0, path[c * Y + y] - path[c * Y + h]) : path[c * Y + y];
          let share: number;
          if (growthOnly && Number.isNaN(a.intensity[c])) {
            // No emissions per unit given: the targeted emissions scale with the activity, so the
            // avoided growth's share of the activity is the share of emissions avoided (never above 1).
            const total = path[c * Y + y];
            share = total > 0 ? amount / total : 0;
          } else {
            const e = targetedEmissions(baseline, c, lever.sectors, S, Y, y);
            share = e > 0 ? (a.intensity[c] * amount) / e : 0;
            if (share > 1) {
              share = 1;
              if (capped < 0) capped = y;
            }
          }
          logs[ci * Y + y] = Math.log1p(-v[y] * (growthOnly ? lever.coverage : 1) * share);
        }
        if (capped >= 0)
          warnings.push(
            issue("activity_capped", ["levers", lever.rows[0], "activity"], { name: lever.name, city: m.cities[c], year: m.years[capped], activity: a.name }),
          );
      });
      return { logs, uniform: false };
    }
    case "align_best": {
      const path = activities[lever.activity];
      const n = lever.cities.length;
      const logs = new Float64Array(n * Y);
      const intensity = new Float64Array(n);
      const shares = new Float64Array(n);
      for (let y = 0; y < Y; y++) {
        if (v[y] === 0) {
          for (let ci = 0; ci < n; ci++) logs[ci * Y + y] = Math.log1p(-0);
          continue;
        }
        for (let ci = 0; ci < n; ci++) {
          const c = lever.cities[ci];
          intensity[ci] = targetedEmissions(baseline, c, lever.sectors, S, Y, y) / path[c * Y + y];
        }
        alignBestShares(intensity, shares);
        for (let ci = 0; ci < n; ci++) logs[ci * Y + y] = Math.log1p(-v[y] * shares[ci]);
      }
      return { logs, uniform: false };
    }
  }
}
