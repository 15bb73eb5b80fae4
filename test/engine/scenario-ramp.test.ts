/**
 * RAMP core and lever milestones (src/engine/scenario/ramp.ts). Conventions from docs/design.md §3: linear
 * share(y) = full·clamp((y − start)/(full_year − start), 0, 1); step = full from the start year on;
 * s-curve = logistic centred between start and full year, rescaled to 0 at start and full at the end.
 */
import fc from "fast-check";
import { ramp, rampFraction, rampPath, parseRampShape, formatIssue } from "../../src/engine";
import { value, issues } from "../helpers/result";

const years = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe("ramp — argument validation", () => {
  test("all bad arguments at once, named: start_year, full_year, full_share, years with position, shape", () => {
    const r = ramp(2020.5, 2030, NaN, [2020, 2021.5], "zigzag");
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([
      ["year_not_integer", ["start_year"]],
      ["not_finite", ["full_share"]],
      ["year_not_integer", ["years", 1]],
      ["unknown_shape", ["shape"]],
    ]);
  });
  test("a full-effect year before the start year is an error on full_year", () => {
    const [i] = issues(ramp(2030, 2020, 0.3, [2025]));
    expect(i).toMatchObject({ code: "year_order", path: ["full_year"] });
    expect(formatIssue(i)).toBe("full_year: 2020 is before start_year (2030)");
  });
  test("an unknown shape's message lists the shapes in both languages", () => {
    const [i] = issues(ramp(2020, 2030, 0.3, [2025], "zigzag"));
    expect(formatIssue(i)).toContain("linear, s-curve, step");
    expect(formatIssue(i, "zh")).toContain("S型");
  });
  test("an empty years list is reported", () => {
    expect(issues(ramp(2020, 2030, 0.3, []))[0]).toMatchObject({ code: "empty", path: ["years"] });
  });
});

describe("ramp — reference values (docs/design.md §3)", () => {
  test("linear: 0 in the start year, half-way at the middle, the full share from the full-effect year on", () => {
    expect(value(ramp(2020, 2030, 0.3, [2019, 2020, 2025, 2030, 2031]))).toEqual([0, 0, 0.15, 0.3, 0.3]);
  });
  test("step: the full share from the start year on, 0 before", () => {
    expect(value(ramp(2020, 2030, 0.3, [2019, 2020, 2021], "step"))).toEqual([0, 0.3, 0.3]);
  });
  test("s-curve: 0 at the start, full at the end, exactly half at the centre, below linear before the centre and above it after", () => {
    const v = value(ramp(2020, 2030, 1, years(2020, 2030), "s-curve"));
    expect(v[0]).toBe(0);
    expect(v[10]).toBe(1);
    expect(v[5]).toBeCloseTo(0.5, 12);
    for (let i = 1; i < 5; i++) expect(v[i]).toBeLessThan(i / 10);
    for (let i = 6; i < 10; i++) expect(v[i]).toBeGreaterThan(i / 10);
  });
  test("s-curve steepness K = 10: at 40% of the period the rescaled logistic is (1/(1 + e) − L0)/(1 − 2·L0) with L0 = 1/(1 + e^5)", () => {
    const L0 = 1 / (1 + Math.exp(5));
    expect(value(ramp(2020, 2030, 1, [2024], "s-curve"))[0]).toBeCloseTo((1 / (1 + Math.E) - L0) / (1 - 2 * L0), 12);
  });
  test("shape names are read case-insensitively and in Chinese", () => {
    expect(["S-Curve", "scurve", "Logistic", "S型"].map(parseRampShape)).toEqual(["s-curve", "s-curve", "s-curve", "s-curve"]);
    expect(["线性", "", null, "阶跃", "STEP"].map(parseRampShape)).toEqual(["linear", "linear", "linear", "step", "step"]);
  });
});

describe("ramp — edge cases", () => {
  test("full-effect year = start year acts as a step for every shape", () => {
    for (const shape of ["linear", "s-curve", "step"]) expect(value(ramp(2020, 2020, 0.4, [2019, 2020, 2021], shape))).toEqual([0, 0.4, 0.4]);
  });
  test("years in any order, repeated: the result follows them", () => {
    expect(value(ramp(2020, 2030, 0.3, [2030, 2020, 2030]))).toEqual([0.3, 0, 0.3]);
  });
  test("full_share need not be a share: 3 percentage points ramp the same way", () => {
    expect(value(ramp(2020, 2030, 3, [2025]))).toEqual([1.5]);
  });
});

describe("rampPath — milestones", () => {
  test("seed 土地: built-up area −28% by 2020 then −33% by 2030 (ramps from 2015) gives 0.28 in 2020, 0.305 in 2025, 0.33 from 2030", () => {
    const p = rampPath(
      [
        { start: 2015, full: 2020, value: 0.28, shape: "linear" },
        { start: 2020, full: 2030, value: 0.33, shape: "linear" },
      ],
      2015,
      21,
    );
    expect(p[0]).toBe(0);
    expect(p[5]).toBeCloseTo(0.28, 15);
    expect(p[10]).toBeCloseTo(0.305, 15);
    expect(p[15]).toBeCloseTo(0.33, 15);
    expect(p[20]).toBeCloseTo(0.33, 15);
  });
  test("a later milestone may lower the value (a measure phased out)", () => {
    const p = rampPath(
      [
        { start: 2020, full: 2020, value: 0.5, shape: "step" },
        { start: 2030, full: 2030, value: 0.1, shape: "step" },
      ],
      2019,
      13,
    );
    expect([p[0], p[1], p[10], p[11]]).toEqual([0, 0.5, 0.5, 0.1]);
  });
});

describe("ramp — invariants", () => {
  const shape = fc.constantFrom("linear" as const, "s-curve" as const, "step" as const);
  test("the fraction is within [0, 1] and never decreases over the years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2050 }), fc.integer({ min: 0, max: 30 }), shape, (start, len, sh) => {
        let prev = 0;
        for (let y = start - 3; y <= start + len + 3; y++) {
          const f = rampFraction(y, start, start + len, sh);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(1);
          expect(f).toBeGreaterThanOrEqual(prev - 1e-15);
          prev = f;
        }
      }),
    );
  });
  test("the s-curve is symmetric about the centre: f(start + d) = 1 − f(full − d)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2050 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), (start, len, d) => {
        const dd = Math.min(d, len);
        expect(rampFraction(start + dd, start, start + len, "s-curve")).toBeCloseTo(1 - rampFraction(start + len - dd, start, start + len, "s-curve"), 12);
      }),
    );
  });
});
