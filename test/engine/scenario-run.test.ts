/**
 * The scenario run (src/engine/scenario/run.ts): baseline × levers on every (city, sector, year),
 * multiplicative combination and log-share attribution (docs/design.md §3), cluster totals and peaks.
 * Property tests draw random inputs (cities, sectors, drivers, every lever kind) from scenario-fixtures.
 */
import fc from "fast-check";
import {
  runScenarios,
  cityTotals,
  clusterTotal,
  clusterSeries,
  seriesFromArrays,
  findPeak,
  emissionRows,
  reductionRows,
  type ScenarioResults,
} from "../../src/engine";
import { inputArb, tinyInput, value, at, type RawInput } from "./scenario-fixtures";

function run(input: RawInput): ScenarioResults {
  return value(runScenarios(input));
}
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
const dims = (r: ScenarioResults) => ({ cities: r.cities, sectors: r.sectors, years: r.years });

describe("runScenarios — reference values", () => {
  test("a 20% reduce lever on A/industry, linear 2020→2030, leaves 90 t in 2025 and 80 t from 2030 (100 t flat baseline)", () => {
    const input = tinyInput();
    input.levers = [{ scenario: "policy", name: "cut", cities: "A", sectors: "industry", kind: "reduce", value: 0.2, startYear: 2020, fullYear: 2030 }];
    const r = run(input);
    expect(at(r, "policy", "A", "industry", 2020)).toBe(100);
    expect(at(r, "policy", "A", "industry", 2025)).toBeCloseTo(90, 10);
    expect(at(r, "policy", "A", "industry", 2030)).toBeCloseTo(80, 10);
    expect(at(r, "policy", "A", "transport", 2030)).toBe(50);
  });
  test("two levers 0.1 and 0.2 on one sector remove 28%, attributed 0.3207 : 0.6793 (ln 0.9 : ln 0.8)", () => {
    const input = tinyInput();
    input.levers = [
      { scenario: "policy", name: "a", cities: "all", sectors: "industry", kind: "reduce", value: 0.1, startYear: 2021, fullYear: 2021, shape: "step" },
      { scenario: "policy", name: "b", cities: "all", sectors: "industry", kind: "intensity", value: 0.2, startYear: 2021, fullYear: 2021, shape: "step" },
    ];
    const r = run(input);
    expect(at(r, "policy", "B", "industry", 2021)).toBeCloseTo(80 * 0.72, 10);
    const red = r.reductions[1];
    const S = r.sectors.length;
    const Y = r.years.length;
    const total = (100 + 80) * 0.28;
    expect(red.bySector[(0 * S + 0) * Y + 1]).toBeCloseTo((total * Math.log(0.9)) / Math.log(0.72), 9);
    expect(red.bySector[(1 * S + 0) * Y + 1]).toBeCloseTo((total * Math.log(0.8)) / Math.log(0.72), 9);
  });
  test("results convert inventory units to tCO2: 1.5 Mt is 1 500 000 t", () => {
    const input = tinyInput();
    input.settings.units = "Mt";
    input.inventory[0].value = 1.5;
    expect(at(run(input), "baseline", "A", "industry", 2020)).toBe(1.5e6);
  });
  test("long tables list every scenario × city × sector × year, and every targeted sector of every lever", () => {
    const input = tinyInput();
    input.levers = [
      { scenario: "policy", name: "cut", cities: "A", sectors: ["industry", "transport"], kind: "reduce", value: 0.2, startYear: 2020, fullYear: 2030 },
    ];
    const r = run(input);
    expect(emissionRows(r)).toHaveLength(2 * 2 * 2 * 11);
    expect(emissionRows(r)[0]).toEqual({ scenario: "baseline", city: "A", sector: "industry", year: 2020, emissions: 100, basis: "measured" });
    expect(emissionRows(r)[1]).toMatchObject({ year: 2021, basis: "projected" });
    const rows = reductionRows(r);
    expect(rows).toHaveLength(2 * 11);
    expect(rows.find((x) => x.sector === "transport" && x.year === 2030)!.reduction).toBeCloseTo(10, 10);
  });
});

describe("runScenarios — peaks", () => {
  test("every city and the cluster get a peak row in every scenario, matching findPeak on their totals", () => {
    const input = tinyInput();
    input.drivers = [
      { from: 2021, to: 2025, rate: 0.02 },
      { from: 2026, to: 2030, rate: -0.01 },
    ];
    input.levers = [{ scenario: "policy", name: "cut", cities: "all", sectors: "all", kind: "reduce", value: 0.3, startYear: 2021, fullYear: 2024 }];
    const r = run(input);
    expect(r.peaks.map((p) => `${p.scenario}/${p.region}`)).toEqual(["baseline/A", "baseline/B", "baseline/AB", "policy/A", "policy/B", "policy/AB"]);
    const cluster = clusterTotal(dims(r), r.emissions[1]);
    const p = findPeak(seriesFromArrays(r.years, cluster));
    expect(p.ok && p.value.year).toBe(r.peaks[5].year);
    expect(r.peaks[2]).toMatchObject({ year: 2025, status: "peaked", byTarget: true, gapAfterTarget: 0 });
    expect(r.peaks[5]).toMatchObject({ year: 2021, byTarget: true });
  });
  test("a cluster still rising at the end is not peaked by the target year, and its gap after the target is Σ max(0, E(y) − E(target))", () => {
    const input = tinyInput();
    input.drivers = [{ from: 2021, to: 2030, rate: 0.01 }];
    const r = run(input);
    const cl = r.peaks.find((p) => p.isCluster && p.scenario === "baseline")!;
    expect(cl).toMatchObject({ year: 2030, status: "rising", byTarget: false });
    const e = clusterTotal(dims(r), r.emissions[0]);
    let gap = 0;
    for (let y = 6; y < e.length; y++) gap += e[y] - e[5];
    expect(cl.gapAfterTarget).toBeCloseTo(gap, 8);
  });
});

describe("runScenarios — invariants", () => {
  test("no levers ⇒ the scenario equals the baseline, cell for cell", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = run({ ...input, levers: [] });
        expect(r.scenarios).toEqual(["baseline", "S"]);
        expect(Array.from(r.emissions[1])).toEqual(Array.from(r.emissions[0]));
      }),
      { numRuns: 60 },
    );
  });
  test("the order of lever rows never changes results or attributions", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 1e6 }), (input, seed) => {
        const a = run(input);
        const b = run({ ...input, levers: shuffled(input.levers ?? [], seed) });
        expect(Array.from(b.emissions[1])).toEqual(Array.from(a.emissions[1]));
        const L = a.reductions[1].levers.length;
        const n = a.reductions[1].bySector.length / Math.max(L, 1);
        a.reductions[1].levers.forEach((l, i) => {
          const j = b.reductions[1].levers.findIndex((x) => x.name === l.name);
          expect(Array.from(b.reductions[1].bySector.subarray(j * n, (j + 1) * n))).toEqual(Array.from(a.reductions[1].bySector.subarray(i * n, (i + 1) * n)));
        });
      }),
      { numRuns: 80 },
    );
  });
  test("attributions sum to the total reduction of every city and year (1e-9 relative, beyond float rounding of the baseline), by sector and by city alike", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = run(input);
        const C = r.cities.length;
        const S = r.sectors.length;
        const Y = r.years.length;
        const red = r.reductions[1];
        const L = red.levers.length;
        const base = cityTotals(dims(r), r.emissions[0]);
        const scen = cityTotals(dims(r), r.emissions[1]);
        for (let c = 0; c < C; c++) {
          for (let y = 0; y < Y; y++) {
            const total = base[c * Y + y] - scen[c * Y + y];
            let sum = 0;
            for (let l = 0; l < L; l++) sum += red.byCity[(l * C + c) * Y + y];
            // total = baseline − scenario is itself rounded at the scale of the baseline (≈ 1e-16 relative);
            // beyond that the parts must match it to 1e-9 of the reduction.
            expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-9 * Math.abs(total) + 1e-14 * base[c * Y + y]);
          }
        }
        let bySector = 0;
        let byCity = 0;
        for (let i = 0; i < L * S * Y; i++) bySector += red.bySector[i];
        for (let i = 0; i < L * C * Y; i++) byCity += red.byCity[i];
        expect(Math.abs(bySector - byCity)).toBeLessThanOrEqual(1e-9 * Math.max(byCity, 1));
      }),
      { numRuns: 80 },
    );
  });
  test("cluster totals equal the sum of the members (and what clusterSeries makes of them)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = run(input);
        const Y = r.years.length;
        for (const e of r.emissions) {
          const byCity = cityTotals(dims(r), e);
          const total = clusterTotal(dims(r), e);
          const members = r.cities.map((name, c) => ({ name, series: seriesFromArrays(r.years, byCity.subarray(c * Y, (c + 1) * Y)) }));
          const cs = value(clusterSeries(members));
          for (let y = 0; y < Y; y++) {
            let sum = 0;
            for (let c = 0; c < r.cities.length; c++) sum += byCity[c * Y + y];
            expect(Math.abs(total[y] - sum)).toBeLessThanOrEqual(1e-12 * Math.max(sum, 1));
            expect(Math.abs(cs.series.values[y] - total[y])).toBeLessThanOrEqual(1e-12 * Math.max(sum, 1));
          }
        }
        const clusterRows = r.peaks.filter((p) => p.isCluster);
        expect(clusterRows).toHaveLength(r.scenarios.length);
      }),
      { numRuns: 60 },
    );
  });
  test("a lever with value 0 changes nothing and is attributed nothing", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 5 }), (input, pick) => {
        const levers = input.levers ?? [];
        const a = run(input);
        const zero = {
          scenario: "S",
          name: "zero",
          cities: "all",
          sectors: "all",
          kind: ["reduce", "intensity", "activity", "align_best", "structure_shift", "grid_factor"][pick],
          value: 0,
          startYear: 2021,
          fullYear: 2021,
          shape: "step",
        } as Record<string, unknown>;
        if (zero.kind === "activity" || zero.kind === "align_best") zero.activity = "area";
        if (zero.kind === "grid_factor") zero.electricityShare = 0.7;
        const b = run({ ...input, levers: [...levers, zero] });
        expect(Array.from(b.emissions[1])).toEqual(Array.from(a.emissions[1]));
        const j = b.reductions[1].levers.findIndex((l) => l.name === "zero");
        const n = b.reductions[1].bySector.length / b.reductions[1].levers.length;
        expect(Array.from(b.reductions[1].bySector.subarray(j * n, (j + 1) * n)).every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
  test("reductions never exceed the baseline: 0 ≤ scenario ≤ baseline in every cell, and every attribution is ≥ 0", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = run(input);
        r.emissions[1].forEach((e, i) => {
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(r.emissions[0][i]);
        });
        r.reductions[1].bySector.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
      }),
      { numRuns: 80 },
    );
  });
  test("a lever in another scenario leaves this one untouched", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const other = (input.levers ?? []).map((l) => ({ ...l, scenario: "T" }));
        const r = run({ ...input, levers: [...(input.levers ?? []), ...other] });
        const a = run(input);
        expect(Array.from(r.emissions[1])).toEqual(Array.from(a.emissions[1]));
      }),
      { numRuns: 40 },
    );
  });
});

describe("runScenarios — edge cases", () => {
  test("a full cut (share 1) takes the cell to exactly 0 and the full cut is attributed the whole reduction", () => {
    const input = tinyInput();
    input.levers = [
      { scenario: "policy", name: "ban", cities: "B", sectors: "transport", kind: "reduce", value: 1, startYear: 2025, fullYear: 2025, shape: "step" },
      { scenario: "policy", name: "half", cities: "B", sectors: "transport", kind: "reduce", value: 0.5, startYear: 2021, fullYear: 2021, shape: "step" },
    ];
    const r = run(input);
    expect(at(r, "policy", "B", "transport", 2024)).toBeCloseTo(10, 12);
    expect(at(r, "policy", "B", "transport", 2025)).toBe(0);
    const red = r.reductions[1];
    const C = r.cities.length;
    const Y = r.years.length;
    expect(red.byCity[(0 * C + 1) * Y + 5]).toBe(20);
    expect(red.byCity[(1 * C + 1) * Y + 5]).toBe(0);
    expect(red.byCity[(1 * C + 1) * Y + 4]).toBeCloseTo(10, 12);
  });
  test("a scenario listed in the settings without levers is run and equals the baseline", () => {
    const r = run(tinyInput());
    expect(r.scenarios).toEqual(["baseline", "policy"]);
    expect(Array.from(r.emissions[1])).toEqual(Array.from(r.emissions[0]));
    expect(r.reductions[1].levers).toEqual([]);
  });
  test("end year = base year runs a single year: too few points for a peak call (insufficient)", () => {
    const input = tinyInput();
    input.settings.endYear = 2020;
    input.settings.targetYear = 2020;
    const r = run(input);
    expect(r.years.length).toBe(1);
    expect(r.peaks[0]).toMatchObject({ year: 2020, status: "insufficient", points: 1, byTarget: false });
  });
});
