/** The CLI's printed text table (src/cli/text.ts): both languages for every key, placeholders filled. */
import { placeholders } from "../../src/engine";
import { CLI_TEXT_KEYS, cliText } from "../../src/cli/text";

describe("CLI text — invariants", () => {
  test.each(CLI_TEXT_KEYS)("%s has English and Chinese text with the same placeholders", (key) => {
    const en = cliText("en", key);
    const zh = cliText("zh", key);
    expect(en.trim()).not.toBe("");
    expect(zh.trim()).not.toBe("");
    expect(placeholders(zh)).toEqual(placeholders(en));
  });
});

describe("CLI text — reference values", () => {
  test("placeholders are filled and unknown ones are left visible", () => {
    expect(cliText("zh", "cluster", { name: "长株潭" })).toBe("长株潭（城市群）");
    expect(cliText("en", "peak", { unit: "Mt" })).toBe("Peak (Mt CO2)");
    expect(cliText("en", "peak")).toBe("Peak ({unit} CO2)");
  });
});
