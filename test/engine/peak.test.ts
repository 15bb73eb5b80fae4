/**
 * The peak definition (docs/peaks.md): the peak year is the year of the maximum; the tolerance band
 * makes the plateau; smoothing judges the decline without inventing one at the end; fewer than
 * min_points values are `insufficient`. Reference values: the CEADs city totals in
 * data/ceads-changzhutan-city-totals.csv (citation in data/README.md).
 */
import fc from "fast-check";
import { STRICT_PEAK_OPTIONS, findPeak, peakGap, peakIndex, seriesFromArrays, parseSeries, type Peak, type PeakOptions } from "../../src/engine";
import { cityColumns } from "../helpers/ceads";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const s = (values: number[], from = 2010) => seriesFromArrays(years(from, values.length), values);
function peak(values: number[], o: PeakOptions = {}, from = 2010): Peak {
  const r = findPeak(s(values, from), o);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function cityPeak(city: string, o: PeakOptions = {}): Peak {
  const { years: ys, values } = cityColumns(city);
  const r = parseSeries(values, ys);
  if (!r.ok) throw new Error("CEADs data did not parse");
  const p = findPeak(r.value, o);
  if (!p.ok) throw new Error("no peak result");
  return p.value;
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
  test("min_points must be a whole number from 0 to 1000", () => {
    for (const m of [-1, 2.5, 1001, NaN]) {
      const r = findPeak(s([1, 2]), { minPoints: m });
      expect(!r.ok && r.issues[0].path).toEqual(["min_points"]);
    }
  });
  test("all bad options are reported together", () => {
    const r = findPeak(s([1, 2]), { tolerance: 5, confirmYears: -1, smoothYears: 2, minPoints: -3 });
    expect(!r.ok && r.issues.map((i) => i.path[0])).toEqual(["tolerance", "confirm_years", "smooth_years", "min_points"]);
  });
  test("a series with no values fails with no_values", () => {
    const r = findPeak(s([NaN, NaN]));
    expect(!r.ok && r.issues[0].code).toBe("no_values");
  });
});

describe("findPeak — data sufficiency", () => {
  test("two points are insufficient, whatever they show (吉林白山 in CEADs has 2 points)", () => {
    expect(peak([5, 4])).toMatchObject({ status: "insufficient", points: 2, firstYear: 2010, lastYear: 2011 });
    expect(peak([4, 5])).toMatchObject({ status: "insufficient", points: 2 });
  });
  test("the minimum is 5 values by default: 4 are insufficient, 5 get a status", () => {
    expect(peak([1, 3, 2, 1])).toMatchObject({ status: "insufficient", points: 4 });
    expect(peak([1, 3, 2, 1, 1])).toMatchObject({ status: "peaked", year: 2011, points: 5 });
  });
  test("gaps do not count: 6 years with 2 blanks are 4 values", () => {
    const g = findPeak(seriesFromArrays(years(2010, 6), [1, NaN, 3, NaN, 2, 1]));
    expect(g.ok && g.value).toMatchObject({ status: "insufficient", points: 4, firstYear: 2010, lastYear: 2015 });
  });
  test("min_points changes the minimum; 0 and 1 accept any series with a value", () => {
    expect(peak([5, 4], { minPoints: 2 })).toMatchObject({ status: "peaked", year: 2010 });
    expect(peak([5], { minPoints: 0 })).toMatchObject({ status: "rising", points: 1 });
    expect(peak([1, 3, 2, 1, 1], { minPoints: 6 })).toMatchObject({ status: "insufficient" });
  });
});

describe("findPeak — edge cases", () => {
  test("a series still rising at the end is rising, with its maximum in the final year", () => {
    expect(peak([1, 2, 3, 4, 5])).toMatchObject({ year: 2014, status: "rising" });
  });
  test("ties: the first year of the maximum is the peak", () => {
    expect(peak([1, 5, 3, 5, 2])).toMatchObject({ year: 2011, value: 5, status: "peaked" });
  });
  test("a maximum repeated in the final year is a plateau (at its high), never peaked", () => {
    expect(peak([1, 5, 3, 4, 5])).toMatchObject({ year: 2011, status: "plateau" });
  });
  test("a trailing rise that stays below the maximum does not move it", () => {
    expect(peak([90, 100, 80, 90, 95])).toMatchObject({ year: 2011, status: "peaked" });
  });
  test("confirmation window: a drop fewer than k years after the peak is unconfirmed", () => {
    expect(peak([1, 2, 3, 5, 4], { confirmYears: 2 })).toMatchObject({ year: 2013, status: "unconfirmed" });
    expect(peak([1, 2, 5, 4, 3], { confirmYears: 2 })).toMatchObject({ year: 2012, status: "peaked" });
  });
  test("gaps are skipped, never read as zeros", () => {
    const g = seriesFromArrays(years(2010, 7), [3, NaN, 4, 3.5, 5, 4.5, NaN]);
    const r = findPeak(g);
    expect(r.ok && r.value).toMatchObject({ year: 2014, value: 5, status: "peaked", lastYear: 2015, points: 5 });
  });
  test("a single final dip is peaked by default (唐山 in CEADs: −0.5 % in 2019) and unconfirmed under strict", () => {
    const tangshan = [180, 190, 200, 205, 210, 208.95]; // 2014–2019, the last year 0.5 % below 2018
    expect(peak(tangshan, {}, 2014)).toMatchObject({ year: 2018, status: "peaked" });
    expect(peak(tangshan, STRICT_PEAK_OPTIONS, 2014)).toMatchObject({ year: 2018, status: "unconfirmed" });
  });
  test("a left-censored peak (the first data year is the maximum) is still the peak year", () => {
    expect(peak([50, 48, 47, 45, 44, 40])).toMatchObject({ year: 2010, status: "peaked", plateauStart: 2010 });
  });
});

describe("findPeak — tolerance: the band makes the plateau, never the peak year", () => {
  test("the peak is the maximum; the plateau starts where the run of values within t of it begins", () => {
    // 100 → 101 → 100.5: all within 2 % of 101 from 2011 on (floor 98.98), 90 is below.
    expect(peak([80, 90, 100, 101, 100.5], { tolerance: 0.02 })).toMatchObject({ year: 2013, value: 101, plateauStart: 2012, status: "plateau" });
  });
  test("a plateau within tolerance that still rises is rising: its last value is its maximum", () => {
    // +0.4 % a year for five years: every value within 2 % of the last, and the last the highest.
    const creeping = [100, 100.4, 100.8, 101.2, 101.6, 102];
    expect(peak(creeping, { tolerance: 0.02 })).toMatchObject({ year: 2015, status: "rising" });
    expect(peak(creeping, { tolerance: 0.05 })).toMatchObject({ status: "rising" });
  });
  test("a rise of 1.6 % over five years then a decline peaks at the top of the rise, the plateau starting where the band begins", () => {
    // A baseline path shaped like the sample's at t = 0.02: 2030 … 2035 within 2 % of 2035, then down.
    const values = [90, 95, 98.4, 98.7, 99.0, 99.3, 99.7, 100, 97, 93, 90];
    const p = peak(values, { tolerance: 0.02 }, 2028);
    expect(p).toMatchObject({ year: 2035, value: 100, plateauStart: 2030, status: "peaked" });
  });
  test("a dip below the band breaks the plateau: values before it do not start it", () => {
    expect(peak([99.5, 90, 99.6, 100, 99, 95], { tolerance: 0.02 })).toMatchObject({ year: 2013, plateauStart: 2012 });
  });
  test("a trailing rise above the band moves the peak to the end (rising)", () => {
    expect(peak([90, 100, 95, 98, 110], { tolerance: 0.02 })).toMatchObject({ year: 2014, status: "rising" });
  });
  test("湘潭 at t = 0.02 is rising: 2017 (44.07 Mt) is above 2011 (43.54 Mt), not a plateau from 2011", () => {
    expect(cityPeak("湖南湘潭", { tolerance: 0.02 })).toMatchObject({ year: 2017, status: "rising" });
  });
});

describe("findPeak — smoothing judges the decline, never manufactures a peak", () => {
  test("smoothing keeps a one-year spike from confirming a false peak while the trend still rises", () => {
    // A one-off spike in 2011 (e.g. a stimulus year) above a rising trend.
    const values = [100, 115, 104, 108, 112, 114];
    expect(peak(values, { confirmYears: 3 })).toMatchObject({ year: 2011, status: "peaked" });
    // 3-year centred means, shrinking at the ends: 100, 106.3, 109, 108, 111.3, 114 — the trend still rises.
    expect(peak(values, { confirmYears: 3, smoothYears: 3 })).toMatchObject({ status: "rising" });
  });
  test("the reported year and value are the unsmoothed maximum", () => {
    expect(peak([10, 20, 30, 20, 10], { smoothYears: 3 })).toMatchObject({ year: 2012, value: 30, status: "peaked" });
  });
  test.each([3, 5])("长沙 (2019 = 32.45 Mt, its maximum) stays rising with smoothing %i", (w) => {
    expect(cityPeak("湖南长沙", { smoothYears: w })).toMatchObject({ year: 2019, status: "rising" });
    expect(cityPeak("湖南长沙", { smoothYears: w, tolerance: 0.02 })).toMatchObject({ status: "rising" });
  });
  test.each([3, 5])("a 长沙-like series (a final-year maximum after a dip the year before) stays rising with smoothing %i", (w) => {
    const values = [25.9, 29.8, 29.0, 26.5, 28.7, 28.7, 30.0, 29.5, 31.5, 29.8, 32.5]; // 2009–2019, shaped as 长沙
    expect(peak(values, { smoothYears: w }, 2009)).toMatchObject({ year: 2019, status: "rising" });
  });
  test("湘潭 with a 2 % band and 3-year smoothing is rising: its last year (2017) is its maximum", () => {
    expect(cityPeak("湖南湘潭", { tolerance: 0.02, smoothYears: 3 })).toMatchObject({ year: 2017, status: "rising" });
  });
});

describe("findPeak — strict reading (confirmation 5 years, at least 5 values)", () => {
  test("a peak fewer than 5 years before the last year is unconfirmed", () => {
    expect(peak([1, 2, 5, 4, 3, 2, 1, 1], STRICT_PEAK_OPTIONS)).toMatchObject({ year: 2012, status: "peaked" });
    expect(peak([1, 2, 3, 4, 5, 4, 3, 2], STRICT_PEAK_OPTIONS)).toMatchObject({ year: 2014, status: "unconfirmed" });
  });
  test("株洲 (peak 2011, data to 2015) is peaked by default and unconfirmed under strict: 4 years of decline", () => {
    expect(cityPeak("湖南株洲")).toMatchObject({ year: 2011, status: "peaked" });
    expect(cityPeak("湖南株洲", STRICT_PEAK_OPTIONS)).toMatchObject({ year: 2011, status: "unconfirmed", lastYear: 2015 });
  });
});

describe("peakGap", () => {
  test("sums the excess of later years over the target year (docs/peaks.md)", () => {
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
  const smooth = fc.constantFrom(1, 3, 5, 7);

  test("the peak year is one of the years with a value, and the peak value is the maximum", () => {
    fc.assert(
      fc.property(series, tol, smooth, ({ years: ys, vals }, t, w) => {
        const r = findPeak(seriesFromArrays(ys, vals), { tolerance: t, smoothYears: w, minPoints: 1 });
        return r.ok && ys.includes(r.value.year) && r.value.value === vals[ys.indexOf(r.value.year)] && r.value.value === Math.max(...vals);
      }),
    );
  });

  test("tolerance and smoothing never move the peak year: it is the first year of the maximum", () => {
    fc.assert(
      fc.property(series, tol, smooth, ({ years: ys, vals }, t, w) => {
        const r = findPeak(seriesFromArrays(ys, vals), { tolerance: t, smoothYears: w });
        return r.ok && r.value.year === ys[vals.indexOf(Math.max(...vals))];
      }),
    );
  });

  test("smoothing or tolerance never turns a series whose raw last value is its maximum into peaked or unconfirmed", () => {
    // Any series, with its last value raised to (or tied with) the maximum.
    const atHigh = series.map(({ years: ys, vals }) => ({ years: ys, vals: [...vals.slice(0, -1), Math.max(...vals)] }));
    fc.assert(
      fc.property(atHigh, tol, smooth, fc.constantFrom(0, 3, 5), ({ years: ys, vals }, t, w, k) => {
        const r = findPeak(seriesFromArrays(ys, vals), { tolerance: t, smoothYears: w, confirmYears: k, minPoints: 1 });
        return r.ok && (r.value.status === "rising" || r.value.status === "plateau");
      }),
    );
  });

  test("no peaked, plateau or unconfirmed result has a later value above the reported peak value", () => {
    fc.assert(
      fc.property(series, tol, smooth, ({ years: ys, vals }, t, w) => {
        const r = findPeak(seriesFromArrays(ys, vals), { tolerance: t, smoothYears: w, minPoints: 1 });
        if (!r.ok) return false;
        const i = ys.indexOf(r.value.year);
        return vals.slice(i + 1).every((v) => v <= r.value.value);
      }),
    );
  });

  test("the plateau start is at or before the peak, and every value from it to the peak is within the band", () => {
    fc.assert(
      fc.property(series, tol, ({ years: ys, vals }, t) => {
        const r = findPeak(seriesFromArrays(ys, vals), { tolerance: t, minPoints: 1 });
        if (!r.ok) return false;
        const a = ys.indexOf(r.value.plateauStart);
        const b = ys.indexOf(r.value.year);
        const floor = (1 - t) * r.value.value;
        return a <= b && vals.slice(a, b + 1).every((v) => v >= floor) && (a === 0 || vals[a - 1] < floor);
      }),
    );
  });

  test("fewer values than min_points is insufficient, whatever the other options", () => {
    fc.assert(
      fc.property(series, tol, smooth, fc.integer({ min: 0, max: 50 }), ({ years: ys, vals }, t, w, m) => {
        const r = findPeak(seriesFromArrays(ys, vals), { tolerance: t, smoothYears: w, minPoints: m });
        return r.ok && (r.value.status === "insufficient") === vals.length < m && r.value.points === vals.length;
      }),
    );
  });

  test("scaling all values by a positive factor keeps the peak year and status", () => {
    // Powers of two scale exactly (no rounding can create or break a tie); values are kept clear of
    // the subnormal range, where scaling down would round to zero.
    const normal = series.filter(({ vals }) => vals.every((v) => v === 0 || v >= 1e-200));
    fc.assert(
      fc.property(normal, fc.constantFrom(2, 0.5, 1024, 1 / 1024, 2 ** 40), ({ years: ys, vals }, k) => {
        const a = findPeak(seriesFromArrays(ys, vals));
        const b = findPeak(
          seriesFromArrays(
            ys,
            vals.map((v) => v * k),
          ),
        );
        return a.ok && b.ok && a.value.year === b.value.year && a.value.status === b.value.status;
      }),
    );
  });

  test("permuting the (year, value) pairs keeps the peak", () => {
    fc.assert(
      fc.property(series, fc.integer(), ({ years: ys, vals }, seed) => {
        const idx = ys.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
        const a = findPeak(seriesFromArrays(ys, vals));
        const r = parseSeries(
          idx.map((i) => vals[i]),
          idx.map((i) => ys[i]),
        );
        const b = r.ok ? findPeak(r.value) : r;
        return a.ok && b.ok && a.value.year === b.value.year && a.value.status === b.value.status;
      }),
    );
  });

  test("peakIndex counts the values and finds the first maximum, first and last value", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 30 }), (vals) => {
        const r = peakIndex(Float64Array.from(vals));
        const present = vals.map((v, i) => [v, i]).filter(([v]) => !Number.isNaN(v));
        if (present.length === 0) return r.index === -1 && r.points === 0;
        const max = Math.max(...present.map(([v]) => v));
        return r.points === present.length && r.first === present[0][1] && r.last === present[present.length - 1][1] && r.index === vals.indexOf(max);
      }),
    );
  });
});

describe("findPeak — reference values (CEADs city totals, data/ceads-changzhutan-city-totals.csv)", () => {
  test("株洲 (Zhuzhou) peaked in 2011 at 25.59 Mt: the largest CEADs value of 2005–2015, and 2015 is 19.91 Mt", () => {
    expect(cityPeak("湖南株洲")).toMatchObject({ year: 2011, status: "peaked", firstYear: 2005, lastYear: 2015, points: 10 });
    expect(cityPeak("湖南株洲").value).toBeCloseTo(25.5876, 4);
  });

  test("湘潭 (Xiangtan) is still rising: its last CEADs year, 2017 (44.07 Mt), is its maximum", () => {
    expect(cityPeak("湖南湘潭")).toMatchObject({ year: 2017, status: "rising", points: 14 });
  });

  test("长沙 (Changsha) is still rising: 2019 (32.45 Mt) is its maximum, above 2017's 31.54 Mt", () => {
    expect(cityPeak("湖南长沙")).toMatchObject({ year: 2019, status: "rising", points: 18 });
  });
});
