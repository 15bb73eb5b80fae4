/**
 * The one table of human labels for peak statuses and flags, in English and Chinese. The codes
 * themselves (`peaked`, `last_year_max` …) are what functions, JSON and the output sheets hold, in
 * every language; these labels explain them (CLI legends, sheet headers, the pane, docs/peaks.md).
 */
import { fill, type Bilingual, type Lang } from "./i18n";
import { PEAK_OPTIONS, STRICT_PEAK_OPTIONS, type PeakOptions, type PeakStatus } from "./peak";
import type { PeakFlag } from "./peak-info";

/** What each status means, short. */
export const STATUS_LABELS: Readonly<Record<PeakStatus, Bilingual>> = Object.freeze({
  peaked: { en: "peaked", zh: "已达峰" },
  plateau: { en: "plateau", zh: "平台期" },
  rising: { en: "still rising", zh: "仍在上升" },
  unconfirmed: { en: "unconfirmed", zh: "待确认" },
  insufficient: { en: "too few values to tell", zh: "数据不足" },
});

/** What each flag means, short. */
export const FLAG_LABELS: Readonly<Record<PeakFlag, Bilingual>> = Object.freeze({
  left_censored: { en: "the peak is the first data year", zh: "峰值在首个数据年" },
  last_year_max: { en: "the last value is the maximum", zh: "末年为最大值" },
  single_dip: { en: "only the last year is below the peak", zh: "仅末年低于峰值" },
  members_beyond: { en: "a member has data after the last year all members have", zh: "有成员在共同年份之后仍有数据" },
  gaps: { en: "years missing inside the span", zh: "期间有缺失年份" },
  decline_proactive: { en: "decline with GDP and population growing (proactive)", zh: "GDP 与人口增长下的下降（主动）" },
  decline_passive: { en: "decline with GDP or population falling (passive)", zh: "GDP 或人口减少下的下降（被动）" },
});

/**
 * The label of a status in `lang`.
 * @example statusLabel("insufficient", "zh") // "数据不足"
 */
export function statusLabel(status: PeakStatus, lang: Lang): string {
  return STATUS_LABELS[status][lang];
}

/**
 * The label of a flag in `lang`.
 * @example flagLabel("last_year_max", "en") // "the last value is the maximum"
 */
export function flagLabel(flag: PeakFlag, lang: Lang): string {
  return FLAG_LABELS[flag][lang];
}

/**
 * A legend line for the flags that occur: `code = label` pairs, in the order of the flags list.
 * @example flagLegend(["gaps", "last_year_max"], "en") // "last_year_max = the last value is the maximum; gaps = years missing inside the span"
 */
export function flagLegend(flags: Iterable<PeakFlag>, lang: Lang): string {
  const seen = new Set(flags);
  const order = Object.keys(FLAG_LABELS) as PeakFlag[];
  return order
    .filter((f) => seen.has(f))
    .map((f) => `${f} = ${flagLabel(f, lang)}`)
    .join(lang === "zh" ? "；" : "; ");
}

/** The peak rule in words (`{…}` filled from the options). */
const RULE: Bilingual = {
  en: "tolerance {tolerance}, confirmation {confirm} years, smoothing {smooth} (1 = none), at least {min} values",
  zh: "容差 {tolerance}，确认年数 {confirm}，平滑窗口 {smooth}（1 表示不平滑），至少 {min} 个数值",
};
const RULE_STRICT: Bilingual = {
  en: "strict — peaked only {confirm} years or more after the peak, at least {min} values (after Shan et al. 2022); tolerance {tolerance}, smoothing {smooth} (1 = none)",
  zh: "严格口径——峰值后至少 {confirm} 年才判定为已达峰，至少 {min} 个数值（参照 Shan 等 2022）；容差 {tolerance}，平滑窗口 {smooth}（1 表示不平滑）",
};

/**
 * The peak rule a result was computed with, in words (the CLI's rule line, the Run info sheet).
 * `strict` words it as the strict reading (whose confirmation and minimum are at least {@link STRICT_PEAK_OPTIONS}).
 * @example peakRuleText({ tolerance: 0.02 }, false, "en") // "tolerance 0.02, confirmation 0 years, smoothing 1 (1 = none), at least 5 values"
 */
export function peakRuleText(options: PeakOptions, strict: boolean, lang: Lang): string {
  const params = {
    tolerance: options.tolerance ?? PEAK_OPTIONS.tolerance.default,
    confirm: options.confirmYears ?? PEAK_OPTIONS.confirmYears.default,
    smooth: options.smoothYears ?? PEAK_OPTIONS.smoothYears.default,
    min: options.minPoints ?? PEAK_OPTIONS.minPoints.default,
  };
  if (!strict) return fill(RULE[lang], params);
  return fill(RULE_STRICT[lang], {
    ...params,
    confirm: Math.max(params.confirm, STRICT_PEAK_OPTIONS.confirmYears),
    min: Math.max(params.min, STRICT_PEAK_OPTIONS.minPoints),
  });
}
