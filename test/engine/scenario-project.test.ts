/**
 * PROJECT core (src/engine/scenario/project.ts). Expected numbers follow docs/design.md §3's growth convention:
 * a rate r for the period (a, b] means E(y) = E(y − 1)·(1 + r) for a < y ≤ b.
 */
import fc from "fast-check";
import { project, formatIssue, type Issue, type Result } from "../../src/engine";

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
function issues<T>(r: Result<T>): readonly Issue[] {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.issues;
}

describe("project — argument validation", () => {
  test("every bad argument is reported at once, each naming the argument and position", () => {
    const r = project(NaN, 2020.5, 2030, [0.02, 5, Number.POSITIVE_INFINITY], [2025, 2024, 2030]);
    const found = issues(r).map((i) => [i.code, i.path]);
    expect(found).toEqual([
      ["not_finite", ["base_value"]],
      ["year_not_integer", ["base_year"]],
      ["rate_range", ["rates", 1]],
      ["not_finite", ["rates", 2]],
      ["period_ends_order", ["period_ends", 1]],
    ]);
  });
  test("a rate typed as a percentage (5 for 5%) is rejected with a hint", () => {
    const [i] = issues(project(100, 2020, 2025, [5]));
    expect(formatIssue(i)).toBe("rates, position 1: 5 is not a yearly rate between −1 and 1 (write 0.02 for +2%/yr)");
  });
  test("an end year before the base year is an error on end_year", () => {
    expect(issues(project(100, 2020, 2019, [0.1]))[0]).toMatchObject({ code: "year_order", path: ["end_year"] });
  });
  test("period_ends must match rates in length", () => {
    expect(issues(project(100, 2020, 2030, [0.1, 0.2], [2025]))[0]).toMatchObject({ code: "length_mismatch", path: ["period_ends"] });
  });
  test("the first period end must come after the base year", () => {
    expect(issues(project(100, 2020, 2030, [0.1, 0.2], [2020, 2030]))[0]).toMatchObject({ code: "period_end_before_base", path: ["period_ends", 0] });
  });
  test("without period_ends, the number of rates must be 1 or one per projected year", () => {
    expect(issues(project(100, 2020, 2025, [0.1, 0.2]))[0]).toMatchObject({ code: "rates_count", path: ["rates"], expected: 5 });
  });
  test("an empty rate list is reported as empty", () => {
    expect(issues(project(100, 2020, 2025, []))[0]).toMatchObject({ code: "empty", path: ["rates"] });
  });
});

describe("project — reference values", () => {
  test("docs/design.md §3: rates {0.1, 0} with period ends {2022, 2025} from 100 in 2020 give 100, 110, 121, 121, 121, 121", () => {
    const v = value(project(100, 2020, 2025, [0.1, 0], [2022, 2025]));
    expect(v).toHaveLength(6);
    [100, 110, 121, 121, 121, 121].forEach((x, i) => expect(v[i]).toBeCloseTo(x, 10));
  });
  test("one rate applies to every year: 100 at 5%/yr for two years is 110.25", () => {
    const v = value(project(100, 2020, 2022, [0.05]));
    expect(v[2]).toBeCloseTo(110.25, 10);
  });
  test("one rate per year when there are exactly end − base rates", () => {
    const v = value(project(100, 2020, 2022, [0.1, -0.5]));
    [100, 110, 55].forEach((x, i) => expect(v[i]).toBeCloseTo(x, 10));
  });
});

describe("project — edge cases", () => {
  test("after the last period end the last rate continues, with a warning saying so", () => {
    const r = project(100, 2020, 2024, [0.1], [2022]);
    expect(value(r).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([100, 110, 121, 133.1, 146.41]);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["last_rate_continues"]);
  });
  test("period ends beyond the end year are not reached and give no warning", () => {
    const r = project(100, 2020, 2022, [0.1, 0.2], [2021, 2030]);
    expect(value(r)[2]).toBeCloseTo(132, 10);
    expect(r.ok && r.warnings).toEqual([]);
  });
  test("end year = base year gives just the base value", () => {
    expect(value(project(42, 2020, 2020, [0.3]))).toEqual([42]);
  });
  test("a rate of −1 takes the value to 0 and it stays there", () => {
    expect(value(project(100, 2020, 2022, [-1]))).toEqual([100, 0, 0]);
  });
});

describe("project — invariants", () => {
  test("a constant rate compounds: E(end) = E(base)·(1 + r)^(end − base)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.integer({ min: 0, max: 60 }), (b, r, n) => {
        const v = value(project(b, 2000, 2000 + n, [r]));
        expect(v).toHaveLength(n + 1);
        expect(v[n]).toBeCloseTo(b * Math.pow(1 + r, n), Math.max(0, 6 - Math.ceil(Math.log10(Math.max(1, b)))));
      }),
    );
  });
  test("splitting one period into two with the same rate changes nothing", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.1, max: 0.1, noNaN: true }), fc.integer({ min: 2021, max: 2039 }), (r, cut) => {
        const a = value(project(100, 2020, 2040, [r], [2040]));
        const b = value(project(100, 2020, 2040, [r, r], [cut, 2040]));
        expect(b).toEqual(a);
      }),
    );
  });
});
