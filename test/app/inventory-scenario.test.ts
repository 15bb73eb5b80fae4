/**
 * A scenario started from an inventory, and no city dropped at its base year: the CEADs 长株潭 cities end
 * in different years — 长沙 2019, 湘潭 2017, 株洲 2015 (data/ceads-changzhutan-city-totals.csv; Shan et al.
 * 2022, Science Bulletin 67(18); Shan et al. 2019, Scientific Data 6, 27). Over the in-memory port.
 */
import { formatIssue } from "../../src/engine";
import { createScenarioFromInventory, createScenarioSheets, readScenario, runAndWrite, startFromInventory, type TemplateFromInventory } from "../../src/app";
import { createMemoryPort, type MemoryPort } from "../../src/workbook/memory";
import { changzhutanInventory as cz, changzhutanLongRows } from "../helpers/inventory-grids";
import { issues, value } from "../helpers/result";

async function scenario(from: Omit<TemplateFromInventory, "inventory">, lang: "en" | "zh" = "en"): Promise<MemoryPort> {
  const port = createMemoryPort({});
  value(await createScenarioSheets(port, { lang, fromInventory: { inventory: cz(), ...from } }));
  return port;
}
const cells = (port: MemoryPort, sheet: string) => port.memory.sheetList.find((s) => s.name === sheet)!.cells;
const setting = (port: MemoryPort, label: RegExp, sheet = "Settings") => cells(port, sheet).find((r) => label.test(String(r[0])))!;

describe("a scenario from an inventory — argument validation", () => {
  test("a base year two cities lack is one problem per city, naming the years each has, at the Base year cell — no city dropped", async () => {
    const port = await scenario({ baseYear: 2019, cluster: "长株潭" });
    const found = issues(await readScenario(port));
    expect(found.map((i) => formatIssue(i))).toEqual([
      'Settings!B3: 湖南株洲 has no value for the base year 2019 (it has 2005–2013, 2015): choose an earlier base year (2015 is the latest year every city has), or the fill rule "carry forward" to use its last measured value (marked as filled in the outputs)',
      'Settings!B3: 湖南湘潭 has no value for the base year 2019 (it has 2001–2002, 2006–2017): choose an earlier base year (2015 is the latest year every city has), or the fill rule "carry forward" to use its last measured value (marked as filled in the outputs)',
    ]);
  });
  test("an unknown fill rule is a problem at its cell", async () => {
    const port = await scenario({ baseYear: 2015 });
    setting(port, /^Fill rule/)[1] = "interpolate";
    const found = issues(await readScenario(port));
    expect(found.map((i) => [i.code, i.cell])).toEqual([
      ["fill_rule_invalid", `Settings!B${cells(port, "Settings").findIndex((r) => /^Fill rule/.test(String(r[0]))) + 1}`],
    ]);
  });
});

describe("a scenario from an inventory — reference values (CEADs 长株潭)", () => {
  test("the workbook holds every year of the chosen cities, Settings filled: base year, unit, cluster", async () => {
    const port = await scenario({ baseYear: 2015, cluster: "长株潭" });
    expect(cells(port, "Inventory")[0]).toEqual(["City", "Year", "Emissions (Mt)"]);
    expect(cells(port, "Inventory").length - 1).toBe(changzhutanLongRows().length - 1);
    expect([setting(port, /^Inventory/)[1], setting(port, /^Base year/)[1], setting(port, /^Units/)[1], setting(port, /^Cluster name/)[1]]).toEqual([
      "Inventory",
      2015,
      "Mt",
      "长株潭",
    ]);
    const s = value(await readScenario(port));
    // The base-year rows (no year); the later years of 长沙 and 湘潭 follow with their year (the history after it is not used: H = 2015).
    const base = s.input.inventory.filter((r) => (r as { year?: number }).year === undefined);
    expect(base.map((r) => [(r as { city: string }).city, (r as { value: number }).value])).toEqual([
      ["湖南株洲", 19.908405500068486],
      ["湖南湘潭", 41.283699678509166],
      ["湖南长沙", 30.012426249321944],
    ]);
    expect(s.filled).toEqual([]);
  });
  test("with carry forward, 2019 runs with all three cities: 株洲 from 2015, 湘潭 from 2017, each a warning and in Run info", async () => {
    const port = await scenario({ baseYear: 2019, cluster: "长株潭", fill: "carry-forward" });
    expect(setting(port, /^Fill rule/)[1]).toBe("carry forward");
    const s = value(await readScenario(port));
    expect(s.filled.map((f) => [f.city, f.from])).toEqual([
      ["湖南株洲", 2015],
      ["湖南湘潭", 2017],
    ]);
    const run = await runAndWrite(port, {});
    expect(run.ok).toBe(true);
    const results = cells(port, "Results");
    const cities = new Set(results.slice(1).map((r) => r[1]));
    expect(cities).toEqual(new Set(["湖南株洲", "湖南湘潭", "湖南长沙"]));
    const info = cells(port, "Run info").map((r) => String(r[1]));
    expect(info.some((t) => /湖南株洲 has no value in 2019: 19\.9084 Mt carried forward from 2015 \(Inventory!C11\)/.test(t))).toBe(true);
    expect(info.some((t) => /湖南湘潭 has no value in 2019: 44\.0714 Mt carried forward from 2017/.test(t))).toBe(true);
    expect(cells(port, "Run info")).toContainEqual([
      "Values filled in 2019",
      "2, carried forward (the warnings below say from where): 湖南株洲 ← 2015, 湖南湘潭 ← 2017",
    ]);
  });
  test("a unit typed with its CO2 is shown once: Emissions (Mt CO2)", async () => {
    const port = await scenario({ baseYear: 2015, cluster: "长株潭" });
    setting(port, /^Units/)[1] = "Mt CO2";
    value(await runAndWrite(port, {}));
    expect(cells(port, "Results")[0][4]).toBe("Emissions (Mt CO2)");
  });
  test("in Chinese: 排放清单 with 城市/年份/排放量（Mt）, Settings 填补规则 延用最近实测值", async () => {
    const port = await scenario({ baseYear: 2019, fill: "carry-forward" }, "zh");
    expect(cells(port, "排放清单")[0]).toEqual(["城市", "年份", "排放量（Mt）"]);
    expect(setting(port, /填补规则/, "参数")[1]).toBe("延用最近实测值");
    expect(value(await readScenario(port)).filled).toHaveLength(2);
  });
});

describe("a new scenario from the inventory already in the workbook (the task pane's way)", () => {
  test("no copy: Settings names the previewed sheet, the base year is the latest all cities have; the scenario reads", async () => {
    const port = createMemoryPort({ "emission vector": changzhutanLongRows() });
    const made = value(await createScenarioFromInventory(port, { sheet: "emission vector" }, {}, { keep: true }));
    expect([made.start.baseYear, made.start.defaultBaseYear, made.sheets]).toEqual([
      2015,
      true,
      ["Settings", "Drivers", "Levers", "Activities", "Socioeconomic", "Targets"],
    ]);
    expect([setting(port, /^Inventory/)[1], setting(port, /^Base year/)[1], setting(port, /^Units/)[1]]).toEqual(["emission vector", 2015, "Mt"]);
    expect(value(await readScenario(port)).model.cities).toEqual(["湖南株洲", "湖南湘潭", "湖南长沙"]);
  });
  test("a chosen base year some city lacks, or an unknown city, is refused with every problem and nothing written", async () => {
    const port = createMemoryPort({ "emission vector": changzhutanLongRows() });
    const r = await createScenarioFromInventory(port, undefined, { baseYear: 2019, cities: ["湖南长沙", "湖南湘潭"] }, { keep: true });
    expect(issues(r).map((i) => [i.code, i.city])).toEqual([["inventory_base_year_city", "湖南湘潭"]]);
    const unknown = await createScenarioFromInventory(port, undefined, { cities: ["长沙"] }, { keep: true });
    expect(issues(unknown).map((i) => i.nearest)).toEqual(["湖南长沙"]);
    expect(port.memory.sheetList.map((s) => s.name)).toEqual(["emission vector"]);
  });
  test("startFromInventory: the latest year two chosen cities share", () => {
    const r = startFromInventory(cz(), { cities: ["湖南长沙", "湖南湘潭"], cluster: " 长湘 " });
    expect(r.ok && [r.value.baseYear, r.value.cluster, r.value.inventory.cities]).toEqual([2017, "长湘", ["湖南长沙", "湖南湘潭"]]);
  });
});
