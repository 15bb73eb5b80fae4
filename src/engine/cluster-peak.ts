/**
 * A cluster's peak and what it rests on (docs/peaks.md, "Clusters"): the member sum over the years
 * every member has (`cluster.ts`), how many such years there are, which members are missing in the
 * other years, and which members go on after the last common year. A cluster is reported as of its
 * last common year; when a member's later values exceed its own value in that year, the cluster
 * cannot be called `peaked` (it is `unconfirmed`, flagged `members_beyond`).
 */
import { clusterSeries, type Member } from "./cluster";
import { fail, issue, ok, type Issue, type Path, type Result } from "./issues";
import { findPeak, type PeakOptions } from "./peak";
import { describePeak, type PeakInfo } from "./peak-info";
import { valueAt, type Series } from "./series";
import { yearRanges } from "./window";

/** The members without a value in one year in which other members have one (that year is left out). */
export interface YearMissing {
  readonly year: number;
  readonly members: readonly string[];
}

/** A member with values after the cluster's last common year. */
export interface MemberBeyond {
  readonly member: string;
  /** The member's last year with a value. */
  readonly lastYear: number;
  /** Its value in the cluster's last common year. */
  readonly valueAtCommon: number;
  /** Later years in which its value exceeds `valueAtCommon`. */
  readonly aboveYears: readonly number[];
}

/** A cluster peak with what it rests on. */
export interface ClusterPeak {
  /** The peak of the cluster total over the common years (points = common years, lastYear = last common year). */
  readonly info: PeakInfo;
  /** The cluster total over every year a member has: a gap wherever a member is missing. */
  readonly series: Series;
  readonly memberCount: number;
  /** Years left out because some member lacks them (while others have them), ascending. */
  readonly missing: readonly YearMissing[];
  /** Members that go on after the last common year, in member order. */
  readonly beyond: readonly MemberBeyond[];
}

/**
 * The peak of a cluster (the member sum over complete years) with what it rests on; warnings
 * summarise the missing years and name every member that goes on after the last common year
 * ({@link clusterIssues}). Fails as `clusterSeries` (no member, no common year) and `findPeak` do.
 * @example clusterPeak([{ name: "长沙", series: cs }, { name: "株洲", series: zz }, { name: "湘潭", series: xt }])
 *   // ok({ info: { status: "unconfirmed", peakYear: 2011, lastYear: 2015, points: 9, flags: ["members_beyond", "gaps"] }, ... })
 */
export function clusterPeak(members: readonly Member[], options: PeakOptions = {}, path: Path = []): Result<ClusterPeak> {
  const cs = clusterSeries(members);
  if (!cs.ok) return fail(cs.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
  const series = cs.value.series;
  const p = findPeak(series, options);
  if (!p.ok) return fail(p.issues);
  const lastCommon = p.value.lastYear;
  const beyond: MemberBeyond[] = [];
  for (const m of members) {
    const ys = m.series.years;
    const vs = m.series.values;
    let lastYear = lastCommon;
    const aboveYears: number[] = [];
    const valueAtCommon = valueAt(m.series, lastCommon);
    for (let i = 0; i < ys.length; i++) {
      if (ys[i] <= lastCommon || Number.isNaN(vs[i])) continue;
      lastYear = ys[i];
      if (vs[i] > valueAtCommon) aboveYears.push(ys[i]);
    }
    if (lastYear > lastCommon) beyond.push({ member: m.name, lastYear, valueAtCommon, aboveYears });
  }
  const rose = beyond.some((b) => b.aboveYears.length > 0);
  const peak = rose && p.value.status === "peaked" ? { ...p.value, status: "unconfirmed" as const } : p.value;
  const info = describePeak(series, peak, options.tolerance ?? 0, beyond.length > 0 ? ["members_beyond"] : []);
  const missing = groupByYear(cs.value.gaps);
  const result: ClusterPeak = { info, series, memberCount: members.length, missing, beyond };
  return ok(result, clusterIssues(result, path));
}

/**
 * The summary issues of a cluster peak: one `cluster_years` line (years used, and members missing per
 * year in short) and one `cluster_member_beyond` line per member that goes on after the last common
 * year. For every year one by one, see {@link missingIssues}.
 * @example clusterIssues(cp, ["长株潭"]).map((i) => formatIssue(i))
 */
export function clusterIssues(cp: ClusterPeak, path: Path = []): Issue[] {
  const out: Issue[] = [];
  const { info } = cp;
  if (cp.missing.length > 0 || info.flags.includes("gaps")) {
    const byMember = new Map<string, number[]>();
    for (const y of cp.missing) for (const m of y.members) (byMember.get(m) ?? byMember.set(m, []).get(m)!).push(y.year);
    const perMember = Array.from(byMember, ([m, ys]) => `${m} (${yearRanges(ys)})`).join("; ");
    out.push(
      issue("cluster_years", path, {
        count: info.points,
        members: cp.memberCount,
        first: info.firstYear,
        last: info.lastYear,
        years: yearRanges(commonYears(cp.series)),
        missingYears: cp.missing.length,
        perMember,
      }),
    );
  }
  for (const b of cp.beyond) {
    out.push(
      issue("cluster_member_beyond", path, {
        member: b.member,
        last: info.lastYear,
        memberLast: b.lastYear,
        above: yearRanges(b.aboveYears),
        status: info.status,
      }),
    );
  }
  return out;
}

/**
 * One `cluster_year_missing` issue per year left out of the cluster total, naming its missing members
 * (`carbon-peak peaks --verbose`).
 * @example missingIssues(cp, ["长株潭"])[0] // { code: "cluster_year_missing", year: 2001, members: "湖南株洲", ... }
 */
export function missingIssues(cp: ClusterPeak, path: Path = []): Issue[] {
  return cp.missing.map((y) => issue("cluster_year_missing", path, { year: y.year, members: y.members.join(", "), count: y.members.length }));
}

/** The years with a value, ascending. */
export function commonYears(s: Series): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.years.length; i++) if (!Number.isNaN(s.values[i])) out.push(s.years[i]);
  return out;
}

function groupByYear(gaps: readonly { member: string; year: number }[]): YearMissing[] {
  const out: { year: number; members: string[] }[] = [];
  for (const g of gaps) {
    const last = out[out.length - 1];
    if (last && last.year === g.year) last.members.push(g.member);
    else out.push({ year: g.year, members: [g.member] });
  }
  return out;
}
