/**
 * Small scenario inputs and fast-check generators shared by the scenario engine tests.
 * Not a test file itself (jest runs *.test.ts only).
 */
import fc from "fast-check";
import type { Result, ScenarioResults } from "../../src/engine";

/** Unwraps a result or fails the test with its issues. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.issues, null, 1)}`);
  return r.value;
}

/** Unwraps a failure or fails the test. */
export function issuesOf<T>(r: Result<T>) {
  if (r.ok) throw new Error("expected a failure");
  return r.issues;
}

/** A plain (loosely typed) input object, as it would arrive from a sheet reader. */
export type RawInput = {
  settings: Record<string, unknown>;
  inventory: Record<string, unknown>[];
  activities?: Record<string, unknown>[];
  drivers?: Record<string, unknown>[];
  levers?: Record<string, unknown>[];
};

/** Two cities × two sectors, 2020–2030, flat baseline: A/industry 100, A/transport 50, B/industry 80, B/transport 20 (t). */
export function tinyInput(): RawInput {
  return {
    settings: { baseYear: 2020, endYear: 2030, targetYear: 2025, units: "t", cluster: "AB", scenarios: ["policy"] },
    inventory: [
      { city: "A", sector: "industry", value: 100 },
      { city: "A", sector: "transport", value: 50 },
      { city: "B", sector: "industry", value: 80 },
      { city: "B", sector: "transport", value: 20 },
    ],
    activities: [],
    drivers: [{ from: 2021, to: 2030, rate: 0 }],
    levers: [],
  };
}

/** Index helper for result arrays. */
export function at(r: ScenarioResults, scenario: string, city: string, sector: string, year: number): number {
  const k = r.scenarios.indexOf(scenario);
  const c = r.cities.indexOf(city);
  const s = r.sectors.indexOf(sector);
  const y = year - r.years[0];
  if (k < 0 || c < 0 || s < 0 || y < 0 || y >= r.years.length) throw new Error(`no cell ${scenario}/${city}/${sector}/${year}`);
  return r.emissions[k][(c * r.sectors.length + s) * r.years.length + y];
}

const CITY_NAMES = ["长沙", "株洲", "湘潭", "岳阳", "衡阳"];
const SECTOR_NAMES = ["industry", "transport", "buildings"];

/** Random lever rows for scenario `scenario` over `cities` × `sectors` with the activity "area". */
export function leverArb(scenario: string, cities: string[], sectors: string[], baseYear: number, endYear: number) {
  const years = fc.tuple(fc.integer({ min: baseYear, max: endYear }), fc.integer({ min: 0, max: 15 })).map(([s, d]) => [s, s + d] as const);
  const targets = <T>(names: T[]) => fc.oneof(fc.constant("all" as const), fc.subarray(names, { minLength: 1 }));
  const common = fc.record({
    cities: targets(cities),
    sectors: targets(sectors),
    years,
    shape: fc.constantFrom("linear", "s-curve", "step"),
  });
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const kindPart = fc.oneof(
    fc.record({ kind: fc.constant("reduce"), value: share, coverage: fc.option(share, { nil: undefined }) }),
    fc.record({ kind: fc.constant("intensity"), value: share, coverage: fc.option(share, { nil: undefined }) }),
    fc.record({ kind: fc.constant("activity"), value: share, activity: fc.constant("area") }),
    fc.record({ kind: fc.constant("align_best"), value: share, activity: fc.constant("area") }),
    fc.record({
      kind: fc.constant("structure_shift"),
      value: fc.double({ min: 0, max: 100, noNaN: true }),
      elasticity: fc.option(fc.double({ min: 0, max: 0.2, noNaN: true }), { nil: undefined }),
    }),
    fc.record({ kind: fc.constant("grid_factor"), value: share, electricityShare: share }),
  );
  return fc.tuple(common, kindPart).map(([c, k]) => {
    // Levers act only after the base year (the last historical year here): one starting in it ramps from 0.
    const start = c.years[0];
    let full = c.years[1];
    let shape = c.shape;
    if (start === baseYear) {
      if (shape === "step") shape = "linear";
      if (full === start) full = start + 1;
    }
    const row: Record<string, unknown> = { scenario, cities: c.cities, sectors: c.sectors, startYear: start, fullYear: full, shape, ...k };
    for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key];
    return row;
  });
}

/**
 * A random valid input: 1–4 cities × 1–3 sectors, 0–12 years, random base values (some zero),
 * cluster-wide, sector and city drivers, an activity "area" with intensities, and 0–6 levers in
 * scenario "S" (named L0, L1, …).
 */
export const inputArb = fc
  .record({
    C: fc.integer({ min: 1, max: 4 }),
    S: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 0, max: 12 }),
  })
  .chain(({ C, S, n }) => {
    const cities = CITY_NAMES.slice(0, C);
    const sectors = SECTOR_NAMES.slice(0, S);
    const baseYear = 2020;
    const endYear = baseYear + n;
    // tCO2: zero or between 1 kg and 10 Mt (no subnormal numbers: their products underflow to 0).
    const value = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e7, noNaN: true }));
    const rate = fc.double({ min: -0.1, max: 0.1, noNaN: true });
    return fc.record({
      cities: fc.constant(cities),
      sectors: fc.constant(sectors),
      baseYear: fc.constant(baseYear),
      endYear: fc.constant(endYear),
      base: fc.array(value, { minLength: C * S, maxLength: C * S }),
      area: fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: C, maxLength: C }),
      intensity: fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: C, maxLength: C }),
      allRate: rate,
      sectorRate: rate,
      cityRate: rate,
      areaRate: rate,
      levers: fc.array(leverArb("S", cities, sectors, baseYear, endYear), { maxLength: 6 }),
    });
  })
  .map((g) => {
    const input: RawInput = {
      settings: { baseYear: g.baseYear, endYear: g.endYear, targetYear: g.baseYear, units: "t", cluster: "cluster", scenarios: ["S"] },
      inventory: g.cities.flatMap((city, c) => g.sectors.map((sector, s) => ({ city, sector, value: g.base[c * g.sectors.length + s] }))),
      activities: g.cities.map((city, c) => ({ activity: "area", city, value: g.area[c], unit: "km²", intensity: g.intensity[c] })),
      drivers: [
        { from: g.baseYear + 1, to: Math.max(g.endYear, g.baseYear + 1), rate: g.allRate },
        { sector: g.sectors[0], from: g.baseYear + 1, to: Math.max(g.endYear, g.baseYear + 1), rate: g.sectorRate },
        { city: g.cities[0], from: g.baseYear + 1, to: Math.max(g.endYear, g.baseYear + 1), rate: g.cityRate },
        { variable: "area", from: g.baseYear + 1, to: Math.max(g.endYear, g.baseYear + 1), rate: g.areaRate },
      ],
      levers: g.levers.map((l, i) => ({ ...l, name: `L${i}` })),
    };
    return input;
  });
