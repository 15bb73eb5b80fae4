/**
 * Cumulative emissions over a window (src/engine/cumulative.ts): Σ_{y=from}^{to} E(y), both ends
 * included — the quantity a carbon budget caps. Every year of the window needs a value.
 */
import fc from "fast-check";
import { cumulative, formatIssue, seriesFromArrays } from "../../src/engine";
import { cityColumns } from "../helpers/ceads";
import { issues, value } from "../helpers/result";

const S = seriesFromArrays([2018, 2019, 2020, 2021], [10, 12, 9, 11]);
const text = (r: ReturnType<typeof cumulative>) => issues(r).map((i) => formatIssue(i));

describe("cumulative — argument validation", () => {
  test("to_year before from_year is bad input", () => {
    expect(text(cumulative(S, 2021, 2019))).toEqual(["to_year: 2019 is before from_year (2021)"]);
  });
  test("an end outside the years with values is named with the span of the series", () => {
    expect(text(cumulative(S, 2015, 2025))).toEqual([
      "from_year: 2015 is outside the series, which has values from 2018 to 2021",
      "to_year: 2025 is outside the series, which has values from 2018 to 2021",
    ]);
  });
  test("a window entirely after the series names both ends", () => {
    expect(issues(cumulative(S, 2030, 2035)).map((i) => i.path[0])).toEqual(["from_year", "to_year"]);
  });
  test("a gap inside the window names the missing years — absent years and blanks alike", () => {
    const s = seriesFromArrays([2001, 2002, 2003, 2006, 2007], [1, NaN, 3, 6, 7]);
    expect(text(cumulative(s))).toEqual([
      "emissions: has no value for 2002, 2004–2005 inside 2001–2007; every year of the window needs one (a blank is a gap, not a zero)",
    ]);
  });
  test("an end outside the series and a gap inside it are reported together", () => {
    expect(issues(cumulative(seriesFromArrays([2001, 2003], [1, 3]), 2000, 2003)).map((i) => i.code)).toEqual(["window_outside", "window_gap"]);
  });
  test("a series without any value has no cumulative", () => {
    expect(issues(cumulative(seriesFromArrays([2020], [NaN])))[0].code).toBe("no_values");
  });
  test("fractional years are refused", () => {
    expect(issues(cumulative(S, 2018.5))[0]).toMatchObject({ code: "year_not_integer", path: ["from_year"] });
  });
});

describe("cumulative — edge cases", () => {
  test("defaults are the first and last year with a value: leading and trailing blanks are not gaps", () => {
    const s = seriesFromArrays([2017, 2018, 2019, 2020, 2021], [NaN, 1, 2, 3, NaN]);
    expect(value(cumulative(s))).toEqual({ total: 6, from: 2018, to: 2020, years: 3 });
  });
  test("only one end given: the other takes its default", () => {
    expect(value(cumulative(S, 2020)).total).toBe(20);
    expect(value(cumulative(S, undefined, 2019)).total).toBe(22);
  });
  test("a one-year window is that year's value; zeros count as values", () => {
    expect(value(cumulative(S, 2019, 2019)).total).toBe(12);
    expect(value(cumulative(seriesFromArrays([2020, 2021], [0, 0]))).total).toBe(0);
  });
  test("blanks outside the window do not matter", () => {
    expect(value(cumulative(seriesFromArrays([2018, 2019, 2020], [NaN, 5, 6]), 2019, 2020)).total).toBe(11);
  });
});

describe("cumulative — invariants", () => {
  const series = fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 40 }).map((v) =>
    seriesFromArrays(
      v.map((_, i) => 2000 + i),
      v,
    ),
  );
  test("windows add up: Σ(a..b) + Σ(b+1..c) = Σ(a..c)", () => {
    fc.assert(
      fc.property(series, fc.nat(), (s, i) => {
        const n = s.years.length;
        if (n < 2) return;
        const b = 2000 + (i % (n - 1));
        const whole = value(cumulative(s)).total;
        const parts = value(cumulative(s, undefined, b)).total + value(cumulative(s, b + 1)).total;
        expect(Math.abs(parts - whole)).toBeLessThanOrEqual(1e-9 * Math.max(1, whole));
      }),
    );
  });
  test("the total lies between years × min and years × max of the window", () => {
    fc.assert(
      fc.property(series, (s) => {
        const c = value(cumulative(s));
        const v = Array.from(s.values);
        expect(c.total).toBeGreaterThanOrEqual(c.years * Math.min(...v) * (1 - 1e-12));
        expect(c.total).toBeLessThanOrEqual(c.years * Math.max(...v) * (1 + 1e-12));
      }),
    );
  });
});

describe("cumulative — reference values (CEADs city totals in data/, Mt CO2)", () => {
  test("长沙 2005–2013, every year present: 233.1147 Mt", () => {
    // By hand from data/ceads-changzhutan-city-totals.csv (湖南长沙): 19.8281 + 23.1153 + 25.0095 + 25.2002
    // + 25.9490 + 29.8411 + 28.9771 + 26.5422 + 28.6523 = 233.1147 Mt over 9 years.
    const c = cityColumns("湖南长沙");
    const r = value(cumulative(seriesFromArrays(c.years, c.values), 2005, 2013));
    expect(r.total).toBeCloseTo(233.1147, 3);
    expect(r.years).toBe(9);
  });
  test("长沙 2001–2019 has no 2004 in CEADs; 湘潭 2001–2017 lacks 2003–2005: the gaps are named, never summed as 0", () => {
    const cs = cityColumns("湖南长沙");
    expect(issues(cumulative(seriesFromArrays(cs.years, cs.values)))[0]).toMatchObject({ code: "window_gap", years: "2004", count: 1 });
    const xt = cityColumns("湖南湘潭");
    expect(issues(cumulative(seriesFromArrays(xt.years, xt.values)))[0]).toMatchObject({ code: "window_gap", years: "2003–2005", from: 2001, to: 2017 });
  });
});
