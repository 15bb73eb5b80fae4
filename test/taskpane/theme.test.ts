/* The pane's colours from Office's theme: every text and control colour readable on what it sits on. */
import fc from "fast-check";
import { DARK_THEME, LIGHT_THEME, TEXT_CONTRAST, UI_CONTRAST, contrast, ensureContrast, mix, parseHex, themeTokens } from "../../src/taskpane/theme";

/** Text tokens and the surfaces each is drawn on in taskpane.html. */
const TEXT_ON: Array<[string, string[]]> = [
  ["text", ["bg", "bg-2", "brand-bg", "danger-bg", "warn-bg", "ok-bg", "info-bg", "bg-hover"]],
  ["text-2", ["bg", "bg-2"]],
  ["muted", ["bg", "bg-2"]],
  ["control-text", ["control-bg"]],
  ["on-brand", ["brand", "brand-hover", "brand-pressed"]],
  ["link", ["bg", "bg-2"]],
  ["danger-text", ["danger-bg"]],
  ["warn-text", ["warn-bg"]],
  ["disabled-text", ["bg-hover"]],
];

const hexArb = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((c) => `#${c.map((x) => x.toString(16).padStart(2, "0")).join("")}`);

describe("colour arithmetic", () => {
  test("parses #rgb and #rrggbb, refuses the rest", () => {
    expect(parseHex("#FFA500")).toEqual([255, 165, 0]);
    expect(parseHex("fa0")).toEqual([255, 170, 0]);
    expect(parseHex("orange")).toBeUndefined();
    expect(parseHex(undefined)).toBeUndefined();
  });

  test("WCAG contrast: black on white is 21, a colour on itself 1 (reference values of WCAG 2.x)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#777777")).toBe(1);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2); // the lightest grey that passes AA on white
  });

  test("ensureContrast keeps a colour that passes and moves one that does not", () => {
    expect(ensureContrast("#107c41", "#ffffff", 4.5)).toBe("#107c41");
    const fixed = ensureContrast("#aaaaaa", "#ffffff", 4.5);
    expect(contrast(fixed, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(mix("#000000", "#ffffff", 0.5)).toBe("#808080");
  });
});

describe("theme tokens", () => {
  test("Office's White theme: Excel's green brand with white text, Office's body colours", () => {
    const t = themeTokens(LIGHT_THEME);
    expect(t.brand).toBe("#107c41");
    expect(t["on-brand"]).toBe("#ffffff");
    expect(t.bg).toBe("#ffffff");
    expect(t.text).toBe("#242424");
    expect(t["color-scheme"]).toBe("light");
  });

  test("Office's Black theme: dark scheme, a lighter green with dark text", () => {
    const t = themeTokens(DARK_THEME);
    expect(t["color-scheme"]).toBe("dark");
    expect(t.bg).toBe("#1f1f1f");
    expect(t["on-brand"]).toBe("#000000");
  });

  test("colours that are not #rrggbb fall back to Office's White theme", () => {
    expect(themeTokens({ bodyBackgroundColor: "white", bodyForegroundColor: "", controlBackgroundColor: "x", controlForegroundColor: "y" }).bg).toBe("#ffffff");
  });

  test("for any Office theme colours, every text reaches 4.5:1 on its surfaces and control borders and the focus ring 3:1", () => {
    fc.assert(
      fc.property(hexArb, hexArb, hexArb, hexArb, fc.option(fc.boolean(), { nil: undefined }), (bg, fg, cbg, cfg, isDarkTheme) => {
        const t = themeTokens({ bodyBackgroundColor: bg, bodyForegroundColor: fg, controlBackgroundColor: cbg, controlForegroundColor: cfg, isDarkTheme });
        for (const [text, surfaces] of TEXT_ON) {
          for (const surface of surfaces) expect([text, surface, contrast(t[text], t[surface]) >= TEXT_CONTRAST - 1e-9]).toEqual([text, surface, true]);
        }
        expect(contrast(t["stroke-accessible"], t["control-bg"])).toBeGreaterThanOrEqual(UI_CONTRAST - 1e-9);
        expect(contrast(t.focus, t.bg)).toBeGreaterThanOrEqual(UI_CONTRAST);
        expect(contrast(t.brand, t.bg)).toBeGreaterThanOrEqual(UI_CONTRAST - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
