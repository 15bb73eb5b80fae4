/* The pane's colours from Office's theme (Office.context.officeTheme: body and control colours, dark or
 * not), as CSS custom properties. Every text colour is checked against the background it sits on and moved
 * towards black or white until it reaches WCAG AA contrast (4.5:1; 3:1 for borders that identify a
 * control), so a theme with low-contrast colours still gives a readable pane. Pure functions (tested with
 * jest); taskpane.ts reads the theme, applies the tokens and follows the theme's changes. With forced colours
 * (Windows high contrast) the browser's system colours win; a mid-grey background is made a little lighter
 * or darker first (see readableBackground); the stylesheet's forced-colors rules keep the
 * progress fill, links, step badges and focus rings visible. */

/** The part of Office.OfficeTheme the pane uses: "#rrggbb" colours. */
export interface ThemeColors {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
  readonly isDarkTheme?: boolean;
}

/** Office's White theme (the default) and Black theme, for hosts and browsers without an Office theme. */
export const LIGHT_THEME: ThemeColors = {
  bodyBackgroundColor: "#ffffff",
  bodyForegroundColor: "#242424",
  controlBackgroundColor: "#ffffff",
  controlForegroundColor: "#242424",
  isDarkTheme: false,
};
export const DARK_THEME: ThemeColors = {
  bodyBackgroundColor: "#1f1f1f",
  bodyForegroundColor: "#ffffff",
  controlBackgroundColor: "#292929",
  controlForegroundColor: "#ffffff",
  isDarkTheme: true,
};

type Rgb = readonly [number, number, number];

/** "#rgb" or "#rrggbb" (with or without "#") → [r, g, b] 0–255; undefined when not a hex colour. */
export function parseHex(color: string | undefined | null): Rgb | undefined {
  if (typeof color !== "string") return undefined;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

const hex = (c: Rgb) =>
  `#${c
    .map((x) =>
      Math.round(Math.min(255, Math.max(0, x)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

/** WCAG relative luminance of a colour (0 black … 1 white). */
export function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const la = luminance(parseHex(a) ?? [0, 0, 0]);
  const lb = luminance(parseHex(b) ?? [0, 0, 0]);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `a` mixed into `b`: weight 1 = a, 0 = b. */
export function mix(a: string, b: string, weight: number): string {
  const x = parseHex(a) ?? [0, 0, 0];
  const y = parseHex(b) ?? [0, 0, 0];
  return hex([0, 1, 2].map((i) => x[i] * weight + y[i] * (1 - weight)) as unknown as Rgb);
}

/** Black or white, whichever contrasts more with `bg`. */
export function extreme(bg: string): string {
  return contrast("#000000", bg) >= contrast("#ffffff", bg) ? "#000000" : "#ffffff";
}

/**
 * `fg` itself when it reaches `min` contrast on `bg`, else `fg` moved step by step towards black or white
 * (whichever contrasts more with `bg`) until it does; black or white always reach 4.5:1 on any background.
 * @example ensureContrast("#777777", "#ffffff", 4.5) // a darker grey (≥ 4.5:1 on white)
 */
export function ensureContrast(fg: string, bg: string, min: number): string {
  if (contrast(fg, bg) >= min) return hex(parseHex(fg) ?? [0, 0, 0]);
  const target = extreme(bg);
  for (let w = 0.1; w < 1; w += 0.1) {
    const c = mix(target, fg, w);
    if (contrast(c, bg) >= min) return c;
  }
  return target;
}

/**
 * `bg` itself when black or white text reaches 7:1 on it, else `bg` moved away from that text colour until
 * it does: a mid-grey background (on which neither black nor white text is comfortably readable, and
 * slightly tinted message bars would fall below 4.5:1) becomes a little lighter or darker.
 */
export function readableBackground(bg: string): string {
  const text = extreme(bg);
  const away = text === "#000000" ? "#ffffff" : "#000000";
  for (let w = 0; w <= 1; w += 0.05) {
    const c = mix(away, bg, w);
    if (contrast(text, c) >= 7) return c;
  }
  return away;
}

/** The CSS custom properties of the pane (names without "--"). */
export type ThemeTokens = Record<string, string>;

/** Least contrast of text (WCAG 1.4.3) and of control borders and focus rings (WCAG 1.4.11). */
export const TEXT_CONTRAST = 4.5;
export const UI_CONTRAST = 3;

/**
 * The pane's colour tokens for an Office theme: page and control colours from the theme, greys mixed from
 * its foreground and background, Excel's green (lighter on dark themes) for the brand, and every text and
 * border colour checked against what it sits on (see the file comment). Colours that are not "#rrggbb"
 * fall back to Office's White (or, for a dark theme, Black) theme.
 * @example themeTokens(LIGHT_THEME).brand // "#107c41"
 */
export function themeTokens(theme: ThemeColors): ThemeTokens {
  const fallback = theme.isDarkTheme ? DARK_THEME : LIGHT_THEME;
  const pick = (c: string, f: string) => (parseHex(c) ? hex(parseHex(c)!) : f);
  const bg = readableBackground(pick(theme.bodyBackgroundColor, fallback.bodyBackgroundColor));
  const dark = theme.isDarkTheme ?? luminance(parseHex(bg)!) < 0.2;
  const text = ensureContrast(pick(theme.bodyForegroundColor, fallback.bodyForegroundColor), bg, TEXT_CONTRAST);
  const controlBg = readableBackground(pick(theme.controlBackgroundColor, fallback.controlBackgroundColor));
  const controlText = ensureContrast(pick(theme.controlForegroundColor, fallback.controlForegroundColor), controlBg, TEXT_CONTRAST);
  const on = (c: string, ...surfaces: string[]) => surfaces.reduce((x, surface) => ensureContrast(x, surface, TEXT_CONTRAST), c);
  const brand = ensureContrast(dark ? "#54b77a" : "#107c41", bg, UI_CONTRAST);
  const onBrand = extreme(brand);
  const away = onBrand === "#ffffff" ? "#000000" : "#ffffff";
  const bg2 = mix(text, bg, 0.04);
  const brandBg = mix(brand, bg, 0.14);
  const tint = (c: string, w: number) => mix(c, bg, w);
  const danger = dark ? "#ff99a4" : "#b10e1c";
  const warn = dark ? "#fabd8e" : "#8a3707";
  const good = dark ? "#9fd89f" : "#0e700e";
  // Body text sits on the page and on the tinted surfaces (message bars, the cluster rows, table heads).
  const surfaces = [bg, bg2, brandBg, tint(danger, 0.07), tint(warn, 0.07), tint(good, 0.08), mix(text, bg, 0.07)];
  let bodyText = text;
  for (const surface of surfaces) bodyText = ensureContrast(bodyText, surface, TEXT_CONTRAST);
  return {
    bg,
    text: bodyText,
    "text-2": on(mix(text, bg, 0.86), bg2, bg, bg2),
    muted: on(mix(text, bg, 0.7), bg2, bg, bg2),
    "control-bg": controlBg,
    "control-text": controlText,
    stroke: mix(text, bg, 0.22),
    "stroke-2": mix(text, bg, 0.12),
    "stroke-accessible": ensureContrast(mix(text, bg, 0.5), controlBg, UI_CONTRAST),
    "bg-2": bg2,
    "bg-hover": mix(text, bg, 0.07),
    "bg-pressed": mix(text, bg, 0.13),
    "disabled-text": on(mix(text, bg, 0.55), mix(text, bg, 0.07)),
    brand,
    // Hover and pressed move away from the button's text colour, so its contrast only grows.
    "brand-hover": mix(away, brand, 0.12),
    "brand-pressed": mix(away, brand, 0.24),
    "on-brand": onBrand,
    "brand-bg": brandBg,
    "brand-text": on(brand, brandBg),
    focus: extreme(bg),
    link: on(dark ? "#79b8f2" : "#115ea3", bg2, bg, bg2),
    "danger-bg": tint(danger, 0.07),
    "danger-stroke": tint(danger, 0.4),
    "danger-text": on(danger, tint(danger, 0.07)),
    "warn-bg": tint(warn, 0.07),
    "warn-stroke": tint(warn, 0.4),
    "warn-text": on(warn, tint(warn, 0.07)),
    "ok-bg": tint(good, 0.08),
    "ok-stroke": tint(good, 0.45),
    "ok-text": on(good, tint(good, 0.08)),
    "info-bg": bg2,
    "info-stroke": mix(text, bg, 0.12),
    "color-scheme": dark ? "dark" : "light",
  };
}
