/**
 * One-at-a-time sensitivity (src/engine/uncertainty/sensitivity.ts; docs/uncertainty.md): each uncertain
 * input at its 5th and 95th percentile, the rest at their deterministic values; per scenario the cluster's
 * peak year and target-year emissions; rows sorted by the swing of those emissions.
 */
import { oneAtATime, runScenarios, triangularQuantile } from "../../src/engine";
import { issuesOf, value, type RawInput } from "./scenario-fixtures";

const Z95 = 1.6448536269514722; // Φ⁻¹(0.95)

/** Cities A, B: 100 t each in H = 2020; emissions +2 %/yr (normal, SD 1 pp) to 2030; a policy scenario cutting 20 % (triangular 10–30 %). */
function input(extra: { shocks?: string; drivers?: Record<string, unknown>[] } = {}): RawInput {
  return {
    settings: {
      baseYear: 2020,
      endYear: 2030,
      targetYear: 2030,
      units: "t",
      cluster: "AB",
      scenarios: ["policy"],
      ...(extra.shocks ? { shocks: extra.shocks } : {}),
    },
    inventory: [
      { city: "A", sector: "all", value: 100 },
      { city: "B", sector: "all", value: 100 },
    ],
    activities: [],
    drivers: extra.drivers ?? [{ from: 2021, to: 2030, rate: 0.02, dist: "normal", sd: 0.01 }],
    levers: [
      {
        scenario: "policy",
        name: "cut",
        cities: "all",
        sectors: "all",
        kind: "reduce",
        value: 0.2,
        startYear: 2021,
        fullYear: 2021,
        shape: "step",
        dist: "triangular",
        min: 0.1,
        max: 0.3,
      },
    ],
  };
}

describe("one-at-a-time — argument validation", () => {
  test("an invalid input fails with the same issues as a run", () => {
    const bad = { ...input(), levers: [{ ...input().levers![0], value: 2 }] };
    expect(issuesOf(oneAtATime(bad))).toEqual(issuesOf(runScenarios(bad)));
  });
  test("without any distribution: no rows and the warning mc_no_uncertainty", () => {
    const certain = input({ drivers: [{ from: 2021, to: 2030, rate: 0.02 }] });
    certain.levers = [{ ...certain.levers![0], dist: "", min: "", max: "" }];
    const r = oneAtATime(certain);
    expect(value(r).rows).toEqual([]);
    expect(r.ok && r.warnings.map((w) => w.code)).toContain("mc_no_uncertainty");
  });
});

describe("one-at-a-time — reference values", () => {
  test("a normal rate at its P5 / P95 is rate ∓ 1.645 SD: the 2030 cluster is 200 t × (1 + 0.02 ∓ 1.645·0.01)^10 (worked by hand)", () => {
    const s = value(oneAtATime(input()));
    const d = s.rows.find((x) => x.kind === "driver")!;
    expect(d.values[0]).toBeCloseTo(0.02 - Z95 * 0.01, 15);
    expect(d.values[1]).toBeCloseTo(0.02 + Z95 * 0.01, 15);
    const base = d.outcomes.find((o) => o.low.scenario === "baseline")!;
    expect(base.low.targetYearEmissions).toBeCloseTo(200 * (1 + 0.02 - Z95 * 0.01) ** 10, 9);
    expect(base.high.targetYearEmissions).toBeCloseTo(200 * (1 + 0.02 + Z95 * 0.01) ** 10, 9);
    expect(s.deterministic.find((o) => o.scenario === "baseline")!.targetYearEmissions).toBeCloseTo(200 * 1.02 ** 10, 9);
  });
  test("a triangular lever at its P5 / P95 is the triangular quantile; it moves the policy scenario only", () => {
    const s = value(oneAtATime(input()));
    const l = s.rows.find((x) => x.kind === "lever")!;
    expect([l.name, l.scenario]).toEqual(["cut", "policy"]);
    expect(l.values).toEqual([triangularQuantile(0.05, 0.1, 0.2, 0.3), triangularQuantile(0.95, 0.1, 0.2, 0.3)]);
    const [base, policy] = l.outcomes;
    expect(base.low.targetYearEmissions).toBe(base.high.targetYearEmissions);
    expect(policy.low.targetYearEmissions).toBeCloseTo(200 * 1.02 ** 10 * (1 - l.values[0]), 9);
  });
  test("rows are sorted by the swing of the target-year emissions: the growth rate (±1.6 pp for ten years) before the lever (±0.1 of one year's cut)", () => {
    const s = value(oneAtATime(input()));
    expect(s.rows.map((r) => r.kind)).toEqual(["driver", "lever"]);
    expect(s.rows[0].swing).toBeGreaterThan(s.rows[1].swing);
  });
  test("shared shocks group a variable's rows (one row moving both cities); independent shocks give one row each", () => {
    const drivers = ["A", "B"].map((city) => ({ city, from: 2021, to: 2030, rate: 0.02, dist: "normal", sd: 0.01 }));
    expect(
      value(oneAtATime(input({ drivers, shocks: "shared" })))
        .rows.filter((r) => r.kind === "driver")
        .map((r) => r.rows),
    ).toEqual([[0, 1]]);
    expect(
      value(oneAtATime(input({ drivers })))
        .rows.filter((r) => r.kind === "driver")
        .map((r) => r.rows),
    ).toEqual([[0], [1]]);
  });
  test("the values shown are those of the group's widest row (SD 2 pp over SD 1 pp)", () => {
    const drivers = [
      { city: "A", from: 2021, to: 2030, rate: 0.02, dist: "normal", sd: 0.01 },
      { city: "B", from: 2021, to: 2030, rate: 0.02, dist: "normal", sd: 0.02 },
    ];
    const d = value(oneAtATime(input({ drivers, shocks: "shared" }))).rows.find((r) => r.kind === "driver")!;
    expect(d.valuesRow).toBe(1);
    expect(d.values[1]).toBeCloseTo(0.02 + Z95 * 0.02, 15);
  });
  test("a ramped row moves as a whole: 2 % → 0 % shifted by −1.645 pp is 0.355 % → −1.645 %", () => {
    const s = value(oneAtATime(input({ drivers: [{ from: 2021, to: 2030, rate: 0.02, endRate: 0, dist: "normal", sd: 0.01 }] })));
    const base = s.rows[0].outcomes[0];
    let e = 200;
    for (let y = 2021; y <= 2030; y++) e *= 1 + (0.02 * (2030 - y)) / 9 - Z95 * 0.01;
    expect(base.low.targetYearEmissions).toBeCloseTo(e, 9);
  });
});
