/**
 * The one message table: every issue code the engine (and the layers above it) can report, with
 * its English and Chinese text. Nothing else in the project writes user-facing error text.
 */
import type { Issue, Path } from "./issues";

/** Display languages the product ships. */
export type Lang = "en" | "zh";

type P = Issue;
type Msg = { readonly en: (p: P) => string; readonly zh: (p: P) => string };

/** Shows a received value in a message: text quoted, long text cut, null as "blank". */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return "blank";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  return String(v);
}

const v = (p: P) => showValue(p.value);

/** The table. Keys are issue codes; add new codes here (and only here). */
export const MESSAGES: Readonly<Record<string, Msg>> = {
  // --- values and series ---
  not_a_number: { en: (p) => `${v(p)} is not a number`, zh: (p) => `${v(p)} 不是数字` },
  not_finite: { en: (p) => `${v(p)} is not a finite number`, zh: (p) => `${v(p)} 不是有限数值` },
  excel_error: {
    en: (p) => `contains the Excel error ${v(p)}`,
    zh: (p) => `包含 Excel 错误值 ${v(p)}`,
  },
  boolean_not_number: {
    en: (p) => `${v(p)} is a logical value, not a number`,
    zh: (p) => `${v(p)} 是逻辑值，不是数字`,
  },
  negative_value: {
    en: (p) => `${v(p)} is negative; emissions must be zero or more`,
    zh: (p) => `${v(p)} 为负数；排放量必须大于或等于 0`,
  },
  year_blank: { en: () => `year is blank`, zh: () => `年份为空` },
  year_not_integer: {
    en: (p) => `${v(p)} is not a whole year`,
    zh: (p) => `${v(p)} 不是整数年份`,
  },
  year_out_of_range: {
    en: (p) => `${v(p)} is not a plausible year (1000–9999)`,
    zh: (p) => `${v(p)} 不是合理的年份（1000–9999）`,
  },
  year_duplicate: {
    en: (p) => `year ${p.year} appears more than once (first at position ${Number(p.first) + 1})`,
    zh: (p) => `年份 ${p.year} 重复出现（首次在第 ${Number(p.first) + 1} 个位置）`,
  },
  length_mismatch: {
    en: (p) => `has ${p.actual} cells but ${p.other} has ${p.expected}; they must match`,
    zh: (p) => `有 ${p.actual} 个单元格，而 ${p.other} 有 ${p.expected} 个；两者必须一致`,
  },
  not_one_dimensional: {
    en: (p) => `must be a single row or column, got ${p.rows} rows × ${p.columns} columns`,
    zh: (p) => `必须是单行或单列，实际为 ${p.rows} 行 × ${p.columns} 列`,
  },
  matrix_shape: {
    en: (p) =>
      `is ${p.rows} × ${p.columns}, but ${p.other} has ${p.expected} years: neither its rows nor its columns match`,
    zh: (p) => `为 ${p.rows} × ${p.columns}，而 ${p.other} 有 ${p.expected} 个年份：行数和列数都不匹配`,
  },
  empty: { en: () => `is empty`, zh: () => `为空` },
  blank_cell: { en: () => `is blank; a number is needed here`, zh: () => `为空；此处需要数值` },
  not_text: { en: (p) => `${v(p)} is not text`, zh: (p) => `${v(p)} 不是文本` },
  internal_error: {
    en: (p) => `internal error (${p.detail}); please report it with the inputs that caused it`,
    zh: (p) => `内部错误（${p.detail}）；请连同导致该错误的输入一并报告`,
  },
  not_finite_result: {
    en: () => `the result is not a finite number`,
    zh: () => `计算结果不是有限数值`,
  },
  no_values: {
    en: () => `has no values (every cell is blank)`,
    zh: () => `没有数值（所有单元格均为空）`,
  },
  // --- options ---
  option_range: {
    en: (p) => `${v(p)} is out of range: expected ${p.expected}`,
    zh: (p) => `${v(p)} 超出范围：应为 ${p.expectedZh ?? p.expected}`,
  },
  // --- peaks ---
  no_peak: {
    en: (p) => `no peak within ${p.first}–${p.last}: emissions are still rising in ${p.last}`,
    zh: (p) => `${p.first}–${p.last} 内未达峰：${p.last} 年排放仍在上升`,
  },
  target_year_missing: {
    en: (p) => `${p.year} has no emissions value in the series`,
    zh: (p) => `序列中没有 ${p.year} 年的排放值`,
  },
  // --- clusters ---
  member_gap: {
    en: (p) => `member ${p.member} has no value in ${p.year}; the cluster total skips ${p.year}`,
    zh: (p) => `成员 ${p.member} 缺少 ${p.year} 年的数据；城市群合计跳过 ${p.year} 年`,
  },
  no_common_years: {
    en: () => `no year has a value for every member, so the cluster total cannot be formed`,
    zh: () => `没有任何年份所有成员均有数据，无法计算城市群合计`,
  },
  // --- units ---
  unknown_unit: {
    en: (p) => `${v(p)} is not a known unit (t, 万t, Mt, 亿t, kt, Gt, tce, GJ)`,
    zh: (p) => `${v(p)} 不是可识别的单位（t、万t、Mt、亿t、kt、Gt、tce、GJ）`,
  },
  unit_mismatch: {
    en: (p) => `cannot convert ${p.from} (${p.fromKind}) to ${p.to} (${p.toKind})`,
    zh: (p) => `无法将 ${p.from}（${p.fromKind}）换算为 ${p.to}（${p.toKind}）`,
  },
  // --- scenario (scenario engine adds its codes below this line) ---
};

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
      return nums.length === 1
        ? `${head} 第 ${nums[0] + 1} 个`
        : `${head} 第 ${nums[0] + 1} 行第 ${nums[1] + 1} 列`;
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
  const m = MESSAGES[i.code];
  const text = m ? m[lang](i) : `${i.code}`;
  const where = i.cell ?? formatPath(i.path, lang);
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
