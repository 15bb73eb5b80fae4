/**
 * The Kaya identity C = P × (G/P) × (E/G) × (C/E) (Kaya 1990; IPCC AR5 WGIII, ch. 5) as the four
 * factors of an LMDI decomposition.
 */
import fc from "fast-check";
import { formatIssue, KAYA_FACTORS, kaya, kayaMatrix } from "../../src/engine";

describe("kaya — argument validation", () => {
  test("population, GDP and energy must be above 0 (each divides another term)", () => {
    const r = kaya({ population: 0, gdp: -1, energy: 0, co2: 5 });
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      "population: 0 must be greater than 0 (the Kaya identity divides by it)",
      "gdp: -1 must be greater than 0 (the Kaya identity divides by it)",
      "energy: 0 must be greater than 0 (the Kaya identity divides by it)",
    ]);
  });
  test("negative or non-finite emissions are rejected", () => {
    expect(kaya({ population: 1, gdp: 1, energy: 1, co2: -2 })).toMatchObject({ ok: false, issues: [{ code: "negative_value", path: ["co2"] }] });
    expect(kaya({ population: NaN, gdp: 1, energy: 1, co2: Infinity })).toMatchObject({
      ok: false,
      issues: [
        { code: "not_finite", path: ["population"] },
        { code: "not_finite", path: ["co2"] },
      ],
    });
  });
  test("kayaMatrix reports every row's problems at once, with the row", () => {
    const r = kayaMatrix([
      { population: 1, gdp: 0, energy: 1, co2: 1 },
      { population: 1, gdp: 1, energy: 1, co2: -1 },
    ]);
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      "[1].gdp: 0 must be greater than 0 (the Kaya identity divides by it)",
      "[2].co2: -1 is negative; emissions must be zero or more",
    ]);
    expect(kayaMatrix([]).ok).toBe(false);
  });
});

describe("kaya — edge cases", () => {
  test("zero emissions give a zero carbon intensity (LMDI then takes its zero limit)", () => {
    expect(kaya({ population: 2, gdp: 10, energy: 5, co2: 0 })).toMatchObject({ ok: true, value: { carbonIntensity: 0, product: 0, residual: 0 } });
  });
});

describe("kaya — invariants", () => {
  test("the four factors multiply back to the emissions (identity to 1e-12)", () => {
    const pos = fc.double({ min: 1e-3, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(pos, pos, pos, pos, (population, gdp, energy, co2) => {
        const r = kaya({ population, gdp, energy, co2 });
        return r.ok && r.value.residual < 1e-12;
      }),
    );
  });
});

describe("kaya — reference values", () => {
  test("factor order is population, GDP per capita, energy intensity, carbon intensity", () => {
    expect(KAYA_FACTORS).toEqual(["population", "gdp_per_capita", "energy_intensity", "carbon_intensity"]);
    // 2 persons, GDP 10, energy 5, CO2 10: G/P = 5, E/G = 0.5, C/E = 2; 2·5·0.5·2 = 10.
    expect(kayaMatrix([{ population: 2, gdp: 10, energy: 5, co2: 10 }])).toMatchObject({ ok: true, value: [[2, 5, 0.5, 2]] });
  });
  test("a city of 1e7 people, GDP 1.4e12 元, 4e7 tce and 1e8 tCO2: 1.4e5 元/person, 2.857e-5 tce/元, 2.5 tCO2/tce", () => {
    const r = kaya({ population: 1e7, gdp: 1.4e12, energy: 4e7, co2: 1e8 });
    expect(r.ok && r.value.gdpPerCapita).toBeCloseTo(1.4e5, 6);
    expect(r.ok && r.value.energyIntensity).toBeCloseTo(4e7 / 1.4e12, 15);
    expect(r.ok && r.value.carbonIntensity).toBe(2.5);
  });
});
