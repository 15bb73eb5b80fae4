/**
 * Peaks straight from an inventory (no scenario): every city's peak year, value and status over the
 * years the inventory has, and each named cluster's (the sum of its members in the years every member
 * has), each with what it rests on (docs/peaks.md: span, number of values, flags; for a cluster the
 * members missing per year and those that go on after the common years — summarised as warnings).
 * Used by `carbon-peak peaks` and usable by the pane. Pure TypeScript.
 */
import { clusterPeak, type ClusterPeak } from "./cluster-peak";
import { inventoryIndex, type Inventory } from "./inventory/model";
import { splitNames } from "./input/names";
import { nearestNames } from "./nearest";
import { fail, issue, ok, pushAll, type Issue, type Result } from "./issues";
import type { PeakOptions } from "./peak";
import { peakInfo, type PeakInfo } from "./peak-info";
import { seriesFromArrays, type Series } from "./series";

/** A named cluster: a name and member cities (as named in the inventory). */
export interface ClusterSpec {
  readonly name: string;
  readonly members: readonly string[];
}

/** One row of the peaks listing, in the inventory's unit: the peak and what it rests on (peakYear and peakValue null while rising or insufficient). */
export interface InventoryPeak extends PeakInfo {
  readonly name: string;
  readonly isCluster: boolean;
  readonly unit: string;
  /** For a cluster: its common years, the members missing per year, the members that go on after them. */
  readonly cluster?: ClusterPeak;
}

/**
 * A city's totals over sectors by year: NaN in a year where some sector has no value while others do
 * (a partial total is not the city's total).
 */
export function cityTotalSeries(inv: Inventory, city: number): Series {
  const S = inv.sectors.length;
  const Y = inv.years.length;
  const values = new Float64Array(Y);
  for (let y = 0; y < Y; y++) {
    let sum = 0;
    let missing = 0;
    for (let s = 0; s < S; s++) {
      const v = inv.values[inventoryIndex(inv, city, s, y)];
      if (Number.isNaN(v)) missing++;
      else sum += v;
    }
    values[y] = missing > 0 ? NaN : sum;
  }
  return seriesFromArrays(inv.years, values);
}

/**
 * Parses `NAME=city1,city2,…` (commas, 、 or ； between cities). Members must be inventory cities: each
 * one that is not is named (`cluster_member_unknown`, path `[...path, its position among the members]`,
 * with the nearest inventory names: 长沙 → 湖南长沙, 株州 → 湖南株洲 — `nearestNames`).
 * @example parseClusterSpec("长株潭=湖南长沙,湖南株洲,湖南湘潭", cities)
 */
export function parseClusterSpec(text: string, cities: readonly string[], path: (string | number)[] = ["cluster"]): Result<ClusterSpec> {
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  const members = m ? splitNames(m[2]) : [];
  const known = cities.length > 12 ? `${cities.slice(0, 12).join(", ")} … (${cities.length})` : cities.join(", ");
  if (!m || members.length === 0) return fail([issue("cluster_spec_invalid", path, { value: text, known })]);
  const unknown: Issue[] = [];
  members.forEach((x, k) => {
    if (!cities.includes(x)) unknown.push(issue("cluster_member_unknown", [...path, k], { value: x, suggest: nearestNames(x, cities).join(", "), known }));
  });
  if (unknown.length > 0) return fail(unknown);
  return ok({ name: m[1].trim(), members: Array.from(new Set(members)) });
}

function row(name: string, s: Series, unit: string, options: PeakOptions): Result<InventoryPeak> {
  const p = peakInfo(s, options);
  if (!p.ok) return fail(p.issues.map((i) => ({ ...i, path: [name, ...i.path] })));
  return ok({ name, isCluster: false, unit, ...p.value });
}

/**
 * Peak of every city, then of each cluster. Fails only when a series has no values at all, a cluster's
 * members share no year, or options are invalid. Cluster years where a member has no value are left out;
 * the warnings summarise them (`cluster_years`) and name each member that goes on after the last common
 * year (`cluster_member_beyond`); each row's `cluster` holds the full detail (`missingIssues` lists every year).
 * @example inventoryPeaks(inv, [{ name: "长株潭", members: ["湖南长沙", "湖南株洲", "湖南湘潭"] }])
 */
export function inventoryPeaks(inv: Inventory, clusters: readonly ClusterSpec[] = [], options: PeakOptions = {}): Result<InventoryPeak[]> {
  const out: InventoryPeak[] = [];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const series = inv.cities.map((_, c) => cityTotalSeries(inv, c));
  inv.cities.forEach((city, c) => {
    const r = row(city, series[c], inv.unit, options);
    if (r.ok) out.push(r.value);
    else pushAll(issues, r.issues);
  });
  for (const cl of clusters) {
    const cp = clusterPeak(
      cl.members.map((m) => ({ name: m, series: series[inv.cities.indexOf(m)] })),
      options,
      [cl.name],
    );
    if (!cp.ok) {
      pushAll(issues, cp.issues);
      continue;
    }
    pushAll(warnings, cp.warnings);
    out.push({ name: cl.name, isCluster: true, unit: inv.unit, ...cp.value.info, cluster: cp.value });
  }
  return issues.length > 0 ? fail(issues) : ok(out, warnings);
}
