/**
 * The 长株潭 (Changsha–Zhuzhou–Xiangtan) worked example: a scenario input built from CEADs data and
 * the seed report's cluster levers (seed, "城市群碳排放达峰行动探讨：以长株潭城市群为例": 土地, 产业,
 * 建筑, 交通). Every number that is not data is an assumption, stated next to it with its reason.
 *
 * Data (copied unchanged into data/*.csv; this file embeds the values it uses and a test checks them
 * against the CSVs): CEADs city CO2 totals and Hunan's 2019 CO2 by sector. Cite: Shan, Y., Guan, Y.,
 * Hang, Y., Zheng, H., Li, Y., Guan, D., et al. (2022). City-level emission peak and drivers in China.
 * Science Bulletin, 67(18), 1910–1920 — and Shan, Y., Liu, J., Liu, Z., Shao, S., Guan, D. (2019). An
 * emissions-socioeconomic inventory of Chinese cities. Scientific Data, 6, 27 (city totals); Shan, Y.,
 * Huang, Q., Guan, D., Hubacek, K. (2020). China CO2 emission accounts 2016–2017. Scientific Data, 7,
 * 54 — and Guan, Y., Shan, Y., Huang, Q., Chen, H., Wang, D., Hubacek, K. (2021). Assessment to China's
 * recent emission pattern shifts. Earth's Future, 9(11), e2021EF002241 (Hunan sectors).
 */
import type { ActivityRow, DriverRow, InventoryRow, LeverRow, ScenarioInput } from "../engine";

/** The data citation to show wherever the sample's data or results appear. */
export const CEADS_CITATION =
  "Data: CEADs (ceads.net). City totals: Shan et al. (2022) Science Bulletin 67(18):1910–1920; Shan et al. (2019) Scientific Data 6:27. " +
  "Hunan sectors: Shan et al. (2020) Scientific Data 7:54; Guan et al. (2021) Earth's Future 9(11):e2021EF002241.";

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
// Cities and the base year.

/** The members: model name, CEADs name, the seed's CO2 per km² of built-up area (万t/km²). */
export const CITIES = [
  { id: "长沙", ceads: "湖南长沙", perKm2Wt: 18 },
  { id: "株洲", ceads: "湖南株洲", perKm2Wt: 24 },
  { id: "湘潭", ceads: "湖南湘潭", perKm2Wt: 38 },
] as const;

/**
 * Base year 2015: the latest year in which CEADs has all three cities (株洲 ends in 2015, 湘潭 in
 * 2017, 长沙 in 2019), so no member's base value is imputed. Later observations calibrate 2016–2020.
 */
export const BASE_YEAR = 2015;

/**
 * A city's CEADs total (Mt) in a year, or undefined where CEADs has none.
 * @example ceadsTotal("株洲", 2015) // 19.908405500068486
 */
export function ceadsTotal(city: (typeof CITIES)[number]["id"], year: number): number | undefined {
  const ceads = CITIES.find((c) => c.id === city)!.ceads;
  return CEADS_CITY_TOTALS_MT.find((r) => r[0] === ceads && r[1] === year)?.[2];
}

/**
 * 十三五 (2016–2020) growth per city, calibrated so the baseline passes through the last CEADs value:
 * 长沙 (2019/2015)^(1/4) − 1 ≈ +1.97%/yr; 湘潭 (2017/2015)^(1/2) − 1 ≈ +3.32%/yr; 株洲 has no CEADs
 * value after 2015, ASSUMPTION 0%/yr (its 2005–2015 CEADs totals fell from 24.7 to 19.9 Mt).
 * The rate continues to 2020 (no COVID dip).
 * @example calibratedRates2016to2020()["长沙"] // ≈ 0.0197
 */
export function calibratedRates2016to2020(): Readonly<Record<string, number>> {
  return {
    长沙: Math.pow(ceadsTotal("长沙", 2019)! / ceadsTotal("长沙", 2015)!, 1 / 4) - 1,
    株洲: 0,
    湘潭: Math.pow(ceadsTotal("湘潭", 2017)! / ceadsTotal("湘潭", 2015)!, 1 / 2) - 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Assumptions the levers need, each with its reason.

/**
 * Share of each city's emissions that scales with built-up area (k·A/E). The seed gives built-up area
 * −28% (2020) and per-km² intensities, and says this means ≈ −20% emissions; that holds exactly when
 * the area-linked share s satisfies 0.28·s = 0.20, i.e. s = 0.20/0.28 = 5/7 ≈ 71.4%. The seed does not
 * give the cities' built-up areas (the other way to fix s), so the sample takes s = 5/7 and derives the
 * areas from it: A = s·E/k.
 */
export const LAND_LINKED_SHARE = 0.2 / 0.28;

/** The seed's built-up area path vs baseline (土地): −28% by 2020, −33% by 2030. */
export const LAND_CUT = { 2020: 0.28, 2030: 0.33 } as const;

/**
 * 株洲 freight (seed, 交通·货运): energy per unit of turnover 2014→2020, vehicles −9.6%, ships −10.4%;
 * port energy per unit throughput −5.6%; ≈ 5万t CO2 in all.
 * ASSUMPTIONS: the measures cover 25% of 株洲's transport-sector emissions (FREIGHT_COVERED), split by
 * energy 85% operating vehicles, 10% ships, 5% port (FREIGHT_MODE_MIX). Check: covered share × Σ mix·cut
 * = 0.25 × 0.0948 = 2.37% of ≈ 2.07 Mt (株洲 transport, 2020 baseline) ≈ 4.9万t, the seed's ≈ 5万t.
 */
export const FREIGHT_CUTS = { vehicles: 0.096, ships: 0.104, port: 0.056 } as const;
export const FREIGHT_COVERED = 0.25;
export const FREIGHT_MODE_MIX = { vehicles: 0.85, ships: 0.1, port: 0.05 } as const;

/** ASSUMPTION: passenger road traffic is 40% of transport-sector emissions (what transit and EVs act on). */
export const PASSENGER_ROAD_SHARE = 0.4;

// ---------------------------------------------------------------------------------------------
// Uncertainty (docs/uncertainty.md): distributions around the deterministic values, which stay the
// normal means and triangular modes — so the deterministic run is unchanged. ASSUMPTIONS, illustrative.

/**
 * ASSUMPTION: every emissions growth rate from 2021 on (cluster-wide, sector and city + sector rows) is
 * normal with SD 1 pp/yr around the assumed rate, each row drawn independently. Why 1 pp: it is the
 * step between consecutive five-year periods' assumed rates (cluster +2 → +1 %/yr, transport +4 → +3,
 * buildings +3 → +2), so a one-SD draw is as large as moving one plan period's assumption to the next's;
 * the sample has no forecast errors to estimate it from. The 十三五 rows (calibrated on CEADs) and the
 * built-up area rows stay certain.
 */
export const DRIVER_RATE_SD = 0.01;

/**
 * ASSUMPTION: the land path (紧凑用地) is triangular around the seed's cuts, from ≈ 70% to ≈ 110% of them
 * (2020: 0.20–0.30 around 0.28; 2030: 0.23–0.36 around 0.33): a land plan is more likely under- than
 * over-delivered. One draw moves both milestones together (docs/uncertainty.md §2).
 */
export const LAND_CUT_RANGE = { 2020: [0.2, 0.3], 2030: [0.23, 0.36] } as const;

/**
 * ASSUMPTION: intercity transit (城际公共交通, 12% of passenger road emissions by 2030) is triangular
 * 6%–15%: ridership of new intercity rail often falls short of plan (down to half), rarely far above.
 */
export const TRANSIT_RANGE = [0.06, 0.15] as const;

/**
 * ASSUMPTION: the regional charging network's EV effect (电动车（区域充电网络）, −25% passenger road fuel per
 * km by 2035) is triangular 15%–35%, symmetric: EV uptake has run both behind and (in China since 2021)
 * well ahead of plans.
 */
export const EV_RANGE = [0.15, 0.35] as const;

// ---------------------------------------------------------------------------------------------
// The input.

type Lever = Omit<LeverRow, "scenario">;
const lever = (scenario: string, l: Lever): LeverRow => ({ scenario, ...l });

function freightLevers(): Lever[] {
  const modes = [
    ["vehicles", "株洲货运·营运车辆能效", "vehicles' energy per t·km −9.6% 2014→2020 (seed 交通·货运)"],
    ["ships", "株洲货运·船舶能效", "ships' energy per t·km −10.4% 2014→2020 (seed 交通·货运)"],
    ["port", "株洲货运·港口能效", "port energy per unit throughput −5.6% 2014→2020 (seed 交通·货运)"],
  ] as const;
  return modes.map(([mode, name, why]) => ({
    name,
    cities: ["株洲"],
    sectors: ["transport"],
    kind: "intensity",
    value: FREIGHT_CUTS[mode],
    coverage: FREIGHT_COVERED * FREIGHT_MODE_MIX[mode],
    startYear: 2015,
    fullYear: 2020,
    shape: "linear",
    note: `${why}; applied 2015→2020 against a baseline with 2015 intensity; coverage = ${FREIGHT_COVERED} of 株洲 transport × ${FREIGHT_MODE_MIX[mode]} mode share (assumptions)`,
  }));
}

/**
 * The sample scenario input: 3 cities × 8 sectors, 2015–2060, scenarios baseline (drivers only),
 * independent (each city's own measures) and coordinated (the seed's cluster levers), in Mt.
 * @example runScenarios(changzhutanInput()).value.peaks
 */
export function changzhutanInput(): ScenarioInput {
  const shares = hunanSectorShares();
  const r1315 = calibratedRates2016to2020();

  const inventory: InventoryRow[] = CITIES.flatMap((c) =>
    MODEL_SECTORS.map((s) => ({
      city: c.id,
      sector: s.id,
      value: ceadsTotal(c.id, BASE_YEAR)! * shares[s.id],
      note: `CEADs ${c.ceads} ${BASE_YEAR} total × Hunan 2019 share of ${s.id} (assumption: Hunan's sector structure)`,
    })),
  );

  const activities: ActivityRow[] = CITIES.map((c) => ({
    activity: "built_up_area",
    city: c.id,
    unit: "km²",
    value: (LAND_LINKED_SHARE * ceadsTotal(c.id, BASE_YEAR)! * 100) / c.perKm2Wt,
    intensity: c.perKm2Wt,
    intensityUnit: "万t",
    note: `seed 土地: ${c.perKm2Wt} 万t CO2/km²; area derived as ${LAND_LINKED_SHARE.toFixed(4)} × CEADs ${BASE_YEAR} total ÷ intensity (assumption: area-linked share 5/7)`,
  }));

  const d = (row: Omit<DriverRow, "variable"> & { variable?: string }): DriverRow => ({ variable: "emissions", ...row });
  // Emissions rows from 2021 on: normal, SD DRIVER_RATE_SD (assumption above).
  const u = (row: Omit<DriverRow, "variable">): DriverRow => d({ ...row, dist: "normal", sd: DRIVER_RATE_SD });
  const drivers: DriverRow[] = [
    // 十三五 2016–2020: city rows calibrated on CEADs; the built-up area grows with the city's emissions
    // (per-km² intensity constant, as the seed's figures imply), so in 2020 k·A/E is still 5/7.
    ...CITIES.flatMap((c) => [
      d({ city: c.id, from: 2016, to: 2020, rate: r1315[c.id], period: "十三五", note: c.id === "株洲" ? "assumption: flat (no CEADs value after 2015)" : "calibrated on CEADs" }),
      d({ variable: "built_up_area", city: c.id, from: 2016, to: 2020, rate: r1315[c.id], period: "十三五", note: "assumption: area grows with the city's emissions" }),
    ]),
    // Cluster-wide baseline (ASSUMPTIONS: business as usual, growth slowing to a plateau after 2035).
    // From here to the built-up area rows every rate is uncertain: normal, SD DRIVER_RATE_SD (u).
    u({ from: 2021, to: 2025, rate: 0.02, period: "十四五", note: "assumption" }),
    u({ from: 2026, to: 2030, rate: 0.01, period: "十五五", note: "assumption" }),
    u({ from: 2031, to: 2035, rate: 0.005, period: "十六五", note: "assumption" }),
    u({ from: 2036, to: 2040, rate: 0, note: "assumption" }),
    u({ from: 2041, to: 2050, rate: -0.005, note: "assumption" }),
    u({ from: 2051, to: 2060, rate: -0.01, note: "assumption" }),
    // Sector rows (ASSUMPTIONS): mobility and floor space grow faster; heavy industry slows first.
    u({ sector: "transport", from: 2021, to: 2025, rate: 0.04, period: "十四五", note: "assumption: freight and car ownership growth" }),
    u({ sector: "transport", from: 2026, to: 2030, rate: 0.03, period: "十五五", note: "assumption" }),
    u({ sector: "transport", from: 2031, to: 2035, rate: 0.015, period: "十六五", note: "assumption" }),
    ...["commercial", "residential"].flatMap((s) => [
      u({ sector: s, from: 2021, to: 2025, rate: 0.03, period: "十四五", note: "assumption: floor space and appliance growth" }),
      u({ sector: s, from: 2026, to: 2030, rate: 0.02, period: "十五五", note: "assumption" }),
      u({ sector: s, from: 2031, to: 2035, rate: 0.01, period: "十六五", note: "assumption" }),
    ]),
    u({ sector: "heavy_industry", from: 2021, to: 2025, rate: 0.005, period: "十四五", note: "assumption: capacity controls" }),
    u({ sector: "heavy_industry", from: 2026, to: 2030, rate: -0.005, period: "十五五", note: "assumption" }),
    u({ sector: "heavy_industry", from: 2031, to: 2035, rate: -0.01, period: "十六五", note: "assumption" }),
    u({ sector: "power_heat", from: 2021, to: 2025, rate: 0.03, period: "十四五", note: "assumption: electrification" }),
    u({ sector: "power_heat", from: 2026, to: 2030, rate: 0.02, period: "十五五", note: "assumption" }),
    // City + sector (ASSUMPTION, illustrating the most specific row): 湘潭's heavy industry held flat in 十四五.
    u({ city: "湘潭", sector: "heavy_industry", from: 2021, to: 2025, rate: 0, period: "十四五", note: "assumption: steel capacity held flat" }),
    // Built-up area after 2020 (ASSUMPTIONS): +1.5%/yr to 2030, then stable.
    d({ variable: "built_up_area", from: 2021, to: 2030, rate: 0.015, note: "assumption" }),
    d({ variable: "built_up_area", from: 2031, to: 2060, rate: 0, note: "assumption" }),
  ];

  const independent: Lever[] = [
    ...freightLevers(),
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
      note: "assumption: each city's own transit shifts 5% of passenger road emissions by 2030",
    },
    {
      name: "电动车（各市充电桩）",
      cities: "all",
      sectors: ["transport"],
      kind: "intensity",
      value: 0.1,
      coverage: PASSENGER_ROAD_SHARE,
      startYear: 2020,
      fullYear: 2035,
      shape: "s-curve",
      note: "assumption: city-only charging (seed: 跨区域充电桩不足) cuts passenger road fuel per km 10% by 2035",
    },
  ];

  const coordinated: Lever[] = [
    ...freightLevers(),
    {
      name: "紧凑用地",
      cities: "all",
      sectors: "all",
      kind: "activity",
      activity: "built_up_area",
      value: LAND_CUT[2020],
      dist: "triangular",
      min: LAND_CUT_RANGE[2020][0],
      max: LAND_CUT_RANGE[2020][1],
      startYear: 2015,
      fullYear: 2020,
      shape: "linear",
      note: "seed 土地: built-up area −28% vs baseline by 2020 (ramp from the base year: assumption)",
    },
    {
      name: "紧凑用地",
      cities: "all",
      sectors: "all",
      kind: "activity",
      activity: "built_up_area",
      value: LAND_CUT[2030],
      dist: "triangular",
      min: LAND_CUT_RANGE[2030][0],
      max: LAND_CUT_RANGE[2030][1],
      startYear: 2020,
      fullYear: 2030,
      shape: "linear",
      note: "seed 土地: −33% vs baseline by 2030",
    },
    {
      name: "产业升级",
      cities: "all",
      sectors: "all",
      kind: "structure_shift",
      value: 4,
      elasticity: 0.01,
      startYear: 2020,
      fullYear: 2030,
      shape: "linear",
      note: "seed 产业: −1 pp secondary share → ≈ −1% energy intensity (elasticity 0.01); 4 pp by 2030 is an assumption",
    },
    {
      name: "统一建筑能效标准",
      cities: "all",
      sectors: ["commercial", "residential"],
      kind: "align_best",
      activity: "built_up_area",
      value: 0.5,
      startYear: 2020,
      fullYear: 2035,
      shape: "s-curve",
      note: "seed 建筑: align to the best city; activity = built-up area as a proxy for floor area; half the gap closed by 2035 (assumption: new and retrofitted buildings only)",
    },
    {
      name: "城际公共交通",
      cities: "all",
      sectors: ["transport"],
      kind: "reduce",
      value: 0.12,
      dist: "triangular",
      min: TRANSIT_RANGE[0],
      max: TRANSIT_RANGE[1],
      coverage: PASSENGER_ROAD_SHARE,
      startYear: 2020,
      fullYear: 2030,
      shape: "linear",
      note: "seed 交通·客运: intercity rail (150 km) + one network; 12% of passenger road emissions by 2030 (assumption)",
    },
    {
      name: "电动车（区域充电网络）",
      cities: "all",
      sectors: ["transport"],
      kind: "intensity",
      value: 0.25,
      dist: "triangular",
      min: EV_RANGE[0],
      max: EV_RANGE[1],
      coverage: PASSENGER_ROAD_SHARE,
      startYear: 2020,
      fullYear: 2035,
      shape: "s-curve",
      note: "seed 交通·客运: charging planned for the cluster; passenger road fuel per km −25% by 2035 (assumption)",
    },
    {
      name: "区域电源清洁化",
      cities: "all",
      sectors: ["power_heat"],
      kind: "grid_factor",
      value: 0.1,
      electricityShare: 0.85,
      startYear: 2020,
      fullYear: 2030,
      shape: "linear",
      note: "seed 能源优化 (城市群发展阶段): a shared low-carbon supply plan cuts the emission factor 10% by 2030; electricity is 85% of power+heat emissions (assumptions)",
    },
  ];

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
    },
    inventory,
    activities,
    drivers,
    levers: [...independent.map((l) => lever("independent", l)), ...coordinated.map((l) => lever("coordinated", l))],
  };
}
