/**
 * The 长株潭 sample's results, computed by the engine: history, sector split, the year-by-year drivers
 * behind the peak, the levers' cuts, peaks, targets, the benefit of coordination and the one-at-a-time
 * sensitivity. docs/model.md §15 embeds {@link changzhutanReport}'s text, and a test checks that the page
 * still matches what the engine computes — so the doc's numbers are never typed by hand.
 */
import {
  activityPaths,
  alignBestShares,
  clusterTotal,
  compileScenario,
  evaluateTargets,
  leverReduction,
  oneAtATime,
  runModel,
  scenarioIndicators,
  type Indicators,
  type ScenarioModel,
  type ScenarioResults,
  type Sensitivity,
} from "../../src/engine";
import {
  BASE_YEAR,
  CITIES,
  LAND_COVERAGE,
  LAND_SECTORS,
  LAST_HISTORICAL_YEAR,
  MODEL_SECTORS,
  INDUSTRIAL_SECTORS,
  SEED_LAND_CUT,
  builtUpArea,
  ceadsTotal,
  changzhutanInput,
  landLeverValue,
  upgradingElasticity,
  type CityId,
} from "../../src/samples/changzhutan";

/**
 * The sample compiled and run, with its indicators (throws only if the shipped sample were invalid — a test guards that).
 * @example changzhutanRun().results.peaks.filter((p) => p.isCluster)
 */
export function changzhutanRun(): { model: ScenarioModel; results: ScenarioResults; indicators: Indicators } {
  const m = compileScenario(changzhutanInput());
  if (!m.ok) throw new Error(`the 长株潭 sample is invalid: ${m.issues.map((i) => i.code).join(", ")}`);
  const r = runModel(m.value);
  if (!r.ok) throw new Error("the 长株潭 sample failed to run");
  return { model: m.value, results: r.value, indicators: scenarioIndicators(m.value, r.value).value };
}

let sensitivityCache: Sensitivity | undefined;
/** The sample's one-at-a-time sensitivity (computed once per process). */
export function changzhutanSensitivity(): Sensitivity {
  if (sensitivityCache === undefined) {
    const s = oneAtATime(changzhutanInput());
    if (!s.ok) throw new Error("the 长株潭 sensitivity failed");
    sensitivityCache = s.value;
  }
  return sensitivityCache;
}

/** The number of rows of the sensitivity table in docs/model.md (the largest drivers and levers). */
export const SENSITIVITY_ROWS = 4;

const mt = (t: number, d = 2) => (t / 1e6).toFixed(d);
const pct = (x: number, d = 1) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(d)} %`;
const share = (x: number, d = 1) => `${(x * 100).toFixed(d)} %`;

/** What a sensitivity row moves, in words. */
function inputLabel(kind: "driver" | "lever", name: string, scenario?: string): string {
  const words: Record<string, string> = {
    gdp: "GDP growth after 2025",
    energy_intensity: "energy-intensity decline from 2023",
    carbon_intensity: "carbon intensity of energy (non-fossil build-out)",
    floor_area: "floor-area growth",
    built_up_area: "built-up area growth",
    population: "population growth",
  };
  return kind === "driver" ? (words[name] ?? name) : `${name} (${scenario})`;
}

/**
 * Markdown for docs/model.md §15, all computed by the engine from the sample.
 * @example changzhutanReport().split("\n")[0] // "#### History: CEADs totals, Mt (— no value; the last historical year is 2019)"
 */
export function changzhutanReport(): string {
  const { model: m, results: r, indicators: ind } = changzhutanRun();
  const Y = m.years.length;
  const S = m.sectors.length;
  const y = (year: number) => year - m.years[0];
  const k = (scenario: string) => r.scenarios.indexOf(scenario);
  const lines: string[] = [];
  const out = (...l: string[]) => lines.push(...l);
  const cityTotal = (scenario: string, city: string, year: number) => {
    const c = m.cities.indexOf(city);
    let s = 0;
    for (let j = 0; j < S; j++) s += r.emissions[k(scenario)][(c * S + j) * Y + y(year)];
    return s;
  };
  const cluster = (scenario: string) => clusterTotal(r, r.emissions[k(scenario)]);

  // History.
  const years = Array.from({ length: LAST_HISTORICAL_YEAR - BASE_YEAR + 1 }, (_, i) => BASE_YEAR + i);
  out(
    `#### History: CEADs totals, Mt (— no value; the last historical year is ${LAST_HISTORICAL_YEAR})`,
    "",
    `| city | ${years.join(" | ")} |`,
    `|---|${years.map(() => "---").join("|")}|`,
  );
  for (const c of CITIES) {
    const cells = years.map((year) => {
      const v = ceadsTotal(c.id, year);
      if (v !== undefined) return v.toFixed(2);
      if (year === LAST_HISTORICAL_YEAR) {
        const f = r.filled.find((x) => x.city === c.id)!;
        return `${mt(cityTotal("baseline", c.id, year))} (filled ← ${f.from})`;
      }
      return "—";
    });
    out(`| ${c.id} | ${cells.join(" | ")} |`);
  }
  const base = cluster("baseline");
  out(`| 长株潭 | ${years.map((year) => (base[y(year)] === base[y(year)] ? mt(base[y(year)]) : "—")).join(" | ")} |`, "");
  out(
    `Every scenario carries these values unchanged (the gaps stay gaps); ${r.filled.length} values of ${LAST_HISTORICAL_YEAR} are filled (${[...new Set(r.filled.map((f) => `${f.city} ← ${f.from}`))].join(", ")}), marked \`filled\` in the results.`,
    "",
  );

  // Sector split.
  out(
    "#### Sector split of each city (share of its total, applied to every measured year)",
    "",
    `| sector | ${CITIES.map((c) => c.id).join(" | ")} |`,
    `|---|${CITIES.map(() => "---").join("|")}|`,
  );
  const H = y(LAST_HISTORICAL_YEAR);
  for (const [s, sec] of MODEL_SECTORS.entries()) {
    out(
      `| ${sec.id} (${sec.zh}) | ${CITIES.map((c) => share(r.emissions[0][(m.cities.indexOf(c.id) * S + s) * Y + H] / cityTotal("baseline", c.id, LAST_HISTORICAL_YEAR))).join(" | ")} |`,
    );
  }
  out("");

  // The drivers behind the peak.
  const series = (scenario: string) => ind.series.find((x) => x.isCluster && x.scenario === scenario)!;
  const b = series("baseline");
  const growth = (a: Float64Array, year: number) => a[y(year)] / a[y(year - 1)] - 1;
  out(
    "#### The cluster's baseline, year by year: GDP against CO2 per unit of GDP",
    "",
    "| year | GDP growth | CO2 per GDP | emissions | emissions (Mt) |",
    "|---|---|---|---|---|",
  );
  for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2030, 2035, 2040, 2050, 2060]) {
    out(`| ${year} | ${pct(growth(b.gdp, year))} | ${pct(growth(b.perGdp, year))} | ${pct(growth(b.emissions, year))} | ${mt(b.emissions[y(year)])} |`);
  }
  out("");

  // Peaks.
  out(
    "#### Peaks (tolerance 0)",
    "",
    `| scenario | ${CITIES.map((c) => c.id).join(" | ")} | 长株潭 (cluster) | cluster peak (Mt) | cluster 2030 (Mt) | cluster 2035 (Mt) |`,
    "|---|---|---|---|---|---|---|---|",
  );
  for (const s of r.scenarios) {
    const p = (region: string) => r.peaks.find((x) => x.scenario === s && x.region === region)!;
    const cl = r.peaks.find((x) => x.scenario === s && x.isCluster)!;
    out(
      `| ${s} | ${CITIES.map((c) => `${p(c.id).year} ${p(c.id).status}`).join(" | ")} | ${cl.year} ${cl.status} | ${mt(cl.value)} | ${mt(cluster(s)[y(2030)])} | ${mt(cluster(s)[y(2035)])} |`,
    );
  }
  const pk = r.peaks.find((x) => x.scenario === "baseline" && x.isCluster)!;
  const later = (scenario: string) => {
    const e = cluster(scenario);
    let best = y(pk.year) + 1;
    for (let i = best; i < Y; i++) if (e[i] > e[best]) best = i;
    return { year: m.years[best], value: e[best] };
  };
  const second = later("baseline");
  out(
    "",
    `The baseline's highest later year is ${second.year} (${mt(second.value)} Mt, ${share(1 - second.value / pk.value, 2)} below the peak): from ${pk.year} to ${second.year} the cluster is on a plateau.`,
    "",
  );

  // Targets.
  const targets = evaluateTargets(m, r, ind);
  out("#### Targets", "", "| target | region | baseline | independent | coordinated |", "|---|---|---|---|---|");
  const seen = new Set<string>();
  for (const t of targets) {
    const key = `${t.kind}|${t.region}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cell = (s: string) => {
      const x = targets.find((z) => z.kind === t.kind && z.region === t.region && z.scenario === s)!;
      const reached = t.kind === "peak_by" ? String(x.reached) : share(x.reached);
      return `${reached} (${x.status === "met" ? "met" : x.status === "not_met" ? "not met" : "unknown"})`;
    };
    const what = t.kind === "peak_by" ? `peak by ${t.to}` : `CO2 per GDP −${share(t.target, 0)} ${t.from}→${t.to}`;
    out(`| ${what} | ${t.region} | ${cell("baseline")} | ${cell("independent")} | ${cell("coordinated")} |`);
  }
  out("");

  // Levers: what each cuts.
  out(
    "#### What each lever cuts (Mt, alone after combination: log shares)",
    "",
    "| lever | kind | scenarios | 2025 | 2030 | 2035 |",
    "|---|---|---|---|---|---|",
  );
  const red = r.reductions.find((x) => x.scenario === "coordinated")!;
  const independentNames = new Set(r.reductions.find((x) => x.scenario === "independent")!.levers.map((l) => l.name));
  for (const l of red.levers) {
    const v = leverReduction(r, "coordinated", l.name)!;
    out(
      `| ${l.name} | \`${l.kind}\` | ${independentNames.has(l.name) ? "both" : "coordinated"} | ${mt(v[y(2025)], 3)} | ${mt(v[y(2030)], 3)} | ${mt(v[y(2035)], 3)} |`,
    );
  }
  out("");

  // Land: avoided new area, never below the stock.
  const v = landLeverValue();
  const area = (c: CityId, year: number) => builtUpArea(c, year);
  const all = (year: number) => CITIES.reduce((s, c) => s + area(c.id, year), 0);
  const g = all(2030) / all(LAST_HISTORICAL_YEAR);
  out(
    "#### Land: the new built-up area avoided",
    "",
    `Baseline built-up area grows by a factor G = ${g.toFixed(3)} from ${LAST_HISTORICAL_YEAR} to 2030 (cluster). The seed's deepening from −${(SEED_LAND_CUT[2020] * 100).toFixed(0)} % to −${(SEED_LAND_CUT[2030] * 100).toFixed(0)} % ` +
      `keeps ${(((1 - SEED_LAND_CUT[2030]) / (1 - SEED_LAND_CUT[2020])) * 100).toFixed(2)} % of the baseline's area in 2030, so the lever avoids v = ${share(v)} of the new area; ` +
      `${share(LAND_COVERAGE, 0)} of ${LAND_SECTORS.join(", ")} scale with the area.`,
    "",
    `| city | area ${LAST_HISTORICAL_YEAR} (km²) | baseline 2030 (km²) | coordinated 2030 (km²) | new area avoided (km²) | cut 2030 (Mt) |`,
    "|---|---|---|---|---|---|",
  );
  const land = red.levers.findIndex((l) => l.name === "紧凑用地");
  for (const c of CITIES) {
    const a0 = area(c.id, LAST_HISTORICAL_YEAR);
    const a1 = area(c.id, 2030);
    const coord = a0 + (1 - v) * (a1 - a0);
    out(
      `| ${c.id} | ${a0.toFixed(1)} | ${a1.toFixed(1)} | ${coord.toFixed(1)} | ${(a1 - coord).toFixed(1)} | ${mt(red.byCity[(land * m.cities.length + m.cities.indexOf(c.id)) * Y + y(2030)], 3)} |`,
    );
  }
  out("");

  // Industry: the elasticity on the industrial sectors only, checked against the seed.
  const eps = upgradingElasticity();
  const ind2030 = INDUSTRIAL_SECTORS.reduce((s, sec) => {
    const j = m.sectors.indexOf(sec);
    return s + m.cities.reduce((t, _, c) => t + r.emissions[0][(c * S + j) * Y + y(2030)], 0);
  }, 0);
  out(
    "#### Industry: 1 pp of GDP from secondary to tertiary",
    "",
    `ε = ${eps.toFixed(4)} per pp on ${INDUSTRIAL_SECTORS.join(", ")} (${share(ind2030 / base[y(2030)])} of the cluster's 2030 baseline), i.e. ${(eps * (ind2030 / base[y(2030)]) * 100).toFixed(2)} % of the cluster's emissions per pp — the seed's "≈ 1 %" of GDP energy intensity.`,
    "",
  );

  // Buildings: CO2 per m² of floor area.
  const fa = m.activities.findIndex((a) => a.name === "floor_area");
  const floor = activityPaths(m).paths[fa];
  const bld = ["commercial", "residential"].map((sec) => m.sectors.indexOf(sec));
  const int = Float64Array.from(m.cities, (_, c) => bld.reduce((s, j) => s + r.emissions[0][(c * S + j) * Y + y(2030)], 0) / (floor[c * Y + y(2030)] * 1e4));
  const gaps = alignBestShares(int);
  out(
    "#### Buildings: CO2 per m² of floor area, 2030 baseline",
    "",
    `| city | kgCO2 per m² | gap to the best |`,
    "|---|---|---|",
    ...m.cities.map((c, i) => `| ${c} | ${(int[i] * 1000).toFixed(2)} | ${share(gaps[i], 2)} |`),
    "",
  );

  // Benefit of coordination.
  const coord = r.coordination!;
  out("#### Benefit of coordination (independent − coordinated, Mt)", "", "| sector | 2025 | 2030 | 2035 | 2060 |", "|---|---|---|---|---|");
  for (const [s, sec] of m.sectors.entries()) out(`| ${sec} | ${[2025, 2030, 2035, 2060].map((year) => mt(coord.bySector[s * Y + y(year)])).join(" | ")} |`);
  out(`| **cluster** | ${[2025, 2030, 2035, 2060].map((year) => mt(coord.total[y(year)])).join(" | ")} |`, "");

  // Sensitivity.
  const sens = changzhutanSensitivity();
  out(
    `#### Sensitivity: one input at a time at its P5 / P95 (the ${SENSITIVITY_ROWS} largest of ${sens.rows.length})`,
    "",
    "| input | P5 / P95 | baseline peak year | baseline 2030 (Mt) | independent peak year | independent 2030 (Mt) | coordinated peak year | coordinated 2030 (Mt) |",
    "|---|---|---|---|---|---|---|---|",
  );
  const det = sens.deterministic;
  out(`| deterministic | — | ${det.map((o) => `${o.peakYear} | ${mt(o.targetYearEmissions)}`).join(" | ")} |`);
  for (const row of sens.rows.slice(0, SENSITIVITY_ROWS)) {
    const val =
      row.kind === "lever" && row.values[0] > 1 ? row.values.map((x) => `${x.toFixed(2)} pp`).join(" / ") : row.values.map((x) => pct(x, 2)).join(" / ");
    out(
      `| ${inputLabel(row.kind, row.name, row.scenario)} | ${val} | ${row.outcomes.map((o) => `${o.low.peakYear} / ${o.high.peakYear} | ${mt(o.low.targetYearEmissions)} / ${mt(o.high.targetYearEmissions)}`).join(" | ")} |`,
    );
  }
  return lines.join("\n");
}
