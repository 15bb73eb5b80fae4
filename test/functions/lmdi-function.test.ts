/**
 * CARBON.LMDI as Excel calls it: v0 and v1 arrive as 2-D arrays (rows = subcategories, columns =
 * factors), an omitted mode as null; the result spills one row, one effect per factor. Also its
 * generated metadata (dist/functions.json) and the built bundle.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import fc from "fast-check";
import { installCustomFunctionsStub, makeCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { lmdiCore } from "../../src/functions/decomposition-core";

function err(v: unknown): StubError {
  expect(v).toBeInstanceOf(StubError);
  return v as StubError;
}

function row(v: unknown): number[] {
  expect(Array.isArray(v)).toBe(true);
  const rows = v as number[][];
  expect(rows).toHaveLength(1);
  return rows[0];
}

// The two-sector activity / structure / intensity example of test/engine/lmdi.test.ts (derived by hand there).
const V0 = [
  [100, 0.6, 2.0],
  [100, 0.4, 0.5],
];
const V1 = [
  [125, 0.5, 1.8],
  [125, 0.5, 0.6],
];

describe("LMDI — argument validation", () => {
  test("v0 and v1 of different shapes give #VALUE! naming both shapes", () => {
    const e = err(F.lmdiDecomposition([[1, 2]], [[1, 2, 3]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("v1: is 1 × 3, but v0 is 1 × 2; they must have the same shape");
  });
  test("a negative factor is rejected naming its matrix, row and column", () => {
    expect(
      err(
        F.lmdiDecomposition(
          [
            [1, 2],
            [3, -4],
          ],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ).message,
    ).toBe("v0, row 2, column 2: -4 is negative; LMDI factors must be zero or more");
  });
  test("blanks, text and a bad mode are all reported in one message", () => {
    const e = err(F.lmdiDecomposition([[1, null]], [["x", 2]], "ratio"));
    expect(e.message).toContain("v0, row 1, column 2: is blank");
    expect(e.message).toContain('v1, row 1, column 1: "x" is not a number');
    expect(e.message).toContain('mode: "ratio" is not a decomposition mode');
  });
  test("multiplicative with a zero aggregate is #N/A (no answer) explaining that the index is undefined", () => {
    const e = err(F.lmdiDecomposition([[0, 1]], [[1, 1]], "multiplicative"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("multiplicative index V1/V0 is undefined");
  });
  test("messages follow Office's display language (Chinese)", () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(err(F.lmdiDecomposition([[1, 2]], [[1, 2, 3]])).message).toBe("v1: 为 1 × 3，而 v0 为 1 × 2；两者形状必须一致");
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

describe("LMDI — edge cases", () => {
  test("an omitted mode (null) is additive; 加法 and 乘法 are accepted", () => {
    expect(row(F.lmdiDecomposition([[1, 100]], [[2, 50]], null as unknown as string))[0]).toBeCloseTo(100 * Math.LN2, 12);
    expect(row(F.lmdiDecomposition([[1, 100]], [[2, 50]], "加法"))[1]).toBeCloseTo(-100 * Math.LN2, 12);
    expect(row(F.lmdiDecomposition([[1, 100]], [[2, 50]], "乘法"))).toEqual([expect.closeTo(2, 14), expect.closeTo(0.5, 14)]);
  });
  test("a mode passed as a 1×1 range is read like text", () => {
    expect(row(F.lmdiDecomposition([[1, 100]], [[2, 50]], [["multiplicative"]] as unknown as string))[0]).toBeCloseTo(2, 14);
  });
  test("a sector that appears (0 in v0) takes the analytical limit: its whole final value goes to the zero factor", () => {
    expect(
      row(
        F.lmdiDecomposition(
          [
            [1, 2],
            [0, 5],
          ],
          [
            [1, 2],
            [3, 5],
          ],
        ),
      ),
    ).toEqual([15, 0]);
  });
  test("a single subcategory row and a single factor column both work", () => {
    expect(row(F.lmdiDecomposition([[3], [4]], [[5], [1]]))[0]).toBeCloseTo(-1, 12);
    expect(row(F.lmdiDecomposition([[2, 3]], [[2, 3]]))).toEqual([0, 0]);
  });
});

describe("LMDI — invariants", () => {
  test("the spilled additive effects sum to V1 − V0 and the indices multiply to V1 / V0", () => {
    const cell = fc.double({ min: 0.01, max: 100, noNaN: true });
    const mats = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.integer({ min: 1, max: 4 }).chain((m) => {
        const mat = fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: n, maxLength: n });
        return fc.tuple(mat, mat);
      }),
    );
    fc.assert(
      fc.property(mats, ([v0, v1]) => {
        const total = (v: number[][]) => v.reduce((s, r) => s + r.reduce((p, x) => p * x, 1), 0);
        const a = lmdiCore(v0, v1);
        const m = lmdiCore(v0, v1, "multiplicative");
        if (!a.ok || !m.ok) return false;
        const sum = a.value[0].reduce((s, x) => s + x, 0);
        const prod = m.value[0].reduce((s, x) => s * x, 1);
        const scale = Math.max(total(v0), total(v1));
        return Math.abs(sum - (total(v1) - total(v0))) <= 1e-9 * scale && Math.abs(prod / (total(v1) / total(v0)) - 1) <= 1e-9;
      }),
    );
  });
});

describe("LMDI — reference values", () => {
  test("two-sector activity / structure / intensity example: 32.1436, −14.9754, −7.1682 (hand derivation in test/engine/lmdi.test.ts)", () => {
    const e = row(F.lmdiDecomposition(V0, V1));
    expect(e[0]).toBeCloseTo(32.14359, 4);
    expect(e[1]).toBeCloseTo(-14.97538, 4);
    expect(e[2]).toBeCloseTo(-7.16821, 4);
  });
  test("the same example, multiplicative: 1.248282, 0.901839, 0.951747", () => {
    const e = row(F.lmdiDecomposition(V0, V1, "multiplicative"));
    expect(e[0]).toBeCloseTo(1.248282, 6);
    expect(e[1]).toBeCloseTo(0.901839, 6);
    expect(e[2]).toBeCloseTo(0.951747, 6);
  });
  test('Xu & Ang (2014) Table 3, M-P row, as Excel passes it: =CARBON.LMDI(v0, v1, "multiplicative") spills 1.5936, 1.1183, 1.1068, 0.6489 (data/lmdi/)', () => {
    const ex = JSON.parse(readFileSync(join(__dirname, "../../data/lmdi/xu-ang-2014-table3-mp.json"), "utf8")) as {
      v0: number[][];
      v1: number[][];
      published_effects: number[];
    };
    const e = row(F.lmdiDecomposition(ex.v0, ex.v1, "multiplicative"));
    ex.published_effects.forEach((printed, k) => expect(Math.abs(e[k] - printed)).toBeLessThanOrEqual(0.5e-4 + 1e-12));
  });
});

describe("LMDI — dist/functions.json and dist/functions.js (npm test builds first)", () => {
  const dist = join(__dirname, "..", "..", "dist");
  test("metadata: id LMDI, matrices v0 and v1, optional text mode, spilled result", () => {
    const path = join(dist, "functions.json");
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
    const f = (
      JSON.parse(readFileSync(path, "utf8")).functions as {
        id: string;
        parameters: { name: string; dimensionality?: string; optional?: boolean; type?: string }[];
        result: { dimensionality?: string };
      }[]
    ).find((x) => x.id === "LMDI");
    expect(f).toBeDefined();
    expect(f!.parameters.map((p) => [p.name, p.dimensionality === "matrix", p.optional === true])).toEqual([
      ["v0", true, false],
      ["v1", true, false],
      ["mode", false, true],
    ]);
    expect(f!.parameters[2].type).toBe("string");
    expect(f!.result.dimensionality).toBe("matrix");
  });
  test("the bundle associates LMDI and it answers Excel-shaped ranges without a DOM", () => {
    const path = join(dist, "functions.js");
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
    const stub = makeCustomFunctionsStub();
    vm.runInContext(readFileSync(path, "utf8"), vm.createContext({ CustomFunctions: stub.global, console }), { filename: "functions.js" });
    const lmdi = stub.associated.get("LMDI");
    expect(lmdi).toBeDefined();
    expect((lmdi!([[1, 100]], [[2, 50]], "multiplicative") as number[][])[0]).toEqual([expect.closeTo(2, 14), expect.closeTo(0.5, 14)]);
    expect((lmdi!([[1]], [[1, 2]], null) as StubError).code).toBe("#VALUE!");
  });
});
