import fc from "fast-check";
import { formatIssue, readInventory, type Issue, type Result } from "../../src/engine";
import { createMemoryPort } from "../../src/workbook/memory";
import type { WriteOp } from "../../src/workbook/port";
import { changzhutanWideRows, hunanSectorRows } from "../helpers/inventory-grids";

const msgs = (r: Result<unknown>) => (r.ok ? [] : r.issues.map((i: Issue) => formatIssue(i)));
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(msgs(r).join("\n"));
  return r.value;
};

const userSheets = () => ({
  Inventory: [
    ["City", 2019, 2020],
    ["长沙", 32.45, 33],
    ["株洲", null, 20],
  ],
  Notes: [["Data from CEADs"]],
});

describe("memory port — argument validation", () => {
  test("reading a missing sheet or table, or a malformed address, names what is wrong", async () => {
    const port = createMemoryPort(userSheets());
    expect(msgs(await port.readRange("Nope"))).toEqual(['sheet "Nope" does not exist']);
    expect(msgs(await port.readTable("T"))).toEqual(['there is no table named "T"']);
    expect(msgs(await port.readRange("Inventory", "A0:B"))).toEqual(['"Inventory!A0:B" is not a cell or range address (e.g. A1 or B2:D9)']);
  });
  test("readMany reports every failed request at once, each naming its sheet or table (no internal path)", async () => {
    const port = createMemoryPort(userSheets());
    const r = await port.readMany([
      { kind: "range", sheet: "X" },
      { kind: "range", sheet: "Inventory" },
      { kind: "table", name: "Y" },
    ]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path])).toEqual([
      ["sheet_not_found", []],
      ["table_not_found", []],
    ]);
    expect(msgs(r)).toEqual(['sheet "X" does not exist', 'there is no table named "Y"']);
  });
  test("the add-in cannot write into, clear or delete a user's sheet, nor take its name", async () => {
    const port = createMemoryPort(userSheets());
    expect(msgs(await port.writeTable({ sheet: "Inventory", header: ["a"], rows: [[1]] }))).toEqual([
      'sheet: sheet "Inventory" was not created by the add-in; it writes only into its own sheets, never over your cells',
    ]);
    expect((await port.clearSheet("Notes")).ok).toBe(false);
    expect((await port.deleteSheet("notes")).ok).toBe(false); // Excel sheet names are case-insensitive
    expect(msgs(await port.addSheet("INVENTORY"))).toEqual([
      'sheet: a sheet named "Inventory" already exists and is yours; choose another name for the add-in\'s output',
    ]);
    expect(port.memory.log).toEqual([]);
  });
  test("bad sheet names, table names, shapes and number-format keys are all reported before anything is written", async () => {
    const port = createMemoryPort(userSheets());
    const r = await port.writeMany([
      { kind: "addSheet", sheet: "Results" },
      { kind: "addSheet", sheet: "a/b" },
      { kind: "table", sheet: "Results", header: ["city", "year"], rows: [["长沙", 2019], ["株洲"]], tableName: "A1", numberFormats: { emisions: "0.00" } },
    ]);
    expect(msgs(r)).toEqual([
      'ops[2].sheet: "a/b" is not a valid sheet name (1–31 characters, none of : \\ / ? * [ ], not starting or ending with \')',
      "ops[3].rows[2]: row 2 has 1 values but the header has 2 columns",
      'ops[3].numberFormats.emisions: "emisions" is not a known field (check the column header\'s spelling)',
      'ops[3].tableName: "A1" is not a valid table name (letters, digits, _ and ., starting with a letter or _, not like a cell address)',
    ]);
    expect(port.memory.log).toEqual([]); // the valid addSheet was not carried out either
    expect(value(await port.sheetExists("Results"))).toBe(false);
  });
});

describe("memory port — edge cases", () => {
  test("the used range starts at the first non-blank cell and reports its origin", async () => {
    const port = createMemoryPort({ S: [[], [null, null, "City", 2019], [null, null, "A", 1]] });
    const g = value(await port.readRange("S"));
    expect([g.origin, g.values]).toEqual([
      { row: 2, col: 3 },
      [
        ["City", 2019],
        ["A", 1],
      ],
    ]);
    expect(value(await port.readRange("S", "D3"))).toEqual({ sheet: "S", origin: { row: 3, col: 4 }, values: [[1]] });
  });
  test("an empty sheet reads as an empty grid", async () => {
    const port = createMemoryPort({ Empty: [] });
    expect(value(await port.readRange("Empty")).values).toEqual([]);
  });
  test("add-in sheets: written, replaced on re-run, cleared, deleted — user sheets untouched byte for byte", async () => {
    const port = createMemoryPort(userSheets());
    const before = JSON.stringify(port.memory.sheetList.filter((s) => s.name !== "Results"));
    const run = (n: number): WriteOp[] => [
      { kind: "addSheet", sheet: "Results" },
      { kind: "clearSheet", sheet: "Results" },
      {
        kind: "table",
        sheet: "Results",
        header: ["city", "year", "emissions"],
        rows: Array.from({ length: n }, (_, i) => ["长沙", 2020 + i, i]),
        tableName: "Results",
        numberFormats: { emissions: "0.00" },
      },
      { kind: "chart", sheet: "Results", spec: { type: "line", title: "长沙", source: { table: "Results" } } },
    ];
    value(await port.writeMany(run(5)));
    value(await port.writeMany(run(3))); // a re-run replaces its own outputs
    expect(value(await port.findTables())).toEqual([{ name: "Results", sheet: "Results", address: "Results!A1:C4" }]);
    expect(value(await port.readRange("Results")).values).toHaveLength(4); // the longer first run is gone
    expect(port.memory.charts).toHaveLength(1);
    expect(port.memory.sheetList.find((s) => s.name === "Results")!.formats.get("2,3")).toBe("0.00");
    expect(value(await port.listSheets())).toEqual([
      { name: "Inventory", visible: true, owned: false },
      { name: "Notes", visible: true, owned: false },
      { name: "Results", visible: true, owned: true },
    ]);
    value(await port.deleteSheet("Results"));
    expect(JSON.stringify(port.memory.sheetList)).toBe(before);
    expect(port.memory.log.every((w) => w.sheet === undefined || w.sheet === "Results")).toBe(true);
  });
  test("ownership recorded in an earlier session lets the add-in reuse its sheet", async () => {
    const port = createMemoryPort({ ...userSheets(), Results: [["old"]] }, ["Results"]);
    expect((await port.writeTable({ sheet: "Results", header: ["a"], rows: [[1]], tableName: "Res" })).ok).toBe(true);
  });
  test("a table name already used on a user's sheet is refused; an empty table keeps one blank row", async () => {
    const port = createMemoryPort(userSheets());
    port.memory.tableList.push({ name: "Inv", sheet: "Inventory", rect: { row: 1, col: 1, lastRow: 3, lastCol: 3 } });
    const r = await port.writeMany([
      { kind: "addSheet", sheet: "Out" },
      { kind: "table", sheet: "Out", header: ["a"], rows: [], tableName: "inv" },
    ]);
    expect(msgs(r)).toEqual(['ops[2].tableName: a table named "Inv" already exists on sheet "Inventory", which the add-in does not own']);
    value(await port.addSheet("Out"));
    expect(value(await port.writeTable({ sheet: "Out", header: ["a"], rows: [] })).address).toBe("Out!A1:A2");
  });
  test("settings round-trip as JSON; a corrupt record is an issue, not an exception", async () => {
    const port = createMemoryPort();
    expect(value(await port.getSettings())).toEqual({});
    value(await port.setSettings({ baseYear: 2020, units: "万t", lastRun: { at: "2025-01-01", inputs: ["Inventory"] } }));
    expect(value(await port.getSettings())).toEqual({ baseYear: 2020, units: "万t", lastRun: { at: "2025-01-01", inputs: ["Inventory"] } });
    port.memory.settings.set("carbonPeak.settings", "{oops");
    expect((await port.getSettings()).ok).toBe(false);
  });
  test("selecting a cell records it; an address without a sheet is refused", async () => {
    const port = createMemoryPort(userSheets());
    value(await port.selectCell("inventory!C3"));
    expect(port.memory.selection).toEqual({ sheet: "Inventory", rect: { sheet: "inventory", row: 3, col: 3, lastRow: 3, lastCol: 3 } });
    expect((await port.selectCell("C3")).ok).toBe(false);
  });
});

describe("memory port — workflow (reading inventories, docs/design.md §5)", () => {
  test("each layout reads through the port; a bad inventory lists every bad cell, each selectable", async () => {
    const port = createMemoryPort({
      Notes: [["Source: CEADs"]],
      "emission matrix": changzhutanWideRows(),
      Hunan2019: hunanSectorRows(),
      Long: [
        ["城市", "年份", "排放量", "单位"],
        ["长沙", 2019, 1, "万t"],
      ],
      Bad: [
        ["City", "Year", "Emissions", "Unit"],
        ["长沙", 2019, "abc", "Mt"],
        ["", 2020, 1, "Mt"],
        ["长沙", 2021, -1, "Mt"],
      ],
    });
    const grids = value(await port.readMany(["emission matrix", "Hunan2019", "Long", "Bad"].map((sheet) => ({ kind: "range" as const, sheet }))));
    expect(
      grids.map((g) => {
        const r = readInventory(g);
        return r.ok ? r.value.layout : "failed";
      }),
    ).toEqual(["wide", "matrix", "long", "failed"]);
    const bad = readInventory(grids[3]);
    const cells = bad.ok ? [] : bad.issues.map((i) => i.cell!);
    expect(cells).toEqual(["Bad!C2", "Bad!A3", "Bad!C4"]);
    for (const c of cells) value(await port.selectCell(c));
    expect(port.memory.selection?.rect.row).toBe(4);
  });
});

describe("memory port — invariants", () => {
  test("whatever batch is attempted, user sheets are never changed", async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("addSheet" as const), sheet: fc.constantFrom("Results", "Inventory", "Notes", "Peaks") }),
      fc.record({ kind: fc.constant("clearSheet" as const), sheet: fc.constantFrom("Results", "Inventory", "Notes") }),
      fc.record({ kind: fc.constant("deleteSheet" as const), sheet: fc.constantFrom("Results", "Inventory", "Peaks") }),
      fc.record({
        kind: fc.constant("table" as const),
        sheet: fc.constantFrom("Results", "Inventory", "Peaks", "Notes"),
        header: fc.constant(["a", "b"]),
        rows: fc.array(fc.tuple(fc.integer(), fc.integer()), { maxLength: 4 }),
        topLeft: fc.constantFrom("A1", "C5"),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { maxLength: 5 }), { maxLength: 4 }), async (batches) => {
        const port = createMemoryPort(userSheets());
        const snapshot = JSON.stringify(port.memory.sheetList);
        for (const b of batches) await port.writeMany(b);
        const users = port.memory.sheetList.filter((s) => s.name === "Inventory" || s.name === "Notes");
        expect(JSON.stringify(users)).toBe(snapshot);
      }),
      { numRuns: 100 },
    );
  });
});
