/**
 * The decomposition of a run (src/engine/decomposition/scenario-decomposition.ts, docs/decomposition.md §6):
 * activity / structure / levers effects of the change from the base year to the target year, per
 * scenario, city and the cluster, by the engine's LMDI-I (the sheet it becomes: test/app/decomposition-sheet.test.ts).
 * Reference values: the 长株潭 sample (src/samples/changzhutan.ts, CEADs data — citation in data/README.md).
 */
import fc from "fast-check";
import { logMean, runScenarios, scenarioDecomposition, type DecompositionRow, type ScenarioResults } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { tinyInput, type RawInput } from "./scenario-fixtures";
import { value } from "../helpers/result";

const run = (input: RawInput | ReturnType<typeof changzhutanInput>): ScenarioResults => value(runScenarios(input));
const decompose = (r: ScenarioResults): DecompositionRow[] => value(scenarioDecomposition(r));
const row = (rows: DecompositionRow[], scenario: string, region: string) => rows.find((d) => d.scenario === scenario && d.region === region)!;

/** Relative gap between the effects' sum and the change, scaled by the emissions. */
function relativeResidual(d: DecompositionRow): number {
  return Math.abs(d.activity + d.structure + d.levers - d.total) / Math.max(d.emissions0, d.emissions1, 1e-300);
}

function withLever(input: RawInput, lever: Record<string, unknown>): RawInput {
  return { ...input, levers: [{ scenario: "policy", name: "cut", cities: "all", startYear: 2021, fullYear: 2025, shape: "linear", ...lever }] };
}

describe("edge cases", () => {
  test("a sector at 0 in the baseline (both years) adds nothing and never makes a NaN", () => {
    const input = tinyInput();
    input.inventory[1].value = 0; // A/transport is empty
    const rows = decompose(run(withLever(input, { sectors: "all", kind: "reduce", value: 0.5 })));
    for (const d of rows) {
      expect([d.activity, d.structure, d.levers, d.total].every(Number.isFinite)).toBe(true);
      expect(relativeResidual(d)).toBeLessThan(1e-12);
    }
  });

  test("a sector cut by 100% vanishes through the levers factor (the analytical limit, no split)", () => {
    const input = withLever(tinyInput(), { sectors: "transport", kind: "reduce", value: 1 });
    const r = value(scenarioDecomposition(run(input)));
    const a = row(r, "policy", "A");
    // Flat baseline: activity and structure stay put; A/transport's 50 t go through the levers factor.
    expect(a.activity).toBeCloseTo(0, 12);
    expect(a.structure).toBeCloseTo(0, 12);
    expect(a.levers).toBeCloseTo(-50, 9);
    expect(a.total).toBeCloseTo(-50, 9);
  });

  test("a city with no emissions at all has every effect 0", () => {
    const input = tinyInput();
    input.inventory[2].value = 0;
    input.inventory[3].value = 0;
    const b = row(decompose(run(withLever(input, { sectors: "all", kind: "reduce", value: 0.3 }))), "policy", "B");
    expect([b.activity, b.structure, b.levers, b.total]).toEqual([0, 0, 0, 0]);
  });

  test("a target year equal to the base year gives zero effects", () => {
    const input = withLever(tinyInput(), { sectors: "all", kind: "reduce", value: 0.3 });
    input.settings.targetYear = 2020;
    for (const d of decompose(run(input))) expect([d.activity, d.structure, d.levers, d.total]).toEqual([0, 0, 0, 0]);
  });
});

describe("invariants", () => {
  const sample = run(changzhutanInput());
  const rows = decompose(sample);

  test("one row per scenario and per city and the cluster, in the order of the peaks", () => {
    expect(rows.map((d) => [d.scenario, d.region, d.isCluster])).toEqual(sample.peaks.map((p) => [p.scenario, p.region, p.isCluster]));
  });

  test("the effects sum to the change to 1e-9 relative (长株潭 sample)", () => {
    for (const d of rows) expect(relativeResidual(d)).toBeLessThan(1e-9);
    for (const d of rows) expect(Math.abs(d.residual)).toBeLessThan(1e-9 * Math.max(d.emissions0, d.emissions1));
  });

  test("the baseline scenario's levers effect is exactly 0", () => {
    for (const d of rows.filter((x) => x.scenario === sample.scenarios[0])) expect(d.levers).toBe(0);
  });

  test("for random growth and levers the effects sum to the change (1e-9 relative)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("industry", "transport", "all"),
        (rates, share, sectors) => {
          const input = withLever(tinyInput(), { sectors, kind: "reduce", value: share });
          input.drivers = [
            { city: "A", sector: "industry", from: 2021, to: 2030, rate: rates[0] },
            { city: "A", sector: "transport", from: 2021, to: 2030, rate: rates[1] },
            { city: "B", sector: "industry", from: 2021, to: 2030, rate: rates[2] },
            { city: "B", sector: "transport", from: 2021, to: 2030, rate: rates[3] },
          ];
          for (const d of decompose(run(input))) expect(relativeResidual(d)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("reference values", () => {
  const sample = run(changzhutanInput());
  const rows = decompose(sample);
  const S = sample.sectors.length;
  const Y = sample.years.length;
  const y1 = sample.settings.targetYear - sample.settings.baseYear;

  test("the baseline cluster's activity effect is Σ_s L(B_s,2030, B_s,2015) · ln(B_2030 / B_2015), computed by hand", () => {
    const b = sample.emissions[0];
    const sector = (s: number, y: number) => sample.cities.reduce((a, _c, c) => a + b[(c * S + s) * Y + y], 0);
    let total0 = 0;
    let total1 = 0;
    for (let s = 0; s < S; s++) {
      total0 += sector(s, 0);
      total1 += sector(s, y1);
    }
    let activity = 0;
    for (let s = 0; s < S; s++) activity += logMean(sector(s, y1), sector(s, 0)) * Math.log(total1 / total0);
    const d = row(rows, "baseline", "长株潭");
    expect(d.activity).toBeCloseTo(activity, 6);
    expect(d.structure).toBeCloseTo(total1 - total0 - activity, 6);
  });

  test("长株潭 2015→2030 (Mt): the coordinated cluster falls by 7.71, levers −32.08 against activity +24.65", () => {
    const mt = (x: number) => x / 1e6;
    const c = row(rows, "coordinated", "长株潭");
    expect(mt(c.emissions0)).toBeCloseTo(91.2045, 4);
    expect(mt(c.emissions1)).toBeCloseTo(83.4918, 4);
    expect(mt(c.total)).toBeCloseTo(-7.7127, 4);
    expect(mt(c.activity)).toBeCloseTo(24.6526, 4);
    expect(mt(c.structure)).toBeCloseTo(-0.2877, 4);
    expect(mt(c.levers)).toBeCloseTo(-32.0776, 4);
    const i = row(rows, "independent", "长株潭");
    expect(mt(i.levers)).toBeCloseTo(-0.6885, 4);
    expect(mt(row(rows, "baseline", "长株潭").total)).toBeCloseTo(29.7808, 4);
  });
});
