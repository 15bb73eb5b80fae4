/** Choosing cities of an inventory (CEADs 长株潭 city totals, data/README.md: Shan et al. 2022; 2019). */
import { formatIssue, inventoryValue, selectCities, TOTAL_SECTOR } from "../../src/engine";
import { changzhutanInventory as cz } from "../helpers/inventory-grids";

describe("selecting cities — argument validation", () => {
  test("names not in the inventory are listed with the nearest cities", () => {
    const r = selectCities(cz(), ["长沙", "湖南株州", "Shanghai"], ["--cities"]);
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      '--cities, position 1: "长沙" is not a city of the inventory; nearest: 湖南长沙 (it has 3 cities)',
      '--cities, position 2: "湖南株州" is not a city of the inventory; nearest: 湖南株洲 (it has 3 cities)',
      '--cities, position 3: "Shanghai" is not a city of the inventory (it has 3 cities)',
    ]);
  });
});

describe("selecting cities — edge cases", () => {
  test("the chosen cities in the order named, with all their years; years none of them has are dropped", () => {
    const r = selectCities(cz(), ["湖南株洲", "湖南长沙"]);
    const v = r.ok ? r.value : cz();
    expect(v.cities).toEqual(["湖南株洲", "湖南长沙"]);
    expect(v.years[0]).toBe(2001); // 长沙
    expect(inventoryValue(v, "湖南株洲", TOTAL_SECTOR, 2015)).toBe(19.908405500068486);
    expect(inventoryValue(v, "湖南长沙", TOTAL_SECTOR, 2019)).toBe(32.4538372096605);
    const zz = selectCities(cz(), ["湖南株洲"]);
    expect(zz.ok && zz.value.years).toEqual([2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2015]);
  });
});
