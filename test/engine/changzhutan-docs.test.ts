/**
 * docs/model.md must show what the engine computes: its generated block equals changzhutanReport(),
 * and the few numbers typed in its prose and assumption table equal the sample's own values.
 * To refresh the block after a deliberate change: UPDATE_DOCS=1 npx jest test/engine/changzhutan-docs.test.ts
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { changzhutanReport, changzhutanRun } from "../helpers/changzhutan-report";
import { calibratedRates2016to2020, changzhutanInput, DRIVER_RATE_SD, EV_RANGE, FREIGHT_COVERED, FREIGHT_CUTS, FREIGHT_MODE_MIX, LAND_CUT, LAND_CUT_RANGE, LAND_LINKED_SHARE, TRANSIT_RANGE } from "../../src/samples/changzhutan";
import { baselineEmissions } from "../../src/engine";

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

describe("docs/model.md — reference values", () => {
  test("the worked-example block is exactly what the engine computes for the 长株潭 sample", () => {
    let doc = readFileSync(DOC, "utf8");
    const want = `${changzhutanReport()}\n`;
    if (process.env.UPDATE_DOCS === "1") {
      const b = generatedBlock(doc);
      doc = doc.slice(0, b.start) + want + doc.slice(b.end);
      writeFileSync(DOC, doc);
    }
    expect(generatedBlock(doc).text).toBe(want);
  });

  test("numbers typed in the assumption table and prose match the sample", () => {
    const doc = readFileSync(DOC, "utf8");
    const r = calibratedRates2016to2020();
    expect(doc).toContain(`长沙 +${(r["长沙"] * 100).toFixed(2)} %/yr, 湘潭 +${(r["湘潭"] * 100).toFixed(2)} %/yr, 株洲 0`);
    expect(doc).toContain(`s = 0.20 / 0.28 = 5/7 ≈ ${(LAND_LINKED_SHARE * 100).toFixed(1)} %`);
    const { model: m } = changzhutanRun();
    const areas = m.activities[0].base;
    expect(doc).toContain(`长沙 ${areas[0].toFixed(1)}, 株洲 ${areas[1].toFixed(1)}, 湘潭 ${areas[2].toFixed(1)} km²`);
    // The covered share the seed's 5万t implies: 5e4 / (株洲 transport 2020 × Σ mix·cut).
    const base = baselineEmissions(m).values;
    const Y = m.years.length;
    const zzT2020 = base[(m.cities.indexOf("株洲") * m.sectors.length + m.sectors.indexOf("transport")) * Y + 5];
    const mixCut = (Object.keys(FREIGHT_CUTS) as (keyof typeof FREIGHT_CUTS)[]).reduce((s, k) => s + FREIGHT_CUTS[k] * FREIGHT_MODE_MIX[k], 0);
    expect(doc).toContain(`≈ ${((5e4 / (zzT2020 * mixCut)) * 100).toFixed(1)} % of 株洲 transport`);
    // Additive minus multiplicative combination of the three disjoint freight measures.
    const covered = (Object.keys(FREIGHT_CUTS) as (keyof typeof FREIGHT_CUTS)[]).map((k) => FREIGHT_COVERED * FREIGHT_MODE_MIX[k] * FREIGHT_CUTS[k]);
    const cross = covered.reduce((a, b) => a + b, 0) - (1 - covered.reduce((k, r) => k * (1 - r), 1));
    expect(doc).toContain(`about ${(cross * 100).toFixed(3)} % of the sector`);
  });

  test("the uncertainty rows of the assumption table match the sample's distributions", () => {
    const doc = readFileSync(DOC, "utf8");
    const input = changzhutanInput();
    const uncertain = input.drivers.filter((d) => d.dist !== undefined);
    expect(uncertain.every((d) => d.dist === "normal" && d.sd === DRIVER_RATE_SD && d.variable === "emissions" && d.from >= 2021)).toBe(true);
    expect(input.drivers.filter((d) => d.variable === "emissions" && d.from >= 2021 && d.dist === undefined)).toEqual([]);
    expect(doc).toContain(`every emissions rate from 2021 on (${uncertain.length} Drivers rows) normal, SD ${DRIVER_RATE_SD.toFixed(2)} (1 pp/yr)`);
    const f = (x: number) => x.toFixed(2);
    const tri = (name: string) => input.levers.filter((l) => l.dist !== undefined && l.name === name).map((l) => [l.dist, l.min, l.value, l.max]);
    expect(tri("紧凑用地")).toEqual([
      ["triangular", LAND_CUT_RANGE[2020][0], LAND_CUT[2020], LAND_CUT_RANGE[2020][1]],
      ["triangular", LAND_CUT_RANGE[2030][0], LAND_CUT[2030], LAND_CUT_RANGE[2030][1]],
    ]);
    expect(tri("城际公共交通")).toEqual([["triangular", TRANSIT_RANGE[0], 0.12, TRANSIT_RANGE[1]]]);
    expect(tri("电动车（区域充电网络）")).toEqual([["triangular", EV_RANGE[0], 0.25, EV_RANGE[1]]]);
    expect(input.levers.filter((l) => l.dist !== undefined).every((l) => l.scenario === "coordinated")).toBe(true);
    expect(doc).toContain(
      `coordinated 紧凑用地 triangular ${f(LAND_CUT_RANGE[2020][0])}–${f(LAND_CUT_RANGE[2020][1])} (2020, mode ${f(LAND_CUT[2020])}) and ${f(LAND_CUT_RANGE[2030][0])}–${f(LAND_CUT_RANGE[2030][1])} (2030, mode ${f(LAND_CUT[2030])}); ` +
        `城际公共交通 triangular ${f(TRANSIT_RANGE[0])}–${f(TRANSIT_RANGE[1])} (mode 0.12); 电动车（区域充电网络） triangular ${f(EV_RANGE[0])}–${f(EV_RANGE[1])} (mode 0.25)`,
    );
  });

  test("the page is linked from the README", () => {
    expect(readFileSync(join(__dirname, "..", "..", "README.md"), "utf8")).toContain("docs/model.md");
  });
});
