/**
 * The CLI's own printed text (the run summary on the terminal) in English and Chinese, one table;
 * `--lang` picks the language. Problems and warnings come from the engine's message table
 * (`formatIssue`); the workbook's labels from `src/app/output-labels.ts`. Scenario, city and cluster
 * names and the status codes (`peaked` …, as `CARBON.PEAKSTATUS` returns them) are printed as they are.
 */
import { fill, type Bilingual, type Lang, type TextParams } from "../engine";

const TEXT = {
  scenario: { en: "Scenario", zh: "情景" },
  cityOrCluster: { en: "City / cluster", zh: "城市 / 城市群" },
  cluster: { en: "{name} (cluster)", zh: "{name}（城市群）" },
  peakYear: { en: "Peak year", zh: "达峰年份" },
  peak: { en: "Peak ({unit} CO2)", zh: "峰值（{unit} CO2）" },
  status: { en: "Status", zh: "状态" },
  peakedByTarget: { en: "Peaked by target", zh: "目标年前达峰" },
  gapAfterTarget: { en: "Gap after target ({unit})", zh: "目标年后达峰缺口（{unit}）" },
  yes: { en: "yes", zh: "是" },
  no: { en: "no", zh: "否" },
  monteCarlo: { en: "Monte Carlo: {draws} draws, seed {seed}", zh: "蒙特卡洛：{draws} 次抽样，随机种子 {seed}" },
  probabilityBy: { en: "P(peak by {year})", zh: "{year}年前达峰概率" },
  peakYearP5: { en: "Peak year P5", zh: "达峰年份 P5" },
  wrote: { en: "Wrote {file} (sheets: {sheets}).", zh: "已写入 {file}（工作表：{sheets}）。" },
  warningPrefix: { en: "carbon-peak: warning: ", zh: "carbon-peak：警告：" },
  warningShort: { en: "warning: ", zh: "警告：" },
  progress: { en: "carbon-peak: {stage} ({percent}%, {seconds} s)", zh: "carbon-peak：{stage}（{percent}%，{seconds} 秒）" },
  stageRead: { en: "read", zh: "读取" },
  stageRun: { en: "run", zh: "运行" },
  stageUncertainty: { en: "uncertainty", zh: "不确定性分析" },
  stageWrite: { en: "write", zh: "写入" },
  stageDone: { en: "done", zh: "完成" },
  readLine: {
    en: "Read {inventory} ({unit}) and {sheets}: {cities} cities ({names}), {first}–{last}, measured to {history}, projected after; scenarios {scenarios}.",
    zh: "已读取 {inventory}（{unit}）及 {sheets}：{cities} 个城市（{names}），{first}–{last} 年，实测至 {history} 年、其后为预测；情景：{scenarios}。",
  },
  targets: { en: "Targets", zh: "目标" },
  target: { en: "Target", zh: "目标" },
  reached: { en: "Reached", zh: "实际值" },
  met: { en: "Met", zh: "是否达成" },
  margin: { en: "Margin", zh: "余量" },
  statusMet: { en: "met", zh: "达成" },
  statusNotMet: { en: "not met", zh: "未达成" },
  statusUnknown: { en: "unknown", zh: "无法判断" },
  // carbon-peak peaks
  clusterMember: { en: "--cluster {name}, member {n}", zh: "--cluster {name} 第 {n} 个成员" },
  inventoryLine: {
    en: "{sheet} ({layout} layout), {cities} cities, {first}–{last}, {unit}",
    zh: "{sheet}（{layout} 格式），{cities} 个城市，{first}–{last}，{unit}",
  },
  name: { en: "Name", zh: "名称" },
  peakValue: { en: "Peak value ({unit})", zh: "峰值（{unit}）" },
  plateauFrom: { en: "Plateau from", zh: "平台期起始" },
  asOf: { en: "As of", zh: "截至" },
  valuesUsed: { en: "Values (years)", zh: "数值个数（年份）" },
  flags: { en: "Flags", zh: "标记" },
  flagLegend: { en: "Flags: {legend}", zh: "标记：{legend}" },
  rule: { en: "Peak rule: {rule} (docs/peaks.md)", zh: "达峰规则：{rule}（docs/peaks.md）" },
  verboseHint: { en: "carbon-peak: --verbose lists every year left out of a cluster total", zh: "carbon-peak：使用 --verbose 可列出城市群合计未计入的每一年" },
  // carbon-peak check
  checkedScenario: { en: "inventory and scenario sheets", zh: "排放清单和情景工作表" },
  checkedInventory: { en: "inventory only: no scenario sheets", zh: "仅排放清单：没有情景工作表" },
  noProblems: { en: "{file}: no problems ({what})", zh: "{file}：未发现问题（{what}）" },
  oneProblem: { en: "{file}: 1 problem", zh: "{file}：1 个问题" },
  problemCount: { en: "{file}: {count} problems", zh: "{file}：{count} 个问题" },
  // carbon-peak template --inventory
  defaultBaseYear: {
    en: "base year {year}: the latest year every chosen city has (another with --base-year)",
    zh: "基准年 {year}：所有所选城市都有数据的最近年份（可用 --base-year 另选）",
  },
  // carbon-peak inventory
  inventoryRead: { en: "{file}: {sheets} — {layout}, unit {unit}", zh: "{file}：{sheets} — {layout}，单位 {unit}" },
  sheetRange: { en: "{count} sheets ({first} … {last})", zh: "{count} 个工作表（{first} … {last}）" },
  inventoryCounts: { en: "{regions} regions, {sectors} sectors, {years}", zh: "{regions} 个地区，{sectors} 个部门，{years}" },
  inventoryCountsNoSectors: { en: "{regions} regions (totals, no sectors), {years}", zh: "{regions} 个地区（仅合计，无部门），{years}" },
  yearRange: { en: "{first}–{last} ({count} years)", zh: "{first}–{last}（{count} 年）" },
  unitNotStated: { en: "not stated", zh: "未注明" },
  unitNotStatedLong: { en: "unit not stated", zh: "未注明单位" },
  layoutLong: { en: "long (one row per city, sector and year)", zh: "长表（每行一个城市、部门和年份）" },
  layoutWide: { en: "wide (one column per year)", zh: "宽表（每列一个年份）" },
  layoutSectorsYears: { en: "sectors × years (one region)", zh: "部门 × 年份（单个地区）" },
  layoutSectorsFuels: { en: "sectors × fuels (one region and year per sheet)", zh: "部门 × 能源（每个工作表一个地区、一个年份）" },
  layoutYearsFuels: { en: "years × fuels (one region)", zh: "年份 × 能源（单个地区）" },
  totalsIn: { en: "Totals by year (unit {unit}; the sum of the sectors, scope 1):", zh: "各年合计（单位 {unit}；各部门之和，范围一）：" },
  totalsInNoSectors: { en: "Totals by year (unit {unit}):", zh: "各年合计（单位 {unit}）：" },
  region: { en: "Region", zh: "地区" },
  year: { en: "Year", zh: "年份" },
  firstYear: { en: "First year", zh: "首年" },
  lastYear: { en: "Last year", zh: "末年" },
  yearCount: { en: "Years", zh: "年数" },
  lastTotal: { en: "Total, last year", zh: "末年合计" },
} as const satisfies Readonly<Record<string, Bilingual>>;

/** A key of the CLI's text table. */
export type CliTextKey = keyof typeof TEXT;

/** The keys of the table (for the parity test). */
export const CLI_TEXT_KEYS = Object.keys(TEXT) as CliTextKey[];

/**
 * The CLI text `key` in `lang`, with `{name}` placeholders filled from `params`.
 * @example cliText("zh", "cluster", { name: "长株潭" }) // "长株潭（城市群）"
 * @example cliText("en", "wrote", { file: "out.xlsx", sheets: "Results, Peaks" }) // "Wrote out.xlsx (sheets: Results, Peaks)."
 */
export function cliText(lang: Lang, key: CliTextKey, params: TextParams = {}): string {
  return fill(TEXT[key][lang], params);
}

/**
 * Names in a list as the language writes them: "长沙、株洲、湘潭" in Chinese, "长沙, 株洲, 湘潭" in English.
 * @example listText("zh", ["Settings", "Drivers"]) // "Settings、Drivers"
 */
export function listText(lang: Lang, names: readonly string[]): string {
  return names.join(lang === "zh" ? "、" : ", ");
}

/** The words of a run's progress stages (read, run, uncertainty, write, done); another stage is shown as it is. */
export const STAGE_TEXT: Readonly<Record<string, CliTextKey>> = {
  read: "stageRead",
  run: "stageRun",
  uncertainty: "stageUncertainty",
  write: "stageWrite",
  done: "stageDone",
};
