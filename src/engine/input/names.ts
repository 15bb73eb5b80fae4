/**
 * Lists of names in one cell — the cities or sectors of a lever, a driver's city, the extra scenarios
 * of Settings, the members of a cluster: names separated by a comma, semicolon or 、 (ASCII or
 * full-width: `, ; ， ； 、`), trimmed, blanks dropped; and the words that mean every name ("all",
 * "*", 全部, 所有, 全部城市, 全部部门; any case).
 */

/** The words for "every city" / "every sector". */
export const ALL_WORDS: ReadonlySet<string> = new Set(["all", "*", "全部", "所有", "全部城市", "全部部门"]);

/**
 * Whether a name is one of the words for "all" (trimmed, any case).
 * @example isAllWord(" ALL ") // true
 * @example isAllWord("全部城市") // true
 */
export function isAllWord(name: string): boolean {
  return ALL_WORDS.has(name.trim().toLowerCase());
}

/**
 * The names in a cell's text, in order: split at `, ; ， ； 、`, trimmed, blanks dropped (duplicates kept).
 * @example splitNames("长沙, 株洲、湘潭；") // ["长沙", "株洲", "湘潭"]
 */
export function splitNames(text: string): string[] {
  return text
    .split(/[,;，；、]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
