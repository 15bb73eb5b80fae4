/**
 * ALIGNBEST core (src/engine/scenario/align-best.ts). docs/design.md §3: intensity_i = emissions_i/activity_i,
 * best = the lowest; reduction_i = emissions_i − best·activity_i. The seed's unified building standard
 * (建筑：统一能效标准) moves every member towards the best city.
 */
import fc from "fast-check";
import { alignBest, formatIssue } from "../../src/engine";
import { value, issues } from "../helpers/result";

describe("alignBest — argument validation", () => {
  test("negative emissions and non-positive activity are reported per position, all at once", () => {
    const r = alignBest([10, -1, 5], [1, 2, 0]);
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([
      ["negative_value", ["emissions", 1]],
      ["activity_not_positive", ["activity", 2]],
    ]);
    expect(formatIssue(issues(r)[1])).toBe("activity, position 3: 0: an intensity needs an activity above 0");
  });
  test("lists of different length are a length_mismatch on activity", () => {
    expect(issues(alignBest([1, 2], [1]))[0]).toMatchObject({ code: "length_mismatch", path: ["activity"], expected: 2, actual: 1 });
  });
});

describe("alignBest — reference values", () => {
  test("intensities 18, 24, 38 (the seed's 万t/km² for 长沙, 株洲, 湘潭) on 1, 2, 1 km²: reductions 0, 12, 20", () => {
    const v = value(alignBest([18, 48, 38], [1, 2, 1]));
    expect(v[0]).toBe(0);
    expect(v[1]).toBeCloseTo(12, 12);
    expect(v[2]).toBeCloseTo(20, 12);
  });
});

describe("alignBest — edge cases", () => {
  test("a single member is its own best: no reduction", () => {
    expect(value(alignBest([7], [3]))).toEqual([0]);
  });
  test("ties share the best and both get exactly 0", () => {
    const v = value(alignBest([2, 4, 9], [1, 2, 3]));
    expect([v[0], v[1]]).toEqual([0, 0]);
    expect(v[2]).toBeCloseTo(3, 12);
  });
  test("a member with zero emissions is the best; the others would reach zero", () => {
    expect(value(alignBest([0, 5], [1, 1]))).toEqual([0, 5]);
  });
});

describe("alignBest — invariants", () => {
  const member = fc.record({ e: fc.double({ min: 0, max: 1e6, noNaN: true }), a: fc.double({ min: 1e-3, max: 1e6, noNaN: true }) });
  test("after the reduction every member has the best intensity; reductions lie in [0, emissions]", () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 10 }), (ms) => {
        const red = value(
          alignBest(
            ms.map((m) => m.e),
            ms.map((m) => m.a),
          ),
        );
        const best = Math.min(...ms.map((m) => m.e / m.a));
        ms.forEach((m, i) => {
          expect(red[i]).toBeGreaterThanOrEqual(0);
          expect(red[i]).toBeLessThanOrEqual(m.e);
          expect((m.e - red[i]) / m.a).toBeCloseTo(best, 6);
        });
      }),
    );
  });
});
