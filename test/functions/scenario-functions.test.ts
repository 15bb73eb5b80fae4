/**
 * PROJECT, RAMP, SECTORREDUCTION, COMBINE, ALIGNBEST as Excel calls them (ranges as 2-D arrays,
 * omitted optionals as null). Expected numbers come from docs/design.md §3's conventions and the seed report.
 */
import { installCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";

const row = (xs: unknown[]) => [xs];
const col = (xs: unknown[]) => xs.map((x) => [x]);
const err = (v: unknown) => {
  expect(v).toBeInstanceOf(StubError);
  return v as StubError;
};
const flat = (v: unknown) => (v as unknown[][]).flat() as number[];

describe("PROJECT", () => {
  test("docs/design.md §3 convention: rates {0.1, 0} for periods ending 2022, 2025 from 100 in 2020 give 100, 110, 121, 121, 121, 121", () => {
    const out = F.project(100, 2020, 2025, row([0.1, 0]), row([2022, 2025]));
    expect(out).toHaveLength(1); // spills right like the rates row
    flat(out).forEach((v, i) => expect(v).toBeCloseTo([100, 110, 121, 121, 121, 121][i], 10));
  });
  test("a single rate spills down and compounds every year", () => {
    const out = F.project(100, 2020, 2022, [[0.05]], null as unknown as unknown[][]);
    expect(out).toEqual([[100], [105], [110.25]]);
  });
  test("text in rates and a bad end year are reported together", () => {
    const e = err(F.project(100, 2020, 2019.5, row([0.1, "x"]), row([2022, 2025])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('rates, position 2: "x" is not a number');
  });
  test("a blank inside rates is an error, trailing blanks of a longer selection are ignored", () => {
    expect(err(F.project(100, 2020, 2025, row([0.1, null, 0]), row([2022, 2024, 2025]))).message).toContain("rates, position 2: is blank");
    expect(flat(F.project(100, 2020, 2022, row([0.1, null, ""]), null as unknown as unknown[][]))[2]).toBeCloseTo(121, 10);
  });
});

describe("RAMP", () => {
  const years = [2019, 2020, 2025, 2030, 2031];
  test("linear: 0 in the start year, full in the full-effect year, clamped outside (docs/design.md §3)", () => {
    expect(flat(F.ramp(2020, 2030, 0.3, row(years)))).toEqual([0, 0, 0.15, 0.3, 0.3].map((x) => expect.closeTo(x, 12)));
  });
  test("step gives the full share from the start year; the output follows the years' orientation", () => {
    const out = F.ramp(2020, 2030, 0.3, col(years), "step");
    expect(out).toEqual([[0], [0.3], [0.3], [0.3], [0.3]]);
  });
  test("s-curve is 0 at the start, full at the full-effect year and half-way at the midpoint (logistic centred between them)", () => {
    const v = flat(F.ramp(2020, 2030, 1, row([2020, 2025, 2030]), "s-curve"));
    expect(v[0]).toBeCloseTo(0, 12);
    expect(v[1]).toBeCloseTo(0.5, 12);
    expect(v[2]).toBeCloseTo(1, 12);
  });
  test("an unknown shape is #VALUE! naming the argument", () => {
    expect(err(F.ramp(2020, 2030, 0.3, row(years), "zigzag")).message).toContain("shape");
  });
});

describe("SECTORREDUCTION", () => {
  test("two levers 10% and 20% ramping 2020→2030 on a flat 100 baseline: 0, 14.5, 28 (multiplicative: 1 − 0.9·0.8 = 0.28)", () => {
    const out = flat(F.sectorReduction(row([100, 100, 100]), row([0.1, 0.2]), row([2020, 2025, 2030]), 2020, 2030));
    [0, 14.5, 28].forEach((x, i) => expect(out[i]).toBeCloseTo(x, 10));
  });
  test("reductions never exceed the baseline even with large shares", () => {
    const base = [50, 80, 120];
    const out = flat(F.sectorReduction(row(base), row([0.9, 0.9, 0.9]), row([2030, 2031, 2032]), 2020, 2030, "step"));
    out.forEach((r, i) => expect(r).toBeLessThanOrEqual(base[i]));
  });
  test("a share above 1 is rejected with its position", () => {
    const e = err(F.sectorReduction(row([100]), row([0.1, 1.5]), row([2030]), 2020, 2030));
    expect(e.message).toContain("shares, position 2");
  });
});

describe("COMBINE", () => {
  test("two 60% cuts remove 84%, not 120%", () => {
    expect(F.combine(row([0.6, 0.6]))).toBeCloseTo(0.84, 12);
  });
  test("株洲 freight (seed): vehicles −9.6% and ships −10.4% on the same tonnes combine to 1 − 0.904·0.896 = 19.0%", () => {
    expect(F.combine(col([0.096, 0.104]))).toBeCloseTo(1 - 0.904 * 0.896, 12);
  });
});

describe("ALIGNBEST", () => {
  test("seed's built-up-area intensities 18 / 24 / 38 万t per km² on 1 km² each: reductions 0, 6, 20", () => {
    const out = F.alignBest(col([18, 24, 38]), col([1, 1, 1]));
    expect(out).toHaveLength(3); // spills down like emissions
    flat(out).forEach((v, i) => expect(v).toBeCloseTo([0, 6, 20][i], 12));
  });
  test("emissions and activity of different lengths are rejected", () => {
    expect(err(F.alignBest(col([18, 24]), col([1]))).message).toContain("activity");
  });
});
