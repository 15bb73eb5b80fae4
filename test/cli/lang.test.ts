/**
 * `carbon-peak run --lang zh|en`: the output sheets in the chosen language, read back with ExcelJS from
 * the committed 长株潭 sample (samples/changzhutan.xlsx, CEADs data — citation in data/README.md); the
 * numbers are the same as in English; a bad --lang is a usage error.
 */
import { copyFileSync, existsSync } from "fs";
import { join } from "path";
import { emissionRows, runScenarios } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";
import { ROOT, cli, ensureBuilt, readXlsx, sheetRows, tempDir, workbookValues } from "./helpers";
import { value } from "../helpers/result";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start `carbon-peak` processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");
const MT = 1e6;

beforeAll(ensureBuilt);

describe("argument validation", () => {
  test.each([["fr"], ["ZH"], [""]])("--lang %j is a usage error naming --lang (exit 2), and nothing is written", (bad) => {
    const dir = tempDir();
    const out = join(dir, "out.xlsx");
    const r = cli("run", SAMPLE, "-o", out, "--lang", bad, "-q");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--lang must be en or zh/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe("edge cases", () => {
  test("a zh run over an en run's output (--in-place) replaces the English sheets; user sheets stay cell for cell", async () => {
    const dir = tempDir();
    const input = join(dir, "sample.xlsx");
    copyFileSync(SAMPLE, input);
    const inputs = Object.keys(workbookValues(await readXlsx(input))).filter((n) => !n.startsWith("_"));
    expect(cli("run", input, "--in-place", "-q").code).toBe(0);
    const afterEn = workbookValues(await readXlsx(input));
    expect(cli("run", input, "--in-place", "-q", "--lang", "zh").code).toBe(0);
    const values = workbookValues(await readXlsx(input));
    // Every sheet of the input (not the add-in's hidden record sheet) as the English run left it.
    for (const name of inputs) expect([name, values[name]]).toEqual([name, afterEn[name]]);
    const names = Object.keys(values);
    expect(names).toEqual(expect.arrayContaining(["结果", "峰值", "目标完成情况", "减排", "协同效益", "排放变化分解", "指标", "图表", "运行记录"]));
    expect(names.filter((n) => ["Results", "Peaks", "Reductions", "Coordination", "Decomposition", "Indicators", "Charts", "Run info"].includes(n))).toEqual(
      [],
    );
  });
});

describe("reference values", () => {
  test("--lang zh writes the Chinese output sheets with Chinese headers and the engine's numbers", async () => {
    const out = join(tempDir(), "zh.xlsx");
    const r = cli("run", SAMPLE, "-o", out, "--lang", "zh", "--json", "-q");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { outputs: string[]; record: { lang?: string } };
    expect(json.outputs).toEqual(["结果", "峰值", "目标完成情况", "减排", "协同效益", "排放变化分解", "指标", "图表", "运行记录"]);
    expect(json.record.lang).toBe("zh");
    const wb = await readXlsx(out);
    const rows = sheetRows(wb, "结果");
    expect(rows[0]).toEqual(["情景", "城市", "部门", "年份", "排放量（Mt CO2）", "数据性质"]);
    const ref = value(runScenarios(changzhutanInput()));
    const expected = emissionRows(ref);
    expect(rows.length - 1).toBe(expected.length);
    const basis = { measured: "实测", projected: "预测", filled: "填补", gap: "缺测" };
    // A gap (缺测) is a blank value cell.
    expected.forEach((e, i) =>
      expect(rows[i + 1]).toEqual([e.scenario, e.city, e.sector, e.year, Number.isNaN(e.emissions) ? undefined : e.emissions / MT, basis[e.basis]]),
    );
    expect(wb.getWorksheet("结果")!.getCell("E2").numFmt).toBe("#,##0.000");
    const peaks = sheetRows(wb, "峰值");
    expect(peaks[0].slice(0, 4)).toEqual(["情景", "城市或城市群", "类型", "达峰年份"]);
    ref.peaks.forEach((p, i) => expect([peaks[i + 1][1], peaks[i + 1][2], peaks[i + 1][5]]).toEqual([p.region, p.isCluster ? "城市群" : "城市", p.status]));
    expect(sheetRows(wb, "运行记录")[0]).toEqual(["项目", "值"]);
  });

  test("--lang zh prints the peaks table on the terminal in Chinese, names and status codes as they are", () => {
    const out = join(tempDir(), "zh-table.xlsx");
    const r = cli("run", SAMPLE, "-o", out, "--lang", "zh", "-q");
    expect(r.code).toBe(0);
    // First what was read and run on, then the peaks table.
    expect(r.out.split("\n")[0]).toBe(
      "已读取 Inventory!A1:H25（Mt）及 Settings、Drivers、Levers、Activities、Socioeconomic、Targets：3 个城市（长沙、株洲、湘潭），2015–2060 年，实测至 2019 年、其后为预测；情景：baseline、independent、coordinated。",
    );
    const lines = r.out.split("\n").slice(2);
    expect(lines[0].split(/\s{2,}/)).toEqual(["情景", "城市 / 城市群", "达峰年份", "峰值（Mt CO2）", "状态", "目标年前达峰", "目标年后达峰缺口（Mt）"]);
    const ref = value(runScenarios(changzhutanInput()));
    const cluster = ref.peaks.find((p) => p.isCluster && p.scenario === "coordinated")!;
    const row = lines.find((l) => l.includes(`${cluster.region}（城市群）`) && l.startsWith("coordinated"))!;
    expect(row.split(/\s{2,}/).slice(2, 5)).toEqual([String(cluster.year), (cluster.value / MT).toFixed(2), cluster.status]);
    expect(r.out).toContain(`已写入 ${out}（工作表：结果, 峰值, 目标完成情况, 减排, 协同效益, 排放变化分解, 指标, 图表, 运行记录）。`);
  });
});
