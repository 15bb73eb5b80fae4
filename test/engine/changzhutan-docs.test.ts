/**
 * docs/model.md §15 must show what the engine computes: its generated block (history, sector split, the
 * drivers behind the peak, peaks, targets, levers, the benefit of coordination and the one-at-a-time
 * sensitivity table) equals changzhutanReport(), and the numbers typed in its prose and assumption table
 * equal the sample's own values. To refresh the block after a deliberate change:
 * UPDATE_DOCS=1 npx jest test/engine/changzhutan-docs.test.ts
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { changzhutanReport, changzhutanRun, changzhutanSensitivity, SENSITIVITY_ROWS } from "../helpers/changzhutan-report";
import { clusterTotal, leverReduction } from "../../src/engine";
import {
  CITIES,
  LAND_COVERAGE,
  LAND_RANGE,
  LAST_HISTORICAL_YEAR,
  builtUpArea,
  builtUpArea2019,
  changzhutanInput,
  landLeverValue,
  nonFossilShare,
  population2019,
  secondaryShare,
  upgradingElasticity,
} from "../../src/samples/changzhutan";

const DOC = join(__dirname, "..", "..", "docs", "model.md");
const BEGIN = /<!-- BEGIN changzhutan[^>]*-->\n/;
const END = "<!-- END changzhutan -->";

function generatedBlock(doc: string): { start: number; end: number; text: string } {
  const m = BEGIN.exec(doc);
  const end = doc.indexOf(END);
  if (!m || end < 0) throw new Error("docs/model.md lacks the generated-block markers");
  const start = m.index + m[0].length;
  return { start, end, text: doc.slice(start, end) };
}

describe("docs/model.md §15 — reference values", () => {
  test("the results block is exactly what the engine computes for the 长株潭 sample (its sensitivity table from oneAtATime)", () => {
    let doc = readFileSync(DOC, "utf8");
    const want = `${changzhutanReport()}\n`;
    if (process.env.UPDATE_DOCS === "1") {
      const b = generatedBlock(doc);
      doc = doc.slice(0, b.start) + want + doc.slice(b.end);
      writeFileSync(DOC, doc);
    }
    expect(generatedBlock(doc).text).toBe(want);
  });

  test("the sensitivity table shows the largest inputs: nothing left out moves the 2030 emissions more", () => {
    const s = changzhutanSensitivity();
    expect(s.rows.length).toBeGreaterThan(SENSITIVITY_ROWS);
    for (const r of s.rows.slice(SENSITIVITY_ROWS)) expect(r.swing).toBeLessThanOrEqual(s.rows[SENSITIVITY_ROWS - 1].swing);
  });

  test("numbers typed in the prose and the assumption table match the sample", () => {
    const doc = readFileSync(DOC, "utf8");
    const f1 = (x: number) => x.toFixed(1);
    const v = landLeverValue();
    const all = (y: number) => CITIES.reduce((s, c) => s + builtUpArea(c.id, y), 0);
    expect(doc).toContain(`v = (1 − 0.931) · G/(G − 1) = ${f1(v * 100)} % (G = ${(all(2030) / all(LAST_HISTORICAL_YEAR)).toFixed(3)})`);
    expect(doc).toContain(`avoids ${f1(v * 100)} % of the baseline's new area from 2020`);
    expect(doc).toContain(
      `| land | v = ${f1(v * 100)} % of new area avoided (seed-derived), ${LAND_COVERAGE * 100} % of transport, construction and buildings scaling with the area, triangular ${Math.round(LAND_RANGE[0] * 100)}–${Math.round(LAND_RANGE[1] * 100)} % |`,
    );
    expect(doc).toContain(`ε = 0.01/s₂ = ${upgradingElasticity().toFixed(4)} per pp (s₂ = ${f1(secondaryShare() * 100)} %`);
    expect(doc).toContain(`长沙 ${f1(population2019("长沙"))}, 株洲 ${f1(population2019("株洲"))}, 湘潭 ${f1(population2019("湘潭"))} 万`);
    expect(doc).toContain(`(${CITIES.map((c) => f1(builtUpArea2019(c.id))).join(" / ")} km² in 2019)`);
    expect(doc).toContain(`them (${f1(nonFossilShare(2025) * 100)} %, ${f1(nonFossilShare(2030) * 100)} %)`);

    const { results: r } = changzhutanRun();
    const y = (year: number) => year - r.years[0];
    const e = (s: string) => clusterTotal(r, r.emissions[r.scenarios.indexOf(s)]);
    const peak = (s: string) => r.peaks.find((p) => p.scenario === s && p.isCluster)!.year;
    expect(["baseline", "independent", "coordinated"].map(peak)).toEqual([2021, 2021, 2021]);
    expect(doc).toContain("So the baseline peaks in **2021** on a plateau that lasts to 2026");
    const benefit = e("independent")[y(2030)] - e("coordinated")[y(2030)];
    expect(doc).toContain(
      `by 2030 the coordinated cluster emits ${f1(benefit / 1e6)} Mt (${f1((benefit / e("independent")[y(2030)]) * 100)} %) less than the independent one, ${f1(leverReduction(r, "coordinated", "产业协同升级")![y(2030)] / 1e6)} Mt of it from`,
    );
    const land = leverReduction(r, "coordinated", "紧凑用地")![y(2030)];
    expect(doc).toContain(`its effect is an order smaller (${(land / 1e6).toFixed(2)} Mt in 2030, ${f1((land / e("baseline")[y(2030)]) * 100)} % of`);
  });

  test("every lever of the sample is in the lever table, and the table says which scenarios take it", () => {
    const doc = readFileSync(DOC, "utf8");
    const input = changzhutanInput();
    for (const name of new Set(input.levers.map((l) => l.name))) {
      const both = input.levers.some((l) => l.name === name && l.scenario === "independent");
      expect(doc).toMatch(new RegExp(`\\| ${name} \\|[^\\n]*\\| ${both ? "a city alone[^|]*\\*\\*both\\*\\*" : "\\*\\*the cluster only\\*\\*"}`));
    }
  });

  test("the page is linked from the README", () => {
    expect(readFileSync(join(__dirname, "..", "..", "README.md"), "utf8")).toContain("docs/model.md");
  });
});
