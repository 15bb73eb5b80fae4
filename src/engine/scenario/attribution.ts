/**
 * Attributing a combined reduction to its levers by log shares (docs/design.md §3):
 *
 *   ΔE_i = ΔE · ln(1 − r_i) / Σ_j ln(1 − r_j)
 *
 * Because E = E_base·Π(1 − r_j) = E_base·exp(Σ_j ln(1 − r_j)), each lever's log is its additive
 * contribution to ln(E/E_base): the split does not depend on the order of the levers and the parts
 * sum to ΔE exactly (up to rounding).
 *
 * Limits (chosen so that no case produces NaN):
 * - all shares 0: ΔE = 0 and every lever gets 0;
 * - one or more full cuts (r = 1, ln 0 = −∞): the full cuts take the whole reduction, split equally
 *   among them, and the other levers get 0. For a single full cut this is the limit r_i → 1 of the
 *   formula; for several the limit depends on how fast each approaches 1, and the equal split is the
 *   symmetric (order-independent) choice.
 */

/**
 * The weight of one lever in the split, from its log ln(1 − r) (−∞ for a full cut), the sum of the
 * logs of the finite levers, and the number of full cuts. The weights of all levers sum to 1 unless
 * every log is 0 (then they are all 0).
 * @example logShareWeight(Math.log(0.9), Math.log(0.9) + Math.log(0.8), 0) // ≈ 0.3207
 */
export function logShareWeight(log: number, finiteLogSum: number, fullCuts: number): number {
  if (fullCuts > 0) return log === -Infinity ? 1 / fullCuts : 0;
  return finiteLogSum === 0 ? 0 : log / finiteLogSum;
}

/**
 * Splits the reduction `total` among levers with shares `shares` (trusted, each in [0, 1]).
 * @example attributeLogShares(28, [0.1, 0.2]) // ≈ [8.98, 19.02]: ln 0.9/ln 0.72 = 0.3207, ln 0.8/ln 0.72 = 0.6793
 * @example attributeLogShares(10, [1, 0.5]) // [10, 0]
 */
export function attributeLogShares(total: number, shares: ArrayLike<number>): number[] {
  const logs = Array.from(shares, (r) => Math.log1p(-r));
  let sum = 0;
  let full = 0;
  for (const l of logs) {
    if (l === -Infinity) full++;
    else sum += l;
  }
  return logs.map((l) => total * logShareWeight(l, sum, full));
}
