/**
 * Year windows (src/engine/window.ts): the rules CUMULATIVE, INTENSITYCHANGE and KAYA share — whole
 * years, to_year not before from_year, a needed year present and not blank, missing years named as
 * compact ranges.
 */
import fc from "fast-check";
import { checkWindow, formatIssue, missingYears, seriesFromArrays, valuedSpan, valueInYear, yearRanges } from "../../src/engine";
import { issues, value } from "../helpers/result";

describe("checkWindow — argument validation", () => {
  test("to_year before from_year is refused at to_year, naming from_year", () => {
    expect(checkWindow(2020, 2015).map((i) => formatIssue(i))).toEqual(["to_year: 2015 is before from_year (2020)"]);
  });
  test("fractional years are refused at each end, and then the order is not checked", () => {
    expect(checkWindow(2020.5, 2015.5).map((i) => [i.code, i.path])).toEqual([
      ["year_not_integer", ["from_year"]],
      ["year_not_integer", ["to_year"]],
    ]);
  });
  test("names can be the caller's", () => {
    expect(checkWindow(2030, 2020, { from: "reference", to: "target" })[0].path).toEqual(["target"]);
  });
});

describe("checkWindow — edge cases", () => {
  test("a window of one year is allowed", () => {
    expect(checkWindow(2020, 2020)).toEqual([]);
  });
});

describe("valueInYear — argument validation", () => {
  const s = seriesFromArrays([2015, 2016, 2020], [1, NaN, 3]);
  test("a year that is not one of the years is named at the year argument, with the series' span", () => {
    expect(formatIssue(issues(valueInYear(s, 2018, { values: "emissions", year: "from_year" }))[0])).toBe(
      "from_year: 2018 is not one of the years (2015–2020)",
    );
  });
  test("a blank in the year is named at the values argument and carries the year", () => {
    const [i] = issues(valueInYear(s, 2016, { values: "gdp", year: "to_year" }));
    expect(i).toMatchObject({ code: "year_value_blank", path: ["gdp"], year: 2016 });
    expect(formatIssue(i)).toBe("gdp: is blank, but 2016 needs a value here (a blank is a gap, not a zero)");
  });
  test("a zero is a value, not a blank", () => {
    expect(value(valueInYear(seriesFromArrays([2020], [0]), 2020, { values: "emissions", year: "from_year" }))).toBe(0);
  });
});

describe("missingYears and yearRanges — edge cases", () => {
  test("absent years and gaps are both missing; the series' own order does not matter", () => {
    const s = seriesFromArrays([2005, 2001, 2002], [3, 1, NaN]);
    expect(missingYears(s, 2000, 2006)).toEqual([2000, 2002, 2003, 2004, 2006]);
  });
  test("runs become ranges; single years stay single; beyond max ranges a … ends the list", () => {
    expect(yearRanges([2003, 2004, 2005, 2010])).toBe("2003–2005, 2010");
    expect(yearRanges([])).toBe("");
    expect(yearRanges([2001, 2003, 2005, 2007], 2)).toBe("2001, 2003, …");
  });
  test("valuedSpan skips leading and trailing gaps, and is undefined without any value", () => {
    expect(valuedSpan(seriesFromArrays([2000, 2001, 2002, 2003], [NaN, 1, 2, NaN]))).toEqual({ first: 2001, last: 2002 });
    expect(valuedSpan(seriesFromArrays([2000], [NaN]))).toBeUndefined();
  });
});

describe("missingYears and yearRanges — invariants", () => {
  test("the ranges list exactly the missing years (expanding them gives the list back)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1990, max: 2060 }), { maxLength: 40 }), (present) => {
        const s = seriesFromArrays(
          present,
          present.map(() => 1),
        );
        const missing = missingYears(s, 1990, 2060);
        expect(missing.length + present.length).toBe(71);
        const expanded = yearRanges(missing, Infinity)
          .split(", ")
          .filter((t) => t !== "")
          .flatMap((t) => {
            const [a, b] = t.split("–").map(Number);
            return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
          });
        expect(expanded).toEqual(missing);
      }),
    );
  });
});
