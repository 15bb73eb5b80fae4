/**
 * Emissions from Kaya / LEAP drivers (src/engine/scenario/growth.ts, driver-rows.ts; docs/model.md §4):
 * after the last historical year each cell grows by activity × energy intensity × carbon intensity
 * (activity = GDP × value-added share, or a driving activity), emission growth rows win where they
 * cover a cell, the last historical year reproduces the inventory exactly, and the peak emerges where
 * the fall of intensity overtakes the growth of activity: with GDP growth g_t and an energy-intensity
 * decline d, E_t / E_{t−1} = (1 + g_t)(1 − d), so emissions peak in the last year with (1 + g_t)(1 − d) ≥ 1.
 */
import fc from "fast-check";
import { compileScenario, emissionsOf, formatIssue, runScenarios } from "../../src/engine";
import { at, issuesOf, value, type RawInput } from "./scenario-fixtures";

/** One city, one sector, 100 t in 2020 = H, 2020–2060, the given driver rows. */
function oneCell(drivers: Record<string, unknown>[], extra: Partial<RawInput> = {}): RawInput {
  return {
    settings: { baseYear: 2020, endYear: 2060, targetYear: 2030, units: "t", cluster: "X" },
    inventory: [{ city: "A", sector: "industry", value: 100 }],
    activities: [],
    drivers,
    levers: [],
    ...extra,
  };
}

/** GDP growth falling 0.5 pp a year from 8 % in 2021 (one row per year). */
const fallingGdp = (variable = "gdp") => Array.from({ length: 40 }, (_, k) => ({ variable, city: "A", from: 2021 + k, to: 2021 + k, rate: 0.08 - 0.005 * k }));

describe("Kaya drivers — reference values", () => {
  test("a peak known in closed form: GDP growth 8 % falling 0.5 pp/yr, energy intensity −3 %/yr → the peak is the last year with (1 + g)(1 − d) ≥ 1 (2030)", () => {
    const d = 0.03;
    const r = value(runScenarios(oneCell([...fallingGdp(), { variable: "energy_intensity", from: 2021, to: 2060, rate: -d }])));
    // (1 + g_k)(1 − d) ≥ 1 ⇔ g_k ≥ 1/(1 − d) − 1 ⇔ k ≤ (0.08 − (1/(1 − d) − 1)) / 0.005 = 9.81 → k = 9, the year 2030.
    const kStar = Math.floor((0.08 - (1 / (1 - d) - 1)) / 0.005);
    expect(2021 + kStar).toBe(2030);
    expect(r.peaks.find((p) => p.region === "A")!.year).toBe(2030);
    // E(2030) = 100 · Π_{k=0..9} (1 + 0.08 − 0.005k)(0.97)
    let e = 100;
    for (let k = 0; k <= 9; k++) e *= (1 + 0.08 - 0.005 * k) * (1 - d);
    expect(at(r, "baseline", "A", "industry", 2030)).toBeCloseTo(e, 9);
  });
  test("population × GDP per capita is GDP: the same path, the same peak", () => {
    const pop = { variable: "人口", city: "A", from: 2021, to: 2060, rate: 0.01 };
    const gpc = Array.from({ length: 40 }, (_, k) => ({ variable: "人均GDP", city: "A", from: 2021 + k, to: 2021 + k, rate: (1.08 - 0.005 * k) / 1.01 - 1 }));
    const a = value(runScenarios(oneCell([...fallingGdp(), { variable: "energy_intensity", from: 2021, to: 2060, rate: -0.03 }])));
    const b = value(runScenarios(oneCell([pop, ...gpc, { variable: "能源强度", from: 2021, to: 2060, rate: -0.03 }])));
    const ea = emissionsOf(a, "baseline", "A")!;
    const eb = emissionsOf(b, "baseline", "A")!;
    ea.forEach((x, i) => expect(eb[i]).toBeCloseTo(x, 9));
    expect(b.peaks[0].year).toBe(2030);
  });
  test("carbon intensity and value-added share multiply in; an emission growth row wins where it covers", () => {
    const input = oneCell([
      { variable: "gdp", city: "A", from: 2021, to: 2060, rate: 0.05 },
      { variable: "value_added_share", sector: "industry", from: 2021, to: 2060, rate: -0.02 },
      { variable: "carbon_intensity", from: 2021, to: 2060, rate: -0.01 },
      { variable: "emissions", city: "A", sector: "industry", from: 2026, to: 2030, rate: 0.1 },
    ]);
    const res = runScenarios(input);
    const r = value(res);
    const k = 1.05 * 0.98 * 0.99;
    expect(at(r, "baseline", "A", "industry", 2025)).toBeCloseTo(100 * k ** 5, 9);
    expect(at(r, "baseline", "A", "industry", 2030)).toBeCloseTo(100 * k ** 5 * 1.1 ** 5, 9);
    expect(at(r, "baseline", "A", "industry", 2031)).toBeCloseTo(100 * k ** 6 * 1.1 ** 5, 9);
    // The share and carbon-intensity rows are overridden in 2026–2030: said, not silent.
    expect(res.ok && res.warnings.filter((w) => w.code === "driver_partly_overridden").length).toBe(2);
  });
  test("an activity drives its sectors (floor area): buildings grow with the floor area, not with GDP", () => {
    const input = oneCell([
      { variable: "gdp", city: "A", from: 2021, to: 2060, rate: 0.06 },
      { variable: "floor", city: "A", from: 2021, to: 2060, rate: 0.02 },
      { variable: "energy_intensity", sector: "buildings", from: 2021, to: 2060, rate: -0.01 },
    ]);
    input.inventory.push({ city: "A", sector: "buildings", value: 50 });
    input.activities = [{ activity: "floor", city: "A", value: 1e6, unit: "m²", sectors: "buildings" }];
    const r = value(runScenarios(input));
    expect(at(r, "baseline", "A", "buildings", 2030)).toBeCloseTo(50 * (1.02 * 0.99) ** 10, 9);
    expect(at(r, "baseline", "A", "industry", 2030)).toBeCloseTo(100 * 1.06 ** 10, 9);
  });
  test("avoid_growth avoids a share of the activity's growth after H, never the stock: 50 % of 2 km² new area at 10 t/km²", () => {
    const input = oneCell([{ variable: "area", city: "A", from: 2021, to: 2060, rate: 0.1 }], {
      activities: [{ activity: "area", city: "A", value: 10, intensity: 10 }],
      levers: [
        {
          scenario: "compact",
          name: "land",
          cities: "A",
          sectors: "all",
          kind: "avoid_growth",
          activity: "area",
          value: 0.5,
          startYear: 2020,
          fullYear: 2020 + 1,
          shape: "linear",
        },
      ],
    });
    input.inventory[0].value = 1000;
    const r = value(runScenarios(input));
    // 2022: area 12.1 km², growth since 2020 2.1 km², half avoided = 1.05 km² × 10 t = 10.5 t of 1000 t.
    expect(at(r, "compact", "A", "industry", 2022)).toBeCloseTo(1000 - 10.5, 9);
    expect(at(r, "compact", "A", "industry", 2020)).toBe(1000);
  });
});

describe("Kaya drivers — argument validation", () => {
  test("GDP and GDP per capita for the same city and year, a sector on a city driver, a share without a sector: problems naming the rows", () => {
    const input = oneCell([
      { variable: "gdp", city: "A", from: 2021, to: 2030, rate: 0.05 },
      { variable: "gdp_per_capita", from: 2021, to: 2060, rate: 0.04, source: { sheet: "Drivers", row: 3, columns: { variable: "A" } } },
      { variable: "population", sector: "industry", from: 2021, to: 2060, rate: 0.01 },
      { variable: "value_added_share", from: 2021, to: 2060, rate: 0.01 },
    ]);
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["driver_sector_for_city_variable", "drivers.2.sector"],
      ["driver_sector_required", "drivers.3.sector"],
      ["driver_gdp_both", "drivers.1.variable"],
    ]);
    expect(formatIssue(issues[2])).toBe(
      "Drivers!A3: A: GDP and GDP per capita both have a growth rate in 2021 (entry 1); give one of them (GDP per capita = GDP ÷ population)",
    );
  });
  test("an energy-intensity row overridden by emission rows in every cell is a problem (it would be ignored)", () => {
    const input = oneCell([
      { variable: "emissions", from: 2021, to: 2060, rate: 0.01 },
      { variable: "energy_intensity", city: "A", from: 2021, to: 2060, rate: -0.03 },
    ]);
    expect(issuesOf(compileScenario(input)).map((i) => i.code)).toEqual(["driver_overridden"]);
  });
  test("an unknown variable lists the driver variables and the activities", () => {
    const issues = issuesOf(compileScenario(oneCell([{ variable: "rainfall", from: 2021, to: 2060, rate: 0.01 }])));
    expect(formatIssue(issues[0])).toBe(
      'Drivers, entry 1: "rainfall" is neither a driver variable (emissions, population, gdp, gdp_per_capita, value_added_share, energy_intensity, carbon_intensity) nor an activity (none)',
    );
  });
});

describe("Kaya drivers — invariants", () => {
  const rate = fc.double({ min: -0.2, max: 0.2, noNaN: true });
  const drivers = fc.record({
    gdp: fc.option(rate, { nil: undefined }),
    pop: fc.option(rate, { nil: undefined }),
    gpc: fc.option(rate, { nil: undefined }),
    share: fc.option(rate, { nil: undefined }),
    ei: fc.option(rate, { nil: undefined }),
    ci: fc.option(rate, { nil: undefined }),
    e: fc.option(rate, { nil: undefined }),
    from: fc.integer({ min: 2021, max: 2030 }),
    H: fc.integer({ min: 2018, max: 2022 }),
    base: fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 4, maxLength: 4 }),
  });
  test("calibration: the last historical year reproduces the inventory exactly, whatever the drivers", () => {
    fc.assert(
      fc.property(drivers, (g) => {
        const rows: Record<string, unknown>[] = [];
        const add = (variable: string, r: number | undefined, extra: Record<string, unknown> = {}) =>
          r !== undefined && rows.push({ variable, from: g.from, to: 2040, rate: r, ...extra });
        add("gdp", g.gdp, { city: "A" });
        if (g.gdp === undefined) add("gdp_per_capita", g.gpc);
        add("population", g.pop);
        add("value_added_share", g.share, { sector: "transport" });
        add("energy_intensity", g.ei);
        add("carbon_intensity", g.ci, { city: "B" });
        add("emissions", g.e, { sector: "industry", city: "B" });
        const inventory = ["A", "B"].flatMap((city, c) =>
          ["industry", "transport"].flatMap((sector, s) =>
            [2018, 2019, 2020, 2021, 2022].filter((y) => y <= g.H).map((year) => ({ city, sector, year, value: g.base[c * 2 + s] * (1 + (year - 2018) / 10) })),
          ),
        );
        const input: RawInput = {
          settings: { baseYear: 2018, endYear: 2040, targetYear: 2030, units: "t", lastHistoricalYear: g.H },
          inventory,
          activities: [],
          drivers: rows.filter((r) => (r.from as number) > g.H),
          levers: [],
        };
        const res = compileScenario(input);
        if (!res.ok) return; // e.g. a Kaya row overridden everywhere: a problem, not this property's case
        const r = value(runScenarios(input));
        for (const row of inventory.filter((x) => x.year === g.H)) expect(at(r, "baseline", row.city, row.sector, g.H)).toBe(row.value);
      }),
      { numRuns: 200 },
    );
  });
});
