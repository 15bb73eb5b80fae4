/**
 * Cluster aggregation (docs/design.md §3): the cluster series is the member sum in each year where every
 * member has a value. A year where some members have values and others do not is reported (which
 * member, which year) and left as a gap — never summed as if the missing member were zero.
 */
import { fail, issue, ok, type Issue, type Result } from "./issues";
import type { Series } from "./series";
import { seriesFromArrays, indexOfYear } from "./series";

/** One member of a cluster. */
export interface Member {
  readonly name: string;
  readonly series: Series;
}

/** A member with no value in a year in which other members have one. */
export interface MemberGap {
  readonly member: string;
  readonly year: number;
}

/** The cluster series and the member gaps that made years drop out. */
export interface ClusterSeries {
  /** Every year any member has; gap (NaN) where a member is missing. */
  readonly series: Series;
  /** Member gaps, by year then member order. */
  readonly gaps: MemberGap[];
}

/**
 * Sums member series into the cluster series over the union of their years. A year where only some
 * members have values becomes a gap and each missing member is reported (also as `member_gap`
 * warnings). Fails with `no_common_years` when no year has every member.
 *
 * @example clusterSeries([{ name: "A", series: a }, { name: "B", series: b }])
 *   // ok({ series, gaps: [{ member: "B", year: 2014 }] })
 */
export function clusterSeries(members: readonly Member[]): Result<ClusterSeries> {
  if (members.length === 0) return fail([issue("empty", ["emissions"])]);
  // Members on one year axis (the usual case: one range of years) are read by position; otherwise
  // over the union of their years, each member's value found by binary search.
  const aligned = sharedYears(members);
  const years = aligned ?? unionOfYears(members);
  const values = new Float64Array(years.length);
  const gaps: MemberGap[] = [];
  let complete = 0;
  for (let k = 0; k < years.length; k++) {
    const y = years[k];
    let sum = 0;
    let missing = 0;
    for (const m of members) {
      const i = aligned ? k : indexOfYear(m.series, y);
      const v = i < 0 ? NaN : m.series.values[i];
      if (Number.isNaN(v)) missing++;
      else sum += v;
    }
    if (missing === 0) {
      values[k] = sum;
      complete++;
    } else {
      values[k] = NaN;
      if (missing < members.length) {
        for (const m of members) {
          const i = aligned ? k : indexOfYear(m.series, y);
          if (i < 0 || Number.isNaN(m.series.values[i])) gaps.push({ member: m.name, year: y });
        }
      }
    }
  }
  if (complete === 0) return fail([issue("no_common_years", ["emissions"])]);
  // Members' sums past the largest number are no emissions anyone has: refused, never a peak at infinity.
  for (let k = 0; k < years.length; k++)
    if (values[k] === Infinity || values[k] === -Infinity) return fail([issue("sum_overflow", ["emissions"], { year: years[k] })]);
  const warnings: Issue[] = gaps.map((g) => issue("member_gap", ["emissions"], { member: g.member, year: g.year }));
  return ok({ series: seriesFromArrays(years, values), gaps }, warnings);
}

/** The members' common years when every member has exactly the same years, else undefined. */
function sharedYears(members: readonly Member[]): Int32Array | undefined {
  const first = members[0].series.years;
  for (let m = 1; m < members.length; m++) {
    const y = members[m].series.years;
    if (y === first) continue;
    if (y.length !== first.length) return undefined;
    for (let i = 0; i < y.length; i++) if (y[i] !== first[i]) return undefined;
  }
  return first;
}

/** Every year any member has, ascending. */
function unionOfYears(members: readonly Member[]): number[] {
  const yearSet = new Set<number>();
  for (const m of members) for (const y of m.series.years) yearSet.add(y);
  return Array.from(yearSet).sort((a, b) => a - b);
}

/**
 * Cluster sum of members that share one year axis (members × years, NaN = gap), as a plain array:
 * the fast path for engine results where all members have every year. A year with any gap is NaN.
 * @example sumMembers([Float64Array.of(1, 2), Float64Array.of(3, NaN)]) // Float64Array [4, NaN]
 */
export function sumMembers(rows: readonly ArrayLike<number>[]): Float64Array {
  const n = rows.length === 0 ? 0 : rows[0].length;
  const out = new Float64Array(n);
  for (const r of rows) for (let j = 0; j < n; j++) out[j] += r[j];
  return out;
}
