/**
 * Coercing Excel-shaped arguments into engine inputs. Excel passes a range argument as a 2-D array
 * (rows of cells; a single cell as `[[v]]`), and an omitted optional argument as `null` or
 * `undefined`. Nothing here computes: it only reshapes and reports shape problems as issues.
 */
import { fail, isBlank, issue, ok, parseSeries, readNumberCell, readYearCell, type Issue, type Path, type Result, type Series, pushAll } from "../engine";

/** How a 1-D argument was laid out, so results can spill the same way. */
export type Orientation = "row" | "column";

/** A range argument flattened to one dimension. */
export interface Vector {
  readonly cells: readonly unknown[];
  readonly orientation: Orientation;
}

/** Rows of cells, whatever Excel sent (a scalar becomes 1×1; a flat array one row). */
export function toRows(arg: unknown): unknown[][] {
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [];
  if (!Array.isArray(arg[0])) return [arg as unknown[]];
  return arg as unknown[][];
}

/** Size of a rows-of-cells matrix (columns of the widest row). */
export function shapeOf(rows: readonly (readonly unknown[])[]): { rows: number; columns: number } {
  let columns = 0;
  for (const r of rows) if (r.length > columns) columns = r.length;
  return { rows: rows.length, columns };
}

/**
 * Flattens a single row or column. A 1×1 range is a column of one. Issues: `empty`,
 * `not_one_dimensional` (naming the argument and its size).
 * @example toVector([[1], [2]], "emissions") // ok({ cells: [1, 2], orientation: "column" })
 */
export function toVector(arg: unknown, name: string): Result<Vector> {
  const rows = toRows(arg);
  const { rows: r, columns: c } = shapeOf(rows);
  if (r === 0 || c === 0) return fail([issue("empty", [name])]);
  if (r === 1 && c >= 1) {
    if (c === 1) return ok({ cells: [rows[0][0]], orientation: "column" });
    return ok({ cells: rows[0], orientation: "row" });
  }
  if (c === 1) return ok({ cells: rows.map((row) => row[0]), orientation: "column" });
  return fail([issue("not_one_dimensional", [name], { rows: r, columns: c })]);
}

/** A members × years matrix, oriented to put members in rows. */
export interface MemberMatrix {
  /** One array of cells per member, aligned with the years argument. */
  readonly members: unknown[][];
  /** True when the input had years down the rows and members across the columns. */
  readonly transposed: boolean;
}

/**
 * Reads a members × years matrix, or a years × members one (detected by which side matches the
 * number of years). A square matrix follows the years argument: years in a row ⇒ members are rows;
 * years in a column ⇒ members are columns. Issues: `empty`, `matrix_shape`.
 * @example toMemberMatrix([[1, 2, 3], [4, 5, 6]], 3, "row", "emissions", "years")
 *   // ok({ members: [[1,2,3],[4,5,6]], transposed: false })
 */
export function toMemberMatrix(arg: unknown, yearCount: number, yearsOrientation: Orientation, name: string, yearsName: string): Result<MemberMatrix> {
  const rows = toRows(arg);
  const { rows: r, columns: c } = shapeOf(rows);
  if (r === 0 || c === 0) return fail([issue("empty", [name])]);
  const byRows = c === yearCount;
  const byColumns = r === yearCount;
  if (!byRows && !byColumns) {
    return fail([issue("matrix_shape", [name], { rows: r, columns: c, expected: yearCount, other: yearsName })]);
  }
  const transposed = byColumns && (!byRows || yearsOrientation === "column");
  if (!transposed) return ok({ members: rows.map((row) => Array.from({ length: c }, (_, j) => row[j])), transposed });
  const members: unknown[][] = [];
  for (let j = 0; j < c; j++) members.push(rows.map((row) => row[j]));
  return ok({ members, transposed });
}

/**
 * An optional scalar number argument: omitted (`null`, `undefined`, blank, or a 1×1 blank range)
 * gives `fallback`; otherwise it must be a finite number.
 * @example optionalNumber(null, "tolerance", 0) // ok(0)
 */
export function optionalNumber(arg: unknown, name: string, fallback: number): Result<number> {
  const v = Array.isArray(arg) ? toRows(arg)[0]?.[0] : arg;
  const cell = readNumberCell(v, [name]);
  if (cell.kind === "blank") return ok(fallback);
  if (cell.kind === "invalid") return fail([cell.issue]);
  return ok(cell.value);
}

/**
 * A required scalar number argument.
 * @example requiredNumber(2025, "target_year") // ok(2025)
 */
export function requiredNumber(arg: unknown, name: string): Result<number> {
  const v = Array.isArray(arg) ? toRows(arg)[0]?.[0] : arg;
  const cell = readNumberCell(v, [name]);
  if (cell.kind === "blank") return fail([issue("empty", [name])]);
  if (cell.kind === "invalid") return fail([cell.issue]);
  return ok(cell.value);
}

/** A required text argument. */
export function requiredText(arg: unknown, name: string): Result<string> {
  const v = Array.isArray(arg) ? toRows(arg)[0]?.[0] : arg;
  if (typeof v === "string" && v.trim() !== "") return ok(v);
  if (v === null || v === undefined || v === "") return fail([issue("empty", [name])]);
  return fail([issue("not_text", [name], { value: String(v) })]);
}

/**
 * Collects several results: the values when all succeeded, otherwise every issue of every failure
 * (so one call reports all bad arguments at once).
 */
export function all<T extends readonly Result<unknown>[]>(...results: T): Result<{ [K in keyof T]: T[K] extends Result<infer U> ? U : never }> {
  const issues: Issue[] = [];
  const values: unknown[] = [];
  for (const r of results) {
    if (r.ok) values.push(r.value);
    else pushAll(issues, r.issues);
  }
  if (issues.length > 0) return fail(issues);
  return ok(values as { [K in keyof T]: T[K] extends Result<infer U> ? U : never });
}

/**
 * The numbers of a 1-D range argument. Trailing blank cells are dropped (a selection longer than
 * the data); any other blank, and anything that is not a finite number, is an issue at its position.
 * @example numbersOf([[0.1, 0.2, null]], "rates") // ok({ values: [0.1, 0.2], orientation: "row" })
 */
export function numbersOf(arg: unknown, name: string): Result<{ values: number[]; orientation: Orientation }> {
  const v = toVector(arg, name);
  if (!v.ok) return v;
  let n = v.value.cells.length;
  while (n > 0 && isBlank(v.value.cells[n - 1])) n--;
  if (n === 0) return fail([issue("no_values", [name])]);
  const issues: Issue[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = readNumberCell(v.value.cells[i], [name, i]);
    if (c.kind === "number") values.push(c.value);
    else issues.push(c.kind === "blank" ? issue("blank_cell", [name, i]) : c.issue);
  }
  return issues.length > 0 ? fail(issues) : ok({ values, orientation: v.value.orientation });
}

/** An optional 1-D range of numbers: omitted (null/blank) gives `undefined`. */
export function optionalNumbersOf(arg: unknown, name: string): Result<number[] | undefined> {
  const rows = toRows(arg);
  const cells = rows.flat();
  if (cells.length === 0 || cells.every(isBlank)) return ok(undefined);
  const r = numbersOf(arg, name);
  return r.ok ? ok(r.value.values) : r;
}

/** An optional scalar text argument (e.g. a shape or mode): omitted gives `undefined`. */
export function optionalText(arg: unknown): unknown {
  const v = Array.isArray(arg) ? toRows(arg)[0]?.[0] : arg;
  return isBlank(v) ? undefined : v;
}

/** Lays a 1-D result out like its input: a row spills right, a column spills down. */
export function spill(values: readonly unknown[], orientation: Orientation): unknown[][] {
  return orientation === "row" ? [values.slice()] : values.map((x) => [x]);
}

// --- years, windows and series arguments (CUMULATIVE, INTENSITYCHANGE, KAYA; readMembers of the peak cores) ---

/**
 * A required year argument: a whole number 1000–9999 (or text of four digits). Issues `empty`,
 * `year_not_integer`, `year_out_of_range`, or the cell's own.
 * @example requiredYear(2025, "to_year") // ok(2025)
 */
export function requiredYear(arg: unknown, name: string): Result<number> {
  const v = Array.isArray(arg) ? toRows(arg)[0]?.[0] : arg;
  const cell = readYearCell(v, [name]);
  if (cell.kind === "blank") return fail([issue("empty", [name])]);
  if (cell.kind === "invalid") return fail([cell.issue]);
  return ok(cell.value);
}

/** An optional year argument: omitted (null, blank) gives `undefined`, otherwise as {@link requiredYear}. */
export function optionalYear(arg: unknown, name: string): Result<number | undefined> {
  const v = Array.isArray(arg) ? toRows(arg)[0]?.[0] : arg;
  return isBlank(v) ? ok(undefined) : requiredYear(v, name);
}

/**
 * Where each valid year of a years argument sits: year → its (first) zero-based position. Cells
 * that are not years are left out (their issues come from parsing the series).
 * @example yearPositions({ cells: [2020, "x", 2021], orientation: "row" }) // Map { 2020 → 0, 2021 → 2 }
 */
export function yearPositions(years: Vector): Map<number, number> {
  const out = new Map<number, number>();
  years.cells.forEach((c, i) => {
    const y = readYearCell(c, []);
    if (y.kind === "number" && !out.has(y.value)) out.set(y.value, i);
  });
  return out;
}

/**
 * Issues without repeats (same code, path and parameters), first occurrence kept — for arguments
 * that share the years argument, whose problems every one of them would report.
 */
export function uniqueIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((x) => {
    const key = JSON.stringify(x);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Issues that name a year of one of the series arguments `names` (path `[name]` and a numeric
 * `year`), re-addressed to that year's cell: `[name, position]` from {@link yearPositions}, or
 * `at(name, position)` when given. Other issues (e.g. at a year argument) are left as they are.
 * @example atYearCells([issue("year_value_blank", ["gdp"], { year: 2020 })], new Map([[2020, 3]]), ["gdp"]) // path ["gdp", 3]
 */
export function atYearCells(
  issues: readonly Issue[],
  positions: ReadonlyMap<number, number>,
  names: readonly string[],
  at: (name: string, position: number) => Path = (n, p) => [n, p],
): Issue[] {
  return issues.map((x) => {
    const [head] = x.path;
    const pos = typeof x.year === "number" && x.path.length === 1 && typeof head === "string" && names.includes(head) ? positions.get(x.year) : undefined;
    return pos === undefined ? x : { ...x, path: at(head as string, pos) };
  });
}

/** A range argument read as series over the years argument: one per member (row or column). */
export interface SeriesArg {
  readonly members: readonly Series[];
  /** Rows × columns of the argument as received. */
  readonly rows: number;
  readonly columns: number;
  /** The issue path of member `m`'s cell at position `pos` of the years argument. */
  readonly at: (m: number, pos: number) => Path;
}

/** Options of {@link readSeriesArg}. */
export interface SeriesArgOptions {
  /**
   * A quantity other than emissions: a negative number is `must_be_nonnegative` ("it must be zero
   * or more"). Default false: emissions, whose negatives are parseSeries's `negative_value`.
   */
  readonly nonNegative?: boolean;
  /** Address a single row or column by position (`[name, pos]`) rather than row and column. */
  readonly vector?: boolean;
}

/**
 * Reads a members × years (or years × members, see {@link toMemberMatrix}) argument into one series
 * per member over `years`. Every issue of every member, at the cell as the user laid it out; the
 * years argument's own issues once.
 * @example readSeriesArg([[1, 2], [3, 4]], { cells: [2020, 2021], orientation: "row" }, "emissions") // two series
 */
export function readSeriesArg(arg: unknown, years: Vector, name: string, options: SeriesArgOptions = {}): Result<SeriesArg> {
  const m = toMemberMatrix(arg, years.cells.length, years.orientation, name, "years");
  if (!m.ok) return m;
  const { rows, columns } = shapeOf(toRows(arg));
  const { members, transposed } = m.value;
  const vector = options.vector === true && members.length === 1;
  const at = (i: number, pos: number): Path => (vector ? [name, pos] : transposed ? [name, pos, i] : [name, i, pos]);
  const out: Series[] = [];
  const issues: Issue[] = [];
  for (let i = 0; i < members.length; i++) {
    const s = parseSeries(members[i], years.cells, { values: name, years: "years" }, { allowNegative: options.nonNegative });
    if (options.nonNegative)
      pushAll(
        issues,
        negativeCells([members[i]], (_, pos) => at(i, pos)),
      );
    if (s.ok) {
      out.push(s.value);
      continue;
    }
    // Re-address member cells to their place in the matrix as the user laid it out.
    for (const x of s.issues) {
      const [head, pos] = x.path;
      if (head === name && typeof pos === "number") issues.push({ ...x, path: at(i, pos) });
      else if (head === name) issues.push({ ...x, path: vector ? [name] : [name, transposed ? "column" : "row", i] });
      else if (i === 0 || head !== "years") issues.push(x);
    }
  }
  return issues.length > 0 ? fail(issues) : ok({ members: out, rows, columns, at });
}

/**
 * `must_be_nonnegative` for every negative number among members' cells, at `at(m, pos)` — for
 * quantities other than emissions (whose own check is `negative_value`).
 * @example negativeCells([[1, -2]], (_, p) => ["activity", p]) // [{ code: "must_be_nonnegative", path: ["activity", 1], value: -2 }]
 */
export function negativeCells(members: readonly (readonly unknown[])[], at: (m: number, pos: number) => Path): Issue[] {
  const issues: Issue[] = [];
  members.forEach((cells, m) =>
    cells.forEach((c, pos) => {
      if (typeof c === "number" && c < 0) issues.push(issue("must_be_nonnegative", at(m, pos), { value: c }));
    }),
  );
  return issues;
}
