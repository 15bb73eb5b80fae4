/**
 * Inventory grids built from the CEADs files in data/ (citation: data/README.md — city totals:
 * Shan et al. 2022, Science Bulletin 67(18); Shan et al. 2019, Scientific Data 6, 27; Hunan 2019
 * sectors: Shan et al. 2020, Scientific Data 7, 54; Guan et al. 2021, Earth's Future 9(11)).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ceadsCityTotals } from "./ceads";

/** Parses one CSV line with quoted fields ("Farming, Forestry, …"). */
export function csvLine(line: string): string[] {
  const out: string[] = [];
  const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    out.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
    if (m[3] === "") break;
  }
  return out;
}

/** data/ceads-hunan-2019-sectors.csv as sheet cells: the header row as text, numbers as numbers. */
export function hunanSectorRows(): unknown[][] {
  const lines = readFileSync(join(__dirname, "..", "..", "data", "ceads-hunan-2019-sectors.csv"), "utf8").trim().split(/\r?\n/);
  return lines.map((l, i) => {
    const cells = csvLine(l);
    return i === 0 ? cells : [cells[0], ...cells.slice(1).map(Number)];
  });
}

/**
 * The CEADs city totals as a wide "emission matrix" sheet the way downloads look: a title row,
 * a header with every year 1997–2019 (years CEADs lacks for all three cities stay as empty columns),
 * cities in a non-alphabetical order, a footnote row.
 */
export function changzhutanWideRows(): unknown[][] {
  const rows = ceadsCityTotals();
  const years = Array.from({ length: 23 }, (_, i) => 1997 + i);
  const cities = ["湖南湘潭", "湖南长沙", "湖南株洲"];
  return [
    ["CO2 emissions of 290 Chinese cities (Unit: Mt)"],
    ["City", ...years],
    ...cities.map((c) => [c, ...years.map((y) => rows.find((r) => r.city === c && r.year === y)?.mt ?? null)]),
    [],
    ["Source: CEADs (ceads.net)"],
  ];
}

/** The CEADs city totals as a long sheet (city, year, emissions), in file order. */
export function changzhutanLongRows(): unknown[][] {
  return [["city", "year", "emissions_mt"], ...ceadsCityTotals().map((r) => [r.city, r.year, r.mt])];
}
