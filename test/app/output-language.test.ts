/**
 * Outputs in the analyst's language (runAndWrite's `lang`, src/app/output-labels.ts) over the in-memory
 * port, on the 长株潭 example (CEADs data — citation in data/README.md): a Chinese run writes Chinese
 * sheet names, headers, labels and chart titles with the same numbers and status codes as an English
 * one; re-runs that switch language replace the add-in's own sheets and never touch a user's.
 */
import { createMemoryPort, type MemoryPort } from "../../src/workbook/memory";
import { OUTPUT_ROLES, isOutputSheetName } from "../../src/app/output-labels";
import { createScenarioSheets, runAndWrite, type RunOptions } from "../../src/app";
import { value } from "../helpers/result";

const NOW = () => new Date("2024-05-01T08:00:00Z");
const HAN = /\p{Script=Han}/u;

async function examplePort(extra: Record<string, unknown[][]> = {}): Promise<MemoryPort> {
  const port = createMemoryPort(extra);
  value(await createScenarioSheets(port, { example: "changzhutan" }));
  return port;
}

const cells = (port: MemoryPort, sheet: string): unknown[][] => port.memory.sheetList.find((s) => s.name === sheet)!.cells;
const names = (port: MemoryPort) => port.memory.sheetList.map((s) => s.name);
const owned = (port: MemoryPort) => JSON.parse(port.memory.settings.get("carbonPeak.ownedSheets") ?? "[]") as string[];

/** Every sheet the add-in does not own: name, cells and formats, as JSON. */
function userSnapshot(port: MemoryPort): string {
  const mine = new Set(owned(port).map((s) => s.toLowerCase()));
  return JSON.stringify(
    port.memory.sheetList.filter((s) => !mine.has(s.name.toLowerCase())).map((s) => ({ name: s.name, cells: s.cells, formats: [...s.formats] })),
  );
}

/** Every output sheet's cells and formats, tables and charts, keyed by role (for comparing runs). */
function outputsByRole(port: MemoryPort, outputs: Record<string, string>): unknown {
  const copy = Object.fromEntries(
    Object.entries(outputs).map(([role, sheet]) => {
      const s = port.memory.sheetList.find((x) => x.name === sheet)!;
      return [
        role,
        {
          cells: s.cells,
          formats: [...s.formats],
          tables: port.memory.tableList.filter((t) => t.sheet === sheet).map((t) => ({ name: t.name, rect: t.rect })),
          charts: port.memory.charts.filter((c) => c.sheet === sheet).map((c) => c.spec),
        },
      ];
    }),
  );
  return JSON.parse(JSON.stringify(copy)) as unknown;
}

/** The output sheets by role the add-in recorded in its settings. */
const recordedOutputs = async (port: MemoryPort) => value(await port.getSettings()).outputs as Record<string, string>;

async function run(port: MemoryPort, options: RunOptions = {}) {
  return value(await runAndWrite(port, { now: NOW, version: "9.9.9", ...options }));
}

describe("argument validation", () => {
  test('lang defaults to English: no lang and lang "en" write the same workbook', async () => {
    const a = await examplePort();
    const b = await examplePort();
    const ra = await run(a);
    const rb = await run(b, { lang: "en" });
    expect(rb.outputs).toEqual(ra.outputs);
    expect(JSON.stringify(b.memory.sheetList)).toBe(JSON.stringify(a.memory.sheetList));
    expect(ra.record).not.toHaveProperty("lang");
  });
});

describe("edge cases", () => {
  test("a user's sheet named 结果 makes the Chinese run write 结果 (2) and leaves 结果 as it was", async () => {
    const port = await examplePort({ 结果: [["我的结果", 1]] });
    const before = userSnapshot(port);
    const s = await run(port, { lang: "zh" });
    expect(s.outputs[0]).toBe("结果 (2)");
    expect(cells(port, "结果")).toEqual([["我的结果", 1]]);
    expect(cells(port, "结果 (2)")[0]).toEqual(["情景", "城市", "部门", "年份", "排放量（Mt CO2）", "数据性质"]);
    expect(userSnapshot(port)).toBe(before);
  });

  test("a Chinese re-run reuses its own sheets: the same names, cleared and rewritten, nothing added or deleted", async () => {
    const port = await examplePort();
    const first = await run(port, { lang: "zh" });
    const sheetsBefore = names(port);
    const logStart = port.memory.log.length;
    const second = await run(port, { lang: "zh" });
    expect(second.outputs).toEqual(first.outputs);
    expect(names(port)).toEqual(sheetsBefore);
    expect(port.memory.log.slice(logStart).filter((w) => w.kind === "addSheet" || w.kind === "deleteSheet")).toEqual([]);
  });

  test("switching language replaces a numbered sheet too: Results (2) → 结果, and back to Results (2) while the user's Results stays", async () => {
    const port = await examplePort({ Results: [["a user's results"]] });
    const before = userSnapshot(port);
    expect((await run(port)).outputs[0]).toBe("Results (2)");
    expect((await run(port, { lang: "zh" })).outputs[0]).toBe("结果");
    expect(names(port)).not.toContain("Results (2)");
    expect((await run(port)).outputs[0]).toBe("Results (2)");
    expect(names(port)).not.toContain("结果");
    expect(userSnapshot(port)).toBe(before);
  });

  test("with a Monte Carlo and live formulas, the Chinese run writes 不确定性, 峰值年份分布 and 峰值（实时公式） with the status codes CARBON.PEAKSTATUS returns", async () => {
    const port = await examplePort();
    const s = await run(port, { lang: "zh", draws: 200, seed: 7, formulas: true });
    expect(s.outputs).toEqual([
      "结果",
      "峰值",
      "目标完成情况",
      "峰值（实时公式）",
      "减排",
      "协同效益",
      "排放变化分解",
      "指标",
      "图表",
      "不确定性",
      "峰值年份分布",
      "运行记录",
    ]);
    expect(cells(port, "不确定性")[0]).toEqual([
      "情景",
      "城市或城市群",
      "类型",
      "2030年前达峰概率",
      "达峰年份 P5",
      "达峰年份 P50",
      "达峰年份 P95",
      "峰值 P5（Mt CO2）",
      "峰值 P50（Mt CO2）",
      "峰值 P95（Mt CO2）",
      "抽样次数",
      "随机种子",
    ]);
    expect(cells(port, "峰值年份分布")[0].slice(0, 4)).toEqual(["情景", "地区", "达峰年份", "次数"]);
    const live = cells(port, "峰值（实时公式）");
    expect(live[0][2]).toBe("年份（供公式使用）");
    expect(live[1][2]).toBe("下方排放量单位：Mt CO2");
    const header = live[3] as string[];
    expect(header.slice(0, 3)).toEqual(["情景", "城市或城市群", "类型"]);
    expect(header.slice(-2)).toEqual(["达峰年份（实时）", "状态（实时）"]);
    const statuses = live.slice(4).map((r) => r[r.length - 1]);
    expect(statuses.length).toBeGreaterThan(0);
    for (const st of statuses) expect(["peaked", "plateau", "rising", "unconfirmed"]).toContain(st);
    const charts = port.memory.charts.filter((c) => c.sheet === "峰值年份分布").map((c) => c.spec);
    expect(charts.map((c) => [c.title, c.xTitle, c.yTitle])).toEqual([["长株潭：200 次抽样的达峰年份（随机种子 7）", "达峰年份", "次数"]]);
    expect(cells(port, "运行记录")).toEqual(
      expect.arrayContaining([
        ["蒙特卡洛抽样次数", 200],
        ["蒙特卡洛随机种子", 7],
        ["实时公式", "“峰值（实时公式）”工作表中的 CARBON.PEAKYEAR / CARBON.PEAKSTATUS"],
      ]),
    );
  });
});

describe("invariants", () => {
  test("the Chinese run writes the same numbers, status codes and names as the English one, cell for cell", async () => {
    const en = await examplePort();
    const zh = await examplePort();
    const a = await run(en, { draws: 100, seed: 3, formulas: true });
    const b = await run(zh, { lang: "zh", draws: 100, seed: 3, formulas: true });
    expect(b.peaks).toEqual(a.peaks);
    const kept = (v: unknown) => typeof v !== "string" || ["peaked", "plateau", "rising", "unconfirmed"].includes(v) || a.record.scenarios.includes(v);
    a.outputs.forEach((sheet, i) => {
      const x = cells(en, sheet);
      const y = cells(zh, b.outputs[i]);
      expect([sheet, y.length]).toEqual([sheet, x.length]);
      // Labels differ by language; every number, blank, status code and scenario name is the same.
      x.forEach((row, r) => row.forEach((v, c) => kept(v) && expect([sheet, r, c, y[r][c]]).toEqual([sheet, r, c, v])));
    });
    expect(zh.memory.sheetList.find((s) => s.name === "结果")!.formats).toEqual(en.memory.sheetList.find((s) => s.name === "Results")!.formats);
  });

  test("every table header the Chinese run writes is Chinese, a year, or one of the analyst's names", async () => {
    const port = await examplePort();
    const s = await run(port, { lang: "zh", draws: 50, formulas: true });
    const own = new Set<string>(s.record.scenarios);
    const sectors = new Set((cells(port, "结果").slice(1) as unknown[][]).map((r) => String(r[2])));
    const outputs = new Set(s.outputs);
    const tables = port.memory.tableList.filter((t) => outputs.has(t.sheet));
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      const header = cells(port, t.sheet)[t.rect.row - 1].slice(t.rect.col - 1, t.rect.lastCol) as string[];
      for (const h of header) expect([t.name, h, HAN.test(h) || /^\d{4}$/.test(h) || own.has(h) || sectors.has(h)]).toEqual([t.name, h, true]);
    }
    for (const c of port.memory.charts) expect([c.spec.title, HAN.test(c.spec.title) && HAN.test(c.spec.xTitle ?? "")]).toEqual([c.spec.title, true]);
  });

  test("en → zh → en: user sheets byte for byte untouched, no stale sheet of the add-in, one sheet per role, and the end equals the first run", async () => {
    const port = await examplePort({ Notes: [["keep me", 1, null, "x"]], Peaks: [["a user's peaks"]], 峰值: [["用户的峰值"]] });
    const before = userSnapshot(port);
    const first = await run(port, { draws: 50, formulas: true });
    const firstOutputs = outputsByRole(port, await recordedOutputs(port));
    const zh = await run(port, { lang: "zh", draws: 50, formulas: true });
    expect(zh.outputs).toEqual([
      "结果",
      "峰值 (2)",
      "目标完成情况",
      "峰值（实时公式）",
      "减排",
      "协同效益",
      "排放变化分解",
      "指标",
      "图表",
      "不确定性",
      "峰值年份分布",
      "运行记录",
    ]);
    expect(userSnapshot(port)).toBe(before);
    const last = await run(port, { draws: 50, formulas: true });
    expect(userSnapshot(port)).toBe(before);
    expect(last.outputs).toEqual(first.outputs);
    // Only the user's sheets, the scenario sheets and this run's outputs remain; each role has exactly one sheet.
    const mine = owned(port);
    expect([...mine].sort()).toEqual([...last.outputs, "Settings", "Drivers", "Levers", "Activities", "Socioeconomic", "Targets", "Inventory"].sort());
    // Every role this run writes (the sample has no Targets sheet, so no Target results).
    for (const role of OUTPUT_ROLES.filter((r) => r !== "targetResults")) {
      expect(names(port).filter((n) => mine.includes(n) && isOutputSheetName(role, "zh", n))).toEqual([]);
      expect(names(port).filter((n) => mine.includes(n) && isOutputSheetName(role, "en", n))).toHaveLength(1);
    }
    // The workbook's outputs are again those of the first English run, tables and charts included.
    expect(outputsByRole(port, await recordedOutputs(port))).toEqual(firstOutputs);
  });

  test("a run without the Monte Carlo in the other language removes the old language's Monte Carlo sheets", async () => {
    const port = await examplePort();
    await run(port, { draws: 50 });
    const zh = await run(port, { lang: "zh" });
    expect(names(port).filter((n) => ["Uncertainty", "Peak years", "不确定性", "峰值年份分布"].includes(n))).toEqual([]);
    expect(
      owned(port)
        .filter((n) => !["Settings", "Drivers", "Levers", "Activities", "Socioeconomic", "Targets", "Inventory"].includes(n))
        .sort(),
    ).toEqual([...zh.outputs].sort());
  });
});

describe("reference values", () => {
  test("a Chinese run writes 结果, 峰值, 目标完成情况, 减排, 协同效益, 排放变化分解, 指标, 图表, 运行记录 with Chinese headers and labels", async () => {
    const port = await examplePort();
    const s = await run(port, { lang: "zh" });
    expect(s.outputs).toEqual(["结果", "峰值", "目标完成情况", "减排", "协同效益", "排放变化分解", "指标", "图表", "运行记录"]);
    expect(s.record.lang).toBe("zh");
    expect(await recordedOutputs(port)).toMatchObject({ results: "结果", runInfo: "运行记录" });
    expect(cells(port, "结果")[0]).toEqual(["情景", "城市", "部门", "年份", "排放量（Mt CO2）", "数据性质"]);
    const peaks = cells(port, "峰值");
    expect(peaks[0]).toEqual([
      "情景",
      "城市或城市群",
      "类型",
      "达峰年份",
      "峰值（Mt CO2）",
      "状态（peaked 已达峰、plateau 平台期、rising 仍在上升、unconfirmed 待确认、insufficient 数据不足）",
      "2030年前达峰",
      "2030年后达峰缺口（Mt CO2）",
      "平台期起始年",
      "起始年份",
      "截至年份",
      "数值个数",
      "标记",
    ]);
    const rows = peaks.slice(1);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(["城市", "城市群"]));
    expect(rows.find((r) => r[2] === "城市群")![1]).toBe("长株潭");
    for (const r of rows) expect(["是", "否"]).toContain(r[6]);
    for (const r of rows) expect(["peaked", "plateau", "rising", "unconfirmed", "insufficient"]).toContain(r[5]);
    expect(cells(port, "减排")[0]).toEqual(["情景", "减排措施", "部门", "年份", "减排量（Mt CO2）"]);
    expect(cells(port, "协同效益")[0]).toEqual(["部门", "年份", expect.stringMatching(/^协同效益（.+ − .+）（Mt CO2）$/)]);
    // The example has Kaya drivers: the decomposition runs from the last historical year 2019 on the Kaya factors.
    expect(cells(port, "排放变化分解")[0]).toEqual([
      "情景",
      "城市或城市群",
      "类型",
      "2019年排放量（Mt CO2）",
      "2030年排放量（Mt CO2）",
      "人口效应（Mt CO2）",
      "人均GDP效应（Mt CO2）",
      "结构效应（单位GDP活动水平）（Mt CO2）",
      "能源强度效应（Mt CO2）",
      "碳强度效应（Mt CO2）",
      "措施效应（Mt CO2）",
      "2019–2030年变化量（Mt CO2）",
      "校验（各效应之和 − 变化量）（Mt CO2）",
    ]);
    expect(cells(port, "图表")[0][0]).toBe("年份");
    expect(port.memory.charts.map((c) => c.spec.title)[0]).toBe("长株潭：各情景排放量（Mt CO2）");
    expect(port.memory.charts[1].spec.title).toMatch(/^.+：相对.+的分部门减排量（Mt CO2）$/);
    const info = cells(port, "运行记录");
    expect(info.slice(0, 4)).toEqual([
      ["项目", "值"],
      ["运行时间", "2024-05-01T08:00:00.000Z"],
      ["版本", "9.9.9"],
      ["输入哈希（SHA-256）", s.record.inputHash],
    ]);
    expect(info).toEqual(
      expect.arrayContaining([
        ["结果单位", "Mt CO2"],
        ["基准年", 2015],
        ["目标年", 2030],
        ["城市群", "长株潭"],
      ]),
    );
    expect(info).toEqual(expect.arrayContaining([["达峰规则", "容差 0，确认年数 0，平滑窗口 1（1 表示不平滑），至少 5 个数值"]]));
    expect(info.find((r) => r[0] === "达峰标记说明")![1]).toMatch(/^left_censored = 峰值在首个数据年；last_year_max = 末年为最大值；/);
  });
});
