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

/** Relative gap between the effects' sum and the change, scaled by the emissions (the Kaya effects when the run has drivers). */
function relativeResidual(d: DecompositionRow): number {
  const sum = d.kaya
    ? d.kaya.population + d.kaya.gdpPerCapita + d.kaya.structure + d.kaya.energyIntensity + d.kaya.carbonIntensity + d.kaya.levers
    : d.activity + d.structure + d.levers;
  return Math.abs(sum - d.total) / Math.max(d.emissions0, d.emissions1, 1e-300);
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
  test("without drivers, the cluster's activity effect is Σ_s L(B_s,T, B_s,H) · ln(B_T / B_H), computed by hand", () => {
    // Two cities × two sectors growing at different rates (emission growth rows only: the three-factor split).
    const input = tinyInput();
    input.drivers = [
      { sector: "industry", from: 2021, to: 2030, rate: 0.03 },
      { sector: "transport", from: 2021, to: 2030, rate: -0.02 },
    ];
    const sample = run(input);
    const rows = decompose(sample);
    const S = sample.sectors.length;
    const Y = sample.years.length;
    const y1 = sample.settings.targetYear - sample.settings.baseYear;
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
    const d = row(rows, "baseline", "AB");
    expect(d.kaya).toBeUndefined();
    expect(d.activity).toBeCloseTo(activity, 9);
    expect(d.structure).toBeCloseTo(total1 - total0 - activity, 9);
  });

  test("长株潭 2019→2030 on the Kaya factors (Mt): GDP per capita +49.0 against energy intensity −26.2 and carbon intensity −21.7; the coordinated levers −4.95", () => {
    // The sample's drivers: published GDP growth to 2025, then 5 % → 3.5 %/yr; Hunan's energy-intensity path
    // (−14 % 2020→2025, easing after); the non-fossil share on a straight line to 80 % in 2060 (docs/model.md §15).
    const rows = decompose(run(changzhutanInput()));
    const mt = (x: number) => x / 1e6;
    const b = row(rows, "baseline", "长株潭");
    expect([b.baseYear, b.targetYear]).toEqual([2019, 2030]);
    expect(mt(b.emissions0)).toBeCloseTo(96.4336, 4);
    expect(mt(b.emissions1)).toBeCloseTo(95.6686, 4);
    expect(mt(b.kaya!.gdpPerCapita)).toBeCloseTo(49.047, 3);
    expect(mt(b.kaya!.energyIntensity)).toBeCloseTo(-26.1784, 3);
    expect(mt(b.kaya!.carbonIntensity)).toBeCloseTo(-21.6971, 3);
    expect(b.kaya!.levers).toBe(0);
    expect(mt(row(rows, "coordinated", "长株潭").kaya!.levers)).toBeCloseTo(-4.952, 3);
    expect(mt(row(rows, "independent", "长株潭").kaya!.levers)).toBeCloseTo(-0.2819, 3);
  });
});
