/**
 * Where an issue without a cell is, in words (docs/design.md: messages name the cell or the argument,
 * never an internal field path): a Settings row by its label, a record by its place in its list, a sheet
 * by its name — in English and Chinese — and a custom function's argument by its name, as before.
 */
import fc from "fast-check";
import { SETTING_LABELS, SHEET_LABELS, formatIssue, issue, placeOf } from "../../src/engine";
import { SETTINGS_ROWS, SHEET_NAMES } from "../../src/app/scenario-columns";

describe("reference values", () => {
  test("a Settings row, a record, a sheet; nothing for which-sheet-is-which", () => {
    expect(placeOf(["settings", "lastHistoricalYear"], "en")).toBe("Settings › Last historical year");
    expect(placeOf(["settings", "baseYear"], "zh")).toBe("参数 › 基准年");
    expect(placeOf(["drivers", 3, "rate"], "en")).toBe("Drivers, entry 4");
    expect(placeOf(["levers", 0, "value"], "zh")).toBe("减排措施第 1 条");
    expect(placeOf(["inventory"], "en")).toBe("Inventory");
    expect(placeOf(["socioeconomic"], "zh")).toBe("社会经济");
    expect(placeOf(["sheets"], "en")).toBe("");
  });

  test("formatIssue: the cell first, else the place in words, else a function argument's path", () => {
    const w = issue("year_order", ["settings", "endYear"], { value: 2010, after: "baseYear", year: 2015 });
    expect(formatIssue(w)).toBe("Settings › End year: 2010 is before the base year (2015)");
    expect(formatIssue({ ...w, cell: "Settings!B4" }, "zh")).toBe("Settings!B4: 2010 早于基准年（2015）");
    expect(formatIssue(issue("not_a_number", ["emissions", 2], { value: "abc" }))).toBe('emissions, position 3: "abc" is not a number');
    expect(formatIssue(issue("year_order", ["to_year"], { value: 2015, after: "from_year", year: 2020 }))).toBe("to_year: 2015 is before from_year (2020)");
  });
});

describe("invariants", () => {
  test("the Settings sheet's rows and the sheet names take their labels from the one table", () => {
    for (const row of SETTINGS_ROWS) expect({ en: row.en, zh: row.zh }).toEqual(SETTING_LABELS[row.field as keyof typeof SETTING_LABELS]);
    for (const [role, n] of Object.entries(SHEET_NAMES)) expect({ en: n.en, zh: n.zh }).toEqual(SHEET_LABELS[role as keyof typeof SHEET_LABELS]);
  });

  test("no workbook path is shown as a field path, whatever its field and index", () => {
    const head = fc.constantFrom(...Object.keys(SHEET_LABELS));
    const rest = fc.array(fc.oneof(fc.nat(50), fc.constantFrom("baseYear", "rate", "value", "x")), { maxLength: 3 });
    fc.assert(
      fc.property(head, rest, fc.constantFrom("en" as const, "zh" as const), (h, r, lang) => {
        const text = formatIssue(issue("required", [h, ...r]), lang);
        expect(text).not.toMatch(new RegExp(`^${h}\\b|\\[\\d+\\]|\\.(baseYear|rate|value|x)\\b`));
      }),
    );
  });
});
