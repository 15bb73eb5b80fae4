/**
 * Benefit of coordination (src/engine/scenario/coordination.ts; docs/design.md §3): independent-cities result
 * − cluster-coordinated result, by sector and year.
 */
import fc from "fast-check";
import { runScenarios, sectorTotals, clusterTotal, coordinationBenefit } from "../../src/engine";
import { inputArb, tinyInput, value } from "./scenario-fixtures";

describe("coordination benefit — reference values", () => {
  test("each city cutting its own industry 10% vs one 10% structure shift for all sectors: the benefit is the transport part, 10% of 70 t", () => {
    const input = tinyInput();
    input.settings = { ...input.settings, scenarios: [], independent: "alone", coordinated: "together" };
    const step = { startYear: 2021, fullYear: 2021, shape: "step" };
    input.levers = [
      { scenario: "alone", name: "own", cities: "all", sectors: "industry", kind: "reduce", value: 0.1, ...step },
      { scenario: "together", name: "joint", cities: "all", sectors: "all", kind: "reduce", value: 0.1, ...step },
    ];
    const r = value(runScenarios(input));
    const b = r.coordination!;
    const Y = r.years.length;
    expect(b.bySector[0 * Y + 3]).toBeCloseTo(0, 12);
    expect(b.bySector[1 * Y + 3]).toBeCloseTo(7, 12);
    expect(b.total[3]).toBeCloseTo(7, 12);
    expect(b.byCity[0 * Y + 3]).toBeCloseTo(5, 12);
    expect(b.byCity[1 * Y + 3]).toBeCloseTo(2, 12);
  });
});

describe("coordination benefit — invariants", () => {
  test("by sector, by city and in total it is the difference of the two scenarios; identical levers give 0", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const twin = (input.levers ?? []).map((l) => ({ ...l, scenario: "T" }));
        const r = value(
          runScenarios({
            ...input,
            settings: { ...input.settings, scenarios: ["S", "T"], independent: "S", coordinated: "T" },
            levers: [...(input.levers ?? []), ...twin],
          }),
        );
        const b = r.coordination!;
        expect(Array.from(b.total).every((x) => x === 0)).toBe(true);
        const d = { cities: r.cities, sectors: r.sectors, years: r.years };
        const other = coordinationBenefit("S", "baseline", r.emissions[1], r.emissions[0], r.cities.length, r.sectors.length, r.years.length);
        const diff = clusterTotal(d, r.emissions[1]).map((x, y) => x - clusterTotal(d, r.emissions[0])[y]);
        other.total.forEach((x, y) => expect(x).toBeCloseTo(diff[y], 3));
        const bySector = sectorTotals(d, r.emissions[1]).map((x, i) => x - sectorTotals(d, r.emissions[0])[i]);
        other.bySector.forEach((x, i) => expect(x).toBeCloseTo(bySector[i], 3));
      }),
      { numRuns: 40 },
    );
  });
});
