/**
 * CARBON.CUMULATIVE and CARBON.INTENSITYCHANGE as Excel calls them: ranges arrive as 2-D arrays (a row,
 * a column, a 1×1), blanks as null, an omitted optional argument as null; errors are
 * CustomFunctions.Error values (#VALUE! for bad input, #N/A for "no answer for these years") with a
 * message naming the argument and position.
 */
import { installCustomFunctionsStub } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { changzhutanMatrix } from "../helpers/ceads";

import { col, err, row } from "../helpers/excel-args";
const Y = [2018, 2019, 2020, 2021];

describe("CUMULATIVE — argument validation", () => {
  test("bad cells are #VALUE! naming each position, all at once", () => {
    const e = err(F.cumulativeEmissions(row([10, "abc", true, -1]), row(Y)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      'emissions, position 2: "abc" is not a number; emissions, position 3: "TRUE" is a logical value, not a number; emissions, position 4: -1 is negative; emissions must be zero or more',
    );
  });
  test("from_year after to_year is #VALUE!", () => {
    const e = err(F.cumulativeEmissions(row([1, 2, 3, 4]), row(Y), 2021, 2019));
    expect([e.code, e.message]).toEqual(["#VALUE!", "to_year: 2019 is before from_year (2021)"]);
  });
  test("a window reaching outside the series is #N/A saying which years the series has", () => {
    const e = err(F.cumulativeEmissions(row([1, 2, 3, 4]), row(Y), 2015));
    expect([e.code, e.message]).toEqual(["#N/A", "from_year: 2015 is outside the series, which has values from 2018 to 2021"]);
  });
  test("a gap inside the window is #N/A naming the missing years", () => {
    const e = err(F.cumulativeEmissions(row([1, null, 3, 4]), row(Y)));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("emissions: has no value for 2019 inside 2018–2021");
  });
  test("a fractional or text year argument is #VALUE! at that argument", () => {
    expect(err(F.cumulativeEmissions(row([1, 2, 3, 4]), row(Y), 2018.5)).message).toBe("from_year: 2018.5 is not a whole year");
    expect(err(F.cumulativeEmissions(row([1, 2, 3, 4]), row(Y), undefined, "next year" as unknown as number)).message).toBe(
      'to_year: "next year" is not a number',
    );
  });
  test("messages follow Office's display language", () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(err(F.cumulativeEmissions(row([1, null, 3, 4]), row(Y))).message).toBe(
        "emissions: 在 2018–2021 内缺少 2019 年的数值；窗口内每一年都需要数值（空白表示缺失，不是零）",
      );
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

describe("CUMULATIVE — edge cases", () => {
  test("rows or columns, and years in any order", () => {
    expect(F.cumulativeEmissions(col([1, 2, 3, 4]), col(Y))).toBe(10);
    expect(F.cumulativeEmissions(row([4, 3, 2, 1]), row([2021, 2020, 2019, 2018]), 2020)).toBe(7);
  });
  test("omitted ends (null) default to the first and last year with a value; trailing blank years are not gaps", () => {
    expect(F.cumulativeEmissions(row([null, 2, 3, null]), row(Y), null as unknown as number, null as unknown as number)).toBe(5);
  });
  test("a window given as 1×1 ranges, and a single-year window", () => {
    expect(F.cumulativeEmissions(row([1, 2, 3, 4]), row(Y), [[2019]] as unknown as number, [[2019]] as unknown as number)).toBe(2);
  });
});

describe("CUMULATIVE — reference values (CEADs city totals in data/, Mt)", () => {
  test("=CARBON.CUMULATIVE(B2:T2, B1:T1, 2005, 2013) for 长沙 → 233.1147 (hand sum in test/engine/cumulative.test.ts)", () => {
    const m = changzhutanMatrix();
    expect(F.cumulativeEmissions([m.rows[0]], [m.years], 2005, 2013)).toBeCloseTo(233.1147, 4);
  });
  test("the whole 长沙 row 2001–2019 is #N/A: CEADs has no 2004", () => {
    const m = changzhutanMatrix();
    const e = err(F.cumulativeEmissions([m.rows[0]], [m.years]));
    expect([e.code, e.message]).toEqual([
      "#N/A",
      "emissions: has no value for 2004 inside 2001–2019; every year of the window needs one (a blank is a gap, not a zero)",
    ]);
  });
});

describe("INTENSITYCHANGE — argument validation", () => {
  const E = [100, 110, 115, 120];
  const A = [1000, 1100, 1300, 1500];
  test("every bad argument at once: a text cell, a negative activity, a missing to_year", () => {
    const e = err(F.intensityChange(row([100, "x", 1, 2]), row([1, -5, 1, 1]), row(Y), 2018, null as unknown as number));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('to_year: is empty; emissions, position 2: "x" is not a number; activity, position 2: -5 is negative; it must be zero or more');
  });
  test("zero activity in one of the two years is #VALUE! at its cell", () => {
    const e = err(F.intensityChange(row(E), row([1000, 1100, 1300, 0]), row(Y), 2018, 2021));
    expect([e.code, e.message]).toEqual(["#VALUE!", "activity, position 4: 0: an intensity needs an activity above 0"]);
  });
  test("a blank in either year is #N/A at its cell, naming the year", () => {
    const e = err(F.intensityChange(col([null, 110, 115, 120]), col(A), col(Y), 2018, 2021));
    expect([e.code, e.message]).toEqual(["#N/A", "emissions, position 1: is blank, but 2018 needs a value here (a blank is a gap, not a zero)"]);
  });
  test("a year that is not in the years is #N/A at that argument", () => {
    const e = err(F.intensityChange(row(E), row(A), row(Y), 2005, 2021));
    expect([e.code, e.message]).toEqual(["#N/A", "from_year: 2005 is not one of the years (2018–2021)"]);
  });
  test("zero emissions in from_year: #N/A (Excel's #DIV/0! and #NUM! cannot say why)", () => {
    const e = err(F.intensityChange(row([0, 1, 1, 1]), row(A), row(Y), 2018, 2021));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("emissions, position 1: is 0 in 2018");
  });
  test("emissions, activity and years of different lengths name the argument", () => {
    expect(err(F.intensityChange(row(E), row([1, 2]), row(Y), 2018, 2021)).message).toBe("activity: has 2 cells but years has 4; they must match");
  });
  test("to_year before from_year is #VALUE!", () => {
    expect(err(F.intensityChange(row(E), row(A), row(Y), 2021, 2018)).message).toBe("to_year: 2018 is before from_year (2021)");
  });
});

describe("INTENSITYCHANGE — edge cases", () => {
  test("rows and columns mix; blanks in the years between do not matter", () => {
    expect(F.intensityChange(col([100, null, null, 120]), row([1000, null, null, 1500]), row(Y), 2018, 2021)).toBeCloseTo(-0.2, 14);
  });
  test("the years come in any order and the positions named are the user's", () => {
    const e = err(F.intensityChange(row([120, 100]), row([0, 1000]), row([2021, 2018]), 2018, 2021));
    expect(e.message).toBe("activity, position 1: 0: an intensity needs an activity above 0");
  });
});

describe("INTENSITYCHANGE — reference values", () => {
  test("(120/1500)/(100/1000) − 1 = −0.2", () => {
    expect(F.intensityChange(row([100, 110, 115, 120]), row([1000, 1100, 1300, 1500]), row(Y), 2018, 2021)).toBeCloseTo(-0.2, 14);
  });
  test("China's energy per GDP 2015→2020 from the bulletins: −0.1225 (hand derivation in test/engine/intensity.test.ts)", () => {
    const g = 676708 * 1.067 * 1.069 * 1.066 * 1.061 * 1.023;
    expect(F.intensityChange(row([43.0, 49.8]), row([676708, g]), row([2015, 2020]), 2015, 2020)).toBeCloseTo(-0.122453, 6);
  });
});
