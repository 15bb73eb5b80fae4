/**
 * How custom-function calls are stored in a .xlsx (src/workbook/file-formula.ts). Excel persists a call of
 * an Office add-in's custom function as `_xldudf_<NAMESPACE>_<ID>(…)` and shows it as `NAMESPACE.ID(…)`
 * once the add-in's functions are registered (Microsoft's answer in OfficeDev/office-js#3558; the form is
 * also what OfficeDev/office-js#5611 and #2568 report from saved workbooks).
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { FUNCTIONS_NAMESPACE, fileFormula } from "../../src/workbook/file-formula";

describe("file formulas — reference values", () => {
  test("a CARBON call is stored as _xldudf_CARBON_<ID>, the rest of the formula unchanged", () => {
    expect(fileFormula("=CARBON.PEAKYEAR($D5:$AR5,$D$2:$AR$2,0,0,1)")).toBe("=_xldudf_CARBON_PEAKYEAR($D5:$AR5,$D$2:$AR$2,0,0,1)");
    expect(fileFormula('IF(CARBON.PEAKSTATUS(A1:A3,B1:B3)="peaked",1,0)')).toBe('IF(_xldudf_CARBON_PEAKSTATUS(A1:A3,B1:B3)="peaked",1,0)');
  });

  test("calls nested in other calls and lower-case names are found; the stored name is upper case", () => {
    expect(fileFormula('=ROUND(carbon.Convert(A1,"t","Mt"),2)+CARBON.PEAKVALUE(B1:B9,C1:C9)')).toBe(
      '=ROUND(_xldudf_CARBON_CONVERT(A1,"t","Mt"),2)+_xldudf_CARBON_PEAKVALUE(B1:B9,C1:C9)',
    );
  });
});

describe("file formulas — edge cases", () => {
  test("text in string literals, other namespaces and names that only end in CARBON stay as they are", () => {
    for (const f of [
      '="CARBON.PEAKYEAR(A1)"',
      '=A1&"say ""CARBON.X("" here"',
      "=XCARBON.PEAKYEAR(A1)",
      "=MY.CARBON.PEAKYEAR(A1)",
      "=SUM(A1:A3)",
      "=CARBON_TOTAL+1",
    ]) {
      expect(fileFormula(f)).toBe(f);
    }
  });
});

describe("file formulas — invariants", () => {
  test("formulas without a CARBON call are returned unchanged", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/carbon\./i.test(s));
        return fileFormula(s) === s;
      }),
    );
  });

  test("the namespace is the one manifest.xml declares", () => {
    const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    expect(manifest).toContain(`<bt:String id="Functions.Namespace" DefaultValue="${FUNCTIONS_NAMESPACE}"/>`);
  });
});
