/**
 * The one bilingual table of output labels (src/app/output-labels.ts): every key has English and
 * Chinese text with the same placeholders, the sheet names obey Excel's rules and never look like a
 * scenario sheet, and the English labels are the ones the outputs have always had.
 */
import {
  OUTPUT_LABELS,
  OUTPUT_ROLES,
  OUTPUT_SHEET_NAMES,
  isOutputSheetName,
  labels,
  outputLabel,
  outputSheetNames,
  type OutputLabelKey,
} from "../../src/app/output-labels";
import { OUTPUT_SHEETS } from "../../src/app/outputs";
import { LIVE_HEADERS, liveHeaders } from "../../src/app/live-peaks";
import { SCENARIO_ROLES, isRoleName } from "../../src/app";
import { freeSheetName } from "../../src/app";
import { checkSheetName } from "../../src/workbook/policy";
import { placeholders } from "../../src/engine";

const HAN = /\p{Script=Han}/u;

describe("argument validation", () => {
  test("a placeholder without a value is left visible rather than dropped", () => {
    expect(outputLabel("en", "peakedBy")).toBe("Peaked by {target}");
    expect(outputLabel("zh", "peakedBy", { other: 1 })).toBe("{target}年前达峰");
  });
});

describe("edge cases", () => {
  test("numbered variants of a sheet name count as that role's name, in that language only", () => {
    expect(isOutputSheetName("results", "en", "Results")).toBe(true);
    expect(isOutputSheetName("results", "en", "results (2)")).toBe(true);
    expect(isOutputSheetName("results", "zh", "结果 (12)")).toBe(true);
    expect(isOutputSheetName("results", "zh", "Results")).toBe(false);
    expect(isOutputSheetName("results", "en", "Results 2")).toBe(false);
    expect(isOutputSheetName("peaks", "en", "Peaks (live)")).toBe(false);
    expect(isOutputSheetName("peaksLive", "zh", freeSheetName("峰值（实时公式）", ["峰值（实时公式）"]))).toBe(true);
  });
});

describe("invariants", () => {
  test("every label key has non-empty English and Chinese text with the same placeholders", () => {
    for (const [key, t] of Object.entries(OUTPUT_LABELS)) {
      expect([key, t.en.trim().length > 0, t.zh.trim().length > 0]).toEqual([key, true, true]);
      expect([key, placeholders(t.zh)]).toEqual([key, placeholders(t.en)]);
    }
  });

  test("every Chinese label is Chinese text, except the unit templates", () => {
    const unitOnly: OutputLabelKey[] = ["unitCO2", "withUnit"];
    for (const key of Object.keys(OUTPUT_LABELS) as OutputLabelKey[]) {
      if (!unitOnly.includes(key)) expect([key, HAN.test(OUTPUT_LABELS[key].zh)]).toEqual([key, true]);
    }
  });

  test("every output sheet name, in both languages, is a valid Excel name and distinct from every other", () => {
    const all = OUTPUT_ROLES.flatMap((r) => [OUTPUT_SHEET_NAMES[r].en, OUTPUT_SHEET_NAMES[r].zh]);
    for (const name of all) expect([name, checkSheetName(name, [])]).toEqual([name, undefined]);
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(all.length);
    // Room for the " (99)" suffix freeSheetName may add.
    for (const name of all) expect(name.length).toBeLessThanOrEqual(26);
  });

  test("no output sheet name is taken for a scenario sheet on read", () => {
    for (const name of OUTPUT_ROLES.flatMap((r) => [OUTPUT_SHEET_NAMES[r].en, OUTPUT_SHEET_NAMES[r].zh])) {
      for (const role of SCENARIO_ROLES) expect([name, role, isRoleName(role, name)]).toEqual([name, role, false]);
    }
  });

  test("a role's name is its own and no other role's, in either language", () => {
    for (const role of OUTPUT_ROLES) {
      for (const other of OUTPUT_ROLES) {
        for (const lang of ["en", "zh"] as const) {
          expect(isOutputSheetName(other, lang, OUTPUT_SHEET_NAMES[role][lang])).toBe(role === other);
          expect(isOutputSheetName(other, lang === "en" ? "zh" : "en", OUTPUT_SHEET_NAMES[role][lang])).toBe(false);
        }
      }
    }
  });
});

describe("reference values", () => {
  test("the English labels are the outputs' established ones", () => {
    expect(OUTPUT_SHEETS).toEqual({
      results: "Results",
      peaks: "Peaks",
      peaksLive: "Peaks (live)",
      reductions: "Reductions",
      coordination: "Coordination",
      decomposition: "Decomposition",
      indicators: "Indicators",
      targetResults: "Target results",
      charts: "Charts",
      uncertainty: "Uncertainty",
      peakYears: "Peak years",
      runInfo: "Run info",
    });
    expect(LIVE_HEADERS).toEqual({ peakYear: "Peak year (live)", status: "Status (live)" });
    expect(labels("en").unit(outputLabel("en", "change", { from: 2020, to: 2030 }), "Mt")).toBe("Change 2020–2030 (Mt CO2)");
  });

  test("the Chinese names and labels", () => {
    expect(outputSheetNames("zh")).toEqual({
      results: "结果",
      peaks: "峰值",
      peaksLive: "峰值（实时公式）",
      reductions: "减排",
      coordination: "协同效益",
      decomposition: "排放变化分解",
      indicators: "指标",
      targetResults: "目标完成情况",
      charts: "图表",
      uncertainty: "不确定性",
      peakYears: "峰值年份分布",
      runInfo: "运行记录",
    });
    expect(labels("zh").unit(outputLabel("zh", "emissions"), "万t")).toBe("排放量（万t CO2）");
    expect(outputLabel("zh", "peakedBy", { target: 2030 })).toBe("2030年前达峰");
    expect(liveHeaders("zh")).toEqual({ peakYear: "达峰年份（实时）", status: "状态（实时）" });
    // The status codes stay as CARBON.PEAKSTATUS returns them; the Chinese header says what they mean.
    for (const code of ["peaked", "plateau", "rising", "unconfirmed"]) expect(outputLabel("zh", "status")).toContain(code);
  });
});
