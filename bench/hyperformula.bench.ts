/**
 * The same scenario built the way analysts do it today — as cell formulas — recalculated by
 * HyperFormula (issue "Benchmarks" 3; GPL-v3, dev/bench only, never imported from src/), vs the engine.
 *
 * Case: 30 cities × 8 sectors × 2020–2060, baseline + 2 policy scenarios × 4 reduce levers each (from
 * the shared fixture builder, cluster-wide driver periods only). Sheets:
 * - Inputs: the driver periods (from, to, rate) in A1:C5; the years in row 8 and each year's rate in
 *   row 9 (=$C$k of the period covering it);
 * - Baseline: one row per (city, sector), base value in A, E = A, then =prev*(1+Inputs!col$9);
 * - Ramps: one row per lever, value / coverage / start / full in A–D, then
 *   =B*A*MAX(0,MIN(1,(year-C)/(D-C)));
 * - one sheet per scenario: =Baseline!cell*(1-Ramps!col$k)*… for the levers covering the row;
 * - a SUM row under every block: the cluster totals.
 * Timed: change the first period's rate (every baseline and scenario cell depends on it) and read
 * the cluster totals, vs the engine's compile + run of the same input with the same change. Both give
 * the same cluster totals (1e-9 relative) before timing. value = engine ms, baseline = HyperFormula ms.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { clusterTotal, runScenarios } from "../src/engine";
import { compare, medianMs, type BenchResult } from "./harness";
import { BASE_YEAR, END_YEAR, SECTORS, countrySpec, engineInput, maxRelDiff, unwrap, type CountrySpec } from "./scenario.bench";

const Y = END_YEAR - BASE_YEAR + 1;
const FIRST = 4; // years start in column E

function col(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheets, as an analyst would lay them out. */
function sheets(spec: CountrySpec): Record<string, RawCellContent[][]> {
  const C = spec.cities.length;
  const S = SECTORS.length;
  const rows = C * S;
  const inputs: RawCellContent[][] = spec.drivers.map((d) => [d.from, d.to, d.rate]);
  while (inputs.length < 7) inputs.push([]);
  const yearRow: RawCellContent[] = [null, null, null, null];
  const rateRow: RawCellContent[] = [null, null, null, null];
  for (let y = 0; y < Y; y++) {
    const year = BASE_YEAR + y;
    yearRow.push(year);
    const k = spec.drivers.findIndex((d) => d.from <= year && year <= d.to);
    rateRow.push(y === 0 || k < 0 ? 0 : `=$C$${k + 1}`);
  }
  inputs.push(yearRow, rateRow);

  const baseline: RawCellContent[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: RawCellContent[] = [spec.base[r], null, null, null, `=A${r + 1}`];
    for (let y = 1; y < Y; y++) row.push(`=${col(FIRST + y - 1)}${r + 1}*(1+Inputs!${col(FIRST + y)}$9)`);
    baseline.push(row);
  }
  const sumRow = (): RawCellContent[] => [null, null, null, null, ...Array.from({ length: Y }, (_, y) => `=SUM(${col(FIRST + y)}1:${col(FIRST + y)}${rows})`)];
  baseline.push(sumRow());

  const ramps: RawCellContent[][] = spec.levers.map((l, i) => [
    l.value,
    l.coverage,
    l.start,
    l.full,
    ...Array.from({ length: Y }, (_, y) => `=$B${i + 1}*$A${i + 1}*MAX(0,MIN(1,(Inputs!${col(FIRST + y)}$8-$C${i + 1})/($D${i + 1}-$C${i + 1})))`),
  ]);

  const out: Record<string, RawCellContent[][]> = { Inputs: inputs, Baseline: baseline, Ramps: ramps };
  spec.scenarios.slice(1).forEach((name, k0) => {
    const k = k0 + 1;
    const block: RawCellContent[][] = [];
    for (let c = 0; c < C; c++) {
      for (let s = 0; s < S; s++) {
        const r = c * S + s + 1;
        const covering = spec.levers
          .map((l, i) => ({ l, i }))
          .filter(({ l }) => l.scenario === k && (l.cities === undefined || l.cities.includes(c)) && (l.sectors === undefined || l.sectors.includes(s)));
        const row: RawCellContent[] = [spec.cities[c], SECTORS[s], null, null];
        for (let y = 0; y < Y; y++) {
          const x = col(FIRST + y);
          row.push(`=Baseline!${x}${r}${covering.map(({ i }) => `*(1-Ramps!${x}$${i + 1})`).join("")}`);
        }
        block.push(row);
      }
    }
    block.push(sumRow());
    out[name] = block;
  });
  return out;
}

export function hyperFormulaBenchmarks(): BenchResult[] {
  const spec = countrySpec(30, ["independent", "coordinated"], 4, false);
  const input = engineInput(spec) as { drivers: { rate: number }[] };
  const data = sheets(spec);
  const rows = spec.cities.length * SECTORS.length;
  const formulas = Object.values(data).reduce((n, g) => n + g.reduce((m, r) => m + r.filter((v) => typeof v === "string" && v.startsWith("=")).length, 0), 0);

  const build = () => HyperFormula.buildFromSheets(data, { licenseKey: "gpl-v3" });
  let hf = build();
  const ids = spec.scenarios.map((n) => {
    const id = hf.getSheetId(n === "baseline" ? "Baseline" : n);
    if (id === undefined) throw new Error(`no sheet for ${n}`);
    return id;
  });
  const inputsId = hf.getSheetId("Inputs");
  if (inputsId === undefined) throw new Error("no Inputs sheet");
  const hfTotals = (): number[][] => ids.map((sheet) => Array.from({ length: Y }, (_, y) => hf.getCellValue({ sheet, row: rows, col: FIRST + y }) as number));
  const engineTotals = (): number[][] => {
    const r = unwrap(runScenarios(input));
    return r.emissions.map((e) => Array.from(clusterTotal(r, e)));
  };
  const check = (when: string) => {
    const a = hfTotals();
    const b = engineTotals();
    a.forEach((t, k) => {
      const d = maxRelDiff(t, b[k]);
      if (!(d <= 1e-9)) throw new Error(`HyperFormula and the engine differ (${when}) in ${spec.scenarios[k]}: ${d} (${t[40]} vs ${b[k][40]})`);
    });
  };
  check("as built");
  const rates = [spec.drivers[0].rate, spec.drivers[0].rate + 0.01];
  let flip = 0;
  const setRate = () => {
    flip ^= 1;
    input.drivers[0].rate = rates[flip];
    return rates[flip];
  };
  hf.setCellContents({ sheet: inputsId, row: 0, col: 2 }, [[setRate()]]);
  check("after a rate change");

  const recalc = compare(
    `speed-up: engine compile + run vs HyperFormula recalc of the same scenario as ${formulas} cell formulas (30 cities × 8 sectors × 41 years, baseline + 2 scenarios × 4 levers), one driver rate changed, cluster totals read`,
    () => {
      setRate();
      return engineTotals();
    },
    () => {
      hf.setCellContents({ sheet: inputsId, row: 0, col: 2 }, [[setRate()]]);
      return hfTotals();
    },
    3,
  );
  // Building the workbook from scratch (parse + first full evaluation) vs one engine run.
  hf.destroy();
  const buildMs = medianMs(
    () => {
      hf = build();
      const t = hfTotals();
      hf.destroy();
      return t;
    },
    3,
    1,
  );
  input.drivers[0].rate = rates[0];
  const runMs = medianMs(engineTotals, 9, 3);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return [
    recalc,
    {
      name: `speed-up: engine compile + run vs HyperFormula build + first evaluation of the same ${formulas}-formula workbook`,
      value: round(runMs),
      unit: "ms",
      baseline: round(buildMs),
      ratio: round(runMs / buildMs),
    },
  ];
}
