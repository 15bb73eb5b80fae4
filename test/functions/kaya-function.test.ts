/**
 * CARBON.KAYA as Excel calls it: population, gdp, energy and emissions as rows or columns matching
 * years (one region) or members × years blocks (a cluster), the two years as numbers, mode as text or
 * null. The result spills one row, no header: the effects of population, GDP per capita, energy
 * intensity and carbon intensity — the order of the engine's KAYA_FACTORS, as CARBON.LMDI spills.
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { installCustomFunctionsStub } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { kayaCore, lmdiCore } from "../../src/functions/decomposition-core";

import { col, err, row } from "../helpers/excel-args";
function spilled(v: unknown): number[] {
  expect(Array.isArray(v)).toBe(true);
  const rows = v as number[][];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveLength(4);
  return rows[0];
}
const kaya = (p: unknown, g: unknown, e: unknown, c: unknown, y: unknown, from: unknown, to: unknown, mode?: unknown) =>
  F.kayaDecomposition(p as unknown[][], g as unknown[][], e as unknown[][], c as unknown[][], y as unknown[][], from as number, to as number, mode as string);

// China 2015 → 2020 (hand derivation and sources in test/engine/kaya-decomposition.test.ts; docs/decomposition.md §5).
const G2020 = 676708 * 1.067 * 1.069 * 1.066 * 1.061 * 1.023;
const CN = {
  years: [2015, 2020],
  population: [137462, 141212],
  gdp: [676708, G2020],
  energy: [430000, 498000],
  co2: [9000, 9000 * (G2020 / 676708) * 0.812],
};

describe("KAYA — argument validation", () => {
  test("every problem at once, each at its argument and position", () => {
    const e = err(kaya(row([1, "x"]), row([1, 1]), row([1, -1]), row([1, 1]), row([2015, 2020]), 2015, 2020, "ratio"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      'mode: "ratio" is not a decomposition mode: use "additive" (加法) or "multiplicative" (乘法); population, position 2: "x" is not a number; energy, position 2: -1 is negative; it must be zero or more',
    );
  });
  test("quantities of different shapes name the one that differs from population", () => {
    expect(
      err(
        kaya(
          row([1, 1]),
          [
            [1, 1],
            [1, 1],
          ],
          row([1, 1]),
          row([1, 1]),
          row([2015, 2020]),
          2015,
          2020,
        ),
      ).message,
    ).toBe("gdp: is 2 × 2, but population is 1 × 2; they must have the same shape");
  });
  test("emissions with no energy in that year is #VALUE! at the emissions cell: the carbon intensity would be infinite", () => {
    const e = err(kaya(row([2, 2]), row([10, 10]), row([0, 5]), row([3, 10]), row([2015, 2020]), 2015, 2020));
    expect([e.code, e.message]).toEqual([
      "#VALUE!",
      "emissions, position 1: 3 in 2015, but energy is 0 that year: the carbon intensity (emissions ÷ energy) would be infinite",
    ]);
  });
  test("a blank in either year is #N/A at its cell; a year not in the years is #N/A at its argument", () => {
    const blank = err(kaya(row([2, null]), row([10, 10]), row([5, 5]), row([3, 10]), row([2015, 2020]), 2015, 2020));
    expect([blank.code, blank.message]).toEqual(["#N/A", "population, position 2: is blank, but 2020 needs a value here (a blank is a gap, not a zero)"]);
    const absent = err(kaya(row([2, 2]), row([10, 10]), row([5, 5]), row([3, 10]), row([2015, 2020]), 2015, 2030));
    expect([absent.code, absent.message]).toEqual(["#N/A", "to_year: 2030 is not one of the years (2015–2020)"]);
  });
  test("multiplicative with zero emissions in a year is #N/A: the index E_to/E_from is undefined", () => {
    const e = err(kaya(row([2, 2]), row([10, 10]), row([5, 5]), row([3, 0]), row([2015, 2020]), 2015, 2020, "multiplicative"));
    expect([e.code, e.message]).toEqual(["#N/A", 'emissions: the 2020 total is 0, so the multiplicative index V1/V0 is undefined; use mode "additive"']);
  });
  test("to_year before from_year and a fractional year are #VALUE!", () => {
    expect(err(kaya(row([1, 1]), row([1, 1]), row([1, 1]), row([1, 1]), row([2015, 2020]), 2020, 2015)).message).toBe(
      "to_year: 2015 is before from_year (2020)",
    );
    expect(err(kaya(row([1, 1]), row([1, 1]), row([1, 1]), row([1, 1]), row([2015, 2020]), 2015.5, 2020)).message).toBe(
      "from_year: 2015.5 is not a whole year",
    );
  });
  test("in a cluster block, a cell is named by row and column as laid out", () => {
    const p = [
      [2, 2],
      [1, "n/a"],
    ];
    expect(
      err(
        kaya(
          p,
          [
            [1, 1],
            [1, 1],
          ],
          [
            [1, 1],
            [1, 1],
          ],
          [
            [1, 1],
            [1, 1],
          ],
          row([2015, 2020]),
          2015,
          2020,
        ),
      ).message,
    ).toBe('population, row 2, column 2: "n/a" is not a number');
    const t = [
      [2, 1],
      [2, "n/a"],
    ];
    expect(
      err(
        kaya(
          t,
          [
            [1, 1],
            [1, 1],
          ],
          [
            [1, 1],
            [1, 1],
          ],
          [
            [1, 1],
            [1, 1],
          ],
          col([2015, 2020]),
          2015,
          2020,
        ),
      ).message,
    ).toBe('population, row 2, column 2: "n/a" is not a number');
  });
  test("messages follow Office's display language", () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(err(kaya(row([2, 2]), row([10, 10]), row([0, 5]), row([3, 10]), row([2015, 2020]), 2015, 2020)).message).toBe(
        "emissions 第 1 个: 2015 年为 3，但该年 energy 为 0：碳强度（emissions ÷ energy）将为无穷大",
      );
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

describe("KAYA — edge cases", () => {
  test("rows or columns; years in any order; years between the two do not matter, even blank", () => {
    const a = spilled(kaya(row(CN.population), row(CN.gdp), row(CN.energy), row(CN.co2), row(CN.years), 2015, 2020));
    const b = spilled(kaya(col(CN.population), col(CN.gdp), col(CN.energy), col(CN.co2), col(CN.years), 2015, 2020));
    const rev = (xs: number[]) => row(xs.slice().reverse());
    const c = spilled(kaya(rev(CN.population), rev(CN.gdp), rev(CN.energy), rev(CN.co2), rev(CN.years), 2015, 2020));
    const gap = (xs: number[]) => row([xs[0], null, xs[1]]);
    const d = spilled(kaya(gap(CN.population), gap(CN.gdp), gap(CN.energy), gap(CN.co2), row([2015, 2018, 2020]), 2015, 2020));
    for (const other of [b, c, d]) other.forEach((x, i) => expect(x).toBeCloseTo(a[i], 9));
  });
  test("one region may give some quantities as rows and others as columns", () => {
    const mixed = spilled(kaya(row(CN.population), col(CN.gdp), row(CN.energy), col(CN.co2), row(CN.years), 2015, 2020));
    const rows = spilled(kaya(row(CN.population), row(CN.gdp), row(CN.energy), row(CN.co2), row(CN.years), 2015, 2020));
    mixed.forEach((x, i) => expect(x).toBe(rows[i]));
  });
  test("an omitted mode (null) is additive; 乘法 and a 1×1 range are read as the mode", () => {
    const args = [row([2, 2]), row([10, 20]), row([5, 5]), row([10, 10]), row([2015, 2020]), 2015, 2020] as const;
    expect(spilled(kaya(...args, null))).toEqual([0, 10 * Math.LN2, -10 * Math.LN2, 0]);
    expect(spilled(kaya(...args, "乘法"))).toEqual([1, 2, 0.5, 1]);
    expect(spilled(kaya(...args, [["multiplicative"]]))).toEqual([1, 2, 0.5, 1]);
  });
  test("a zero-energy first year: the whole change goes to energy intensity (the analytical limit)", () => {
    expect(spilled(kaya(row([2, 2]), row([10, 10]), row([0, 5]), row([0, 10]), row([2015, 2020]), 2015, 2020))).toEqual([0, 0, 10, 0]);
  });
  test("a cluster block of members × years (or years × members) decomposes the cluster's total", () => {
    const p = [
      [2, 2],
      [1, 2],
    ];
    const g = [
      [10, 20],
      [4, 8],
    ];
    const e = [
      [5, 5],
      [4, 8],
    ];
    const c = [
      [10, 10],
      [8, 16],
    ];
    const byRows = spilled(kaya(p, g, e, c, row([2015, 2020]), 2015, 2020));
    const t = (m: number[][]) => m[0].map((_, j) => m.map((r) => r[j]));
    const byColumns = spilled(kaya(t(p), t(g), t(e), t(c), col([2015, 2020]), 2015, 2020));
    [8, 6.931472, -6.931472, 0].forEach((x, i) => {
      expect(byRows[i]).toBeCloseTo(x, 6);
      expect(byColumns[i]).toBeCloseTo(x, 6);
    });
  });
});

describe("KAYA — invariants", () => {
  const q = fc.double({ min: 1e-2, max: 1e5, noNaN: true });
  const region = fc.tuple(q, q, q, q, q, q, q, q);
  test("additive effects sum to E_to − E_from and multiplicative ones multiply to E_to/E_from, from Excel-shaped ranges", () => {
    fc.assert(
      fc.property(region, ([p0, p1, g0, g1, e0, e1, c0, c1]) => {
        const args = [row([p0, p1]), row([g0, g1]), row([e0, e1]), row([c0, c1]), row([2015, 2020]), 2015, 2020] as const;
        const add = spilled(kaya(...args));
        const mul = spilled(kaya(...args, "multiplicative"));
        expect(Math.abs(add.reduce((a, b) => a + b, 0) - (c1 - c0))).toBeLessThanOrEqual(1e-9 * Math.max(c0, c1));
        expect(Math.abs(mul.reduce((a, b) => a * b, 1) / (c1 / c0) - 1)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
  test("KAYA equals CARBON.LMDI on the Kaya factor columns (=G/P, =E/G, =C/E) of the two years", () => {
    fc.assert(
      fc.property(region, ([p0, p1, g0, g1, e0, e1, c0, c1]) => {
        const k = kayaCore(row([p0, p1]), row([g0, g1]), row([e0, e1]), row([c0, c1]), row([2015, 2020]), 2015, 2020);
        const l = lmdiCore([[p0, g0 / p0, e0 / g0, c0 / e0]], [[p1, g1 / p1, e1 / g1, c1 / e1]]);
        expect(k.ok && l.ok).toBe(true);
        if (k.ok && l.ok) k.value[0].forEach((x, i) => expect(x).toBe(l.value[0][i]));
      }),
    );
  });
});

describe("KAYA — reference values", () => {
  test("China 2015 → 2020: =CARBON.KAYA(…) spills 250.81, 2334.55, −1217.24, −723.41 Mt (sum +644.70 = ΔE)", () => {
    const e = spilled(kaya(row(CN.population), row(CN.gdp), row(CN.energy), row(CN.co2), row(CN.years), 2015, 2020));
    [250.81, 2334.55, -1217.24, -723.41].forEach((x, i) => expect(e[i]).toBeCloseTo(x, 2));
  });
  test("the same, multiplicative: 1.027280, 1.284699, 0.877547, 0.925306 — the four factor ratios (product 1.071634)", () => {
    const e = spilled(kaya(row(CN.population), row(CN.gdp), row(CN.energy), row(CN.co2), row(CN.years), 2015, 2020, "multiplicative"));
    [1.02728, 1.284699, 0.877547, 0.925306].forEach((x, i) => expect(e[i]).toBeCloseTo(x, 6));
  });
  test("docs/decomposition.md §5 shows what the engine computes for this example (table and worksheet lines)", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "decomposition.md"), "utf8");
    const add = spilled(kaya(row(CN.population), row(CN.gdp), row(CN.energy), row(CN.co2), row(CN.years), 2015, 2020));
    const mul = spilled(kaya(row(CN.population), row(CN.gdp), row(CN.energy), row(CN.co2), row(CN.years), 2015, 2020, "multiplicative"));
    const grouped = (x: number) =>
      `${x < 0 ? "−" : ""}${Math.abs(x)
        .toFixed(2)
        .replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
    for (const x of add) expect(doc).toContain(`**${grouped(x)}**`);
    expect(doc).toContain(`→  ${add.map((x) => x.toFixed(2)).join("  ")}`);
    expect(doc).toContain(`→  ${mul.map((x) => x.toFixed(6)).join("  ")}`);
  });
});
