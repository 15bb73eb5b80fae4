/* User-visible text of the task pane, in English and Chinese. Every string the pane shows comes from
 * STRINGS; placeholders are written {name} and filled by format(). Text is always set with textContent. */

export type Lang = "en" | "zh";

export interface PaneStrings {
  /** Page and header title. */
  title: string;
  /** Shown until Office.onReady has run. */
  loading: string;
  /** In Excel: {name} is the workbook's name. */
  attached: string;
  /** Name used when the workbook has none yet. */
  untitledWorkbook: string;
  /** In Excel, when the workbook name cannot be read: {message} is the error. */
  workbookError: string;
  /** Opened outside Excel (plain browser, host null). */
  outsideExcel: string;
  /** Opened in an Office application other than Excel: {host} is its name. */
  otherHost: string;
  /** Placeholder note: the scenario tools come later. */
  comingSoon: string;
}

export const STRINGS: Record<Lang, PaneStrings> = {
  en: {
    title: "Carbon Peak",
    loading: "Loading…",
    attached: "Attached to workbook: {name}",
    untitledWorkbook: "(unsaved workbook)",
    workbookError: "Could not read the workbook name: {message}",
    outsideExcel:
      "This page is the Carbon Peak add-in's task pane. Open it from Excel (Home → Carbon Peak) to use it.",
    otherHost: "The Carbon Peak add-in works in Excel only (this is {host}).",
    comingSoon: "Scenario tools will appear here. Meanwhile, the CARBON.* worksheet functions are available.",
  },
  zh: {
    title: "碳达峰分析",
    loading: "正在加载…",
    attached: "已连接工作簿：{name}",
    untitledWorkbook: "（未保存的工作簿）",
    workbookError: "无法读取工作簿名称：{message}",
    outsideExcel: "此页面是“碳达峰分析”加载项的任务窗格。请在 Excel 中打开（开始 → 碳达峰）后使用。",
    otherHost: "“碳达峰分析”加载项仅适用于 Excel（当前为 {host}）。",
    comingSoon: "情景分析工具将显示在此处。现在已可在工作表中使用 CARBON.* 函数。",
  },
};

/** "zh", "zh-CN", "zh-Hans-CN", "ZH-tw" → zh; anything else (including nothing) → en. */
export function pickLanguage(tag: string | null | undefined): Lang {
  return typeof tag === "string" && /^zh(?:[-_]|$)/i.test(tag.trim()) ? "zh" : "en";
}

/** Replaces {key} placeholders; unknown keys are left as they are. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole: string, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole,
  );
}
