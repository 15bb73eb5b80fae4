/**
 * Cores of the decomposition functions (LMDI, KAYA): Excel-shaped arguments in, a {@link Result} out. No
 * `CustomFunctions` here — `boundary.ts` turns the result into an Excel value or error.
 */
import {
  checkWindow,
  fail,
  issue,
  kayaDecomposition,
  lmdi,
  matrixShape,
  ok,
  parseLmdiMode,
  readFactorMatrix,
  valueInYear,
  type Issue,
  type KayaInput,
  pushAll,
  type Result,
} from "../engine";
import { atYearCells, optionalText, readSeriesArg, requiredYear, toRows, toVector, uniqueIssues, yearPositions, type SeriesArg } from "./coerce";

/**
 * LMDI: one row with the effect of each factor (column) — additive effects in the unit of V, or
 * multiplicative indices. v0 and v1 are subcategories × factors ranges of the same shape; every
 * cell a number ≥ 0 (a blank is not a zero). Every problem is reported at once: cell issues at
 * `[v0|v1, row, column]`, `shape_mismatch`, `lmdi_mode`, then the engine's `lmdi_zero_total`.
 * @example lmdiCore([[1, 100]], [[2, 50]], "multiplicative") // ok([[2, 0.5]])
 */
export function lmdiCore(v0: unknown, v1: unknown, mode?: unknown): Result<number[][]> {
  const rows0 = toRows(v0);
  const rows1 = toRows(v1);
  const m0 = readFactorMatrix(rows0, "v0");
  const m1 = readFactorMatrix(rows1, "v1");
  const md = parseLmdiMode(optionalText(mode));
  const issues: Issue[] = [];
  for (const r of [m0, m1, md]) if (!r.ok) pushAll(issues, r.issues);
  const a = matrixShape(rows0);
  const b = matrixShape(rows1);
  if (a.rows * a.columns > 0 && b.rows * b.columns > 0 && (a.rows !== b.rows || a.columns !== b.columns)) {
    issues.push(issue("shape_mismatch", ["v1"], { rows: b.rows, columns: b.columns, other: "v0", expectedRows: a.rows, expectedColumns: a.columns }));
  }
  if (issues.length > 0 || !m0.ok || !m1.ok || !md.ok) return fail(issues);
  const r = lmdi(m0.value, m1.value, md.value);
  return r.ok ? ok([r.value.effects.slice()], r.warnings) : r;
}

// --- KAYA ---

/** KAYA's four quantity arguments, in order, with the engine's field for each. */
const KAYA_ARGS = [
  ["population", "population"],
  ["gdp", "gdp"],
  ["energy", "energy"],
  ["emissions", "co2"],
] as const;

type KayaField = (typeof KAYA_ARGS)[number][1];

/**
 * KAYA: one row with the LMDI-I effects of population, GDP per capita, energy intensity and carbon
 * intensity on the change in emissions from from_year to to_year (the order of `KAYA_FACTORS`).
 * Each quantity is a row or column matching `years` (one region), or a members × years (or years ×
 * members) block for several cities, whose emissions add up (blocks all the same shape; a single
 * region may mix rows and columns). Every cell a number ≥ 0 or blank; both years need a value for
 * every member (`year_value_blank`, #N/A, at the cell). Zeros take the analytical limits; a
 * quantity > 0 divided by a 0 is `kaya_zero_divisor`.
 * @example kayaCore([[2, 2]], [[10, 20]], [[5, 5]], [[10, 10]], [[2015, 2020]], 2015, 2020, "multiplicative")
 *   // ok([[1, 2, 0.5, 1]])
 */
export function kayaCore(
  population: unknown,
  gdp: unknown,
  energy: unknown,
  emissions: unknown,
  years: unknown,
  fromYear: unknown,
  toYear: unknown,
  mode?: unknown,
): Result<number[][]> {
  const quantities = { population, gdp, energy, emissions };
  const yv = toVector(years, "years");
  const from = requiredYear(fromYear, "from_year");
  const to = requiredYear(toYear, "to_year");
  const md = parseLmdiMode(optionalText(mode));
  const issues: Issue[] = [];
  for (const r of [yv, from, to, md]) if (!r.ok) pushAll(issues, r.issues);
  if (from.ok && to.ok) pushAll(issues, checkWindow(from.value, to.value));
  if (!yv.ok) return fail(issues);
  const args = KAYA_ARGS.map(([name]) => readSeriesArg(quantities[name], yv.value, name, { nonNegative: name !== "emissions", vector: true }));
  args.forEach((a) => {
    if (!a.ok) pushAll(issues, a.issues);
  });
  const [p] = args;
  if (p.ok) {
    args.forEach((a, k) => {
      if (k === 0 || !a.ok) return;
      // One region may mix rows and columns (like INTENSITYCHANGE); a cluster block must match cell for cell.
      const n = a.value.members.length;
      if (n !== p.value.members.length || (n > 1 && (a.value.rows !== p.value.rows || a.value.columns !== p.value.columns))) {
        issues.push(
          issue("shape_mismatch", [KAYA_ARGS[k][0]], {
            rows: a.value.rows,
            columns: a.value.columns,
            other: "population",
            expectedRows: p.value.rows,
            expectedColumns: p.value.columns,
          }),
        );
      }
    });
  }
  if (issues.length > 0 || !from.ok || !to.ok || !md.ok) return fail(uniqueIssues(issues));
  const read = args.map((a) => (a.ok ? a.value : undefined)) as SeriesArg[];
  const positions = yearPositions(yv.value);
  // Each member's four quantities in both years: a blank, or a year that is not there, is named at its cell.
  const inputs = (year: number, end: "from_year" | "to_year"): KayaInput[] =>
    read[0].members.map((_, m) => {
      const q = {} as Record<KayaField, number>;
      read.forEach((a, k) => {
        const [name, field] = KAYA_ARGS[k];
        const v = valueInYear(a.members[m], year, { values: name, year: end });
        if (v.ok) q[field] = v.value;
        else
          pushAll(
            issues,
            atYearCells(v.issues, positions, [name], (_, pos) => a.at(m, pos)),
          );
      });
      return q as unknown as KayaInput;
    });
  const x0 = inputs(from.value, "from_year");
  const x1 = to.value === from.value ? x0 : inputs(to.value, "to_year");
  if (issues.length > 0) return fail(uniqueIssues(issues));
  const r = kayaDecomposition(x0, x1, md.value, { from: from.value, to: to.value });
  if (r.ok) return ok([r.value.effects.slice()], r.warnings);
  // Engine paths ["from" | "to", member, field] → the cell of that member and year in its argument.
  const cell = (x: Issue): Issue => {
    const [which, m, field] = x.path;
    const year = which === "from" ? from.value : to.value;
    if (x.code === "lmdi_zero_total") return { ...x, path: ["emissions"] };
    const k = KAYA_ARGS.findIndex(([, f]) => f === field);
    const pos = positions.get(year);
    if (k < 0 || typeof m !== "number" || pos === undefined) return x;
    return { ...x, path: read[k].at(m, pos) };
  };
  return fail(r.issues.map(cell));
}
