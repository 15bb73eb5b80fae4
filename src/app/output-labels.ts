/**
 * The one bilingual table of everything a run writes as text: output sheet names, table headers,
 * labels, chart titles and Run info items, English and Chinese side by side (as `scenario-columns.ts` does for
 * the input sheets). The output builders (`outputs.ts`, `live-peaks.ts`) take every label from here.
 *
 * **Not translated** (machine codes and the analyst's own names): the peak status codes `peaked` /
 * `plateau` / `rising` / `unconfirmed` / `insufficient` (they must equal what `=CARBON.PEAKSTATUS` returns on
 * the "Peaks (live)" sheet; the Chinese status header lists their meanings) and the peak flags
 * (`last_year_max` …; Run info explains them, from the engine's `peak-labels.ts`), scenario, city, sector and
 * cluster names, units ("Mt"), number formats, table names (`CarbonPeak_Results`) and the formulas.
 *
 * Templates carry `{name}` placeholders filled by {@link outputLabel} (the engine's `i18n.ts`); both
 * languages of a label use the same placeholders. Pure TypeScript.
 */
import { STATUS_LABELS, fill, unitLabel, type Bilingual, type Lang, type PeakStatus, type TextParams } from "../engine";

/** Status codes in the order the Chinese Status header explains them. */
const STATUS_ORDER: readonly PeakStatus[] = ["peaked", "plateau", "rising", "unconfirmed", "insufficient"];
/** "code 含义、code 含义…" for a Chinese header. */
const zhCodes = (codes: readonly string[], label: (c: string) => string) => codes.map((c) => `${c} ${label(c)}`).join("、");

/** Output sheets by role. */
export type OutputRole =
  | "results"
  | "peaks"
  | "targetResults"
  | "peaksLive"
  | "reductions"
  | "coordination"
  | "decomposition"
  | "indicators"
  | "charts"
  | "uncertainty"
  | "peakYears"
  | "runInfo";

/** Output roles in the order a run writes them. */
export const OUTPUT_ROLES: readonly OutputRole[] = [
  "results",
  "peaks",
  "targetResults",
  "peaksLive",
  "reductions",
  "coordination",
  "decomposition",
  "indicators",
  "charts",
  "uncertainty",
  "peakYears",
  "runInfo",
];

/**
 * Output sheet names by role and language (Excel's rules: ≤ 31 characters, none of `: \ / ? * [ ]`;
 * a name a user's sheet has becomes "Results (2)" / "结果 (2)").
 */
export const OUTPUT_SHEET_NAMES: Readonly<Record<OutputRole, Bilingual>> = {
  results: { en: "Results", zh: "结果" },
  peaks: { en: "Peaks", zh: "峰值" },
  targetResults: { en: "Target results", zh: "目标完成情况" },
  peaksLive: { en: "Peaks (live)", zh: "峰值（实时公式）" },
  reductions: { en: "Reductions", zh: "减排" },
  coordination: { en: "Coordination", zh: "协同效益" },
  decomposition: { en: "Decomposition", zh: "排放变化分解" },
  indicators: { en: "Indicators", zh: "指标" },
  charts: { en: "Charts", zh: "图表" },
  uncertainty: { en: "Uncertainty", zh: "不确定性" },
  peakYears: { en: "Peak years", zh: "峰值年份分布" },
  runInfo: { en: "Run info", zh: "运行记录" },
};

/** Headers, labels, chart titles and Run info items of the outputs. */
export const OUTPUT_LABELS = {
  // Units in headers and axis titles.
  withUnit: { en: "{label} ({unit} CO2)", zh: "{label}（{unit} CO2）" },
  unitCO2: { en: "{unit} CO2", zh: "{unit} CO2" },
  // Columns shared by several tables.
  scenario: { en: "Scenario", zh: "情景" },
  city: { en: "City", zh: "城市" },
  sector: { en: "Sector", zh: "部门" },
  year: { en: "Year", zh: "年份" },
  cityOrCluster: { en: "City or cluster", zh: "城市或城市群" },
  region: { en: "Region", zh: "地区" },
  type: { en: "Type", zh: "类型" },
  typeCity: { en: "city", zh: "城市" },
  typeCluster: { en: "cluster", zh: "城市群" },
  yes: { en: "yes", zh: "是" },
  no: { en: "no", zh: "否" },
  // Results, Peaks, Reductions, Coordination.
  emissions: { en: "Emissions", zh: "排放量" },
  peakYear: { en: "Peak year", zh: "达峰年份" },
  peakValue: { en: "Peak value", zh: "峰值" },
  status: { en: "Status", zh: `状态（${zhCodes(STATUS_ORDER, (c) => STATUS_LABELS[c as PeakStatus].zh)}）` },
  plateauStart: { en: "Plateau from", zh: "平台期起始年" },
  firstYear: { en: "First year", zh: "起始年份" },
  asOf: { en: "As of (last year)", zh: "截至年份" },
  points: { en: "Values", zh: "数值个数" },
  flags: { en: "Flags", zh: "标记" },
  peakRule: { en: "Peak rule", zh: "达峰规则" },
  flagLegend: { en: "Peak flags", zh: "达峰标记说明" },
  peakedBy: { en: "Peaked by {target}", zh: "{target}年前达峰" },
  peakGapAfter: { en: "Peak gap after {target}", zh: "{target}年后达峰缺口" },
  lever: { en: "Lever", zh: "减排措施" },
  reduction: { en: "Reduction", zh: "减排量" },
  benefit: { en: "Benefit ({independent} − {coordinated})", zh: "协同效益（{independent} − {coordinated}）" },
  // Decomposition.
  emissionsIn: { en: "Emissions {year}", zh: "{year}年排放量" },
  activityEffect: { en: "Activity effect", zh: "活动效应" },
  structureEffect: { en: "Structure effect", zh: "结构效应" },
  leversEffect: { en: "Levers effect", zh: "措施效应" },
  change: { en: "Change {from}–{to}", zh: "{from}–{to}年变化量" },
  check: { en: "Check (effects − change)", zh: "校验（各效应之和 − 变化量）" },
  // Kaya decomposition (with drivers).
  populationEffect: { en: "Population effect", zh: "人口效应" },
  gdpPerCapitaEffect: { en: "GDP per capita effect", zh: "人均GDP效应" },
  kayaStructureEffect: { en: "Structure effect (activity per GDP)", zh: "结构效应（单位GDP活动水平）" },
  energyIntensityEffect: { en: "Energy intensity effect", zh: "能源强度效应" },
  carbonIntensityEffect: { en: "Carbon intensity effect", zh: "碳强度效应" },
  // Results' basis and the Indicators sheet.
  basis: { en: "Basis", zh: "数据性质" },
  basisMeasured: { en: "measured", zh: "实测" },
  basisProjected: { en: "projected", zh: "预测" },
  basisFilled: { en: "filled", zh: "填补" },
  basisGap: { en: "no data", zh: "缺测" },
  population: { en: "Population (10k persons)", zh: "人口（万人）" },
  gdp: { en: "GDP (100 million yuan)", zh: "地区生产总值（亿元）" },
  perCapita: { en: "Emissions per capita (t CO2 per person)", zh: "人均排放（吨CO2/人）" },
  perGdp: { en: "CO2 per GDP (t CO2 per 10k yuan)", zh: "单位GDP二氧化碳排放（吨CO2/万元）" },
  perGdpChange: { en: "CO2 per GDP vs {year}", zh: "单位GDP二氧化碳排放较{year}年变化" },
  energy: { en: "Energy use (10k tce)", zh: "能源消费（万吨标准煤）" },
  energyIntensity: { en: "Energy per GDP (tce per 10k yuan)", zh: "单位GDP能耗（吨标准煤/万元）" },
  energyIntensityChange: { en: "Energy per GDP vs {year}", zh: "单位GDP能耗较{year}年变化" },
  cumulativeSince: { en: "Cumulative since {year}", zh: "{year}年以来累计排放" },
  // Target results.
  targetKind: { en: "Target", zh: "目标类型" },
  targetText: { en: "What", zh: "目标内容" },
  targetValue: { en: "Target value", zh: "目标值" },
  reached: { en: "Reached", zh: "实际值" },
  targetUnit: { en: "Unit", zh: "单位" },
  targetStatus: { en: "Met", zh: "是否达成" },
  margin: { en: "Margin", zh: "余量" },
  reason: { en: "Note", zh: "说明" },
  statusMet: { en: "met", zh: "达成" },
  statusNotMet: { en: "not met", zh: "未达成" },
  statusUnknown: { en: "unknown", zh: "无法判断" },
  kindPeakBy: { en: "peak by {to}", zh: "{to}年前达峰" },
  kindPeakCap: { en: "peak at most {value}", zh: "峰值不超过 {value}" },
  kindIntensity: { en: "CO2 per GDP −{value} from {from} to {to}", zh: "单位GDP二氧化碳排放 {from}–{to} 年下降 {value}" },
  kindEnergyIntensity: { en: "energy per GDP −{value} from {from} to {to}", zh: "单位GDP能耗 {from}–{to} 年下降 {value}" },
  kindBudget: { en: "at most {value} over {from}–{to}", zh: "{from}–{to} 年累计不超过 {value}" },
  unitYear: { en: "year", zh: "年" },
  unitShare: { en: "share (0.18 = 18 %)", zh: "比例（0.18 = 18%）" },
  // Charts.
  trajectoryTitle: { en: "{cluster}: emissions by scenario ({unit} CO2)", zh: "{cluster}：各情景排放量（{unit} CO2）" },
  wedgesTitle: { en: "{scenario}: reduction vs {baseline} by sector ({unit} CO2)", zh: "{scenario}：相对{baseline}的分部门减排量（{unit} CO2）" },
  // Uncertainty and Peak years.
  probabilityBy: { en: "P(peak by {target})", zh: "{target}年前达峰概率" },
  peakYearQ: { en: "Peak year {q}", zh: "达峰年份 {q}" },
  peakValueQ: { en: "Peak value {q}", zh: "峰值 {q}" },
  draws: { en: "Draws", zh: "抽样次数" },
  seed: { en: "Seed", zh: "随机种子" },
  drawCount: { en: "Draws", zh: "次数" },
  histogramTitle: { en: "{region}: peak year in {draws} draws (seed {seed})", zh: "{region}：{draws} 次抽样的达峰年份（随机种子 {seed}）" },
  // Peaks (live).
  liveYears: { en: "Years (for the formulas)", zh: "年份（供公式使用）" },
  liveUnit: { en: "Emissions below in {unit} CO2", zh: "下方排放量单位：{unit} CO2" },
  livePeakYear: { en: "Peak year (live)", zh: "达峰年份（实时）" },
  liveStatus: { en: "Status (live)", zh: "状态（实时）" },
  // Run info.
  item: { en: "Item", zh: "项目" },
  value: { en: "Value", zh: "值" },
  runAt: { en: "Run at", zh: "运行时间" },
  version: { en: "Version", zh: "版本" },
  inputHash: { en: "Input hash (SHA-256)", zh: "输入哈希（SHA-256）" },
  inventory: { en: "Inventory", zh: "排放清单" },
  scenarioSheets: { en: "Scenario sheets", zh: "情景工作表" },
  unitOfResults: { en: "Unit of results", zh: "结果单位" },
  baseYear: { en: "Base year", zh: "基准年" },
  endYear: { en: "End year", zh: "终止年" },
  targetYear: { en: "Target year", zh: "目标年" },
  lastHistoricalYear: { en: "Last historical year", zh: "最后历史年" },
  scenarios: { en: "Scenarios", zh: "情景" },
  cluster: { en: "Cluster", zh: "城市群" },
  mcDraws: { en: "Monte Carlo draws", zh: "蒙特卡洛抽样次数" },
  mcSeed: { en: "Monte Carlo seed", zh: "蒙特卡洛随机种子" },
  liveFormulas: { en: "Live formulas", zh: "实时公式" },
  liveFormulasNote: { en: "CARBON.PEAKYEAR / CARBON.PEAKSTATUS on the {sheet} sheet", zh: "“{sheet}”工作表中的 CARBON.PEAKYEAR / CARBON.PEAKSTATUS" },
  warnings: { en: "Warnings", zh: "警告" },
  warningN: { en: "Warning {n}", zh: "警告 {n}" },
  filledValues: { en: "Values filled in {year}", zh: "{year} 年填补值" },
  filledSectors: { en: "{entry} ({n} sectors)", zh: "{entry}（{n} 个部门）" },
  filledNote: { en: "{count}, carried forward (the warnings below say from where): {list}", zh: "{count} 个，延用最近实测值（来源见下方警告）：{list}" },
} as const satisfies Record<string, Bilingual>;

/** A key of {@link OUTPUT_LABELS}. */
export type OutputLabelKey = keyof typeof OUTPUT_LABELS;

/**
 * The text of a label in `lang`, its `{name}` placeholders filled from `params` (a placeholder without
 * a value is left as it is, so a missing parameter shows instead of vanishing).
 * @example outputLabel("zh", "peakedBy", { target: 2030 }) // "2030年前达峰"
 * @example outputLabel("en", "scenario") // "Scenario"
 */
export function outputLabel(lang: Lang, key: OutputLabelKey, params: TextParams = {}): string {
  return fill(OUTPUT_LABELS[key][lang], params);
}

/**
 * The labeller of one language: `label(key, params)` = {@link outputLabel}(lang, key, params), and
 * `unit(label, unit)` = "Emissions (Mt CO2)" / "排放量（Mt CO2）".
 * @example labels("zh").unit(labels("zh").label("emissions"), "Mt") // "排放量（Mt CO2）"
 */
export function labels(lang: Lang): { lang: Lang; label: (key: OutputLabelKey, params?: TextParams) => string; unit: (label: string, unit: string) => string } {
  return {
    lang,
    label: (key, params) => outputLabel(lang, key, params),
    unit: (label, unit) => outputLabel(lang, "withUnit", { label, unit: unitLabel(unit) }),
  };
}

/** Output sheet names of one language by role, e.g. `outputSheetNames("zh").results` = "结果". */
export function outputSheetNames(lang: Lang): Readonly<Record<OutputRole, string>> {
  return Object.fromEntries(OUTPUT_ROLES.map((r) => [r, OUTPUT_SHEET_NAMES[r][lang]])) as Record<OutputRole, string>;
}

/**
 * Whether `name` is the output sheet name of `role` in `lang`, or a numbered variant of it that
 * `freeSheetName` makes when the name is taken ("Results (2)", "结果 (3)"); case-insensitive.
 * Used on a re-run to tell an owned sheet named in the other language (to be replaced) from one to reuse.
 * @example isOutputSheetName("results", "en", "Results (2)") // true
 * @example isOutputSheetName("results", "zh", "Results") // false
 */
export function isOutputSheetName(role: OutputRole, lang: Lang, name: string): boolean {
  const wanted = OUTPUT_SHEET_NAMES[role][lang].toLowerCase();
  const n = name.toLowerCase();
  if (n === wanted) return true;
  const m = / \((\d+)\)$/.exec(n);
  if (!m) return false;
  return n.slice(0, m.index) === wanted.slice(0, 31 - m[0].length);
}
