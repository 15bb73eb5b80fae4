import fc from "fast-check";
import { convert, formatIssue, GJ_PER_TCE, tonnesPer, unitInText, unitLabel } from "../../src/engine";

const value = (r: ReturnType<typeof convert>) => (r.ok ? r.value : NaN);

describe("convert — argument validation", () => {
  test("an unknown unit is reported naming the argument", () => {
    const r = convert(1, "furlong", "t");
    expect(!r.ok && formatIssue(r.issues[0])).toBe('from_unit: "furlong" is not a known unit (t, 万t, Mt, 亿t, kt, Gt, tce, GJ)');
  });
  test("both unknown units are reported at once", () => {
    const r = convert(1, "a", "b");
    expect(!r.ok && r.issues.map((i) => i.path[0])).toEqual(["from_unit", "to_unit"]);
  });
  test("mass cannot be converted to energy", () => {
    const r = convert(1, "Mt", "GJ");
    expect(!r.ok && r.issues[0].code).toBe("unit_mismatch");
  });
  test("a non-finite value is rejected", () => {
    expect(convert(Infinity, "t", "Mt").ok).toBe(false);
  });
});

describe("convert — reference values (docs/design.md §3 units)", () => {
  test("1 Mt = 100 万t = 1e6 t; 1 亿t = 100 Mt", () => {
    expect(value(convert(1, "Mt", "万t"))).toBe(100);
    expect(value(convert(1, "Mt", "t"))).toBe(1e6);
    expect(value(convert(1, "亿t", "Mt"))).toBe(100);
  });
  test("1 tce = 29.3076 GJ", () => {
    expect(value(convert(1, "tce", "GJ"))).toBe(GJ_PER_TCE);
    expect(GJ_PER_TCE).toBe(29.3076);
  });
  test("labels with CO2 suffixes, spaces, case and Chinese names are understood", () => {
    expect(value(convert(2, "Mt CO2", "万吨"))).toBe(200);
    expect(value(convert(3, "万吨二氧化碳", "t"))).toBe(30000);
    expect(value(convert(1, "MT", "kt"))).toBe(1000);
  });
  test("the seed's 长沙 18 万t/km² is 0.18 Mt/km²", () => {
    expect(value(convert(18, "万t", "Mt"))).toBeCloseTo(0.18, 12);
  });
});

describe("convert — invariants", () => {
  const units = fc.constantFrom("t", "kt", "万t", "Mt", "亿t", "Gt");
  test("converting there and back returns the value (to 1e-12 relative)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), units, units, (x, a, b) => {
        const there = value(convert(x, a, b));
        const back = value(convert(there, b, a));
        return Math.abs(back - x) <= 1e-12 * Math.max(1, Math.abs(x));
      }),
    );
  });
});

describe("unit vocabulary — what analysts write (units.ts is its one home)", () => {
  test.each([
    ["t", 1],
    ["tonnes", 1],
    ["tCO2", 1],
    ["吨", 1],
    ["kt", 1e3],
    ["thousand tonnes", 1e3],
    ["千吨", 1e3],
    ["万t", 1e4],
    ["万吨", 1e4],
    ["10^4 t", 1e4],
    ["10⁴t", 1e4],
    ["万吨二氧化碳", 1e4],
    ["Mt", 1e6],
    ["MtCO2", 1e6],
    ["Mt CO2", 1e6],
    ["MtCO2e", 1e6],
    ["million tonnes", 1e6],
    ["Million Tonnes of CO2", 1e6],
    ["million tones", 1e6],
    ["百万吨", 1e6],
    ["亿吨", 1e8],
    ["亿t", 1e8],
    ["Gt", 1e9],
  ])("%s is %d t", (label, tonnes) => {
    expect(tonnesPer(label)).toBe(tonnes);
  });
  test("energy and unknown words are not mass units", () => {
    expect([tonnesPer("tce"), tonnesPer("万吨标准煤"), tonnesPer("furlong"), tonnesPer(""), tonnesPer("CO2")]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
  test("a unit is shown once, without its CO2 (results say CO2 themselves): Mt CO2 → Mt, 万吨二氧化碳 → 万吨", () => {
    expect(["Mt CO2", "MtCO2", "million tonnes", "mt", "10^4 t", "万吨二氧化碳", "百万吨", "furlong"].map(unitLabel)).toEqual([
      "Mt",
      "Mt",
      "Mt",
      "Mt",
      "万t",
      "万吨",
      "百万吨",
      "furlong",
    ]);
  });
  test("a unit inside free text: CEADs' NOTE, headers, titles", () => {
    expect(unitInText("million tones 百万吨")?.label).toBe("million tones");
    expect(unitInText("Emissions (Mt CO2)")?.label).toBe("Mt CO2");
    expect(unitInText("emissions_mt")?.label).toBe("mt");
    expect(unitInText("CO2 / 万t")?.label).toBe("万t");
    expect([unitInText("2019"), unitInText("Raw Coal"), unitInText("Scope_1_Total"), unitInText("")]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
