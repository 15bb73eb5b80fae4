/* The pane's one string table: both languages complete, placeholders the same, language choice. */
import { placeholders } from "../../src/engine";
import { STRINGS, format, pickLanguage } from "../../src/taskpane/strings";

describe("pane strings (en / zh)", () => {
  test("every key has a non-empty text in both languages with the same placeholders", () => {
    const en = STRINGS.en as unknown as Record<string, unknown>;
    const zh = STRINGS.zh as unknown as Record<string, unknown>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const a = en[key];
      const b = zh[key];
      if (typeof a === "string") {
        expect(typeof b).toBe("string");
        expect(a.trim()).not.toBe("");
        expect((b as string).trim()).not.toBe("");
        expect([key, placeholders(b as string)]).toEqual([key, placeholders(a)]);
      } else {
        expect(Object.keys(b as object).sort()).toEqual(Object.keys(a as object).sort());
      }
    }
  });

  test("the Chinese table is Chinese (no English text left untranslated in sentences)", () => {
    for (const key of ["stepInventory", "previewButton", "createSheets", "runButton", "cancelButton", "problemsTitle", "outsideExcel"] as const) {
      expect(STRINGS.zh[key]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test.each([
    ["zh-CN", "zh"],
    ["zh-Hans-CN", "zh"],
    ["ZH-tw", "zh"],
    ["zh", "zh"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("display language %p → %p", (tag, lang) => {
    expect(pickLanguage(tag)).toBe(lang);
  });

  test("format fills placeholders (numbers too) and leaves unknown ones", () => {
    expect(format("{a} and {b} of {c}", { a: "x", b: 2 })).toBe("x and 2 of {c}");
  });
});
