/**
 * Driver rows whose rate moves within the period (Drivers "Rate at end", `endRate`; src/engine/scenario/
 * drivers.ts `rateInYear`, docs/model.md §4): the rate goes in a straight line from `rate` in the year
 * `from` to `endRate` in the year `to`, so a path can slow down year by year instead of stepping at
 * period ends — where, with constant rates per period, every peak would have to fall.
 */
import { compileScenario, emissionsOf, rateInYear, runModel, runMonteCarlo, runScenarios } from "../../src/engine";
import { issuesOf, value, type RawInput } from "./scenario-fixtures";

/** One city, one sector, 100 t in 2020 = H, 2020–2060, the given driver rows. */
function oneCell(drivers: Record<string, unknown>[], settings: Record<string, unknown> = {}): RawInput {
  return {
    settings: { baseYear: 2020, endYear: 2060, targetYear: 2030, units: "t", cluster: "X", ...settings },
    inventory: [{ city: "A", sector: "industry", value: 100 }],
    activities: [],
    drivers,
    levers: [],
  };
}

describe("end rate — argument validation", () => {
  test("an end rate outside −1…1 is a problem naming the field, like the rate's", () => {
    const issues = issuesOf(compileScenario(oneCell([{ variable: "gdp", city: "A", from: 2021, to: 2030, rate: 0.05, endRate: 5 }])));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([["rate_range", "drivers.0.endRate"]]);
  });
  test("a blank end rate is a constant rate (previous versions' rows unchanged)", () => {
    const a = value(runScenarios(oneCell([{ variable: "emissions", from: 2021, to: 2060, rate: 0.02, endRate: "" }])));
    const b = value(runScenarios(oneCell([{ variable: "emissions", from: 2021, to: 2060, rate: 0.02 }])));
    expect(Array.from(a.emissions[0])).toEqual(Array.from(b.emissions[0]));
  });
});

describe("end rate — reference values", () => {
  test("rateInYear is the straight line from (from, rate) to (to, endRate)", () => {
    const d = { from: 2021, to: 2025, rate: 0.05, endRate: 0.01 };
    expect([2021, 2022, 2023, 2024, 2025].map((y) => rateInYear(d, y))).toEqual(
      [0.05, 0.04, 0.03, 0.02, 0.01].map((x, i) => (i === 0 || i === 4 ? x : expect.closeTo(x, 15))),
    );
    expect(rateInYear({ from: 2021, to: 2021, rate: 0.05, endRate: 0.01 }, 2021)).toBe(0.05);
    expect(rateInYear({ from: 2021, to: 2030, rate: 0.05 }, 2027)).toBe(0.05);
  });
  test("emissions compound the interpolated rates: 100 t × 1.05 × 1.04 × 1.03 × 1.02 × 1.01 by 2025 (worked by hand)", () => {
    const r = value(
      runScenarios(
        oneCell([
          { variable: "emissions", from: 2021, to: 2025, rate: 0.05, endRate: 0.01 },
          { variable: "emissions", from: 2026, to: 2060, rate: 0 },
        ]),
      ),
    );
    const e = emissionsOf(r, "baseline", "A")!;
    expect(e[5]).toBeCloseTo(100 * 1.05 * 1.04 * 1.03 * 1.02 * 1.01, 10);
    expect(e[6]).toBe(e[5]);
  });
  test("a row reaching back into the measured years keeps its line: only the years after H are used", () => {
    // H = 2020 (measured); the row's line runs 2019 → 2023, 6 % → 2 %: −1 pp a year.
    const input = oneCell(
      [
        { variable: "emissions", from: 2019, to: 2023, rate: 0.06, endRate: 0.02 },
        { variable: "emissions", from: 2024, to: 2060, rate: 0 },
      ],
      { baseYear: 2019, lastHistoricalYear: 2020 },
    );
    input.inventory = [{ city: "A", sector: "industry", year: 2020, value: 100 }];
    const r = runScenarios(input);
    expect(r.ok && r.warnings.some((w) => w.code === "driver_partly_history")).toBe(true);
    const e = emissionsOf(value(r), "baseline", "A")!;
    // 2021: 6 % − 1 pp × 2 = 4 %; 2022: 3 %; 2023: 2 %.
    expect(e[4]).toBeCloseTo(100 * 1.04 * 1.03 * 1.02, 10);
  });
  test("a Kaya peak inside a period: GDP growth falling linearly 8 % → 0 % over 2021–2036 with energy intensity −3 %/yr peaks in the last year with (1 + g)(1 − d) ≥ 1 (2030)", () => {
    const d = 0.03;
    const r = value(
      runScenarios(
        oneCell([
          { variable: "gdp", city: "A", from: 2021, to: 2036, rate: 0.08, endRate: 0 },
          { variable: "gdp", city: "A", from: 2037, to: 2060, rate: 0 },
          { variable: "energy_intensity", from: 2021, to: 2060, rate: -d },
        ]),
      ),
    );
    // g(y) = 0.08·(2036 − y)/15 ≥ 1/(1 − d) − 1 = 0.030928 ⇔ y ≤ 2036 − 15·0.030928/0.08 = 2030.2 → 2030.
    expect(2036 - Math.ceil((15 * (1 / (1 - d) - 1)) / 0.08)).toBe(2030);
    expect(r.peaks.find((p) => p.region === "A")!.year).toBe(2030);
  });
});

describe("end rate — Monte Carlo", () => {
  const ramped = (dist: Record<string, unknown>) =>
    oneCell([
      { variable: "emissions", from: 2021, to: 2040, rate: 0.05, endRate: -0.05, ...dist },
      { variable: "emissions", from: 2041, to: 2060, rate: -0.05 },
    ]);
  test("zero spread: every draw is the deterministic run", () => {
    const input = ramped({ dist: "normal", sd: 0 });
    const det = value(runModel(value(compileScenario(input))));
    const mc = value(runMonteCarlo(input, { draws: 50, seed: 3 }));
    const row = mc.rows.find((x) => x.region === "A")!;
    expect(row.peakYear.p5).toBe(det.peaks[0].year);
    expect(row.peakYear.p95).toBe(det.peaks[0].year);
    expect(row.peakValue.p50).toBe(det.peaks[0].value);
  });
  test("a draw shifts the whole path: the peak moves smoothly inside the period instead of piling on its end", () => {
    // Rate 5 % → −5 % over 2021–2040 (−0.526 pp/yr), zero crossing 2030.5: the deterministic peak is 2030.
    // A uniform shift of ±2 pp moves the crossing by ±3.8 years: peaks spread over 2027–2034, none at 2040.
    const mc = value(runMonteCarlo(ramped({ dist: "uniform", min: 0.03, max: 0.07 }), { draws: 400, seed: 11 }));
    const row = mc.rows.find((x) => x.region === "A")!;
    expect(row.deterministic.year).toBe(2030);
    const byYear = new Map(Array.from(mc.years, (y, i) => [y, row.histogram[i]]));
    const seen = [...byYear].filter(([, n]) => n > 0).map(([y]) => y);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(2026);
    expect(Math.max(...seen)).toBeLessThanOrEqual(2034);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(byYear.get(2040)).toBe(0);
  });
});
