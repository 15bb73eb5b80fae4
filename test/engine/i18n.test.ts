/** The i18n module every text table uses (src/engine/i18n.ts): languages, bilingual text, placeholder filling. */
import fc from "fast-check";
import { LANGS, fill, placeholders, textIn } from "../../src/engine";
import { SETTINGS_ROWS, COLUMNS, SHEET_NAMES } from "../../src/app";

describe("reference values", () => {
  test("placeholders are filled by name; one without a value stays visible", () => {
    expect(fill("{target}年前达峰", { target: 2030 })).toBe("2030年前达峰");
    expect(fill("Peak ({unit} CO2) {unit}", { unit: "Mt" })).toBe("Peak (Mt CO2) Mt");
    expect(fill("Peak ({unit} CO2)")).toBe("Peak ({unit} CO2)");
    expect(textIn({ en: "Wrote {file}", zh: "已写入 {file}" }, "zh", { file: "a.xlsx" })).toBe("已写入 a.xlsx");
  });

  test("only own parameters fill a placeholder (not Object.prototype's)", () => {
    expect(fill("{toString} {constructor}", {})).toBe("{toString} {constructor}");
  });

  test("placeholders are listed sorted, each as often as it occurs", () => {
    expect(placeholders("{b} ({a}) {b}")).toEqual(["a", "b", "b"]);
    expect(LANGS).toEqual(["en", "zh"]);
  });
});

describe("invariants", () => {
  test("filling a text without placeholders returns it unchanged", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/\{\w+\}/.test(s)),
        fc.dictionary(fc.string(), fc.string()),
        (t, p) => expect(fill(t, p)).toBe(t),
      ),
    );
  });

  test("the scenario sheets' labels and notes have both languages, without placeholders", () => {
    const texts = [
      ...Object.values(SHEET_NAMES),
      ...Object.values(COLUMNS).flat(),
      ...SETTINGS_ROWS,
      ...SETTINGS_ROWS.flatMap((r) => (r.help ? [r.help] : [])),
    ];
    for (const t of texts) {
      expect(t.en.trim()).not.toBe("");
      expect(t.zh).toMatch(/\p{Script=Han}/u);
      expect([placeholders(t.en), placeholders(t.zh)]).toEqual([[], []]);
    }
  });
});
