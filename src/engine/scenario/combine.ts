/**
 * Combining levers (docs/design.md §3): levers acting on the same emissions combine multiplicatively,
 * E = E_base·Π(1 − r_i), so the combined share is 1 − Π(1 − r_i) — never the sum, which would count
 * the same tonne twice (two 60% cuts remove 84%, not 120%).
 */
import { fail, ok, type Issue, type Result, pushAll } from "../issues";
import { checkEach, checkList, checkShare } from "./checks";

/**
 * Combined share of trusted shares in [0, 1]: 1 − Π(1 − r_i). 0 for no shares; 1 when any share is 1.
 * @example combineShares([0.1, 0.2]) // 0.28
 */
export function combineShares(shares: ArrayLike<number>): number {
  let keep = 1;
  for (let i = 0; i < shares.length; i++) keep *= 1 - shares[i];
  return 1 - keep;
}

/**
 * COMBINE core: the combined share 1 − Π(1 − r) of one or several levers' shares.
 * Every share must be a number from 0 to 1 (`share_range` at `["shares", i]`); an empty list is
 * `empty`. A share of 1 (a full cut) makes the result 1.
 * @example combine([0.1, 0.2]) // ok(0.28)
 * @example combine([0.6, 0.6]) // ok(0.84)
 */
export function combine(shares: readonly number[]): Result<number> {
  const issues: Issue[] = [];
  const list = checkList(shares, "shares");
  if (list) issues.push(list);
  else pushAll(issues, checkEach(shares, "shares", checkShare));
  if (issues.length > 0) return fail(issues);
  return ok(combineShares(shares));
}
