/**
 * Issues as text for people: the location (the cell; else, for a workbook's issue, its sheet or Settings
 * row in words — `labels.ts`; else a function argument's path) and the message from the one table
 * (`messages.ts`) in the display language.
 */
import type { Lang } from "./i18n";
import type { Issue, Path } from "./issues";
import { isWorkbookPath, placeOf } from "./labels";
import { MESSAGES, isIssueCode } from "./messages";

const ORDINAL_EN = (n: number) => `position ${n + 1}`;

/**
 * Renders a path for people: `["emissions", 2]` → `emissions, position 3`;
 * `["emissions", 1, 4]` → `emissions, row 2, column 5`; `["levers", 2, "value"]` → `levers[3].value`.
 */
export function formatPath(path: Path, lang: Lang = "en"): string {
  if (path.length === 0) return "";
  const [head, ...rest] = path;
  if (typeof head === "string" && rest.length > 0 && rest.every((x) => typeof x === "number")) {
    const nums = rest as number[];
    if (lang === "zh") {
      return nums.length === 1 ? `${head} 第 ${nums[0] + 1} 个` : `${head} 第 ${nums[0] + 1} 行第 ${nums[1] + 1} 列`;
    }
    return nums.length === 1 ? `${head}, ${ORDINAL_EN(nums[0])}` : `${head}, row ${nums[0] + 1}, column ${nums[1] + 1}`;
  }
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part + 1}]` : out ? `.${part}` : part;
  return out;
}

/**
 * The message for one issue, with its location first.
 * @example formatIssue({ code: "not_a_number", path: ["emissions", 2], value: "abc" })
 *   // 'emissions, position 3: "abc" is not a number'
 */
export function formatIssue(i: Issue, lang: Lang = "en"): string {
  // An issue that came from outside the type system (a worker's message, stored settings) may carry any code.
  const text = isIssueCode(i.code) ? MESSAGES[i.code][lang](i) : String(i.code);
  // A workbook's issue without a cell is placed in words (its sheet, its Settings row), never by its field path.
  const where = i.cell ?? (isWorkbookPath(i.path) ? placeOf(i.path, lang) : formatPath(i.path, lang));
  return where ? `${where}: ${text}` : text;
}

/**
 * All issues as one text: the first `max` messages joined by "; ", then "(+N more)".
 * @example formatIssues(issues, "en", 3)
 */
export function formatIssues(issues: readonly Issue[], lang: Lang = "en", max = 5): string {
  const shown = issues.slice(0, max).map((i) => formatIssue(i, lang));
  const more = issues.length - shown.length;
  if (more > 0) shown.push(lang === "zh" ? `（另有 ${more} 个问题）` : `(+${more} more)`);
  return shown.join("; ");
}
