import fc from "fast-check";
import { parseSeries, seriesFromArrays, indexOfYear, valueAt, countValues, formatIssue } from "../../src/engine";

function codes(r: ReturnType<typeof parseSeries>): string[] {
  return r.ok ? [] : r.issues.map((i) => i.code);
}

describe("parseSeries — argument validation", () => {
  test("text in a value cell is reported with its argument and position", () => {
    const r = parseSeries([1, "abc", 3], [2018, 2019, 2020]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0])).toBe('emissions, position 2: "abc" is not a number');
  });

  test("every bad cell is reported at once, not just the first", () => {
    const r = parseSeries(["x", NaN, Infinity, true, "#N/A", -1], [2015, 2016, 2017, 2018, 2019, "y"]);
    expect(codes(r)).toEqual(["not_a_number", "not_finite", "not_finite", "boolean_not_number", "excel_error", "not_a_number", "negative_value"]);
  });

  test("duplicate years name the year and where it first appeared", () => {
    const r = parseSeries([1, 2, 3], [2019, 2020, 2019]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0])).toBe("years, position 3: year 2019 appears more than once (first at position 1)");
  });

  test("non-integer and implausible years are rejected", () => {
    expect(codes(parseSeries([1, 2], [2019.5, 20]))).toEqual(["year_not_integer", "year_out_of_range"]);
  });

  test("a value whose year is blank is an error", () => {
    expect(codes(parseSeries([1, 2], [2019, null]))).toEqual(["year_blank"]);
  });

  test("values and years of different lengths are rejected", () => {
    const r = parseSeries([1, 2, 3], [2019, 2020]);
    expect(codes(r)).toEqual(["length_mismatch"]);
  });

  test("negative emissions are rejected unless allowed", () => {
    expect(codes(parseSeries([-1], [2020]))).toEqual(["negative_value"]);
    expect(parseSeries([-1], [2020], undefined, { allowNegative: true }).ok).toBe(true);
  });

  test("an Excel error object in a range is reported as an Excel error", () => {
    const r = parseSeries([{ code: "#DIV/0!" }], [2020]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0])).toBe('emissions, position 1: contains the Excel error "#DIV/0!"');
  });

  test("a date (as ExcelJS reads a date cell) is reported as a date, not as an Excel error", () => {
    const r = parseSeries([new Date(Date.UTC(2020, 0, 1))], [2020]);
    expect(!r.ok && formatIssue(r.issues[0])).toBe("emissions, position 1: 2020-01-01 is a date, not a number");
  });

  test("messages are available in Chinese from the same table", () => {
    const r = parseSeries([1, "abc"], [2019, 2020]);
    if (!r.ok) expect(formatIssue(r.issues[0], "zh")).toBe('emissions 第 2 个: "abc" 不是数字');
  });
});

describe("parseSeries — edge cases", () => {
  test("blank values (null, empty text, whitespace, undefined) are gaps, never zeros", () => {
    const r = parseSeries([10, null, "", "  ", undefined, 12], [2015, 2016, 2017, 2018, 2019, 2020]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Array.from(r.value.values.slice(1, 5)).every(Number.isNaN)).toBe(true);
      expect(countValues(r.value)).toBe(2);
    }
  });

  test("a real zero stays a zero", () => {
    const r = parseSeries([0, 5], [2019, 2020]);
    expect(r.ok && r.value.values[0]).toBe(0);
  });

  test("positions where both year and value are blank are ignored (a selection longer than the data)", () => {
    const r = parseSeries([1, 2, null, null], [2019, 2020, null, ""]);
    expect(r.ok && Array.from(r.value.years)).toEqual([2019, 2020]);
  });

  test("years given as four-digit text (header cells) are read as years", () => {
    const r = parseSeries([1, 2], ["2019", " 2020 "]);
    expect(r.ok && Array.from(r.value.years)).toEqual([2019, 2020]);
  });

  test("all blanks is reported as no values", () => {
    expect(codes(parseSeries([null, ""], [2019, 2020]))).toEqual(["no_values"]);
  });

  test("an empty input is reported as empty", () => {
    expect(codes(parseSeries([], []))).toEqual(["empty"]);
  });

  test("a single point is a valid series", () => {
    const r = parseSeries([7], [2030]);
    expect(r.ok && r.value.values[0]).toBe(7);
  });
});

describe("parseSeries — invariants", () => {
  const pairs = fc.uniqueArray(fc.tuple(fc.integer({ min: 1990, max: 2060 }), fc.double({ min: 0, max: 1e9, noNaN: true })), {
    selector: (p) => p[0],
    minLength: 1,
    maxLength: 50,
  });

  test("years come out ascending and each value stays with its year, whatever the input order", () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const r = parseSeries(
          ps.map((p) => p[1]),
          ps.map((p) => p[0]),
        );
        if (!r.ok) return false;
        for (let i = 1; i < r.value.years.length; i++) if (!(r.value.years[i] > r.value.years[i - 1])) return false;
        return ps.every(([y, v]) => valueAt(r.value, y) === v);
      }),
    );
  });

  test("indexOfYear finds every year present and nothing else", () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1900, max: 2100 }), (ps, probe) => {
        const s = seriesFromArrays(
          ps.map((p) => p[0]),
          ps.map((p) => p[1]),
        );
        const i = indexOfYear(s, probe);
        return ps.some((p) => p[0] === probe) ? s.years[i] === probe : i === -1;
      }),
    );
  });
});
