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
  previewButton: string;
  previewing: string;

  /** Preview summary labels. */
  sheetLabel: string;
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
  /** Totals summary when some years are incomplete: {count} of {total}. */
  totalsIncomplete: string;
  /** What "incomplete" means, above the totals table. */
  incompleteHelp: string;
  /** Caption of the totals table: {unit}. */
  totalsCaption: string;
  /** The inventory summary: every region's years and its total in the last one ({unit}). */
  regionsCaption: string;
  regionsSummary: string;
  regionColumn: string;
  regionYearsColumn: string;
  regionLastColumn: string;
  yearColumn: string;
  /** Column header for a total: {unit}. */
  totalColumn: string;
  /** Column of the totals table saying whether every city × sector has a value that year. */
  completeColumn: string;
  completeYes: string;
  incompleteMark: string;
  /** An incomplete year with the members that lack a value: {members}. */
  incompleteMissing: string;
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
  /** A long list cut short: {shown} of {count}. */
  problemsShown: string;
  /** Button showing the whole list: {count}. */
  showAllProblems: string;
  warningsTitle: string;
  /** {count} notes. */
  warningsCount: string;
  /** Tooltip of a problem that has a cell: {cell}. */
  goToCell: string;

  /** Scenario step. */
  exampleLabel: string;
  /** Start from the previewed inventory (instead of the example). */
  fromInventoryLabel: string;
  /** {sheets} written; {year}: the base year chosen, the latest year every city has. */
  sheetsCreatedFrom: string;
  createSheets: string;
  creating: string;
  /** {sheets}: names of the sheets written. */
  sheetsCreated: string;
  /** Create over existing scenario sheets: the question, its text ({sheets}), the user's own ones ({sheets}), the answers. */
  askExisting: string;
  askExistingText: string;
  askTheirs: string;
  replaceSheets: string;
  keepSheets: string;
  /** The existing sheets kept: {sheets}. */
  sheetsKept: string;
  checkScenario: string;
  checking: string;
  scenarioOk: string;
  /** Scenario summary: {scenarios}, {levers}, {cities}, {years}. */
  scenarioSummary: string;

  /** Why a later step's controls are unavailable (shown beside them). */
  gateNeedPreview: string;
  gateNeedScenario: string;
  gateChecking: string;
  gateNoInventory: string;
  gateChoose: string;
  /** Run refused while its inventory has problems: {count}, {inventory}. */
  gateProblems: string;

  /** What the run will use / used. */
  runsOnTitle: string;
  ranOnTitle: string;
  runsOnInventory: string;
  runsOnFrom: string;
  runsOnSheets: string;
  fromPreviewed: string;
  /** Who chose an inventory: step 1's list, the Settings sheet ({cell}), the automatic search. */
  fromChooser: string;
  fromSettings: string;
  fromFound: string;
  /** The Settings sheet, when its Inventory cell is not known. */
  settingsSheetWord: string;
  /** One inventory on one line: {address}, {layout}, {unit}. */
  inventoryLine: string;
  checkingTarget: string;
  chooseInventory: string;
  /** Why the pane asks: the scenario's inventory is named in Settings ({cell}) or was found automatically. */
  chooseHelpSettings: string;
  chooseHelpFound: string;
  /** The two choices: {inventory} (an inventoryLine). */
  choicePreviewed: string;
  choiceScenario: string;

  /** One short status said by the live region: {count} problems. */
  announceProblems: string;
  /** After a clean preview: {cities}, {sectors}, {years}. */
  announcePreview: string;
  /** After a run: {count} sheets; with the cluster's peak {region}, {year}, {scenario}, or still rising. */
  announceDone: string;
  announceDonePeak: string;
  announceDoneRising: string;

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
  /** Done, with the number of sheets written: {count}. */
  runDoneCount: string;
  outputsLabel: string;
  /** Tooltip of an output sheet link: {sheet}. */
  openSheet: string;
  peaksLabel: string;
  /** Caption of the peaks table: {unit}. */
  peaksCaption: string;
  colScenario: string;
  colCity: string;
  colPeakYear: string;
  /** Peak value column with its unit: {unit}. */
  colPeakValueUnit: string;
  colStatus: string;
  /** The targets after a run (Targets sheet): heading, caption, columns, statuses. */
  targetsLabel: string;
  targetsCaption: string;
  colTarget: string;
  colReached: string;
  colMet: string;
  targetMet: string;
  targetNotMet: string;
  targetUnknown: string;
  /** Target texts: {to}; {value}; {value} {from} {to}. */
  targetPeakBy: string;
  targetPeakCap: string;
  targetIntensity: string;
  targetEnergyIntensity: string;
  targetBudget: string;
  /** Run record: {when}, {version}, {hash}. */
  runRecord: string;
  /** Monte Carlo section of the run step. */
  mcTitle: string;
  mcHelp: string;
  drawsLabel: string;
  seedLabel: string;
  mcButton: string;
  /** Name of the Monte Carlo progress bar. */
  mcRunning: string;
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
  /** Too few data years to call a peak (the engine's `insufficient`). */
  statusInsufficient: string;
  /** Progress stage names (the workflow's stage keys map here; unknown keys show stageWorking). */
  stages: Record<string, string>;
  stageWorking: string;
}

export const STRINGS: Bilingual<PaneStrings> = {
  en: {
    title: "Carbon Peak",
    subtitle: "City-cluster carbon-peak scenarios",
    loading: "Loading…",
    outsideExcel: "This page is the Carbon Peak add-in's task pane. Open it from Excel (Home → Carbon Peak) to use it.",
    outsideExcelNote: "Opened in a plain browser it cannot reach a workbook, so there is nothing to show here.",
    otherHost: "The Carbon Peak add-in works in Excel only (this is {host}).",
    languageLabel: "Language",
    otherLanguage: "中文",

    stepInventory: "Inventory",
    stepScenario: "Scenario",
    stepRun: "Run",
    inventoryHelp: "Choose the emissions inventory (or let the add-in find it) and check what was understood.",
    scenarioHelp: "Create the Settings, Drivers, Levers, Socioeconomic and Targets sheets, edit them in Excel, then check them here.",
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
    previewButton: "Preview inventory",
    previewing: "Reading the inventory…",

    sheetLabel: "Sheet",
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
    totalsIncomplete: "Totals by year ({count} of {total} years incomplete)",
    incompleteHelp: "An incomplete year lacks a value for some city and sector, so its total is not comparable with the others.",
    totalsCaption: "Emissions totals by year ({unit})",
    regionsCaption: "Cities and regions read ({unit})",
    regionsSummary: "{count} cities or regions, each with its years",
    regionColumn: "City / region",
    regionYearsColumn: "Years",
    regionLastColumn: "Total in its last year",
    yearColumn: "Year",
    totalColumn: "Total ({unit})",
    completeColumn: "Data",
    completeYes: "complete",
    incompleteMark: "incomplete",
    incompleteMissing: "incomplete: no value for {members}",
    yearRange: "{first}–{last} ({count} years)",
    listMore: "{list} and {more} more",
    listSeparator: ", ",
    noneFound: "none",
    previewOk: "The inventory was read without problems.",

    problemsTitle: "Problems to fix",
    problemsCount: "Problems found: {count}.",
    problemsHint: "Click a problem to select its cell in Excel.",
    problemsShown: "Showing {shown} of {count}.",
    showAllProblems: "Show all {count}",
    warningsTitle: "Notes",
    warningsCount: "Notes: {count}.",
    goToCell: "Select {cell}",

    exampleLabel: "Fill in the 长株潭 (Changsha–Zhuzhou–Xiangtan) example",
    fromInventoryLabel: "Start from the previewed inventory: its cities, every year, the latest year they all have as the base year",
    sheetsCreatedFrom:
      "Sheets written: {sheets}. Base year {year}, the latest year every city of the inventory has; Settings name the inventory. Edit them in Excel, then check the scenario.",
    createSheets: "Create scenario sheets",
    creating: "Creating the scenario sheets…",
    sheetsCreated: "Sheets written: {sheets}. Edit them in Excel, then check the scenario.",
    askExisting: "Scenario sheets already exist",
    askExistingText: "The workbook already has {sheets}. Replace writes them anew from the template (your edits in them are lost); Keep uses them as they are.",
    askTheirs: "{sheets}: made by you, not by the add-in — never replaced; a new one gets a name beside it.",
    replaceSheets: "Replace",
    keepSheets: "Keep them",
    sheetsKept: "Using the scenario sheets already there: {sheets}.",
    checkScenario: "Check scenario",
    checking: "Reading the scenario sheets…",
    scenarioOk: "The scenario sheets are valid.",
    scenarioSummary: "{scenarios} scenarios, {levers} levers, {cities} cities, {years}.",

    gateNeedPreview: "Preview an inventory first (step 1).",
    gateNeedScenario: "Create the scenario sheets first (step 2).",
    gateChecking: "Checking which inventory the run will use…",
    gateNoInventory: "Run is not available: the scenario names no inventory that can be read (see below).",
    gateChoose: "Choose the inventory to run on (below).",
    gateProblems: "Run is not available: the inventory it would use ({inventory}) has problems ({count}). Fix them in Excel and preview again.",

    runsOnTitle: "The run will use",
    ranOnTitle: "Ran on",
    runsOnInventory: "Inventory",
    runsOnFrom: "Chosen by",
    runsOnSheets: "Scenario sheets",
    fromPreviewed: "you, in step 1",
    fromChooser: "you, in the list above",
    fromSettings: "the scenario's Settings ({cell})",
    fromFound: "found automatically (the first sheet that reads as an inventory)",
    settingsSheetWord: "Settings sheet",
    inventoryLine: "{address} — {layout}, {unit}",
    checkingTarget: "Checking which inventory the run will use…",
    chooseInventory: "Which inventory should the run use?",
    chooseHelpSettings: "The scenario's Settings ({cell}) name another inventory than the one you previewed.",
    chooseHelpFound: "Left to itself, the scenario would run on another inventory (found automatically) than the one you previewed.",
    choicePreviewed: "The one previewed in step 1: {inventory}",
    choiceScenario: "The one the scenario names: {inventory}",

    announceProblems: "Problems found: {count}.",
    announcePreview: "Inventory read: {cities} cities, {sectors} sectors, {years}.",
    announceDone: "Done: {count} sheets written.",
    announceDonePeak: "Done: {count} sheets written; {region} peaks in {year} ({scenario}).",
    announceDoneRising: "Done: {count} sheets written; {region} is still rising ({scenario}).",

    runButton: "Run scenarios",
    formulasLabel: "Also write live CARBON.* formulas (Peaks (live) sheet)",
    cancelButton: "Cancel",
    running: "Running…",
    progressText: "{percent}% — {stage}",
    progressDetail: "{percent}% — {stage} ({detail})",
    rowsChecked: "{done} of {total} rows",
    runDone: "Done. The results are in the workbook.",
    runDoneCount: "Done: {count} sheets written.",
    outputsLabel: "Output sheets",
    openSheet: "Go to {sheet}",
    peaksLabel: "Peaks",
    peaksCaption: "Peak year and value by scenario and city ({unit})",
    colScenario: "Scenario",
    colCity: "City",
    colPeakYear: "Peak year",
    colPeakValueUnit: "Peak ({unit})",
    colStatus: "Status",
    targetsLabel: "Targets",
    targetsCaption: "Targets by scenario: what each reaches and whether it is met",
    colTarget: "Target",
    colReached: "Reached",
    colMet: "Met",
    targetMet: "met",
    targetNotMet: "not met",
    targetUnknown: "unknown",
    targetPeakBy: "peak by {to}",
    targetPeakCap: "peak ≤ {value}",
    targetIntensity: "CO2/GDP −{value}, {from}→{to}",
    targetEnergyIntensity: "energy/GDP −{value}, {from}→{to}",
    targetBudget: "≤ {value}, {from}–{to}",
    runRecord: "Run at {when} by Carbon Peak {version}; inputs {hash}.",
    mcTitle: "Uncertainty (Monte Carlo)",
    mcHelp:
      "Draws the growth rates and lever strengths that have a distribution (Distribution / SD / Min / Max columns on Drivers and Levers) and re-runs the scenarios. Runs in the background; the same seed gives the same numbers.",
    drawsLabel: "Draws",
    seedLabel: "Seed",
    mcButton: "Run with uncertainty",
    mcRunning: "Running the Monte Carlo…",
    mcDone: "Done: {draws} draws (seed {seed}) in {seconds} s. The Uncertainty and Peak years sheets are in the workbook.",
    mcLabel: "Cluster peak under uncertainty",
    colProbability: "P(peak by {year})",
    colPeakRange: "Peak year P50 (P5–P95)",
    statusPeaked: "peaked",
    statusPlateau: "plateau",
    statusRising: "rising",
    statusUnconfirmed: "unconfirmed",
    statusInsufficient: "too few years",
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
    scenarioHelp: "创建参数、驱动因素、减排措施、社会经济和目标工作表，在 Excel 中编辑后在此检查。",
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
    previewButton: "预览排放清单",
    previewing: "正在读取排放清单…",

    sheetLabel: "工作表",
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
    totalsIncomplete: "逐年合计（{total} 年中 {count} 年数据不全）",
    incompleteHelp: "数据不全的年份缺少部分城市或部门的数值，其合计不能与其他年份直接比较。",
    totalsCaption: "逐年排放合计（{unit}）",
    regionsCaption: "读取的城市和地区（{unit}）",
    regionsSummary: "{count} 个城市或地区及各自的年份",
    regionColumn: "城市 / 地区",
    regionYearsColumn: "年份",
    regionLastColumn: "末年合计",
    yearColumn: "年份",
    totalColumn: "合计（{unit}）",
    completeColumn: "数据",
    completeYes: "完整",
    incompleteMark: "不全",
    incompleteMissing: "不全：缺 {members}",
    yearRange: "{first}–{last}（共 {count} 年）",
    listMore: "{list} 等，另有 {more} 个",
    listSeparator: "、",
    noneFound: "无",
    previewOk: "排放清单读取完毕，未发现问题。",

    problemsTitle: "需要修正的问题",
    problemsCount: "共发现 {count} 个问题。",
    problemsHint: "点击问题可在 Excel 中选中对应单元格。",
    problemsShown: "显示 {count} 个中的 {shown} 个。",
    showAllProblems: "显示全部 {count} 个",
    warningsTitle: "提示",
    warningsCount: "共 {count} 条提示。",
    goToCell: "选中 {cell}",

    exampleLabel: "填入长株潭（长沙—株洲—湘潭）示例",
    fromInventoryLabel: "从已预览的排放清单开始：其全部城市、全部年份，以所有城市都有数据的最近年份为基准年",
    sheetsCreatedFrom: "已写入工作表：{sheets}。基准年 {year}，即清单中所有城市都有数据的最近年份；参数表已指向该清单。请在 Excel 中编辑后检查情景。",
    createSheets: "创建情景工作表",
    creating: "正在创建情景工作表…",
    sheetsCreated: "已写入工作表：{sheets}。请在 Excel 中编辑后检查情景。",
    askExisting: "情景工作表已存在",
    askExistingText: "工作簿中已有 {sheets}。“替换”将按模板重新写入（其中的修改会丢失）；“保留”则按原样使用。",
    askTheirs: "{sheets}：由您创建而非加载项创建，不会被替换；新表将另取名称。",
    replaceSheets: "替换",
    keepSheets: "保留",
    sheetsKept: "使用已有的情景工作表：{sheets}。",
    checkScenario: "检查情景",
    checking: "正在读取情景工作表…",
    scenarioOk: "情景工作表有效。",
    scenarioSummary: "{scenarios} 个情景、{levers} 项措施、{cities} 个城市，{years}。",

    gateNeedPreview: "请先预览排放清单（第 1 步）。",
    gateNeedScenario: "请先创建情景工作表（第 2 步）。",
    gateChecking: "正在确认运行将使用的排放清单…",
    gateNoInventory: "暂不能运行：情景未指定可读取的排放清单（见下方）。",
    gateChoose: "请在下方选择运行所用的排放清单。",
    gateProblems: "暂不能运行：将使用的排放清单（{inventory}）有 {count} 个问题。请在 Excel 中修正后重新预览。",

    runsOnTitle: "运行将使用",
    ranOnTitle: "本次运行使用",
    runsOnInventory: "排放清单",
    runsOnFrom: "选定方式",
    runsOnSheets: "情景工作表",
    fromPreviewed: "您在第 1 步选定",
    fromChooser: "您在上方列表中选定",
    fromSettings: "情景参数表指定（{cell}）",
    fromFound: "自动查找（第一个可识别为排放清单的工作表）",
    settingsSheetWord: "参数表",
    inventoryLine: "{address} — {layout}，{unit}",
    checkingTarget: "正在确认运行将使用的排放清单…",
    chooseInventory: "运行应使用哪份排放清单？",
    chooseHelpSettings: "情景参数表（{cell}）指定的排放清单与您预览的不同。",
    chooseHelpFound: "若不指定，情景将使用自动查找到的另一份排放清单，而非您预览的这份。",
    choicePreviewed: "第 1 步预览的：{inventory}",
    choiceScenario: "情景指定的：{inventory}",

    announceProblems: "共发现 {count} 个问题。",
    announcePreview: "已读取排放清单：{cities} 个城市、{sectors} 个部门，{years}。",
    announceDone: "完成：已写入 {count} 个工作表。",
    announceDonePeak: "完成：已写入 {count} 个工作表；{region}（{scenario}）于 {year} 年达峰。",
    announceDoneRising: "完成：已写入 {count} 个工作表；{region}（{scenario}）仍在上升。",

    runButton: "运行情景",
    formulasLabel: "同时写入实时 CARBON.* 公式（“峰值（实时公式）”工作表）",
    cancelButton: "取消",
    running: "正在运行…",
    progressText: "{percent}% — {stage}",
    progressDetail: "{percent}% — {stage}（{detail}）",
    rowsChecked: "第 {done} / {total} 行",
    runDone: "完成。结果已写入工作簿。",
    runDoneCount: "完成：已写入 {count} 个工作表。",
    outputsLabel: "输出工作表",
    openSheet: "转到 {sheet}",
    peaksLabel: "达峰结果",
    peaksCaption: "各情景、各城市的达峰年份与峰值（{unit}）",
    colScenario: "情景",
    colCity: "城市",
    colPeakYear: "达峰年份",
    colPeakValueUnit: "峰值（{unit}）",
    colStatus: "状态",
    targetsLabel: "目标",
    targetsCaption: "各情景的目标：实际值与是否达成",
    colTarget: "目标",
    colReached: "实际值",
    colMet: "是否达成",
    targetMet: "达成",
    targetNotMet: "未达成",
    targetUnknown: "无法判断",
    targetPeakBy: "{to}年前达峰",
    targetPeakCap: "峰值 ≤ {value}",
    targetIntensity: "单位GDP二氧化碳排放 {from}→{to} 下降 {value}",
    targetEnergyIntensity: "单位GDP能耗 {from}→{to} 下降 {value}",
    targetBudget: "{from}–{to} 累计 ≤ {value}",
    runRecord: "运行时间 {when}，碳达峰分析 {version}；输入 {hash}。",
    mcTitle: "不确定性分析（蒙特卡洛）",
    mcHelp:
      "对设定了分布的增长率和措施力度（驱动因素和减排措施表中的 分布 / 标准差 / 最小值 / 最大值 列）进行抽样并重新计算情景。在后台运行；相同的随机种子得到相同的结果。",
    drawsLabel: "抽样次数",
    seedLabel: "随机种子",
    mcButton: "运行不确定性分析",
    mcRunning: "正在运行蒙特卡洛模拟…",
    mcDone: "完成：{draws} 次抽样（随机种子 {seed}），用时 {seconds} 秒。“不确定性”和“峰值年份分布”工作表已写入工作簿。",
    mcLabel: "不确定性下的城市群达峰",
    colProbability: "{year} 年前达峰概率",
    colPeakRange: "达峰年份 P50（P5–P95）",
    statusPeaked: "已达峰",
    statusPlateau: "平台期",
    statusRising: "仍在上升",
    statusUnconfirmed: "待确认",
    statusInsufficient: "数据年份不足",
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
