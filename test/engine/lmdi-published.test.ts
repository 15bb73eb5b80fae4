/**
 * LMDI-I against a published worked example: Xu, X.Y., Ang, B.W. (2014), "Multilevel index decomposition
 * analysis: Approaches and application", Energy Economics 44, 375–382, doi:10.1016/j.eneco.2014.05.002.
 *
 * Inputs are Table 1 (an illustrative two-sector / four-subsector economy, taken there from Ang 1995,
 * Energy Economics 17, 39–51); the expected indices are the printed multiplicative LMDI-I results of
 * Table 2 ("Single level decomposition (level 1)") and Table 3 ("M-P decomposition"), 4 decimals. The
 * numbers, with where each one stands in the paper, are in data/lmdi/ (see data/README.md).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { lmdi, type LmdiResult } from "../../src/engine";

interface PublishedExample {
  readonly source: string;
  readonly mode: "multiplicative";
  readonly factors: readonly string[];
  readonly v0: number[][];
  readonly v1: number[][];
  readonly published_effects: readonly number[];
  readonly published_total: number;
}

function example(file: string): PublishedExample {
  return JSON.parse(readFileSync(join(__dirname, "../../data/lmdi", file), "utf8")) as PublishedExample;
}

function value(r: ReturnType<typeof lmdi>): LmdiResult {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** Printed to 4 decimals: the computed index must round to the printed one (|Δ| ≤ 0.5e-4). */
function expectPrinted(actual: number, printed: number): void {
  expect(Math.abs(actual - printed)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
}

describe("lmdi — reference values from Xu & Ang (2014)", () => {
  const table2 = example("xu-ang-2014-table2-level1.json");
  const table3 = example("xu-ang-2014-table3-mp.json");

  test("Table 2, single-level (sectors): activity 1.5998, structure 1.1183, intensity 0.7154, D_tot 1.28", () => {
    const r = value(lmdi(table2.v0, table2.v1, "multiplicative"));
    expect(r.aggregate0).toBeCloseTo(50, 12); // Table 1: E = 30 + 20
    expect(r.aggregate1).toBeCloseTo(64, 12); // Table 1: E = 40 + 24
    table2.published_effects.forEach((printed, k) => expectPrinted(r.effects[k], printed));
    expect(r.total).toBeCloseTo(table2.published_total, 12);
  });

  test("Table 3, multilevel-parallel (subsectors, four factors): 1.5936, 1.1183, 1.1068, 0.6489, D_tot 1.28", () => {
    const r = value(lmdi(table3.v0, table3.v1, "multiplicative"));
    expect(r.aggregate0).toBeCloseTo(50, 12);
    expect(r.aggregate1).toBeCloseTo(64, 12);
    table3.published_effects.forEach((printed, k) => expectPrinted(r.effects[k], printed));
    expect(r.total).toBeCloseTo(table3.published_total, 12);
  });

  test("the additive form of the same data sums to ΔE = 14 and links to the printed indices by D_k = exp(ΔE_k / L(64, 50))", () => {
    const a = value(lmdi(table2.v0, table2.v1));
    expect(a.effects.reduce((s, x) => s + x, 0)).toBeCloseTo(14, 12);
    const l = (64 - 50) / Math.log(64 / 50);
    a.effects.forEach((e, k) => expectPrinted(Math.exp(e / l), table2.published_effects[k]));
  });
});
