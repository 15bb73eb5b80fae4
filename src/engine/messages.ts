/**
 * The one message table: every issue code the engine (and the layers above it) can report, with
 * its English and Chinese text. Nothing else in the project writes user-facing error text. The codes
 * are the table's keys ({@link IssueCode}): an issue with a code that has no message is a type error,
 * and a test checks that both languages of every message use the same parameters.
 */
import type { Bilingual } from "./i18n";

/** The parameters of an issue a message reads (`value`, `year`, …; see `issues.ts`). */
export type MessageParams = { readonly [param: string]: unknown };

type P = MessageParams;
/** A message: its English and Chinese text, each made from the issue's parameters. */
export type Msg = Bilingual<(p: P) => string>;

/** Shows a received value in a message: text quoted, long text cut, null as "blank". */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return "blank";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  return String(v);
}

const v = (p: P) => showValue(p.value);
/** A file name in a message: quoted, never shortened. */
const file = (p: P) => JSON.stringify(String(p.file));
/** A byte count as megabytes ("230 MB"). */
const mb = (n: unknown) => `${Math.round(Number(n) / 1e6).toLocaleString("en-US")} MB`;

/** A list joined by `sep` in English, re-joined with the Chinese separator (、 by default). */
const zhList = (x: unknown, sep = ", ", zh = "、") => String(x).split(sep).join(zh);
/**
 * The earlier year of a `year_order` issue (`after`) in words: a workbook's column or setting (`baseYear`,
 * Drivers' and Targets' `from`, Levers' `startYear`); a function's argument (`from_year`) by its name.
 */
const YEAR_FIELDS: Readonly<Record<string, Bilingual>> = {
  baseYear: { en: "the base year", zh: "基准年" },
  from: { en: "the From year", zh: "起始年" },
  startYear: { en: "the start year", zh: "起始年" },
};
const yearName = (after: unknown, lang: "en" | "zh") => YEAR_FIELDS[String(after)]?.[lang] ?? String(after);
/** The Kaya factors by name (`KAYA_FACTORS`), as messages word them. */
const KAYA_RATIO: Readonly<Record<string, { en: string; zh: string }>> = {
  gdp_per_capita: { en: "GDP per capita (gdp ÷ population)", zh: "人均 GDP（gdp ÷ population）" },
  energy_intensity: { en: "the energy intensity (energy ÷ gdp)", zh: "能源强度（energy ÷ gdp）" },
  carbon_intensity: { en: "the carbon intensity (emissions ÷ energy)", zh: "碳强度（emissions ÷ energy）" },
};

/** The table. Keys are issue codes; add new codes here (and only here). */
export const MESSAGES = {
  // --- values and series ---
  not_a_number: {
    en: (p) => (p.looksLike === undefined ? `${v(p)} is not a number` : `${v(p)} is text, not a number (it looks like ${p.looksLike}: enter it as a number)`),
    zh: (p) => (p.looksLike === undefined ? `${v(p)} 不是数字` : `${v(p)} 是文本，不是数字（看起来像 ${p.looksLike}：请输入数值）`),
  },
  not_finite: { en: (p) => `${v(p)} is not a finite number`, zh: (p) => `${v(p)} 不是有限数值` },
  excel_error: {
    en: (p) => `contains the Excel error ${v(p)}`,
    zh: (p) => `包含 Excel 错误值 ${v(p)}`,
  },
  date_not_number: {
    en: (p) => `${p.date} is a date, not a number`,
    zh: (p) => `${p.date} 是日期，不是数字`,
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
    en: (p) => `is ${p.rows} × ${p.columns}, but ${p.other} has ${p.expected} years: neither its rows nor its columns match`,
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
  projection_overflow: {
    en: (p) =>
      `scenario ${showValue(p.scenario)}: the emissions of ${p.city}, ${p.sector} pass the largest number a spreadsheet holds (about 1.8E+308) by ${p.year}: check the inventory's values and their unit`,
    zh: (p) =>
      `情景 ${showValue(p.scenario)}：${p.city}、${p.sector} 的排放量到 ${p.year} 年超过电子表格可容纳的最大数值（约 1.8E+308）：请检查清单数值及其单位`,
  },
  sum_overflow: {
    en: (p) =>
      `the members' emissions in ${p.year} add up to more than the largest number a spreadsheet holds (about 1.8E+308): check the values and their unit`,
    zh: (p) => `${p.year} 年各成员排放量之和超过电子表格可容纳的最大数值（约 1.8E+308）：请检查数值及其单位`,
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
  // --- peaks: data sufficiency and what a peak rests on (docs/peaks.md) ---
  too_few_points: {
    en: (p) => `only ${p.points} ${p.points === 1 ? "value" : "values"} (${p.first}–${p.last}); a peak call needs at least ${p.min} (min_points)`,
    zh: (p) => `仅有 ${p.points} 个数值（${p.first}–${p.last}）；判断达峰至少需要 ${p.min} 个（min_points）`,
  },
  too_few_common_years: {
    en: (p) =>
      `the members share only ${p.points} ${p.points === 1 ? "year" : "years"} with a value (${p.first}–${p.last}); a cluster peak needs at least ${p.min}`,
    zh: (p) => `所有成员均有数据的年份仅有 ${p.points} 个（${p.first}–${p.last}）；判断城市群达峰至少需要 ${p.min} 个`,
  },
  cluster_years: {
    en: (p) =>
      `rests on the ${p.count} years all ${p.members} members have (${p.years})` +
      (Number(p.missingYears) > 0 ? `; ${p.missingYears} other years are left out because a member has no value — ${p.perMember}` : ""),
    zh: (p) =>
      `依据全部 ${p.members} 个成员均有数据的 ${p.count} 个年份（${p.years}）` +
      (Number(p.missingYears) > 0
        ? `；另有 ${p.missingYears} 个年份因成员缺少数据未计入——${zhList(zhList(zhList(p.perMember, "; ", "；"), " (", "（"), ")", "）")}`
        : ""),
  },
  cluster_year_missing: {
    en: (p) => `${p.year}: ${p.members} ${p.count === 1 ? "has" : "have"} no value; the cluster total leaves ${p.year} out`,
    zh: (p) => `${p.year} 年：${zhList(p.members)}（${p.count} 个成员）缺少数据；城市群合计不含该年`,
  },
  cluster_member_beyond: {
    en: (p) =>
      `reported as of ${p.last}, the last year every member has; ${p.member} has values to ${p.memberLast}` +
      (p.above
        ? `, above its ${p.last} value in ${p.above}${p.status === "unconfirmed" ? " — so the cluster is unconfirmed, not peaked" : ""}`
        : `, none above its ${p.last} value`),
    zh: (p) =>
      `按 ${p.last} 年（所有成员均有数据的最后一年）报告；${p.member} 的数据延续到 ${p.memberLast} 年` +
      (p.above
        ? `，在 ${p.above} 年高于其 ${p.last} 年的值${p.status === "unconfirmed" ? "，因此城市群不能判定为已达峰（unconfirmed）" : ""}`
        : `，均未超过其 ${p.last} 年的值`),
  },
  cluster_member_unknown: {
    en: (p) => `${v(p)} is not a city of the inventory${p.suggest ? ` (did you mean ${p.suggest}?)` : ""}; cities: ${p.known}`,
    zh: (p) => `${v(p)} 不是清单中的城市${p.suggest ? `（是否指 ${zhList(p.suggest)}？）` : ""}；清单城市：${p.known}`,
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
  // --- decomposition (LMDI, Kaya) ---
  negative_factor: {
    en: (p) => `${v(p)} is negative; LMDI factors must be zero or more`,
    zh: (p) => `${v(p)} 为负数；LMDI 分解因素必须大于或等于 0`,
  },
  ragged_matrix: {
    en: (p) => `row ${p.row} has ${p.actual} values but the first row has ${p.expected}`,
    zh: (p) => `第 ${p.row} 行有 ${p.actual} 个值，而第 1 行有 ${p.expected} 个`,
  },
  shape_mismatch: {
    en: (p) => `is ${p.rows} × ${p.columns}, but ${p.other} is ${p.expectedRows} × ${p.expectedColumns}; they must have the same shape`,
    zh: (p) => `为 ${p.rows} × ${p.columns}，而 ${p.other} 为 ${p.expectedRows} × ${p.expectedColumns}；两者形状必须一致`,
  },
  lmdi_zero_total: {
    en: (p) => `the ${p.year} total is 0, so the multiplicative index V1/V0 is undefined; use mode "additive"`,
    zh: (p) => `${p.year} 合计为 0，乘法指数 V1/V0 无定义；请使用 "additive"（加法）模式`,
  },
  lmdi_zero_split: {
    en: (p) => `row ${p.row} has zeros in factors ${p.factors}; the limit is split equally among them`,
    zh: (p) => `第 ${p.row} 行的因素 ${p.factors} 均为 0；极限值在这些因素之间平均分配`,
  },
  lmdi_mode: {
    en: (p) => `${v(p)} is not a decomposition mode: use "additive" (加法) or "multiplicative" (乘法)`,
    zh: (p) => `${v(p)} 不是分解模式：请使用 "additive"（加法）或 "multiplicative"（乘法）`,
  },
  kaya_not_positive: {
    en: (p) => `${v(p)} must be greater than 0 (the Kaya identity divides by it)`,
    zh: (p) => `${v(p)} 必须大于 0（Kaya 恒等式以其为除数）`,
  },
  // --- indicators over a window of years and the Kaya decomposition (src/engine/window.ts, cumulative.ts,
  //     intensity.ts, decomposition/kaya.ts; CARBON.CUMULATIVE, INTENSITYCHANGE, KAYA) ---
  window_outside: {
    en: (p) => `${v(p)} is outside the series, which has values from ${p.first} to ${p.last}`,
    zh: (p) => `${v(p)} 超出序列范围（有数值的年份为 ${p.first}–${p.last}）`,
  },
  window_gap: {
    en: (p) => `has no value for ${p.years} inside ${p.from}–${p.to}; every year of the window needs one (a blank is a gap, not a zero)`,
    zh: (p) => `在 ${p.from}–${p.to} 内缺少 ${p.years} 年的数值；窗口内每一年都需要数值（空白表示缺失，不是零）`,
  },
  year_not_in_series: {
    en: (p) => `${v(p)} is not one of the years (${p.first}–${p.last})`,
    zh: (p) => `${v(p)} 不在年份之中（${p.first}–${p.last}）`,
  },
  year_value_blank: {
    en: (p) => `is blank, but ${p.year} needs a value here (a blank is a gap, not a zero)`,
    zh: (p) => `为空，但此处需要 ${p.year} 年的数值（空白表示缺失，不是零）`,
  },
  intensity_zero_base: {
    en: (p) => `is 0 in ${p.year}, so there is no relative change of the intensity against ${p.year}; choose another from_year`,
    zh: (p) => `${p.year} 年为 0，无法计算相对于 ${p.year} 年的强度变化；请另选 from_year`,
  },
  kaya_zero_divisor: {
    en: (p) => `${v(p)} in ${p.year}, but ${p.divisor} is 0 that year: ${KAYA_RATIO[String(p.factor)]?.en ?? p.factor} would be infinite`,
    zh: (p) => `${p.year} 年为 ${v(p)}，但该年 ${p.divisor} 为 0：${KAYA_RATIO[String(p.factor)]?.zh ?? p.factor}将为无穷大`,
  },
  // --- inventories (src/engine/inventory) ---
  inventory_empty: { en: (p) => `sheet ${showValue(p.sheet)} is empty`, zh: (p) => `工作表 ${showValue(p.sheet)} 为空` },
  inventory_layout_unknown: {
    en: (p) =>
      `no inventory layout recognised in sheet ${showValue(p.sheet)}. Expected a header row with ${p.city} and either ` +
      `${p.year} + ${p.emissions} columns (long: one row per city and year), or year columns such as 2005, 2006 … ` +
      `(wide: one row per city), or ${p.sector} down and fuels across with a TotalEmissions row (sector × fuel matrix); ` +
      `${p.unit} is optional. Found: ${p.found ? p.found : "no text"}`,
    zh: (p) =>
      `工作表 ${showValue(p.sheet)} 中未识别出清单格式。应有一行表头：含 ${p.cityZh}，并有 ${p.yearZh} 和 ${p.emissionsZh} 列` +
      `（长表：每个城市每年一行），或有 2005、2006 … 这样的年份列（宽表：每个城市一行）；或 ${p.sectorZh} 向下、燃料向右并含` +
      ` TotalEmissions 行（部门×燃料矩阵）；${p.unitZh} 列可选。实际内容：${p.found ? p.found : "无文字"}`,
  },
  inventory_no_values: { en: () => `no emission values under this header`, zh: () => `该表头下没有排放数值` },
  inventory_city_blank: { en: () => `the city is blank on a row with values`, zh: () => `该行有数值，但城市为空` },
  inventory_sector_blank: { en: () => `the sector is blank on a row with values`, zh: () => `该行有数值，但部门为空` },
  inventory_duplicate_entry: {
    en: (p) => `${p.city}${p.sector !== undefined ? ` / ${p.sector}` : ""} ${p.year} is given twice (first at ${p.first})`,
    zh: (p) => `${p.city}${p.sector !== undefined ? ` / ${p.sector}` : ""} ${p.year} 年的数值重复出现（首次在 ${p.first}）`,
  },
  inventory_duplicate_row: {
    en: (p) =>
      `${p.city}${p.sector !== undefined ? ` / ${p.sector}` : ""}${p.year !== undefined ? ` ${p.year}` : ""} appears on a second row (first at ${p.first}); keep one`,
    zh: (p) =>
      `${p.city}${p.sector !== undefined ? ` / ${p.sector}` : ""}${p.year !== undefined ? ` ${p.year} 年` : ""} 出现在第二行（首次在 ${p.first}）；请只保留一行`,
  },
  inventory_year_duplicate: {
    en: (p) => `year ${p.year} heads a second column (first at ${p.first})`,
    zh: (p) => `年份 ${p.year} 出现在第二列表头（首次在 ${p.first}）`,
  },
  inventory_unit_missing: {
    en: (p) =>
      `no unit stated: choose one with ${p.chooser ?? "the unit chooser"} (t, 万t, Mt, 亿t …), add a Unit/单位 column or a units row, or name it in the header (e.g. "Emissions (Mt)")`,
    zh: (p) => `未注明单位：请用${p.chooser ?? "单位选择框"}选择单位（t、万t、Mt、亿t …），或添加 单位/Unit 列或单位行，或在表头注明（如“排放量（万吨）”）`,
  },
  inventory_unit_blank: { en: () => `the unit is blank (t, 万t, Mt …)`, zh: () => `单位为空（t、万t、Mt …）` },
  inventory_unit_not_mass: {
    en: (p) => `${v(p)} is not an emissions unit; use a mass unit (t, 万t, Mt, 亿t)`,
    zh: (p) => `${v(p)} 不是排放量单位；请使用质量单位（t、万t、Mt、亿t）`,
  },
  inventory_matrix_year: {
    en: (p) =>
      `the year of this sector × fuel matrix is unknown: name the sheet like "Hunan2019", put the year in a title row, or choose it${p.chooser !== undefined ? ` with ${p.chooser}` : ""}`,
    zh: (p) =>
      `无法确定该部门×燃料矩阵的年份：请将工作表命名为“Hunan2019”这样的形式、在标题行中写明年份，或${p.chooser !== undefined ? `用 ${p.chooser} ` : "手动"}选择`,
  },
  inventory_total_mismatch: {
    en: (p) =>
      `${p.label ?? "TotalEmissions"} ${p.total}${p.unit ? ` ${p.unit}` : ""} differs from the sum ${p.range !== undefined ? `of ${p.range}` : "of the sectors"}, ${p.sum}${p.unit ? ` ${p.unit}` : ""}, by ${p.percent}%`,
    zh: (p) =>
      `${p.label ?? "TotalEmissions"} ${p.total}${p.unit ? ` ${p.unit}` : ""} 与${p.range !== undefined ? ` ${p.range} ` : "各部门"}之和 ${p.sum}${p.unit ? ` ${p.unit}` : ""} 相差 ${p.percent}%`,
  },
  inventory_not_found: {
    en: (p) =>
      p.sheets
        ? `no sheet looks like an emissions inventory (checked: ${p.sheets})`
        : "no emissions inventory: the workbook has no sheet besides the scenario sheets",
    zh: (p) => (p.sheets ? `没有工作表像是排放清单（已检查：${p.sheets}）` : "没有排放清单：工作簿中除情景工作表外没有其他工作表"),
  },
  inventory_several: {
    en: (p) => `several sheets look like inventories; using ${p.used} (also: ${p.others})`,
    zh: (p) => `多个工作表像是排放清单；使用 ${p.used}（另有：${p.others}）`,
  },
  // --- workbook access (src/workbook) ---
  sheet_not_found: { en: (p) => `sheet ${showValue(p.sheet)} does not exist`, zh: (p) => `工作表 ${showValue(p.sheet)} 不存在` },
  table_not_found: { en: (p) => `there is no table named ${showValue(p.name)}`, zh: (p) => `不存在名为 ${showValue(p.name)} 的表格` },
  sheet_not_owned: {
    en: (p) => `sheet ${showValue(p.sheet)} was not created by the add-in; it writes only into its own sheets, never over your cells`,
    zh: (p) => `工作表 ${showValue(p.sheet)} 不是本加载项创建的；加载项只写入自己的工作表，绝不覆盖您的单元格`,
  },
  sheet_name_taken: {
    en: (p) => `a sheet named ${showValue(p.sheet)} already exists and is yours; choose another name for the add-in's output`,
    zh: (p) => `已存在名为 ${showValue(p.sheet)} 的工作表且属于您；请为加载项的输出另选名称`,
  },
  sheet_name_invalid: {
    en: (p) => `${v(p)} is not a valid sheet name (1–31 characters, none of : \\ / ? * [ ], not starting or ending with ')`,
    zh: (p) => `${v(p)} 不是有效的工作表名称（1–31 个字符，不含 : \\ / ? * [ ]，且不以 ' 开头或结尾）`,
  },
  table_name_taken: {
    en: (p) => `a table named ${showValue(p.name)} already exists on sheet ${showValue(p.sheet)}, which the add-in does not own`,
    zh: (p) => `名为 ${showValue(p.name)} 的表格已存在于工作表 ${showValue(p.sheet)}，该工作表不属于本加载项`,
  },
  table_name_invalid: {
    en: (p) => `${v(p)} is not a valid table name (letters, digits, _ and ., starting with a letter or _, not like a cell address)`,
    zh: (p) => `${v(p)} 不是有效的表格名称（字母、数字、_ 和 .，以字母或 _ 开头，且不能像单元格地址）`,
  },
  table_shape: {
    en: (p) => `row ${p.row} has ${p.actual} values but the header has ${p.expected} columns`,
    zh: (p) => `第 ${p.row} 行有 ${p.actual} 个值，而表头有 ${p.expected} 列`,
  },
  formula_invalid: {
    en: (p) => `${v(p)} is not a formula: write it as typed in Excel, starting with "=" (at most ${p.max} characters)`,
    zh: (p) => `${v(p)} 不是公式：请按在 Excel 中输入的样子书写，以“=”开头（最多 ${p.max} 个字符）`,
  },
  formula_count: {
    en: (p) => `the formulas of column ${v(p)} cover ${p.actual} rows but the table has ${p.expected}`,
    zh: (p) => `列 ${v(p)} 的公式覆盖 ${p.actual} 行，而表格有 ${p.expected} 行`,
  },
  formula_column_twice: {
    en: (p) => `the formulas of column ${v(p)} are given twice`,
    zh: (p) => `列 ${v(p)} 的公式被给出了两次`,
  },
  address_invalid: {
    en: (p) => `${v(p)} is not a cell or range address (e.g. A1 or B2:D9)`,
    zh: (p) => `${v(p)} 不是单元格或区域地址（如 A1 或 B2:D9）`,
  },
  workbook_error: {
    en: (p) => `the workbook could not be read or written (${p.detail})`,
    zh: (p) => `无法读取或写入工作簿（${p.detail}）`,
  },
  settings_invalid: {
    en: (p) => `the add-in settings stored in the workbook are not valid (${p.detail})`,
    zh: (p) => `工作簿中保存的加载项设置无效（${p.detail}）`,
  },
  // --- app workflow and CLI (src/app, src/cli) ---
  /** One code for every Cancel: `during` "inventory" (reading the inventory), "draws" (the Monte Carlo, with `done` of `draws`), else the run. */
  cancelled: {
    en: (p) =>
      p.during === "inventory"
        ? `reading the inventory was cancelled; nothing was changed`
        : p.during === "draws"
          ? `the Monte Carlo run was stopped after ${p.done} of ${p.draws} draws`
          : `the run was cancelled; nothing was written`,
    zh: (p) =>
      p.during === "inventory"
        ? `已取消读取排放清单；未做任何更改`
        : p.during === "draws"
          ? `蒙特卡洛模拟在完成 ${p.draws} 次抽样中的 ${p.done} 次后被停止`
          : `运行已取消；未写入任何内容`,
  },
  scenario_sheet_missing: {
    en: (p) => `the ${p.role} sheet (${p.names}) is missing: create the scenario sheets from the template (task pane, or carbon-peak template)`,
    zh: (p) => `缺少${p.role}工作表（${p.names}）：请用模板创建情景工作表（任务窗格，或 carbon-peak template）`,
  },
  scenario_header_missing: {
    en: (p) => `no header row with the columns ${p.expected} in sheet ${showValue(p.sheet)} (first 20 rows searched)`,
    zh: (p) => `工作表 ${showValue(p.sheet)} 的前 20 行中没有包含 ${p.expected} 列的表头行`,
  },
  column_duplicate: {
    en: (p) => `${v(p)} heads a second column for the same field (first at ${p.first})`,
    zh: (p) => `${v(p)} 是同一字段的第二个列标题（首次在 ${p.first}）`,
  },
  inventory_base_year: {
    en: (p) => `the inventory has no values for the base year ${p.year} (it has ${p.years})`,
    zh: (p) => `清单中没有基准年 ${p.year} 的数值（已有年份：${p.years}）`,
  },
  usage: { en: (p) => `${p.detail}; see --help`, zh: (p) => `${p.detail}；请参阅 --help` },
  file_not_found: { en: (p) => `file ${file(p)} does not exist`, zh: (p) => `文件 ${file(p)} 不存在` },
  file_unreadable: {
    en: (p) => `file ${file(p)} could not be read (${p.detail})`,
    zh: (p) => `无法读取文件 ${file(p)}（${p.detail}）`,
  },
  file_unwritable: {
    en: (p) => `file ${file(p)} could not be written (${p.detail})`,
    zh: (p) => `无法写入文件 ${file(p)}（${p.detail}）`,
  },
  cluster_spec_invalid: {
    en: (p) => `${v(p)} is not a cluster: write NAME=city1,city2,… with cities of the inventory (${p.known})`,
    zh: (p) => `${v(p)} 不是有效的城市群：请写成 名称=城市1,城市2,…，城市须在清单中（${p.known}）`,
  },
  // --- scenario (scenario engine adds its codes below this line) ---
  required: { en: () => `is required but blank or missing`, zh: () => `为必填项，但为空或缺失` },
  not_a_list: { en: () => `must be a list (a range of cells)`, zh: () => `必须是列表（单元格区域）` },
  not_integer: { en: (p) => `${v(p)} is not a whole number`, zh: (p) => `${v(p)} 不是整数` },
  wrong_type: {
    en: (p) => `expected ${p.expected}, got ${p.received}`,
    zh: (p) => `应为 ${p.expected}，实际为 ${p.received}`,
  },
  invalid_choice: {
    en: (p) => `${v(p)} is not one of: ${p.expected}`,
    zh: (p) => `${v(p)} 不是以下之一：${p.expected}`,
  },
  unknown_field: {
    en: (p) => `${v(p)} is not a known field (check the column header's spelling)`,
    zh: (p) => `${v(p)} 不是可识别的字段（请检查列标题拼写）`,
  },
  invalid_field: { en: (p) => `is invalid (${p.detail})`, zh: (p) => `无效（${p.detail}）` },
  share_range: {
    en: (p) => `${v(p)} is not a share between 0 and 1 (write 0.28 for 28%)`,
    zh: (p) => `${v(p)} 不是 0 到 1 之间的比例（28% 应写作 0.28）`,
  },
  rate_range: {
    en: (p) => `${v(p)} is not a yearly rate between −1 and 1 (write 0.02 for +2%/yr)`,
    zh: (p) => `${v(p)} 不是 −1 到 1 之间的年增长率（+2%/年 应写作 0.02）`,
  },
  pp_range: {
    en: (p) => `${v(p)} is not a number of percentage points between 0 and 100`,
    zh: (p) => `${v(p)} 不是 0 到 100 之间的百分点数`,
  },
  elasticity_range: {
    en: (p) => `${v(p)} is not an elasticity per percentage point from 0 to below 1 (0.01 = 1% per pp)`,
    zh: (p) => `${v(p)} 不是 0 到 1（不含）之间的每百分点弹性（0.01 表示每百分点 1%）`,
  },
  must_be_nonnegative: {
    en: (p) => `${v(p)} is negative; it must be zero or more`,
    zh: (p) => `${v(p)} 为负数；必须大于或等于 0`,
  },
  activity_not_positive: {
    en: (p) =>
      p.city !== undefined
        ? `${p.activity} of ${p.city} is ${v(p)}; an intensity needs an activity above 0`
        : `${v(p)}: an intensity needs an activity above 0`,
    zh: (p) => (p.city !== undefined ? `${p.city} 的 ${p.activity} 为 ${v(p)}；计算强度需要大于 0 的活动水平` : `${v(p)}：计算强度需要大于 0 的活动水平`),
  },
  unknown_mass_unit: {
    en: (p) => `${v(p)} is not a known emissions unit (t, 万t, Mt, 亿t, kt, Gt)`,
    zh: (p) => `${v(p)} 不是可识别的排放量单位（t、万t、Mt、亿t、kt、Gt）`,
  },
  unknown_shape: {
    en: (p) => `${v(p)} is not a ramp shape (linear, s-curve, step)`,
    zh: (p) => `${v(p)} 不是可识别的爬坡形状（linear 线性、s-curve S型、step 阶跃）`,
  },
  year_order: {
    en: (p) => `${v(p)} is before ${yearName(p.after, "en")} (${p.year})`,
    zh: (p) => `${v(p)} 早于${yearName(p.after, "zh")}（${p.year}）`,
  },
  target_outside: {
    en: (p) => `target year ${v(p)} is outside the projection ${p.from}–${p.to}`,
    zh: (p) => `目标年份 ${v(p)} 不在预测期 ${p.from}–${p.to} 之内`,
  },
  horizon_range: {
    en: (p) => `${v(p)} is more than ${p.max} years after the base year ${p.year}`,
    zh: (p) => `${v(p)} 比基准年 ${p.year} 晚 ${p.max} 年以上`,
  },
  rates_count: {
    en: (p) => `has ${p.actual} rates: without period_ends give one rate (all years) or one per year (${p.expected})`,
    zh: (p) => `有 ${p.actual} 个增长率：未给出 period_ends 时，应给出 1 个（适用于所有年份）或每年 1 个（${p.expected} 个）`,
  },
  period_end_before_base: {
    en: (p) => `period end ${v(p)} is not after the base year ${p.year}`,
    zh: (p) => `时期终止年 ${v(p)} 不晚于基准年 ${p.year}`,
  },
  period_ends_order: {
    en: (p) => `period end ${v(p)} is not after the previous one (${p.previous}); period ends must increase`,
    zh: (p) => `时期终止年 ${v(p)} 不晚于上一个（${p.previous}）；时期终止年必须递增`,
  },
  last_rate_continues: {
    en: (p) => `the last period ends in ${p.year}; its rate ${p.rate} continues to ${p.to}`,
    zh: (p) => `最后一个时期止于 ${p.year} 年；其增长率 ${p.rate} 延续至 ${p.to} 年`,
  },
  targets_invalid: {
    en: (p) => `${v(p)} is not "all" or a list of names (e.g. "长沙, 株洲")`,
    zh: (p) => `${v(p)} 既不是"全部"（all），也不是名称列表（如"长沙, 株洲"）`,
  },
  param_not_for_kind: {
    en: (p) => `${p.param} does not apply to a ${p.kind} lever; leave it blank`,
    zh: (p) => `${p.param} 不适用于 ${p.kind} 类措施；请留空`,
  },
  lever_in_baseline: {
    en: (p) => `${v(p)} is the baseline scenario, which has drivers only; put levers in another scenario`,
    zh: (p) => `${v(p)} 是基准情景，只含驱动因素；请将减排措施放入其他情景`,
  },
  lever_before_base: {
    en: (p) => `start year ${v(p)} is before the base year ${p.year}; the base year is the inventory as observed`,
    zh: (p) => `起始年 ${v(p)} 早于基准年 ${p.year}；基准年为实际清单值`,
  },
  unknown_city: {
    en: (p) => `${v(p)} is not a city of the inventory (${p.known})`,
    zh: (p) => `${v(p)} 不是清单中的城市（${p.known}）`,
  },
  unknown_sector: {
    en: (p) => `${v(p)} is not a sector of the inventory (${p.known})`,
    zh: (p) => `${v(p)} 不是清单中的部门（${p.known}）`,
  },
  unknown_activity: {
    en: (p) => `${v(p)} is not an activity of the Activities table (${p.known || "none"})`,
    zh: (p) => `${v(p)} 不是活动水平表中的活动（${p.known || "无"}）`,
  },
  unknown_variable: {
    en: (p) => `${v(p)} is neither a driver variable (${p.variables}) nor an activity (${p.known})`,
    zh: (p) => `${v(p)} 既不是驱动变量（${p.variables}）也不是活动水平（${p.known}）`,
  },
  unknown_scenario: {
    en: (p) => `${v(p)} is not a scenario (${p.known})`,
    zh: (p) => `${v(p)} 不是已有情景（${p.known}）`,
  },
  reserved_name: {
    en: (p) => `${v(p)} is reserved for ${p.variable ?? "emissions"}; name the activity differently`,
    zh: (p) => `${v(p)} 为${p.variable ?? "排放量"}保留名称；请为活动水平另取名称`,
  },
  activity_missing: {
    en: (p) => `${p.city} has no ${p.activity} row in the Activities table`,
    zh: (p) => `活动水平表中没有 ${p.city} 的 ${p.activity}`,
  },
  activity_no_intensity: {
    en: (p) => `${p.activity} of ${p.city} has no intensity (emissions per unit), which an activity lever needs`,
    zh: (p) => `${p.city} 的 ${p.activity} 没有单位排放强度，活动水平类措施需要该值`,
  },
  activity_capped: {
    en: (p) =>
      `lever ${p.name}: in ${p.city} from ${p.year} the emissions per unit × ${p.activity} exceed the sector emissions; the share linked to ${p.activity} is capped at 100%`,
    zh: (p) => `措施 ${p.name}：${p.city} 自 ${p.year} 年起单位排放强度 × ${p.activity} 超过部门排放；与 ${p.activity} 相关的比例按 100% 封顶`,
  },
  duplicate_row: {
    en: (p) => `${p.key} is given twice (also in entry ${p.other})`,
    zh: (p) => `${p.key} 重复出现（另见第 ${p.other} 条）`,
  },
  inventory_missing: {
    en: (p) =>
      p.years === true
        ? `${p.pairs ?? p.count} city × sector ${(p.pairs ?? p.count) === 1 ? "pair has no inventory row in years its city has" : "pairs have no inventory row in years their city has"} (${p.count} values in all) and ${(p.pairs ?? p.count) === 1 ? "counts" : "count"} as 0 there (e.g. ${p.example})`
        : `${p.pairs ?? p.count} city × sector ${(p.pairs ?? p.count) === 1 ? "pair has no inventory row and counts" : "pairs have no inventory row and count"} as 0 (e.g. ${p.example})`,
    zh: (p) =>
      p.years === true
        ? `${p.pairs ?? p.count} 个城市 × 部门组合在其城市有数据的年份中缺少清单数据（共 ${p.count} 个数值），这些年份按 0 计（如 ${p.example}）`
        : `${p.pairs ?? p.count} 个城市 × 部门组合没有清单数据，按 0 计（如 ${p.example}）`,
  },
  driver_overlap: {
    en: (p) => `covers ${p.year}, which entry ${p.other} at the same level already covers; periods of one level must not overlap`,
    zh: (p) => `覆盖 ${p.year} 年，而同一层级的第 ${p.other} 条已覆盖该年；同一层级的时期不能重叠`,
  },
  driver_uncovered: {
    en: (p) => `no ${p.variable} growth rate covers ${p.from}–${p.to} for ${p.series} series; they stay flat (rate 0) in those years`,
    zh: (p) => `${p.from}–${p.to} 年有 ${p.series} 条序列没有 ${p.variable} 增长率；这些年份按 0 增长处理`,
  },
  driver_sector_for_activity: {
    en: (p) => `activity drivers (${p.variable}) apply to cities, not sectors; leave sector blank`,
    zh: (p) => `活动水平驱动因素（${p.variable}）按城市设定，不分部门；请将部门留空`,
  },
  lever_inconsistent: {
    en: (p) => `lever ${p.name} has several rows (milestones) that differ here (first row: entry ${p.other}); only value and years may differ`,
    zh: (p) => `措施 ${p.name} 的多行（里程碑）在此处不一致（首行：第 ${p.other} 条）；只有数值和年份可以不同`,
  },
  milestone_overlap: {
    en: (p) => `milestone starts in ${v(p)}, before the previous milestone (entry ${p.other}) reaches full effect in ${p.year}`,
    zh: (p) => `里程碑起始于 ${v(p)} 年，早于上一里程碑（第 ${p.other} 条）完全生效的 ${p.year} 年`,
  },
  coordination_pair: {
    en: () => `name both the independent and the coordinated scenario (two different scenarios) to get the benefit of coordination`,
    zh: () => `需同时指定独立情景和协同情景（两个不同情景）才能计算协同效益`,
  },
  // --- driver-based scenarios: history, Kaya drivers, socio-economic levels, indicators, targets
  //     (src/engine/scenario/history.ts, growth.ts, socio.ts, indicators.ts, targets.ts; docs/model.md §3–§12) ---
  unknown_shock_mode: {
    en: (p) =>
      `${v(p)} is not a Monte Carlo shock mode: independent (独立: every Drivers row drawn on its own) or shared (按变量共享: one draw per variable for all its rows)`,
    zh: (p) => `${v(p)} 不是可识别的冲击方式：独立（independent：每行单独抽样）或 按变量共享（shared：同一变量的各行共用一次抽样）`,
  },
  unknown_socio_variable: {
    en: (p) => `${v(p)} is not a socio-economic variable: population (人口), gdp (地区生产总值) or energy (能源消费)`,
    zh: (p) => `${v(p)} 不是可识别的社会经济变量：人口（population）、地区生产总值（gdp）或能源消费（energy）`,
  },
  unknown_target_kind: {
    en: (p) =>
      `${v(p)} is not a target kind: peak_by (达峰年份), peak_cap (峰值上限), intensity_decline (单位GDP二氧化碳排放下降), energy_intensity_decline (单位GDP能耗下降) or budget (碳预算)`,
    zh: (p) =>
      `${v(p)} 不是可识别的目标类型：达峰年份（peak_by）、峰值上限（peak_cap）、单位GDP二氧化碳排放下降（intensity_decline）、单位GDP能耗下降（energy_intensity_decline）或 碳预算（budget）`,
  },
  socio_unit_unknown: {
    en: (p) => `${v(p)} is not a unit of ${p.variable} (use ${p.expected}; GDP at constant prices)`,
    zh: (p) => `${v(p)} 不是 ${p.variable} 的单位（请使用 ${p.expected}；GDP 按可比价）`,
  },
  socio_sector_not_energy: {
    en: (p) => `${p.variable} is a city total: leave the sector blank (only energy may be given by sector)`,
    zh: (p) => `${p.variable} 为城市合计：请将部门留空（只有能源消费可按部门填写）`,
  },
  socio_total_and_sectors: {
    en: (p) => `${p.city} ${p.year}: energy is given both as a city total and by sector (entry ${p.other}); give one of them`,
    zh: (p) => `${p.city} ${p.year} 年：能源消费既有城市合计又有分部门数据（第 ${p.other} 条）；请只保留一种`,
  },
  socio_unused: {
    en: (p) =>
      `${p.count} socio-economic values ${p.after === true ? `after the last historical year ${p.year}` : `before the base year ${p.year}`} are not used (e.g. ${p.example}): ${p.after === true ? "after it the drivers project the levels" : "the results start in the base year"}`,
    zh: (p) =>
      `${p.count} 个社会经济数值${p.after === true ? `晚于最后历史年 ${p.year}` : `早于基准年 ${p.year}`}，未被使用（如 ${p.example}）：${p.after === true ? "该年之后的水平由驱动因素推算" : "结果从基准年开始"}`,
  },
  history_year_outside: {
    en: (p) => `last historical year ${v(p)} is outside the results ${p.from}–${p.to}`,
    zh: (p) => `最后历史年 ${v(p)} 不在结果年份 ${p.from}–${p.to} 之内`,
  },
  history_no_common_year: {
    en: (p) =>
      `no year from ${p.from} on has a value for every city (${p.spans}): name the last historical year in Settings and, for the cities that end earlier, choose the fill rule "carry forward"`,
    zh: (p) => `${p.from} 年以后没有任何一年所有城市都有数值（${p.spans}）：请在参数表中指定最后历史年，并对数据较早结束的城市选择填补规则“延用最近实测值”`,
  },
  history_default: {
    en: (p) =>
      `last historical year ${p.year} (the latest year every city has; Settings → Last historical year): results ${p.from}–${p.year} are measured, ${p.next}–${p.to} projected`,
    zh: (p) => `最后历史年 ${p.year}（所有城市都有数据的最近年份；可在参数表“最后历史年”中指定）：${p.from}–${p.year} 年为实测，${p.next}–${p.to} 年为预测`,
  },
  history_filled: {
    en: (p) => `fill rule carry forward: ${p.count} values of ${p.year} are the last measured ones (${p.list}), marked as filled in the results`,
    zh: (p) => `填补规则“延用最近实测值”：${p.year} 年有 ${p.count} 个数值沿用最近实测值（${p.list}），结果中标注为填补值`,
  },
  inventory_after_history: {
    en: (p) => `${p.city} has measured values in ${p.years}, after the last historical year ${p.year}; they are not used (the results there are projected)`,
    zh: (p) => `${p.city} 在 ${p.years} 年有实测值，晚于最后历史年 ${p.year}，未被使用（这些年份的结果为预测值）`,
  },
  driver_in_history: {
    en: (p) => `this growth row ends in ${v(p)}, in the measured years (up to ${p.year}): it would be ignored; drivers act only after the last historical year`,
    zh: (p) => `该增长率行止于 ${v(p)} 年，处于实测年份（截至 ${p.year} 年）内，将被忽略；驱动因素仅作用于最后历史年之后`,
  },
  driver_partly_history: {
    en: (p) => `this growth row starts in ${v(p)}, but the years up to ${p.year} are measured: it applies from ${p.next}`,
    zh: (p) => `该增长率行始于 ${v(p)} 年，但截至 ${p.year} 年为实测值：从 ${p.next} 年起生效`,
  },
  lever_in_history: {
    en: (p) =>
      `this milestone acts in ${v(p)}${p.shape === "step" ? " (a step)" : ""}, a measured year (up to ${p.year}): levers act only after the last historical year — start it in ${p.year} with a linear or s-curve ramp, or later`,
    zh: (p) =>
      `该里程碑在 ${v(p)} 年${p.shape === "step" ? "（阶跃）" : ""}即起作用，处于实测年份（截至 ${p.year} 年）内：措施仅作用于最后历史年之后——请从 ${p.year} 年以线性或 S 型路径开始，或更晚开始`,
  },
  driver_sector_for_city_variable: {
    en: (p) => `${p.variable} is a city-wide driver: leave the sector blank (${v(p)})`,
    zh: (p) => `${p.variable} 为全市驱动因素：请将部门留空（${v(p)}）`,
  },
  driver_sector_required: {
    en: (p) => `${p.variable} is the share of one sector: name the sector`,
    zh: (p) => `${p.variable} 为某一部门的占比：请填写部门`,
  },
  driver_gdp_both: {
    en: (p) =>
      `${p.city}: GDP and GDP per capita both have a growth rate in ${p.year} (entry ${p.other}); give one of them (GDP per capita = GDP ÷ population)`,
    zh: (p) => `${p.city}：${p.year} 年 GDP 与人均 GDP 都设定了增长率（第 ${p.other} 条）；请只保留一个（人均 GDP = GDP ÷ 人口）`,
  },
  driver_share_with_activity: {
    en: (p) => `${p.city} / ${p.sector} is driven by the activity ${p.activity} (Activities, entry ${p.other}), so its value-added share would be ignored`,
    zh: (p) => `${p.city} / ${p.sector} 由活动水平 ${p.activity} 驱动（活动水平表第 ${p.other} 条），其增加值占比将被忽略`,
  },
  driver_overridden: {
    en: (p) =>
      `this ${p.variable} row is overridden in every year, city and sector it covers by emission growth rows (e.g. entry ${p.other}): it would be ignored — remove one of them`,
    zh: (p) => `该 ${p.variable} 行所覆盖的全部年份、城市和部门都被排放增长率行覆盖（如第 ${p.other} 条），将被忽略——请删除其中之一`,
  },
  driver_partly_overridden: {
    en: (p) =>
      `emission growth rows override this ${p.variable} row in ${p.count} city × sector × year cells (e.g. ${p.example}); there emissions follow the emission growth rows`,
    zh: (p) => `该 ${p.variable} 行有 ${p.count} 个城市 × 部门 × 年份被排放增长率行覆盖（如 ${p.example}）；这些单元格的排放按排放增长率计算`,
  },
  driver_factor_uncovered: {
    en: (p) => `no ${p.variable} growth rate covers ${p.from}–${p.to} for ${p.series} driver-based series; ${p.variable} stays flat there`,
    zh: (p) => `${p.from}–${p.to} 年有 ${p.series} 条按驱动因素计算的序列没有 ${p.variable} 增长率；这些年份 ${p.variable} 保持不变`,
  },
  activity_sector_twice: {
    en: (p) => `${p.city} / ${p.sector} is already driven by the activity ${p.activity} (entry ${p.other}); a sector has one activity`,
    zh: (p) => `${p.city} / ${p.sector} 已由活动水平 ${p.activity} 驱动（第 ${p.other} 条）；一个部门只能有一个活动水平`,
  },
  shared_dist_inconsistent: {
    en: (p) => `with shared shocks every ${p.variable} row with a distribution must use the same distribution (first: entry ${p.other})`,
    zh: (p) => `按变量共享冲击时，${p.variable} 的各行须使用相同的分布（首行：第 ${p.other} 条）`,
  },
  year_setting_outside: {
    en: (p) => `${v(p)} is outside the results ${p.from}–${p.to}${p.hint !== undefined ? ` (${p.hint})` : ""}`,
    zh: (p) => `${v(p)} 不在结果年份 ${p.from}–${p.to} 之内${p.hintZh !== undefined ? `（${p.hintZh}）` : ""}`,
  },
  level_missing: {
    en: (p) =>
      `${p.city} has no ${p.variable} for ${p.year}, the last historical year (Socioeconomic sheet): the indicators that need it are blank after ${p.year}`,
    zh: (p) => `${p.city} 缺少最后历史年 ${p.year} 的${p.variableZh}（社会经济表）：依赖该值的指标在 ${p.year} 年之后为空`,
  },
  decomposition_target_in_history: {
    en: (p) => `the target year ${p.target} is not after the last historical year ${p.year}: no decomposition (it splits the projected change from ${p.year})`,
    zh: (p) => `目标年 ${p.target} 不晚于最后历史年 ${p.year}：不做分解（分解的是 ${p.year} 年起的预测变化）`,
  },
  target_region_unknown: {
    en: (p) => `${v(p)} is neither a city nor the cluster (${p.known})`,
    zh: (p) => `${v(p)} 既不是城市也不是城市群（${p.known}）`,
  },
  target_still_rising: {
    en: (p) => `${p.region} is still rising in ${p.year}, the end of the results: no peak yet`,
    zh: (p) => `${p.region} 至结果末年 ${p.year} 仍在上升：尚未达峰`,
  },
  target_no_data: {
    en: (p) => `${p.what} is not known for ${p.region} in ${p.years}`,
    zh: (p) => `${p.region} ${p.years} 年的${p.whatZh}未知`,
  },
  // --- uncertainty (src/engine/uncertainty) ---
  unknown_dist: {
    en: (p) => `${v(p)} is not a distribution: use normal (正态), triangular (三角) or uniform (均匀)`,
    zh: (p) => `${v(p)} 不是可识别的分布：请使用 正态（normal）、三角（triangular）或 均匀（uniform）`,
  },
  dist_param_without_dist: {
    en: (p) => `${p.param} is given but the row has no distribution; fill in the distribution or leave ${p.param} blank`,
    zh: (p) => `填写了 ${p.param}，但该行没有分布；请填写分布，或将 ${p.param} 留空`,
  },
  param_not_for_dist: {
    en: (p) => `${p.param} does not apply to a ${p.dist} distribution (normal takes sd; triangular and uniform take min and max); leave it blank`,
    zh: (p) => `${p.param} 不适用于${p.dist}分布（正态分布填标准差；三角分布和均匀分布填最小值和最大值）；请留空`,
  },
  dist_bounds: {
    en: (p) => `min ${p.min} and max ${p.max} must satisfy min ≤ ${p.value === "" || p.value === undefined ? "" : `the value (${p.value}) ≤ `}max`,
    zh: (p) => `最小值 ${p.min} 与最大值 ${p.max} 须满足 最小值 ≤ ${p.value === "" || p.value === undefined ? "" : `数值（${p.value}）≤ `}最大值`,
  },
  dist_inconsistent: {
    en: (p) => `lever ${p.name}: every row (milestone) must use the same distribution (first row: entry ${p.other})`,
    zh: (p) => `措施 ${p.name}：各行（里程碑）须使用相同的分布（首行：第 ${p.other} 条）`,
  },
  mc_clipped: {
    en: (p) =>
      `${p.count} of ${p.total} drawn values fell outside their valid range (growth rates −1…1, shares 0…1, percentage points 0…100) and were set to the nearest bound`,
    zh: (p) => `${p.total} 个抽样值中有 ${p.count} 个超出有效范围（增长率 −1…1，比例 0…1，百分点 0…100），已取最近的边界值`,
  },
  mc_no_uncertainty: {
    en: () => `no Drivers or Levers row has a distribution, so every draw equals the deterministic run`,
    zh: () => `驱动因素和减排措施中没有任何一行设定分布，因此每次抽样都与确定性结果相同`,
  },
  mc_stale: {
    en: () => `the scenario sheets or the inventory changed while the Monte Carlo ran; nothing was written — run it again`,
    zh: () => `蒙特卡洛模拟运行期间情景工作表或排放清单已更改；未写入任何内容，请重新运行`,
  },
  // --- files and workbooks (src/workbook, src/cli/xlsx.ts) ---
  formula_uncached: {
    en: (p) => `is a formula${p.formula ? ` (${p.formula})` : ""} with no computed value: open and save the workbook in Excel, or type the value`,
    zh: (p) => `是没有计算结果的公式${p.formula ? `（${p.formula}）` : ""}：请在 Excel 中打开并保存该工作簿，或直接输入数值`,
  },
  more_problems: {
    en: (p) => `… and ${p.count} more problems (--json lists every one)`,
    zh: (p) => `……另有 ${p.count} 个问题（--json 列出全部）`,
  },
  range_too_large: {
    en: (p) =>
      `${p.address} is ${p.cells} cells, more than the ${p.max} one read takes: give the inventory's range (--range, or the Settings sheet's Inventory row), or delete stray cells far from the data`,
    zh: (p) => `${p.address} 共 ${p.cells} 个单元格，超过单次读取上限 ${p.max}：请指定清单区域（--range，或参数表的“清单”行），或删除远离数据的零散单元格`,
  },
  workbook_too_large: {
    en: (p) =>
      `sheet ${showValue(p.sheet)} is ${mb(p.size)} of cell data; with the ${mb(p.read)} already read that passes the ${mb(p.limit)} this tool reads from one workbook: split the workbook, or keep only the sheets it needs`,
    zh: (p) =>
      `工作表 ${showValue(p.sheet)} 的单元格数据为 ${mb(p.size)}，加上已读取的 ${mb(p.read)}，超过本工具从一个工作簿读取的上限 ${mb(p.limit)}：请拆分工作簿，或只保留所需的工作表`,
  },
  workbook_too_many_cells: {
    en: (p) =>
      `sheet ${showValue(p.sheet)} brings the cells read to more than ${p.limit}, the most this tool reads from one workbook: split the workbook, or keep only the sheets it needs`,
    zh: (p) => `读取工作表 ${showValue(p.sheet)} 后单元格数超过 ${p.limit}，即本工具从一个工作簿读取的上限：请拆分工作簿，或只保留所需的工作表`,
  },
  workbook_part_too_large: {
    en: (p) => `${file(p)}: part ${p.part} is ${mb(p.size)} uncompressed, more than the ${mb(p.limit)} this tool reads`,
    zh: (p) => `${file(p)}：部件 ${p.part} 解压后为 ${mb(p.size)}，超过本工具的读取上限 ${mb(p.limit)}`,
  },
  file_is_folder: {
    en: (p) => `${file(p)} is a folder, not an .xlsx workbook`,
    zh: (p) => `${file(p)} 是文件夹，不是 .xlsx 工作簿`,
  },
  file_not_xlsx: {
    en: (p) => `${file(p)} is not an .xlsx workbook (a .csv or .txt file? open it in Excel and save it as Excel Workbook (.xlsx))`,
    zh: (p) => `${file(p)} 不是 .xlsx 工作簿（是 .csv 或 .txt 文件吗？请在 Excel 中打开并另存为“Excel 工作簿 (.xlsx)”）`,
  },
  file_encrypted: {
    en: (p) =>
      `${file(p)} is password-protected: save a copy without a password (File › Info › Protect Workbook › Encrypt with Password, clear it) and use that`,
    zh: (p) => `${file(p)} 受密码保护：请另存一份不带密码的副本（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后使用`,
  },
  file_legacy_xls: {
    en: (p) => `${file(p)} is an Excel 97–2003 (.xls) or other old Office file, not an .xlsx workbook: save it as Excel Workbook (.xlsx)`,
    zh: (p) => `${file(p)} 是 Excel 97–2003（.xls）或其他旧版 Office 文件，不是 .xlsx 工作簿：请另存为“Excel 工作簿 (.xlsx)”`,
  },
  file_corrupt: {
    en: (p) => `${file(p)} is damaged and cannot be read as an .xlsx workbook (${p.detail}); nothing was written`,
    zh: (p) => `${file(p)} 已损坏，无法作为 .xlsx 工作簿读取（${p.detail}）；未写入任何内容`,
  },
  file_too_large: {
    en: (p) => `${file(p)} is ${mb(p.size)}, more than the ${mb(p.limit)} this tool opens`,
    zh: (p) => `${file(p)} 为 ${mb(p.size)}，超过本工具可打开的上限 ${mb(p.limit)}`,
  },
  interrupted: {
    en: (p) => `stopped by ${p.signal} while writing ${file(p)}; the file is as it was before`,
    zh: (p) => `写入 ${file(p)} 时被 ${p.signal} 中止；该文件保持原样`,
  },
  workbook_strict: {
    en: (p) =>
      `${p.file === undefined ? "the workbook" : file(p)} is saved as "Strict Open XML Spreadsheet": it can be read but not written without risk to its contents; save it as Excel Workbook (.xlsx) and run again`,
    zh: (p) =>
      `${p.file === undefined ? "该工作簿" : file(p)} 保存为“Strict Open XML 电子表格”格式：可以读取，但写入会危及其内容；请另存为“Excel 工作簿 (.xlsx)”后再运行`,
  },
  // --- inventories: workbooks of many sheets, scope 2, units not stated, base years (docs/inventories.md) ---
  inventory_sheets_skipped: {
    en: (p) => `read the ${p.count} region-year sheets ${p.first} … ${p.last}; not read: ${p.others} (choose one of them to read it instead)`,
    zh: (p) => `已读取 ${p.count} 个地区-年份工作表 ${p.first} … ${p.last}；未读取：${p.others}（如需改读其中之一，请选择该工作表）`,
  },
  inventory_total_partial: {
    en: (p) => `${p.region}: in ${p.years} not all ${p.sectors} sectors have a value; the total there is of those that do`,
    zh: (p) => `${p.region}：${p.years} 年并非全部 ${p.sectors} 个部门都有数值；该年合计仅含有数值的部门`,
  },
  inventory_base_year_city: {
    en: (p) =>
      p.nothingBefore === true
        ? `${p.city} has no value in or before the ${p.role ?? "base year"} ${p.year} (it has ${p.years}), so nothing can be carried forward: choose a ${p.role ?? "base year"} it has${p.common !== "none" ? ` (${p.common} is the latest year every city has)` : ""}`
        : `${p.city} has no value for the ${p.role ?? "base year"} ${p.year} (it has ${p.years}): choose an earlier ${p.role ?? "base year"}${p.common !== "none" ? ` (${p.common} is the latest year every city has)` : ""}, or the fill rule "carry forward" to use its last measured value (marked as filled in the outputs)`,
    zh: (p) =>
      p.nothingBefore === true
        ? `${p.city} 在${p.roleZh ?? "基准年"} ${p.year} 及之前均无数值（已有年份：${p.years}），无法延用：请选择该城市有数据的${p.roleZh ?? "基准年"}${p.common !== "none" ? `（所有城市都有数据的最近年份为 ${p.common}）` : ""}`
        : `${p.city} 没有${p.roleZh ?? "基准年"} ${p.year} 的数值（已有年份：${p.years}）：请选择更早的${p.roleZh ?? "基准年"}${p.common !== "none" ? `（所有城市都有数据的最近年份为 ${p.common}）` : ""}，或选择填补规则“延用最近实测值”（在输出中标注为填补值）`,
  },
  inventory_filled: {
    en: (p) =>
      `${p.city}${p.sector !== undefined ? ` / ${p.sector}` : ""} has no value in ${p.year}: ${p.value} ${p.unit}${p.sectors !== undefined ? ` (${p.sectors} sectors)` : ""} carried forward from ${p.from} (${p.source}), marked as filled in the outputs`,
    zh: (p) =>
      `${p.city}${p.sector !== undefined ? ` / ${p.sector}` : ""} 没有 ${p.year} 年的数值：延用 ${p.from} 年的 ${p.value} ${p.unit}${p.sectors !== undefined ? `（${p.sectors} 个部门）` : ""}（${p.source}），在输出中标注为填补值`,
  },
  fill_rule_invalid: {
    en: (p) => `${v(p)} is not a fill rule: leave it blank (a city without a base-year value is then a problem) or write "carry forward" (延用最近实测值)`,
    zh: (p) => `${v(p)} 不是填补规则：请留空（缺少基准年数值的城市将报错）或填写“延用最近实测值”（carry forward）`,
  },
  no_common_year: {
    en: (p) => `no year has a value for every chosen city (${p.cities}); choose fewer cities, or a base year and the fill rule "carry forward"`,
    zh: (p) => `没有任何年份所有所选城市均有数值（${p.cities}）；请减少城市，或选择基准年并使用填补规则“延用最近实测值”`,
  },
  city_not_in_inventory: {
    en: (p) => `${v(p)} is not a city of the inventory${p.nearest !== undefined ? `; nearest: ${p.nearest}` : ""} (it has ${p.count} cities)`,
    zh: (p) => `${v(p)} 不是清单中的城市${p.nearest !== undefined ? `；最接近的：${p.nearest}` : ""}（清单共有 ${p.count} 个城市）`,
  },
  inventory_scope2: {
    en: (p) => `${p.region} ${p.year}: ${p.value} ${p.unit} of scope-2 emissions (purchased electricity and heat) kept apart, not in the totals`,
    zh: (p) => `${p.region} ${p.year} 年：范围二排放（外购电力和热力）${p.value} ${p.unit} 单独列出，不计入合计`,
  },
  // --- typos that would change a result silently: names near another, odd units, impossible history years
  //     (src/engine/scenario/scenario-names.ts, inventory-names.ts, history.ts, inventory/unit-source.ts; docs/model.md §2–§3) ---
  inventory_name_typo: {
    en: (p) =>
      p.axis === "city"
        ? `${p.value} has ${p.count} of the ${p.total} sectors of the inventory and no value where ${p.near} has one (${p.near} has ${p.nearCount}): did you mean ${p.near}? As two cities, each one's missing sectors would count as 0`
        : `sector ${v(p)} is given for ${p.count} of the ${p.total} cities and never where ${p.near} is (${p.near}: ${p.nearCount} cities): did you mean ${p.near}? As two sectors, each one's missing cities would count as 0`,
    zh: (p) =>
      p.axis === "city"
        ? `${p.value} 只有清单 ${p.total} 个部门中的 ${p.count} 个，且在 ${p.near} 有数值之处均无数值（${p.near} 有 ${p.nearCount} 个）：是否应为 ${p.near}？若作为两个城市，各自缺少的部门将按 0 计`
        : `部门 ${v(p)} 只出现在 ${p.total} 个城市中的 ${p.count} 个，且从不与 ${p.near} 同时出现（${p.near}：${p.nearCount} 个城市）：是否应为 ${p.near}？若作为两个部门，各自缺少的城市将按 0 计`,
  },
  history_year_unmeasured: {
    en: (p) =>
      `${p.after === true ? `the ${p.role ?? "last historical year"} ${v(p)} is after the inventory's last year, ${p.last}: no city has a value there` : `no city has a value in ${v(p)}, the ${p.role ?? "last historical year"} (the inventory has ${p.years})`}; it must be a year some city measured — choose one the inventory has${p.blank === true ? ", or leave it blank (the latest year every city has)" : ""}`,
    zh: (p) =>
      `${p.after === true ? `${p.roleZh ?? "最后历史年"} ${v(p)} 晚于清单的最后年份 ${p.last}：没有任何城市在该年有数值` : `没有任何城市在${p.roleZh ?? "最后历史年"} ${v(p)} 有数值（清单年份：${p.years}）`}；该年须有城市的实测值——请选择清单中的年份${p.blank === true ? "，或留空（所有城市都有数据的最近年份）" : ""}`,
  },
  inventory_unit_odd_row: {
    en: (p) =>
      `this row is in ${p.unit} where ${p.count} of the ${p.total} rows of ${p.sheet} are in ${p.usual}: its values are converted (1 ${p.unit} = ${p.ratio} ${p.usual}) — check that ${p.unit} is meant${p.more !== undefined ? ` (also ${p.more})` : ""}`,
    zh: (p) =>
      `该行单位为 ${p.unit}，而 ${p.sheet} 的 ${p.total} 行中有 ${p.count} 行为 ${p.usual}：其数值已换算（1 ${p.unit} = ${p.ratio} ${p.usual}）——请确认单位是否为 ${p.unit}${p.moreZh !== undefined ? `（另见 ${p.moreZh}）` : ""}`,
  },
  history_rejected: {
    en: () => `the years the history ends in were rejected (see the problem at the Settings cell); nothing was run`,
    zh: () => `历史数据的截止年份不可用（见参数表单元格处的问题）；未运行`,
  },
  scenario_typo: {
    en: (p) =>
      `scenario ${v(p)} is not in Settings (${p.known}): did you mean ${p.near}? A lever's scenario is matched exactly; correct the name, or give the new scenario a name of its own`,
    zh: (p) => `情景 ${v(p)} 不在参数表中（${zhList(p.known)}）：是否应为 ${p.near}？措施的情景须与名称完全一致；请更正名称，或为新情景另取名称`,
  },
} satisfies Readonly<Record<string, Msg>>;

/** An issue code: a key of the message table. */
export type IssueCode = keyof typeof MESSAGES;

/**
 * Whether a text is an issue code (a key of the message table).
 * @example isIssueCode("share_range") // true
 */
export function isIssueCode(v: unknown): v is IssueCode {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(MESSAGES, v);
}
