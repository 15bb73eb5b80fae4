/**
 * Proactive or passive decline (docs/peaks.md; Shan et al. 2022, Science Bulletin 67(18):1910–1920):
 * over the years from the peak to the last data year, a decline with GDP and population growing is
 * proactive, with GDP or population falling passive.
 */
import { declineFlag, declineKind, peakInfo, seriesFromArrays, type PeakInfo } from "../../src/engine";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const path = (from: number, values: number[]) => seriesFromArrays(years(from, values.length), values);
function info(values: number[], from = 2010): PeakInfo {
  const r = peakInfo(path(from, values));
  if (!r.ok) throw new Error("no peak");
  return r.value;
}
const declining = info([80, 90, 100, 95, 90, 85]); // peak 2012, data to 2015

describe("declineKind — edge cases", () => {
  test("GDP and population both growing over the decline: proactive", () => {
    const r = declineKind(declining, { gdp: path(2010, [80, 90, 100, 106, 112, 120]), population: path(2010, [50, 50.5, 51, 51.2, 51.5, 52]) });
    expect(r).toEqual({
      kind: "proactive",
      from: 2012,
      to: 2015,
      gdpChange: expect.closeTo(0.2, 12),
      populationChange: expect.closeTo(1 / 51, 12),
      falling: [],
    });
    expect(declineFlag(r)).toBe("decline_proactive");
  });
  test("population falling (GDP growing): passive, naming the driver", () => {
    const r = declineKind(declining, { gdp: path(2010, [80, 90, 100, 103, 106, 110]), population: path(2010, [52, 52, 51, 50, 49, 48]) });
    expect(r).toMatchObject({ kind: "passive", falling: ["population"] });
    expect(declineFlag(r)).toBe("decline_passive");
  });
  test("GDP falling (economic recession): passive", () => {
    expect(declineKind(declining, { gdp: path(2010, [80, 90, 100, 96, 94, 95]), population: path(2010, [50, 50, 50, 50, 50, 50]) })).toMatchObject({
      kind: "passive",
      falling: ["gdp"],
    });
  });
  test("a flat driver is not falling: GDP growing and population flat is proactive", () => {
    expect(declineKind(declining, { gdp: path(2010, [1, 1, 1, 1.1, 1.2, 1.3]), population: path(2010, [5, 5, 5, 5, 5, 5]) })).toMatchObject({
      kind: "proactive",
    });
  });
  test("one driver given: passive when it falls, no reading when it grows (the other might have fallen)", () => {
    expect(declineKind(declining, { population: path(2010, [52, 52, 51, 50, 49, 48]) })).toMatchObject({ kind: "passive" });
    expect(declineKind(declining, { gdp: path(2010, [1, 2, 3, 4, 5, 6]) })).toBeUndefined();
  });
  test("no reading without a decline (rising, plateau, insufficient) or without driver values in the peak or last year", () => {
    const gdp = path(2010, [1, 2, 3, 4, 5, 6]);
    const pop = path(2010, [6, 5, 4, 3, 2, 1]);
    expect(declineKind(info([1, 2, 3, 4, 5]), { gdp, population: pop })).toBeUndefined();
    expect(declineKind(info([1, 5, 3, 4, 5]), { gdp, population: pop })).toBeUndefined();
    expect(declineKind(info([5, 4]), { gdp, population: pop })).toBeUndefined();
    expect(declineKind(declining, { gdp: path(2010, [1, 2, NaN, 4, 5, 6]), population: path(2016, [1]) })).toBeUndefined();
    expect(declineFlag(undefined)).toBeUndefined();
  });
});
