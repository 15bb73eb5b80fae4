/**
 * The year a scenario starts from, never dropping a city: the CEADs 长株潭 cities end in different
 * years — 长沙 2019, 湘潭 2017, 株洲 2015 (data/ceads-changzhutan-city-totals.csv; Shan et al. 2022,
 * Science Bulletin 67(18); Shan et al. 2019, Scientific Data 6, 27).
 */
import fc from "fast-check";
import { fillGroups, formatIssue, inventoryAtYear, latestCommonYear, parseFillRule, yearSpans, type Inventory } from "../../src/engine";
import { changzhutanInventory as cz } from "../helpers/inventory-grids";

describe("base year — argument validation", () => {
  test("a base year some cities lack is an issue per city, naming the years it has and the ways out", () => {
    const r = inventoryAtYear(cz(), 2019, "none", { cell: "Settings!B3" });
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      'Settings!B3: 湖南株洲 has no value for the base year 2019 (it has 2005–2013, 2015): choose an earlier base year (2015 is the latest year every city has), or the fill rule "carry forward" to use its last measured value (marked as filled in the outputs)',
      'Settings!B3: 湖南湘潭 has no value for the base year 2019 (it has 2001–2002, 2006–2017): choose an earlier base year (2015 is the latest year every city has), or the fill rule "carry forward" to use its last measured value (marked as filled in the outputs)',
    ]);
    expect(!r.ok && formatIssue(r.issues[0], "zh")).toMatch(/湖南株洲 没有基准年 2019 的数值（已有年份：2005–2013, 2015）/);
  });
  test("carrying forward needs a measured year before: 株洲 has none before 2004", () => {
    const r = inventoryAtYear(cz(), 2004, "carry-forward");
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      "Settings › Base year: 湖南株洲 has no value in or before the base year 2004 (it has 2005–2013, 2015), so nothing can be carried forward: choose a base year it has (2015 is the latest year every city has)",
    ]); // 长沙 (2003) and 湘潭 (2002) could be carried forward
  });
  test("fill rules as analysts write them", () => {
    expect(["carry forward", "Carry-Forward", "last value", "延用最近实测值", "", null, "none", "不填补"].map(parseFillRule)).toEqual([
      "carry-forward",
      "carry-forward",
      "carry-forward",
      "carry-forward",
      "none",
      "none",
      "none",
      "none",
    ]);
    expect([parseFillRule("interpolate"), parseFillRule(3)]).toEqual([undefined, undefined]);
  });
});

describe("base year — reference values (CEADs 长株潭)", () => {
  test("the latest year all three have is 2015", () => {
    expect(latestCommonYear(cz())).toBe(2015);
    expect(latestCommonYear(cz(), ["湖南长沙", "湖南湘潭"])).toBe(2017);
    expect(latestCommonYear(cz(), ["湖南长沙"])).toBe(2019);
  });
  test("base year 2015: every city from its own measured value, nothing filled", () => {
    const r = inventoryAtYear(cz(), 2015);
    expect(r.ok && r.value.rows.map((x) => [x.city, x.value])).toEqual([
      ["湖南株洲", 19.908405500068486],
      ["湖南湘潭", 41.283699678509166],
      ["湖南长沙", 30.012426249321944],
    ]);
    expect(r.ok && r.value.filled).toEqual([]);
  });
  test("base year 2019 with carry forward: 株洲 takes its 2015 value, 湘潭 its 2017 value, each recorded with its cell", () => {
    const r = inventoryAtYear(cz(), 2019, "carry-forward");
    expect(r.ok && r.value.rows.map((x) => [x.city, x.value])).toEqual([
      ["湖南株洲", 19.908405500068486],
      ["湖南湘潭", 44.07138730955402],
      ["湖南长沙", 32.4538372096605],
    ]);
    expect(r.ok && r.value.filled.map((f) => [f.city, f.year, f.from, f.source])).toEqual([
      ["湖南株洲", 2019, 2015, "'emission vector'!C11"],
      ["湖南湘潭", 2019, 2017, "'emission vector'!C25"],
    ]);
  });
  test("years as spans", () => {
    expect(yearSpans([2015, 2005, 2006, 2007, 2013])).toBe("2005–2007, 2013, 2015");
    expect(yearSpans([])).toBe("");
  });
});

/** Whether a city can start from `year`: it has a value then, or (carry forward) before. */
const hasYearOrFill = (inv: Inventory, city: string, year: number, fill: string) => {
  const r = readInventoryYears(inv, city);
  return r.includes(year) || (fill === "carry-forward" && r.some((y) => y < year));
};
const readInventoryYears = (inv: Inventory, city: string) =>
  inv.years.filter((y) => !Number.isNaN(inv.values[inv.cities.indexOf(city) * inv.years.length + inv.years.indexOf(y)]));

describe("base year — invariants", () => {
  test("no city is ever dropped: every city is in the rows or named in an issue", () => {
    const inv = cz();
    fc.assert(
      fc.property(fc.integer({ min: 1998, max: 2021 }), fc.constantFrom("none" as const, "carry-forward" as const), (year, fill) => {
        const r = inventoryAtYear(inv, year, fill);
        if (r.ok) return inv.cities.every((c) => r.value.rows.some((x) => x.city === c));
        const named = r.issues.map((i) => i.city);
        // every city that cannot start from the year is named, and only those
        return inv.cities.every((c) => named.includes(c) !== hasYearOrFill(inv, c, year, fill));
      }),
    );
  });
});

describe("fillGroups — how filled values are reported", () => {
  test("one group per city and year carried from, in first-seen order (the 长株潭 sample: 株洲 ← 2015 × 8, 湘潭 ← 2017 × 8)", () => {
    const sectors = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const filled = [...sectors.map((sector) => ({ city: "株洲", sector, from: 2015 })), ...sectors.map((sector) => ({ city: "湘潭", sector, from: 2017 }))];
    expect(fillGroups(filled).map((g) => [g[0].city, g[0].from, g.length])).toEqual([
      ["株洲", 2015, 8],
      ["湘潭", 2017, 8],
    ]);
  });

  test("a city whose sectors were carried from different years is one group per year", () => {
    const g = fillGroups([
      { city: "X", from: 2015 },
      { city: "X", from: 2017 },
      { city: "X", from: 2015 },
    ]);
    expect(g.map((x) => [x[0].from, x.length])).toEqual([
      [2015, 2],
      [2017, 1],
    ]);
  });
});
