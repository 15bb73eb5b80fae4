/**
 * The 长株潭 sample workbook (samples/changzhutan.xlsx), generated from the project's data: a Notes
 * sheet with the CEADs citation (data/README.md), the scenario sheets and the measured inventory from the
 * template writer (src/app), and the CEADs city totals as downloaded (wide "emission matrix" layout,
 * 1997–2019 with the real gaps). `npm run sample` writes it; a test checks the committed file against
 * this generator cell by cell.
 */
import ExcelJS from "exceljs";
import { CEADS_CITY_TOTALS_MT } from "../samples/changzhutan";
import { createScenarioSheets } from "../app";
import { createExcelJsPort } from "../workbook/exceljs";
import { fail, ok, type Result } from "../engine";

/** Name of the sheet with the CEADs city totals as downloaded. */
export const CEADS_SHEET = "CEADs city totals";

/** The Notes sheet's lines. */
export const SAMPLE_NOTES: readonly string[] = [
  "长株潭 (Changsha–Zhuzhou–Xiangtan) carbon-peak sample — Carbon Peak add-in / carbon-peak CLI",
  "",
  "Sheets: Settings, Drivers, Levers, Activities, Socioeconomic, Targets = the scenario (edit them in Excel); Inventory = measured emissions 2015–2019 by city and sector, Mt CO2 (blank where CEADs has no value; 株洲 and 湘潭 are carried forward to 2019 and marked filled);",
  `${CEADS_SHEET} = CEADs city totals 1997–2019 (Mt CO2) as published, with the real gaps.`,
  "Run it: carbon-peak run changzhutan.xlsx -o results.xlsx (or the task pane's Run button). Model, equations and every assumption: docs/model.md.",
  "The sector split (an assumption: CEADs publishes city totals, not city sectors): households, services and transport from each city's residents at Hunan's 2019 CO2 per resident (urban/rural), the rest in Hunan's 2019 CEADs proportions (docs/model.md §15).",
  "Drivers (population, GDP, energy and carbon intensity), activities and targets: published statistics and plans, each row's note says which; sources and grades in data/changzhutan-drivers.csv and data/README.md.",
  "",
  "Data: CEADs (Carbon Emission Accounts & Datasets, ceads.net). Please cite:",
  "City totals: Shan, Y., Guan, Y., Hang, Y., Zheng, H., Li, Y., Guan, D., et al. (2022). City-level emission peak and drivers in China. Science Bulletin, 67(18), 1910–1920. doi:10.1016/j.scib.2022.08.024",
  "— and Shan, Y., Liu, J., Liu, Z., Shao, S., Guan, D. (2019). An emissions-socioeconomic inventory of Chinese cities. Scientific Data, 6, 27.",
  "Hunan sectors: Shan, Y., Huang, Q., Guan, D., Hubacek, K. (2020). China CO2 emission accounts 2016–2017. Scientific Data, 7, 54",
  "— and Guan, Y., Shan, Y., Huang, Q., Chen, H., Wang, D., Hubacek, K. (2021). Assessment to China's recent emission pattern shifts. Earth's Future, 9(11), e2021EF002241.",
  "Seed levers: 城市群碳排放达峰行动探讨：以长株潭城市群为例 (land use, industry, buildings, transport).",
];

/**
 * Builds the sample workbook in memory (deterministic: fixed creation dates).
 * @example const wb = await buildSampleWorkbook(); await wb.xlsx.writeFile("samples/changzhutan.xlsx")
 */
export async function buildSampleWorkbook(): Promise<Result<ExcelJS.Workbook>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "carbon-peak";
  wb.created = new Date("2024-01-01T00:00:00Z");
  wb.modified = new Date("2024-01-01T00:00:00Z");
  const notes = wb.addWorksheet("Notes");
  SAMPLE_NOTES.forEach((line, i) => (notes.getCell(i + 1, 1).value = line === "" ? null : line));
  notes.getCell(1, 1).font = { bold: true, size: 13 };
  notes.getColumn(1).width = 120;

  const made = await createScenarioSheets(createExcelJsPort(wb), { example: "changzhutan" });
  if (!made.ok) return fail(made.issues);

  const ws = wb.addWorksheet(CEADS_SHEET);
  const years = Array.from({ length: 23 }, (_, i) => 1997 + i);
  const cities = Array.from(new Set(CEADS_CITY_TOTALS_MT.map((r) => r[0])));
  ws.addRow(["CO2 emissions of Chinese cities, CEADs (Unit: Mt)"]);
  ws.addRow(["City", ...years]);
  for (const c of cities) ws.addRow([c, ...years.map((y) => CEADS_CITY_TOTALS_MT.find((r) => r[0] === c && r[1] === y)?.[2] ?? null)]);
  ws.addRow([]);
  ws.addRow(["Source: CEADs (ceads.net); Shan et al. (2022) Science Bulletin 67(18):1910–1920; Shan et al. (2019) Scientific Data 6:27"]);
  for (let r = 3; r < 3 + cities.length; r++) for (let c = 2; c <= years.length + 1; c++) ws.getCell(r, c).numFmt = "0.00";
  return ok(wb);
}
