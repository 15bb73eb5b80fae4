/**
 * The 长株潭 sample (src/samples/changzhutan.ts; docs/model.md §15). Sources of expected numbers:
 * - CEADs city totals and Hunan 2019 sectors: data/ceads-*.csv (citation in data/README.md);
 * - published statistics and plan targets: data/changzhutan-drivers.csv (each with its source and grade
 *   in data/README.md): the 7th census (湖南省第七次全国人口普查公报 第二号), the cities' and Hunan's
 *   统计公报, Hunan's −14 % energy-intensity target (十四五节能减排方案), 长沙's −15 % (长沙市碳达峰实施方案),
 *   Hunan's 23.5 % non-fossil share in 2022 and the national 80 % by 2060 (碳达峰碳中和工作的意见);
 * - the seed report, "城市群碳排放达峰行动探讨：以长株潭城市群为例": 土地 (built-up area −28 % in 2020, −33 % in
 *   2030 vs its baseline), 产业 (−1 pp secondary share → ≈ −1 % energy intensity), 建筑 (align to the best city).
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  activityPaths,
  alignBestShares,
  clusterTotal,
  compileScenario,
  leverReduction,
  runModel,
  runScenarios,
  scenarioIndicators,
  type ScenarioInput,
  type ScenarioResults,
} from "../../src/engine";
import {
  BASE_YEAR,
  CEADS_CITY_TOTALS_MT,
  CITIES,
  HUNAN_2019_SECTORS_MT,
  HUNAN_2019_TOTAL_MT,
  INDUSTRIAL_SECTORS,
  LAND_COVERAGE,
  LAND_SECTORS,
  LAST_HISTORICAL_YEAR,
  MODEL_SECTORS,
  PUBLISHED,
  SEED_LAND_CUT,
  builtUpArea,
  carbonIntensityRate,
  ceadsTotal,
  changzhutanInput,
  citySectorShares,
  energyIntensityRates,
  hunanPerResident,
  hunanSectorShares,
  knotRows,
  landLeverValue,
  nonFossilShare,
  population2019,
  published,
  rampInUncertainty,
  upgradingElasticity,
  urbanShare,
} from "../../src/samples/changzhutan";
import { value } from "./scenario-fixtures";

const DATA = join(__dirname, "..", "..", "data");
function csv(name: string): string[][] {
  return readFileSync(join(DATA, name), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => (line.match(/("[^"]*"|[^,]+|(?<=,)(?=,)|(?<=,)$)/g) ?? []).map((f) => f.replace(/^"|"$/g, "")));
}
const y = (year: number) => year - BASE_YEAR;
const H = LAST_HISTORICAL_YEAR;

/** The sample with only the named levers of one scenario kept (to see a lever on its own). */
function only(scenario: string, names: string[]): ScenarioInput {
  const input = changzhutanInput();
  return { ...input, levers: input.levers.filter((l) => l.scenario === scenario && names.includes(l.name)) };
}
function cityTotal(r: ScenarioResults, k: number, city: string, year: number): number {
  const c = r.cities.indexOf(city);
  const Y = r.years.length;
  let sum = 0;
  for (let s = 0; s < r.sectors.length; s++) sum += r.emissions[k][(c * r.sectors.length + s) * Y + y(year)];
  return sum;
}
function sectorOf(r: ScenarioResults, k: number, city: string, sector: string, year: number): number {
  return r.emissions[k][(r.cities.indexOf(city) * r.sectors.length + r.sectors.indexOf(sector)) * r.years.length + y(year)];
}

let results: ScenarioResults;
beforeAll(() => {
  results = value(runScenarios(changzhutanInput()));
});

describe("长株潭 sample — data", () => {
  test("the embedded CEADs city totals are data/ceads-changzhutan-city-totals.csv, value for value", () => {
    const rows = csv("ceads-changzhutan-city-totals.csv").map(([city, year, mt]) => [city, Number(year), Number(mt)]);
    expect(CEADS_CITY_TOTALS_MT.map((r) => [...r])).toEqual(rows);
  });
  test("the embedded Hunan 2019 sectors are data/ceads-hunan-2019-sectors.csv, and the 47 rows sum to its TotalEmissions", () => {
    const rows = csv("ceads-hunan-2019-sectors.csv");
    expect(rows[0]).toEqual(["TotalEmissions", String(HUNAN_2019_TOTAL_MT), expect.any(String), "0", "0"]);
    expect(HUNAN_2019_SECTORS_MT.map((r) => [...r])).toEqual(rows.slice(1).map((r) => [r[0], Number(r[1])]));
    expect(HUNAN_2019_SECTORS_MT.reduce((s, r) => s + r[1], 0)).toBeCloseTo(HUNAN_2019_TOTAL_MT, 9);
  });
  test("the embedded published figures are data/changzhutan-drivers.csv, row for row", () => {
    const rows = csv("changzhutan-drivers.csv");
    expect(PUBLISHED.map((p) => [p.id, p.region, p.variable, p.year === undefined ? "" : String(p.year), String(p.value), p.unit, p.grade, p.source])).toEqual(
      rows,
    );
  });
  test("every published figure's source is in data/README.md's source table, and every grade is A–D", () => {
    const readme = readFileSync(join(DATA, "README.md"), "utf8");
    for (const p of PUBLISHED) {
      expect(readme).toContain(`| ${p.source} |`);
      expect(["A", "B", "C", "D"]).toContain(p.grade);
    }
  });
  test("the sector mapping takes every CEADs row exactly once, so the 8 Hunan shares sum to 1", () => {
    const mapped = MODEL_SECTORS.flatMap((s) => s.ceads);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort()).toEqual(HUNAN_2019_SECTORS_MT.map((r) => r[0]).sort());
    expect(Object.values(hunanSectorShares()).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("长株潭 sample — history (CEADs, last historical year 2019)", () => {
  test("the shipped input is valid; its only warning is the fill rule's list (株洲 ← 2015, 湘潭 ← 2017)", () => {
    const r = runScenarios(changzhutanInput());
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["history_filled"]);
    expect([...new Set(value(r).filled.map((f) => `${f.city} ← ${f.from}`))]).toEqual(["株洲 ← 2015", "湘潭 ← 2017"]);
  });
  test("every scenario is the history up to 2019: each measured city total equals CEADs (Mt → t), gaps are NaN in every scenario", () => {
    for (let k = 0; k < results.scenarios.length; k++) {
      for (const c of CITIES) {
        for (let year = BASE_YEAR; year <= H; year++) {
          const measured = ceadsTotal(c.id, year);
          const got = cityTotal(results, k, c.id, year);
          if (measured !== undefined) expect(got).toBeCloseTo(measured * 1e6, 3);
          else if (year < H) expect(got).toBeNaN();
        }
      }
      for (let i = 0; i <= y(H); i++) {
        const a = results.emissions[k];
        for (let cs = 0; cs < results.cities.length * results.sectors.length; cs++)
          expect(Object.is(a[cs * results.years.length + i], results.emissions[0][cs * results.years.length + i])).toBe(true);
      }
    }
  });
  test("株洲's 2015 and 湘潭's 2017 totals are carried into 2019, marked filled", () => {
    expect(cityTotal(results, 0, "株洲", H)).toBeCloseTo(ceadsTotal("株洲", 2015)! * 1e6, 3);
    expect(cityTotal(results, 0, "湘潭", H)).toBeCloseTo(ceadsTotal("湘潭", 2017)! * 1e6, 3);
    const S = results.sectors.length;
    CITIES.forEach((c, i) => expect(Array.from(results.filledCells.subarray(i * S, (i + 1) * S)).every((f) => f === (c.id === "长沙" ? 0 : 1))).toBe(true));
  });
  test("no scenario peaks in a measured year: every city's and the cluster's peak is after 2019", () => {
    for (const p of results.peaks) expect(p.year).toBeGreaterThan(H);
  });
});

describe("长株潭 sample — sectors and drivers from published statistics", () => {
  test("households, services and transport scale with residents at Hunan's 2019 CO2 per resident; the rest in Hunan's proportions (worked by hand for 湘潭)", () => {
    const per = hunanPerResident();
    // Hunan 2019 公报: 6918.4万 residents, 3958.7万 urban; CEADs Urban 10.71 Mt, Rural 9.24 Mt.
    expect(per.urban).toBeCloseTo(10.714684410206234 / 3958.7, 12);
    expect(per.rural).toBeCloseTo(9.24308630118135 / (6918.4 - 3958.7), 12);
    const s = citySectorShares("湘潭");
    const pop = population2019("湘潭");
    const u = urbanShare("湘潭");
    expect(u).toBe(0.629);
    expect(s.residential * ceadsTotal("湘潭", 2017)!).toBeCloseTo(pop * (u * per.urban + (1 - u) * per.rural), 10);
    for (const c of CITIES) expect(Object.values(citySectorShares(c.id)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The steel city's industry: power + heavy industry ≈ 81 % of 湘潭 against 59 % of 长沙.
    expect(s.power_heat + s.heavy_industry).toBeGreaterThan(0.8);
    expect(citySectorShares("长沙").power_heat + citySectorShares("长沙").heavy_industry).toBeLessThan(0.6);
  });
  test("population on the census basis: the model's 2020 and 2021 populations are the census (1 Nov 2020) and the 2021 year-end figures", () => {
    const m = value(compileScenario(changzhutanInput()));
    const ind = scenarioIndicators(m, value(runModel(m))).value;
    for (const c of CITIES) {
      const s = ind.series.find((x) => x.scenario === "baseline" && x.region === c.id)!;
      const key = c.key;
      expect(s.population[y(2020)] / 1e4).toBeCloseTo(published(`pop_census_2020_${key}`), 6);
      expect(s.population[y(2021)] / 1e4).toBeCloseTo(published(`pop_2021_${key}`), 6);
    }
    // The break the splice avoids: 长沙's pre-census 2019 estimate (839.45万) against the census (1004.79万).
    expect(population2019("长沙")).toBeGreaterThan(published("pop_precensus_2019_cs") * 1.15);
  });
  test("GDP: the cluster's 2019 GDP is 长株潭's published 16835.0亿元 (湘潭 derived as the difference)", () => {
    const m = value(compileScenario(changzhutanInput()));
    const ind = scenarioIndicators(m, value(runModel(m))).value;
    const cl = ind.series.find((x) => x.scenario === "baseline" && x.isCluster)!;
    expect(cl.gdp[y(H)] / 1e4).toBeCloseTo(16835.0, 6);
    // 长沙 2020 and 2021 real growth as published: 4.0 % and 7.5 %.
    const cs = ind.series.find((x) => x.scenario === "baseline" && x.region === "长沙")!;
    expect(cs.gdp[y(2020)] / cs.gdp[y(2019)]).toBeCloseTo(1.04, 12);
    expect(cs.gdp[y(2021)] / cs.gdp[y(2020)]).toBeCloseTo(1.075, 12);
  });
  test("energy intensity 2020→2025: Hunan's −14 % target and 长沙's −15 %, with Hunan's measured −1.98 % (2020) and −7 % (2021–2022)", () => {
    const ei = energyIntensityRates();
    expect(ei.y2020).toBeCloseTo(-0.0198, 15);
    expect((1 + ei.y2021to2022) ** 2).toBeCloseTo(0.93, 12);
    expect((1 + ei.y2021to2022) ** 2 * (1 + ei.y2023to2025) ** 3).toBeCloseTo(0.86, 12);
    expect((1 + ei.y2021to2022) ** 2 * (1 + ei.changsha2023to2025) ** 3).toBeCloseTo(0.85, 12);
  });
  test("carbon intensity of energy follows the non-fossil share: 23.5 % in 2022 (Hunan, measured) → 80 % in 2060 (national); Hunan's 2025 and 2030 floors are passed", () => {
    expect(nonFossilShare(2022)).toBeCloseTo(0.235, 12);
    expect(nonFossilShare(2060)).toBeCloseTo(0.8, 12);
    expect(nonFossilShare(2025)).toBeGreaterThan(published("nf_target_2025_hn") / 100);
    expect(nonFossilShare(2030)).toBeGreaterThan(published("nf_target_2030_hn") / 100);
    // The drivers' rows (rate and end rate exact at each row's ends, linear between) keep the 2022→2060 product within 2 % of (1 − 0.8)/(1 − 0.235).
    const r = value(compileScenario(changzhutanInput()));
    let ci = 1;
    for (let year = 2023; year <= 2060; year++) {
      const row = changzhutanInput().drivers.find((d) => d.variable === "carbon_intensity" && d.from <= year && year <= d.to)!;
      ci *= 1 + (row.endRate === undefined ? row.rate : (row.rate * (row.to - year) + row.endRate * (year - row.from)) / (row.to - row.from));
      expect(Math.abs(carbonIntensityRate(year))).toBeLessThan(0.1);
    }
    expect(r.lastHistoricalYear).toBe(H);
    expect(Math.abs(ci / ((1 - 0.8) / (1 - 0.235)) - 1)).toBeLessThan(0.02);
  });
  test("driver paths are continuous: knot rows never repeat a rate at a boundary, and uncertainty ramps in from nothing", () => {
    const rows = knotRows(
      [
        [2025, 0.05],
        [2035, 0.035],
        [2050, 0.02],
      ],
      { fromFirstKnot: false },
    );
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      [2026, 2035],
      [2036, 2050],
    ]);
    expect(rows[0].rate).toBeCloseTo(0.0485, 12);
    expect(rows[1].rate).toBeCloseTo(0.034, 12);
    const ramped = rampInUncertainty(rows, 2026, 0.01);
    expect(ramped.slice(0, 5).map((r) => [r.from, r.to, r.sd])).toEqual(
      [2026, 2027, 2028, 2029, 2030].map((yr, i) => [yr, yr, expect.closeTo((0.01 * (i + 1)) / 5, 15)]),
    );
    expect(ramped[5]).toMatchObject({ from: 2031, to: 2035, sd: 0.01 });
  });
  test("nothing uncertain before the first projected year: every row with a distribution starts after 2019", () => {
    const input = changzhutanInput();
    for (const d of input.drivers.filter((x) => x.dist !== undefined)) expect(d.from).toBeGreaterThan(H);
    for (const l of input.levers.filter((x) => x.dist !== undefined)) expect(l.startYear).toBeGreaterThan(H);
  });
});

describe("长株潭 sample — levers acting on what they say", () => {
  test("land (seed 土地): the lever avoids new built-up area only — the coordinated area never falls below the 2019 stock — and by 2030 it is 0.67/0.72 of the baseline's", () => {
    const v = landLeverValue();
    const keep = (1 - SEED_LAND_CUT[2030]) / (1 - SEED_LAND_CUT[2020]);
    const all = (year: number) => CITIES.reduce((s, c) => s + builtUpArea(c.id, year), 0);
    const coordinated = (year: number) => all(H) + (1 - v) * Math.max(0, all(year) - all(H));
    expect(coordinated(2030) / all(2030)).toBeCloseTo(keep, 12);
    for (let year = H; year <= 2060; year++) expect(coordinated(year)).toBeGreaterThanOrEqual(all(H));
    // And the engine's cut is v · coverage · (A − A_H)/A of its sectors, city by city (长沙 2030), nothing else.
    const m = value(compileScenario(only("coordinated", ["紧凑用地"])));
    const r = value(runModel(m));
    const a = activityPaths(m).paths[m.activities.findIndex((x) => x.name === "built_up_area")];
    const Y = m.years.length;
    const c = m.cities.indexOf("长沙");
    const share = (v * LAND_COVERAGE * (a[c * Y + y(2030)] - a[c * Y + y(H)])) / a[c * Y + y(2030)];
    for (const sec of m.sectors) {
      const base = sectorOf(r, 0, "长沙", sec, 2030);
      const got = sectorOf(r, r.scenarios.indexOf("coordinated"), "长沙", sec, 2030);
      expect(got).toBeCloseTo((LAND_SECTORS as readonly string[]).includes(sec) ? base * (1 - share) : base, 6);
    }
  });
  test("industrial upgrading (seed 产业) acts on the industrial sectors only, with ε = 0.01/s₂: ≈ 1 % of the cluster's emissions per pp, as the seed says", () => {
    const r = value(runScenarios(only("coordinated", ["产业协同升级"])));
    const eps = upgradingElasticity();
    for (const sec of MODEL_SECTORS.map((s) => s.id)) {
      const base = sectorOf(r, 0, "湘潭", sec, 2030);
      const expected = (INDUSTRIAL_SECTORS as readonly string[]).includes(sec) ? base * (1 - eps) ** 4 : base;
      expect(sectorOf(r, r.scenarios.indexOf("coordinated"), "湘潭", sec, 2030)).toBeCloseTo(expected, 6);
    }
    const total = clusterTotal(r, r.emissions[0])[y(2030)];
    const industrial = INDUSTRIAL_SECTORS.reduce((s, sec) => s + CITIES.reduce((t, c) => t + sectorOf(r, 0, c.id, sec, 2030), 0), 0);
    const perPp = eps * (industrial / total);
    expect(perPp).toBeGreaterThan(0.009);
    expect(perPp).toBeLessThan(0.011);
  });
  test("buildings (seed 建筑): align-to-best on CO2 per m² of floor area of commercial + residential — the gaps are computed from floor area, not from km² of city", () => {
    const m = value(compileScenario(only("coordinated", ["统一建筑能效标准"])));
    const r = value(runModel(m));
    const floor = activityPaths(m).paths[m.activities.findIndex((x) => x.name === "floor_area")];
    const Y = m.years.length;
    const intensity = Float64Array.from(
      m.cities,
      (city, c) => (sectorOf(r, 0, city, "commercial", 2035) + sectorOf(r, 0, city, "residential", 2035)) / floor[c * Y + y(2035)],
    );
    const gaps = alignBestShares(intensity);
    expect(gaps[m.cities.indexOf("长沙")]).toBe(0);
    for (const [c, city] of m.cities.entries()) {
      const base = sectorOf(r, 0, city, "residential", 2035);
      const k = r.scenarios.indexOf("coordinated");
      expect(sectorOf(r, k, city, "residential", 2035)).toBeCloseTo(base * (1 - 0.5 * gaps[c]), 6);
      expect(sectorOf(r, k, city, "power_heat", 2035)).toBe(sectorOf(r, 0, city, "power_heat", 2035));
    }
    // With the published data the cities' buildings hardly differ per m² (urban/rural mix only): gaps below 2 %.
    expect(Math.max(...gaps)).toBeLessThan(0.02);
  });
  test("coordination: every measure a city takes alone is in both scenarios, identically; the coordinated scenario adds only cluster measures; no grid lever (the grid is provincial: in both, through the baseline's carbon intensity)", () => {
    const input = changzhutanInput();
    const strip = (l: (typeof input.levers)[number]) => ({ ...l, scenario: "" });
    const independent = input.levers.filter((l) => l.scenario === "independent");
    const coordinated = input.levers.filter((l) => l.scenario === "coordinated");
    for (const l of independent) expect(coordinated.map(strip)).toContainEqual(strip(l));
    expect(
      coordinated
        .filter((l) => !independent.some((i) => i.name === l.name))
        .map((l) => l.name)
        .sort(),
    ).toEqual(["城际公共交通", "电动车（区域充电网络）", "产业协同升级", "统一建筑能效标准", "紧凑用地"].sort());
    expect(input.levers.some((l) => l.kind === "grid_factor")).toBe(false);
    expect(input.drivers.some((d) => d.variable === "carbon_intensity" && d.city === undefined && d.sector === undefined)).toBe(true);
  });
  test("the coordination order: in every projected year the cluster emits coordinated ≤ independent ≤ baseline, and its peak years are ordered the same way", () => {
    const e = results.scenarios.map((_, k) => clusterTotal(results, results.emissions[k]));
    const [b, i, c] = ["baseline", "independent", "coordinated"].map((s) => results.scenarios.indexOf(s));
    for (let year = H + 1; year <= 2060; year++) {
      expect(e[i][y(year)]).toBeLessThanOrEqual(e[b][y(year)]);
      expect(e[c][y(year)]).toBeLessThanOrEqual(e[i][y(year)]);
    }
    const peak = (s: string) => results.peaks.find((p) => p.scenario === s && p.isCluster)!.year;
    expect(peak("coordinated")).toBeLessThanOrEqual(peak("independent"));
    expect(peak("independent")).toBeLessThanOrEqual(peak("baseline"));
  });
  test("the benefit of coordination adds up: its sectors sum to its total, which is the cluster-only levers' cut", () => {
    const coord = results.coordination!;
    const Y = results.years.length;
    for (const year of [2025, 2030, 2035]) {
      let s = 0;
      for (let j = 0; j < results.sectors.length; j++) s += coord.bySector[j * Y + y(year)];
      expect(s).toBeCloseTo(coord.total[y(year)], 3);
      expect(coord.total[y(year)]).toBeGreaterThan(0);
    }
    // Power and heat and agriculture: no cluster measure acts on them.
    expect(coord.bySector[results.sectors.indexOf("power_heat") * Y + y(2030)]).toBe(0);
    expect(leverReduction(results, "coordinated", "产业协同升级")![y(2030)]).toBeGreaterThan(leverReduction(results, "coordinated", "紧凑用地")![y(2030)]);
  });
});
