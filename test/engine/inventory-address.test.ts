import fc from "fast-check";
import { cellAddress, columnLetters, columnNumber, gridAddress, gridCell, makeGrid, parseAddress, quoteSheetName, rangeAddress } from "../../src/engine";

describe("addresses — argument validation", () => {
  test("column numbers outside 1…16384 are a programming error", () => {
    expect(() => columnLetters(0)).toThrow(RangeError);
    expect(() => columnLetters(16385)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
  });
  test("letters that are not a column give undefined", () => {
    expect(columnNumber("")).toBeUndefined();
    expect(columnNumber("A1")).toBeUndefined();
    expect(columnNumber("XFE")).toBeUndefined();
    expect(columnNumber("ABCD")).toBeUndefined();
  });
  test("malformed addresses give undefined", () => {
    for (const a of ["", "A", "1", "A0", "A1:B2:C3", "My Sheet!A1", "'unterminated!A1", "Sheet!", "!A1", "ZZZZ1", "A1048577"]) {
      expect(parseAddress(a)).toBeUndefined();
    }
  });
});

describe("addresses — edge cases", () => {
  test("sheet names are quoted exactly when Excel quotes them", () => {
    expect(quoteSheetName("Inventory")).toBe("Inventory");
    expect(quoteSheetName("清单")).toBe("清单");
    expect(quoteSheetName("Hunan2019")).toBe("Hunan2019");
    expect(quoteSheetName("My Sheet")).toBe("'My Sheet'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName("2019")).toBe("'2019'");
    expect(quoteSheetName("A1")).toBe("'A1'"); // would read as a cell
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("a-b")).toBe("'a-b'");
  });
  test("quoted sheet names with spaces and quotes parse back", () => {
    expect(parseAddress("'My Sheet'!A1")).toEqual({ sheet: "My Sheet", row: 1, col: 1, lastRow: 1, lastCol: 1 });
    expect(parseAddress("'O''Brien'!$B$2:$C$9")).toEqual({ sheet: "O'Brien", row: 2, col: 2, lastRow: 9, lastCol: 3 });
    expect(parseAddress("清单!C7")).toEqual({ sheet: "清单", row: 7, col: 3, lastRow: 7, lastCol: 3 });
  });
  test("a reversed range is normalised", () => {
    expect(parseAddress("C5:A1")).toEqual({ row: 1, col: 1, lastRow: 5, lastCol: 3 });
  });
  test("a single-cell range is written as one cell", () => {
    expect(rangeAddress("S", 2, 2, 2, 2)).toBe("S!B2");
  });
  test("grid cells are addressed from the grid's origin", () => {
    const g = makeGrid("My Sheet", [[1, 2], [3]], { row: 3, col: 2 });
    expect(gridCell(g, 0, 0)).toBe("'My Sheet'!B3");
    expect(gridCell(g, 1, 1)).toBe("'My Sheet'!C4");
    expect(gridAddress(g)).toBe("'My Sheet'!B3:C4");
  });
});

describe("addresses — reference values (Excel's column naming)", () => {
  test("A=1, Z=26, AA=27, AZ=52, XFD=16384", () => {
    expect([1, 26, 27, 52, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "XFD"]);
    expect(columnNumber("xfd")).toBe(16384);
  });
  test("cellAddress writes Sheet!C7", () => {
    expect(cellAddress("Inventory", 7, 3)).toBe("Inventory!C7");
    expect(cellAddress(undefined, 7, 3)).toBe("C7");
  });
});

describe("addresses — invariants", () => {
  test("letters ↔ number round-trips for every column", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n));
  });
  test("any sheet name and range survive writing and parsing", () => {
    const name = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[:\\/?*[\]]/.test(s) && s.trim() === s && s !== "");
    fc.assert(
      fc.property(name, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 500 }), fc.nat(50), fc.nat(20), (s, r, c, h, w) => {
        const p = parseAddress(rangeAddress(s, r, c, r + h, c + w));
        return p !== undefined && p.sheet === s && p.row === r && p.col === c && p.lastRow === r + h && p.lastCol === c + w;
      }),
    );
  });
});
