import { formatIssue, makeGrid, readInventory, summarizeInventory, type Inventory, type Result } from "../../src/engine";
import { changzhutanLongRows, hunanSectorRows } from "../helpers/inventory-grids";

const inv = (r: Result<Inventory>): Inventory => {
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
  return r.value;
};

describe("inventory summary — reference values (CEADs, data/README.md)", () => {
  test("Hunan 2019 sums to the file's TotalEmissions, 310.64 Mt, over its 47 sectors", () => {
    const s = summarizeInventory(inv(readInventory(makeGrid("Hunan2019", hunanSectorRows()))));
    expect([s.layout, s.unit, s.sectors.length, s.years, s.sheets, s.warnings]).toEqual(["sectors-fuels", "Mt", 47, [2019], ["Hunan2019"], []]);
    expect(s.regions.map((r) => r.name)).toEqual(["Hunan"]);
    expect(s.regions[0].totals["2019"]).toBeCloseTo(310.6416664583151, 9);
  });
  test("city totals have no sectors; years a city lacks are left out of its totals", () => {
    const s = summarizeInventory(inv(readInventory(makeGrid("emission vector", changzhutanLongRows()))));
    expect(s.sectors).toEqual([]);
    const zz = s.regions.find((r) => r.name === "湖南株洲")!;
    expect(Object.keys(zz.totals)).toEqual(["2005", "2006", "2007", "2008", "2009", "2010", "2011", "2012", "2013", "2015"]);
    expect(zz.totals["2015"]).toBe(19.908405500068486);
  });
});

describe("inventory summary — edge cases", () => {
  test("what the totals leave out is said: sectors missing in a year, scope 2", () => {
    const rows = [
      ["City", "Sector", "Year", "Emissions (Mt)"],
      ["A", "Industry", 2019, 2],
      ["A", "Transport", 2019, 1],
      ["A", "Industry", 2020, 2.5],
    ];
    const s = summarizeInventory(inv(readInventory(makeGrid("S", rows))));
    expect(s.regions[0].totals).toEqual({ "2019": 3, "2020": 2.5 });
    expect(s.warnings.map((w) => formatIssue(w))).toEqual(["A: in 2020 not all 2 sectors have a value; the total there is of those that do"]);
    const scope2 = summarizeInventory(
      inv(
        readInventory(
          makeGrid("Hunan2019", [
            ["sector", "Coke", "Scope_2_Electricity"],
            [null, "Mt", "Mt"],
            ["Construction", 1, 0.5],
          ]),
        ),
      ),
    );
    expect(scope2.regions[0].totals).toEqual({ "2019": 1 });
    expect(scope2.warnings.map((w) => formatIssue(w, "en"))).toEqual([
      "Hunan 2019: 0.5 Mt of scope-2 emissions (purchased electricity and heat) kept apart, not in the totals",
    ]);
  });
  test("a unit nobody states is null", () => {
    expect(
      summarizeInventory(
        inv(
          readInventory(
            makeGrid("S", [
              ["City", 2019],
              ["A", 1],
            ]),
            { unitOptional: true },
          ),
        ),
      ).unit,
    ).toBeNull();
  });
});
