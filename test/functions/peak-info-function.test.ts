/**
 * CARBON.PEAKINFO: what a peak call rests on, as label/value pairs (docs/peaks.md). Keys are the
 * CLI's `peaks --json` names plus plateauStart, in a fixed order, the same in every display language.
 * Reference values: the CEADs totals in data/ceads-changzhutan-city-totals.csv (citation in data/README.md).
 */
import { installCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
installCustomFunctionsStub();
import * as F from "../../src/functions/functions";
import { PEAK_INFO_KEYS } from "../../src/functions/peak-core";
import { changzhutanMatrix } from "../helpers/ceads";

const row = (xs: unknown[]) => [xs];
const col = (xs: unknown[]) => xs.map((x) => [x]);
const asObject = (out: unknown) => Object.fromEntries(out as [string, unknown][]);
function err(v: unknown): StubError {
  expect(v).toBeInstanceOf(StubError);
  return v as StubError;
}
const Y = [2010, 2011, 2012, 2013, 2014, 2015];
const E = [80, 90, 100, 95, 90, 85];

describe("PEAKINFO — argument validation", () => {
  test("bad emissions, options and driver cells are all reported in one #VALUE!", () => {
    const e = err(F.peakInfo(row([1, "x", 3, 4, 5, 6]), row(Y), 2, 0, 1, 5, row([1, 2, "n/a", 4, 5, 6]), null as unknown as unknown[][]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('emissions, position 2: "x" is not a number');
    expect(e.message).toContain("tolerance: 2 is out of range");
    expect(e.message).toContain('gdp, position 3: "n/a" is not a number');
  });
  test("a driver range of another length than years is rejected naming the driver", () => {
    expect(err(F.peakInfo(row(E), row(Y), 0, 0, 1, 5, null as unknown as unknown[][], row([1, 2, 3]))).message).toBe(
      "population: has 3 cells but years has 6; they must match",
    );
  });
});

describe("PEAKINFO — edge cases", () => {
  test("spills 2 columns, one row per key, in the documented order", () => {
    const out = F.peakInfo(row(E), row(Y)) as unknown[][];
    expect(out.map((r) => r[0])).toEqual([...PEAK_INFO_KEYS]);
    expect(out).toEqual([
      ["status", "peaked"],
      ["peakYear", 2012],
      ["peakValue", 100],
      ["plateauStart", 2012],
      ["firstYear", 2010],
      ["lastYear", 2015],
      ["points", 6],
      ["flags", ""],
    ]);
  });
  test("while rising the year, value and plateau start are blank and the flags say the last value is the maximum", () => {
    expect(asObject(F.peakInfo(row([1, 2, 3, 4, 5, 6]), row(Y)))).toMatchObject({
      status: "rising",
      peakYear: "",
      peakValue: "",
      plateauStart: "",
      lastYear: 2015,
      flags: "last_year_max",
    });
  });
  test("two points are insufficient", () => {
    expect(asObject(F.peakInfo(row([3.1, 2.9]), row([2018, 2019])))).toMatchObject({
      status: "insufficient",
      peakYear: "",
      points: 2,
      firstYear: 2018,
      lastYear: 2019,
    });
  });
  test("a plateau reports both the plateau start and the year of the maximum", () => {
    expect(asObject(F.peakInfo(row([80, 90, 99, 100, 99.5, 99]), row(Y), 0.02))).toMatchObject({ status: "plateau", peakYear: 2013, plateauStart: 2012 });
  });
  test("with GDP and population a decline is read as proactive (both growing) or passive (either falling)", () => {
    const gdp = row([80, 90, 100, 106, 112, 120]);
    expect(asObject(F.peakInfo(row(E), row(Y), 0, 0, 1, 5, gdp, row([50, 50.5, 51, 51.2, 51.5, 52]))).flags).toBe("decline_proactive");
    expect(asObject(F.peakInfo(row(E), row(Y), 0, 0, 1, 5, gdp, row([52, 52, 51, 50, 49, 48]))).flags).toBe("decline_passive");
    expect(asObject(F.peakInfo(row(E), row(Y), 0, 0, 1, 5, gdp)).flags).toBe(""); // population unknown: no reading
  });
  test("rows and columns give the same answer", () => {
    expect(F.peakInfo(col(E), col(Y))).toEqual(F.peakInfo(row(E), row(Y)));
  });
  test("keys stay as they are in a Chinese Office (they match the CLI's JSON and PEAKSTATUS's codes)", () => {
    (globalThis as unknown as { Office: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect((F.peakInfo(row(E), row(Y)) as unknown[][]).map((r) => r[0])).toEqual([...PEAK_INFO_KEYS]);
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});

describe("PEAKINFO — reference values (CEADs 长株潭)", () => {
  const m = changzhutanMatrix(); // 长沙, 株洲, 湘潭 × 2001–2019, null where CEADs has no value
  test("株洲: peaked 2011 (25.59 Mt) as of 2015, on 10 values 2005–2015, with a gap (2014)", () => {
    const z = asObject(F.peakInfo(row(m.rows[1]), row(m.years)));
    expect(z).toMatchObject({ status: "peaked", peakYear: 2011, plateauStart: 2011, firstYear: 2005, lastYear: 2015, points: 10, flags: "gaps" });
    expect(z.peakValue).toBeCloseTo(25.5876, 4);
  });
  test("长沙 with 3-year smoothing: still rising as of 2019, its maximum (smoothing does not make 2018 a peak)", () => {
    expect(asObject(F.peakInfo(row(m.rows[0]), row(m.years), 0, 0, 3))).toMatchObject({
      status: "rising",
      lastYear: 2019,
      points: 18,
      flags: "last_year_max, gaps",
    });
  });
});
