import fc from "fast-check";
import { findPeak, peakGap, peakIndex, seriesFromArrays, parseSeries, movingAverage, type Peak } from "../../src/engine";
import { cityColumns } from "../helpers/ceads";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const s = (values: number[], from = 2010) => seriesFromArrays(years(from, values.length), values);
function peak(values: number[], o = {}): Peak {
  const r = findPeak(s(values), o);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("findPeak — argument validation", () => {
  test("tolerance outside [0, 1) is rejected, naming the option", () => {
    for (const t of [-0.1, 1, 2, NaN]) {
      const r = findPeak(s([1, 2]), { tolerance: t });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0].path).toEqual(["tolerance"]);
    }
  });
  test("confirm_years must be a whole number ≥ 0", () => {
    const r = findPeak(s([1, 2]), { confirmYears: 1.5 });
    expect(!r.ok && r.issues[0].path).toEqual(["confirm_years"]);
  });
  test("smooth_years must be odd (an even window has no centre)", () => {
    const r = findPeak(s([1, 2]), { smoothYears: 4 });
    expect(!r.ok && r.issues[0].path).toEqual(["smooth_years"]);
  });
  test("all bad options are reported together", () => {
    const r = findPeak(s([1, 2]), { tolerance: 5, confirmYears: -1, smoothYears: 2 });
    expect(!r.ok && r.issues.map((i) => i.path[0])).toEqual(["tolerance", "confirm_years", "smooth_years"]);
  });
  test("a series with no values fails with no_values", () => {
    const r = findPeak(s([NaN, NaN]));
    expect(!r.ok && r.issues[0].code).toBe("no_values");
  });
});

describe("findPeak — edge cases", () => {
  test("a single point is rising: its only year is the final year", () => {
    expect(peak([5])).toMatchObject({ year: 2010, status: "rising" });
  });
  test("a series still rising at the end has status rising with the final year", () => {
    expect(peak([1, 2, 3])).toMatchObject({ year: 2012, status: "rising" });
  });
  test("ties: with t = 0 the first year of the maximum is the peak", () => {
    expect(peak([1, 5, 3, 5, 2])).toMatchObject({ year: 2011, value: 5, status: "peaked" });
  });
  test("a maximum repeated in the final year is a plateau, not rising", () => {
    expect(peak([1, 5, 3, 5])).toMatchObject({ year: 2011, status: "plateau" });
  });
  test("plateau: with tolerance the peak is the start of the band, status plateau while inside it", () => {
    // 100 → 101 → 100.5: within 2% of 100 from 2011 on, so the plateau starts in 2011.
    expect(peak([90, 100, 101, 100.5], { tolerance: 0.02 })).toMatchObject({ year: 2011, value: 100, status: "plateau" });
  });
  test("a trailing rise above the band moves the peak to the end (rising)", () => {
    expect(peak([90, 100, 95, 110], { tolerance: 0.02 })).toMatchObject({ year: 2013, status: "rising" });
  });
  test("a trailing rise that stays below the old peak does not move it", () => {
    expect(peak([90, 100, 80, 95])).toMatchObject({ year: 2011, status: "peaked" });
  });
  test("confirmation window: a drop fewer than k years after the peak is unconfirmed", () => {
    expect(peak([1, 5, 4], { confirmYears: 2 })).toMatchObject({ year: 2011, status: "unconfirmed" });
    expect(peak([1, 5, 4, 3], { confirmYears: 2 })).toMatchObject({ year: 2011, status: "peaked" });
  });
  test("gaps are skipped, never read as zeros", () => {
    const g = seriesFromArrays([2010, 2011, 2012, 2013], [3, NaN, 4, NaN]);
    const r = findPeak(g);
    expect(r.ok && r.value).toMatchObject({ year: 2012, value: 4, status: "rising", lastYear: 2012 });
  });
  test("smoothing keeps a one-year spike from confirming a false peak while the trend still rises", () => {
    // A one-off spike in 2011 (e.g. a stimulus year) above a rising trend.
    const values = [100, 115, 104, 108, 112, 114];
    expect(peak(values, { confirmYears: 3 })).toMatchObject({ year: 2011, status: "peaked" });
    // 3-year centred means: 107.5, 106.3, 109, 108, 111.3, 113 — the trend is still rising.
    expect(peak(values, { confirmYears: 3, smoothYears: 3 })).toMatchObject({ year: 2015, status: "rising" });
  });
  test("smoothed detection reports the unsmoothed emissions of the peak year", () => {
    const p = peak([10, 20, 30, 20, 10], { smoothYears: 3 });
    expect(p).toMatchObject({ year: 2012, value: 30 });
  });
});

describe("movingAverage — edge cases", () => {
  test("a centred 3-year mean truncates at the ends", () => {
    expect(Array.from(movingAverage(s([3, 6, 3]), 3))).toEqual([4.5, 4, 4.5]);
  });
  test("gaps stay gaps and are left out of their neighbours' windows", () => {
    const m = movingAverage(seriesFromArrays([2010, 2011, 2012], [2, NaN, 4]), 3);
    expect([m[0], Number.isNaN(m[1]), m[2]]).toEqual([2, true, 4]);
  });
});

describe("peakGap", () => {
  test("sums the excess of later years over the target year (docs/design.md §3 definition)", () => {
    // 2021: 12 − 10 = 2; 2022: 9 < 10 → 0; 2023: 11 − 10 = 1.
    const r = peakGap(s([10, 12, 9, 11], 2020), 2020);
    expect(r.ok && r.value).toBe(3);
  });
  test("is zero when the target year is already the peak", () => {
    expect(peakGap(s([5, 10, 8, 7], 2020), 2021)).toMatchObject({ ok: true, value: 0 });
  });
  test("fails with target_year_missing when the target year has no value", () => {
    const r = peakGap(seriesFromArrays([2020, 2021], [NaN, 3]), 2020);
    expect(!r.ok && r.issues[0].code).toBe("target_year_missing");
    expect(!peakGap(s([1]), 1999).ok).toBe(true);
  });
});

describe("findPeak — invariants", () => {
  const series = fc
    .array(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 45 })
    .map((vals) => ({ years: years(2016, vals.length), vals }));
  const tol = fc.constantFrom(0, 0.01, 0.05, 0.2);

  test("the peak year is one of the years with a value", () => {
    fc.assert(fc.property(series, tol, ({ years: ys, vals }, t) => {
      const r = findPeak(seriesFromArrays(ys, vals), { tolerance: t });
      return r.ok && ys.includes(r.value.year) && r.value.value === vals[ys.indexOf(r.value.year)];
    }));
  });

  test("scaling all values by a positive factor keeps the peak year and status", () => {
    // Powers of two scale exactly (no rounding can create or break a tie); values are kept clear of
    // the subnormal range, where scaling down would round to zero.
    const normal = series.filter(({ vals }) => vals.every((v) => v === 0 || v >= 1e-200));
    fc.assert(fc.property(normal, fc.constantFrom(2, 0.5, 1024, 1 / 1024, 2 ** 40), ({ years: ys, vals }, k) => {
      const a = findPeak(seriesFromArrays(ys, vals));
      const b = findPeak(seriesFromArrays(ys, vals.map((v) => v * k)));
      return a.ok && b.ok && a.value.year === b.value.year && a.value.status === b.value.status;
    }));
  });

  test("permuting the (year, value) pairs keeps the peak", () => {
    fc.assert(fc.property(series, fc.integer(), ({ years: ys, vals }, seed) => {
      const idx = ys.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
      const a = findPeak(seriesFromArrays(ys, vals));
      const r = parseSeries(idx.map((i) => vals[i]), idx.map((i) => ys[i]));
      const b = r.ok ? findPeak(r.value) : r;
      return a.ok && b.ok && a.value.year === b.value.year && a.value.status === b.value.status;
    }));
  });

  test("with tolerance 0 the peak value is the maximum and nothing later exceeds it", () => {
    fc.assert(fc.property(series, ({ years: ys, vals }) => {
      const r = findPeak(seriesFromArrays(ys, vals));
      if (!r.ok) return false;
      const i = ys.indexOf(r.value.year);
      return r.value.value === Math.max(...vals) && vals.slice(0, i).every((v) => v < r.value.value);
    }));
  });

  test("the definition holds for any tolerance: later values ≤ (1+t)·E(peak), E(peak) ≥ (1−t)·max, and it is the earliest such year", () => {
    fc.assert(fc.property(series, tol, ({ vals }, t) => {
      const { index } = peakIndex(Float64Array.from(vals), t);
      const max = Math.max(...vals);
      const qualifies = (i: number) => vals[i] >= (1 - t) * max && vals.slice(i + 1).every((v) => v <= (1 + t) * vals[i]);
      return qualifies(index) && vals.slice(0, index).every((_, i) => !qualifies(i));
    }));
  });
});

describe("findPeak — reference values (CEADs city totals, data/ceads-changzhutan-city-totals.csv)", () => {
  function cityPeak(city: string, o = {}) {
    const { years: ys, values } = cityColumns(city);
    const r = parseSeries(values, ys);
    if (!r.ok) throw new Error("CEADs data did not parse");
    const p = findPeak(r.value, o);
    if (!p.ok) throw new Error("no peak result");
    return p.value;
  }

  test("株洲 (Zhuzhou) peaked in 2011 at 25.59 Mt: the largest CEADs value of 2005–2015, and 2015 is 19.91 Mt", () => {
    expect(cityPeak("湖南株洲")).toMatchObject({ year: 2011, status: "peaked", firstYear: 2005, lastYear: 2015 });
    expect(cityPeak("湖南株洲").value).toBeCloseTo(25.5876, 4);
  });

  test("湘潭 (Xiangtan) is still rising: its last CEADs year, 2017 (44.07 Mt), is its maximum", () => {
    expect(cityPeak("湖南湘潭")).toMatchObject({ year: 2017, status: "rising" });
  });

  test("长沙 (Changsha) is still rising: 2019 (32.45 Mt) is its maximum, above 2017's 31.54 Mt", () => {
    expect(cityPeak("湖南长沙")).toMatchObject({ year: 2019, status: "rising" });
  });

  test("with a 2% plateau band and 3-year smoothing, 湘潭's 2016–2017 read as a plateau starting 2016", () => {
    // Smoothed: 2016 = mean(41.28, 42.25, 44.07) = 42.54; 2017 = mean(42.25, 44.07) = 43.16 (max);
    // 42.54 ≥ 0.98 × 43.16 = 42.30 and 43.16 ≤ 1.02 × 42.54 = 43.39, so the band starts in 2016.
    expect(cityPeak("湖南湘潭", { tolerance: 0.02, smoothYears: 3 })).toMatchObject({ year: 2016, status: "plateau" });
  });
});
