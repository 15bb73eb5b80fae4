/**
 * `carbon-peak peaks` reading each inventory layout from a real .xlsx file made by the test, shaped like
 * the CEADs downloads (notes sheets, title rows, unordered rows, empty year columns), and saying what each
 * peak rests on (docs/peaks.md). Expected values: data/ceads-changzhutan-city-totals.csv (CEADs; citation in
 * data/README.md) — 株洲 peaks in 2011 at 25.59 Mt as of 2015, 长沙 (to 2019) and 湘潭 (to 2017) are still
 * rising, and the three-city sum over the 9 years all have (2006–2013, 2015) has its maximum in 2011 but is
 * unconfirmed, since 长沙 and 湘潭 exceed their 2015 values later.
 */
import { join } from "path";
import { changzhutanLongRows, changzhutanWideRows, hunanSectorRows } from "../helpers/inventory-grids";
import { cli, ensureBuilt, tempDir, writeSheets } from "./helpers";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

// Each test runs the real command in a child process: generous time on a loaded 2-core machine.
jest.setTimeout(120_000);
beforeAll(ensureBuilt);

type Row = {
  name: string;
  peakYear: number | null;
  peakValue: number | null;
  status: string;
  firstYear: number;
  lastYear: number;
  points: number;
  flags: string[];
};
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
    [
      "wide (CEADs emission matrix, notes sheet first)",
      { Readme: [["The Emission Inventories for 290 Chinese Cities"], ["see ceads.net"]], "City CO2": changzhutanWideRows() },
    ],
    ["long (CEADs emission vector)", { "Emission vector": changzhutanLongRows() }],
  ])("a %s inventory gives each city's and the cluster's peak", async (_name, sheets) => {
    const r = await peaks(sheets as Record<string, unknown[][]>, "--cluster", CLUSTER, "--json");
    expect(r.code).toBe(0);
    const p = byName(r.rows);
    expect(p["湖南株洲"]).toEqual({
      name: "湖南株洲",
      peakYear: 2011,
      peakValue: expect.closeTo(25.58761584719394, 12),
      status: "peaked",
      firstYear: 2005,
      lastYear: 2015,
      points: 10,
      flags: ["gaps"],
    });
    expect(p["湖南长沙"]).toEqual({
      name: "湖南长沙",
      peakYear: null,
      peakValue: null,
      status: "rising",
      firstYear: 2001,
      lastYear: 2019,
      points: 18,
      flags: ["last_year_max", "gaps"],
    });
    expect(p["湖南湘潭"]).toEqual({
      name: "湖南湘潭",
      peakYear: null,
      peakValue: null,
      status: "rising",
      firstYear: 2001,
      lastYear: 2017,
      points: 14,
      flags: ["last_year_max", "gaps"],
    });
    expect(p["长株潭"]).toEqual({
      name: "长株潭",
      peakYear: 2011,
      peakValue: expect.closeTo(98.10359619612517, 9),
      status: "unconfirmed",
      firstYear: 2006,
      lastYear: 2015,
      points: 9,
      flags: ["members_beyond", "gaps"],
    });
  });

  test("a sector × fuel matrix (CEADs Hunan2019) is one region and one year: insufficient, not rising", async () => {
    const r = await peaks({ Hunan2019: hunanSectorRows() }, "--json");
    expect(r.code).toBe(0);
    expect(r.rows).toEqual([
      {
        name: expect.any(String),
        peakYear: null,
        peakValue: null,
        status: "insufficient",
        firstYear: 2019,
        lastYear: 2019,
        points: 1,
        flags: ["last_year_max"],
      },
    ]);
  });

  test("--sheet picks the inventory among several, and the table output lines up", async () => {
    const r = await peaks({ A: changzhutanLongRows(), B: changzhutanWideRows() }, "--sheet", "B");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^B \(wide layout\), 3 cities, 2001–2019, Mt/);
    expect(r.out).toMatch(/湖南株洲\s+2011\s+25\.59\s+peaked\s+2015\s+10 \(2005–2015\)\s+gaps/);
  });
});

describe("what a cluster peak rests on (长株潭: 株洲 ends 2015, 湘潭 2017, 长沙 2019)", () => {
  test("the table says the rule, 'as of' and the years used, and the flags with a legend", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "-c", CLUSTER);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[1]).toBe("Peak rule: tolerance 0, confirmation 0 years, smoothing 1 (1 = none), at least 5 values (docs/peaks.md)");
    expect(lines[2].split(/\s{2,}/)).toEqual(["Name", "Peak year", "Peak value (Mt)", "Status", "As of", "Values (years)", "Flags"]);
    expect(lines.find((l) => l.startsWith("长株潭 (cluster)"))!.split(/\s{2,}/)).toEqual([
      "长株潭 (cluster)",
      "2011",
      "98.10",
      "unconfirmed",
      "2015",
      "9 (2006–2015)",
      "members_beyond, gaps",
    ]);
    expect(lines[lines.length - 2]).toMatch(
      /^Flags: last_year_max = the last value is the maximum; members_beyond = .*; gaps = years missing inside the span$/,
    );
  });

  test("stderr has one summary line of years used and members missing, and names the members that go on — not one line per year", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "-c", CLUSTER);
    const lines = r.err.trim().split("\n");
    expect(lines).toEqual([
      "carbon-peak: warning: 长株潭: rests on the 9 years all 3 members have (2006–2013, 2015); 9 other years are left out because a member has no value — 湖南株洲 (2001–2003, 2014, 2016–2019); 湖南湘潭 (2003, 2005, 2018–2019)",
      "carbon-peak: warning: 长株潭: reported as of 2015, the last year every member has; 湖南长沙 has values to 2019, above its 2015 value in 2017, 2019 — so the cluster is unconfirmed, not peaked",
      "carbon-peak: warning: 长株潭: reported as of 2015, the last year every member has; 湖南湘潭 has values to 2017, above its 2015 value in 2016–2017 — so the cluster is unconfirmed, not peaked",
      "carbon-peak: --verbose lists every year left out of a cluster total",
    ]);
  });

  test("--verbose lists every year left out with its missing members", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "-c", CLUSTER, "--verbose");
    expect(r.err).toContain("carbon-peak: 长株潭: 2003: 湖南株洲, 湖南湘潭 have no value; the cluster total leaves 2003 out");
    expect(r.err.match(/the cluster total leaves \d{4} out/g)).toHaveLength(9);
  });

  test("--json keeps stdout the array of entries and puts each cluster's full detail on stderr as one JSON line", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "-c", CLUSTER, "--json");
    expect(r.rows.every((e) => Object.keys(e).join() === "name,peakYear,peakValue,status,firstYear,lastYear,points,flags")).toBe(true);
    const detail = r.err
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatchObject({ cluster: "长株潭", members: 3, commonYears: [2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2015] });
    expect(detail[0].missing).toHaveLength(9);
    expect(detail[0].missing[2]).toEqual({ year: 2003, members: ["湖南株洲", "湖南湘潭"] });
    expect(detail[0].beyond.map((b: { member: string; lastYear: number; aboveYears: number[] }) => [b.member, b.lastYear, b.aboveYears])).toEqual([
      ["湖南长沙", 2019, [2017, 2019]],
      ["湖南湘潭", 2017, [2016, 2017]],
    ]);
  });

  test("a cluster sharing fewer than 5 years is insufficient (株洲 with 湘潭 over 2010–2013 only)", async () => {
    const rows = changzhutanLongRows().filter((r, i) => i === 0 || r[0] !== "湖南湘潭" || (Number(r[1]) >= 2010 && Number(r[1]) <= 2013));
    const r = await peaks({ Data: rows }, "-c", "小=湖南株洲,湖南湘潭", "--json");
    expect(byName(r.rows)["小"]).toMatchObject({ status: "insufficient", peakYear: null, points: 4, firstYear: 2010, lastYear: 2013 });
  });
});

describe("the strict setting", () => {
  test("--strict: 株洲 (4 years after its 2011 peak) is unconfirmed; the rule line says strict", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "--strict");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[1]).toMatch(/^Peak rule: strict — peaked only 5 years or more after the peak, at least 5 values \(after Shan et al\. 2022\)/);
    expect(r.out).toMatch(/湖南株洲\s+2011\s+25\.59\s+unconfirmed/);
    const j = await peaks({ Data: changzhutanLongRows() }, "--strict", "--json");
    expect(byName(j.rows)["湖南株洲"]).toMatchObject({ status: "unconfirmed", peakYear: 2011 });
  });

  test("--strict with --confirm or --min-points is a usage error", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "--strict", "--confirm", "3");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--strict sets --confirm 5 and --min-points 5/);
  });

  test("--min-points lowers or raises the minimum", async () => {
    const one = await peaks({ Hunan2019: hunanSectorRows() }, "--json", "--min-points", "1");
    expect(one.rows[0]).toMatchObject({ status: "rising", points: 1 });
    const many = await peaks({ Data: changzhutanLongRows() }, "--json", "--min-points", "15");
    expect(byName(many.rows)).toMatchObject({ 湖南株洲: { status: "insufficient" }, 湖南长沙: { status: "rising" }, 湖南湘潭: { status: "insufficient" } });
  });
});

describe("argument validation", () => {
  test("a cluster naming a city the inventory lacks is a usage error naming each unknown member, with the close names", async () => {
    const r = await peaks({ Data: changzhutanLongRows() }, "--cluster", "bad=北京,Shanghai,长沙");
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('carbon-peak: --cluster bad, member 1: "北京" is not a city of the inventory; cities: 湖南株洲, 湖南湘潭, 湖南长沙');
    expect(lines[1]).toMatch(/^carbon-peak: --cluster bad, member 2: "Shanghai" is not a city of the inventory/);
    expect(lines[2]).toMatch(/^carbon-peak: --cluster bad, member 3: "长沙" is not a city of the inventory \(did you mean 湖南长沙\?\)/);
  });

  test("each unknown member is named by its place in its own cluster, with the nearest name for a typo (株州 → 湖南株洲), in both languages", async () => {
    const args = ["--cluster", "长株潭=湖南长沙,湖南湘潭", "--cluster", "长株潭2=长沙,株州,湘潭X"];
    const en = await peaks({ Data: changzhutanLongRows() }, ...args);
    expect(en.code).toBe(2);
    expect(en.err.trim().split("\n")).toEqual([
      'carbon-peak: --cluster 长株潭2, member 1: "长沙" is not a city of the inventory (did you mean 湖南长沙?); cities: 湖南株洲, 湖南湘潭, 湖南长沙',
      'carbon-peak: --cluster 长株潭2, member 2: "株州" is not a city of the inventory (did you mean 湖南株洲?); cities: 湖南株洲, 湖南湘潭, 湖南长沙',
      'carbon-peak: --cluster 长株潭2, member 3: "湘潭X" is not a city of the inventory; cities: 湖南株洲, 湖南湘潭, 湖南长沙',
    ]);
    const zh = await peaks({ Data: changzhutanLongRows() }, ...args, "--lang", "zh");
    expect(zh.err).toMatch(/^carbon-peak: --cluster 长株潭2 第 2 个成员: "株州" 不是清单中的城市（是否指 湖南株洲？）/m);
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
    expect(lines[0]).toMatch(/^Emission vector（long 格式），3 个城市，\d{4}–\d{4}，Mt$/); // the unit the header names (emissions_mt), shown as its symbol
    expect(lines[1]).toMatch(/^达峰规则：容差 0，确认年数 0，平滑窗口 1/);
    expect(lines[2].split(/\s{2,}/)).toEqual(["名称", "达峰年份", "峰值（Mt）", "状态", "截至", "数值个数（年份）", "标记"]);
    expect(lines[lines.length - 2]).toMatch(/^标记：last_year_max = 末年为最大值；/);
    expect(r.err).toMatch(/长株潭: 依据全部 3 个成员均有数据的 9 个年份/);
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
