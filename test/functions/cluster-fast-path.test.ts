/**
 * CLUSTERPEAKYEAR has a fast path for simple arguments (a rectangular members × years matrix — or
 * years × members — of finite numbers ≥ 0 and blanks, ascending whole years). Its contract: whenever
 * it answers, it answers exactly what the general path (member series → cluster sum over complete
 * years → peak) answers, and for anything unusual it steps aside so the general path's messages stand.
 */
import fc from "fast-check";
import { installCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { generalClusterPeak } from "../../src/functions/peak-core";
import { fastClusterPeak } from "../../src/functions/peak-fast";
import { toExcelOrError } from "../../src/functions/boundary";
import { fail, issue, ok } from "../../src/engine";

const row = (xs: unknown[]) => [xs];
const col = (xs: unknown[]) => xs.map((x) => [x]);
const transpose = (m: unknown[][]) => (m.length === 0 ? [] : m[0].map((_, j) => m.map((r) => r[j])));

function excel(v: unknown): unknown {
  return v instanceof StubError ? { code: v.code, message: v.message } : v;
}

const goodValue = fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, -0, Number.MAX_VALUE));
const blank = fc.constantFrom(null, undefined, "");
const oddCell = fc.oneof(
  fc.constantFrom<unknown>(" ", "abc", "１２３", "1,234", "5%", "2019", "#N/A", true, false, NaN, Infinity, -Infinity, -1, -0.25),
  fc.constantFrom<unknown>(new Date(2020, 0, 1), new StubError("#DIV/0!"), { errorCode: "#NUM!" }),
  fc.string({ maxLength: 3 }),
);
const yearOdd = fc.constantFrom<unknown>(null, "", "2019", " 2019", 2019.5, 999, NaN, true, "x", "duplicate", "swap");

/** members × years cells (members 1–4, years 1–12), years, and how they are laid out. */
const clusterArgs = fc
  .record({
    members: fc.integer({ min: 1, max: 4 }),
    start: fc.integer({ min: 1995, max: 2050 }),
    n: fc.integer({ min: 1, max: 12 }),
    jumps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 12, maxLength: 12 }),
    cells: fc.array(fc.oneof({ weight: 10, arbitrary: goodValue }, { weight: 2, arbitrary: blank }), { minLength: 48, maxLength: 48 }),
    cellEdits: fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), oddCell), { minLength: 1, maxLength: 2 })),
    yearEdits: fc.oneof(fc.constant([]), fc.constant([]), fc.array(fc.tuple(fc.nat(), yearOdd), { minLength: 1, maxLength: 2 })),
    transposed: fc.boolean(),
    yearsAs: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("row", "column") }, { weight: 1, arbitrary: fc.constantFrom("flat", "2-D") }),
    ragged: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    extraYear: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map((a) => {
    const years: unknown[] = [a.start];
    for (let j = 1; j < a.n; j++) years.push((years[j - 1] as number) + (a.jumps[j] === 3 ? 2 : 1));
    for (const [at, v] of a.yearEdits) {
      const i = at % years.length;
      const k = i > 0 ? i - 1 : Math.min(1, years.length - 1);
      if (v === "duplicate") years[i] = years[k];
      else if (v === "swap") [years[i], years[k]] = [years[k], years[i]];
      else years[i] = v;
    }
    const cells: unknown[] = a.cells.slice();
    for (const [at, v] of a.cellEdits) cells[at % cells.length] = v;
    const m: unknown[][] = Array.from({ length: a.members }, (_, i) => cells.slice(i * 12, i * 12 + a.n));
    if (a.ragged && m[0].length > 1) m[0].pop();
    if (a.extraYear) years.push(2099);
    const emissions = a.transposed ? transpose(m) : m;
    const y = a.yearsAs === "row" ? row(years) : a.yearsAs === "column" ? col(years) : a.yearsAs === "flat" ? years : [years, years];
    return { emissions, years: y };
  });

const tolerance = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 3, arbitrary: fc.constantFrom(0, 0.01, 0.05, 0.5) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(1, -0.1, "2%", NaN, [[0.02]]) },
);

describe("the cluster fast path answers exactly as the general path, or steps aside", () => {
  test("for arbitrary members × years (or years × members) matrices, years and tolerance", () => {
    let answered = 0;
    let total = 0;
    fc.assert(
      fc.property(clusterArgs, tolerance, ({ emissions, years }, t) => {
        total++;
        const fast = fastClusterPeak(emissions, years, t);
        if (fast === undefined) return;
        answered++;
        expect(fast).toStrictEqual(generalClusterPeak(emissions, years, t));
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(total * 0.15);
    expect(answered).toBeLessThan(total * 0.9);
  });

  test("CLUSTERPEAKYEAR gives the general path's year, or its error code and message", () => {
    fc.assert(
      fc.property(clusterArgs, tolerance, ({ emissions, years }, t) => {
        const general = generalClusterPeak(emissions, years, t);
        const expected = toExcelOrError(() => {
          if (!general.ok) return general;
          const p = general.value;
          if (p.status === "rising") return fail([issue("no_peak", [], { first: p.firstYear, last: p.lastYear })]);
          if (p.status === "insufficient") return fail([issue("too_few_common_years", [], { points: p.points, first: p.firstYear, last: p.lastYear, min: 5 })]);
          return ok(p.year);
        });
        expect(excel(F.clusterPeakYear(emissions as unknown[][], years as unknown[][], t as number))).toStrictEqual(excel(expected));
      }),
      { numRuns: 1500 },
    );
  });
});

describe("what the cluster fast path takes and what it leaves to the general path", () => {
  const Y = [2017, 2018, 2019, 2020, 2021];
  const M = [
    [1, 1, 3, 2, 1],
    [1, 1, 1, 1, 1],
    [2, 2, 2, 2, 2],
  ];

  test("members in rows, or in columns when the years are a column, sum to the same cluster peak", () => {
    const expected = ok({ year: 2019, value: 6, status: "peaked", index: 2, plateauStart: 2019, firstYear: 2017, lastYear: 2021, points: 5 });
    expect(fastClusterPeak(M, row(Y), null)).toStrictEqual(expected);
    expect(fastClusterPeak(transpose(M), col(Y), null)).toStrictEqual(expected);
  });

  test("a year where some member is blank drops out of the cluster (a gap), as in the general path", () => {
    const m = [
      [1, 3, null, 9, 2],
      [1, 1, 1, 1, 1],
    ];
    expect(fastClusterPeak(m, row(Y), null)).toStrictEqual(generalClusterPeak(m, row(Y), null));
    expect(fastClusterPeak(m, row(Y), null)).toMatchObject({ value: { year: 2020, points: 4, status: "insufficient" } });
  });

  test("a square matrix follows the years: a row of years means members in rows", () => {
    const sq = [
      [1, 5, 1],
      [1, 1, 9],
      [1, 1, 1],
    ];
    const y = [2018, 2019, 2020];
    expect(fastClusterPeak(sq, row(y), null)).toStrictEqual(generalClusterPeak(sq, row(y), null));
    expect(fastClusterPeak(sq, col(y), null)).toStrictEqual(generalClusterPeak(sq, col(y), null));
  });

  test.each<[string, unknown[][], unknown[]]>([
    [
      "text in a member",
      [
        [1, 1, "2", 3, 4],
        [1, 1, 1, 1, 1],
      ],
      Y,
    ],
    [
      "a negative member value",
      [
        [1, 1, 2, -3, 4],
        [1, 1, 1, 1, 1],
      ],
      Y,
    ],
    [
      "a member without any value",
      [
        [1, 1, 2, 3, 4],
        [null, null, null, null, null],
      ],
      Y,
    ],
    [
      "no complete year",
      [
        [1, null, 3, null, 1],
        [null, 1, null, 1, null],
      ],
      Y,
    ],
    ["duplicate years", M, [2017, 2018, 2019, 2019, 2021]],
    ["a value with a blank year", M, [2017, 2018, null, 2020, 2021]],
    [
      "a ragged matrix",
      [
        [1, 1, 3, 2, 1],
        [1, 1, 1, 1],
      ],
      Y,
    ],
    [
      "a matrix matching neither side of the years",
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      Y,
    ],
  ])("%s is left to the general path", (_label, m, y) => {
    expect(fastClusterPeak(m, row(y), null)).toBeUndefined();
  });
});
