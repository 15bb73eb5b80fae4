/**
 * The benefit of coordination (docs/design.md §3): the independent-cities result minus the cluster-coordinated
 * result, by sector and year (and by city), in tCO2. Positive = the coordinated cluster emits less.
 */
import type { CoordinationBenefit } from "./results";

/**
 * Independent − coordinated, from two C × S × Y emission arrays.
 * @example coordinationBenefit("independent", "coordinated", ind, coord, 3, 8, 46).total
 */
export function coordinationBenefit(
  independent: string,
  coordinated: string,
  ind: Float64Array,
  coord: Float64Array,
  C: number,
  S: number,
  Y: number,
): CoordinationBenefit {
  const bySector = new Float64Array(S * Y);
  const byCity = new Float64Array(C * Y);
  const total = new Float64Array(Y);
  for (let c = 0; c < C; c++) {
    for (let s = 0; s < S; s++) {
      const o = (c * S + s) * Y;
      for (let y = 0; y < Y; y++) {
        const d = ind[o + y] - coord[o + y];
        bySector[s * Y + y] += d;
        byCity[c * Y + y] += d;
        total[y] += d;
      }
    }
  }
  return { independent, coordinated, bySector, byCity, total };
}
