/**
 * The peak functions as Excel calls them: ranges arrive as 2-D arrays (rows of cells), blanks as
 * null (current builds), "" (text-blank cells) or 0 (some old desktop builds, where a blank cannot
 * be told from a real zero — documented in the README), omitted optional arguments as null.
 */
import { installCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { changzhutanMatrix, cityColumns } from "../helpers/ceads";

const row = (xs: unknown[]) => [xs];
const col = (xs: unknown[]) => xs.map((x) => [x]);
const Y = [2015, 2016, 2017, 2018, 2019, 2020];
const E = [90, 95, 100, 98, 97, 96];

function err(v: unknown): StubError {
  expect(v).toBeInstanceOf(StubError);
  return v as StubError;
}

describe("PEAKYEAR / PEAKVALUE / PEAKSTATUS — argument validation", () => {
  test("text in the emissions range gives #VALUE! naming the argument and position", () => {
    const e = err(F.peakYear(row([1, "abc", 3]), row([2018, 2019, 2020])));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('emissions, position 2: "abc" is not a number');
  });
  test("every bad argument is reported in one message", () => {
    const e = err(F.peakYear(row([1, "x"]), row([2018, 2018]), 3));
    expect(e.message).toContain('emissions, position 2: "x" is not a number');
    expect(e.message).toContain("years, position 2: year 2018 appears more than once");
    expect(e.message).toContain("tolerance: 3 is out of range");
  });
  test("a 2-D range where one row or column is expected is rejected with its size", () => {
    const e = err(
      F.peakYear(
        [
          [1, 2],
          [3, 4],
        ],
        row([2019, 2020]),
      ),
    );
    expect(e.message).toBe("emissions: must be a single row or column, got 2 rows × 2 columns");
  });
  test("emissions and years of different lengths are rejected", () => {
    expect(err(F.peakYear(row([1, 2, 3]), row([2019, 2020]))).message).toContain("has 3 cells but years has 2");
  });
  test("an Excel error value inside the range is reported, not propagated as an exception", () => {
    const e = err(F.peakYear(row([1, new StubError("#DIV/0!")]), row([2019, 2020])));
    expect(e.message).toBe('emissions, position 2: contains the Excel error "#DIV/0!"');
  });
  test("a still-rising series gives #N/A with the horizon in the message", () => {
    const e = err(F.peakYear(row([1, 2, 3, 4, 5]), row(Y.slice(1))));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("no peak within 2016–2020: emissions are still rising in 2020");
    expect(err(F.peakValue(row([1, 2, 3, 4, 5]), row(Y.slice(1)))).code).toBe("#N/A");
    expect(F.peakStatus(row([1, 2, 3, 4, 5]), row(Y.slice(1)))).toBe("rising");
  });
  test("fewer than min_points values (default 5) give #N/A saying how many there are, and status insufficient", () => {
    const e = err(F.peakYear(row([1, 3, 2]), row([2018, 2019, 2020])));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("only 3 values (2018–2020); a peak call needs at least 5 (min_points)");
    expect(F.peakStatus(row([1, 3, 2]), row([2018, 2019, 2020]))).toBe("insufficient");
    expect(F.peakYear(row([1, 3, 2]), row([2018, 2019, 2020]), 0, 0, 1, 3)).toBe(2019);
    expect(err(F.peakValue(row(E), row(Y), 0, 0, 1, 7)).message).toBe("only 6 values (2015–2020); a peak call needs at least 7 (min_points)");
  });
  test("a bad min_points is #VALUE! naming it", () => {
    expect(err(F.peakYear(row(E), row(Y), 0, 0, 1, 2.5)).message).toBe(
      "min_points: 2.5 is out of range: expected a whole number of values from 0 to 1000 (default 5)",
    );
  });
  test("messages follow Office's display language (Chinese)", () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(err(F.peakYear(row([1, 2, 3, 4, 5]), row(Y.slice(1)))).message).toBe("2016–2020 内未达峰：2020 年排放仍在上升");
      expect(err(F.peakYear(row([1, 3]), row([2019, 2020]))).message).toBe("仅有 2 个数值（2019–2020）；判断达峰至少需要 5 个（min_points）");
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

describe("PEAKYEAR / PEAKVALUE / PEAKSTATUS — shapes and blanks", () => {
  test("rows and columns give the same answer", () => {
    expect(F.peakYear(row(E), row(Y))).toBe(2017);
    expect(F.peakYear(col(E), col(Y))).toBe(2017);
    expect(F.peakYear(col(E), row(Y))).toBe(2017);
  });
  test('blanks as null and as "" are gaps (they do not count as values)', () => {
    expect(F.peakYear(row([90, null, 100, "", 97, 95, 94]), row([2016, 2017, 2018, 2019, 2020, 2021, 2022]))).toBe(2018);
    expect(F.peakStatus(row([90, null, 100, "", 97]), row([2016, 2017, 2018, 2019, 2020]))).toBe("insufficient");
  });
  test("old desktop builds send a blank as 0: it is read as a real zero (documented limitation)", () => {
    // 0 is a value, so the series 90, 0, 100, 0, 97 still peaks in 2018 (the zeros are lower).
    expect(F.peakYear(row([90, 0, 100, 0, 97]), row([2016, 2017, 2018, 2019, 2020]))).toBe(2018);
    expect(F.peakValue(row([90, 0, 100, 0, 97]), row([2016, 2017, 2018, 2019, 2020]))).toBe(100);
  });
  test("omitted optional arguments arrive as null and take their defaults", () => {
    expect(F.peakYear(row(E), row(Y), null as unknown as number, null as unknown as number, null as unknown as number)).toBe(2017);
  });
  test("tolerance, confirmation and smoothing pass through", () => {
    expect(F.peakStatus(row(E), row(Y), 0.05)).toBe("plateau");
    expect(F.peakStatus(row(E), row(Y), 0, 5)).toBe("unconfirmed");
    expect(F.peakStatus(row(E), row(Y), 0, 3)).toBe("peaked");
    expect(F.peakValue(row(E), row(Y))).toBe(100);
  });
  test("a 1-cell range is a one-year series: insufficient (rising only when min_points allows one value)", () => {
    expect(F.peakStatus([[5]], [[2020]])).toBe("insufficient");
    expect(F.peakStatus([[5]], [[2020]], 0, 0, 1, 1)).toBe("rising");
  });
  test("tolerance never moves the peak year: it is the year of the maximum, the band makes the plateau", () => {
    // 96 … 100 … 99: with t = 0.05 the last value is within the band (plateau), the year stays 2017.
    expect(F.peakYear(row(E), row(Y), 0.05)).toBe(2017);
    expect(F.peakStatus(row(E), row(Y), 0.05)).toBe("plateau");
  });
});

describe("PEAKGAP", () => {
  test("cumulative excess after the target year", () => {
    expect(F.peakGap(row([10, 12, 9, 11]), row([2020, 2021, 2022, 2023]), 2020)).toBe(3);
  });
  test("a target year without a value is #N/A with a message", () => {
    const e = err(F.peakGap(row([10, null]), row([2020, 2021]), 2021));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("target_year: 2021 has no emissions value in the series");
  });
});

describe("CLUSTERPEAKYEAR / CLUSTERPEAKS", () => {
  const m = changzhutanMatrix(); // 长沙, 株洲, 湘潭 × 2001–2019, null where CEADs has no value

  test("CEADs 长株潭: the cluster (common years 2006–2013, 2015) peaks in 2011", () => {
    expect(F.clusterPeakYear(m.rows, row(m.years))).toBe(2011);
  });
  test("a years × members matrix (members in columns) is detected from the years range", () => {
    const transposed = m.years.map((_, j) => m.rows.map((r) => r[j]));
    expect(F.clusterPeakYear(transposed, col(m.years))).toBe(2011);
  });
  test("CLUSTERPEAKS spills one row per member: 株洲 peaked 2011; 长沙 and 湘潭 still rising", () => {
    const out = F.clusterPeaks(m.rows, row(m.years)) as unknown[][];
    expect(out.map((r) => [r[0], r[2]])).toEqual([
      ["", "rising"],
      [2011, "peaked"],
      ["", "rising"],
    ]);
    expect(out[1][1]).toBeCloseTo(cityColumns("湖南株洲").values[6], 12);
  });
  test("a one-member cluster equals PEAKYEAR of that member", () => {
    expect(F.clusterPeakYear(row(E), row(Y))).toBe(F.peakYear(row(E), row(Y)));
  });
  test("a matrix matching neither side of the years is rejected with both sizes", () => {
    const e = err(
      F.clusterPeakYear(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        row([2017, 2018, 2019, 2020]),
      ),
    );
    expect(e.message).toBe("emissions: is 2 × 3, but years has 4 years: neither its rows nor its columns match");
  });
  test("text inside the matrix is reported with its row and column", () => {
    const e = err(
      F.clusterPeakYear(
        [
          [1, 2],
          [3, "n/a"],
        ],
        row([2019, 2020]),
      ),
    );
    expect(e.message).toBe('emissions, row 2, column 2: "n/a" is not a number');
  });
  test("a cluster still rising is #N/A", () => {
    expect(
      err(
        F.clusterPeakYear(
          [
            [1, 2],
            [3, 4],
          ],
          row([2019, 2020]),
        ),
      ).code,
    ).toBe("#N/A");
  });
  test("no year complete for every member is #N/A with a message", () => {
    const e = err(
      F.clusterPeakYear(
        [
          [1, null],
          [null, 4],
        ],
        row([2019, 2020]),
      ),
    );
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("no year has a value for every member");
  });
});

describe("CONVERT", () => {
  test("converts between mass units", () => {
    expect(F.convertUnits(32.45, "Mt", "万t")).toBeCloseTo(3245, 9);
  });
  test("unknown units give #VALUE! naming the argument", () => {
    expect(err(F.convertUnits(1, "Mt", "bushel")).message).toBe('to_unit: "bushel" is not a known unit (t, 万t, Mt, 亿t, kt, Gt, tce, GJ)');
  });
  test("an overflowing result is #NUM!", () => {
    expect(err(F.convertUnits(1e300, "Gt", "kg")).code).toBe("#NUM!");
  });
});
