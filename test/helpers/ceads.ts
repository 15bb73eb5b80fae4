/**
 * Loads the CEADs city totals shipped in data/ (the published values, unchanged; citation in
 * data/README.md: Shan et al. 2022, Science Bulletin 67(18) 1910–1920; Shan et al. 2019, Scientific Data 6, 27).
 */
import { readFileSync } from "fs";
import { join } from "path";

export interface CityRow {
  city: string;
  year: number;
  mt: number;
}

/** Rows of data/ceads-changzhutan-city-totals.csv: city, year, emissions (Mt). */
export function ceadsCityTotals(): CityRow[] {
  const text = readFileSync(join(__dirname, "..", "..", "data", "ceads-changzhutan-city-totals.csv"), "utf8");
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [city, year, mt] = line.split(",");
      return { city, year: Number(year), mt: Number(mt) };
    });
}

/** One city's (years, values) in file order. */
export function cityColumns(city: string): { years: number[]; values: number[] } {
  const rows = ceadsCityTotals().filter((r) => r.city === city);
  return { years: rows.map((r) => r.year), values: rows.map((r) => r.mt) };
}

/** The three cities as a wide members × years matrix over 2001–2019, blanks (null) where CEADs has no value. */
export function changzhutanMatrix(): { cities: string[]; years: number[]; rows: (number | null)[][] } {
  const all = ceadsCityTotals();
  const cities = ["湖南长沙", "湖南株洲", "湖南湘潭"];
  const years = Array.from({ length: 19 }, (_, i) => 2001 + i);
  const rows = cities.map((c) => years.map((y) => all.find((r) => r.city === c && r.year === y)?.mt ?? null));
  return { cities, years, rows };
}
