/* User-visible text of the task pane, in English and Chinese. Every string the pane shows comes from
 * STRINGS (error texts come from the engine's message table through formatIssue, never from here);
 * placeholders are written {name} and filled by format() (the engine's i18n `fill`). Text is always set
 * with textContent. */
import { fill, type Bilingual, type Lang } from "../engine";

export type { Lang } from "../engine";

export interface PaneStrings {
  /** Page and header title. */
  title: string;
  /** Header subtitle under the title. */
  subtitle: string;
  /** Shown until Office.onReady has run. */
  loading: string;
  /** Opened outside Excel (plain browser, host null). */
  outsideExcel: string;
  /** Second line under outsideExcel. */
  outsideExcelNote: string;
  /** Opened in an Office application other than Excel: {host} is its name. */
  otherHost: string;
  /** Accessible name of the language switch. */
  languageLabel: string;
  /** Name of the other language on the switch (shown in that language). */
  otherLanguage: string;

  /** Step headings. */
  stepInventory: string;
  stepScenario: string;
  stepRun: string;
  /** One-line help under each step heading. */
  inventoryHelp: string;
  scenarioHelp: string;
  runHelp: string;

  /** Inventory source chooser. */
  sourceLabel: string;
  sourceAuto: string;
  /** Option label of a sheet: {name}. */
  sourceSheet: string;
  /** Option label of a table: {name}, {sheet}. */
  sourceTable: string;
  addressLabel: string;
  addressPlaceholder: string;
  useSelection: string;
  unitLabel: string;
  unitAuto: string;
  refreshSources: string;
  previewButton: string;
  previewing: string;

  /** Preview summary labels. */
  layoutLabel: string;
  layoutLong: string;
  layoutWide: string;
  layoutMatrix: string;
  rangeLabel: string;
  citiesLabel: string;
  sectorsLabel: string;
  yearsLabel: string;
  unitShown: string;
  totalsLabel: string;
  yearColumn: string;
  /** Column header for a total: {unit}. */
  totalColumn: string;
  /** Years: {first}, {last}, {count}. */
  yearRange: string;
  /** A list cut short: {list}, {more}. */
  listMore: string;
  /** Separator between list items. */
  listSeparator: string;
  noneFound: string;
  previewOk: string;

  /** Problems list. */
  problemsTitle: string;
  /** {count} problems. */
  problemsCount: string;
  problemsHint: string;
  warningsTitle: string;
  /** Tooltip of a problem that has a cell: {cell}. */
  goToCell: string;

  /** Scenario step. */
  exampleLabel: string;
  createSheets: string;
  creating: string;
  /** {sheets}: names of the sheets written. */
  sheetsCreated: string;
  checkScenario: string;
  checking: string;
  scenarioOk: string;
  /** Scenario summary: {scenarios}, {levers}, {cities}, {years}. */
  scenarioSummary: string;

  /** Run step. */
  runButton: string;
  /** Checkbox of the run step: also write live CARBON.* formulas. */
  formulasLabel: string;
  cancelButton: string;
  running: string;
  /** Progress: {percent}, {stage}. */
  progressText: string;
  /** Progress with a detail after the stage (rows checked): {percent}, {stage}, {detail}. */
  progressDetail: string;
  /** Inventory rows checked so far: {done}, {total}. */
  rowsChecked: string;
  runDone: string;
  outputsLabel: string;
  /** Tooltip of an output sheet link: {sheet}. */
  openSheet: string;
  peaksLabel: string;
  colScenario: string;
  colCity: string;
  colPeakYear: string;
  colPeakValue: string;
  colStatus: string;
  /** Run record: {when}, {version}, {hash}. */
  runRecord: string;
  /** Monte Carlo section of the run step. */
  mcTitle: string;
  mcHelp: string;
  drawsLabel: string;
  seedLabel: string;
  mcButton: string;
  /** Done: {draws}, {seed}, {seconds}. */
  mcDone: string;
  mcLabel: string;
  /** Column headers of the Monte Carlo summary: {year} is the target year. */
  colProbability: string;
  colPeakRange: string;
  /** Peak status words. */
  statusPeaked: string;
  statusPlateau: string;
  statusRising: string;
  statusUnconfirmed: string;
  /** Progress stage names (the workflow's stage keys map here; unknown keys show stageWorking). */
  stages: Record<string, string>;
  stageWorking: string;
}

export const STRINGS: Bilingual<PaneStrings> = {
  en: {
    title: "Carbon Peak",
    subtitle: "City-cluster carbon-peak scenarios",
    loading: "Loading…",
    outsideExcel:
      "This page is the Carbon Peak add-in's task pane. Open it from Excel (Home → Carbon Peak) to use it.",
    outsideExcelNote: "Opened in a plain browser it cannot reach a workbook, so there is nothing to show here.",
    otherHost: "The Carbon Peak add-in works in Excel only (this is {host}).",
    languageLabel: "Language",
    otherLanguage: "中文",

    stepInventory: "Inventory",
    stepScenario: "Scenario",
    stepRun: "Run",
    inventoryHelp: "Choose the emissions inventory (or let the add-in find it) and check what was understood.",
    scenarioHelp: "Create the Settings, Drivers and Levers sheets, edit them in Excel, then check them here.",
    runHelp: "Run the baseline and cluster scenarios. Results are written as values into the add-in's own sheets.",

    sourceLabel: "Where is the inventory?",
    sourceAuto: "Find it automatically",
    sourceSheet: "Sheet: {name}",
    sourceTable: "Table: {name} ({sheet})",
    addressLabel: "Range (optional)",
    addressPlaceholder: "e.g. A1:X40",
    useSelection: "Use selection",
    unitLabel: "Unit when the sheet names none",
    unitAuto: "From the sheet",
    refreshSources: "Refresh",
    previewButton: "Preview inventory",
    previewing: "Reading the inventory…",

    layoutLabel: "Layout",
    layoutLong: "Long (one row per city, sector and year)",
    layoutWide: "Wide (one column per year)",
    layoutMatrix: "Sector × fuel matrix",
    rangeLabel: "Range",
    citiesLabel: "Cities",
    sectorsLabel: "Sectors",
    yearsLabel: "Years",
    unitShown: "Unit",
    totalsLabel: "Totals by year",
    yearColumn: "Year",
    totalColumn: "Total ({unit})",
    yearRange: "{first}–{last} ({count} years)",
    listMore: "{list} and {more} more",
    listSeparator: ", ",
    noneFound: "none",
    previewOk: "The inventory was read without problems.",

    problemsTitle: "Problems to fix",
    problemsCount: "Problems found: {count}. Nothing was run.",
    problemsHint: "Click a problem to select its cell in Excel.",
    warningsTitle: "Notes",
    goToCell: "Select {cell}",

    exampleLabel: "Fill in the 长株潭 (Changsha–Zhuzhou–Xiangtan) example",
    createSheets: "Create scenario sheets",
    creating: "Creating the scenario sheets…",
    sheetsCreated: "Sheets written: {sheets}. Edit them in Excel, then check the scenario.",
    checkScenario: "Check scenario",
    checking: "Reading the scenario sheets…",
    scenarioOk: "The scenario sheets are valid.",
    scenarioSummary: "{scenarios} scenarios, {levers} levers, {cities} cities, {years}.",

    runButton: "Run scenarios",
    formulasLabel: "Also write live CARBON.* formulas (Peaks (live) sheet)",
    cancelButton: "Cancel",
    running: "Running…",
    progressText: "{percent}% — {stage}",
    progressDetail: "{percent}% — {stage} ({detail})",
    rowsChecked: "{done} of {total} rows",
    runDone: "Done. The results are in the workbook.",
    outputsLabel: "Output sheets",
    openSheet: "Go to {sheet}",
    peaksLabel: "Peaks",
    colScenario: "Scenario",
    colCity: "City",
    colPeakYear: "Peak year",
    colPeakValue: "Peak value",
    colStatus: "Status",
    runRecord: "Run at {when} by Carbon Peak {version}; inputs {hash}.",
    mcTitle: "Uncertainty (Monte Carlo)",
    mcHelp: "Draws the growth rates and lever strengths that have a distribution (Distribution / SD / Min / Max columns on Drivers and Levers) and re-runs the scenarios. Runs in the background; the same seed gives the same numbers.",
    drawsLabel: "Draws",
    seedLabel: "Seed",
    mcButton: "Run with uncertainty",
    mcDone: "Done: {draws} draws (seed {seed}) in {seconds} s. The Uncertainty and Peak years sheets are in the workbook.",
    mcLabel: "Cluster peak under uncertainty",
    colProbability: "P(peak by {year})",
    colPeakRange: "Peak year P50 (P5–P95)",
    statusPeaked: "peaked",
    statusPlateau: "plateau",
    statusRising: "rising",
    statusUnconfirmed: "unconfirmed",
    stages: {
      read: "Reading the workbook",
      reading: "Reading the workbook",
      inventory: "Reading the inventory",
      validating: "Checking the inventory cells",
      summarising: "Summarising the inventory",
      scenario: "Reading the scenario",
      validate: "Checking the inputs",
      run: "Computing the scenarios",
      compute: "Computing the scenarios",
      uncertainty: "Drawing the Monte Carlo samples",
      peaks: "Finding the peaks",
      write: "Writing the results",
      writing: "Writing the results",
      charts: "Drawing the charts",
      record: "Recording the run",
      done: "Done",
    },
    stageWorking: "Working",
  },
  zh: {
    title: "碳达峰分析",
    subtitle: "城市群碳达峰情景分析",
    loading: "正在加载…",
    outsideExcel: "此页面是“碳达峰分析”加载项的任务窗格。请在 Excel 中打开（开始 → 碳达峰）后使用。",
    outsideExcelNote: "在普通浏览器中打开时无法访问工作簿，因此这里没有可显示的内容。",
    otherHost: "“碳达峰分析”加载项仅适用于 Excel（当前为 {host}）。",
    languageLabel: "语言",
    otherLanguage: "English",

    stepInventory: "排放清单",
    stepScenario: "情景设置",
    stepRun: "运行",
    inventoryHelp: "选择排放清单（或由加载项自动查找），并检查识别结果。",
    scenarioHelp: "创建参数、驱动因素和减排措施工作表，在 Excel 中编辑后在此检查。",
    runHelp: "运行基准情景和城市群协同情景。结果以数值写入加载项自己的工作表。",

    sourceLabel: "排放清单在哪里？",
    sourceAuto: "自动查找",
    sourceSheet: "工作表：{name}",
    sourceTable: "表格：{name}（{sheet}）",
    addressLabel: "区域（可选）",
    addressPlaceholder: "例如 A1:X40",
    useSelection: "使用所选区域",
    unitLabel: "工作表未注明单位时采用",
    unitAuto: "以工作表为准",
    refreshSources: "刷新",
    previewButton: "预览排放清单",
    previewing: "正在读取排放清单…",

    layoutLabel: "格式",
    layoutLong: "长表（每行一个城市、部门和年份）",
    layoutWide: "宽表（每列一个年份）",
    layoutMatrix: "部门 × 能源矩阵",
    rangeLabel: "区域",
    citiesLabel: "城市",
    sectorsLabel: "部门",
    yearsLabel: "年份",
    unitShown: "单位",
    totalsLabel: "逐年合计",
    yearColumn: "年份",
    totalColumn: "合计（{unit}）",
    yearRange: "{first}–{last}（共 {count} 年）",
    listMore: "{list} 等，另有 {more} 个",
    listSeparator: "、",
    noneFound: "无",
    previewOk: "排放清单读取完毕，未发现问题。",

    problemsTitle: "需要修正的问题",
    problemsCount: "共 {count} 个问题，尚未运行任何计算。",
    problemsHint: "点击问题可在 Excel 中选中对应单元格。",
    warningsTitle: "提示",
    goToCell: "选中 {cell}",

    exampleLabel: "填入长株潭（长沙—株洲—湘潭）示例",
    createSheets: "创建情景工作表",
    creating: "正在创建情景工作表…",
    sheetsCreated: "已写入工作表：{sheets}。请在 Excel 中编辑后检查情景。",
    checkScenario: "检查情景",
    checking: "正在读取情景工作表…",
    scenarioOk: "情景工作表有效。",
    scenarioSummary: "{scenarios} 个情景、{levers} 项措施、{cities} 个城市，{years}。",

    runButton: "运行情景",
    formulasLabel: "同时写入实时 CARBON.* 公式（“峰值（实时公式）”工作表）",
    cancelButton: "取消",
    running: "正在运行…",
    progressText: "{percent}% — {stage}",
    progressDetail: "{percent}% — {stage}（{detail}）",
    rowsChecked: "第 {done} / {total} 行",
    runDone: "完成。结果已写入工作簿。",
    outputsLabel: "输出工作表",
    openSheet: "转到 {sheet}",
    peaksLabel: "达峰结果",
    colScenario: "情景",
    colCity: "城市",
    colPeakYear: "达峰年份",
    colPeakValue: "峰值",
    colStatus: "状态",
    runRecord: "运行时间 {when}，碳达峰分析 {version}；输入 {hash}。",
    mcTitle: "不确定性分析（蒙特卡洛）",
    mcHelp: "对设定了分布的增长率和措施力度（驱动因素和减排措施表中的 分布 / 标准差 / 最小值 / 最大值 列）进行抽样并重新计算情景。在后台运行；相同的随机种子得到相同的结果。",
    drawsLabel: "抽样次数",
    seedLabel: "随机种子",
    mcButton: "运行不确定性分析",
    mcDone: "完成：{draws} 次抽样（随机种子 {seed}），用时 {seconds} 秒。“不确定性”和“峰值年份分布”工作表已写入工作簿。",
    mcLabel: "不确定性下的城市群达峰",
    colProbability: "{year} 年前达峰概率",
    colPeakRange: "达峰年份 P50（P5–P95）",
    statusPeaked: "已达峰",
    statusPlateau: "平台期",
    statusRising: "仍在上升",
    statusUnconfirmed: "待确认",
    stages: {
      read: "正在读取工作簿",
      reading: "正在读取工作簿",
      inventory: "正在读取排放清单",
      validating: "正在检查清单单元格",
      summarising: "正在汇总排放清单",
      scenario: "正在读取情景",
      validate: "正在检查输入",
      run: "正在计算情景",
      compute: "正在计算情景",
      uncertainty: "正在进行蒙特卡洛抽样",
      peaks: "正在识别达峰",
      write: "正在写入结果",
      writing: "正在写入结果",
      charts: "正在绘制图表",
      record: "正在记录运行信息",
      done: "完成",
    },
    stageWorking: "正在处理",
  },
};

/** "zh", "zh-CN", "zh-Hans-CN", "ZH-tw" → zh; anything else (including nothing) → en. */
export function pickLanguage(tag: string | null | undefined): Lang {
  return typeof tag === "string" && /^zh(?:[-_]|$)/i.test(tag.trim()) ? "zh" : "en";
}

/** Replaces {key} placeholders; unknown keys are left as they are (the engine's i18n `fill`). */
export function format(template: string, values: Record<string, string | number>): string {
  return fill(template, values);
}
