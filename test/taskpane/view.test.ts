/* Pure presentation logic of the pane (the DOM itself is tested in test/browser). */
import { formatIssue, issue, makeGrid, readInventory, summarizeInventory } from "../../src/engine";
import { changzhutanLongRows, hunanSectorRows } from "../helpers/inventory-grids";
import { STRINGS } from "../../src/taskpane/strings";
import {
  ANNOUNCE_GAP_MS,
  doneAnnouncement,
  layoutText,
  listText,
  numberText,
  percent,
  problemRows,
  regionRows,
  sentence,
  sheetHome,
  shouldAnnounceStage,
  sourceFromChoice,
  stageLabel,
  statusText,
  yearsText,
} from "../../src/taskpane/ui/view";

const en = STRINGS.en;
const zh = STRINGS.zh;

describe("problems list", () => {
  test("every issue in order, text from the engine's message table, the cell kept for selecting it", () => {
    const issues = [
      issue("not_a_number", ["inventory", 3, 14], { value: "<img src=x onerror=alert(1)>", cell: "Inventory!O4" }),
      issue("not_a_number", ["inventory", 4, 2], { value: "abc", cell: "'My sheet'!C5" }),
      issue("cancelled", []),
    ];
    const rows = problemRows(issues, "en");
    expect(rows).toEqual([
      { text: formatIssue(issues[0], "en"), cell: "Inventory!O4" },
      { text: formatIssue(issues[1], "en"), cell: "'My sheet'!C5" },
      { text: formatIssue(issues[2], "en") },
    ]);
    expect(rows[0].text).toContain("Inventory!O4");
    expect(rows[0].text).toContain("<img src=x onerror=alert(1)>");
    expect(problemRows(issues, "zh")[2].text).toBe(formatIssue(issues[2], "zh"));
  });
});

describe("preview texts", () => {
  test("lists are cut after six items with the count of the rest, per language", () => {
    expect(listText([], en)).toBe("none");
    expect(listText(["长沙", "株洲", "湘潭"], en)).toBe("长沙, 株洲, 湘潭");
    expect(listText(["长沙", "株洲", "湘潭"], zh)).toBe("长沙、株洲、湘潭");
    expect(listText(["a", "b", "c", "d", "e", "f", "g", "h"], en)).toBe("a, b, c, d, e, f and 2 more");
  });

  test("years as a range with their count, whatever the order", () => {
    expect(yearsText([2019, 2001, 2010], en)).toBe("2001–2019 (3 years)");
    expect(yearsText([2015], zh)).toBe("2015–2015（共 1 年）");
    expect(yearsText([], en)).toBe("none");
  });

  test("numbers, percentages, layouts and statuses", () => {
    expect(numberText(122.9512, "en")).toBe("122.95");
    expect(numberText(12345.6, "zh")).toBe("12,345.6");
    expect(percent(0.304)).toBe(30);
    expect(percent(2)).toBe(100);
    expect(percent(Number.NaN)).toBe(0);
    expect(layoutText("matrix", zh)).toBe(zh.layoutMatrix);
    expect(statusText("plateau", zh)).toBe("平台期");
    expect(statusText("rising", en)).toBe("rising");
    expect(statusText("insufficient", en)).toBe("too few years");
    expect(statusText("insufficient", zh)).toBe("数据年份不足");
  });

  test("progress stages of the workflow (read, run, write, done) all have labels; unknown ones a generic one", () => {
    for (const stage of ["read", "run", "write", "done"]) {
      expect(stageLabel(stage, en)).toBe(en.stages[stage]);
      expect(stageLabel(stage, zh)).toBe(zh.stages[stage]);
    }
    expect(stageLabel("Write tables", en)).toBe(en.stages.write);
    expect(stageLabel("something new", en)).toBe(en.stageWorking);
  });
});

describe("inventory source from the chooser", () => {
  test("automatic, a sheet with or without a range, a table, a typed sheet!range, the unit", () => {
    expect(sourceFromChoice("", "", "")).toEqual({});
    expect(sourceFromChoice("", "", "Mt")).toEqual({ unit: "Mt" });
    expect(sourceFromChoice("sheet:Inventory", "", "")).toEqual({ sheet: "Inventory" });
    expect(sourceFromChoice("sheet:Inventory", " A1:X40 ", "万t")).toEqual({ sheet: "Inventory", address: "A1:X40", unit: "万t" });
    expect(sourceFromChoice("table:Emissions", "A1:B2", "")).toEqual({ table: "Emissions" });
    expect(sourceFromChoice("", "'CEADs 城市排放'!A2:X5", "")).toEqual({ sheet: "CEADs 城市排放", address: "A2:X5" });
    expect(sourceFromChoice("", "'Bob''s'!A1:B2", "")).toEqual({ sheet: "Bob's", address: "A1:B2" });
  });

  test("the first cell of a sheet, quoted when Excel needs it", () => {
    expect(sheetHome("Results")).toBe("Results!A1");
    expect(sheetHome("Results (2)")).toBe("'Results (2)'!A1");
    expect(sheetHome("Run info")).toBe("'Run info'!A1");
  });
});

describe("announcements", () => {
  test("a progress bar announces a new stage, never the same one twice, and not sooner than 3 s after the last", () => {
    expect(shouldAnnounceStage(undefined, "read", 0)).toBe(true);
    expect(shouldAnnounceStage({ stage: "read", at: 0 }, "read", 10_000)).toBe(false);
    expect(shouldAnnounceStage({ stage: "read", at: 0 }, "run", 2_999)).toBe(false);
    expect(shouldAnnounceStage({ stage: "read", at: 0 }, "run", ANNOUNCE_GAP_MS)).toBe(true);
  });

  test("done: the sheets written and the cluster's peak in the last scenario, in one sentence", () => {
    const peaks = [
      { scenario: "baseline", region: "长株潭", isCluster: true, peakYear: 2035 },
      { scenario: "coordinated", region: "长沙", isCluster: false, peakYear: 2026 },
      { scenario: "coordinated", region: "长株潭", isCluster: true, peakYear: 2028 },
    ];
    expect(doneAnnouncement(7, peaks, ["baseline", "coordinated"], en)).toBe("Done: 7 sheets written; 长株潭 peaks in 2028 (coordinated).");
    expect(doneAnnouncement(7, peaks, ["baseline", "coordinated"], zh)).toBe("完成：已写入 7 个工作表；长株潭（coordinated）于 2028 年达峰。");
    expect(doneAnnouncement(7, [{ scenario: "baseline", region: "长株潭", isCluster: true, peakYear: null }], ["baseline"], en)).toBe(
      "Done: 7 sheets written; 长株潭 is still rising (baseline).",
    );
    expect(doneAnnouncement(3, [], [], en)).toBe("Done: 3 sheets written.");
  });

  test("messages are shown as sentences: a lower-case first letter is raised, Chinese and addresses left as they are", () => {
    expect(sentence("the run was cancelled; nothing was written")).toBe("The run was cancelled; nothing was written");
    expect(sentence("运行已取消")).toBe("运行已取消");
    expect(sentence("Inventory!O4: x")).toBe("Inventory!O4: x");
    expect(sentence("'CEADs'!B2: y")).toBe("'CEADs'!B2: y");
  });
});

describe("the inventory summary's regions (CEADs, data/README.md)", () => {
  test("each city with its years and its last year's total, in the pane's language", () => {
    const r = readInventory(makeGrid("emission vector", changzhutanLongRows()));
    if (!r.ok) throw new Error("unreadable");
    expect(regionRows(summarizeInventory(r.value), "en", STRINGS.en)).toEqual([
      ["湖南株洲", "2005–2015 (10 years)", "19.91"],
      ["湖南湘潭", "2001–2017 (14 years)", "44.07"],
      ["湖南长沙", "2001–2019 (18 years)", "32.45"],
    ]);
  });
  test("Hunan 2019: 310.64 Mt, the file's TotalEmissions", () => {
    const r = readInventory(makeGrid("Hunan2019", hunanSectorRows()));
    if (!r.ok) throw new Error("unreadable");
    expect(regionRows(summarizeInventory(r.value), "zh", STRINGS.zh)[0][2]).toBe("310.64");
  });
});
