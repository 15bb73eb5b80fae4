/** Percentiles (src/engine/uncertainty/percentiles.ts): Hyndman & Fan type 7, as Excel's PERCENTILE.INC. */
import fc from "fast-check";
import { percentiles, percentileSorted } from "../../src/engine";
import { issues, value } from "../helpers/result";

describe("argument validation", () => {
  it("reports an empty sample, non-finite values and p outside [0, 1] all at once, with paths", () => {
    expect(issues(percentiles([], [0.5])).map((i) => [i.code, i.path])).toEqual([["empty", ["values"]]]);
    expect(issues(percentiles([1, NaN, Infinity], [-0.1, 0.5, 1.2])).map((i) => [i.code, i.path])).toEqual([
      ["not_finite", ["values", 1]],
      ["not_finite", ["values", 2]],
      ["option_range", ["p", 0]],
      ["option_range", ["p", 2]],
    ]);
  });
});

describe("edge cases", () => {
  it("a single value is every percentile", () => {
    expect(value(percentiles([2030], [0, 0.05, 0.5, 0.95, 1]))).toEqual([2030, 2030, 2030, 2030, 2030]);
  });
  it("P0 is the minimum and P100 the maximum", () => {
    expect(value(percentiles([5, 1, 9, 3], [0, 1]))).toEqual([1, 9]);
  });
  it("an empty sorted sample gives NaN from the trusted helper", () => {
    expect(percentileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
  it("does not modify its input", () => {
    const xs = [3, 1, 2];
    value(percentiles(xs, [0.5]));
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe("invariants", () => {
  it("percentiles are monotone in p and lie between the minimum and maximum", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const ps = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
        const q = value(percentiles(xs, ps));
        for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]);
        expect(q[0] === Math.min(...xs)).toBe(true); // === : −0 and 0 are the same minimum
        expect(q[q.length - 1] === Math.max(...xs)).toBe(true);
      }),
    );
  });
  it("a constant sample has that constant at every p (no rounding)", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, n, p) => {
          expect(value(percentiles(new Array(n).fill(x), [p]))[0]).toBe(x);
        },
      ),
    );
  });
});

describe("reference values", () => {
  it("matches Excel PERCENTILE.INC on {2028, 2029, 2030, 2035}: P5 = 2028.15, P50 = 2029.5, P95 = 2034.25", () => {
    const [p5, p50, p95] = value(percentiles([2030, 2028, 2029, 2035], [0.05, 0.5, 0.95]));
    expect(p5).toBeCloseTo(2028.15, 10);
    expect(p50).toBe(2029.5);
    expect(p95).toBeCloseTo(2034.25, 10);
  });
  it("matches Excel PERCENTILE.INC({1,2,3,4,5,6,7,8,9,10}, 0.9) = 9.1", () => {
    expect(value(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0.9]))[0]).toBeCloseTo(9.1, 12);
  });
});
