/**
 * The one small i18n module every text table uses — the engine's messages (`messages.ts`), the output
 * labels (`app/output-labels.ts`), the scenario sheets' columns (`app/scenario-columns.ts`), the task
 * pane's strings (`taskpane/strings.ts`) and the CLI's text (`cli/text.ts`): the languages, a text in
 * both of them, and the filling of `{name}` placeholders. It lives in the engine because the engine
 * may import nothing outside itself; every layer may import it.
 */

/** Display languages the product ships. */
export type Lang = "en" | "zh";

/** The languages, English first. */
export const LANGS: readonly Lang[] = ["en", "zh"];

/** A text in both languages (or anything else that comes in both, e.g. a message function). */
export interface Bilingual<T = string> {
  readonly en: T;
  readonly zh: T;
}

/** Values for `{name}` placeholders. */
export type TextParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders from `params`; a placeholder without a value is left as it is, so a
 * missing parameter shows instead of vanishing.
 * @example fill("{target}年前达峰", { target: 2030 }) // "2030年前达峰"
 * @example fill("Peak ({unit} CO2)", {}) // "Peak ({unit} CO2)"
 */
export function fill(template: string, params: TextParams = {}): string {
  return template.replace(PLACEHOLDER, (whole: string, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

/**
 * The placeholder names of a template, sorted, each as often as it occurs (both languages of a text
 * must have the same ones; the tables' tests check it).
 * @example placeholders("{b} ({a}) {b}") // ["a", "b", "b"]
 */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]).sort();
}

/**
 * A bilingual text in `lang`, placeholders filled.
 * @example textIn({ en: "Wrote {file}", zh: "已写入 {file}" }, "zh", { file: "a.xlsx" }) // "已写入 a.xlsx"
 */
export function textIn(text: Bilingual, lang: Lang, params: TextParams = {}): string {
  return fill(text[lang], params);
}
