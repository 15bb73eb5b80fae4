/** Scenario-sheet conventions (src/app/scenario-columns.ts, scenario-sheets.ts, template.ts): header matching in English and Chinese, the template, the reader's sources. */
import { SETTINGS_DEFAULTS, makeGrid, settingsSchema } from "../../src/engine";
import { LEVER_COLUMNS, SETTINGS_ROWS, VALIDATION_LISTS, isRoleName, matchColumn, readRowSheet, readScenarioGrids, templateSheets } from "../../src/app";
import type { Issue } from "../../src/engine";
import { changzhutanInput } from "../../src/samples/changzhutan";

describe("argument validation", () => {
  test("a sheet without the required header columns is reported at its top-left cell", () => {
    const out: Issue[] = [];
    expect(
      readRowSheet(
        makeGrid("Levers", [
          ["foo", "bar"],
          [1, 2],
        ]),
        "levers",
        out,
      ),
    ).toEqual([]);
    expect(out.map((i) => [i.code, i.cell])).toEqual([["scenario_header_missing", "Levers!A1"]]);
  });

  test("a column heading the same field twice is reported at the second one", () => {
    const out: Issue[] = [];
    readRowSheet(makeGrid("Drivers", [["From", "To", "Rate", "起始年"]]), "drivers", out);
    expect(out.map((i) => [i.code, i.cell, i.first])).toEqual([["column_duplicate", "Drivers!D1", "Drivers!A1"]]);
  });
});

describe("edge cases", () => {
  test.each([
    ["Start year / 起始年", "startYear"],
    ["起始年", "startYear"],
    ["START YEAR", "startYear"],
    ["fullYear", "fullYear"],
    ["见效年 / Full-effect year", "fullYear"],
    ["Value (share or pp)", "value"],
    ["电力占比", "electricityShare"],
  ])("the Levers header %j names %s", (text, field) => expect(matchColumn(text, LEVER_COLUMNS)?.field).toBe(field));

  test("settings labels match in either language", () => {
    expect(matchColumn("基准年", SETTINGS_ROWS)?.field).toBe("baseYear");
    expect(matchColumn("Target year / 目标年", SETTINGS_ROWS)?.field).toBe("targetYear");
  });

  test("sheet names are accepted in English, Chinese or an alias, any case", () => {
    expect(isRoleName("levers", "levers")).toBe(true);
    expect(isRoleName("levers", "减排措施")).toBe(true);
    expect(isRoleName("settings", "设置")).toBe(true);
    expect(isRoleName("drivers", "Levers")).toBe(false);
  });

  test("blank rows are skipped and each record names its sheet row and columns", () => {
    const g = makeGrid("Drivers", [["Title row"], ["From / 起始年", "To / 终止年", "Rate per year / 年增长率"], [], [2021, 2025, 0.02]], { row: 3, col: 2 });
    const out: Issue[] = [];
    expect(readRowSheet(g, "drivers", out)).toEqual([
      { from: 2021, to: 2025, rate: 0.02, source: { sheet: "Drivers", row: 6, columns: { from: "B", to: "C", rate: "D" } } },
    ]);
    expect(out).toEqual([]);
  });
});

describe("invariants", () => {
  test("the empty template reads back with no sheet issues (only the empty inventory is missing)", () => {
    const t = templateSheets("en");
    const grid = (role: string) => {
      const s = t.find((x) => x.role === role)!;
      return makeGrid(s.sheet, [s.header as unknown[], ...s.rows.map((r) => [...r])]);
    };
    const read = readScenarioGrids({ settings: grid("settings"), drivers: grid("drivers"), levers: grid("levers"), activities: grid("activities") });
    expect(read.issues).toEqual([]);
    expect(read.raw.settings).toMatchObject({ endYear: 2060, targetYear: 2030, baseline: "baseline" });
  });

  test("the empty template's Settings values come from the Settings rows, and those that have engine defaults are the engine's", () => {
    const settings = templateSheets("en").find((x) => x.role === "settings")!;
    expect(settings.rows.map((r) => r[1])).toEqual(SETTINGS_ROWS.map((d) => d.template ?? null));
    const read = readScenarioGrids({ settings: makeGrid(settings.sheet, [settings.header as unknown[], ...settings.rows.map((r) => [...r])]) });
    const parsed = settingsSchema.parse({ ...read.raw.settings, baseYear: 2020 });
    for (const key of ["tolerance", "confirmYears", "smoothYears", "baseline"] as const) expect(read.raw.settings[key]).toBe(SETTINGS_DEFAULTS[key]);
    expect(parsed).toMatchObject({ ...SETTINGS_DEFAULTS, endYear: 2060, targetYear: 2030 });
  });

  test("the validation lists are the engine's lever kinds and ramp shapes", () => {
    expect(VALIDATION_LISTS.levers.kind).toEqual(["reduce", "intensity", "activity", "align_best", "structure_shift", "grid_factor", "avoid_growth"]);
    expect(VALIDATION_LISTS.levers.shape).toEqual(["linear", "s-curve", "step"]);
  });
});

describe("reference values", () => {
  test("the 长株潭 example template has its 3 × 8 measured inventory 2015–2019 in Mt and every lever row of the sample", () => {
    const t = templateSheets("en", "changzhutan");
    const inv = t.find((s) => s.role === "inventory")!;
    expect(inv.header).toEqual(["City", "Sector", "Unit", "2015", "2016", "2017", "2018", "2019"]);
    expect(inv.rows.length).toBe(24);
    // CEADs city totals (data/README.md): 株洲 has 2015 only, 湘潭 ends in 2017 — blank cells, not zeros.
    const zhuzhou = inv.rows.find((r) => r[0] === "株洲")!;
    expect(zhuzhou.slice(4)).toEqual([null, null, null, null]);
    expect(typeof zhuzhou[3]).toBe("number");
    // src/samples/changzhutan.ts: what each city takes alone (transit, EV charging) in both scenarios = 2 + 2 rows;
    // the cluster's measures only in coordinated: land, industrial upgrading, building standard, intercity rail, regional charging = 5.
    expect(t.find((s) => s.role === "levers")!.rows.length).toBe(2 + 2 + 5);
  });

  test.each(["en", "zh"] as const)(
    "the example's data travels with its citation (%s): the note of the Settings row naming its inventory cites CEADs",
    (lang) => {
      const settings = templateSheets(lang, "changzhutan").find((s) => s.role === "settings")!;
      const row = settings.rows.find((r) => r[1] === (lang === "zh" ? "排放清单" : "Inventory"))!;
      expect(String(row[2])).toContain("Shan et al. (2022) Science Bulletin 67(18):1910–1920");
      expect(String(row[2])).toContain("data/changzhutan-drivers.csv");
      // The empty template cites nothing.
      const empty = templateSheets(lang).find((s) => s.role === "settings")!;
      expect(empty.rows.some((r) => String(r[2]).includes("ceads.net"))).toBe(false);
    },
  );
});

describe("uncertainty columns", () => {
  const FOUR = {
    en: ["Distribution / 分布", "SD / 标准差", "Min / 最小值", "Max / 最大值"],
    zh: ["分布 / Distribution", "标准差 / SD", "最小值 / Min", "最大值 / Max"],
  };

  test("Distribution / SD / Min / Max on Drivers are read (docs/uncertainty.md), and optional: a sheet without them is complete", () => {
    const out: Issue[] = [];
    const rows = readRowSheet(
      makeGrid("Drivers", [
        ["From", "To", "Rate", "Distribution / 分布", "SD"],
        [2021, 2025, 0.02, "normal", 0.005],
      ]),
      "drivers",
      out,
    );
    expect(out).toEqual([]);
    expect(rows[0]).toMatchObject({ dist: "normal", sd: 0.005 });
    expect(
      readRowSheet(
        makeGrid("Drivers", [
          ["From", "To", "Rate"],
          [2021, 2025, 0.02],
        ]),
        "drivers",
        out,
      )[0],
    ).not.toHaveProperty("dist");
    expect(out).toEqual([]);
  });

  test.each(["en", "zh"] as const)(
    "the template (%s) writes the four columns last on Drivers and Levers, empty or with the example; blank where a row is certain",
    (lang) => {
      for (const example of [undefined, "changzhutan"] as const) {
        for (const role of ["drivers", "levers"] as const) {
          const t = templateSheets(lang, example).find((s) => s.role === role)!;
          expect(t.header.slice(-4)).toEqual(FOUR[lang]);
          for (const row of t.rows) expect(row.length).toBe(t.header.length);
        }
      }
      const drivers = templateSheets(lang, "changzhutan").find((s) => s.role === "drivers")!;
      // The first row (长沙's population in 2020, taken from the census) is certain: four blank cells.
      expect(drivers.rows[0].slice(-4)).toEqual([null, null, null, null]);
      // Rates and their SD, Min and Max are shown as percentages.
      for (const h of FOUR[lang].slice(1)) expect(drivers.numberFormats?.[h]).toBe("0.00%");
    },
  );

  test("round trip: the example's Drivers and Levers sheets read back to changzhutanInput()'s distributions, row by row", () => {
    const input = changzhutanInput();
    const t = templateSheets("en", "changzhutan");
    const back = (role: "drivers" | "levers") => {
      const sheet = t.find((s) => s.role === role)!;
      const out: Issue[] = [];
      const rows = readRowSheet(makeGrid(sheet.sheet, [[...sheet.header], ...sheet.rows.map((r) => [...r])]), role, out);
      expect(out).toEqual([]);
      return rows.map((r) => [r.dist, r.sd, r.min, r.max]);
    };
    const want = (rows: readonly { dist?: string; sd?: number; min?: number; max?: number }[]) => rows.map((r) => [r.dist, r.sd, r.min, r.max]);
    expect(back("drivers")).toEqual(want(input.drivers));
    expect(back("levers")).toEqual(want(input.levers));
    // Not vacuous: the example has 102 normal driver rows (the projected years' drivers, docs/uncertainty.md §9) and the
    // 4 triangular lever rows of the cluster's measures (land, industrial upgrading, intercity transit, regional charging).
    expect(input.drivers.filter((d) => d.dist === "normal")).toHaveLength(102);
    expect(input.levers.filter((l) => l.dist === "triangular").map((l) => l.name)).toEqual([
      "紧凑用地",
      "产业协同升级",
      "城际公共交通",
      "电动车（区域充电网络）",
    ]);
  });
});
