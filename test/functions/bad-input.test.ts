/**
 * A bad-input corpus run against every CARBON function as Excel calls it. Each answer must be a
 * correct value or an Excel error whose message names the argument — never an exception, never a
 * silent 0 for bad input — and fast-check throws arbitrary Excel-shaped arguments at every function.
 */
import fc from "fast-check";
import { installCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";

type Fn = (...args: unknown[]) => unknown;
const row = (xs: unknown[]) => [xs];
const Y = [2015, 2016, 2017, 2018, 2019];
const E = [90, 95, 100, 98, 97];

/** Every function with a valid call and the names of its arguments (in order). */
const CALLS: Record<string, { fn: Fn; args: unknown[]; names: string[] }> = {
  PEAKYEAR: { fn: F.peakYear as Fn, args: [row(E), row(Y), null, null, null], names: ["emissions", "years", "tolerance", "confirm_years", "smooth_years"] },
  PEAKVALUE: { fn: F.peakValue as Fn, args: [row(E), row(Y), null, null, null], names: ["emissions", "years", "tolerance", "confirm_years", "smooth_years"] },
  PEAKSTATUS: { fn: F.peakStatus as Fn, args: [row(E), row(Y), null, null, null], names: ["emissions", "years", "tolerance", "confirm_years", "smooth_years"] },
  PEAKGAP: { fn: F.peakGap as Fn, args: [row(E), row(Y), 2017], names: ["emissions", "years", "target_year"] },
  CLUSTERPEAKYEAR: { fn: F.clusterPeakYear as Fn, args: [[E, E], row(Y), null], names: ["emissions", "years", "tolerance"] },
  CLUSTERPEAKS: { fn: F.clusterPeaks as Fn, args: [[E, E], row(Y), null], names: ["emissions", "years", "tolerance"] },
  CONVERT: { fn: F.convertUnits as Fn, args: [1, "Mt", "万t"], names: ["value", "from_unit", "to_unit"] },
  PROJECT: {
    fn: F.project as Fn,
    args: [100, 2020, 2025, row([0.1, 0]), row([2022, 2025])],
    names: ["base_value", "base_year", "end_year", "rates", "period_ends"],
  },
  RAMP: { fn: F.ramp as Fn, args: [2020, 2030, 0.3, row(Y), null], names: ["start_year", "full_year", "full_share", "years", "shape"] },
  SECTORREDUCTION: {
    fn: F.sectorReduction as Fn,
    args: [row(E), row([0.1, 0.2]), row(Y), 2015, 2019, null],
    names: ["baseline", "shares", "years", "start_year", "full_year", "shape"],
  },
  COMBINE: { fn: F.combine as Fn, args: [row([0.1, 0.2])], names: ["shares"] },
  ALIGNBEST: { fn: F.alignBest as Fn, args: [row([18, 24, 38]), row([1, 1, 1])], names: ["emissions", "activity"] },
  LMDI: {
    fn: F.lmdiDecomposition as Fn,
    args: [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [2, 2],
        [3, 5],
      ],
      null,
    ],
    names: ["v0", "v1", "mode"],
  },
  // --- indicators and the Kaya decomposition ---
  CUMULATIVE: { fn: F.cumulativeEmissions as Fn, args: [row(E), row(Y), null, null], names: ["emissions", "years", "from_year", "to_year"] },
  INTENSITYCHANGE: {
    fn: F.intensityChange as Fn,
    args: [row(E), row([900, 950, 1000, 1050, 1100]), row(Y), 2015, 2019],
    names: ["emissions", "activity", "years", "from_year", "to_year"],
  },
  KAYA: {
    fn: F.kayaDecomposition as Fn,
    args: [row([700, 705, 710, 715, 720]), row([900, 950, 1000, 1050, 1100]), row([30, 31, 31, 32, 32]), row(E), row(Y), 2015, 2019, null],
    names: ["population", "gdp", "energy", "emissions", "years", "from_year", "to_year", "mode"],
  },
};

/** A valid answer: a finite number, text, or a 2-D array of finite numbers / text. */
function isValue(v: unknown): boolean {
  const cell = (x: unknown) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x));
  if (Array.isArray(v)) return v.length > 0 && v.every((r) => Array.isArray(r) && r.length > 0 && r.every(cell));
  return cell(v);
}

/** Calls and classifies: throws never allowed; errors need a message naming an argument (except #NUM!). */
function check(id: string, args: unknown[]): "value" | "error" {
  const { fn, names } = CALLS[id];
  let out: unknown;
  expect(() => (out = fn(...args))).not.toThrow();
  if (out instanceof StubError) {
    expect(["#VALUE!", "#N/A", "#NUM!"]).toContain(out.code);
    if (out.code !== "#NUM!") {
      expect(out.message && out.message.length > 0).toBe(true);
      // "no answer" messages (no peak yet, no common year) describe the data rather than one argument.
      if (out.code === "#VALUE!") expect(names.some((n) => out instanceof StubError && out.message!.includes(n))).toBe(true);
    }
    return "error";
  }
  expect(isValue(out)).toBe(true);
  return "value";
}

/** Bad values to put in place of one argument or one cell. */
const BAD_CELLS: [string, unknown][] = [
  ["text", "abc"],
  ["an Excel error value", new StubError("#N/A")],
  ["an error literal", "#DIV/0!"],
  ["TRUE", true],
  ["NaN", NaN],
  ["+Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["full-width digits", "１２３"],
  ["a thousands separator", "1,234"],
  ["a percent string", "5%"],
];

describe("every function answers its valid call with a value", () => {
  test.each(Object.keys(CALLS))("%s", (id) => {
    expect(check(id, CALLS[id].args)).toBe("value");
  });
});

describe("argument validation — a bad value in any argument is an error naming that argument, never an exception", () => {
  for (const id of Object.keys(CALLS)) {
    test.each(BAD_CELLS)(`${id}: %s in each argument`, (_label, bad) => {
      const { args } = CALLS[id];
      for (let k = 0; k < args.length; k++) {
        const a = args.slice();
        // Replace a whole scalar argument, or the first cell of a range argument.
        a[k] = Array.isArray(args[k]) ? (args[k] as unknown[][]).map((r, i) => (i === 0 ? [bad, ...r.slice(1)] : r)) : bad;
        const kind = check(id, a);
        // Optional arguments left null in the valid call are where a bad value must still be refused.
        if (kind === "value" && args[k] !== null) {
          // The only bad cells a function may accept are in optional text arguments (shape, mode), never numbers.
          throw new Error(`${id} accepted ${String(bad)} as ${CALLS[id].names[k]}`);
        }
      }
    });
  }
});

describe("edge cases — shapes", () => {
  const shapes: [string, unknown][] = [
    ["an empty range", []],
    ["an empty row", [[]]],
    ["all blanks", [[null, "", null]]],
    ["a 1-cell range", [[5]]],
    [
      "a 2-D block where a row is expected",
      [
        [1, 2],
        [3, 4],
      ],
    ],
  ];
  for (const id of Object.keys(CALLS)) {
    test.each(shapes)(`${id}: %s in each range argument answers a value or a named error`, (_label, shape) => {
      const { args } = CALLS[id];
      args.forEach((arg, k) => {
        if (!Array.isArray(arg)) return;
        const a = args.slice();
        a[k] = shape;
        check(id, a);
      });
    });
  }

  test("full-width digits, separators and percent text get a message saying what they look like", () => {
    const e = F.peakYear(row([90, "1,234", "５%"]), row([2018, 2019, 2020])) as unknown as StubError;
    expect(e.message).toContain('"1,234" is text, not a number (it looks like 1234: enter it as a number)');
    expect(e.message).toContain('"５%" is text, not a number (it looks like 0.05: enter it as a number)');
  });

  test("duplicate years, non-integer years and negative emissions are refused with their positions", () => {
    expect((F.peakYear(row([1, 2]), row([2019, 2019])) as unknown as StubError).message).toContain("years, position 2");
    expect((F.peakYear(row([1, 2]), row([2019, 2019.5])) as unknown as StubError).message).toContain("years, position 2");
    expect((F.peakYear(row([1, -2]), row([2019, 2020])) as unknown as StubError).message).toContain("emissions, position 2");
  });

  test("100,000-cell ranges are handled (a 100,000-year series is refused for its years, a 2-D block for its shape)", () => {
    const n = 100_000;
    const years = Array.from({ length: n }, (_, i) => 1000 + (i % 9000));
    const big = Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
    expect(check("PEAKYEAR", [row(big), row(years)])).toBe("error"); // duplicate years beyond 9,000
    const block = Array.from({ length: 1000 }, () => Array.from({ length: 100 }, () => 1));
    expect(check("PEAKYEAR", [block, row(Y)])).toBe("error");
    const members = Array.from({ length: 2439 }, (_, m) => Array.from({ length: 41 }, (_, t) => 100 + m + Math.min(t, 20) - Math.max(0, t - 20)));
    expect(F.clusterPeakYear(members, row(Array.from({ length: 41 }, (_, t) => 2020 + t)))).toBe(2040);
  });
});

describe("invariants — arbitrary Excel-shaped arguments never throw", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.double(),
    fc.integer({ min: 1990, max: 2070 }),
    fc.boolean(),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("#N/A", "#VALUE!", "１２３", "1,234", "5%", "linear", "step", "additive"),
    fc.constant(new StubError("#REF!")),
  );
  const matrix = fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 5 });
  const arg = fc.oneof(cell, matrix);

  test.each(Object.keys(CALLS))("%s", (id) => {
    const n = CALLS[id].args.length;
    fc.assert(
      fc.property(fc.array(arg, { minLength: n, maxLength: n }), (args) => {
        check(id, args);
      }),
      { numRuns: 300 },
    );
  });
});
