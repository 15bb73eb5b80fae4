/**
 * The built dist/functions.js as Excel's runtime loads it: run in a bare Node `vm` context with no
 * DOM (no window, document, self) and only a stub `CustomFunctions` global; every function must be
 * associated under its docs/design.md §4 id and answer Excel-shaped calls. Needs `npm run build` first
 * (the npm test script builds before running jest).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import { makeCustomFunctionsStub, StubError } from "../helpers/custom-functions-stub";
import { changzhutanMatrix } from "../helpers/ceads";

const DIST = join(__dirname, "..", "..", "dist");
const bundlePath = join(DIST, "functions.js");

function loadBundle() {
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run \`npm run build\` first (npm test does).`);
  const stub = makeCustomFunctionsStub();
  const context = vm.createContext({ CustomFunctions: stub.global, console });
  vm.runInContext(readFileSync(bundlePath, "utf8"), context, { filename: "functions.js" });
  return stub.associated;
}

const ids = [
  "PEAKYEAR",
  "PEAKVALUE",
  "PEAKSTATUS",
  "PEAKGAP",
  "CLUSTERPEAKYEAR",
  "CLUSTERPEAKS",
  "CONVERT",
  "PROJECT",
  "RAMP",
  "SECTORREDUCTION",
  "COMBINE",
  "ALIGNBEST",
];
/** Indicators and the Kaya decomposition. */
const indicatorIds = ["CUMULATIVE", "INTENSITYCHANGE", "KAYA"];

describe("dist/functions.js loaded without a DOM", () => {
  const fns = loadBundle();
  const call = (id: string, ...args: unknown[]) => {
    const f = fns.get(id);
    if (!f) throw new Error(`${id} is not associated`);
    return f(...args);
  };

  test("associates every function id of docs/design.md §4 implemented so far", () => {
    for (const id of [...ids, ...indicatorIds]) expect(fns.has(id)).toBe(true);
  });

  test("PEAKYEAR, PEAKVALUE, PEAKSTATUS answer Excel-shaped ranges", () => {
    const e = [[90, 95, 100, null, 97, 96]];
    const y = [[2015, 2016, 2017, 2018, 2019, 2020]];
    expect(call("PEAKYEAR", e, y, null, null, null)).toBe(2017);
    expect(call("PEAKVALUE", e, y)).toBe(100);
    expect(call("PEAKSTATUS", e, y, 0.05)).toBe("plateau");
  });

  test("errors come back as CustomFunctions.Error values with messages, not exceptions", () => {
    const r = call("PEAKYEAR", [[1, "abc"]], [[2019, 2020]]) as StubError;
    expect(r).toBeInstanceOf(StubError);
    expect(r.code).toBe("#VALUE!");
    expect(r.message).toBe('emissions, position 2: "abc" is not a number');
    expect((call("PEAKYEAR", [[1, 2]], [[2019, 2020]]) as StubError).code).toBe("#N/A");
  });

  test("PEAKGAP, CLUSTERPEAKYEAR, CLUSTERPEAKS and CONVERT work from the bundle", () => {
    expect(call("PEAKGAP", [[10, 12, 9, 11]], [[2020, 2021, 2022, 2023]], 2020)).toBe(3);
    const m = changzhutanMatrix();
    expect(call("CLUSTERPEAKYEAR", m.rows, [m.years])).toBe(2011);
    expect((call("CLUSTERPEAKS", m.rows, [m.years]) as unknown[][]).map((r) => r[2])).toEqual(["rising", "peaked", "rising"]);
    expect(call("CONVERT", 1, "Mt", "万t")).toBe(100);
  });

  test("the scenario functions work from the bundle", () => {
    expect(call("PROJECT", 100, 2020, 2022, [[0.05]], null)).toEqual([[100], [105], [110.25]]);
    expect(call("RAMP", 2020, 2030, 0.3, [[2020, 2030]], "step")).toEqual([[0.3, 0.3]]);
    expect(call("COMBINE", [[0.6, 0.6]])).toBeCloseTo(0.84, 12);
    expect((call("SECTORREDUCTION", [[100]], [[0.5]], [[2030]], 2020, 2030, null) as number[][])[0][0]).toBeCloseTo(50, 12);
    expect((call("ALIGNBEST", [[18], [24]], [[1], [1]]) as number[][]).map((r) => r[0])).toEqual([0, 6]);
  });

  test("CUMULATIVE, INTENSITYCHANGE and KAYA work from the bundle, errors included", () => {
    expect(call("CUMULATIVE", [[10, 12, 9]], [[2018, 2019, 2020]], null, null)).toBe(31);
    const gap = call("CUMULATIVE", [[10, null, 9]], [[2018, 2019, 2020]], null, null) as StubError;
    expect([gap.code, gap.message]).toEqual([
      "#N/A",
      "emissions: has no value for 2019 inside 2018–2020; every year of the window needs one (a blank is a gap, not a zero)",
    ]);
    expect(call("INTENSITYCHANGE", [[100], [120]], [[1000], [1500]], [[2020], [2025]], 2020, 2025)).toBeCloseTo(-0.2, 14);
    expect((call("INTENSITYCHANGE", [[100, 120]], [[0, 1500]], [[2020, 2025]], 2020, 2025) as StubError).code).toBe("#VALUE!");
    expect(call("KAYA", [[2, 2]], [[10, 20]], [[5, 5]], [[10, 10]], [[2015, 2020]], 2015, 2020, "multiplicative")).toEqual([[1, 2, 0.5, 1]]);
    expect(call("KAYA", [[2, 2]], [[10, 10]], [[0, 5]], [[0, 10]], [[2015, 2020]], 2015, 2020, null)).toEqual([[0, 0, 10, 0]]);
  });
});
