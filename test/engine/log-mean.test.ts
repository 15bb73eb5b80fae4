/**
 * The logarithmic mean L(a, b) = (a − b)/(ln a − ln b), L(a, a) = a (Ang 2005, Energy Policy 33:
 * 867–871), and its zero limits L(a, 0) = 0 (Ang & Liu 2007, Energy Policy 35: 238–246).
 */
import fc from "fast-check";
import { logMean, logRatio } from "../../src/engine";

const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true, noDefaultInfinity: true });

describe("logMean — argument validation", () => {
  test("negative, NaN and infinite arguments give NaN (callers validate first)", () => {
    expect(logMean(-1, 2)).toBeNaN();
    expect(logMean(NaN, 2)).toBeNaN();
    expect(logMean(Infinity, 2)).toBeNaN();
  });
});

describe("logMean — edge cases", () => {
  test("L(a, a) = a", () => {
    expect(logMean(7, 7)).toBe(7);
    expect(logMean(0, 0)).toBe(0);
  });
  test("L(a, 0) = L(0, a) = 0, the analytical limit", () => {
    expect(logMean(5, 0)).toBe(0);
    expect(logMean(0, 5)).toBe(0);
  });
  test("nearly equal arguments lose no precision (L ≈ (a + b)/2 when a ≈ b)", () => {
    const a = 1 + 1e-12;
    expect(Math.abs(logMean(a, 1) - (a + 1) / 2)).toBeLessThan(1e-15);
  });
  test("widely different arguments (ratio 1e300) stay finite", () => {
    expect(logMean(1e150, 1e-150)).toBeCloseTo(1e150 / (300 * Math.LN10), -140);
  });
});

describe("logMean — invariants", () => {
  test("symmetric, and between the geometric and arithmetic means", () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        const l = logMean(a, b);
        const tol = 1e-12 * Math.max(a, b);
        return Math.abs(l - logMean(b, a)) <= tol && l >= Math.sqrt(a * b) - tol && l <= (a + b) / 2 + tol;
      }),
    );
  });
  test("L(a, b) · ln(a/b) = a − b (the identity that makes LMDI exact)", () => {
    fc.assert(fc.property(positive, positive, (a, b) => Math.abs(logMean(a, b) * logRatio(a, b) - (a - b)) <= 1e-12 * Math.max(a, b)));
  });
  test("homogeneous of degree one: L(ca, cb) = c·L(a, b)", () => {
    fc.assert(
      fc.property(
        positive,
        positive,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (a, b, c) => Math.abs(logMean(c * a, c * b) - c * logMean(a, b)) <= 1e-12 * c * Math.max(a, b),
      ),
    );
  });
});

describe("logMean — reference values", () => {
  test("L(2, 1) = 1/ln 2 and L(e, 1) = e − 1 (by the definition)", () => {
    expect(logMean(2, 1)).toBeCloseTo(1 / Math.LN2, 15);
    expect(logMean(Math.E, 1)).toBeCloseTo(Math.E - 1, 15);
  });
});

describe("logRatio", () => {
  test("ln(a/b), also when a/b would overflow", () => {
    expect(logRatio(2, 1)).toBe(Math.LN2);
    expect(logRatio(1e300, 1e-300)).toBeCloseTo(600 * Math.LN10, 10);
  });
});
