/**
 * `carbon-peak peaks` reading each inventory layout of DESIGN 5 from a real .xlsx file made by the test,
 * shaped like the CEADs downloads (notes sheets, title rows, unordered rows, empty year columns).
 * Expected values: data/ceads-changzhutan-city-totals.csv (CEADs; citation in data/README.md) — 株洲 peaks in
 * 2011 at 25.59 Mt, 长沙 and 湘潭 are still rising in their last CEADs year, and the three-city sum over the
 * years all have peaks in 2011 (README: CLUSTERPEAKYEAR example).
 */
import { join } from "path";
import { changzhutanLongRows, changzhutanWideRows, hunanSectorRows } from "../helpers/inventory-grids";
import { cli, ensureBuilt, tempDir, writeSheets } from "./helpers";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

beforeAll(ensureBuilt);

type Row = { name: string; peakYear: number | null; peakValue: number | null; status: string };
const CLUSTER = "长株潭=湖南长沙,湖南株洲,湖南湘潭";

async function peaks(sheets: Record<string, unknown[][]>, ...args: string[]): Promise<{ code: number; rows: Row[]; err: string; out: string }> {
  const file = join(tempDir(), "inventory.xlsx");
  await writeSheets(file, sheets);
  const r = cli("peaks", file, ...args);
  return { code: r.code, rows: r.code === 0 && args.includes("--json") ? JSON.parse(r.out) : [], err: r.err, out: r.out };
}

const byName = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.name, r]));

describe("reference values", () => {
  test.each([
    ["wide (CEADs emission matrix, notes sheet first)", { Readme: [["The Emission Inventories for 290 Chinese Cities"], ["see ceads.net"]], "City CO2": changzhutanWideRows() }],
    ["long (CEADs emission vector)", { "Emission vector": changzhutanLongRows() }],
  ])("a %s inventory gives each city's and the cluster's peak", async (_name, sheets) => {
    const r = await peaks(sheets as Record<string, unknown[][]>, "--cluster", CLUSTER, "--json");
    expect(r.code).toBe(0);
    const p = byName(r.rows);
    expect(p["湖南株洲"]).toMatchObject({ peakYear: 2011, status: "peaked" });
    expect(p["湖南株洲"].peakValue).toBeCloseTo(25.58761584719394, 12);
    expect(p["湖南长沙"]).toEqual({ name: "湖南长沙", peakYear: null, peakValue: null, status: "rising" });
    expect(p["湖南湘潭"]).toEqual({ name: "湖南湘潭", peakYear: null, peakValue: null, status: "rising" });
    expect(p["长株潭"]).toMatchObject({ peakYear: 2011, status: "peaked" });
    expect(r.err).toMatch(/member 湖南株洲 has no value in 2014/);
  });

  test("a sector × fuel matrix (CEADs Hunan2019) is one region and one year: rising (no later year)", async () => {
    const r = await peaks({ Hunan2019: hunanSectorRows() }, "--json");
    expect(r.code).toBe(0);
    expect(r.rows).toEqual([{ name: expect.any(String), peakYear: null, peakValue: null, status: "rising" }]);
  });

  test("--sheet picks the inventory among several, and the table output lines up", async () => {
    const r = await peaks({ A: changzhutanLongRows(), B: changzhutanWideRows() }, "--sheet", "B");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^B \(wide layout\), 3 cities, 2001–2019, Mt/);
    expect(r.out).toMatch(/湖南株洲\s+2011\s+25\.59\s+peaked/);
  });
});

describe("argument validation", () => {
  test("a cluster naming a city the inventory lacks is a usage error naming the known cities", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "--cluster", "长株潭=长沙,株洲");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/湖南长沙/);
  });

  test("an inventory with a bad cell lists it with its address and exits 1", async () => {
    const rows = changzhutanLongRows();
    rows[4][2] = "n/a";
    const r = await peaks({ Data: rows });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Data!C5: "n\/a" is not a number/m);
  });

  test("--help prints the command's usage and exits 0", () => {
    const r = cli("peaks", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--cluster NAME=city1,city2/);
  });
});

describe("language", () => {
  test("--lang zh prints the inventory line and the peaks table in Chinese: 株洲 2011, the cluster marked 城市群", async () => {
    const r = await peaks({ "Emission vector": changzhutanLongRows() }, "-c", CLUSTER, "--lang", "zh");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^Emission vector（long 格式），3 个城市，\d{4}–\d{4}，mt$/); // the unit as the header names it (emissions_mt)
    expect(lines[1].split(/\s{2,}/)).toEqual(["名称", "达峰年份", "峰值（mt）", "状态"]);
    const zhuzhou = lines.find((l) => l.startsWith("湖南株洲"))!.split(/\s{2,}/);
    expect(zhuzhou.slice(1, 3)).toEqual(["2011", "25.59"]);
    expect(lines.some((l) => l.startsWith("长株潭（城市群）"))).toBe(true);
  });

  test("check --lang zh words its summary in Chinese, one problem and several", async () => {
    const file = join(tempDir(), "inventory.xlsx");
    const rows = changzhutanLongRows().map((r) => [...r]);
    rows[3][2] = "n/a"; // the emissions column of a long inventory
    await writeSheets(file, { Data: rows });
    const one = cli("check", file, "--lang", "zh");
    expect(one.code).toBe(1);
    expect(one.err.trim()).toBe(`carbon-peak: ${file}：1 个问题`);
    rows[4][2] = -1;
    await writeSheets(file, { Data: rows });
    expect(cli("check", file, "--lang", "zh").err.trim()).toBe(`carbon-peak: ${file}：2 个问题`);
    expect(cli("check", file).err.trim()).toBe(`carbon-peak: ${file}: 2 problems`);
  });
});
