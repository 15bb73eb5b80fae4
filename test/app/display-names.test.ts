/* Display names of the template's codes: names in the pane, codes in the cells. */
import { displayName, labelWithCode, templateSheets } from "../../src/app";
import { MODEL_SECTORS } from "../../src/samples/changzhutan";

describe("display names", () => {
  test("every sector and scenario code the 长株潭 example writes has a Chinese name", () => {
    const [settings, , levers] = templateSheets("zh", "changzhutan");
    const scenarioCodes = new Set<string>();
    for (const row of levers.rows) if (typeof row[0] === "string") scenarioCodes.add(row[0]);
    expect([...scenarioCodes].sort()).toEqual(["coordinated", "independent"]);
    const baseline = settings.rows.map((r) => r[1]).find((v) => v === "baseline");
    expect(baseline).toBe("baseline");
    for (const code of [...scenarioCodes, "baseline"]) expect([code, /[\u4e00-\u9fff]/.test(displayName("scenario", code, "zh"))]).toEqual([code, true]);
    for (const s of MODEL_SECTORS) {
      expect(displayName("sector", s.id, "zh")).toBe(s.zh);
      expect(displayName("sector", s.id, "en")).toBe(s.en);
    }
  });

  test("codes the template does not give stay as typed; in English the scenario codes are the names", () => {
    expect(displayName("sector", "钢铁", "zh")).toBe("钢铁");
    expect(displayName("scenario", "my_case", "zh")).toBe("my_case");
    expect(displayName("scenario", "coordinated", "en")).toBe("coordinated");
  });

  test("with the code beside the name when they differ", () => {
    expect(labelWithCode("scenario", "coordinated", "zh")).toBe("协同减排情景（coordinated）");
    expect(labelWithCode("sector", "power_heat", "en")).toBe("Power and heat (power_heat)");
    expect(labelWithCode("scenario", "baseline", "en")).toBe("baseline");
  });
});
