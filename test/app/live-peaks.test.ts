/**
 * The opt-in "Peaks (live)" output (src/app/live-peaks.ts): live CARBON.PEAKYEAR / CARBON.PEAKSTATUS
 * formulas over each scenario × region row, cached with the engine's results; values-only stays the
 * default. Runs the 长株潭 example written by the template (CEADs data — citation in data/README.md)
 * over the in-memory port. Each formula is parsed back and evaluated with the functions' own cores
 * (src/functions/peak-core.ts, what CARBON.PEAKYEAR and CARBON.PEAKSTATUS run in Excel).
 */
import { cityTotals, clusterTotal, parseAddress, runModel, tonnesPer, type ScenarioResults } from "../../src/engine";
import { peakStatusCore, peakYearCore } from "../../src/functions/peak-core";
import { LIVE_HEADERS, TABLE_ROW, YEARS_ROW, liveFormula } from "../../src/app/live-peaks";
import { numberCell } from "../../src/app/number-cell";
import { createScenarioSheets, readScenario, runAndWrite } from "../../src/app";
import { createMemoryPort, type MemoryPort, type MemorySheet } from "../../src/workbook/memory";
import { value } from "../helpers/result";

const NOW = () => new Date("2026-01-02T03:04:05Z");

async function examplePort(rename: Record<string, string> = {}): Promise<MemoryPort> {
  const port = createMemoryPort();
  value(await createScenarioSheets(port, { example: "changzhutan" }));
  // Rename cities everywhere they are named: whole cells, and items of comma-separated lists.
  for (const s of port.memory.sheetList) {
    for (const row of s.cells) {
      row?.forEach((v, c) => {
        if (typeof v !== "string") return;
        if (v in rename) row[c] = rename[v];
        else if (/[,，]/.test(v) && v.split(/\s*[,，]\s*/).some((x) => x in rename))
          row[c] = v
            .split(/\s*[,，]\s*/)
            .map((x) => rename[x] ?? x)
            .join(", ");
      });
    }
  }
  return port;
}

const sheet = (port: MemoryPort, name: string): MemorySheet => port.memory.sheetList.find((s) => s.name === name)!;
const cell = (s: MemorySheet, row: number, col: number) => s.cells[row - 1]?.[col - 1] ?? null;

/** A formula's references and literal arguments. */
interface Parsed {
  fn: string;
  emissions: { row: number; col: number; lastRow: number; lastCol: number };
  years: { row: number; col: number; lastRow: number; lastCol: number };
  args: number[];
}

function parseFormula(text: string): Parsed {
  const m = /^=CARBON\.(PEAKYEAR|PEAKSTATUS)\((\$[A-Z]+\d+:\$[A-Z]+\d+),(\$[A-Z]+\$\d+:\$[A-Z]+\$\d+),([^,()]+),([^,()]+),([^,()]+)\)$/.exec(text);
  if (!m) throw new Error(`not a live peak formula: ${text}`);
  const range = (a: string) => {
    const p = parseAddress(a.replace(/\$/g, ""))!;
    return { row: p.row, col: p.col, lastRow: p.lastRow, lastCol: p.lastCol };
  };
  return { fn: m[1], emissions: range(m[2]), years: range(m[3]), args: [m[4], m[5], m[6]].map(Number) };
}

const block = (s: MemorySheet, r: Parsed["emissions"]) => {
  const out: unknown[][] = [];
  for (let row = r.row; row <= r.lastRow; row++) {
    const line: unknown[] = [];
    for (let col = r.col; col <= r.lastCol; col++) line.push(cell(s, row, col));
    out.push(line);
  }
  return out;
};

/** Runs the example with formulas and returns the live sheet with the engine's results for the same input. */
async function liveRun(port: MemoryPort): Promise<{ live: MemorySheet; results: ScenarioResults }> {
  const summary = value(await runAndWrite(port, { formulas: true, now: NOW, version: "test" }));
  expect(summary.outputs).toContain("Peaks (live)");
  const read = value(await readScenario(port));
  return { live: sheet(port, "Peaks (live)"), results: value(runModel(read.model)) };
}

/** Checks every live row: references, literal arguments, values, and that evaluating the formula gives its cached result. */
function checkLiveSheet(live: MemorySheet, r: ScenarioResults): number {
  const k = tonnesPer(r.settings.units) ?? 1;
  const Y = r.years.length;
  const header = live.cells[TABLE_ROW - 1];
  const yearCol = header.indexOf(LIVE_HEADERS.peakYear) + 1;
  const statusCol = header.indexOf(LIVE_HEADERS.status) + 1;
  expect(yearCol).toBeGreaterThan(0);
  let checked = 0;
  r.scenarios.forEach((scenario, sc) => {
    const byCity = cityTotals(r, r.emissions[sc]);
    const regions = [
      ...r.cities.map((c, i) => ({ name: c, values: Array.from(byCity.subarray(i * Y, (i + 1) * Y)) })),
      { name: r.settings.cluster, values: Array.from(clusterTotal(r, r.emissions[sc])) },
    ];
    for (const g of regions) {
      const row = TABLE_ROW + 1 + checked;
      expect([cell(live, row, 1), cell(live, row, 2)]).toEqual([scenario, g.name]);
      const peak = r.peaks.find((p) => p.scenario === scenario && p.region === g.name)!;
      for (const [col, fn] of [
        [yearCol, "PEAKYEAR"],
        [statusCol, "PEAKSTATUS"],
      ] as const) {
        const f = live.formulas!.get(`${row},${col}`)!;
        const p = parseFormula(f.formula);
        expect(p.fn).toBe(fn);
        // The emissions are this row's year cells; the years are the numeric years row, same columns.
        expect(p.emissions).toEqual({ row, col: 4, lastRow: row, lastCol: 3 + Y });
        expect(p.years).toEqual({ row: YEARS_ROW, col: 4, lastRow: YEARS_ROW, lastCol: 3 + Y });
        expect(block(live, p.years)[0]).toEqual(Array.from(r.years));
        expect(block(live, p.emissions)[0]).toEqual(g.values.map((v) => numberCell(v / k)));
        expect(p.args).toEqual([r.settings.tolerance, r.settings.confirmYears, r.settings.smoothYears]);
        // What the formula means, evaluated over the cells it points at, is its cached result.
        const core = fn === "PEAKYEAR" ? peakYearCore : peakStatusCore;
        const meaning = core(block(live, p.emissions), block(live, p.years), ...p.args);
        const cached = f.error ?? cell(live, row, col);
        if (meaning.ok) expect(cached).toBe(meaning.value);
        else expect([cached, meaning.issues[0].code]).toEqual(["#N/A", "no_peak"]);
        // … and the cached result is what the engine computed for the run.
        expect(cached).toBe(fn === "PEAKSTATUS" ? peak.status : peak.status === "rising" ? "#N/A" : peak.year);
      }
      checked++;
    }
  });
  expect(live.cells.length).toBe(TABLE_ROW + checked);
  return checked;
}

describe("formulas off (the default)", () => {
  test("no Peaks (live) sheet and no formula anywhere; formulas: false is the same run", async () => {
    const ports = [await examplePort(), await examplePort()];
    const a = value(await runAndWrite(ports[0], { now: NOW, version: "test" }));
    const b = value(await runAndWrite(ports[1], { now: NOW, version: "test", formulas: false }));
    expect(a.outputs).not.toContain("Peaks (live)");
    expect(b.outputs).toEqual(a.outputs);
    expect(a.record.formulas).toBeUndefined();
    for (const port of ports) for (const s of port.memory.sheetList) expect(s.formulas?.size ?? 0).toBe(0);
    const snapshot = (p: MemoryPort) => JSON.stringify(p.memory.sheetList.map((s) => [s.name, s.cells, [...s.formats]]));
    expect(snapshot(ports[1])).toBe(snapshot(ports[0]));
  });

  test("turning formulas on adds only the Peaks (live) sheet (and a Run info line): every other output is cell for cell the same", async () => {
    const off = await examplePort();
    const on = await examplePort();
    const a = value(await runAndWrite(off, { now: NOW, version: "test" }));
    const b = value(await runAndWrite(on, { now: NOW, version: "test", formulas: true }));
    expect(b.outputs.filter((s) => s !== "Peaks (live)")).toEqual(a.outputs);
    // Right after Peaks (and the Target results, when the workbook has targets, as the example does).
    expect(b.outputs.indexOf("Peaks (live)")).toBe(b.outputs.indexOf("Target results") + 1);
    expect(b.outputs.indexOf("Target results")).toBe(b.outputs.indexOf("Peaks") + 1);
    for (const name of a.outputs.filter((s) => s !== "Run info")) {
      expect(JSON.stringify([sheet(on, name).cells, [...sheet(on, name).formats]])).toBe(
        JSON.stringify([sheet(off, name).cells, [...sheet(off, name).formats]]),
      );
    }
    expect(sheet(on, "Run info").cells.map((r) => r[0])).toContain("Live formulas");
  });

  test("a later run without formulas deletes the Peaks (live) sheet it no longer produces", async () => {
    const port = await examplePort();
    value(await runAndWrite(port, { formulas: true }));
    value(await runAndWrite(port, {}));
    expect(port.memory.sheetList.map((s) => s.name)).not.toContain("Peaks (live)");
  });
});

describe("formulas on: the Peaks (live) sheet", () => {
  test("every row's PEAKYEAR and PEAKSTATUS point at that row's emissions and the numeric years row, and evaluate to their cached results (the engine's)", async () => {
    const { live, results } = await liveRun(await examplePort());
    expect(checkLiveSheet(live, results)).toBe(results.scenarios.length * (results.cities.length + 1));
    // Years row: a label and the years as numbers (not text) over the year columns.
    expect(live.cells[YEARS_ROW - 1].slice(3)).toEqual(Array.from(results.years));
    expect(live.cells[YEARS_ROW - 1][2]).toBe(`Emissions below in ${results.settings.units} CO2`);
  });

  test("a rising series is cached as #N/A with its formula, as CARBON.PEAKYEAR answers it", async () => {
    const port = await examplePort();
    // Drivers: every GDP row reaching past 2030 grows 20 %/yr to its end, so emissions still rise at the end of the horizon.
    for (const row of sheet(port, "Drivers").cells.slice(1)) if (row[0] === "gdp" && Number(row[4]) > 2030) [row[5], row[6]] = [0.2, null];
    const { live, results } = await liveRun(port);
    expect(results.peaks.some((p) => p.status === "rising")).toBe(true);
    checkLiveSheet(live, results);
    expect([...live.formulas!.values()].some((f) => f.error === "#N/A")).toBe(true);
  });

  test("the run's tolerance, confirmation years and smoothing go into every formula as literal arguments", async () => {
    const port = await examplePort();
    const st = sheet(port, "Settings").cells;
    const set = (label: RegExp, v: number) => (st.find((r) => typeof r[0] === "string" && label.test(r[0]))![1] = v);
    set(/^Peak tolerance/, 0.02);
    set(/^Confirmation years/, 3);
    set(/^Smoothing years/, 3);
    const { live, results } = await liveRun(port);
    expect([results.settings.tolerance, results.settings.confirmYears, results.settings.smoothYears]).toEqual([0.02, 3, 3]);
    checkLiveSheet(live, results);
    expect(liveFormula("PEAKYEAR", 5, 46, results.settings)).toBe("=CARBON.PEAKYEAR($D5:$AW5,$D$2:$AW$2,0.02,3,3)");
  });

  test('a city named "=1+1" or "<img src=x onerror=alert(1)>" stays text: only the declared peak columns are formulas', async () => {
    const port = await examplePort({ 长沙: "=1+1", 株洲: "<img src=x onerror=alert(1)>" });
    const { live, results } = await liveRun(port);
    checkLiveSheet(live, results);
    const names = live.cells.slice(TABLE_ROW).map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(["=1+1", "<img src=x onerror=alert(1)>"]));
    const header = live.cells[TABLE_ROW - 1];
    const formulaCols = new Set([...live.formulas!.keys()].map((k) => Number(k.split(",")[1])));
    expect([...formulaCols].map((c) => header[c - 1]).sort()).toEqual([LIVE_HEADERS.peakYear, LIVE_HEADERS.status].sort());
    for (const s of port.memory.sheetList) if (s.name !== "Peaks (live)") expect(s.formulas?.size ?? 0).toBe(0);
  });
});
