/**
 * The Peaks (live) sheet recalculated by a real spreadsheet engine: HyperFormula (GPL-3.0, test-only
 * devDependency) with CARBON.PEAKYEAR and CARBON.PEAKSTATUS registered as custom functions that call the
 * functions' own cores (src/functions/peak-core.ts). Every formula, recalculated from the cells it
 * references, gives the result it was cached with — the engine's. 长株潭 example (CEADs data —
 * citation in data/README.md).
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, type RawCellContent, type SimpleRangeValue } from "hyperformula";
import { peakStatusCore, peakYearCore } from "../../src/functions/peak-core";
import { createScenarioSheets, runAndWrite } from "../../src/app";
import { createMemoryPort } from "../../src/workbook/memory";
import { value } from "../helpers/result";

/** HyperFormula's call AST and interpreter state (its internal types, not exported): passed through as they come. */
type Call = { args: unknown[] };

/** A range as Excel passes it to a custom function: an empty cell (HyperFormula's EmptyValue) is null — a gap in the history. */
const cellsOf = (r: SimpleRangeValue) => r.data.map((row) => row.map((v) => (v === EmptyValue ? null : v)));

/** CARBON.PEAKYEAR / CARBON.PEAKSTATUS for HyperFormula: a failed core is #N/A for no_peak, else #VALUE!. */
class CarbonPlugin extends FunctionPlugin {
  peakyear(ast: Call, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("CARBON.PEAKYEAR"),
      (e: SimpleRangeValue, y: SimpleRangeValue, t: number, k: number, w: number) => {
        const r = peakYearCore(cellsOf(e), cellsOf(y), t, k, w);
        return r.ok ? r.value : new CellError(r.issues[0].code === "no_peak" ? ErrorType.NA : ErrorType.VALUE);
      },
    );
  }
  peakstatus(ast: Call, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("CARBON.PEAKSTATUS"),
      (e: SimpleRangeValue, y: SimpleRangeValue, t: number, k: number, w: number) => {
        const r = peakStatusCore(cellsOf(e), cellsOf(y), t, k, w);
        return r.ok ? r.value : new CellError(ErrorType.VALUE);
      },
    );
  }
}
const PARAMS = [
  { argumentType: FunctionArgumentType.RANGE },
  { argumentType: FunctionArgumentType.RANGE },
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.NUMBER },
];
CarbonPlugin.implementedFunctions = {
  "CARBON.PEAKYEAR": { method: "peakyear", parameters: PARAMS },
  "CARBON.PEAKSTATUS": { method: "peakstatus", parameters: PARAMS },
};

beforeAll(() =>
  HyperFormula.registerFunctionPlugin(CarbonPlugin, { enGB: { "CARBON.PEAKYEAR": "CARBON.PEAKYEAR", "CARBON.PEAKSTATUS": "CARBON.PEAKSTATUS" } }),
);
afterAll(() => HyperFormula.unregisterFunctionPlugin(CarbonPlugin));

test("HyperFormula recalculates every live formula of the 长株潭 run to its cached result", async () => {
  const port = createMemoryPort();
  value(await createScenarioSheets(port, { example: "changzhutan" }));
  value(await runAndWrite(port, { formulas: true }));
  const live = port.memory.sheetList.find((s) => s.name === "Peaks (live)")!;
  const formulas = live.formulas!;
  // The sheet as HyperFormula input: values as they are (text quoted, so "=…" text stays text), formula cells as formulas.
  const width = Math.max(...Array.from(live.cells, (r) => r?.length ?? 0));
  const input: RawCellContent[][] = Array.from({ length: live.cells.length }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const row = live.cells[r]; // row 3 (between the tables) is a hole
      const f = formulas.get(`${r + 1},${c + 1}`);
      if (f) return f.formula;
      const v = (row?.[c] ?? null) as RawCellContent;
      return typeof v === "string" ? `'${v}` : v;
    }),
  );
  const hf = HyperFormula.buildFromSheets({ live: input }, { licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId("live")!;
  expect(formulas.size).toBeGreaterThan(0);
  const kinds = new Set<string>();
  for (const [at, f] of formulas) {
    const [row, col] = at.split(",").map(Number);
    const got = hf.getCellValue({ sheet, row: row - 1, col: col - 1 });
    const cached = f.error ?? live.cells[row - 1][col - 1];
    expect([at, got instanceof Object && "value" in got ? got.value : got]).toEqual([at, cached]);
    kinds.add(typeof got);
  }
  expect([...kinds].sort()).toEqual(expect.arrayContaining(["number", "string"]));
  hf.destroy();
});
