/**
 * The moving average behind `smooth_years` (docs/peaks.md, "Smoothing"): a centred window that
 * shrinks symmetrically towards the ends, so the first and last data years keep their raw values.
 */
import fc from "fast-check";
import { movingAverage, seriesFromArrays } from "../../src/engine";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const s = (values: number[], from = 2010) => seriesFromArrays(years(from, values.length), values);

describe("movingAverage — edge cases", () => {
  test("the window shrinks symmetrically at the ends: the first and last years keep their raw values", () => {
    expect(Array.from(movingAverage(s([3, 6, 3]), 3))).toEqual([3, 4, 3]);
  });
  test("a 5-year window is 1, 3, 5, 3, 1 years wide from the start to the end", () => {
    const m = Array.from(movingAverage(s([1, 2, 3, 4, 9]), 5));
    expect(m[0]).toBe(1);
    expect(m[1]).toBe(2); // mean(1, 2, 3)
    expect(m[2]).toBeCloseTo(3.8, 12); // mean(1, 2, 3, 4, 9)
    expect(m[3]).toBeCloseTo(16 / 3, 12); // mean(3, 4, 9)
    expect(m[4]).toBe(9);
  });
  test("gaps stay gaps and are left out of their neighbours' windows", () => {
    const m = movingAverage(seriesFromArrays([2010, 2011, 2012, 2013, 2014], [2, NaN, 4, 6, 8]), 3);
    expect([m[0], Number.isNaN(m[1]), m[2], m[3], m[4]]).toEqual([2, true, 5, 6, 8]);
  });
  test("the ends are the first and last values, not the first and last positions (leading and trailing gaps)", () => {
    const m = movingAverage(seriesFromArrays([2010, 2011, 2012, 2013, 2014], [NaN, 4, 6, 8, NaN]), 3);
    expect([Number.isNaN(m[0]), m[1], m[2], m[3], Number.isNaN(m[4])]).toEqual([true, 4, 6, 8, true]);
  });
  test("window 1 (or 0) returns the values unchanged", () => {
    expect(Array.from(movingAverage(s([1, 5, 2]), 1))).toEqual([1, 5, 2]);
    expect(Array.from(movingAverage(s([1, 5, 2]), 0))).toEqual([1, 5, 2]);
  });
});

describe("movingAverage — invariants", () => {
  const vals = fc.array(
    fc.oneof({ weight: 6, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }) }, { weight: 1, arbitrary: fc.constant(NaN) }),
    { minLength: 1, maxLength: 40 },
  );
  const w = fc.constantFrom(3, 5, 7, 9);

  test("every smoothed value lies between the minimum and the maximum of the raw values", () => {
    fc.assert(
      fc.property(vals, w, (v, win) => {
        const present = v.filter((x) => !Number.isNaN(x));
        const m = movingAverage(s(v), win);
        return Array.from(m).every((x, i) =>
          Number.isNaN(v[i]) ? Number.isNaN(x) : x >= Math.min(...present) * (1 - 1e-12) && x <= Math.max(...present) * (1 + 1e-12),
        );
      }),
    );
  });

  test("the first and last data years keep their raw values", () => {
    fc.assert(
      fc.property(
        vals.filter((v) => v.some((x) => !Number.isNaN(x))),
        w,
        (v, win) => {
          const m = movingAverage(s(v), win);
          const idx = v.map((x, i) => (Number.isNaN(x) ? -1 : i)).filter((i) => i >= 0);
          return m[idx[0]] === v[idx[0]] && m[idx[idx.length - 1]] === v[idx[idx.length - 1]];
        },
      ),
    );
  });
});
