/**
 * SECTORREDUCTION core (src/engine/scenario/sector-reduction.ts): levers ramping together on one
 * sector's baseline, combined multiplicatively each year (docs/design.md §3 and §4).
 */
import fc from "fast-check";
import { sectorReduction, rampFraction } from "../../src/engine";
import { value, issues } from "../helpers/result";

describe("sectorReduction — argument validation", () => {
  test("all problems at once: lengths, a negative baseline, a share out of range, a bad year, ramp years out of order, an unknown shape", () => {
    const r = sectorReduction([100, -5, 100], [0.1, 1.5], [2020, 2021.5, 2030, 2031], 2030, 2020, "wave");
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([
      ["length_mismatch", ["years"]],
      ["negative_value", ["baseline", 1]],
      ["share_range", ["shares", 1]],
      ["year_not_integer", ["years", 1]],
      ["year_order", ["full_year"]],
      ["unknown_shape", ["shape"]],
    ]);
  });
});

describe("sectorReduction — reference values", () => {
  test("shares 0.1 and 0.2 on 100, linear 2020→2030: 0, 14.5 (1 − 0.95·0.9), 28 (1 − 0.9·0.8)", () => {
    const v = value(sectorReduction([100, 100, 100], [0.1, 0.2], [2020, 2025, 2030], 2020, 2030));
    expect(v[0]).toBe(0);
    expect(v[1]).toBeCloseTo(14.5, 12);
    expect(v[2]).toBeCloseTo(28, 12);
  });
  test("seed 株洲 货运: −9.6% vehicles on a 100 kt baseline, step from 2020, is 9.6 kt from 2020", () => {
    const v = value(sectorReduction([100, 100], [0.096], [2019, 2020], 2020, 2020, "step"));
    expect(v[0]).toBe(0);
    expect(v[1]).toBeCloseTo(9.6, 12);
  });
});

describe("sectorReduction — invariants", () => {
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  test("the reduction never exceeds the baseline and equals baseline·(1 − Π(1 − s·f)) whatever the lever order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.array(share, { minLength: 1, maxLength: 6 }),
        fc.constantFrom("linear", "s-curve", "step"),
        (base, shares, shape) => {
          const years = base.map((_, i) => 2020 + i);
          const r = value(sectorReduction(base, shares, years, 2021, 2028, shape));
          const rev = value(sectorReduction(base, [...shares].reverse(), years, 2021, 2028, shape));
          r.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(base[i] * (1 + 1e-12));
            const f = rampFraction(years[i], 2021, 2028, shape as "linear");
            const keep = shares.reduce((k, s) => k * (1 - s * f), 1);
            expect(x).toBeCloseTo(base[i] * (1 - keep), 4);
            expect(rev[i]).toBeCloseTo(x, 4);
          });
        },
      ),
    );
  });
  test("shares of 0 change nothing: the reduction is 0 in every year", () => {
    expect(value(sectorReduction([5, 6, 7], [0, 0], [2020, 2025, 2030], 2020, 2030))).toEqual([0, 0, 0]);
  });
});
