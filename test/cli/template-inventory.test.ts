/**
 * `carbon-peak template OUT --inventory FILE`: a cluster workbook in one step, from CEADs workbooks as
 * published (test/fixtures/ceads/, openpyxl — scripts/make-ceads-fixtures.py). The 长株潭 cities end in
 * different years — 长沙 2019, 湘潭 2017, 株洲 2015 (data/ceads-changzhutan-city-totals.csv; Shan et al.
 * 2022, Science Bulletin 67(18); Shan et al. 2019, Scientific Data 6, 27); Hunan 2019 = 310.64 Mt
 * (data/ceads-hunan-2019-sectors.csv).
 */
import { existsSync } from "fs";
import { join } from "path";
import { fixturePath } from "../helpers/ceads-fixtures";
import { cli, ensureBuilt, readXlsx, sheetRows, tempDir } from "./helpers";

beforeAll(ensureBuilt);
jest.setTimeout(90_000);

const CITY = fixturePath("city");
const setting = (rows: unknown[][], label: RegExp) => rows.find((r) => label.test(String(r[0])))?.[1];

describe("template --inventory — argument validation", () => {
  test("city names the inventory lacks are listed with the nearest ones (exit 2), nothing written", () => {
    const out = join(tempDir(), "cz.xlsx");
    const r = cli("template", out, "--inventory", CITY, "--cities", "长沙,湖南株州,湖南湘潭");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--cities, position 1: "长沙" is not a city of the inventory; nearest: 湖南长沙/);
    expect(r.err).toMatch(/--cities, position 2: "湖南株州" is not a city of the inventory; nearest: 湖南株洲/);
    expect(existsSync(out)).toBe(false);
  });
  test("a base year some cities lack: exit 1 naming each such city and the years it has, nothing written", () => {
    const out = join(tempDir(), "cz.xlsx");
    const r = cli("template", out, "--inventory", CITY, "--base-year", "2019");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /--base-year: 湖南株洲 has no value for the base year 2019 \(it has 2005–2013, 2015\): choose an earlier base year \(2015 is the latest year every city has\)/,
    );
    expect(r.err).toMatch(/--base-year: 湖南湘潭 has no value for the base year 2019 \(it has 2001–2002, 2006–2017\)/);
    expect(r.err).not.toMatch(/湖南长沙 has no value/);
    expect(existsSync(out)).toBe(false);
  });
  test("inventory options without --inventory, --example with it, a bad --fill or --base-year are usage errors", () => {
    const out = join(tempDir(), "x.xlsx");
    for (const args of [
      ["--cities", "a"],
      ["--base-year", "2019"],
      ["--inventory", CITY, "--example", "changzhutan"],
      ["--inventory", CITY, "--fill", "interpolate"],
      ["--inventory", CITY, "--base-year", "19"],
    ]) {
      const r = cli("template", out, ...args);
      expect(r.code).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe("template --inventory — reference values (CEADs)", () => {
  test("by default every city and the latest year all have (2015, said on stderr); the workbook checks clean", async () => {
    const out = join(tempDir(), "cz.xlsx");
    const r = cli("template", out, "--inventory", CITY, "--cluster", "长株潭");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/base year 2015: the latest year every chosen city has/);
    const wb = await readXlsx(out);
    const settings = sheetRows(wb, "Settings");
    expect([setting(settings, /^Inventory/), setting(settings, /^Base year/), setting(settings, /^Units/), setting(settings, /^Cluster name/)]).toEqual([
      "Inventory",
      2015,
      "Mt",
      "长株潭",
    ]);
    const inv = sheetRows(wb, "Inventory");
    expect(inv[0]).toEqual(["City", "Year", "Emissions (Mt)"]);
    expect(inv.length - 1).toBe(42); // every city-year of the CSV, history kept
    expect(cli("check", out).code).toBe(0);
  });
  test("--base-year 2019 --fill carry-forward: the run keeps all three cities, 株洲 and 湘潭 marked as filled", async () => {
    const out = join(tempDir(), "cz.xlsx");
    expect(cli("template", out, "--inventory", CITY, "--base-year", "2019", "--fill", "carry-forward", "--cluster", "长株潭").code).toBe(0);
    const run = cli("run", out, "--quiet", "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { record: { filled?: { city: string; from: number }[] }; peaks: { region: string }[] };
    expect(json.record.filled?.map((f) => [f.city, f.from])).toEqual([
      ["湖南株洲", 2015],
      ["湖南湘潭", 2017],
    ]);
    expect(new Set(json.peaks.map((p) => p.region))).toEqual(new Set(["湖南长沙", "湖南株洲", "湖南湘潭", "长株潭"]));
    expect(run.err).toMatch(/湖南株洲 has no value in 2019: 19\.9084 Mt carried forward from 2015/);
  });
  test("three provinces of the 2019 provincial file: 47 sectors each, base year 2019, Hunan 310.64 Mt", async () => {
    const out = join(tempDir(), "cm.xlsx");
    const r = cli("template", out, "--inventory", fixturePath("provincial-2019"), "--cities", "Hunan,Hubei,Jiangxi", "--cluster", "长江中游");
    expect(r.code).toBe(0);
    const wb = await readXlsx(out);
    expect(setting(sheetRows(wb, "Settings"), /^Base year/)).toBe(2019);
    const inv = sheetRows(wb, "Inventory");
    expect(inv[0]).toEqual(["City", "Sector", "Year", "Emissions (Mt)"]);
    expect(inv.length - 1).toBe(3 * 47);
    const hunan = inv
      .slice(1)
      .filter((row) => row[0] === "Hunan")
      .reduce((a, row) => a + (row[3] as number), 0);
    expect(hunan).toBeCloseTo(310.6416664583151, 9);
  });
  test("--lang zh: 参数 and 排放清单, the default base year said in Chinese", async () => {
    const out = join(tempDir(), "zh.xlsx");
    const r = cli("template", out, "--inventory", CITY, "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/基准年 2015：所有所选城市都有数据的最近年份/);
    const wb = await readXlsx(out);
    expect(sheetRows(wb, "排放清单")[0]).toEqual(["城市", "年份", "排放量（Mt）"]);
  });
});
