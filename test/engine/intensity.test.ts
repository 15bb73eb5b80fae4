/**
 * Intensity change (src/engine/intensity.ts): (E_to/A_to) / (E_from/A_from) − 1, the form of China's
 * intensity targets (单位GDP二氧化碳排放 −18 % 2020→2025; −65 % against 2005 by 2030).
 */
import fc from "fast-check";
import { formatIssue, intensityChange, intensityChangeOf, seriesFromArrays } from "../../src/engine";
import { issues, value } from "../helpers/result";

const Y = [2020, 2021, 2022, 2023, 2024, 2025];
const s = (v: number[]) => seriesFromArrays(Y, v);
const text = (r: ReturnType<typeof intensityChange>) => issues(r).map((i) => formatIssue(i));
/** a ≈ b relative to their size (ratios of random magnitudes lose digits in 1 + change). */
const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe("intensityChange — argument validation", () => {
  test("to_year before from_year is refused (a swapped pair of years)", () => {
    expect(text(intensityChange(s([1, 1, 1, 1, 1, 1]), s([1, 1, 1, 1, 1, 1]), 2025, 2020))).toEqual(["to_year: 2020 is before from_year (2025)"]);
  });
  test("a year that is not among the years is named once, at its argument", () => {
    expect(text(intensityChange(s([1, 1, 1, 1, 1, 1]), s([1, 1, 1, 1, 1, 1]), 2005, 2030))).toEqual([
      "from_year: 2005 is not one of the years (2020–2025)",
      "to_year: 2030 is not one of the years (2020–2025)",
    ]);
  });
  test("blanks in either year are named per argument with the year (a blank is not a zero)", () => {
    const r = intensityChange(s([NaN, 1, 1, 1, 1, 1]), s([1, 1, 1, 1, 1, NaN]), 2020, 2025);
    expect(issues(r).map((i) => [i.code, i.path[0], i.year])).toEqual([
      ["year_value_blank", "emissions", 2020],
      ["year_value_blank", "activity", 2025],
    ]);
  });
  test("zero or negative activity in either year: an intensity needs an activity above 0", () => {
    const r = intensityChange(s([1, 1, 1, 1, 1, 1]), s([0, 1, 1, 1, 1, -2]), 2020, 2025);
    expect(issues(r).map((i) => [i.code, i.value, i.year])).toEqual([
      ["activity_not_positive", 0, 2020],
      ["activity_not_positive", -2, 2025],
    ]);
  });
  test("emissions of 0 in from_year: no relative change against a zero base (#N/A in Excel)", () => {
    expect(text(intensityChange(s([0, 1, 1, 1, 1, 3]), s([1, 1, 1, 1, 1, 1]), 2020, 2025))).toEqual([
      "emissions: is 0 in 2020, so there is no relative change of the intensity against 2020; choose another from_year",
    ]);
  });
});

describe("intensityChange — edge cases", () => {
  test("emissions falling to 0 in to_year is a 100 % fall", () => {
    expect(value(intensityChange(s([5, 1, 1, 1, 1, 0]), s([1, 1, 1, 1, 1, 2]), 2020, 2025)).change).toBe(-1);
  });
  test("from = to gives 0; the years between do not matter, even blank", () => {
    expect(value(intensityChange(s([5, NaN, NaN, NaN, NaN, NaN]), s([2, NaN, NaN, NaN, NaN, NaN]), 2020, 2020)).change).toBe(0);
    expect(value(intensityChange(s([5, NaN, NaN, NaN, NaN, 4]), s([2, NaN, NaN, NaN, NaN, 2]), 2020, 2025)).change).toBeCloseTo(-0.2, 15);
  });
  test("the two intensities are returned beside the change", () => {
    expect(value(intensityChangeOf(100, 1000, 120, 1500, 2020, 2025))).toEqual({ change: expect.closeTo(-0.2, 15), intensityFrom: 0.1, intensityTo: 0.08 });
  });
});

describe("intensityChange — invariants", () => {
  const pos = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
  test("units cancel: scaling emissions or activity by a constant in both years changes nothing", () => {
    fc.assert(
      fc.property(pos, pos, pos, pos, fc.double({ min: 1e-4, max: 1e4, noNaN: true }), (e0, a0, e1, a1, k) => {
        const base = value(intensityChangeOf(e0, a0, e1, a1, 2020, 2025)).change;
        expect(near(value(intensityChangeOf(e0 * k, a0, e1 * k, a1, 2020, 2025)).change, base)).toBe(true);
        expect(near(value(intensityChangeOf(e0, a0 * k, e1, a1 * k, 2020, 2025)).change, base)).toBe(true);
      }),
    );
  });
  test("changes chain: (1 + c(a→b))·(1 + c(b→c)) = 1 + c(a→c)", () => {
    fc.assert(
      fc.property(pos, pos, pos, pos, pos, pos, (e0, a0, e1, a1, e2, a2) => {
        // Compared as ratios: 1 + change is the ratio of the two intensities.
        const ab = value(intensityChangeOf(e0, a0, e1, a1, 2020, 2025));
        const bc = value(intensityChangeOf(e1, a1, e2, a2, 2025, 2030));
        const ac = value(intensityChangeOf(e0, a0, e2, a2, 2020, 2030));
        const ratio = (c: typeof ab) => c.intensityTo / c.intensityFrom;
        expect(near(ratio(ab) * ratio(bc), ratio(ac), 1e-12)).toBe(true);
        expect(near(1 + ac.change, ratio(ac), 1e-12)).toBe(true);
      }),
    );
  });
  test("the change is never below −1 (emissions ≥ 0)", () => {
    fc.assert(
      fc.property(
        pos,
        pos,
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        pos,
        (e0, a0, e1, a1) => value(intensityChangeOf(e0, a0, e1, a1, 2020, 2025)).change >= -1,
      ),
    );
  });
});

describe("intensityChange — reference values", () => {
  test("hand example: 100 t on 1000 units → 120 t on 1500 units is (120/1500)/(100/1000) − 1 = 0.08/0.1 − 1 = −0.2", () => {
    expect(value(intensityChange(s([100, 1, 1, 1, 1, 120]), s([1000, 1, 1, 1, 1, 1500]), 2020, 2025)).change).toBeCloseTo(-0.2, 15);
  });
  test("China 2015→2020, energy per unit of GDP: −12.2 % from the statistical bulletins", () => {
    // Energy use (NBS statistical bulletins 2015 and 2020, first releases): 43.0 and 49.8 亿tce.
    // GDP at 2015 prices: 2015's 676,708 亿元 grown by the bulletins' real growth rates 2016–2020 (6.7, 6.9, 6.6, 6.1,
    // 2.3 %): × 1.067 × 1.069 × 1.066 × 1.061 × 1.023 = × 1.319746 → 893,082.7 亿元.
    // By hand: (49.8 / 893,082.7) / (43.0 / 676,708) − 1 = (49.8 / 43.0) / 1.319746 − 1 = 1.158140 / 1.319746 − 1 = −0.122453.
    const g2020 = 676708 * 1.067 * 1.069 * 1.066 * 1.061 * 1.023;
    const r = intensityChange(seriesFromArrays([2015, 2020], [43.0, 49.8]), seriesFromArrays([2015, 2020], [676708, g2020]), 2015, 2020);
    expect(value(r).change).toBeCloseTo(-0.122453, 6);
  });
  test("the 十三五 CO2-intensity result (−18.8 %, 生态环境部 2021) meets the −18 % target: a series built on it gives −0.188", () => {
    // Emissions built from the published decline: E_2020 = E_2015 · (G_2020/G_2015) · (1 − 0.188), with E_2015 = 9,000 Mt
    // (an assumed round figure: no official annual total is published) and the GDP of the previous test.
    const gIndex = 1.067 * 1.069 * 1.066 * 1.061 * 1.023;
    const r = intensityChange(
      seriesFromArrays([2015, 2020], [9000, 9000 * gIndex * 0.812]),
      seriesFromArrays([2015, 2020], [676708, 676708 * gIndex]),
      2015,
      2020,
    );
    expect(value(r).change).toBeCloseTo(-0.188, 12);
    expect(value(r).change).toBeLessThanOrEqual(-0.18);
  });
});
