import fc from "fast-check";
import { convert, formatIssue, GJ_PER_TCE } from "../../src/engine";

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
    fc.assert(fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), units, units, (x, a, b) => {
      const there = value(convert(x, a, b));
      const back = value(convert(there, b, a));
      return Math.abs(back - x) <= 1e-12 * Math.max(1, Math.abs(x));
    }));
  });
});
