/**
 * PEAKYEAR / PEAKVALUE / PEAKSTATUS have a fast path for simple arguments (finite numbers ≥ 0,
 * ascending whole years, plain row or column ranges). Its contract: whenever it answers, it answers
 * exactly what the general path answers — same peak, value, status and horizon — and whenever the
 * arguments are unusual it steps aside, so every message still comes from the general path.
 */
import fc from "fast-check";
import { installCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { generalSeriesPeak } from "../../src/functions/peak-core";
import { fastSeriesPeak } from "../../src/functions/peak-fast";
import { toExcelOrError } from "../../src/functions/boundary";
import { fail, issue, ok, type Peak, type Result } from "../../src/engine";

const row = (xs: unknown[]) => [xs];
const col = (xs: unknown[]) => xs.map((x) => [x]);

/**
 * The spec of PEAKYEAR / PEAKVALUE on top of the general path: #N/A while still rising (no_peak) or
 * with fewer than min_points values (too_few_points, naming the minimum: the argument or 5).
 */
function generalAnswer(p: Result<Peak>, pick: (peak: Peak) => number, minPoints: unknown): Result<number> {
  if (!p.ok) return p;
  const { firstYear: first, lastYear: last, points } = p.value;
  if (p.value.status === "rising") return fail([issue("no_peak", [], { first, last })]);
  if (p.value.status === "insufficient")
    return fail([issue("too_few_points", [], { points, first, last, min: typeof minPoints === "number" ? minPoints : 5 })]);
  return ok(pick(p.value));
}

/** An Excel answer as comparable data: the value, or the error's code and message. */
function excel(v: unknown): unknown {
  return v instanceof StubError ? { code: v.code, message: v.message } : v;
}

// --- Arbitrary Excel-shaped arguments, mostly simple so that both paths get exercised -----------

const goodValue = fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 120 }), fc.constantFrom(0, -0, 5e-324, Number.MAX_VALUE));
const blank = fc.constantFrom(null, undefined, "");
const oddCell = fc.oneof(
  fc.constantFrom<unknown>(" ", "abc", "１２３", "1,234", "5%", "2019", " 2019", "#N/A", "#DIV/0!", true, false),
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, -0.5, -Number.MIN_VALUE),
  fc.constantFrom<unknown>(new Date(2020, 0, 1), new Date(NaN), new StubError("#REF!"), { code: "#VALUE!" }, {}, [1]),
  fc.string({ maxLength: 4 }),
  fc.double(),
);
const valueCell = fc.oneof({ weight: 12, arbitrary: goodValue }, { weight: 1, arbitrary: blank });
/** Mostly numbers and blanks; in about half of the cases one to three cells replaced by something unusual. */
const valueCells = fc
  .tuple(
    fc.array(valueCell, { minLength: 46, maxLength: 46 }),
    fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), oddCell), { minLength: 1, maxLength: 3 })),
  )
  .map(([good, edits]) => {
    const cells: unknown[] = good.slice();
    for (const [at, v] of edits) cells[at % cells.length] = v;
    return cells;
  });

/** Years ascending (consecutive or with jumps); in about half of the cases one to three cells made unusual. */
const yearEdit = fc.oneof(
  blank,
  fc.constantFrom<unknown>("0999", " 2020", "2020 ", "２０２０", 2019.5, 999, 10000, 9999, 1000, NaN, true, new Date(2020, 0, 1), "abc"),
  fc.constantFrom<unknown>("duplicate", "swap", "text"), // of the neighbouring year: a duplicate, a descent, "2021"
);
const yearCells = fc
  .record({
    start: fc.integer({ min: 990, max: 2050 }),
    steps: fc.array(fc.oneof({ weight: 20, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) }), {
      minLength: 0,
      maxLength: 45,
    }),
    edits: fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), yearEdit), { minLength: 1, maxLength: 3 })),
  })
  .map(({ start, steps, edits }) => {
    const ys: unknown[] = [start];
    for (const s of steps) ys.push((ys[ys.length - 1] as number) + s);
    for (const [at, v] of edits) {
      const i = at % ys.length;
      const j = i > 0 ? i - 1 : Math.min(1, ys.length - 1);
      if (v === "duplicate") ys[i] = ys[j];
      else if (v === "swap") [ys[i], ys[j]] = [ys[j], ys[i]];
      else if (v === "text") ys[i] = String(ys[i]);
      else ys[i] = v;
    }
    return ys;
  });

/** A 1-D argument laid out as Excel would (row or column), or occasionally in a shape Excel would not send. */
function layout(cells: unknown[], how: string): unknown {
  switch (how) {
    case "row":
      return row(cells);
    case "column":
      return col(cells);
    case "flat":
      return cells;
    case "scalar":
      return cells[0];
    case "2-D":
      return [cells, cells];
    case "ragged":
      return cells.length > 1 ? [[cells[0]], cells.slice(1)] : col(cells);
    default:
      return [];
  }
}
const how = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom("row", "column") },
  { weight: 1, arbitrary: fc.constantFrom("flat", "scalar", "2-D", "ragged", "empty") },
);

/** Emissions and years of the same length (sometimes one cell more or less), each laid out its own way. */
const seriesArgs = fc
  .tuple(yearCells, valueCells, fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1) }), how, how)
  .map(([years, values, delta, hy, he]) => {
    const e = values.slice(0, Math.max(0, years.length + delta));
    return { emissions: layout(e, he), years: layout(years, hy) };
  });

const option = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 4, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("0.02", "", "2%", NaN, Infinity, -1, 1.5, 2, 4, 0.5, true, [[0.02]], [[null]]) },
  );
const optionArgs = fc.tuple(
  option(fc.constantFrom(0, 0.01, 0.02, 0.05, 0.3, 0.999)),
  option(fc.constantFrom(0, 1, 2, 5, 1000)),
  option(fc.constantFrom(0, 1, 3, 5, 7, 99)),
  option(fc.constantFrom(0, 1, 2, 5, 10, 46, 1000)),
);

describe("the fast path answers exactly as the general path, or steps aside", () => {
  test("for arbitrary Excel-shaped emissions, years and options (peak, value, status, horizon, every issue)", () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(seriesArgs, optionArgs, ({ emissions, years }, [t, k, w, m]) => {
        total++;
        const fast = fastSeriesPeak(emissions, years, t, k, w, m);
        if (fast === undefined) return;
        answered++;
        expect(fast).toStrictEqual(generalSeriesPeak(emissions, years, t, k, w, m));
      }),
      { numRuns: 3000 },
    );
    // The generators are tuned so that both paths get real work.
    expect(answered).toBeGreaterThan(total * 0.15);
    expect(answered).toBeLessThan(total * 0.9);
  });

  test("PEAKYEAR, PEAKVALUE and PEAKSTATUS give the general path's value, or its error code and message", () => {
    fc.assert(
      fc.property(seriesArgs, optionArgs, ({ emissions, years }, [t, k, w, m]) => {
        const general = generalSeriesPeak(emissions, years, t, k, w, m);
        const args = [emissions, years, t, k, w, m] as [unknown[][], unknown[][], number, number, number, number];
        expect(excel(F.peakYear(...args))).toStrictEqual(excel(toExcelOrError(() => generalAnswer(general, (p) => p.year, m))));
        expect(excel(F.peakValue(...args))).toStrictEqual(excel(toExcelOrError(() => generalAnswer(general, (p) => p.value, m))));
        expect(excel(F.peakStatus(...args))).toStrictEqual(excel(toExcelOrError(() => (general.ok ? ok(general.value.status) : general))));
      }),
      { numRuns: 1500 },
    );
  });
});

describe("what the fast path takes and what it leaves to the general path", () => {
  const Y = [2015, 2016, 2017, 2018, 2019, 2020];
  const E = [90, 95, 100, 98, 97, 96];

  test("a row or a column of numbers with ascending whole years is taken, with the engine's answer", () => {
    expect(fastSeriesPeak(row(E), row(Y), null, null, null)).toStrictEqual(
      ok({ year: 2017, value: 100, status: "peaked", index: 2, plateauStart: 2017, firstYear: 2015, lastYear: 2020, points: 6 }),
    );
    expect(fastSeriesPeak(col(E), col(Y), null, null, null)).toStrictEqual(generalSeriesPeak(col(E), col(Y), null, null, null));
  });

  test("tolerance, confirmation, smoothing and the minimum of points are the engine's (plateau start, unconfirmed, moving average, insufficient)", () => {
    for (const [t, k, w, m] of [
      [0.05, 0, 1, null],
      [0, 5, 1, null],
      [0, 0, 3, null],
      [0.02, 2, 5, null],
      [0, 0, 1, 7],
      [0.02, 0, 1, 2],
    ] as const) {
      const fast = fastSeriesPeak(row(E), row(Y), t, k, w, m);
      expect(fast).toBeDefined();
      expect(fast).toStrictEqual(generalSeriesPeak(row(E), row(Y), t, k, w, m));
    }
    expect(fastSeriesPeak(row([9.7, 9.9, 10, 9, 8]), row([2016, 2017, 2018, 2019, 2020]), 0.02, null, null)).toMatchObject({
      value: { year: 2018, value: 10, plateauStart: 2017 },
    });
    expect(fastSeriesPeak(row(E), row(Y), null, null, null, 7)).toMatchObject({ value: { status: "insufficient", points: 6 } });
  });

  test("blank values are gaps; a position blank in both ranges is dropped; four-digit year text is a year", () => {
    const e = [90, null, 100, "", 97, 95, 94, null];
    const y = [2016, 2017, "2018", 2019, 2020, 2021, 2022, ""];
    expect(fastSeriesPeak(row(e), row(y), null, null, null)).toStrictEqual(generalSeriesPeak(row(e), row(y), null, null, null));
    expect(fastSeriesPeak(row(e), row(y), null, null, null)).toMatchObject({
      value: { year: 2018, firstYear: 2016, lastYear: 2022, points: 5, status: "peaked" },
    });
  });

  test.each<[string, unknown[], unknown[]]>([
    ["text in the emissions", [1, "2", 3], [2018, 2019, 2020]],
    ["a boolean", [1, true, 3], [2018, 2019, 2020]],
    ["a negative value", [1, -2, 3], [2018, 2019, 2020]],
    ["NaN", [1, NaN, 3], [2018, 2019, 2020]],
    ["Infinity", [1, Infinity, 3], [2018, 2019, 2020]],
    ["a Date", [1, new Date(2020, 0, 1), 3], [2018, 2019, 2020]],
    ["an Excel error", [1, new StubError("#N/A"), 3], [2018, 2019, 2020]],
    ["whitespace as a blank", [1, " ", 3], [2018, 2019, 2020]],
    ["duplicate years", [1, 2, 3], [2018, 2018, 2020]],
    ["descending years", [1, 2, 3], [2020, 2019, 2018]],
    ["a non-integer year", [1, 2, 3], [2018, 2018.5, 2020]],
    ["a year out of range", [1, 2, 3], [998, 999, 1000]],
    ["padded year text", [1, 2, 3], [2018, " 2019", 2020]],
    ["a value with a blank year", [1, 2, 3], [2018, null, 2020]],
    ["no value at all", [null, "", null], [2018, 2019, 2020]],
    ["mismatched lengths", [1, 2, 3], [2018, 2019]],
  ])("%s is left to the general path", (_label, e, y) => {
    expect(fastSeriesPeak(row(e), row(y), null, null, null)).toBeUndefined();
  });

  test("invalid or text options are left to the general path, which names them", () => {
    for (const [t, k, w, m] of [
      [1.5, null, null, null],
      ["2%", null, null, null],
      [null, 0.5, null, null],
      [null, null, 2, null],
      [[[0.02]], null, null, null],
      [null, null, null, 2.5],
      [null, null, null, "5"],
    ] as const) {
      expect(fastSeriesPeak(row(E), row(Y), t, k, w, m)).toBeUndefined();
    }
  });

  test("shapes Excel does not send for a 1-D argument are left to the general path", () => {
    for (const bad of [E, 5, [], [[]], [E, E], [[90], [95, 96]]]) expect(fastSeriesPeak(bad, row(Y), null, null, null)).toBeUndefined();
  });
});
