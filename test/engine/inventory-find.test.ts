import { findInventoryGrid, formatIssue, makeGrid, readInventoryFromSheets } from "../../src/engine";
import { changzhutanLongRows, changzhutanWideRows } from "../helpers/inventory-grids";

const notes = makeGrid("Notes", [
  ["The Emission Inventories for 290 Chinese Cities from 1997 to 2019"],
  ["Please cite: Shan et al. (2022) City-level emission peak and drivers in China. Science Bulletin 67(18)."],
  [null],
  ["Contact: ceads.net"],
]);
const readme = makeGrid("说明", [["数据来源：CEADs 中国碳核算数据库"], ["单位：百万吨二氧化碳"]]);

describe("finding the inventory sheet — argument validation", () => {
  test("no inventory among the sheets lists the sheets checked", () => {
    const r = findInventoryGrid([notes, readme]);
    expect(!r.ok && formatIssue(r.issues[0])).toBe("no sheet looks like an emissions inventory (checked: Notes, 说明)");
  });
  test("no sheets at all", () => {
    expect(findInventoryGrid([]).ok).toBe(false);
  });
});

describe("finding the inventory sheet — edge cases", () => {
  test("notes sheets before the data are skipped (a CEADs download)", () => {
    const data = makeGrid("emission matrix", changzhutanWideRows());
    const r = findInventoryGrid([notes, readme, data]);
    expect(r.ok && [r.value.grid.sheet, r.value.detection.layout]).toEqual(["emission matrix", "wide"]);
    expect(r.ok && r.warnings).toEqual([]);
  });
  test("with several candidate sheets the first is used and the others are named", () => {
    const r = findInventoryGrid([notes, makeGrid("emission vector", changzhutanLongRows()), makeGrid("emission matrix", changzhutanWideRows())]);
    expect(r.ok && r.value.grid.sheet).toBe("emission vector");
    expect(r.ok && r.warnings.map((w) => formatIssue(w))).toEqual(["several sheets look like inventories; using emission vector (also: emission matrix)"]);
  });
});

describe("finding the inventory sheet — reference values (CEADs 长株潭, data/README.md)", () => {
  test("reading from a whole workbook gives the city totals, warnings carried along", () => {
    const r = readInventoryFromSheets([notes, makeGrid("emission vector", changzhutanLongRows()), makeGrid("emission matrix", changzhutanWideRows())]);
    expect(r.ok && [r.value.cities.length, r.value.years.length, r.warnings.length]).toEqual([3, 18, 1]);
  });
});
