/**
 * The Kaya decomposition of a change in emissions (src/engine/decomposition/kaya.ts,
 * kayaDecomposition): LMDI-I (Ang 2005) over C = P · (G/P) · (E/G) · (C/E), one subcategory per city,
 * with the analytical zero-value limits (Ang & Liu 2007; docs/decomposition.md §3, §5).
 */
import fc from "fast-check";
import { formatIssue, kayaDecomposition, kayaFactorPair, kayaMatrix, lmdi, type KayaInput } from "../../src/engine";
import { issues, value } from "../helpers/result";

const k = (population: number, gdp: number, energy: number, co2: number): KayaInput => ({ population, gdp, energy, co2 });
const text = (r: ReturnType<typeof kayaDecomposition>) => issues(r).map((i) => formatIssue(i));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

describe("kayaDecomposition — argument validation", () => {
  test("a quantity divided by a zero is refused naming both, the year and the factor that would be infinite", () => {
    const r = kayaDecomposition([k(2, 10, 0, 3)], [k(0, 5, 1, 1)], "additive", { from: 2015, to: 2020 });
    expect(text(r)).toEqual([
      "from[1].co2: 3 in 2015, but energy is 0 that year: the carbon intensity (emissions ÷ energy) would be infinite",
      "to[1].gdp: 5 in 2020, but population is 0 that year: GDP per capita (gdp ÷ population) would be infinite",
    ]);
  });
  test("negative and non-finite quantities are refused, every one at once", () => {
    const r = kayaDecomposition([k(-1, 10, 5, -2)], [k(NaN, 10, 5, 2)]);
    expect(issues(r).map((i) => [i.code, i.path])).toEqual([
      ["must_be_nonnegative", ["from", 0, "population"]],
      ["negative_value", ["from", 0, "co2"]],
      ["not_finite", ["to", 0, "population"]],
    ]);
  });
  test("no subcategory, or different numbers of them in the two years", () => {
    expect(issues(kayaDecomposition([], []))[0].code).toBe("empty");
    expect(issues(kayaDecomposition([k(1, 1, 1, 1)], [k(1, 1, 1, 1), k(1, 1, 1, 1)]))[0].code).toBe("length_mismatch");
  });
  test("multiplicative with zero emissions in a year has no index: lmdi_zero_total naming that year", () => {
    const r = kayaDecomposition([k(2, 10, 5, 10)], [k(2, 10, 5, 0)], "multiplicative", { from: 2015, to: 2020 });
    expect(issues(r)).toEqual([expect.objectContaining({ code: "lmdi_zero_total", path: ["to"], year: 2020 })]);
  });
});

describe("kayaDecomposition — edge cases (the analytical zero-value limits)", () => {
  test("a zero-energy year (E = 0 and C = 0) → the energy-intensity factor takes the whole change", () => {
    // From: P 2, G 10, E 0, C 0; to: P 2, G 10, E 5, C 10. C/E is 0/0 in the first year; its term vanishes in the
    // limit (docs/decomposition.md §5), so ΔC = 10 − 0 goes entirely to E/G, which is 0 → 0.5.
    const r = value(kayaDecomposition([k(2, 10, 0, 0)], [k(2, 10, 5, 10)]));
    expect(r.effects).toEqual([0, 0, 10, 0]);
    expect(kayaFactorPair(k(2, 10, 0, 0), k(2, 10, 5, 10))).toEqual({ x0: [2, 5, 0, 2], x1: [2, 5, 0.5, 2] });
  });
  test("the zero-energy limit is the δ → 0 limit, whatever carbon intensity c the vanishing energy had", () => {
    // E⁰ = δ, C⁰ = c·δ (c ≠ 2, the final carbon intensity, for which the terms are exact already). The limit terms are
    // [0, 0, 10, 0]; the error falls like 1/ln(1/δ) (logarithmic, Ang & Liu 2007).
    for (const c of [0.5, 7, 30]) {
      const err = (delta: number) => {
        const e = value(kayaDecomposition([k(2, 10, delta, c * delta)], [k(2, 10, 5, 10)])).effects;
        return Math.abs(e[2] - 10) + Math.abs(e[3]);
      };
      const e50 = err(1e-50);
      const e100 = err(1e-100);
      const e300 = err(1e-300);
      expect(e100).toBeLessThan(e50);
      expect(e300).toBeLessThan(e100);
      // error · ln(1/δ) is bounded (≈ |ln(2/c)|·10 + …): the rate of a logarithmic approach to exactly our limit.
      expect(e300 * Math.log(1e300)).toBeLessThan(e50 * Math.log(1e50) * 1.5);
    }
  });
  test("emissions falling to 0 with energy still used (full decarbonisation): −C⁰ to carbon intensity", () => {
    expect(value(kayaDecomposition([k(2, 10, 5, 8)], [k(2, 12, 5, 0)])).effects).toEqual([0, 0, 0, -8]);
  });
  test("a city that appears from nothing (all four 0) takes its emissions through population", () => {
    const r = value(kayaDecomposition([k(0, 0, 0, 0), k(2, 10, 5, 10)], [k(1, 4, 2, 3), k(2, 10, 5, 10)]));
    expect(r.effects).toEqual([3, 0, 0, 0]);
    expect(r.contributions[0]).toEqual([3, 0, 0, 0]);
  });
  test("a city empty in both years contributes nothing; zeros never warn lmdi_zero_split (one zero factor per year)", () => {
    const r = kayaDecomposition([k(0, 0, 0, 0), k(1, 2, 0, 0)], [k(3, 0, 0, 0), k(1, 2, 2, 1)]);
    expect(value(r).contributions[0]).toEqual([0, 0, 0, 0]);
    expect(r.ok && r.warnings).toEqual([]);
  });
  test("the same quantities in both years: every effect 0 (additive) or 1 (multiplicative)", () => {
    expect(value(kayaDecomposition([k(3, 7, 2, 5)], [k(3, 7, 2, 5)])).effects).toEqual([0, 0, 0, 0]);
    expect(value(kayaDecomposition([k(3, 7, 2, 5)], [k(3, 7, 2, 5)], "multiplicative")).effects).toEqual([1, 1, 1, 1]);
  });
});

describe("kayaDecomposition — invariants", () => {
  const q = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
  const input = fc.tuple(q, q, q, q).map(([p, g, e, c]) => k(p, g, e, c));
  const pair = fc
    .integer({ min: 1, max: 5 })
    .chain((n) => fc.tuple(fc.array(input, { minLength: n, maxLength: n }), fc.array(input, { minLength: n, maxLength: n })));
  const total = (xs: KayaInput[]) => sum(xs.map((x) => x.co2));

  test("additive effects sum to C_to − C_from; multiplicative indices multiply to C_to / C_from", () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const add = value(kayaDecomposition(a, b)).effects;
        const mul = value(kayaDecomposition(a, b, "multiplicative")).effects;
        const scale = Math.max(total(a), total(b));
        expect(Math.abs(sum(add) - (total(b) - total(a)))).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(prod(mul) / (total(b) / total(a)) - 1)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
  test("it is LMDI on the Kaya factor matrix (one home for the method: lmdi)", () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const direct = value(lmdi(value(kayaMatrix(a)), value(kayaMatrix(b)))).effects;
        value(kayaDecomposition(a, b)).effects.forEach((x, i) => expect(x).toBe(direct[i]));
      }),
    );
  });
  test("for one region the multiplicative indices are exactly the ratios of the four factors", () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        const fa = value(kayaMatrix([a]))[0];
        const fb = value(kayaMatrix([b]))[0];
        value(kayaDecomposition([a], [b], "multiplicative")).effects.forEach((d, i) => expect(Math.abs(d / (fb[i] / fa[i]) - 1)).toBeLessThanOrEqual(1e-9));
      }),
    );
  });
  test("units do not matter: persons or 万人, 元 or 亿元, tce or 万tce give the same effects; emissions' unit scales them", () => {
    fc.assert(
      fc.property(pair, fc.double({ min: 1e-4, max: 1e4, noNaN: true }), ([a, b], s) => {
        const scaled = (xs: KayaInput[]) => xs.map((x) => k(x.population * s, x.gdp / s, x.energy * s, x.co2));
        const base = value(kayaDecomposition(a, b)).effects;
        const other = value(kayaDecomposition(scaled(a), scaled(b))).effects;
        const tonnes = value(
          kayaDecomposition(
            a.map((x) => ({ ...x, co2: x.co2 * 100 })),
            b.map((x) => ({ ...x, co2: x.co2 * 100 })),
          ),
        ).effects;
        const scale = Math.max(total(a), total(b));
        base.forEach((x, i) => {
          expect(Math.abs(other[i] - x)).toBeLessThanOrEqual(1e-9 * scale);
          expect(Math.abs(tonnes[i] - 100 * x)).toBeLessThanOrEqual(1e-7 * scale);
        });
      }),
    );
  });
  test("the identities hold with zeros too (cities appearing, vanishing, zero-energy years)", () => {
    const z = fc.oneof(fc.constant(0), q);
    const chain = fc.tuple(z, z, z, z).map(([p, g, e, c]) => k(p, p === 0 ? 0 : g, p === 0 || g === 0 ? 0 : e, p === 0 || g === 0 || e === 0 ? 0 : c));
    const pairs = fc
      .integer({ min: 1, max: 4 })
      .chain((n) => fc.tuple(fc.array(chain, { minLength: n, maxLength: n }), fc.array(chain, { minLength: n, maxLength: n })));
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const r = value(kayaDecomposition(a, b));
        const scale = Math.max(1, total(a), total(b));
        expect(Math.abs(sum(r.effects) - (total(b) - total(a)))).toBeLessThanOrEqual(1e-9 * scale);
        expect(r.effects.every(Number.isFinite)).toBe(true);
      }),
    );
  });
});

describe("kayaDecomposition — reference values", () => {
  test("two cities, by hand: population +8, GDP per capita +6.9315, energy intensity −6.9315, carbon intensity 0", () => {
    // City A: P 2 → 2, G 10 → 20, E 5 → 5, C 10 → 10: factors [2, 5, 0.5, 2] → [2, 10, 0.25, 2]; L(10, 10) = 10, so its
    //   terms are 10·[ln 1, ln 2, ln 0.5, ln 1] = [0, 6.9315, −6.9315, 0].
    // City B: P 1 → 2, G 4 → 8, E 4 → 8, C 8 → 16: factors [1, 4, 1, 2] → [2, 4, 1, 2]; L(16, 8) = 8 / ln 2 = 11.5416,
    //   terms [11.5416·ln 2, 0, 0, 0] = [8, 0, 0, 0].
    // Sum: [8, 6.9315, −6.9315, 0] = 8 = 26 − 18. Multiplicative: L(26, 18) = 8 / ln(26/18) = 21.7554;
    //   D = exp(ΔV / 21.7554) = [exp(0.367725), exp(0.318609), exp(−0.318609), 1] = [1.444444, 1.375214, 0.727160, 1]; Π = 26/18.
    const a = [k(2, 10, 5, 10), k(1, 4, 4, 8)];
    const b = [k(2, 20, 5, 10), k(2, 8, 8, 16)];
    const add = value(kayaDecomposition(a, b)).effects;
    [8, 6.931472, -6.931472, 0].forEach((x, i) => expect(add[i]).toBeCloseTo(x, 6));
    const mul = value(kayaDecomposition(a, b, "multiplicative")).effects;
    [1.444444, 1.375214, 0.72716, 1].forEach((x, i) => expect(mul[i]).toBeCloseTo(x, 6));
  });
  test("China 2015 → 2020 from the statistical bulletins: +250.8 population, +2,334.5 affluence, −1,217.2 energy intensity, −723.4 carbon intensity (Mt)", () => {
    // Inputs (docs/decomposition.md §5): population 137,462 → 141,212 万人 and energy 43.0 → 49.8 亿tce (NBS statistical
    // bulletins 2015, 2020, first releases); GDP 676,708 亿元 in 2015, at 2015 prices in 2020 676,708 × 1.067 × 1.069 ×
    // 1.066 × 1.061 × 1.023 = 893,082.7 (the bulletins' real growth 2016–2020); CO2 9,000 Mt in 2015 (an assumed round
    // figure: no official annual total is published) and 9,000 × 1.319746 × (1 − 0.188) = 9,644.70 Mt in 2020 (the
    // −18.8 % CO2 per GDP of 2015→2020, 生态环境部 2021).
    // By hand: factor ratios P 141,212/137,462 = 1.027280; G/P 6.324411/4.922873 = 1.284699; E/G 0.557619/0.635429 =
    // 0.877547; C/E 0.0193669/0.0209302 = 0.925306; their product 1.071634 = 9,644.70/9,000.
    // L(9,644.70, 9,000) = 644.70 / ln 1.071634 = 644.70 / 0.0691843 = 9,318.64; effects = L · ln(ratio):
    // 9,318.64 × [0.0269148, 0.250524, −0.130624, −0.0776305] = [250.81, 2,334.55, −1,217.24, −723.41]; Σ = 644.70.
    const g = 676708 * 1.067 * 1.069 * 1.066 * 1.061 * 1.023;
    const from = [k(137462, 676708, 430000, 9000)];
    const to = [k(141212, g, 498000, 9000 * (g / 676708) * 0.812)];
    const add = value(kayaDecomposition(from, to)).effects;
    [250.81, 2334.55, -1217.24, -723.41].forEach((x, i) => expect(add[i]).toBeCloseTo(x, 2));
    expect(sum(add)).toBeCloseTo(644.7036, 4);
    const mul = value(kayaDecomposition(from, to, "multiplicative")).effects;
    [1.02728, 1.284699, 0.877547, 0.925306].forEach((x, i) => expect(mul[i]).toBeCloseTo(x, 6));
  });
});
