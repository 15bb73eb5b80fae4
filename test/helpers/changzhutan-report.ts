/**
 * The 长株潭 worked examples, computed by the engine: one per lever kind, plus the base, peaks and
 * the benefit of coordination. docs/model.md embeds {@link changzhutanReport}'s text, and a test
 * checks that the page still matches what the engine computes — so the doc's numbers are never typed
 * by hand.
 */
import { activityPaths, baselineEmissions, clusterTotal, compileScenario, leverReduction, rampPath, runModel, sectorTotals, type ScenarioModel, type ScenarioResults } from "../../src/engine";
import { BASE_YEAR, CITIES, LAND_LINKED_SHARE, MODEL_SECTORS, PASSENGER_ROAD_SHARE, ceadsTotal, changzhutanInput, hunanSectorShares } from "../../src/samples/changzhutan";

/**
 * The sample compiled and run (throws only if the shipped sample were invalid — a test guards that).
 * @example changzhutanRun().results.peaks.filter((p) => p.isCluster)
 */
export function changzhutanRun(): { model: ScenarioModel; results: ScenarioResults } {
  const m = compileScenario(changzhutanInput());
  if (!m.ok) throw new Error(`the 长株潭 sample is invalid: ${m.issues.map((i) => i.code).join(", ")}`);
  const r = runModel(m.value);
  if (!r.ok) throw new Error("the 长株潭 sample failed to run");
  return { model: m.value, results: r.value };
}

const mt = (t: number, d = 2) => (t / 1e6).toFixed(d);
const wt = (t: number, d = 1) => (t / 1e4).toFixed(d);
const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)}%`;

/**
 * Markdown for docs/model.md: sector shares, base, each lever kind's worked example, peaks and the
 * benefit of coordination, all computed by the engine from the sample.
 * @example changzhutanReport().split("\n")[0] // "#### Sector split (Hunan 2019 CEADs shares, applied to every city)"
 */
export function changzhutanReport(): string {
  const { model: m, results: r } = changzhutanRun();
  const Y = m.years.length;
  const S = m.sectors.length;
  const y = (year: number) => year - m.years[0];
  const c = (id: string) => m.cities.indexOf(id);
  const s = (id: string) => m.sectors.indexOf(id);
  const base = baselineEmissions(m).values;
  const acts = activityPaths(m).paths;
  const area = acts[m.activities.findIndex((a) => a.name === "built_up_area")];
  const cell = (arr: Float64Array, city: string, sector: string, year: number) => arr[(c(city) * S + s(sector)) * Y + y(year)];
  const cityBase = (city: string, year: number) => m.sectors.reduce((sum, sec) => sum + cell(base, city, sec, year), 0);
  const lines: string[] = [];
  const out = (...l: string[]) => lines.push(...l);

  // Sector split.
  const shares = hunanSectorShares();
  out("#### Sector split (Hunan 2019 CEADs shares, applied to every city)", "", "| sector | 部门 | share |", "|---|---|---|");
  for (const sec of MODEL_SECTORS) out(`| ${sec.id} | ${sec.zh} | ${pct(shares[sec.id], 2)} |`);
  out("");

  // Base and calibration.
  out(`#### Base year ${BASE_YEAR} and the 十三五 calibration`, "", "| city | CEADs 2015 (Mt) | built-up area (km², derived) | baseline 2020 (Mt) | CEADs check |", "|---|---|---|---|---|");
  for (const city of CITIES) {
    const check = city.id === "长沙" ? `2019: CEADs ${ceadsTotal("长沙", 2019)!.toFixed(2)}, baseline ${mt(cityBase("长沙", 2019))}` : city.id === "湘潭" ? `2017: CEADs ${ceadsTotal("湘潭", 2017)!.toFixed(2)}, baseline ${mt(cityBase("湘潭", 2017))}` : "none after 2015 (flat)";
    out(`| ${city.id} | ${ceadsTotal(city.id, 2015)!.toFixed(2)} | ${area[c(city.id) * Y].toFixed(1)} | ${mt(cityBase(city.id, 2020))} | ${check} |`);
  }
  out("");

  // reduce: 城际公共交通, 长沙 transport 2030.
  const tr2030 = cell(base, "长沙", "transport", 2030);
  out(
    "#### `reduce` — 城际公共交通 (coordinated), 长沙 transport, 2030",
    "",
    `Baseline transport emissions of 长沙 in 2030: ${mt(tr2030, 3)} Mt. The lever removes coverage × value = ${PASSENGER_ROAD_SHARE} × 0.12 = ${pct(PASSENGER_ROAD_SHARE * 0.12)} of them: ` +
      `r = ${(PASSENGER_ROAD_SHARE * 0.12).toFixed(3)}, a cut of ${wt(tr2030 * PASSENGER_ROAD_SHARE * 0.12)} 万t (on its own, before combining with the other transport levers).`,
    "",
  );

  // intensity: 株洲 freight vehicles 2020.
  const zzT2020 = cell(base, "株洲", "transport", 2020);
  const fr = leverReduction(r, "independent", "株洲货运·营运车辆能效")!;
  const frAll = ["株洲货运·营运车辆能效", "株洲货运·船舶能效", "株洲货运·港口能效"].reduce((sum, n) => sum + leverReduction(r, "independent", n)![y(2020)], 0);
  out(
    "#### `intensity` — 株洲货运 (both scenarios), 株洲 transport, 2020",
    "",
    `株洲 transport in the 2020 baseline: ${mt(zzT2020, 3)} Mt. Operating vehicles' energy per t·km −9.6% acting on 25% × 85% = 21.25% of the sector: r = 0.096 × 0.2125 = ${(0.096 * 0.2125).toFixed(4)}, ` +
      `${wt(fr[y(2020)])} 万t. With ships (−10.4% on 2.5%) and the port (−5.6% on 1.25%) the three measures cut ${wt(frAll)} 万t in 2020 — the seed's "≈ 5万t".`,
    "",
  );

  // activity: 紧凑用地, 2020 and 2030.
  out(
    "#### `activity` — 紧凑用地 (coordinated), every city, all sectors",
    "",
    "| city | k (万t/km²) | baseline area 2020 (km²) | area cut 2020 (−28%, km²) | cut 2020 (Mt) | share of city 2020 | area 2030 (km²) | cut 2030 (−33%, Mt) |",
    "|---|---|---|---|---|---|---|---|",
  );
  let cut2020 = 0;
  let e2020 = 0;
  for (const city of CITIES) {
    const a20 = area[c(city.id) * Y + y(2020)];
    const a30 = area[c(city.id) * Y + y(2030)];
    const k = city.perKm2Wt * 1e4;
    cut2020 += 0.28 * a20 * k;
    e2020 += cityBase(city.id, 2020);
    out(`| ${city.id} | ${city.perKm2Wt} | ${a20.toFixed(1)} | ${(0.28 * a20).toFixed(1)} | ${mt(0.28 * a20 * k)} | ${pct((0.28 * a20 * k) / cityBase(city.id, 2020))} | ${a30.toFixed(1)} | ${mt(0.33 * a30 * k)} |`);
  }
  const land = m.levers.find((l) => l.name === "紧凑用地")!;
  const path = rampPath(land.segments, m.years[0], Y);
  out(
    "",
    `Cluster: ${mt(cut2020)} Mt of ${mt(e2020)} Mt in 2020 = ${pct(cut2020 / e2020)}, i.e. 0.28 × s with s = Σk·A/ΣE = ${LAND_LINKED_SHARE.toFixed(4)} (5/7). ` +
      `Area path in force: ${[2015, 2018, 2020, 2025, 2030].map((yr) => `${yr} ${pct(path[y(yr)])}`).join(", ")}.`,
    "",
  );

  // align_best: 统一建筑能效标准, 2035.
  const bld = ["commercial", "residential"];
  out(
    "#### `align_best` — 统一建筑能效标准 (coordinated), commercial + residential, 2035",
    "",
    "| city | buildings 2035 (Mt) | built-up area 2035 (km²) | intensity (万t/km²) | gap to best | r = 0.5 × gap | cut (Mt, alone) |",
    "|---|---|---|---|---|---|---|",
  );
  const intensity = CITIES.map((city) => bld.reduce((sum, sec) => sum + cell(base, city.id, sec, 2035), 0) / area[c(city.id) * Y + y(2035)]);
  const best = Math.min(...intensity);
  CITIES.forEach((city, i) => {
    const e = bld.reduce((sum, sec) => sum + cell(base, city.id, sec, 2035), 0);
    const gap = 1 - best / intensity[i];
    out(`| ${city.id} | ${mt(e, 3)} | ${area[c(city.id) * Y + y(2035)].toFixed(1)} | ${(intensity[i] / 1e4).toFixed(3)} | ${pct(gap)} | ${pct(0.5 * gap)} | ${mt(0.5 * gap * e, 3)} |`);
  });
  out("");

  // structure_shift: 产业升级, 2030.
  const cl = clusterTotal(r, r.emissions[0]);
  const ss = 1 - Math.pow(0.99, 4);
  out(
    "#### `structure_shift` — 产业升级 (coordinated), all sectors, 2030",
    "",
    `4 pp of GDP from secondary to tertiary at the seed's 1 pp → ≈ 1% (elasticity 0.01): r = 1 − 0.99⁴ = ${pct(ss, 2)} of the ${mt(cl[y(2030)])} Mt cluster baseline = ${mt(ss * cl[y(2030)])} Mt (alone).`,
    "",
  );

  // grid_factor: 区域电源清洁化, 2030.
  const pw = sectorTotals(r, r.emissions[0])[s("power_heat") * Y + y(2030)];
  out(
    "#### `grid_factor` — 区域电源清洁化 (coordinated), power_heat, 2030",
    "",
    `Power and heat emit ${mt(pw)} Mt in the 2030 baseline; electricity is 85% of it and its emission factor falls 10%: r = 0.85 × 0.10 = 8.5%, ${mt(0.085 * pw)} Mt (alone).`,
    "",
  );

  // Peaks.
  out("#### Peaks (tolerance 0)", "", "| scenario | 长沙 | 株洲 | 湘潭 | 长株潭 (cluster) | cluster peak (Mt) | by 2030 |", "|---|---|---|---|---|---|---|");
  for (const sc of r.scenarios) {
    const rows = r.peaks.filter((p) => p.scenario === sc);
    const clp = rows.find((p) => p.isCluster)!;
    out(`| ${sc} | ${rows.filter((p) => !p.isCluster).map((p) => `${p.year} ${p.status}`).join(" | ")} | ${clp.year} ${clp.status} | ${mt(clp.value)} | ${clp.byTarget ? "yes" : "no"} |`);
  }
  out("");

  // Coordination benefit.
  const b = r.coordination!;
  out("#### Benefit of coordination (independent − coordinated, Mt)", "", `| sector | ${[2020, 2025, 2030, 2035, 2060].join(" | ")} |`, `|---|${[2020, 2025, 2030, 2035, 2060].map(() => "---").join("|")}|`);
  m.sectors.forEach((sec, si) => out(`| ${sec} | ${[2020, 2025, 2030, 2035, 2060].map((yr) => mt(b.bySector[si * Y + y(yr)])).join(" | ")} |`));
  out(`| **cluster** | ${[2020, 2025, 2030, 2035, 2060].map((yr) => mt(b.total[y(yr)])).join(" | ")} |`);
  return lines.join("\n");
}
