/**
 * docs/model.md §14 must show what the engine computes for the driver-based worked example: its
 * generated block equals driversReport() (test/helpers/drivers-report.ts), and the closed-form peak it
 * states is the engine's. To refresh the block after a deliberate change:
 * UPDATE_DOCS=1 npx jest test/engine/model-docs-drivers.test.ts
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { compileScenario, runModel } from "../../src/engine";
import { CI, EI, driversExample, driversReport, gdpGrowth } from "../helpers/drivers-report";
import { value } from "./scenario-fixtures";

const DOC = join(__dirname, "..", "..", "docs", "model.md");
const BEGIN = /<!-- BEGIN drivers[^>]*-->\n/;
const END = "<!-- END drivers -->";

describe("docs/model.md driver example — reference values", () => {
  test("the generated block is exactly what the engine computes", () => {
    let doc = readFileSync(DOC, "utf8");
    const want = `${driversReport()}\n`;
    const m = BEGIN.exec(doc);
    const end = doc.indexOf(END);
    if (!m || end < 0) throw new Error("docs/model.md lacks the drivers block markers");
    const start = m.index + m[0].length;
    if (process.env.UPDATE_DOCS === "1") {
      doc = doc.slice(0, start) + want + doc.slice(end);
      writeFileSync(DOC, doc);
    }
    expect(doc.slice(start, doc.indexOf(END))).toBe(want);
  });
  test("the baseline peaks in the last year with (1 + g)(1 − d_E)(1 − d_C) ≥ 1, as the page says", () => {
    const r = value(runModel(value(compileScenario(driversExample()))));
    let last = 2020;
    for (let year = 2021; year <= 2040; year++) if ((1 + gdpGrowth(year)) * (1 + EI) * (1 + CI) >= 1) last = year;
    expect(last).toBe(2025);
    for (const p of r.peaks.filter((x) => x.scenario === "baseline")) expect(p.year).toBe(last);
  });
});
