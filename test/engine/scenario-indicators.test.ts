/**
 * Indicators and targets of a run (src/engine/scenario/indicators.ts, targets.ts; docs/model.md §9, §10),
 * and the decomposition on the true Kaya factors (decomposition/scenario-decomposition.ts, §11). The
 * fixture is worked by hand: one city, measured 2018–2020, population +1 %/yr, GDP +5 %/yr, energy
 * intensity −3 %/yr, carbon intensity −1 %/yr after 2020.
 */
import { compileScenario, formatIssue, runModel, scenarioDecomposition, scenarioIndicators, evaluateTargets, type IndicatorSeries } from "../../src/engine";
import { issuesOf, value, type RawInput } from "./scenario-fixtures";
import { driversExample } from "../helpers/drivers-report";

function fixture(): RawInput & { socioeconomic: Record<string, unknown>[]; targets: Record<string, unknown>[] } {
  const inv = (year: number, industry: number, buildings: number) => [
    { city: "A", sector: "industry", year, value: industry },
    { city: "A", sector: "buildings", year, value: buildings },
  ];
  return {
    settings: { baseYear: 2018, endYear: 2040, targetYear: 2030, units: "万t", cluster: "X", scenarios: ["clean"], referenceYear: 2018 },
    inventory: [...inv(2018, 60, 40), ...inv(2019, 70, 40), ...inv(2020, 80, 40)],
    activities: [],
    drivers: [
      { variable: "population", city: "A", from: 2021, to: 2040, rate: 0.01 },
      { variable: "gdp", city: "A", from: 2021, to: 2040, rate: 0.05 },
      { variable: "energy_intensity", from: 2021, to: 2040, rate: -0.03 },
      { variable: "carbon_intensity", from: 2021, to: 2040, rate: -0.01 },
    ],
    levers: [
      {
        scenario: "clean",
        name: "grid",
        cities: "A",
        sectors: "industry",
        kind: "grid_factor",
        electricityShare: 0.5,
        value: 0.2,
        startYear: 2020,
        fullYear: 2025,
      },
    ],
    socioeconomic: [2018, 2019, 2020].flatMap((year, i) => [
      { city: "A", variable: "人口", year, value: 500 + i, unit: "万人" },
      { city: "A", variable: "gdp", year, value: 1000 * (1 + i / 10), unit: "亿元（2015年价）" },
      { city: "A", variable: "能源消费总量", year, value: 50, unit: "万tce" },
    ]),
    targets: [],
  };
}

function run(input: RawInput) {
  const m = value(compileScenario(input));
  const r = value(runModel(m));
  const ind = scenarioIndicators(m, r);
  return { m, r, ind: ind.value, warnings: ind.warnings };
}

const find = (series: readonly IndicatorSeries[], scenario: string, region: string) => series.find((s) => s.scenario === scenario && s.region === region)!;

describe("indicators — reference values", () => {
  test("levels measured up to 2020 and projected by the drivers after it; per capita, per GDP and their change against 2018", () => {
    const { ind } = run(fixture());
    const a = find(ind.series, "baseline", "A");
    const y = (year: number) => year - 2018;
    expect(a.population[y(2020)]).toBe(502e4);
    expect(a.population[y(2025)]).toBeCloseTo(502e4 * 1.01 ** 5, 3);
    expect(a.gdp[y(2025)]).toBeCloseTo(1200e4 * 1.05 ** 5, 3); // 万元
    expect(a.emissions[y(2020)]).toBe(120e4);
    expect(a.perCapita[y(2020)]).toBeCloseTo(120e4 / 502e4, 12); // t per person
    expect(a.perGdp[y(2020)]).toBeCloseTo(120e4 / 1200e4, 12); // t per 万元
    // E grows 1.05 · 0.97 · 0.99 a year; E/G against 2018 (100 万t / 1000 亿元).
    const e2025 = 120e4 * (1.05 * 0.97 * 0.99) ** 5;
    expect(a.emissions[y(2025)]).toBeCloseTo(e2025, 6);
    expect(a.perGdpChange[y(2025)]).toBeCloseTo(e2025 / (1200e4 * 1.05 ** 5) / (100e4 / 1000e4) - 1, 12);
    // Energy = E / κ: 50 万tce × (1.05 · 0.97)^5; energy intensity against 2018 (50 万tce / 1000 亿元).
    expect(a.energy[y(2025)]).toBeCloseTo(50e4 * (1.05 * 0.97) ** 5, 4);
    expect(a.energyIntensityChange[y(2025)]).toBeCloseTo((50e4 * (1.05 * 0.97) ** 5) / (1200e4 * 1.05 ** 5) / (50e4 / 1000e4) - 1, 12);
    expect(a.basis.slice(0, 4)).toEqual(["measured", "measured", "measured", "projected"]);
  });
  test("a grid_factor lever cuts CO2 per unit of energy, not energy: energy use is the baseline's", () => {
    const { ind } = run(fixture());
    const base = find(ind.series, "baseline", "A");
    const clean = find(ind.series, "clean", "A");
    expect(clean.emissions[2025 - 2018]).toBeLessThan(base.emissions[2025 - 2018]);
    expect(clean.energy[2025 - 2018]).toBeCloseTo(base.energy[2025 - 2018], 6);
  });
  test("cumulative emissions run from the first projected year (Settings → Cumulative from), any window by difference", () => {
    const { ind } = run(fixture());
    const a = find(ind.series, "baseline", "A");
    expect(ind.cumulativeFrom).toBe(2021);
    expect(Number.isNaN(a.cumulative[2020 - 2018])).toBe(true);
    expect(a.cumulative[2022 - 2018]).toBeCloseTo(a.emissions[3] + a.emissions[4], 6);
    const cluster = find(ind.series, "baseline", "X");
    expect(Array.from(cluster.cumulative)).toEqual(Array.from(a.cumulative));
  });
  test("without a measured level in the last historical year, a projected level is blank and said", () => {
    const input = fixture();
    input.socioeconomic = input.socioeconomic.filter((r) => !(r.year === 2020 && r.variable === "人口"));
    const { ind, warnings } = run(input);
    expect(Number.isNaN(find(ind.series, "baseline", "A").perCapita[2025 - 2018])).toBe(true);
    expect(warnings.map((w) => formatIssue(w))).toEqual([
      "Socioeconomic: A has no population for 2020, the last historical year (Socioeconomic sheet): the indicators that need it are blank after 2020",
    ]);
  });
});

describe("indicators — argument validation", () => {
  test("a unit that is not the variable's, a sector on population, a reference year before the base year: problems naming the cells", () => {
    const input = fixture();
    input.socioeconomic.push({
      city: "A",
      variable: "gdp",
      year: 2019,
      value: 1,
      unit: "万吨",
      source: { sheet: "Socioeconomic", row: 9, columns: { unit: "F" } },
    });
    input.socioeconomic.push({ city: "A", variable: "population", sector: "industry", year: 2017, value: 1, unit: "万人" });
    input.settings.referenceYear = 2005;
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => [i.code, i.cell ?? i.path.join(".")])).toEqual([
      ["year_setting_outside", "settings.referenceYear"],
      ["socio_unit_unknown", "Socioeconomic!F9"],
      ["socio_sector_not_energy", "socioeconomic.10.sector"],
    ]);
    expect(formatIssue(issues[1])).toBe('Socioeconomic!F9: "万吨" is not a unit of gdp (use 亿元, 万元, 元; GDP at constant prices)');
    expect(formatIssue(issues[0])).toContain("(set the base year earlier to include it)");
  });
});

describe("targets — reference values at the boundary", () => {
  /** Measured 2018 100 t, 2019 200 t, 2020 50 t (peak 2019), then −10 %/yr to 2024 (the peak rule wants 5 values); GDP flat 10 万元. */
  function history(targets: Record<string, unknown>[]) {
    const input: RawInput & Record<string, unknown> = {
      settings: { baseYear: 2018, endYear: 2024, targetYear: 2020, units: "t", cluster: "X" },
      inventory: [
        { city: "A", sector: "all", year: 2018, value: 100 },
        { city: "A", sector: "all", year: 2019, value: 200 },
        { city: "A", sector: "all", year: 2020, value: 50 },
      ],
      activities: [],
      drivers: [{ from: 2021, to: 2024, rate: -0.1 }],
      levers: [],
      socioeconomic: [2018, 2019, 2020].map((year) => ({ city: "A", variable: "gdp", year, value: 10, unit: "万元" })),
      targets,
    };
    const { m, r, ind } = run(input);
    return evaluateTargets(m, r, ind);
  }
  test("peak by the peak year is met with margin 0; by the year before it is not (margin −1)", () => {
    const t = history([
      { kind: "peak_by", region: "A", to: 2019 },
      { kind: "达峰年份", to: 2018 },
    ]);
    expect(t.map((x) => [x.region, x.reached, x.status, x.margin])).toEqual([
      ["A", 2019, "met", 0],
      ["X", 2019, "not_met", -1],
    ]);
  });
  test("a cap equal to the highest year is met; one just below is not", () => {
    const t = history([
      { kind: "peak_cap", value: 200 },
      { kind: "峰值上限", value: 199.999 },
    ]);
    expect(t.map((x) => x.status)).toEqual(["met", "not_met"]);
    expect(t[0].margin).toBe(0);
    expect(t[1].margin).toBeCloseTo(-0.001, 9);
  });
  test("a decline of CO2 per GDP of exactly the target is met (100 → 50 t at flat GDP: 50 %); a hair more is not", () => {
    const t = history([
      { kind: "intensity_decline", from: 2018, to: 2020, value: 0.5 },
      { kind: "单位GDP二氧化碳排放下降", from: 2018, to: 2020, value: 0.5000001 },
    ]);
    expect(t.map((x) => [x.reached, x.status])).toEqual([
      [0.5, "met"],
      [0.5, "not_met"],
    ]);
  });
  test("a budget equal to the cumulative emissions is met (350 t over 2018–2020); 349 t is not", () => {
    const t = history([
      { kind: "budget", from: 2018, to: 2020, value: 350 },
      { kind: "碳预算", from: 2018, to: 2020, value: 349 },
    ]);
    expect(t.map((x) => [x.reached, x.status, x.margin])).toEqual([
      [350, "met", 0],
      [350, "not_met", -1],
    ]);
  });
  test("a target the run cannot judge is unknown, with the reason: no energy for an energy-intensity decline", () => {
    const [t] = history([{ kind: "energy_intensity_decline", from: 2018, to: 2020, value: 0.1 }]);
    expect(t.status).toBe("unknown");
    expect(formatIssue(t.reason!)).toBe("energy use per unit of GDP is not known for X in 2018, 2020");
  });
});

describe("targets — argument validation", () => {
  test("a kind's missing and foreign fields, a decline that is not a share, an unknown region and scenario: every problem with its cell", () => {
    const input = fixture();
    const src = (row: number) => ({ sheet: "Targets", row, columns: { kind: "A", region: "B", scenario: "C", from: "D", to: "E", value: "F" } });
    input.targets = [
      { kind: "peak_by", value: 3, source: src(2) },
      { kind: "intensity_decline", from: 2018, to: 2030, value: 65, source: src(3) },
      { kind: "budget", region: "Nowhere", scenario: "dream", from: 2021, to: 2030, value: 1, source: src(4) },
      { kind: "peak sometime", source: src(5) },
    ];
    expect(issuesOf(compileScenario(input)).map((i) => [i.code, i.cell])).toEqual([
      ["required", "Targets!E2"],
      ["param_not_for_kind", "Targets!F2"],
      ["share_range", "Targets!F3"],
      ["unknown_target_kind", "Targets!A5"],
      ["target_region_unknown", "Targets!B4"],
      ["unknown_scenario", "Targets!C4"],
    ]);
  });
});

describe("Kaya decomposition — reference values and the sum check", () => {
  test("one city, one sector: each effect is L(E_T, E_H)·ln of its factor's ratio; the effects sum to the change", () => {
    const input = fixture();
    input.inventory = input.inventory.filter((r) => r.sector === "industry");
    const { r } = run(input);
    const rows = value(scenarioDecomposition(r));
    const d = rows.find((x) => x.scenario === "baseline" && !x.isCluster)!;
    const n = 10; // 2020 → 2030
    const e0 = 80e4;
    const e1 = e0 * (1.05 * 0.97 * 0.99) ** n;
    const L = (e1 - e0) / Math.log(e1 / e0);
    expect(d.baseYear).toBe(2020);
    expect(d.kaya!.population).toBeCloseTo(L * n * Math.log(1.01), 4);
    expect(d.kaya!.gdpPerCapita).toBeCloseTo(L * n * Math.log(1.05 / 1.01), 4);
    expect(d.kaya!.structure).toBeCloseTo(0, 6);
    expect(d.kaya!.energyIntensity).toBeCloseTo(L * n * Math.log(0.97), 4);
    expect(d.kaya!.carbonIntensity).toBeCloseTo(L * n * Math.log(0.99), 4);
    expect(d.kaya!.levers).toBe(0);
    expect(Math.abs(d.residual)).toBeLessThan(1e-6);
  });
  test("the sum check holds for every scenario and region, the levers' effect is the scenario's cut", () => {
    const { r } = run(fixture());
    for (const d of value(scenarioDecomposition(r))) expect(Math.abs(d.residual)).toBeLessThan(1e-9 * Math.abs(d.emissions0));
    const clean = value(scenarioDecomposition(r)).find((x) => x.scenario === "clean" && x.isCluster)!;
    expect(clean.kaya!.levers).toBeLessThan(0);
  });
});

describe("peaks read against the drivers — reference values", () => {
  test("a decline while GDP and population grow is proactive (the flag the peak rows carry): the docs' worked example peaks in 2025", () => {
    const r = value(runModel(value(compileScenario(driversExample()))));
    const cluster = r.peaks.find((p) => p.isCluster && p.scenario === "baseline")!;
    expect([cluster.year, cluster.flags.includes("decline_proactive")]).toEqual([2025, true]);
    // Without socio-economic levels no decline is read.
    const plain = value(runModel(value(compileScenario({ ...driversExample(), socioeconomic: [] }))));
    expect(plain.peaks.some((p) => p.flags.some((f) => f.startsWith("decline_")))).toBe(false);
  });
});
