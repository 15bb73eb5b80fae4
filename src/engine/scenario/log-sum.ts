/**
 * Combining levers (docs/design.md §3): the sum Σ_i ln(1 − r_i) of a scenario's levers in every (city, sector,
 * year) cell, from which E = E_base·exp(Σ ln(1 − r_i)). Shared by the deterministic run and the Monte
 * Carlo draws so that both combine levers with the very same arithmetic (same order, same rounding).
 */
import type { LeverEffect } from "./levers";
import type { CompiledLever } from "./model";

/**
 * Fills `logSum` (C × S × Y, overwritten) with Σ ln(1 − r_i) of `levers` (their `effects` in the same
 * order) and returns the count of full cuts (r = 1, ln = −∞) per cell, or undefined when there are none;
 * full cuts are counted, not added. The logs are summed in a canonical order (by lever name), so the
 * result is bit-identical whatever the order of the input rows. Levers with the same share everywhere
 * (all cities and sectors, no full cut) are summed per year first and added to every cell in one pass.
 * @example const full = leverLogSum(C, S, Y, levers, effects, new Float64Array(C * S * Y))
 */
export function leverLogSum(
  C: number,
  S: number,
  Y: number,
  levers: readonly CompiledLever[],
  effects: readonly LeverEffect[],
  logSum: Float64Array,
): Uint16Array | undefined {
  const order = levers.map((_, i) => i).sort((a, b) => (levers[a].name < levers[b].name ? -1 : levers[a].name > levers[b].name ? 1 : 0));
  const N = C * S * Y;
  let fullCuts: Uint16Array | undefined;
  const everywhere = (li: number) =>
    effects[li].uniform && levers[li].cities.length === C && levers[li].sectors.length === S && !effects[li].logs.includes(-Infinity);
  const global = new Float64Array(Y);
  let anyGlobal = false;
  for (const li of order) {
    if (!everywhere(li)) continue;
    anyGlobal = true;
    const logs = effects[li].logs;
    for (let y = 0; y < Y; y++) global[y] += logs[y];
  }
  if (anyGlobal) for (let o = 0; o < N; o += Y) for (let y = 0; y < Y; y++) logSum[o + y] = global[y];
  else logSum.fill(0);
  for (const li of order) {
    if (everywhere(li)) continue;
    const l = levers[li];
    const { logs, uniform } = effects[li];
    const cities = l.cities;
    const sectors = l.sectors;
    for (let ci = 0; ci < cities.length; ci++) {
      const c = cities[ci];
      const off = uniform ? 0 : ci * Y;
      for (let si = 0; si < sectors.length; si++) {
        const o = (c * S + sectors[si]) * Y;
        for (let y = 0; y < Y; y++) {
          const v = logs[off + y];
          if (v === -Infinity) {
            if (fullCuts === undefined) fullCuts = new Uint16Array(N);
            fullCuts[o + y]++;
          } else logSum[o + y] += v;
        }
      }
    }
  }
  return fullCuts;
}

/**
 * Scenario emissions from the baseline and the log-sum of {@link leverLogSum}, written into `out`:
 * E = E_base − ΔE with ΔE = −E_base·expm1(Σ ln(1 − r)) (precise for small cuts), 0 where a lever
 * cuts fully. The same expression as the deterministic run's, so results agree to the last bit.
 * @example scenarioEmissions(baseline, logSum, full, new Float64Array(baseline.length))
 */
export function scenarioEmissions(baseline: Float64Array, logSum: Float64Array, fullCuts: Uint16Array | undefined, out: Float64Array): Float64Array {
  const N = baseline.length;
  for (let i = 0; i < N; i++) {
    if (fullCuts !== undefined && fullCuts[i] > 0) out[i] = 0;
    else {
      const ls = logSum[i];
      const d = ls === 0 ? 0 : -baseline[i] * Math.expm1(ls);
      out[i] = baseline[i] - d;
    }
  }
  return out;
}
