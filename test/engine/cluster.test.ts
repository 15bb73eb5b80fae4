import fc from "fast-check";
import { clusterSeries, findPeak, parseSeries, seriesFromArrays, sumMembers, formatIssue } from "../../src/engine";
import { cityColumns } from "../helpers/ceads";

const member = (name: string, years: number[], values: number[]) => ({ name, series: seriesFromArrays(years, values) });

describe("clusterSeries — argument validation", () => {
  test("no members is reported as empty", () => {
    expect(clusterSeries([])).toMatchObject({ ok: false });
  });
  test("fails with no_common_years when no year has every member", () => {
    const r = clusterSeries([member("A", [2010], [1]), member("B", [2011], [1])]);
    expect(!r.ok && r.issues[0].code).toBe("no_common_years");
  });
});

describe("clusterSeries — edge cases", () => {
  test("a year where a member is missing is a gap in the cluster and is reported with member and year", () => {
    const r = clusterSeries([member("A", [2010, 2011, 2012], [1, 2, 3]), member("B", [2010, 2012], [10, 30])]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.value.series.values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([11, null, 33]);
    expect(r.value.gaps).toEqual([{ member: "B", year: 2011 }]);
    expect(formatIssue(r.warnings[0])).toBe("emissions: member B has no value in 2011; the cluster total skips 2011");
  });
  test("a member's blank (NaN) counts as missing, never as zero", () => {
    const r = clusterSeries([member("A", [2010, 2011], [1, 2]), member("B", [2010, 2011], [5, NaN])]);
    expect(r.ok && Number.isNaN(r.value.series.values[1])).toBe(true);
  });
  test("a year no member has is not reported as a member gap", () => {
    const r = clusterSeries([member("A", [2010, 2011], [1, NaN]), member("B", [2010, 2011], [5, NaN])]);
    expect(r.ok && r.value.gaps).toEqual([]);
  });
});

describe("clusterSeries — invariants", () => {
  const matrix = fc.integer({ min: 1, max: 6 }).chain((m) =>
    fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.array(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n }), {
        minLength: m,
        maxLength: m,
      }),
    ),
  );
  const yrs = (n: number) => Array.from({ length: n }, (_, i) => 2020 + i);

  test("cluster totals equal the sum of members in every complete year", () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const r = clusterSeries(rows.map((v, i) => member(`m${i}`, yrs(v.length), v)));
        if (!r.ok) return false;
        const direct = sumMembers(rows);
        return Array.from(r.value.series.values).every((v, j) => v === direct[j]);
      }),
    );
  });

  test("members on one year axis give the same sums and gaps as members on different axes", () => {
    // Gaps (NaN) in some cells; the second version gives the first member an extra year 1999 with no
    // value, so the members' years differ and the union of years is searched year by year.
    const withGaps = matrix.chain((rows) =>
      fc
        .array(fc.boolean(), { minLength: rows.length * rows[0].length, maxLength: rows.length * rows[0].length })
        .map((holes) => rows.map((r, i) => r.map((v, j) => (holes[i * r.length + j] && (i + j) % 3 === 0 ? NaN : v)))),
    );
    fc.assert(
      fc.property(withGaps, (rows) => {
        const n = rows[0].length;
        const aligned = clusterSeries(rows.map((v, i) => member(`m${i}`, yrs(n), v)));
        const apart = clusterSeries(rows.map((v, i) => (i === 0 ? member("m0", [1999, ...yrs(n)], [NaN, ...v]) : member(`m${i}`, yrs(n), v))));
        expect(apart.ok).toBe(aligned.ok);
        if (!aligned.ok || !apart.ok) return;
        expect(Array.from(apart.value.series.years.subarray(1))).toEqual(Array.from(aligned.value.series.years));
        expect(Array.from(apart.value.series.values.subarray(1))).toEqual(Array.from(aligned.value.series.values));
        expect(apart.value.gaps).toEqual(aligned.value.gaps);
        expect(apart.warnings).toEqual(aligned.warnings);
      }),
    );
  });

  test("a one-member cluster has the same peak as that member (CLUSTERPEAKYEAR = PEAKYEAR)", () => {
    fc.assert(
      fc.property(matrix, fc.constantFrom(0, 0.05), (rows, t) => {
        const m = member("only", yrs(rows[0].length), rows[0]);
        const c = clusterSeries([m]);
        const a = findPeak(m.series, { tolerance: t });
        const b = c.ok ? findPeak(c.value.series, { tolerance: t }) : c;
        return a.ok && b.ok && a.value.year === b.value.year && a.value.status === b.value.status;
      }),
    );
  });
});

describe("clusterSeries — reference values (长株潭 from CEADs city totals)", () => {
  const names = ["湖南长沙", "湖南株洲", "湖南湘潭"];
  const members = names.map((name) => {
    const { years, values } = cityColumns(name);
    const r = parseSeries(values, years);
    if (!r.ok) throw new Error("CEADs data did not parse");
    return { name, series: r.value };
  });
  const r = clusterSeries(members);
  if (!r.ok) throw new Error("cluster failed");
  const complete = Array.from(r.value.series.years).filter((_, i) => !Number.isNaN(r.value.series.values[i]));

  test("the cluster series covers exactly the years all three cities have: 2006–2013 and 2015", () => {
    expect(complete).toEqual([2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2015]);
  });

  test("2011 total is 长沙 28.98 + 株洲 25.59 + 湘潭 43.54 = 98.10 Mt", () => {
    const i = Array.from(r.value.series.years).indexOf(2011);
    expect(r.value.series.values[i]).toBeCloseTo(28.977078323284672 + 25.58761584719394 + 43.53890202564655, 9);
  });

  test("the gap years are reported by member: 株洲 lacks 2001–2003, 2014, 2016–2019; 湘潭 lacks 2003, 2005, 2018, 2019", () => {
    const by = (m: string) => r.value.gaps.filter((g) => g.member === m).map((g) => g.year);
    expect(by("湖南株洲")).toEqual([2001, 2002, 2003, 2014, 2016, 2017, 2018, 2019]);
    expect(by("湖南湘潭")).toEqual([2003, 2005, 2018, 2019]);
    expect(by("湖南长沙")).toEqual([]);
  });

  test("over the common years the cluster peaked in 2011 (98.10 Mt) and 2015 (91.20 Mt) is below it", () => {
    const p = findPeak(r.value.series);
    expect(p.ok && p.value).toMatchObject({ year: 2011, status: "peaked", lastYear: 2015 });
  });
});
