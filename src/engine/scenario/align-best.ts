/**
 * Align to the best member (docs/design.md §3; the seed's unified building-energy standard, 建筑：统一能效标准):
 * each member's intensity, intensity_i = emissions_i / activity_i, moves to the lowest intensity in
 * the group; the reduction is reduction_i = emissions_i − best·activity_i, i.e. the share
 * 1 − best/intensity_i of the member's emissions. The best member's reduction is 0.
 */
import { fail, issue, ok, type Issue, type Result } from "../issues";
import { checkFinite, checkList } from "./checks";

/**
 * Writes each member's reduction share 1 − best/intensity_i into `out` (trusted intensities ≥ 0, NaN
 * for members without one, which get share 0 and are not candidates for the best). A member with
 * intensity 0 is the best (and gets 0).
 * @example alignBestShares(Float64Array.of(18, 24, 38)) // [0, 0.25, 0.526…]
 */
export function alignBestShares(intensities: ArrayLike<number>, out = new Float64Array(intensities.length)): Float64Array {
  let best = Infinity;
  for (let i = 0; i < intensities.length; i++) if (intensities[i] < best) best = intensities[i];
  for (let i = 0; i < intensities.length; i++) {
    const x = intensities[i];
    out[i] = x > best ? 1 - best / x : 0;
  }
  return out;
}

/**
 * ALIGNBEST core: each member's reduction (in the emissions' unit) when its intensity moves to the
 * best (lowest) member's. Emissions must be finite and ≥ 0; activity finite and > 0 (an intensity needs
 * a positive activity: `activity_not_positive`); both lists the same length (`length_mismatch`).
 * The best member gets exactly 0; ties share the best.
 *
 * @example alignBest([18, 48, 38], [1, 2, 1]) // intensities 18, 24, 38 → ok([0, 12, 20])
 */
export function alignBest(emissions: readonly number[], activity: readonly number[]): Result<number[]> {
  const issues: Issue[] = [];
  const le = checkList(emissions, "emissions");
  const la = checkList(activity, "activity");
  if (le) issues.push(le);
  if (la) issues.push(la);
  if (!le && !la && emissions.length !== activity.length) {
    issues.push(issue("length_mismatch", ["activity"], { actual: activity.length, expected: emissions.length, other: "emissions" }));
  }
  if (!le) {
    emissions.forEach((e, i) => {
      const bad = checkFinite(e, ["emissions", i]);
      if (bad) issues.push(bad);
      else if (e < 0) issues.push(issue("negative_value", ["emissions", i], { value: e }));
    });
  }
  if (!la) {
    activity.forEach((a, i) => {
      const bad = checkFinite(a, ["activity", i]);
      if (bad) issues.push(bad);
      else if (!(a > 0)) issues.push(issue("activity_not_positive", ["activity", i], { value: a }));
    });
  }
  if (issues.length > 0) return fail(issues);
  const intensity = emissions.map((e, i) => e / activity[i]);
  const shares = alignBestShares(intensity);
  return ok(emissions.map((e, i) => (shares[i] === 0 ? 0 : e * shares[i])));
}
