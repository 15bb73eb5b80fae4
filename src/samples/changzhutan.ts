/**
 * The 长株潭 (Changsha–Zhuzhou–Xiangtan) worked example, built on the driver-based engine: the CEADs
 * history as measured (2015–2019, with its gaps), published population and GDP, the provincial and
 * city plans' energy- and carbon-intensity paths, and the seed report's cluster levers acting on what
 * they say (seed, "城市群碳排放达峰行动探讨：以长株潭城市群为例": 土地, 产业, 建筑, 交通). Every number
 * that is not data is an assumption, stated next to it with its reason; docs/model.md §15 lists them all.
 *
 * Data (copied into data/*.csv with their sources in data/README.md; this file embeds the values it
 * uses and a test checks them against the CSVs): CEADs city CO2 totals and Hunan's 2019 CO2 by sector;
 * published statistics and plan targets (data/changzhutan-drivers.csv, each with its grade: A official
 * page, B official document as reposted, C third-party compilation, D derived). CEADs citation: Shan,
 * Y., Guan, Y., Hang, Y., Zheng, H., Li, Y., Guan, D., et al. (2022). City-level emission peak and
 * drivers in China. Science Bulletin, 67(18), 1910–1920 — and Shan, Y., Liu, J., Liu, Z., Shao, S.,
 * Guan, D. (2019). An emissions-socioeconomic inventory of Chinese cities. Scientific Data, 6, 27 (city
 * totals); Shan, Y., Huang, Q., Guan, D., Hubacek, K. (2020). China CO2 emission accounts 2016–2017.
 * Scientific Data, 7, 54 — and Guan, Y., Shan, Y., Huang, Q., Chen, H., Wang, D., Hubacek, K. (2021).
 * Assessment to China's recent emission pattern shifts. Earth's Future, 9(11), e2021EF002241.
 */
import { rateInYear, type ActivityRow, type DriverRow, type InventoryRow, type LeverRow, type ScenarioInput, type SocioRow, type TargetRow } from "../engine";

/** The data citation to show wherever the sample's data or results appear. */
export const CEADS_CITATION =
  "Data: CEADs (ceads.net). City totals: Shan et al. (2022) Science Bulletin 67(18):1910–1920; Shan et al. (2019) Scientific Data 6:27. " +
  "Hunan sectors: Shan et al. (2020) Scientific Data 7:54; Guan et al. (2021) Earth's Future 9(11):e2021EF002241. " +
  "Statistics and plan targets: data/changzhutan-drivers.csv (sources in data/README.md).";

// ---------------------------------------------------------------------------------------------
// Published statistics and plan targets, copied from data/changzhutan-drivers.csv (sources there and
// in data/README.md). Grades: A official page, B official document as reposted by a named outlet,
// C third-party compilation, D derived by arithmetic from A–C figures.

/** One published figure: what, where, when, how good. */
export interface Published {
  readonly id: string;
  /** 长沙, 株洲, 湘潭, 长株潭, 湖南 or 全国. */
  readonly region: string;
  readonly variable: string;
  /** The year the figure is for (blank: undated). */
  readonly year?: number;
  readonly value: number;
  readonly unit: string;
  readonly grade: "A" | "B" | "C" | "D";
  /** Key of the source in data/README.md. */
  readonly source: string;
}

/** The figures the sample uses (and a few it shows for comparison), as in data/changzhutan-drivers.csv. */
export const PUBLISHED: readonly Published[] = [
  // Population 常住人口, 万人: the 7th census (1 Nov 2020) and the bureaus' year-end figures after it.
  { id: "pop_census_2020_cs", region: "长沙", variable: "population", year: 2020, value: 1004.7914, unit: "万人", grade: "A", source: "hunan-census-2" },
  { id: "pop_census_2020_zz", region: "株洲", variable: "population", year: 2020, value: 390.2738, unit: "万人", grade: "A", source: "hunan-census-2" },
  { id: "pop_census_2020_xt", region: "湘潭", variable: "population", year: 2020, value: 272.6181, unit: "万人", grade: "A", source: "hunan-census-2" },
  { id: "pop_2021_cs", region: "长沙", variable: "population", year: 2021, value: 1023.93, unit: "万人", grade: "C", source: "changsha-profile" },
  { id: "pop_2021_zz", region: "株洲", variable: "population", year: 2021, value: 388.33, unit: "万人", grade: "A", source: "enghunan-zhuzhou" },
  { id: "pop_2021_xt", region: "湘潭", variable: "population", year: 2021, value: 270.9, unit: "万人", grade: "A", source: "enghunan-xiangtan" },
  { id: "pop_2022_cs", region: "长沙", variable: "population", year: 2022, value: 1042.06, unit: "万人", grade: "C", source: "changsha-2022-pop" },
  { id: "pop_2022_zz", region: "株洲", variable: "population", year: 2022, value: 387.11, unit: "万人", grade: "C", source: "zhuzhou-wiki" },
  // Pre-census estimates (not used: shown for the census break).
  { id: "pop_precensus_2019_cs", region: "长沙", variable: "population (pre-census estimate)", year: 2019, value: 839.45, unit: "万人", grade: "B", source: "hunan-2019-cities" },
  { id: "pop_precensus_2018_zz", region: "株洲", variable: "population (pre-census estimate)", year: 2018, value: 402.08, unit: "万人", grade: "C", source: "zhuzhou-wiki" },
  { id: "pop_precensus_2018_xt", region: "湘潭", variable: "population (pre-census estimate)", year: 2018, value: 286.5, unit: "万人", grade: "B", source: "xiangtan-2018" },
  // Urbanisation 城镇化率, % (the nearest year published).
  { id: "urban_2019_cs", region: "长沙", variable: "urbanisation rate", year: 2019, value: 79.56, unit: "%", grade: "B", source: "hunan-2019-cities" },
  { id: "urban_2021_zz", region: "株洲", variable: "urbanisation rate", year: 2021, value: 72.04, unit: "%", grade: "C", source: "zhuzhou-2021" },
  { id: "urban_2018_xt", region: "湘潭", variable: "urbanisation rate", year: 2018, value: 62.9, unit: "%", grade: "B", source: "xiangtan-2018" },
  { id: "pop_2019_hn", region: "湖南", variable: "population", year: 2019, value: 6918.4, unit: "万人", grade: "B", source: "hunan-2019-cities" },
  { id: "urban_pop_2019_hn", region: "湖南", variable: "urban population", year: 2019, value: 3958.7, unit: "万人", grade: "B", source: "hunan-2019-cities" },
  // GDP 地区生产总值, 亿元 (current prices of the year), and real growth, % on the year before.
  { id: "gdp_2019_cs", region: "长沙", variable: "gdp", year: 2019, value: 11574.22, unit: "亿元", grade: "B", source: "changsha-2019" },
  { id: "gdp_2019_zz", region: "株洲", variable: "gdp", year: 2019, value: 3003.13, unit: "亿元", grade: "C", source: "zhuzhou-wiki" },
  { id: "gdp_2019_czt", region: "长株潭", variable: "gdp", year: 2019, value: 16835.0, unit: "亿元", grade: "B", source: "hunan-2019" },
  { id: "gdp_2019_hn", region: "湖南", variable: "gdp", year: 2019, value: 39752.1, unit: "亿元", grade: "B", source: "hunan-2019" },
  { id: "growth_2020_cs", region: "长沙", variable: "gdp growth", year: 2020, value: 4.0, unit: "%", grade: "B", source: "changsha-2020" },
  { id: "growth_2021_cs", region: "长沙", variable: "gdp growth", year: 2021, value: 7.5, unit: "%", grade: "B", source: "changsha-2021" },
  { id: "growth_2022_cs", region: "长沙", variable: "gdp growth", year: 2022, value: 4.5, unit: "%", grade: "B", source: "changsha-2022" },
  { id: "growth_2023_cs", region: "长沙", variable: "gdp growth", year: 2023, value: 4.8, unit: "%", grade: "B", source: "changsha-2023" },
  { id: "growth_2021_2024_cs", region: "长沙", variable: "gdp growth, 2021–2024 average", year: 2024, value: 5.4, unit: "%", grade: "B", source: "changsha-2024" },
  { id: "growth_2025_cs", region: "长沙", variable: "gdp growth (预计)", year: 2025, value: 5.0, unit: "%", grade: "B", source: "changsha-2025" },
  { id: "growth_2020_zz", region: "株洲", variable: "gdp growth", year: 2020, value: 4.1, unit: "%", grade: "B", source: "zhuzhou-2020" },
  { id: "growth_2021_zz", region: "株洲", variable: "gdp growth", year: 2021, value: 8.3, unit: "%", grade: "B", source: "zhuzhou-2021" },
  { id: "growth_2023_xt", region: "湘潭", variable: "gdp growth", year: 2023, value: 5.1, unit: "%", grade: "B", source: "xiangtan-2023" },
  { id: "growth_2016_zz", region: "株洲", variable: "gdp growth", year: 2016, value: 7.9, unit: "%", grade: "C", source: "zhuzhou-2016" },
  { id: "growth_2016_2020_xt", region: "湘潭", variable: "gdp growth, 2016–2020 average", year: 2020, value: 7.1, unit: "%", grade: "A", source: "xiangtan-13th" },
  { id: "gdp_2015_initial_xt", region: "湘潭", variable: "gdp (first published)", year: 2015, value: 1703.1, unit: "亿元", grade: "B", source: "hunan-2015-cities" },
  { id: "gdp_2015_revised_xt", region: "湘潭", variable: "gdp (after the 2018 economic census)", year: 2015, value: 1633.07, unit: "亿元", grade: "A", source: "xiangtan-13th" },
  { id: "growth_2020_hn", region: "湖南", variable: "gdp growth", year: 2020, value: 3.8, unit: "%", grade: "B", source: "hunan-2021-report" },
  { id: "growth_2022_hn", region: "湖南", variable: "gdp growth", year: 2022, value: 4.5, unit: "%", grade: "B", source: "hunan-2022" },
  { id: "growth_2024_hn", region: "湖南", variable: "gdp growth", year: 2024, value: 4.8, unit: "%", grade: "B", source: "hunan-2024" },
  { id: "growth_2024_czt", region: "长株潭", variable: "gdp growth", year: 2024, value: 5.2, unit: "%", grade: "B", source: "hunan-2024" },
  // Energy per unit of GDP 单位GDP能耗, % change.
  { id: "ei_2016_hn", region: "湖南", variable: "energy intensity change", year: 2016, value: -5.34, unit: "%", grade: "A", source: "hunan-energy-2016" },
  { id: "ei_2018_hn", region: "湖南", variable: "energy intensity change", year: 2018, value: -5.12, unit: "%", grade: "B", source: "nbs-energy-2018" },
  { id: "ei_2020_hn", region: "湖南", variable: "energy intensity change", year: 2020, value: -1.98, unit: "%", grade: "A", source: "nbs-energy-2020" },
  { id: "ei_2021_2022_hn", region: "湖南", variable: "energy intensity change, 2021–2022 cumulative", year: 2022, value: -7, unit: "%", grade: "B", source: "hunan-energy-2023" },
  { id: "ei_target_2025_hn", region: "湖南", variable: "energy intensity target 2025 vs 2020", year: 2025, value: -14, unit: "%", grade: "B", source: "hunan-14th-energy" },
  { id: "ei_target_2025_cs", region: "长沙", variable: "energy intensity target 2025 vs 2020", year: 2025, value: -15, unit: "%", grade: "B", source: "changsha-peak-plan" },
  // Non-fossil share of energy consumption 非化石能源消费比重, %.
  { id: "nf_2022_hn", region: "湖南", variable: "non-fossil share", year: 2022, value: 23.5, unit: "%", grade: "B", source: "hunan-energy-2023" },
  { id: "nf_target_2025_hn", region: "湖南", variable: "non-fossil share target", year: 2025, value: 22, unit: "%", grade: "A", source: "hunan-peak-plan" },
  { id: "nf_target_2030_hn", region: "湖南", variable: "non-fossil share target", year: 2030, value: 25, unit: "%", grade: "A", source: "hunan-peak-plan" },
  { id: "nf_target_2060_cn", region: "全国", variable: "non-fossil share target", year: 2060, value: 80, unit: "%", grade: "B", source: "cn-dual-carbon-opinions" },
  { id: "ci_target_2025_cn", region: "全国", variable: "CO2 per GDP target 2025 vs 2020", year: 2025, value: -18, unit: "%", grade: "B", source: "cn-dual-carbon-opinions" },
  // Floor area 人均住房建筑面积 (household members), m² per person.
  { id: "floor_2020_hn", region: "湖南", variable: "housing floor area per person", year: 2020, value: 47.52, unit: "m²", grade: "B", source: "hunan-census-housing" },
  // Built-up area 建成区面积, km².
  { id: "area_2016_cs", region: "长沙", variable: "built-up area", year: 2016, value: 374.64, unit: "km²", grade: "C", source: "changsha-2016-area" },
  { id: "area_2021_cs", region: "长沙", variable: "built-up area", year: 2021, value: 567.32, unit: "km²", grade: "C", source: "changsha-profile-2021" },
  { id: "area_2020_zz", region: "株洲", variable: "built-up area", year: 2020, value: 142.19, unit: "km²", grade: "C", source: "zhuzhou-wiki" },
  { id: "area_target_2025_zz", region: "株洲", variable: "built-up area target (十四五)", year: 2025, value: 180, unit: "km²", grade: "B", source: "zhuzhou-14th" },
  { id: "area_xt", region: "湘潭", variable: "built-up area (undated)", value: 79.2, unit: "km²", grade: "C", source: "xiangtan-2018" },
  // Secondary industry's share of GDP 第二产业比重, % (the nearest year published).
  { id: "secondary_2019_cs", region: "长沙", variable: "secondary share", year: 2019, value: 38.36, unit: "%", grade: "B", source: "changsha-2019" },
  { id: "secondary_2021_zz", region: "株洲", variable: "secondary share", year: 2021, value: 47.59, unit: "%", grade: "D", source: "zhuzhou-2021" },
  { id: "secondary_2023_xt", region: "湘潭", variable: "secondary share", year: 2023, value: 50.38, unit: "%", grade: "D", source: "xiangtan-2023" },
];

/**
 * A published figure by id (throws on an unknown id: a typo in this file, caught by the tests).
 * @example published("pop_census_2020_cs") // 1004.7914
 */
export function published(id: string): number {
  const p = PUBLISHED.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no published figure ${id}`);
  return p.value;
}

/** A rate path through knots (year, rate), straight between them. */
export type Knots = readonly (readonly [number, number])[];

/**
 * Drivers rows (rate and end rate) for a path straight between knots, one row per segment, each row
 * starting the year after the previous one ends — so no rate is repeated at a boundary and the path
 * has no step or flat spot there (a flat spot would itself make peaks rarer in that year).
 * With `fromFirstKnot: false` the first knot is a year already covered (the last measured rate) and
 * the rows start the year after it.
 * @example knotRows([[2026, 0.05], [2035, 0.035], [2050, 0.02]]) // [{2026–2035: 5 % → 3.5 %}, {2036–2050: 3.4 % → 2 %}]
 */
export function knotRows(knots: Knots, options: { fromFirstKnot?: boolean } = {}): { from: number; to: number; rate: number; endRate: number }[] {
  const at = (y: number) => {
    for (let i = 1; i < knots.length; i++) {
      const [y0, r0] = knots[i - 1];
      const [y1, r1] = knots[i];
      if (y <= y1) return (r0 * (y1 - y) + r1 * (y - y0)) / (y1 - y0);
    }
    return knots[knots.length - 1][1];
  };
  return knots.slice(1).map(([to, endRate], i) => {
    // The first row starts at the first knot, or the year after it when that knot is a year already covered (a measured rate).
    const from = i === 0 && options.fromFirstKnot !== false ? knots[0][0] : knots[i][0] + 1;
    return { from, to, rate: at(from), endRate };
  });
}

/** A path row (rates as fractions), optionally with a normal SD. */
export interface PathRow {
  readonly from: number;
  readonly to: number;
  readonly rate: number;
  readonly endRate?: number;
  readonly sd?: number;
}

/** Years over which a driver's uncertainty grows from nothing to its full SD ({@link rampInUncertainty}). */
export const RAMP_IN_YEARS = 5;

/**
 * Gives path rows a normal SD that grows year by year from `start`: SD × k / {@link RAMP_IN_YEARS} in
 * the k-th year (one row per year), the full SD after. With one shock per variable (Settings → Monte
 * Carlo shocks: shared) a draw then departs from the deterministic path gradually — a forecast error
 * grows with the lead time — instead of jumping at the first uncertain year, which would put a pile of
 * peaks on the year before it (an artifact of where the uncertainty starts, not of the drivers).
 * @example rampInUncertainty([{ from: 2026, to: 2035, rate: 0.05, endRate: 0.035 }], 2026, 0.01) // 2026…2030 yearly (SD 0.2 … 1 pp), then 2031–2035
 */
export function rampInUncertainty(rows: readonly PathRow[], start: number, sd: number): PathRow[] {
  const end = start + RAMP_IN_YEARS - 1;
  const out: PathRow[] = [];
  for (const r of rows) {
    if (r.to < start) {
      out.push(r);
      continue;
    }
    for (let y = Math.max(r.from, start); y <= Math.min(r.to, end); y++) out.push({ from: y, to: y, rate: rateInYear(r, y), sd: (sd * (y - start + 1)) / RAMP_IN_YEARS });
    const from = Math.max(r.from, end + 1);
    if (from <= r.to) out.push(from === r.from ? { ...r, sd } : { from, to: r.to, rate: rateInYear(r, from), ...(r.endRate !== undefined ? { endRate: r.endRate } : {}), sd });
    if (r.from < start) out.unshift({ ...r, to: start - 1, ...(r.endRate !== undefined ? { endRate: rateInYear(r, start - 1) } : {}) });
  }
  return out.sort((a, b) => a.from - b.from);
}

// ---------------------------------------------------------------------------------------------
// Cities, history and the last historical year.

/** The members: model name, CEADs name, the short id of their published figures. */
export const CITIES = [
  { id: "长沙", ceads: "湖南长沙", key: "cs" },
  { id: "株洲", ceads: "湖南株洲", key: "zz" },
  { id: "湘潭", ceads: "湖南湘潭", key: "xt" },
] as const;

/** A member's name. */
export type CityId = (typeof CITIES)[number]["id"];

const keyOf = (city: CityId) => CITIES.find((c) => c.id === city)!.key;

/** First year of the results: the 十三五's first year, from which CEADs has all three cities (2015). */
export const BASE_YEAR = 2015;

/**
 * The last historical year H = 2019: the last year CEADs has for any member (长沙). 株洲 ends in 2015
 * (2014 missing) and 湘潭 in 2017: the engine's fill rule `carry-forward` takes their last measured value
 * into 2019 (marked "filled" in every output). Why that rule and not a bridge: 株洲's and 湘潭's CEADs
 * emissions were flat to falling while their GDP grew ≈ 8 %/yr, i.e. CO2 per GDP fell ≈ 7 %/yr — about
 * what Hunan's energy-intensity decline (−5.3 % in 2016, −5.1 % in 2018) and a slowly cleaner mix give;
 * holding the level is the choice that adds no growth assumption to the measured data (docs/model.md §15).
 */
export const LAST_HISTORICAL_YEAR = 2019;

/**
 * A city's CEADs total (Mt) in a year, or undefined where CEADs has none.
 * @example ceadsTotal("株洲", 2015) // 19.908405500068486
 */
export function ceadsTotal(city: CityId, year: number): number | undefined {
  const ceads = CITIES.find((c) => c.id === city)!.ceads;
  return CEADS_CITY_TOTALS_MT.find((r) => r[0] === ceads && r[1] === year)?.[2];
}

/** A city's CEADs total in H or, for 株洲 and 湘潭, the value the fill rule carries into it. */
export function totalInH(city: CityId): number {
  for (let y = LAST_HISTORICAL_YEAR; y >= BASE_YEAR; y--) {
    const v = ceadsTotal(city, y);
    if (v !== undefined) return v;
  }
  throw new Error(`no CEADs value for ${city}`);
}

// ---------------------------------------------------------------------------------------------
// Population: the census break. The 2011–2019 estimates were made before the 7th census, which found
// 长沙 20 % larger and 株洲 and 湘潭 smaller than their 2019 estimates; a model must not read that
// jump as growth. The sample uses the census basis throughout: H's population is the census count
// taken back one year at the growth measured after it (2020→2021), so 2019 → 2020 grows as 2020 → 2021
// did and the 2020 census and 2021 figures are reproduced exactly (D: derived).

/** Growth 2020 (census) → 2021 (year-end), a fraction. */
export function populationGrowth2021(city: CityId): number {
  return published(`pop_2021_${keyOf(city)}`) / published(`pop_census_2020_${keyOf(city)}`) - 1;
}

/**
 * H's population on the census basis (万人): census 2020 ÷ (1 + growth 2020→2021).
 * @example population2019("长沙") // ≈ 986.0
 */
export function population2019(city: CityId): number {
  return published(`pop_census_2020_${keyOf(city)}`) / (1 + populationGrowth2021(city));
}

/**
 * Population growth after H, ASSUMPTIONS beyond the published years (China's population has fallen
 * since 2022 and Hunan's since 2020; 长沙 keeps drawing migrants from the rest of Hunan, more slowly):
 * 2023 → 2035 from the last measured rate to 长沙 +0.5 %, 株洲 and 湘潭 −0.5 %; 2036 → 2060 to 长沙
 * −0.3 %, 株洲 and 湘潭 −0.8 %.
 */
export const POPULATION_PATH: Readonly<Record<CityId, { readonly y2035: number; readonly y2060: number }>> = {
  长沙: { y2035: 0.005, y2060: -0.003 },
  株洲: { y2035: -0.005, y2060: -0.008 },
  湘潭: { y2035: -0.005, y2060: -0.008 },
};

/** The population rows of a city: measured years one by one, then ramps (rates as fractions). */
export function populationRows(city: CityId): { from: number; to: number; rate: number; endRate?: number; note: string }[] {
  const k = keyOf(city);
  const g21 = populationGrowth2021(city);
  const g22 = k === "xt" ? g21 : published(`pop_2022_${k}`) / published(`pop_2021_${k}`) - 1;
  const p = POPULATION_PATH[city];
  return [
    { from: 2020, to: 2020, rate: g21, note: "D: 2019 on the census basis grows to the census at the 2020→2021 rate" },
    { from: 2021, to: 2021, rate: g21, note: `published: ${published(`pop_2021_${k}`)} 万人 (2021) ÷ census ${published(`pop_census_2020_${k}`)}` },
    { from: 2022, to: 2022, rate: g22, note: k === "xt" ? "assumption: as 2021 (no 2022 figure found)" : `published: ${published(`pop_2022_${k}`)} 万人 (2022)` },
    ...knotRows([[2023, g22], [2035, p.y2035], [2060, p.y2060]]).map((r) => ({ ...r, note: "assumption: from the last measured rate to a falling population" })),
  ];
}

// ---------------------------------------------------------------------------------------------
// GDP: levels in H and real growth. Levels only anchor the indicators; growth drives the emissions.

/**
 * GDP in H (亿元, 2019 prices): 长沙 and 株洲 as published, 湘潭 = 长株潭 − 长沙 − 株洲 (D).
 * @example gdp2019("湘潭") // ≈ 2257.65
 */
export function gdp2019(city: CityId): number {
  if (city === "湘潭") return published("gdp_2019_czt") - published("gdp_2019_cs") - published("gdp_2019_zz");
  return published(`gdp_2019_${keyOf(city)}`);
}

/**
 * Real GDP growth 2020–2025 per city (fractions) with where each comes from. Where a city's figure
 * was not found: the mean of the other two cities' that year, else Hunan's (or 长株潭's) — labelled.
 * 长沙 2024 is derived from its published 2021–2024 average. 2025 (株洲, 湘潭): ASSUMPTION 5 %, as 长沙's 预计.
 */
export function gdpGrowthMeasured(city: CityId): { year: number; rate: number; note: string }[] {
  const pct = (id: string) => published(id) / 100;
  const cs2024 = Math.pow(1 + pct("growth_2021_2024_cs"), 4) / ((1 + pct("growth_2021_cs")) * (1 + pct("growth_2022_cs")) * (1 + pct("growth_2023_cs"))) - 1;
  const table: Record<CityId, [number, string][]> = {
    长沙: [
      [pct("growth_2020_cs"), "published"],
      [pct("growth_2021_cs"), "published"],
      [pct("growth_2022_cs"), "published"],
      [pct("growth_2023_cs"), "published"],
      [cs2024, "D: from the published 2021–2024 average 5.4 %"],
      [pct("growth_2025_cs"), "published (预计, preliminary)"],
    ],
    株洲: [
      [pct("growth_2020_zz"), "published"],
      [pct("growth_2021_zz"), "published"],
      [pct("growth_2022_hn"), "assumption: Hunan's (株洲 2022 not found)"],
      [(pct("growth_2023_cs") + pct("growth_2023_xt")) / 2, "assumption: mean of 长沙 and 湘潭 (株洲 2023 not found)"],
      [pct("growth_2024_czt"), "assumption: 长株潭's (株洲 2024 not found)"],
      [0.05, "assumption: 5 %, as 长沙's preliminary 2025"],
    ],
    湘潭: [
      [pct("growth_2020_hn"), "assumption: Hunan's (湘潭 2020 not found)"],
      [(pct("growth_2021_cs") + pct("growth_2021_zz")) / 2, "assumption: mean of 长沙 and 株洲 (湘潭 2021 not found)"],
      [pct("growth_2022_hn"), "assumption: Hunan's (湘潭 2022 not found)"],
      [pct("growth_2023_xt"), "published"],
      [pct("growth_2024_czt"), "assumption: 长株潭's (湘潭 2024 not found)"],
      [0.05, "assumption: 5 %, as 长沙's preliminary 2025"],
    ],
  };
  return table[city].map(([rate, note], i) => ({ year: 2020 + i, rate, note }));
}

/**
 * GDP growth after 2025, the same in every city (ASSUMPTIONS): 5.0 % in 2026 falling in a straight line
 * to 3.5 % in 2035 — with 2020–2025 that doubles 长沙's 2020 GDP by 2035, the national 2035 goal's
 * order (经济总量或人均收入翻一番) — then to 2.0 % in 2050 and 1.5 % in 2060 (a maturing economy).
 * Uncertain: normal, SD 1 pp/yr, one shock shared by every row (docs/uncertainty.md).
 */
export const GDP_KNOTS: Knots = [
  [2025, 0.05],
  [2035, 0.035],
  [2050, 0.02],
  [2060, 0.015],
];

/** SD of the population growth rates after 2022 (ASSUMPTION; population drives the indicators only). */
export const POPULATION_SD = 0.003;
/** SD of the floor-area growth rates after 2022 (ASSUMPTION: ±0.3 pp/yr). */
export const FLOOR_SD = 0.003;
/** SD of the built-up area growth rates after 2025 (ASSUMPTION: ±1 pp/yr; 长沙's published areas grew 8.6 %/yr 2016–2021). */
export const BUILT_UP_SD = 0.01;

/** SD of the post-2025 GDP growth rates (ASSUMPTION: the spread of published 2026–2030 forecasts for China, ≈ 3.5–5.5 %/yr). */
export const GDP_SD = 0.01;

// ---------------------------------------------------------------------------------------------
// Energy intensity (energy per unit of activity): the plans.

/**
 * Energy per unit of GDP, cluster-wide (fractions per year): 2020 Hunan's measured −1.98 % (A);
 * 2021–2022 Hunan's measured cumulative −7 %, −3.56 %/yr (B, D); 2023–2025 what is left of the 十四五
 * target −14 % (B, D: −2.58 %/yr); 长沙 2023–2025 what is left of its own plan's −15 % after Hunan's
 * measured 2021–2022 (ASSUMPTION: 长沙 moved with Hunan in 2021–2022; D: −2.95 %/yr). After 2025 (ASSUMPTIONS):
 * from the 2023–2025 pace (−2.58 %/yr) easing in a straight line to −2.0 % in 2040 and −1.5 % in 2060 (the
 * cheaper savings come first). Uncertain from 2023 (targets and assumptions, not measurements): normal,
 * SD 0.5 pp/yr, one shock shared by every energy-intensity row.
 */
export function energyIntensityRates() {
  const cum2122 = 1 + published("ei_2021_2022_hn") / 100;
  const t2025 = 1 + published("ei_target_2025_hn") / 100;
  return {
    y2020: published("ei_2020_hn") / 100,
    y2021to2022: Math.pow(cum2122, 1 / 2) - 1,
    y2023to2025: Math.pow(t2025 / cum2122, 1 / 3) - 1,
    changsha2023to2025: Math.pow((1 + published("ei_target_2025_cs") / 100) / cum2122, 1 / 3) - 1,
    after: knotRows(
      [
        [2025, Math.pow(t2025 / cum2122, 1 / 3) - 1],
        [2040, -0.02],
        [2060, -0.015],
      ],
      { fromFirstKnot: false },
    ),
  };
}

/** SD of the post-2025 energy-intensity rates (ASSUMPTION: Hunan's yearly declines ran −2 % to −5 % in 2016–2022). */
export const ENERGY_INTENSITY_SD = 0.005;

/**
 * Building energy per m² (commercial and residential, driven by floor area), ASSUMPTION: flat in 2020
 * (efficiency standards offset by more heating, cooling and appliances in a 夏热冬冷 climate), the
 * decline growing in a straight line to −1.5 %/yr in 2040 as standards and retrofits spread, −1 %/yr in
 * 2060. Uncertain from 2023: normal, SD 0.5 pp/yr (ramped in), shared with the other energy-intensity rows.
 */
export const BUILDING_ENERGY_KNOTS: Knots = [
  [2020, 0],
  [2040, -0.015],
  [2060, -0.01],
];

// ---------------------------------------------------------------------------------------------
// Carbon intensity of energy: the provincial energy mix, shared by every scenario (the grid and the
// fuel mix are Hunan's, not the cluster's: a shared assumption, not a coordination benefit).

/**
 * Non-fossil share of energy in year y: a straight line from Hunan's measured 23.5 % (2022) to the
 * national 80 % (2060) — ASSUMPTION on the shape. It passes Hunan's plan floors (22 % in 2025 → 28.0 %,
 * 25 % in 2030 → 35.4 %): the plan targets themselves lie below what Hunan had already reached in 2022,
 * so they cannot be the path (it would rise to 2022 and stall to 2030).
 * @example nonFossilShare(2030) // ≈ 0.354
 */
export function nonFossilShare(year: number): number {
  const a = published("nf_2022_hn") / 100;
  const b = published("nf_target_2060_cn") / 100;
  return a + ((b - a) * (year - 2022)) / (2060 - 2022);
}

/** CO2 per unit of energy, year on year: (1 − nf(y))/(1 − nf(y − 1)) − 1 (fossil CO2 per tce held: ASSUMPTION). */
export function carbonIntensityRate(year: number): number {
  return (1 - nonFossilShare(year)) / (1 - nonFossilShare(year - 1)) - 1;
}

/** The carbon-intensity periods: each row's rate and end rate are the exact yearly rates at its ends (linear in between). */
export const CARBON_INTENSITY_PERIODS: readonly (readonly [number, number])[] = [
  [2020, 2024],
  [2025, 2030],
  [2031, 2035],
  [2036, 2040],
  [2041, 2045],
  [2046, 2050],
  [2051, 2055],
  [2056, 2060],
];

/** SD of the carbon-intensity rates (ASSUMPTION: the pace of the non-fossil build-out, ±0.3 pp/yr). */
export const CARBON_INTENSITY_SD = 0.003;

// ---------------------------------------------------------------------------------------------
// Sectors: CEADs publishes city totals, not city sectors.

/**
 * Hunan 2019 CO2 per resident of the sectors that scale with residents (Mt per 万人): households
 * (urban and rural residents apart: rural homes burn more coal), services (Wholesale/Retail/Catering +
 * Others) and transport.
 */
export function hunanPerResident(): { urban: number; rural: number; commercial: number; transport: number } {
  const byName = new Map(HUNAN_2019_SECTORS_MT);
  const pop = published("pop_2019_hn");
  const urbanPop = published("urban_pop_2019_hn");
  return {
    urban: byName.get("Urban")! / urbanPop,
    rural: byName.get("Rural")! / (pop - urbanPop),
    commercial: (byName.get("Wholesale, Retail Trade and Catering Services")! + byName.get("Others")!) / pop,
    transport: byName.get("Transportation, Storage, Post and Telecommunication Services")! / pop,
  };
}

/** A city's urbanisation rate (share; the nearest year published). */
export function urbanShare(city: CityId): number {
  const id = { 长沙: "urban_2019_cs", 株洲: "urban_2021_zz", 湘潭: "urban_2018_xt" }[city];
  return published(id) / 100;
}

/**
 * A city's sector shares of its total. ASSUMPTION (CEADs has no city sectors): households, services
 * and transport scale with residents — each city's population (census basis, H) × Hunan's 2019 CO2 per
 * resident, households split urban/rural by the city's urbanisation rate — and the remainder (power
 * and heat, industry, construction, agriculture: what makes 湘潭 steel-heavy) is split in Hunan's
 * 2019 proportions. The shares of H are applied to every measured year.
 * @example citySectorShares("湘潭").heavy_industry // ≈ 0.40
 */
export function citySectorShares(city: CityId): Readonly<Record<string, number>> {
  const per = hunanPerResident();
  const pop = population2019(city);
  const u = urbanShare(city);
  const total = totalInH(city);
  const resident: Record<string, number> = {
    residential: pop * (u * per.urban + (1 - u) * per.rural),
    commercial: pop * per.commercial,
    transport: pop * per.transport,
  };
  const rest = total - Object.values(resident).reduce((a, b) => a + b, 0);
  const hunan = hunanSectorShares();
  const others = MODEL_SECTORS.filter((s) => !(s.id in resident));
  const othersShare = others.reduce((a, s) => a + hunan[s.id], 0);
  const out: Record<string, number> = {};
  for (const s of MODEL_SECTORS) out[s.id] = (s.id in resident ? resident[s.id] : (rest * hunan[s.id]) / othersShare) / total;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Activities: floor area (drives the buildings) and built-up area (what the land lever avoids).

/**
 * Floor area per resident, m² (ASSUMPTIONS): homes 47.52 (Hunan's 2020 census average, B, the same in
 * every city: no city figure was found) and 10 of commercial and public buildings (no figure found;
 * the order of China's public floor space per resident). Per-resident floor area grows 1 %/yr in 2020,
 * falling in a straight line to 0 in 2040 (saturation), so floor area = population × that.
 */
export const FLOOR_PER_RESIDENT = { homes: 47.52, commercial: 10, growth2020: 0.01, saturated: 2040 } as const;

/** Floor area in H, 万m². */
export function floorArea2019(city: CityId): number {
  return population2019(city) * (FLOOR_PER_RESIDENT.homes + FLOOR_PER_RESIDENT.commercial);
}

/** Per-resident floor growth in year y (fraction). */
function floorPerResidentGrowth(y: number): number {
  const g = FLOOR_PER_RESIDENT.growth2020 * (FLOOR_PER_RESIDENT.saturated - y) / (FLOOR_PER_RESIDENT.saturated - 2020);
  return g > 0 ? g : 0;
}

/**
 * Floor-area rows of a city: population growth + per-resident growth, year by year where the population
 * rows are yearly, as ramps elsewhere (the product (1 + a)(1 + b) − 1 taken as a + b: < 0.01 pp off).
 */
export function floorAreaRows(city: CityId): { from: number; to: number; rate: number; endRate?: number }[] {
  const pop = populationRows(city);
  const popRate = (y: number) => {
    const r = pop.find((p) => p.from <= y && y <= p.to)!;
    return rateInYear(r, y);
  };
  const f = (y: number) => popRate(y) + floorPerResidentGrowth(y);
  const cuts: [number, number][] = [[2020, 2020], [2021, 2021], [2022, 2022], [2023, 2035], [2036, 2040], [2041, 2060]];
  return cuts.map(([from, to]) => (from === to ? { from, to, rate: f(from) } : { from, to, rate: f(from), endRate: f(to) }));
}

/**
 * Built-up area in H (km²; levels shown only — the land lever needs the growth alone): 长沙 between its
 * published 2016 and 2021 areas (geometric, D; the 2021 figure may include a change of scope); 株洲 its
 * 2020 area taken back one year at its plan's rate (D); 湘潭 its published (undated) area (C).
 */
export function builtUpArea2019(city: CityId): number {
  if (city === "长沙") return published("area_2016_cs") * Math.pow(published("area_2021_cs") / published("area_2016_cs"), 3 / 5);
  if (city === "株洲") return published("area_2020_zz") / (1 + zhuzhouPlanAreaGrowth());
  return published("area_xt");
}

/** 株洲's 十四五 plan: 142.19 km² (2020) → 180 km² (2025), per year. */
export function zhuzhouPlanAreaGrowth(): number {
  return Math.pow(published("area_target_2025_zz") / published("area_2020_zz"), 1 / 5) - 1;
}

/**
 * Baseline built-up area growth (the "sprawl" path the land lever is measured against): 株洲 its own
 * 十四五 plan to 2025 (B, D: +4.8 %/yr); 长沙 and 湘潭 ASSUMPTION +4 %/yr to 2025 (长沙's published
 * areas imply +8.6 %/yr 2016–2021, partly a change of scope); then for all, 4 % in 2026 falling to 1 % in
 * 2035 and 0.5 % in 2060 (urbanisation levelling off). Uncertain: normal, SD 1 pp/yr, shared.
 */
export const BUILT_UP_PATH = {
  y2020to2025: 0.04,
  after: knotRows(
    [
      [2025, 0.04],
      [2035, 0.01],
      [2060, 0.005],
    ],
    { fromFirstKnot: false },
  ),
} as const;

/** Baseline built-up area growth of a city in year y. */
function builtUpGrowth(city: CityId, y: number): number {
  if (y <= 2025) return city === "株洲" ? zhuzhouPlanAreaGrowth() : BUILT_UP_PATH.y2020to2025;
  const r = BUILT_UP_PATH.after.find((p) => p.from <= y && y <= p.to)!;
  return rateInYear(r, y);
}

/** Baseline built-up area of a city in year y ≥ H (km²). */
export function builtUpArea(city: CityId, year: number): number {
  let a = builtUpArea2019(city);
  for (let y = LAST_HISTORICAL_YEAR + 1; y <= year; y++) a *= 1 + builtUpGrowth(city, y);
  return a;
}

// ---------------------------------------------------------------------------------------------
// Data, copied from data/ceads-changzhutan-city-totals.csv (Mt CO2; years absent in CEADs are absent).

/** CEADs city totals: [CEADs city name, year, Mt CO2]. */
export const CEADS_CITY_TOTALS_MT: ReadonlyArray<readonly [string, number, number]> = [
  ["湖南株洲", 2005, 24.673893760562137],
  ["湖南株洲", 2006, 23.544754010404173],
  ["湖南株洲", 2007, 24.323872870408408],
  ["湖南株洲", 2008, 18.706974123427862],
  ["湖南株洲", 2009, 19.004532635076334],
  ["湖南株洲", 2010, 24.66109010492398],
  ["湖南株洲", 2011, 25.58761584719394],
  ["湖南株洲", 2012, 24.765081395779582],
  ["湖南株洲", 2013, 25.559391131337566],
  ["湖南株洲", 2015, 19.908405500068486],
  ["湖南湘潭", 2001, 27.90190836788957],
  ["湖南湘潭", 2002, 29.324387938478868],
  ["湖南湘潭", 2006, 26.446974999000005],
  ["湖南湘潭", 2007, 33.625406962971155],
  ["湖南湘潭", 2008, 32.693132585627886],
  ["湖南湘潭", 2009, 39.73488344804536],
  ["湖南湘潭", 2010, 38.24665741492454],
  ["湖南湘潭", 2011, 43.53890202564655],
  ["湖南湘潭", 2012, 40.810713196235966],
  ["湖南湘潭", 2013, 40.61785900840747],
  ["湖南湘潭", 2014, 41.17414986684353],
  ["湖南湘潭", 2015, 41.283699678509166],
  ["湖南湘潭", 2016, 42.254855221091944],
  ["湖南湘潭", 2017, 44.07138730955402],
  ["湖南长沙", 2001, 9.580665247645618],
  ["湖南长沙", 2002, 10.72206271314397],
  ["湖南长沙", 2003, 9.394489742931595],
  ["湖南长沙", 2005, 19.828072538623882],
  ["湖南长沙", 2006, 23.115311293292883],
  ["湖南长沙", 2007, 25.00954834693591],
  ["湖南长沙", 2008, 25.200181807918803],
  ["湖南长沙", 2009, 25.94895692489593],
  ["湖南长沙", 2010, 29.841072245532533],
  ["湖南长沙", 2011, 28.977078323284672],
  ["湖南长沙", 2012, 26.542173387303034],
  ["湖南长沙", 2013, 28.652271917101974],
  ["湖南长沙", 2014, 28.71694482636212],
  ["湖南长沙", 2015, 30.012426249321944],
  ["湖南长沙", 2016, 29.503771772865896],
  ["湖南长沙", 2017, 31.535463614289256],
  ["湖南长沙", 2018, 29.8265785649762],
  ["湖南长沙", 2019, 32.4538372096605],
];

/** Hunan 2019, scope-1 CO2 by CEADs sector (Mt), from data/ceads-hunan-2019-sectors.csv. */
export const HUNAN_2019_TOTAL_MT = 310.6416664583151;

/** The 47 sector rows of the Hunan 2019 file (45 production sectors + Urban and Rural households): [name, Mt]. */
export const HUNAN_2019_SECTORS_MT: ReadonlyArray<readonly [string, number]> = [
  ["Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy", 10.208017800967665],
  ["Coal Mining and Dressing", 4.524552860766378],
  ["Petroleum and Natural Gas Extraction", 0.0040519161090958175],
  ["Ferrous Metals Mining and Dressing", 0.0571154987547762],
  ["Nonferrous Metals Mining and Dressing", 0.15527491845708286],
  ["Nonmetal Minerals Mining and Dressing", 0.41056555234113273],
  ["Other Minerals Mining and Dressing", 0.04712984927914904],
  ["Logging and Transport of Wood and Bamboo", 0],
  ["Food Processing", 0.6331468384239187],
  ["Food Production", 0.5961238032591987],
  ["Beverage Production", 0.18429538691632286],
  ["Tobacco Processing", 0.08326237778640831],
  ["Textile Industry", 0.9531073333185409],
  ["Garments and Other Fiber Products", 0.02353214589672691],
  ["Leather, Furs, Down and Related Products", 0.11383034094753629],
  ["Timber Processing, Bamboo, Cane, Palm Fiber & Straw Products", 0.25658965105625287],
  ["Furniture Manufacturing", 0.04781554782736863],
  ["Papermaking and Paper Products", 1.1366610121893033],
  ["Printing and Record Medium Reproduction", 0.11728818270447049],
  ["Cultural, Educational and Sports Articles", 0.029904225689915943],
  ["Petroleum Processing and Coking", 3.565062013455049],
  ["Raw Chemical Materials and Chemical Products", 2.7150683617146636],
  ["Medical and Pharmaceutical Products", 0.28495421365186996],
  ["Chemical Fiber", 0.023312162591127904],
  ["Rubber Products", 0.07863410122446324],
  ["Plastic Products", 0.20808413823269759],
  ["Nonmetal Mineral Products", 50.75718320222021],
  ["Smelting and Pressing of Ferrous Metals", 38.26007135928667],
  ["Smelting and Pressing of Nonferrous Metals", 2.211434780727803],
  ["Metal Products", 0.8250252294700979],
  ["Ordinary Machinery", 0.3423297385469022],
  ["Equipment for Special Purposes", 0.36164980808063824],
  ["Transportation Equipment", 0.3573314638557561],
  ["Electric Equipment and Machinery", 0.2752684455175524],
  ["Electronic and Telecommunications Equipment", 0.13188912627839627],
  ["Instruments, Meters, Cultural and Office Machinery", 0.11487120930112149],
  ["Other Manufacturing Industry", 0.020839481801367472],
  ["Scrap and waste", 0.15151112849249215],
  ["Production and Supply of Electric Power, Steam and Hot Water", 107.88774213491206],
  ["Production and Supply of Gas", 0.0765650439603709],
  ["Production and Supply of Tap Water", 0.03718281942000375],
  ["Construction", 6.3263336271328665],
  ["Transportation, Storage, Post and Telecommunication Services", 32.30831668384112],
  ["Wholesale, Retail Trade and Catering Services", 11.238160490539578],
  ["Others", 12.542809739981408],
  ["Urban", 10.714684410206234],
  ["Rural", 9.24308630118135],
];

// ---------------------------------------------------------------------------------------------
// Model sectors: the 47 CEADs rows mapped into 8 sectors.

/** A model sector and the CEADs rows it gathers. */
export interface ModelSector {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly ceads: readonly string[];
}

const MINING = [
  "Coal Mining and Dressing",
  "Petroleum and Natural Gas Extraction",
  "Ferrous Metals Mining and Dressing",
  "Nonferrous Metals Mining and Dressing",
  "Nonmetal Minerals Mining and Dressing",
  "Other Minerals Mining and Dressing",
  "Logging and Transport of Wood and Bamboo",
];
const LIGHT_MANUFACTURING = [
  "Food Processing",
  "Food Production",
  "Beverage Production",
  "Tobacco Processing",
  "Textile Industry",
  "Garments and Other Fiber Products",
  "Leather, Furs, Down and Related Products",
  "Timber Processing, Bamboo, Cane, Palm Fiber & Straw Products",
  "Furniture Manufacturing",
  "Papermaking and Paper Products",
  "Printing and Record Medium Reproduction",
  "Cultural, Educational and Sports Articles",
  "Medical and Pharmaceutical Products",
  "Rubber Products",
  "Plastic Products",
  "Metal Products",
  "Ordinary Machinery",
  "Equipment for Special Purposes",
  "Transportation Equipment",
  "Electric Equipment and Machinery",
  "Electronic and Telecommunications Equipment",
  "Instruments, Meters, Cultural and Office Machinery",
  "Other Manufacturing Industry",
  "Scrap and waste",
];

/**
 * The mapping. heavy_industry is the energy-intensive manufacturing of China's "六大高耗能行业" minus
 * power (which is its own sector); other_industry is mining, the rest of manufacturing, gas and water
 * supply; buildings are split into commercial (Wholesale/Retail/Catering + Others, i.e. services) and
 * residential (Urban + Rural households).
 */
export const MODEL_SECTORS: readonly ModelSector[] = [
  { id: "power_heat", zh: "电力热力", en: "Power and heat", ceads: ["Production and Supply of Electric Power, Steam and Hot Water"] },
  {
    id: "heavy_industry",
    zh: "高耗能工业",
    en: "Energy-intensive industry",
    ceads: [
      "Petroleum Processing and Coking",
      "Raw Chemical Materials and Chemical Products",
      "Chemical Fiber",
      "Nonmetal Mineral Products",
      "Smelting and Pressing of Ferrous Metals",
      "Smelting and Pressing of Nonferrous Metals",
    ],
  },
  { id: "other_industry", zh: "其他工业", en: "Other industry", ceads: [...MINING, ...LIGHT_MANUFACTURING, "Production and Supply of Gas", "Production and Supply of Tap Water"] },
  { id: "construction", zh: "建筑业", en: "Construction", ceads: ["Construction"] },
  { id: "transport", zh: "交通运输", en: "Transport", ceads: ["Transportation, Storage, Post and Telecommunication Services"] },
  { id: "commercial", zh: "商业与公共建筑", en: "Commercial buildings", ceads: ["Wholesale, Retail Trade and Catering Services", "Others"] },
  { id: "residential", zh: "居民生活", en: "Residential", ceads: ["Urban", "Rural"] },
  { id: "agriculture", zh: "农业", en: "Agriculture", ceads: ["Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy"] },
];

/**
 * Each model sector's share of Hunan's 2019 total (the 47 rows sum exactly to TotalEmissions).
 * ASSUMPTION: every member city has Hunan's 2019 sector structure (CEADs publishes city totals, not
 * city sectors). This is the sample's strongest simplification: 湘潭's steel-heavy economy, for one,
 * certainly differs.
 * @example hunanSectorShares().power_heat // ≈ 0.3473
 */
export function hunanSectorShares(): Readonly<Record<string, number>> {
  const byName = new Map(HUNAN_2019_SECTORS_MT);
  const out: Record<string, number> = {};
  for (const s of MODEL_SECTORS) out[s.id] = s.ceads.reduce((sum, name) => sum + (byName.get(name) ?? NaN), 0) / HUNAN_2019_TOTAL_MT;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Levers. Measures a city can take alone are in both the independent and the coordinated scenario;
// the coordinated scenario adds only what needs the cluster (docs/model.md §15 argues each one).

/** ASSUMPTION: passenger road traffic is 40 % of transport-sector emissions (what transit and EVs act on). */
export const PASSENGER_ROAD_SHARE = 0.4;

/**
 * ASSUMPTION: an electric km emits about half of a petrol km's CO2 at Hunan's power mix (≈ 0.15 kWh/km
 * × ≈ 0.5 kgCO2/kWh — a secondary, unverified provincial factor — ≈ 75 g against ≈ 160 g/km), so an EV
 * lever's value is the net cut: the fuel saved less the power plants' extra CO2 (booked in transport, as
 * the charging may be met by plants in or outside the cluster).
 */
export const EV_NET = 0.5;

/** The seed's built-up area path vs its sprawl baseline (土地): −28 % in 2020, −33 % in 2030. */
export const SEED_LAND_CUT = { 2020: 0.28, 2030: 0.33 } as const;

/**
 * The land lever's value: the share of the baseline's new built-up area (after H) not built. The seed's
 * cuts are against a sprawl plan begun before the measured years (−28 % by 2020 would mean tearing down
 * a quarter of the cities); what lies after H is its deepening from −28 % to −33 %: over 2020–2030 the
 * coordinated area grows by a factor 0.67/0.72 = 0.931 of the baseline's. With the cluster's baseline
 * growth G = A(2030)/A(2019), avoiding a share v of the new area gives A(H) + (1 − v)(A − A(H)) =
 * 0.931·A in 2030, so v = (1 − 0.67/0.72)·G/(G − 1) (D, from the seed). Held after 2030 (ASSUMPTION).
 * @example landLeverValue() // ≈ 0.25
 */
export function landLeverValue(): number {
  const a = (y: number) => CITIES.reduce((s, c) => s + builtUpArea(c.id, y), 0);
  const g = a(2030) / a(LAST_HISTORICAL_YEAR);
  const keep = (1 - SEED_LAND_CUT[2030]) / (1 - SEED_LAND_CUT[2020]);
  return ((1 - keep) * g) / (g - 1);
}

/**
 * ASSUMPTION: half of the emissions of transport, construction and buildings scale with the built-up
 * area (trip lengths, infrastructure and districts to build and serve); the rest follows residents and
 * the economy whatever the city's footprint. Industry and power do not scale with the footprint — the
 * seed's "≈ −20 % in 2020" came from multiplying the area cut by whole-city CO2 per km² (18 / 24 / 38
 * 万t/km²), i.e. from treating 湘潭's steel works as if they moved with the city's edge.
 */
export const LAND_COVERAGE = 0.5;
/** The sectors the land lever acts on. */
export const LAND_SECTORS = ["transport", "construction", "commercial", "residential"] as const;

/**
 * The industrial-upgrading elasticity ε per pp of GDP moved from secondary to tertiary, acting on the
 * industrial sectors only (heavy and other industry, construction): 1 pp of GDP is 1/s₂ of secondary
 * value added, so with the same energy per unit of it the industrial sectors' emissions fall by
 * ε = 0.01/s₂, s₂ = the cluster's secondary share (GDP-weighted, nearest published years: D). Check
 * against the seed (产业: 1 pp → ≈ 1 % of GDP energy intensity): ε × the industrial sectors' share of the
 * cluster's emissions. Power is left out (its demand from industry would fall too: conservative).
 * @example upgradingElasticity() // ≈ 0.024
 */
export function upgradingElasticity(): number {
  const s2 = secondaryShare();
  return 0.01 / s2;
}

/** The cluster's secondary share (fraction), GDP-weighted over the nearest published years. */
export function secondaryShare(): number {
  const share = { 长沙: published("secondary_2019_cs"), 株洲: published("secondary_2021_zz"), 湘潭: published("secondary_2023_xt") };
  let g = 0;
  let w = 0;
  for (const c of CITIES) {
    g += gdp2019(c.id);
    w += (gdp2019(c.id) * share[c.id]) / 100;
  }
  return w / g;
}

/** The industrial sectors (secondary industry) the upgrading acts on. */
export const INDUSTRIAL_SECTORS = ["heavy_industry", "other_industry", "construction"] as const;

/** ASSUMPTION: the cluster's joint industrial division moves 4 pp of GDP from secondary to tertiary by 2030 (triangular 2–6). */
export const UPGRADING_PP = { value: 4, min: 2, max: 6 } as const;

/** ASSUMPTION: intercity rail (seed: 150 km 城际铁路) shifts 7 % of passenger road emissions by 2030 on top of each city's own transit (triangular 3.5–9 %: ridership often falls short). */
export const INTERCITY = { value: 0.07, min: 0.035, max: 0.09 } as const;

/** ASSUMPTION: a cluster-wide charging network (seed: 跨区域充电桩不足) adds 15 % gross (7.5 % net) to passenger road fuel per km by 2035 (triangular 4–10 % net). */
export const REGIONAL_EV = { value: 0.15 * EV_NET, min: 0.04, max: 0.1 } as const;

/** ASSUMPTION: the land lever's value triangular from 70 % to 110 % of the seed-derived value (plans are more often under- than over-delivered). */
export const LAND_RANGE = [0.7, 1.1] as const;

// ---------------------------------------------------------------------------------------------
// The input.

type Lever = Omit<LeverRow, "scenario" | "source">;
const lever = (scenario: string, l: Lever): LeverRow => ({ scenario, ...l }) as LeverRow;

/** Measures each city takes alone: in both the independent and the coordinated scenario. */
function cityAloneLevers(): Lever[] {
  return [
    {
      name: "公共交通（各市自建）",
      cities: "all",
      sectors: ["transport"],
      kind: "reduce",
      value: 0.05,
      coverage: PASSENGER_ROAD_SHARE,
      startYear: 2020,
      fullYear: 2030,
      shape: "linear",
      note: "city alone: each city's own metro and buses shift 5 % of passenger road emissions by 2030 (assumption)",
    },
    {
      name: "电动车（各市充电桩）",
      cities: "all",
      sectors: ["transport"],
      kind: "intensity",
      value: 0.1 * EV_NET,
      coverage: PASSENGER_ROAD_SHARE,
      startYear: 2020,
      fullYear: 2035,
      shape: "s-curve",
      note: `city alone: city-only charging cuts passenger road fuel per km 10 % by 2035, net of the power it needs (× ${EV_NET}; assumptions)`,
    },
  ] as Lever[];
}

/** Measures only the cluster can take: in the coordinated scenario only. */
function clusterLevers(): Lever[] {
  const v = landLeverValue();
  const eps = upgradingElasticity();
  return [
    {
      name: "紧凑用地",
      cities: "all",
      sectors: [...LAND_SECTORS],
      kind: "avoid_growth",
      activity: "built_up_area",
      value: v,
      coverage: LAND_COVERAGE,
      dist: "triangular",
      min: v * LAND_RANGE[0],
      max: v * LAND_RANGE[1],
      startYear: 2020,
      fullYear: 2020,
      shape: "step",
      note: `seed 土地: a joint spatial plan avoids ${(v * 100).toFixed(1)} % of the baseline's new built-up area from 2020 (the seed's −28 % → −33 % deepening, 2020–2030); existing stock never cut; ${LAND_COVERAGE * 100} % of transport, construction and buildings scale with the area (assumption)`,
    },
    {
      name: "产业协同升级",
      cities: "all",
      sectors: [...INDUSTRIAL_SECTORS],
      kind: "structure_shift",
      value: UPGRADING_PP.value,
      elasticity: eps,
      dist: "triangular",
      min: UPGRADING_PP.min,
      max: UPGRADING_PP.max,
      startYear: 2020,
      fullYear: 2030,
      shape: "linear",
      note: `seed 产业: joint industrial division moves ${UPGRADING_PP.value} pp of GDP from secondary to tertiary by 2030 (assumption); industrial sectors only, ε = 0.01/s₂ = ${eps.toFixed(4)} per pp (s₂ = ${(secondaryShare() * 100).toFixed(1)} %)`,
    },
    {
      name: "统一建筑能效标准",
      cities: "all",
      sectors: ["commercial", "residential"],
      kind: "align_best",
      activity: "floor_area",
      value: 0.5,
      startYear: 2020,
      fullYear: 2035,
      shape: "s-curve",
      note: "seed 建筑: one standard for the cluster, every city moving to the best member's CO2 per m² of floor area; half the gap closed by 2035 (assumption: new and retrofitted buildings)",
    },
    {
      name: "城际公共交通",
      cities: "all",
      sectors: ["transport"],
      kind: "reduce",
      value: INTERCITY.value,
      dist: "triangular",
      min: INTERCITY.min,
      max: INTERCITY.max,
      coverage: PASSENGER_ROAD_SHARE,
      startYear: 2020,
      fullYear: 2030,
      shape: "linear",
      note: "seed 交通·客运: intercity rail (150 km) and one network — no single city can build it; 7 % of passenger road emissions by 2030 on top of the cities' own transit (assumption)",
    },
    {
      name: "电动车（区域充电网络）",
      cities: "all",
      sectors: ["transport"],
      kind: "intensity",
      value: REGIONAL_EV.value,
      dist: "triangular",
      min: REGIONAL_EV.min,
      max: REGIONAL_EV.max,
      coverage: PASSENGER_ROAD_SHARE,
      startYear: 2020,
      fullYear: 2035,
      shape: "s-curve",
      note: `seed 交通·客运: charging planned across the cluster lets EVs make intercity trips; a further 15 % of passenger road fuel per km by 2035, net × ${EV_NET} (assumptions)`,
    },
  ] as Lever[];
}

/**
 * The sample scenario input: 3 cities × 8 sectors, results 2015–2060, measured history to 2019,
 * scenarios baseline (drivers only: the plans), independent (each city's own measures) and coordinated
 * (those plus the cluster's), in Mt.
 * @example runScenarios(changzhutanInput()).value.peaks
 */
export function changzhutanInput(): ScenarioInput {
  const H = LAST_HISTORICAL_YEAR;
  // Inventory: every measured CEADs year 2015–2019, split by the city's sector shares.
  const inventory: InventoryRow[] = CITIES.flatMap((c) => {
    const shares = citySectorShares(c.id);
    const years = CEADS_CITY_TOTALS_MT.filter((r) => r[0] === c.ceads && r[1] >= BASE_YEAR && r[1] <= H);
    return years.flatMap(([, year, mt]) =>
      MODEL_SECTORS.map((s) => ({ city: c.id, sector: s.id, year, value: mt * shares[s.id], note: `CEADs ${c.ceads} ${year} × the city's ${s.id} share (assumption: docs/model.md §15)` })),
    );
  }) as InventoryRow[];

  const activities = CITIES.flatMap((c) => [
    { activity: "floor_area", city: c.id, value: floorArea2019(c.id), unit: "万m²", sectors: ["commercial", "residential"], note: `population ${population2019(c.id).toFixed(2)} 万人 × ${FLOOR_PER_RESIDENT.homes + FLOOR_PER_RESIDENT.commercial} m² (assumption: homes 47.52 m², Hunan census; commercial 10 m²)` },
    { activity: "built_up_area", city: c.id, value: builtUpArea2019(c.id), unit: "km²", note: "2019 built-up area (derived from published areas, docs/model.md §15); no emissions per km²: the land lever's sectors scale with the area" },
  ]) as ActivityRow[];

  const drivers: DriverRow[] = [];
  const add = (row: Omit<DriverRow, "source" | "variable" | "dist"> & { variable: string; sd?: number }) =>
    drivers.push({ ...row, ...(row.sd !== undefined ? { dist: "normal" } : {}) } as DriverRow);
  const path = (variable: string, rows: readonly PathRow[], extra: { city?: string; sector?: string; note: string; period?: string }) =>
    rows.forEach((r) => add({ variable, ...extra, ...r }));
  // Population and GDP per city: measured years one by one (certain), then assumptions.
  for (const c of CITIES) {
    const pop = populationRows(c.id);
    pop.filter((p) => p.to <= 2022).forEach((p) => add({ variable: "population", city: c.id, ...p }));
    path("population", rampInUncertainty(pop.filter((p) => p.from >= 2023), 2023, POPULATION_SD), { city: c.id, note: pop[pop.length - 1].note });
    for (const g of gdpGrowthMeasured(c.id)) add({ variable: "gdp", city: c.id, from: g.year, to: g.year, rate: g.rate, note: g.note });
  }
  path("gdp", rampInUncertainty(knotRows(GDP_KNOTS, { fromFirstKnot: false }), 2026, GDP_SD), { note: "assumption: slowing growth; doubles 2020 GDP by 2035 (national 2035 goal)" });
  // Energy intensity: measured, the plans, then assumptions.
  const ei = energyIntensityRates();
  add({ variable: "energy_intensity", from: 2020, to: 2020, rate: ei.y2020, note: "Hunan measured −1.98 % (NBS)" });
  add({ variable: "energy_intensity", from: 2021, to: 2022, rate: ei.y2021to2022, note: "Hunan measured: −7 % over 2021–2022" });
  path("energy_intensity", rampInUncertainty([{ from: 2023, to: 2025, rate: ei.y2023to2025 }, ...ei.after], 2023, ENERGY_INTENSITY_SD), { note: "Hunan's 十四五 target −14 % vs 2020 (what is left after 2022), then assumption: that pace easing" });
  path("energy_intensity", rampInUncertainty([{ from: 2023, to: 2025, rate: ei.changsha2023to2025 }], 2023, ENERGY_INTENSITY_SD), { city: "长沙", period: "十四五", note: "长沙碳达峰实施方案: −15 % vs 2020 (what is left after 2022)" });
  for (const sec of ["commercial", "residential"]) {
    path("energy_intensity", rampInUncertainty(knotRows(BUILDING_ENERGY_KNOTS), 2023, ENERGY_INTENSITY_SD), { sector: sec, note: "assumption: energy per m² of floor area" });
    // 长沙's city row (2023–2025) would win over the sector rows: its buildings keep their own path there.
    path("energy_intensity", rampInUncertainty(knotRows(BUILDING_ENERGY_KNOTS), 2023, ENERGY_INTENSITY_SD).filter((r) => r.from >= 2023 && r.to <= 2025), {
      city: "长沙",
      sector: sec,
      note: "assumption: 长沙's −15 % is its GDP-driven sectors'; its buildings follow energy per m²",
    });
  }
  // Carbon intensity of energy: Hunan's energy mix (shared by every scenario). Exact yearly rates at each row's ends.
  const ci = CARBON_INTENSITY_PERIODS.map(([from, to]) => ({ from, to, rate: carbonIntensityRate(from), ...(to > from ? { endRate: carbonIntensityRate(to) } : {}) }));
  path("carbon_intensity", rampInUncertainty(ci, 2020, CARBON_INTENSITY_SD), { note: "non-fossil share on a straight line, 23.5 % (2022) → 80 % (2060); fossil CO2 per tce held" });
  // Activities: floor area and built-up area.
  for (const c of CITIES) {
    const f = floorAreaRows(c.id);
    f.filter((r) => r.to <= 2022).forEach((r) => add({ variable: "floor_area", city: c.id, ...r, note: "population + per-resident floor area growth" }));
    path("floor_area", rampInUncertainty(f.filter((r) => r.from >= 2023), 2023, FLOOR_SD), { city: c.id, note: "population + per-resident floor area growth (assumptions)" });
  }
  add({ variable: "built_up_area", from: 2020, to: 2025, rate: BUILT_UP_PATH.y2020to2025, note: "assumption: +4 %/yr (长沙 2016–2021 published areas: +8.6 %/yr, partly a change of scope)" });
  add({ variable: "built_up_area", city: "株洲", from: 2020, to: 2025, rate: zhuzhouPlanAreaGrowth(), period: "十四五", note: "株洲十四五纲要: 180 km² by 2025" });
  path("built_up_area", rampInUncertainty(BUILT_UP_PATH.after, 2026, BUILT_UP_SD), { note: "assumption: urbanisation levelling off" });

  const socioeconomic: SocioRow[] = CITIES.flatMap((c) => [
    { city: c.id, variable: "population", year: H, value: population2019(c.id), unit: "万人", note: "census basis (D): 2020 census ÷ (1 + 2020→2021 growth)" },
    { city: c.id, variable: "gdp", year: H, value: gdp2019(c.id), unit: "亿元（2019年价）", note: c.id === "湘潭" ? "D: 长株潭 − 长沙 − 株洲 (2019)" : "published (2019)" },
  ]) as SocioRow[];

  const targets = [
    { kind: "peak_by", region: "长沙", to: 2030, note: "长沙市碳达峰实施方案 (2023): CO2 peaks by 2030" },
    { kind: "peak_by", to: 2030, note: "湖南省碳达峰实施方案 (2022) for the province, applied to the cluster (assumption)" },
    ...[...CITIES.map((c) => c.id as string), undefined].map((region) => ({ kind: "intensity_decline", ...(region ? { region } : {}), from: 2020, to: 2025, value: 0.18, note: "national −18 % CO2 per GDP 2020→2025; Hunan's plan: 完成国家下达目标 (assumption: −18 % for each)" })),
  ] as TargetRow[];

  return {
    settings: {
      baseYear: BASE_YEAR,
      endYear: 2060,
      targetYear: 2030,
      tolerance: 0,
      confirmYears: 0,
      smoothYears: 1,
      strict: false,
      units: "Mt",
      cluster: "长株潭",
      baseline: "baseline",
      scenarios: ["independent", "coordinated"],
      independent: "independent",
      coordinated: "coordinated",
      lastHistoricalYear: H,
      fill: "carry-forward",
      referenceYear: 2020,
      cumulativeFrom: 2020,
      shocks: "shared",
    },
    inventory,
    activities,
    drivers,
    levers: [...cityAloneLevers().map((l) => lever("independent", l)), ...[...cityAloneLevers(), ...clusterLevers()].map((l) => lever("coordinated", l))],
    socioeconomic,
    targets,
  };
}
