/**
 * The logarithmic mean, the weight of every LMDI formula (Ang 2005, "The LMDI approach to
 * decomposition analysis: a practical guide", Energy Policy 33: 867–871, eq. after (5)):
 *
 *   L(a, b) = (a − b) / (ln a − ln b)  for a ≠ b,   L(a, a) = a,
 *
 * with its limits at zero, L(a, 0) = L(0, a) = 0 and L(0, 0) = 0 (Ang & Liu 2007, "Handling zero
 * values in the logarithmic mean Divisia index decomposition approach", Energy Policy 35: 238–246).
 */

/**
 * Logarithmic mean of two non-negative numbers. Symmetric, between the geometric and the
 * arithmetic mean, and computed without cancellation when a ≈ b (through log1p).
 * @param a first value, ≥ 0 (same unit as b; the result has that unit)
 * @param b second value, ≥ 0
 * @returns L(a, b); 0 when either is 0; a when a = b. NaN for negative or non-finite input.
 * @example logMean(2, 1) // 1.4426950408889634 (= 1 / ln 2)
 * @example logMean(5, 5) // 5
 * @example logMean(5, 0) // 0 (the limit)
 */
export function logMean(a: number, b: number): number {
  if (!(a >= 0) || !(b >= 0) || !Number.isFinite(a) || !Number.isFinite(b)) return NaN;
  if (a === b) return a;
  if (a === 0 || b === 0) return 0;
  const x = a / b - 1;
  // Near a = b both (a − b) and ln(a/b) cancel; x / log1p(x) = 1 + x/2 − … keeps full precision.
  if (Math.abs(x) < 0.5) return (b * x) / Math.log1p(x);
  return (a - b) / (Math.log(a) - Math.log(b));
}

/**
 * ln(a / b) for positive a and b, precise when a ≈ b and safe when a / b would overflow.
 * @example logRatio(2, 1) // 0.6931471805599453
 */
export function logRatio(a: number, b: number): number {
  const r = a / b;
  return Number.isFinite(r) && r > 0 ? Math.log(r) : Math.log(a) - Math.log(b);
}
