/**
 * The cells of several filled values as one reference (src/app/scenario-sheets.ts `cellSpan`), as the fill warning
 * shows them: "株洲 … carried forward from 2015 (Inventory!D10:D17)".
 */
import { cellSpan } from "../../src/app/scenario-sheets";

describe("cellSpan — reference values", () => {
  test("a run down one column is a range (the sample's 株洲: Inventory!D10:D17)", () => {
    expect(cellSpan(Array.from({ length: 8 }, (_, i) => `Inventory!D${10 + i}`))).toBe("Inventory!D10:D17");
  });

  test("values that came out of order read in sheet order: a run, not 'D11 … D10'", () => {
    expect(cellSpan(["Inventory!D11", "Inventory!D10"])).toBe("Inventory!D10:D11");
    expect(cellSpan(["Inventory!D12", "Inventory!D10"])).toBe("Inventory!D10 … Inventory!D12");
  });

  test("columns in column order (Z before AA), one cell as itself, none as undefined", () => {
    expect(cellSpan(["Inventory!AA3", "Inventory!Z3"])).toBe("Inventory!Z3 … Inventory!AA3");
    expect(cellSpan(["Inventory!C2", undefined])).toBe("Inventory!C2");
    expect(cellSpan([undefined])).toBeUndefined();
  });
});
