/**
 * Factor matrices (subcategories × factors) as read from worksheet ranges for LMDI: numbers ≥ 0,
 * zero allowed, a blank never read as zero (docs/design.md §3), every problem reported with its cell.
 */
import { checkFactorMatrix, formatIssue, formatIssues, readFactorMatrix } from "../../src/engine";

describe("readFactorMatrix — argument validation", () => {
  test("a negative value is rejected naming its row and column", () => {
    const r = readFactorMatrix(
      [
        [1, 2],
        [3, -4],
      ],
      "v0",
    );
    expect(!r.ok && formatIssue(r.issues[0])).toBe("v0, row 2, column 2: -4 is negative; LMDI factors must be zero or more");
  });
  test("a blank is not a zero: it is reported, with a hint in the message", () => {
    const r = readFactorMatrix(
      [
        [1, null],
        [3, ""],
      ],
      "v1",
    );
    expect(!r.ok && r.issues.map((i) => [i.code, i.path])).toEqual([
      ["blank_cell", ["v1", 0, 1]],
      ["blank_cell", ["v1", 1, 1]],
    ]);
  });
  test("text, logical values and Excel errors are reported at once with their cells", () => {
    const r = readFactorMatrix(
      [
        ["abc", true],
        ["#N/A", Infinity],
      ],
      "v0",
    );
    expect(!r.ok && formatIssues(r.issues, "en", 4)).toBe(
      'v0, row 1, column 1: "abc" is not a number; v0, row 1, column 2: "TRUE" is a logical value, not a number; ' +
        'v0, row 2, column 1: contains the Excel error "#N/A"; v0, row 2, column 2: Infinity is not a finite number',
    );
  });
  test("an empty range is reported as empty", () => {
    expect(readFactorMatrix([], "v0")).toMatchObject({ ok: false, issues: [{ code: "empty", path: ["v0"] }] });
  });
  test("messages are available in Chinese", () => {
    const r = readFactorMatrix([[-1]], "v0");
    expect(!r.ok && formatIssue(r.issues[0], "zh")).toBe("v0 第 1 行第 1 列: -1 为负数；LMDI 分解因素必须大于或等于 0");
  });
});

describe("readFactorMatrix — edge cases", () => {
  test("zeros are values (LMDI handles them with its limits)", () => {
    expect(readFactorMatrix([[0, 2]], "v0")).toMatchObject({ ok: true, value: [[0, 2]] });
  });
  test("a short row is blank in its missing cells", () => {
    const r = readFactorMatrix([[1, 2], [3]], "v0");
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "blank_cell", path: ["v0", 1, 1] });
  });
});

describe("checkFactorMatrix", () => {
  test("accepts a rectangular matrix of non-negative numbers", () => {
    expect(
      checkFactorMatrix(
        [
          [1, 0],
          [2, 3],
        ],
        "v0",
      ),
    ).toEqual([]);
  });
  test("reports ragged rows, negatives and non-finite numbers", () => {
    expect(checkFactorMatrix([[1, 2], [3], [-1, NaN]], "v0").map((i) => i.code)).toEqual(["ragged_matrix", "negative_factor", "not_finite"]);
  });
});
