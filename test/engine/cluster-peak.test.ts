/**
 * A cluster peak and what it rests on (docs/peaks.md, "Clusters"): the years every member has, the
 * members missing in the other years, and members that go on after the last common year. The 长株潭
 * cases use the CEADs city totals in data/ceads-changzhutan-city-totals.csv (株洲 ends 2015, 湘潭 2017,
 * 长沙 2019); the constructed ones mirror them.
 */
import fc from "fast-check";
import { clusterPeak, formatIssue, missingIssues, parseSeries, seriesFromArrays, STRICT_PEAK_OPTIONS, type Member } from "../../src/engine";
import { cityColumns } from "../helpers/ceads";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const member = (name: string, from: number, values: number[]): Member => ({ name, series: seriesFromArrays(years(from, values.length), values) });

function changzhutan(): Member[] {
  return ["湖南长沙", "湖南株洲", "湖南湘潭"].map((name) => {
    const { years: ys, values } = cityColumns(name);
    const r = parseSeries(values, ys);
    if (!r.ok) throw new Error("CEADs data did not parse");
    return { name, series: r.value };
  });
}

describe("clusterPeak — argument validation", () => {
  test("no common year fails with no_common_years under the caller's path", () => {
    const r = clusterPeak([member("A", 2010, [1]), member("B", 2011, [1])], {}, ["长株潭"]);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "no_common_years", path: ["长株潭", "emissions"] });
  });
});

describe("clusterPeak — edge cases", () => {
  test("members that share fewer years than min_points make the cluster insufficient (京津冀: 13 cities share only 2014–2016)", () => {
    const r = clusterPeak([member("A", 2010, [1, 2, 3, 4, 5, 6, 7]), member("B", 2014, [5, 4, 3])]);
    expect(r.ok && r.value.info).toMatchObject({ status: "insufficient", points: 3, firstYear: 2014, lastYear: 2016, peakYear: null });
    expect(r.ok && r.value.missing.map((m) => m.year)).toEqual([2010, 2011, 2012, 2013]);
  });

  test("members ending 2015 / 2017 / 2019 with values rising after 2015: reported as of 2015, unconfirmed, flagged members_beyond", () => {
    const r = clusterPeak([
      member("长", 2005, [20, 23, 25, 25, 26, 30, 29, 27, 29, 29, 30, 29.5, 31.5, 29.8, 32.5]), // 2005–2019
      member("株", 2005, [25, 24, 24, 19, 19, 25, 26, 25, 26, 22, 20]), // 2005–2015
      member("湘", 2005, [26, 26, 34, 33, 40, 38, 44, 41, 41, 41, 41, 42, 44]), // 2005–2017
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.info).toMatchObject({ status: "unconfirmed", peakYear: 2011, lastYear: 2015, points: 11, flags: ["members_beyond"] });
    expect(r.value.beyond).toEqual([
      { member: "长", lastYear: 2019, valueAtCommon: 30, aboveYears: [2017, 2019] },
      { member: "湘", lastYear: 2017, valueAtCommon: 41, aboveYears: [2016, 2017] },
    ]);
    expect(r.warnings.filter((i) => i.code === "cluster_member_beyond").map((i) => formatIssue(i))).toEqual([
      "reported as of 2015, the last year every member has; 长 has values to 2019, above its 2015 value in 2017, 2019 — so the cluster is unconfirmed, not peaked",
      "reported as of 2015, the last year every member has; 湘 has values to 2017, above its 2015 value in 2016–2017 — so the cluster is unconfirmed, not peaked",
    ]);
  });

  test("members that go on but stay below their last-common-year value leave the status peaked, still flagged", () => {
    const r = clusterPeak([member("A", 2010, [1, 5, 4, 3, 2, 1, 1]), member("B", 2010, [1, 5, 4, 3, 2])]);
    expect(r.ok && r.value.info).toMatchObject({ status: "peaked", lastYear: 2014, flags: ["members_beyond"] });
    expect(r.ok && formatIssue(r.warnings[1])).toBe("reported as of 2014, the last year every member has; A has values to 2016, none above its 2014 value");
  });

  test("members with the same years: no missing year, no member beyond, no warning", () => {
    const r = clusterPeak([member("A", 2010, [1, 5, 4, 3, 2]), member("B", 2010, [2, 3, 4, 3, 2])]);
    expect(r.ok && r.value).toMatchObject({ missing: [], beyond: [], info: { status: "peaked", peakYear: 2011, flags: [] } });
    expect(r.ok && r.warnings).toEqual([]);
  });
});

describe("clusterPeak — reference values (长株潭, CEADs)", () => {
  const r = clusterPeak(changzhutan(), {}, ["长株潭"]);
  if (!r.ok) throw new Error("cluster failed");
  const cp = r.value;

  test("rests on the 9 years all three cities have (2006–2013, 2015), as of 2015", () => {
    expect(cp.info).toMatchObject({ peakYear: 2011, firstYear: 2006, lastYear: 2015, points: 9 });
    expect(cp.info.peakValue).toBeCloseTo(28.977078323284672 + 25.58761584719394 + 43.53890202564655, 9);
  });

  test("is not 'peaked 2011': 长沙 (to 2019) and 湘潭 (to 2017) exceed their 2015 values later — unconfirmed, members_beyond, gaps", () => {
    expect(cp.info.status).toBe("unconfirmed");
    expect(cp.info.flags).toEqual(["members_beyond", "gaps"]);
    expect(cp.beyond.map((b) => [b.member, b.lastYear, b.aboveYears])).toEqual([
      ["湖南长沙", 2019, [2017, 2019]],
      ["湖南湘潭", 2017, [2016, 2017]],
    ]);
  });

  test("one summary line says the years used and the members missing per year; each year on its own for --verbose", () => {
    expect(formatIssue(r.warnings[0])).toBe(
      "长株潭: rests on the 9 years all 3 members have (2006–2013, 2015); 9 other years are left out because a member has no value — 湖南株洲 (2001–2003, 2014, 2016–2019); 湖南湘潭 (2003, 2005, 2018–2019)",
    );
    expect(formatIssue(r.warnings[0], "zh")).toBe(
      "长株潭: 依据全部 3 个成员均有数据的 9 个年份（2006–2013, 2015）；另有 9 个年份因成员缺少数据未计入——湖南株洲（2001–2003, 2014, 2016–2019）；湖南湘潭（2003, 2005, 2018–2019）",
    );
    expect(missingIssues(cp, ["长株潭"]).map((i) => formatIssue(i))).toEqual([
      "长株潭: 2001: 湖南株洲 has no value; the cluster total leaves 2001 out",
      "长株潭: 2002: 湖南株洲 has no value; the cluster total leaves 2002 out",
      "长株潭: 2003: 湖南株洲, 湖南湘潭 have no value; the cluster total leaves 2003 out",
      "长株潭: 2005: 湖南湘潭 has no value; the cluster total leaves 2005 out",
      "长株潭: 2014: 湖南株洲 has no value; the cluster total leaves 2014 out",
      "长株潭: 2016: 湖南株洲 has no value; the cluster total leaves 2016 out",
      "长株潭: 2017: 湖南株洲 has no value; the cluster total leaves 2017 out",
      "长株潭: 2018: 湖南株洲, 湖南湘潭 have no value; the cluster total leaves 2018 out",
      "长株潭: 2019: 湖南株洲, 湖南湘潭 have no value; the cluster total leaves 2019 out",
    ]);
  });

  test("under strict the cluster is unconfirmed too (4 years after 2011 to 2015)", () => {
    const strict = clusterPeak(changzhutan(), STRICT_PEAK_OPTIONS);
    expect(strict.ok && strict.value.info).toMatchObject({ status: "unconfirmed", points: 9 });
  });
});

describe("clusterPeak — invariants", () => {
  // Members starting in 2000 with 3–15 values each (so they end in different years).
  const cluster = fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 3, maxLength: 15 }), { minLength: 1, maxLength: 4 });

  test("never peaked when a member goes on after the last common year above its own value in that year", () => {
    fc.assert(
      fc.property(cluster, fc.constantFrom(0, 0.05), fc.constantFrom(1, 3), (rows, t, w) => {
        const r = clusterPeak(
          rows.map((v, i) => member(`m${i}`, 2000, v)),
          { tolerance: t, smoothYears: w, minPoints: 1 },
        );
        if (!r.ok) return false;
        const last = r.value.info.lastYear;
        const rose = rows.some((v) => v.some((x, j) => 2000 + j > last && x > v[last - 2000]));
        const goesOn = rows.some((v) => 2000 + v.length - 1 > last);
        return (!rose || r.value.info.status !== "peaked") && r.value.info.flags.includes("members_beyond") === goesOn;
      }),
    );
  });

  test("the common years are the years every member has, and points counts them", () => {
    fc.assert(
      fc.property(cluster, (rows) => {
        const r = clusterPeak(
          rows.map((v, i) => member(`m${i}`, 2000, v)),
          { minPoints: 1 },
        );
        const shortest = Math.min(...rows.map((v) => v.length));
        return r.ok && r.value.info.points === shortest && r.value.info.firstYear === 2000 && r.value.info.lastYear === 2000 + shortest - 1;
      }),
    );
  });
});
