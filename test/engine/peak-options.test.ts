/**
 * The peak options' rules have one home (PEAK_OPTIONS in src/engine/peak.ts): checkPeakOptions, the
 * scenario Settings schema and the functions' fast path accept exactly the same tolerance, confirmation
 * years and smoothing window, with the same message.
 */
import fc from "fast-check";
import { PEAK_OPTIONS, checkPeakOptions, formatIssue, settingsSchema, fromZodIssues } from "../../src/engine";
import { simpleOptions } from "../../src/functions/peak-fast";

const number = fc.oneof(
  fc.double({ min: -3, max: 1002 }),
  fc.integer({ min: -3, max: 1002 }),
  fc.constantFrom(0, 1, 2, 3, 99, 100, 101, 1000, 1001, 0.999, NaN, Infinity, -Infinity),
);

describe("invariants", () => {
  test("the engine, the Settings schema and the fast path accept the same peak options", () => {
    fc.assert(
      fc.property(number, number, number, (t, k, w) => {
        const engine = checkPeakOptions({ tolerance: t, confirmYears: k, smoothYears: w });
        const fast = simpleOptions(t, k, w);
        expect(fast !== undefined).toBe(engine.length === 0);
        const parsed = settingsSchema.safeParse(
          { baseYear: 2020, endYear: 2030, targetYear: 2025, tolerance: t, confirmYears: k, smoothYears: w },
          { reportInput: true },
        );
        // zod rejects NaN and ±Infinity as numbers itself (not_finite); every finite value gets the peak rule.
        const finite = [t, k, w].every(Number.isFinite);
        if (finite) {
          const schemaIssues = parsed.success ? [] : fromZodIssues(parsed.error.issues, ["settings"]);
          expect(schemaIssues.map((i) => formatIssue({ ...i, path: [] }))).toEqual(engine.map((i) => formatIssue({ ...i, path: [] })));
        }
      }),
    );
  });
});

describe("reference values", () => {
  test("the defaults are no tolerance, no confirmation window, no smoothing", () => {
    expect([PEAK_OPTIONS.tolerance.default, PEAK_OPTIONS.confirmYears.default, PEAK_OPTIONS.smoothYears.default]).toEqual([0, 0, 1]);
    expect(checkPeakOptions({})).toEqual([]);
  });

  test("each option's range is stated in English and Chinese", () => {
    expect(checkPeakOptions({ smoothYears: 2 }).map((i) => [formatIssue(i), formatIssue(i, "zh")])).toEqual([
      [
        "smooth_years: 2 is out of range: expected an odd whole number of years from 1 to 99 (1, 3, 5 … 99; 1 = no smoothing)",
        "smooth_years: 2 超出范围：应为 1 到 99 之间的奇数年数（1、3、5……99；1 表示不平滑）",
      ],
    ]);
  });
});
