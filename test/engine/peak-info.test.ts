/**
 * What a peak rests on (docs/peaks.md, "What a result rests on"): first and last data year, number of
 * values and the flags left_censored, last_year_max, single_dip and gaps. Constructed series mirror
 * the cases found in the CEADs 290-city inventory; reference values from data/ceads-changzhutan-city-totals.csv.
 */
import fc from "fast-check";
import { PEAK_FLAGS, parseSeries, peakInfo, seriesFromArrays, type PeakInfo, type PeakOptions } from "../../src/engine";
import { cityColumns } from "../helpers/ceads";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
function info(values: number[], o: PeakOptions = {}, from = 2010): PeakInfo {
  const r = peakInfo(seriesFromArrays(years(from, values.length), values), o);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
function cityInfo(city: string, o: PeakOptions = {}): PeakInfo {
  const { years: ys, values } = cityColumns(city);
  const s = parseSeries(values, ys);
  if (!s.ok) throw new Error("CEADs data did not parse");
  const r = peakInfo(s.value, o);
  if (!r.ok) throw new Error("no peak");
  return r.value;
}

describe("peakInfo — argument validation", () => {
  test("bad options and a series without values fail as findPeak does", () => {
    expect(peakInfo(seriesFromArrays([2019, 2020], [1, 2]), { minPoints: -1 })).toMatchObject({ ok: false });
    expect(peakInfo(seriesFromArrays([2019, 2020], [NaN, NaN]))).toMatchObject({ ok: false });
  });
});

describe("peakInfo — edge cases: each flag on a series that shows it", () => {
  test("2 points: insufficient, no peak year or value, the span and count say why", () => {
    expect(info([3.1, 2.9], {}, 2018)).toEqual({
      status: "insufficient",
      peakYear: null,
      peakValue: null,
      plateauStart: null,
      firstYear: 2018,
      lastYear: 2019,
      points: 2,
      flags: [],
    });
  });
  test("a single final dip is flagged single_dip (the only value below the peak is the last one)", () => {
    expect(info([180, 190, 200, 205, 210, 208.95], {}, 2014)).toMatchObject({ status: "peaked", peakYear: 2018, flags: ["single_dip"] });
    // With a 1 % band the dip is inside it: a plateau, no dip at all.
    expect(info([180, 190, 200, 205, 210, 208.95], { tolerance: 0.01 }, 2014)).toMatchObject({ status: "plateau", flags: [] });
  });
  test("a long plateau ended by one low year is a single dip too; two low years are not", () => {
    expect(info([90, 100, 99.5, 99.8, 99.6, 90], { tolerance: 0.02 })).toMatchObject({ status: "peaked", plateauStart: 2011, flags: ["single_dip"] });
    expect(info([90, 100, 99.5, 99.8, 95, 90], { tolerance: 0.02 })).toMatchObject({ status: "peaked", flags: [] });
  });
  test("a final-year maximum is rising and flagged last_year_max", () => {
    expect(info([1, 2, 3, 4, 5])).toMatchObject({ status: "rising", peakYear: null, flags: ["last_year_max"] });
  });
  test("a maximum tied in the last year is a plateau flagged last_year_max", () => {
    expect(info([1, 5, 3, 4, 5])).toMatchObject({ status: "plateau", peakYear: 2011, flags: ["last_year_max"] });
  });
  test("a peak in the first data year is flagged left_censored: the real maximum may lie before the data", () => {
    expect(info([50, 48, 47, 45, 44, 40])).toMatchObject({ status: "peaked", peakYear: 2010, flags: ["left_censored"] });
  });
  test("years missing inside the span are flagged gaps; leading and trailing blanks are outside the span", () => {
    const gappy = peakInfo(seriesFromArrays(years(2010, 8), [NaN, 3, 4, NaN, 5, 4, 3, NaN]));
    expect(gappy.ok && gappy.value).toMatchObject({ firstYear: 2011, lastYear: 2016, points: 5, flags: ["gaps"] });
    // Missing years (not only blank cells) count as gaps: 2012 is absent.
    const absent = peakInfo(seriesFromArrays([2010, 2011, 2013, 2014, 2015], [1, 3, 4, 3, 2]));
    expect(absent.ok && absent.value.flags).toEqual(["gaps"]);
  });
  test("flags combine in the documented order", () => {
    expect(info([9, NaN, 5, 4, 3, 2])).toMatchObject({ flags: ["left_censored", "gaps"] });
    expect(info([1, 9])).toMatchObject({ status: "insufficient", flags: ["last_year_max"] });
  });
});

describe("peakInfo — invariants", () => {
  const series = fc
    .array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.constant(NaN) }), { minLength: 1, maxLength: 30 })
    .filter((v) => v.some((x) => !Number.isNaN(x)));

  test("year and value are null exactly when the status has no peak; flags are known and in order", () => {
    fc.assert(
      fc.property(series, fc.constantFrom(0, 0.05), fc.constantFrom(1, 3), (v, t, w) => {
        const r = peakInfo(seriesFromArrays(years(2000, v.length), v), { tolerance: t, smoothYears: w });
        if (!r.ok) return false;
        const none = r.value.status === "rising" || r.value.status === "insufficient";
        const order = r.value.flags.map((f) => PEAK_FLAGS.indexOf(f));
        return (r.value.peakYear === null) === none && (r.value.peakValue === null) === none && order.every((x, i) => x >= 0 && (i === 0 || x > order[i - 1]));
      }),
    );
  });

  test("a series whose last value is its maximum is flagged last_year_max and never peaked", () => {
    fc.assert(
      fc.property(series, fc.constantFrom(0, 0.02, 0.1), fc.constantFrom(1, 3, 5), (v, t, w) => {
        const present = v.filter((x) => !Number.isNaN(x));
        const high = [...v, Math.max(...present)];
        const r = peakInfo(seriesFromArrays(years(2000, high.length), high), { tolerance: t, smoothYears: w, minPoints: 1 });
        return r.ok && r.value.flags.includes("last_year_max") && r.value.status !== "peaked" && r.value.status !== "unconfirmed";
      }),
    );
  });
});

describe("peakInfo — reference values (CEADs 长株潭 city totals)", () => {
  test("株洲: peaked 2011 as of 2015, 10 values 2005–2015 (2014 missing)", () => {
    expect(cityInfo("湖南株洲")).toMatchObject({
      status: "peaked",
      peakYear: 2011,
      plateauStart: 2011,
      firstYear: 2005,
      lastYear: 2015,
      points: 10,
      flags: ["gaps"],
    });
  });
  test("长沙: rising as of 2019, at its maximum (32.45 Mt), 18 values 2001–2019 (2004 missing)", () => {
    expect(cityInfo("湖南长沙")).toEqual({
      status: "rising",
      peakYear: null,
      peakValue: null,
      plateauStart: null,
      firstYear: 2001,
      lastYear: 2019,
      points: 18,
      flags: ["last_year_max", "gaps"],
    });
  });
  test("湘潭 at t = 0.05 stays rising: its last year (2017, 44.07 Mt) is its maximum, however wide the band", () => {
    expect(cityInfo("湖南湘潭", { tolerance: 0.05 })).toMatchObject({ status: "rising", flags: ["last_year_max", "gaps"] });
  });
});
