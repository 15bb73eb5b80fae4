/**
 * Measured history in scenario runs (src/engine/scenario/history.ts; docs/model.md §3): the results
 * are the inventory up to the last historical year H in every scenario (gaps as gaps), projected after
 * it; H defaults to the latest year every city has; a city lacking H is a problem unless the fill rule
 * carries its last value forward; drivers and levers act only after H; an input of the previous
 * versions (one base-year inventory) gives the same numbers as the same input stated as a history.
 * The 长株潭 years are CEADs': 长沙 ends in 2019, 湘潭 in 2017, 株洲 in 2015 (data/ceads-changzhutan-city-totals.csv).
 */
import fc from "fast-check";
import { basisOf, compileScenario, formatIssue, runScenarios, type ScenarioResults } from "../../src/engine";
import { at, inputArb, issuesOf, tinyInput, value, type RawInput } from "./scenario-fixtures";

/** Three cities with the CEADs spans of 长沙 (2015–2019), 湘潭 (2015–2017), 株洲 (2015), two sectors, one lever after 2019. */
function ceadsLike(): RawInput {
  const rows: Record<string, unknown>[] = [];
  const spans: Record<string, number> = { 长沙: 2019, 湘潭: 2017, 株洲: 2015 };
  for (const [city, last] of Object.entries(spans)) {
    for (let year = 2013; year <= last; year++) {
      if (city === "长沙" && year === 2016) continue; // a gap inside the history
      rows.push({ city, sector: "industry", year, value: 10 + year - 2013 });
      rows.push({ city, sector: "buildings", year, value: 5 });
    }
  }
  return {
    settings: { baseYear: 2015, endYear: 2030, targetYear: 2030, units: "Mt", cluster: "长株潭", scenarios: ["policy"] },
    inventory: rows,
    activities: [],
    drivers: [{ from: 2016, to: 2030, rate: 0.02 }],
    levers: [{ scenario: "policy", name: "cut", cities: "all", sectors: "all", kind: "reduce", value: 0.3, startYear: 2019, fullYear: 2025 }],
  };
}

function series(r: ScenarioResults, k: number, c: number, s: number): number[] {
  const S = r.sectors.length;
  const Y = r.years.length;
  return Array.from(r.emissions[k].subarray((c * S + s) * Y, (c * S + s + 1) * Y));
}

describe("history — argument validation", () => {
  test("a city without a value in the last historical year is a problem naming it, its years and the latest common year", () => {
    const input = ceadsLike();
    input.settings.lastHistoricalYear = 2019;
    input.settings.source = { sheet: "Settings", row: 1, columns: { lastHistoricalYear: "B15" } };
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["inventory_base_year_city", "Settings!B15"],
      ["inventory_base_year_city", "Settings!B15"],
    ]);
    expect(formatIssue(issues[0])).toBe(
      'Settings!B15: 湘潭 has no value for the last historical year 2019 (it has 2013–2017): choose an earlier last historical year (2015 is the latest year every city has), or the fill rule "carry forward" to use its last measured value (marked as filled in the outputs)',
    );
    expect(formatIssue(issues[1], "zh")).toContain("株洲 没有最后历史年 2019 的数值（已有年份：2013–2015）");
  });
  test("a lever milestone in force in a measured year is a problem naming its cell; a linear ramp from H is not", () => {
    const input = ceadsLike();
    input.levers = [
      {
        scenario: "policy",
        name: "early",
        cities: "all",
        sectors: "all",
        kind: "reduce",
        value: 0.1,
        startYear: 2014,
        fullYear: 2020,
        source: { sheet: "Levers", row: 2, columns: { startYear: "G" } },
      },
      {
        scenario: "policy",
        name: "step",
        cities: "all",
        sectors: "all",
        kind: "reduce",
        value: 0.1,
        startYear: 2015,
        fullYear: 2015,
        shape: "step",
        source: { sheet: "Levers", row: 3, columns: { startYear: "G" } },
      },
      { scenario: "policy", name: "ok", cities: "all", sectors: "all", kind: "reduce", value: 0.1, startYear: 2015, fullYear: 2020, shape: "s-curve" },
    ];
    // H = 2015 (the latest year every city has); 2014 is before the base year, 2015 with a step acts in H.
    expect(issuesOf(compileScenario(input)).map((i) => [i.code, i.cell])).toEqual([
      ["lever_before_base", "Levers!G2"],
      ["lever_in_history", "Levers!G3"],
    ]);
    input.settings.lastHistoricalYear = 2017;
    input.settings.fill = "carry forward";
    input.levers = [
      {
        scenario: "policy",
        name: "mid",
        cities: "all",
        sectors: "all",
        kind: "reduce",
        value: 0.1,
        startYear: 2016,
        fullYear: 2020,
        source: { sheet: "Levers", row: 2, columns: { startYear: "G" } },
      },
    ];
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["lever_in_history", "Levers!G2"]]);
    expect(formatIssue(issues[0])).toContain("this milestone acts in 2016, a measured year (up to 2017)");
  });
  test("no year every city has (from the base year on) is a problem listing each city's years", () => {
    const input = ceadsLike();
    input.settings.baseYear = 2016;
    input.inventory = input.inventory.filter((r) => !(r.city === "株洲"));
    input.inventory.push({ city: "株洲", sector: "industry", year: 2014, value: 1 });
    const issues = issuesOf(compileScenario(input));
    expect(issues.map((i) => i.code)).toEqual(["history_no_common_year"]);
    expect(formatIssue(issues[0])).toContain("(长沙: 2013–2015, 2017–2019; 湘潭: 2013–2017; 株洲: 2014)");
  });
  test("the last historical year must lie inside the results", () => {
    const input = ceadsLike();
    input.settings.lastHistoricalYear = 2040;
    expect(issuesOf(compileScenario(input)).map((i) => [i.code, i.path.join(".")])).toEqual([["history_year_outside", "settings.lastHistoricalYear"]]);
  });
});

describe("history — reference values", () => {
  test("by default H is the latest year every city has (2015), said in a warning; later measured values are named as unused", () => {
    const res = runScenarios(ceadsLike());
    const r = value(res);
    expect(r.lastHistoricalYear).toBe(2015);
    const codes = res.ok ? res.warnings.map((w) => w.code) : [];
    expect(codes).toEqual(["history_default", "inventory_after_history", "inventory_after_history"]);
    expect(res.ok && formatIssue(res.warnings[0])).toBe(
      "Settings › Last historical year: last historical year 2015 (the latest year every city has; Settings → Last historical year): results 2015–2015 are measured, 2016–2030 projected",
    );
  });
  test("with carry-forward, 株洲 and 湘潭 start from their last measured values, marked filled; 长沙's 2016 gap stays a gap", () => {
    const input = ceadsLike();
    input.settings.lastHistoricalYear = 2019;
    input.settings.fill = "延用最近实测值";
    const res = runScenarios(input);
    const r = value(res);
    expect(r.filled.map((f) => `${f.city}/${f.sector} ${f.year} ← ${f.from}`)).toEqual([
      "湘潭/industry 2019 ← 2017",
      "湘潭/buildings 2019 ← 2017",
      "株洲/industry 2019 ← 2015",
      "株洲/buildings 2019 ← 2015",
    ]);
    // 湘潭 industry: 10 + 2017 − 2013 = 14 Mt carried to 2019; 2018 stays a gap.
    expect(at(r, "baseline", "湘潭", "industry", 2019)).toBe(14e6);
    expect(Number.isNaN(at(r, "baseline", "湘潭", "industry", 2018))).toBe(true);
    expect(Number.isNaN(at(r, "policy", "长沙", "industry", 2016))).toBe(true);
    expect(at(r, "baseline", "湘潭", "industry", 2020)).toBeCloseTo(14e6 * 1.02, 3);
    const c = r.cities.indexOf("湘潭");
    const y = (year: number) => year - r.years[0];
    expect([2017, 2018, 2019, 2020].map((year) => basisOf(r, c, 0, y(year), at(r, "baseline", "湘潭", "industry", year)))).toEqual([
      "measured",
      "gap",
      "filled",
      "projected",
    ]);
    expect(res.ok && res.warnings.map((w) => w.code)).toContain("history_filled");
    expect(res.ok && formatIssue(res.warnings.find((w) => w.code === "history_filled")!)).toContain("湘潭 ← 2017 (2 sectors); 株洲 ← 2015 (2 sectors)");
  });
  test("the peak looks at history and projection: a measured maximum before H is the peak", () => {
    const input = tinyInput();
    input.settings.baseYear = 2015;
    input.inventory = [
      { city: "A", sector: "industry", year: 2015, value: 200 },
      { city: "A", sector: "industry", year: 2016, value: 300 },
      { city: "A", sector: "industry", year: 2020, value: 100 },
      { city: "B", sector: "industry", year: 2020, value: 100 },
    ];
    input.settings.lastHistoricalYear = 2020;
    input.drivers = [{ from: 2021, to: 2030, rate: 0.01 }];
    const r = value(runScenarios(input));
    expect(r.peaks.find((p) => p.region === "A" && p.scenario === "baseline")!.year).toBe(2016);
  });
});

describe("history — invariants", () => {
  /** A random input of the fixtures with a random multi-year history before its base year and H moved there. */
  const withHistory = fc.tuple(inputArb, fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.5, max: 2, noNaN: true })).map(([input, extra, f]) => {
    const base = input.settings.baseYear as number;
    const rows = input.inventory.flatMap((r) => [
      ...Array.from({ length: extra }, (_, i) => ({ ...r, year: base - extra + i, value: (r.value as number) * f ** (i + 1) })),
      { ...r, year: base },
    ]);
    return { ...input, settings: { ...input.settings, baseYear: base - extra, lastHistoricalYear: base, targetYear: base }, inventory: rows };
  });
  test("every scenario equals the measured history up to H, whatever the levers (no lever acts on a measured year)", () => {
    fc.assert(
      fc.property(withHistory, (input) => {
        const r = value(runScenarios(input));
        const h = r.lastHistoricalYear - r.years[0];
        for (let k = 1; k < r.scenarios.length; k++) {
          for (let c = 0; c < r.cities.length; c++) {
            for (let s = 0; s < r.sectors.length; s++) {
              expect(series(r, k, c, s).slice(0, h + 1)).toEqual(series(r, 0, c, s).slice(0, h + 1));
            }
          }
          for (const red of r.reductions.slice(1))
            for (let i = 0; i < red.bySector.length; i++) if (i % r.years.length <= h) expect(red.bySector[i] === 0).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
  test("an input of previous versions (base-year rows without a year) gives bit-identical results to the same rows with the year, and to a longer history ending in the base year from the base year on", () => {
    fc.assert(
      fc.property(withHistory, (hist) => {
        const base = hist.settings.lastHistoricalYear as number;
        const old = {
          ...hist,
          settings: { ...hist.settings, baseYear: base, lastHistoricalYear: undefined },
          inventory: hist.inventory.filter((r) => r.year === base).map(({ year: _y, ...rest }) => rest),
        };
        const a = value(runScenarios(old));
        const b = value(runScenarios({ ...old, inventory: old.inventory.map((r) => ({ ...r, year: base })) }));
        const c = value(runScenarios(hist));
        const offset = base - c.years[0];
        expect(b.emissions.map((e) => Array.from(e))).toEqual(a.emissions.map((e) => Array.from(e)));
        a.emissions.forEach((e, k) => {
          const Y = a.years.length;
          for (let i = 0; i < e.length / Y; i++)
            expect(Array.from(c.emissions[k].subarray(i * (Y + offset) + offset, (i + 1) * (Y + offset)))).toEqual(Array.from(e.subarray(i * Y, (i + 1) * Y)));
        });
      }),
      { numRuns: 60 },
    );
  });
});
