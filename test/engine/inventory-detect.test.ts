import { detectLayout, formatIssue, headerRole, headerUnit, headerYear, isTotalLabel, makeGrid, matrixColumnKind } from "../../src/engine";

const layout = (rows: unknown[][]) => {
  const d = detectLayout(makeGrid("S", rows));
  return d.ok ? d.value.layout : d.issues[0].code;
};

describe("layout detection — argument validation", () => {
  test("an empty grid is reported as empty, not as an unknown layout", () => {
    const d = detectLayout(makeGrid("Blank", [[null, ""], []]));
    expect(!d.ok && formatIssue(d.issues[0])).toBe('Blank!A1: sheet "Blank" is empty');
  });
  test("an unrecognised layout says which headers were expected and which were found", () => {
    const d = detectLayout(makeGrid("Notes", [["Read me first"], ["These data are licensed …"]]));
    expect(d.ok).toBe(false);
    const text = !d.ok ? formatIssue(d.issues[0]) : "";
    expect(text).toContain('Notes!A1: no inventory layout recognised in sheet "Notes"');
    for (const h of ["City/城市", "Year/年份", "Emissions/排放量", "Sector/部门", "TotalEmissions", "Found: Read me first"]) expect(text).toContain(h);
    const zh = !d.ok ? formatIssue(d.issues[0], "zh") : "";
    expect(zh).toContain("未识别出清单格式");
  });
});

describe("layout detection — headers in English and Chinese", () => {
  test.each([
    ["City", "city"],
    ["城市", "city"],
    ["地区", "city"],
    ["Region", "city"],
    ["省份 Province", "city"],
    ["城市/City", "city"],
    ["Sector", "sector"],
    ["部门", "sector"],
    ["行业", "sector"],
    ["Industry", "sector"],
    ["Year", "year"],
    ["年份", "year"],
    ["Year / 年份", "year"],
    ["Emissions", "emissions"],
    ["排放量", "emissions"],
    ["CO2 emissions (Mt)", "emissions"],
    ["emissions_mt", "emissions"],
    ["碳排放", "emissions"],
    ["Unit", "unit"],
    ["单位", "unit"],
  ])("%s names the %s", (h, role) => {
    expect(headerRole(h)).toBe(role);
  });
  test("anything else names nothing", () => {
    for (const h of ["", null, 2019, "Raw Coal", "Note", "备注"]) expect(headerRole(h)).toBeUndefined();
  });
  test("year headers: numbers, text and 年", () => {
    expect([2019, "2019", " 2019 ", "2019年"].map(headerYear)).toEqual([2019, 2019, 2019, 2019]);
    expect([2019.5, "19", "FY2019", 1234, null].map(headerYear)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
  test("units in headers: brackets, suffixes, Chinese", () => {
    expect(headerUnit("Emissions (Mt CO2)")).toBe("Mt CO2");
    expect(headerUnit("排放量（万吨）")).toBe("万吨");
    expect(headerUnit("emissions_mt")).toBe("mt");
    expect(headerUnit("CO2 / 万t")).toBe("万t");
    expect(headerUnit("Emissions")).toBeUndefined();
    expect(headerUnit(2019)).toBeUndefined();
  });
  test("total labels and matrix columns (CEADs naming)", () => {
    expect(["TotalEmissions", "Total", "Total CO2 emissions", "合计", "总计"].every(isTotalLabel)).toBe(true);
    expect(isTotalLabel("Total Factor Productivity")).toBe(false);
    expect(matrixColumnKind("scope1_total_mt")).toBe("total");
    expect(matrixColumnKind("process_mt")).toBe("process");
    expect(matrixColumnKind("Raw Coal")).toBe("fuel");
    expect(matrixColumnKind("Scope_1_Total")).toBe("total");
    expect(matrixColumnKind("Scope 1 Total")).toBe("total");
    expect(matrixColumnKind("Scope_2_Electricity")).toBe("scope2");
    expect(matrixColumnKind("scope2_electricity_mt")).toBe("scope2");
  });
});

describe("layout detection — edge cases", () => {
  test("long, wide and matrix are told apart by their headers", () => {
    expect(layout([["City", "Sector", "Year", "Emissions"]])).toBe("long");
    expect(layout([["城市", "年份", "排放量"]])).toBe("long");
    expect(layout([["City", 2005, 2006]])).toBe("wide");
    expect(layout([["城市", "部门", "2005年", "2006年"]])).toBe("wide");
    expect(
      layout([
        ["sector", "Raw Coal", "Natural Gas"],
        ["TotalEmissions", 3, 1],
      ]),
    ).toBe("matrix");
    expect(layout([["部门", "原煤", "天然气"]])).toBe("matrix");
  });
  test("title and note rows above the header are skipped", () => {
    const d = detectLayout(makeGrid("S", [["CO2 emissions of Chinese cities"], [], ["Unit: Mt"], ["City", "Year", "Emissions"], ["长沙", 2019, 1]]));
    expect(d.ok && [d.value.layout, d.value.headerRow, d.value.dataRow, d.value.titleUnit?.label]).toEqual(["long", 3, 4, "Mt"]);
  });
  test("a merged Year/年份 cell over the year numbers is a two-row header", () => {
    // The adapter gives a merged cell's value in its first cell and null in the rest.
    const d = detectLayout(
      makeGrid("S", [
        ["城市", "Year / 年份", null, null],
        [null, 2005, 2006, 2007],
        ["长沙", 1, 2, 3],
      ]),
    );
    expect(d.ok && d.value.layout).toBe("wide");
    expect(d.ok && d.value.yearColumns.map((y) => [y.col, y.year, y.row])).toEqual([
      [1, 2005, 1],
      [2, 2006, 1],
      [3, 2007, 1],
    ]);
    expect(d.ok && d.value.dataRow).toBe(2);
  });
  test("a merged 'Emissions (Mt)' cell over the years gives every year column its unit", () => {
    const d = detectLayout(
      makeGrid("S", [
        ["City", "Emissions (Mt)", null],
        [null, 2005, 2006],
        ["长沙", 1, 2],
      ]),
    );
    expect(d.ok && [...d.value.headerUnits.entries()]).toEqual([
      [1, "Mt"],
      [2, "Mt"],
    ]);
  });
  test("a units row under the header is recognised and not read as data", () => {
    const d = detectLayout(
      makeGrid("S", [
        ["sector", "Raw Coal", "Coke"],
        [null, "Mt", "Mt"],
        ["TotalEmissions", 1, 2],
      ]),
    );
    expect(d.ok && [d.value.unitRow, d.value.dataRow]).toEqual([1, 2]);
  });
  test("a matrix with a blank label header is found from its TotalEmissions row", () => {
    const d = detectLayout(
      makeGrid("Hunan2019", [
        [null, "Raw Coal", "Coke", "Process"],
        [null, "Mt", "Mt", "Mt"],
        ["TotalEmissions", 3, 2, 1],
        ["Construction", 3, 2, 1],
      ]),
    );
    expect(d.ok && [d.value.layout, d.value.labelColumn, d.value.unitRow]).toEqual(["matrix", 0, 1]);
    expect(d.ok && d.value.matrixColumns.map((c) => c.header)).toEqual(["Raw Coal", "Coke", "Process"]);
  });
});

describe("layout detection — invariants", () => {
  test("a one-cell title naming city, year and emissions is never taken for the header", () => {
    const d = detectLayout(makeGrid("S", [["City CO2 emissions by year"], ["City", "Year", "Emissions"], ["长沙", 2019, 1]]));
    expect(d.ok && d.value.headerRow).toBe(1);
  });
});
