/**
 * The custom functions at the edges of what numbers and ranges can hold, as Excel calls them (2-D
 * arrays): sums and averages that overflow are `#NUM!` (README "Errors"), never a year or a value; a
 * flood of bad cells (≥ 100,000) names the first problems and counts the rest, never an internal
 * error; option limits are stated in the message.
 */
import { installCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { MAX_CONFIRM_YEARS, MAX_SMOOTH_YEARS } from "../../src/engine";
import { HEAVY_TEST_MS } from "../helpers/timeouts";

// Whole runs of the sample or floods of cells: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(HEAVY_TEST_MS);

function err(v: unknown): StubError {
  expect(v).toBeInstanceOf(StubError);
  return v as StubError;
}
const col = (xs: unknown[]) => xs.map((x) => [x]);
const BIG = 1e308; // two of these add up past Number.MAX_VALUE (≈ 1.8e308)

describe("edge cases: overflow is #NUM!", () => {
  test("CLUSTERPEAKYEAR whose member sums overflow: #NUM!, not the first year (fast path and general path)", () => {
    expect(
      err(
        F.clusterPeakYear(
          [
            [BIG, BIG, 1],
            [BIG, BIG, 1],
          ],
          [[2000, 2001, 2002]],
        ),
      ).code,
    ).toBe("#NUM!");
    // A text-blank member cell sends it down the general path: the same answer.
    expect(
      err(
        F.clusterPeakYear(
          [
            [BIG, BIG, 1, ""],
            [BIG, BIG, 1, ""],
          ],
          [[2000, 2001, 2002, 2003]],
        ),
      ).code,
    ).toBe("#NUM!");
    // Sums that fit are a peak as before.
    expect(
      F.clusterPeakYear(
        [
          [BIG / 4, BIG / 2, 1, 1, 1],
          [BIG / 4, BIG / 4, 1, 1, 1],
        ],
        [[2000, 2001, 2002, 2003, 2004]],
      ),
    ).toBe(2001);
  });

  test("a moving average that overflows (smooth_years over huge values): #NUM!", () => {
    expect(err(F.peakYear(col([BIG, BIG, BIG, 1]), col([2000, 2001, 2002, 2003]), 0, 0, 3)).code).toBe("#NUM!");
  });

  test("LMDI whose effects are not finite: #NUM! (README: a result that is not a finite number)", () => {
    expect(err(F.lmdiDecomposition([[1e200, 1e200]], [[1e200, 2e200]])).code).toBe("#NUM!");
  });
});

describe("edge cases: a flood of bad cells", () => {
  const N = 150_000;
  const text = () => Array.from({ length: N }, () => ["x"]);
  const years = col(Array.from({ length: N }, (_, i) => 1000 + (i % 9000)));
  const calls: [string, () => unknown][] = [
    ["PEAKYEAR", () => F.peakYear(text(), years)],
    ["PEAKSTATUS", () => F.peakStatus(text(), years)],
    ["CLUSTERPEAKYEAR", () => F.clusterPeakYear([Array.from({ length: N }, () => "x")], [years.map((r) => r[0])])],
    ["COMBINE", () => F.combine(text())],
    ["PROJECT", () => F.project(1, 2000, 2010, text())],
    ["RAMP", () => F.ramp(2020, 2030, 0.5, text())],
    ["SECTORREDUCTION", () => F.sectorReduction(text(), text(), years, 2020, 2030)],
    ["ALIGNBEST", () => F.alignBest(text(), text())],
    ["LMDI", () => F.lmdiDecomposition(text(), text())],
    ["CUMULATIVE", () => F.cumulativeEmissions(text(), years)],
  ];

  test.each(calls)("%s over 150,000 text cells: #VALUE! naming the first problems and counting the rest", (_name, call) => {
    const e = err(call());
    expect(e.code).toBe("#VALUE!");
    expect(e.message).not.toMatch(/internal error|call stack/);
    expect(e.message).toMatch(/: "x" is not a number; .*\(\+\d{6} more\)$/);
  });
});

describe("argument validation: option limits are stated", () => {
  test(`confirm_years past ${MAX_CONFIRM_YEARS} and smooth_years past ${MAX_SMOOTH_YEARS} name the real limits`, () => {
    expect(err(F.peakYear(col([1, 2, 1]), col([2000, 2001, 2002]), 0, 1e9)).message).toBe(
      `confirm_years: 1000000000 is out of range: expected a whole number of years from 0 to ${MAX_CONFIRM_YEARS}`,
    );
    expect(err(F.peakYear(col([1, 2, 1]), col([2000, 2001, 2002]), 0, 0, 101)).message).toBe(
      `smooth_years: 101 is out of range: expected an odd whole number of years from 1 to ${MAX_SMOOTH_YEARS} (1, 3, 5 … ${MAX_SMOOTH_YEARS}; 1 = no smoothing)`,
    );
    // The limits themselves are accepted.
    const five = [col([1, 2, 1.5, 1, 0.5]), col([2000, 2001, 2002, 2003, 2004])] as const;
    expect(F.peakYear(five[0], five[1], 0, MAX_CONFIRM_YEARS)).toBe(2001);
    expect(F.peakYear(five[0], five[1], 0, 0, MAX_SMOOTH_YEARS)).toBe(2001);
  });
});
