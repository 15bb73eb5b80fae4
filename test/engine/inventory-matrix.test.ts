import {
  formatIssue,
  inventoryRowsForYear,
  inventorySource,
  inventoryValue,
  makeGrid,
  readInventory,
  regionYearOfSheet,
  type Inventory,
} from "../../src/engine";
import { hunanSectorRows } from "../helpers/inventory-grids";

type R = ReturnType<typeof readInventory>;
const messages = (r: R) => (r.ok ? [] : r.issues.map((i) => formatIssue(i)));
const warnings = (r: R) => (r.ok ? r.warnings : ["failed"]);
const inv = (r: R): Inventory => {
  if (!r.ok) throw new Error(messages(r).join("\n"));
  return r.value;
};

/** A CEADs-style provincial sheet: fuels across, a units row, TotalEmissions first. */
const fuelSheet = (rawCoalTotal: number) => [
  [null, "Raw Coal", "Coke", "Natural Gas", "Process", "Scope 2 Electricity"],
  [null, "Mt", "Mt", "Mt", "Mt", "Mt"],
  ["TotalEmissions", rawCoalTotal, 2, 1, 0.5, 99], // 2 + 2 + 1 + 0.5 = 5.5 when rawCoalTotal is 2
  ["Construction", 1, 1, null, 0.5, 40],
  ["Urban", 1, 1, 1, null, 59],
  ["Rural", null, null, null, null, null],
];

describe("sector × fuel matrix — argument validation", () => {
  test("every rejected cell is listed at once; the year must be known", () => {
    const r = readInventory(
      makeGrid("Sectors", [
        ["sector", "Raw Coal", "Coke"],
        ["TotalEmissions", 1, 1],
        ["Construction", "x", 1],
        [null, 1, 1],
        ["Urban", -1, 1],
        ["Construction", 1, 1],
      ]),
      { unit: "Mt" },
    );
    expect(messages(r)).toEqual([
      'Sectors!A1: the year of this sector × fuel matrix is unknown: name the sheet like "Hunan2019", put the year in a title row, or choose it',
      'Sectors!B3: "x" is not a number',
      "Sectors!A4: the sector is blank on a row with values",
      "Sectors!B5: -1 is negative; emissions must be zero or more",
    ]);
  });
  test("a repeated sector is reported naming the first", () => {
    const r = readInventory(
      makeGrid("Hunan2019", [
        ["sector", "Raw Coal"],
        ["Construction", 1],
        ["Construction", 2],
      ]),
      { unit: "Mt" },
    );
    expect(messages(r)).toEqual(["Hunan2019!A3: Hunan / Construction appears on a second row (first at Hunan2019!A2); keep one"]);
  });
});

describe("sector × fuel matrix — edge cases", () => {
  test("region and year come from the sheet name, a title row, or the options", () => {
    expect(regionYearOfSheet("Hunan2019")).toEqual({ region: "Hunan", year: 2019 });
    expect(regionYearOfSheet("湖南 2019年")).toEqual({ region: "湖南", year: 2019 });
    expect(regionYearOfSheet("Sectors")).toEqual({ region: "Sectors" });
    const titled = inv(readInventory(makeGrid("Sheet1", [["Hunan CO2 inventory, 2017"], ["sector", "Coke"], ["Construction", 1]]), { unit: "Mt" }));
    expect([titled.cities, titled.years]).toEqual([["Sheet1"], [2017]]);
    const chosen = inv(
      readInventory(
        makeGrid("Hunan2019", [
          ["sector", "Coke"],
          ["Construction", 1],
        ]),
        { unit: "Mt", region: "湖南", year: 2018 },
      ),
    );
    expect([chosen.cities, chosen.years]).toEqual([["湖南"], [2018]]);
  });
  test("without a total column a sector is the sum of its fuels; scope 2 is left out; all-blank rows are gaps", () => {
    const v = inv(readInventory(makeGrid("Hunan2019", fuelSheet(2))));
    expect(v.sectors).toEqual(["Construction", "Urban"]); // TotalEmissions is not a sector; Rural has no value
    expect(inventoryValue(v, "Hunan", "Construction", 2019)).toBe(2.5);
    expect(inventoryValue(v, "Hunan", "Urban", 2019)).toBe(3);
    expect(inventorySource(v, 0, 0, 0)).toBe("Hunan2019!A4"); // a summed row points at its label
  });
  test("a TotalEmissions row that differs from the sectors by more than 0.1% is a warning, not an error", () => {
    const r = readInventory(makeGrid("Hunan2019", fuelSheet(2.5)));
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings.map((w) => formatIssue(w))).toEqual([
      "Hunan2019!A3: TotalEmissions 6 Mt differs from the sum of Hunan2019!B4:E5, 5.5 Mt, by -8.33%",
      "Hunan2019!B3: TotalEmissions (Raw Coal) 2.5 Mt differs from the sum of Hunan2019!B4:B5, 2 Mt, by -20%",
    ]);
    expect(warnings(readInventory(makeGrid("Hunan2019", fuelSheet(2.001))))).toEqual([]); // Raw Coal 0.05%, the total 0.02%: within tolerance
  });
});

describe("sector × fuel matrix — reference values (CEADs Hunan 2019, data/README.md)", () => {
  // data/README.md: "Hunan province, 2019, CO2 by the 47 CEADs socio-economic sectors plus Urban/Rural
  // households, Mt … The first data row, TotalEmissions, is the province total." (Shan et al. 2020; Guan et al. 2021)
  const read = () => readInventory(makeGrid("Hunan2019", hunanSectorRows()));
  test("the province total 310.64 Mt equals the sum of the sector rows (no mismatch warning)", () => {
    const r = read();
    const v = inv(r);
    expect(warnings(r)).toEqual([]);
    const sum = Array.from(v.values).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(310.6416664583151, 9);
  });
  test("one region, one year, the sectors of the file in order, in Mt, from the scope-1 total column", () => {
    const v = inv(read());
    expect([v.layout, v.cities, v.years, v.unit, v.toTonnes, v.sectors.length]).toEqual(["matrix", ["Hunan"], [2019], "Mt", 1e6, 47]);
    expect(v.sectors[0]).toBe("Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy");
    expect(v.sectors.slice(-2)).toEqual(["Urban", "Rural"]);
    // Nonmetal Mineral Products (cement): 50.757 Mt scope 1, of which 36.147 Mt process emissions.
    expect(inventoryValue(v, "Hunan", "Nonmetal Mineral Products", 2019)).toBeCloseTo(50.75718320222021, 12);
    expect(inventoryValue(v, "Hunan", "Production and Supply of Electric Power, Steam and Hot Water", 2019)).toBeCloseTo(107.88774213491206, 12);
    expect(inventorySource(v, 0, 0, 0)).toBe("Hunan2019!B3");
  });
  test("a tampered total is caught", () => {
    const rows = hunanSectorRows();
    rows[1][1] = 320; // TotalEmissions scope1 total
    const r = readInventory(makeGrid("Hunan2019", rows));
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["inventory_total_mismatch"]);
  });
  test("base-year rows for a scenario carry their source cell", () => {
    const rows = inventoryRowsForYear(inv(read()), 2019);
    expect(rows).toHaveLength(47);
    expect(rows[0]).toEqual({
      city: "Hunan",
      sector: "Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy",
      value: 10.208017800967665,
      source: { sheet: "Hunan2019", row: 3, columns: { value: "B" } },
    });
  });
});

describe("sector × fuel matrix — invariants", () => {
  test("the order of the sector rows does not change any sector's value", () => {
    const rows = hunanSectorRows();
    const reversed = [rows[0], rows[1], ...rows.slice(2).reverse()];
    const a = inv(readInventory(makeGrid("Hunan2019", rows)));
    const b = inv(readInventory(makeGrid("Hunan2019", reversed)));
    for (const s of a.sectors) expect(inventoryValue(b, "Hunan", s, 2019)).toBe(inventoryValue(a, "Hunan", s, 2019));
  });
});
