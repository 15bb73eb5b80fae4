/**
 * COMBINE core and the log-share attribution (src/engine/scenario/combine.ts, attribution.ts).
 * docs/design.md §3: levers combine E = E_base·Π(1 − r_i); the reduction is attributed
 * ΔE_i = ΔE·ln(1 − r_i)/Σ_j ln(1 − r_j), independent of order and summing exactly.
 */
import fc from "fast-check";
import { combine, combineShares, attributeLogShares, formatIssue } from "../../src/engine";
import { value, issues } from "../helpers/result";

const share = fc.double({ min: 0, max: 1, noNaN: true });

describe("combine — argument validation", () => {
  test("every share outside [0, 1] is reported with its position, all at once", () => {
    const r = combine([0.1, 28, -0.2, NaN]);
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([
      ["share_range", ["shares", 1]],
      ["share_range", ["shares", 2]],
      ["not_finite", ["shares", 3]],
    ]);
    expect(formatIssue(issues(r)[0])).toBe("shares, position 2: 28 is not a share between 0 and 1 (write 0.28 for 28%)");
  });
  test("an empty list is reported as empty", () => {
    expect(issues(combine([]))[0]).toMatchObject({ code: "empty", path: ["shares"] });
  });
});

describe("combine — reference values", () => {
  test("0.1 and 0.2 combine to 0.28, not 0.3 (docs/design.md §3: multiplicative, no double counting)", () => {
    expect(value(combine([0.1, 0.2]))).toBeCloseTo(0.28, 15);
  });
  test("two 60% cuts remove 84%", () => {
    expect(value(combine([0.6, 0.6]))).toBeCloseTo(0.84, 15);
  });
  test("a full cut (1) makes the combination 1", () => {
    expect(value(combine([0.3, 1, 0.2]))).toBe(1);
  });
});

describe("attributeLogShares — reference values", () => {
  test("28 split between 0.1 and 0.2 by ln 0.9 : ln 0.8 = 0.3207 : 0.6793", () => {
    const [a, b] = attributeLogShares(28, [0.1, 0.2]);
    expect(a).toBeCloseTo(8.9804, 4);
    expect(b).toBeCloseTo(19.0196, 4);
  });
});

describe("attributeLogShares — edge cases (documented limits, never NaN)", () => {
  test("all shares 0: every lever gets 0", () => {
    expect(attributeLogShares(0, [0, 0, 0])).toEqual([0, 0, 0]);
  });
  test("one full cut takes the whole reduction (the limit r → 1 of the formula)", () => {
    expect(attributeLogShares(10, [1, 0.5, 0])).toEqual([10, 0, 0]);
  });
  test("several full cuts share the reduction equally", () => {
    expect(attributeLogShares(9, [1, 0.4, 1])).toEqual([4.5, 0, 4.5]);
  });
  test("the limit holds: as r → 1 the lever's weight tends to 1", () => {
    const near = attributeLogShares(10, [1 - 1e-12, 0.5]);
    expect(near[0]).toBeGreaterThan(9.7);
    expect(near[0] + near[1]).toBeCloseTo(10, 12);
  });
});

describe("combine and attribution — invariants", () => {
  test("the combined share does not depend on the order of the levers", () => {
    fc.assert(
      fc.property(fc.array(share, { minLength: 1, maxLength: 8 }), (s) => {
        const r = value(combine(s));
        expect(value(combine([...s].reverse()))).toBeCloseTo(r, 14);
        expect(r).toBeGreaterThanOrEqual(Math.max(...s) - 1e-15);
        expect(r).toBeLessThanOrEqual(1);
      }),
    );
  });
  test("attributions sum to the total (1e-9 relative) and follow their lever when the order changes", () => {
    fc.assert(
      fc.property(fc.array(share, { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 1e9, noNaN: true }), (s, base) => {
        const total = base * combineShares(s);
        const parts = attributeLogShares(total, s);
        const sum = parts.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-9 * Math.max(total, 1e-300));
        const rev = attributeLogShares(total, [...s].reverse()).reverse();
        rev.forEach((x, i) => expect(x).toBeCloseTo(parts[i], 6));
        parts.forEach((x) => expect(Number.isNaN(x)).toBe(false));
      }),
    );
  });
  test("a lever with share 0 gets nothing and does not change the others' parts", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 6 }), (s) => {
        const total = combineShares(s) * 100;
        const a = attributeLogShares(total, s);
        const b = attributeLogShares(total, [...s, 0]);
        expect(b[s.length]).toBe(0);
        a.forEach((x, i) => expect(b[i]).toBe(x));
      }),
    );
  });
});
