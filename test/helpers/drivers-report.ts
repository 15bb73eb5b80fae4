/**
 * The worked example of driver-based scenarios in docs/model.md §14, computed by the engine: two
 * illustrative cities with a measured history 2018–2020 (B's inventory ends in 2019 and is carried
 * forward), population and GDP with their units (Socioeconomic), Kaya drivers after 2020, one lever,
 * targets — and what the run makes of them: the growth factors, the peak where the fall in intensity
 * overtakes GDP growth, indicators, targets and the Kaya decomposition. docs/model.md embeds
 * {@link driversReport}'s text; a test checks the page against the engine. The numbers are an
 * illustration (round figures), not data.
 */
import { compileScenario, evaluateTargets, runModel, scenarioDecomposition, scenarioIndicators, type IndicatorSeries } from "../../src/engine";

/** GDP growth of the example: 7 % in 2021, 0.5 pp less every year (one Drivers row per year), ≥ 1 %. */
export const gdpGrowth = (year: number) => Math.max(0.01, 0.07 - 0.005 * (year - 2021));
/** Energy intensity −3.5 %/yr, carbon intensity of energy −1 %/yr (cluster-wide). */
export const EI = -0.035;
export const CI = -0.01;

/** The example's input, as the sheets would give it (Mt, 万人, 亿元, 万tce). */
export function driversExample(): Record<string, unknown> {
  const inv = (city: string, year: number, industry: number, buildings: number) => [
    { city, sector: "industry", year, value: industry },
    { city, sector: "buildings", year, value: buildings },
  ];
  const socio = (city: string, year: number, pop: number, gdp: number, energy: number) => [
    { city, variable: "population", year, value: pop, unit: "万人" },
    { city, variable: "gdp", year, value: gdp, unit: "亿元（2018年价）" },
    { city, variable: "energy", year, value: energy, unit: "万tce" },
  ];
  const years = Array.from({ length: 20 }, (_, k) => 2021 + k);
  return {
    settings: {
      baseYear: 2018,
      endYear: 2040,
      targetYear: 2030,
      units: "Mt",
      cluster: "AB",
      scenarios: ["policy"],
      lastHistoricalYear: 2020,
      fill: "carry forward",
      referenceYear: 2018,
    },
    inventory: [...inv("A", 2018, 60, 30), ...inv("A", 2019, 64, 31), ...inv("A", 2020, 68, 32), ...inv("B", 2018, 40, 20), ...inv("B", 2019, 42, 21)],
    activities: [],
    drivers: [
      ...years.map((y) => ({ variable: "gdp", from: y, to: y, rate: gdpGrowth(y) })),
      { variable: "population", from: 2021, to: 2040, rate: 0.005 },
      { variable: "energy_intensity", from: 2021, to: 2040, rate: EI },
      { variable: "carbon_intensity", from: 2021, to: 2040, rate: CI },
    ],
    levers: [
      {
        scenario: "policy",
        name: "industrial efficiency",
        cities: "all",
        sectors: "industry",
        kind: "intensity",
        value: 0.15,
        startYear: 2020,
        fullYear: 2030,
      },
    ],
    socioeconomic: [
      ...socio("A", 2018, 800, 10000, 4000),
      ...socio("A", 2020, 810, 11200, 4200),
      ...socio("B", 2018, 500, 5000, 2500),
      ...socio("B", 2020, 504, 5600, 2600),
    ],
    targets: [
      { kind: "peak_by", to: 2030 },
      { kind: "intensity_decline", from: 2018, to: 2030, value: 0.45 },
      { kind: "budget", from: 2021, to: 2030, value: 1500 },
    ],
  };
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "—");
const pct = (x: number, d = 1) => (Number.isFinite(x) ? `${(x * 100).toFixed(d)}%` : "—");

/**
 * Markdown for docs/model.md §14.
 * @example driversReport().split("\n")[0] // "#### History and the last historical year"
 */
export function driversReport(): string {
  const m = compileScenario(driversExample());
  if (!m.ok) throw new Error(`the worked example is invalid: ${m.issues.map((i) => i.code).join(", ")}`);
  const model = m.value;
  const run = runModel(model);
  if (!run.ok) throw new Error("the worked example failed to run");
  const r = run.value;
  const ind = scenarioIndicators(model, r).value;
  const targets = evaluateTargets(model, r, ind);
  const dec = scenarioDecomposition(r);
  if (!dec.ok) throw new Error("the decomposition failed");
  const y = (year: number) => year - r.years[0];
  const series = (scenario: string, region: string): IndicatorSeries => ind.series.find((s) => s.scenario === scenario && s.region === region)!;
  const lines: string[] = [];
  const out = (...l: string[]) => lines.push(...l);

  out("#### History and the last historical year", "", "| city | 2018 (Mt) | 2019 (Mt) | 2020 (Mt) | 2020 basis |", "|---|---|---|---|---|");
  for (const city of r.cities) {
    const s = series("baseline", city);
    out(`| ${city} | ${f(s.emissions[y(2018)] / 1e6, 1)} | ${f(s.emissions[y(2019)] / 1e6, 1)} | ${f(s.emissions[y(2020)] / 1e6, 1)} | ${s.basis[y(2020)]} |`);
  }
  const filled = r.filled.map((x) => `${x.city} ${x.sector} ${x.from}`).join(", ");
  out("", `B has no 2020 inventory; the fill rule carries its last measured values forward (${filled}) — marked \`filled\` in Results.`, "");

  out(
    "#### Growth after 2020: GDP growth g falling, intensities falling",
    "",
    "G = (1 + g)(1 − 3.5 %)(1 − 1 %) for every cell (emissions grow by G a year), A's baseline and the policy scenario:",
    "",
  );
  out("| year | g | G | A baseline (Mt) | A policy (Mt) |", "|---|---|---|---|---|");
  const a = series("baseline", "A");
  const ap = series("policy", "A");
  for (let year = 2020; year <= 2030; year++) {
    const g = year > 2020 ? gdpGrowth(year) : NaN;
    const G = year > 2020 ? (1 + g) * (1 + EI) * (1 + CI) : NaN;
    out(`| ${year} | ${year > 2020 ? pct(g) : "—"} | ${year > 2020 ? f(G, 4) : "—"} | ${f(a.emissions[y(year)] / 1e6)} | ${f(ap.emissions[y(year)] / 1e6)} |`);
  }
  const gStar = 1 / ((1 + EI) * (1 + CI)) - 1;
  const base = r.peaks.find((p) => p.isCluster && p.scenario === "baseline")!;
  const policy = r.peaks.find((p) => p.isCluster && p.scenario === "policy")!;
  out(
    "",
    `Emissions rise while (1 + g)(1 − 3.5 %)(1 − 1 %) ≥ 1, i.e. while g ≥ ${pct(gStar, 2)}; g falls below it in ${2021 + Math.floor((0.07 - gStar) / 0.005) + 1}, so the baseline peaks in ${base.year} ` +
      `(the cluster at ${f(base.value / 1e6)} Mt, ${base.status}). The policy scenario's efficiency lever (industry −15 % energy per unit by 2030) moves the cluster's peak to ${policy.year} (${f(policy.value / 1e6)} Mt).`,
    "",
  );

  out(
    "#### Indicators of the cluster (baseline)",
    "",
    "| year | basis | emissions (Mt) | population (万人) | GDP (亿元) | t CO2 per person | t CO2 per 万元 | CO2/GDP vs 2018 | energy (万tce) | energy/GDP vs 2018 |",
    "|---|---|---|---|---|---|---|---|---|---|",
  );
  const ab = series("baseline", "AB");
  for (const year of [2018, 2019, 2020, 2025, 2030]) {
    const i = y(year);
    out(
      `| ${year} | ${ab.basis[i]} | ${f(ab.emissions[i] / 1e6, 1)} | ${f(ab.population[i] / 1e4, 1)} | ${f(ab.gdp[i] / 1e4, 0)} | ${f(ab.perCapita[i])} | ${f(ab.perGdp[i], 3)} | ${pct(ab.perGdpChange[i])} | ${f(ab.energy[i] / 1e4, 0)} | ${pct(ab.energyIntensityChange[i])} |`,
    );
  }
  out(
    "",
    `In 2019 the cluster has no population or GDP (the Socioeconomic rows give 2018 and 2020): blank, not guessed. Cumulative emissions 2021–2030: ${f(ab.cumulative[y(2030)] / 1e6, 1)} Mt.`,
    "",
  );

  out("#### Targets", "", "| scenario | target | reached | status | margin |", "|---|---|---|---|---|");
  for (const t of targets) {
    const what =
      t.kind === "peak_by"
        ? `peak by ${t.to}`
        : t.kind === "intensity_decline"
          ? `CO2/GDP −${pct(t.target, 0)} ${t.from}→${t.to}`
          : `budget ${t.from}–${t.to} ≤ ${f(t.target / 1e6, 0)} Mt`;
    const reached = t.kind === "peak_by" ? String(t.reached) : t.kind === "intensity_decline" ? pct(t.reached) : `${f(t.reached / 1e6, 1)} Mt`;
    const margin = t.kind === "peak_by" ? `${t.margin} years` : t.kind === "intensity_decline" ? `${f(t.margin * 100, 1)} pp` : `${f(t.margin / 1e6, 1)} Mt`;
    out(`| ${t.scenario} | ${what} | ${reached} | ${t.status} | ${margin} |`);
  }
  out("");

  out(
    "#### Decomposition of the cluster's change 2020–2030 on the Kaya factors (Mt)",
    "",
    "| scenario | population | GDP per capita | structure | energy intensity | carbon intensity | levers | change | check |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const d of dec.value.filter((x) => x.isCluster)) {
    const k = d.kaya!;
    out(
      `| ${d.scenario} | ${f(k.population / 1e6)} | ${f(k.gdpPerCapita / 1e6)} | ${f(k.structure / 1e6)} | ${f(k.energyIntensity / 1e6)} | ${f(k.carbonIntensity / 1e6)} | ${f(k.levers / 1e6)} | ${f(d.total / 1e6)} | ${(d.residual / 1e6).toExponential(1)} |`,
    );
  }
  return lines.join("\n");
}
