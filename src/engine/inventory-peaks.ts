/**
 * Peaks straight from an inventory (no scenario): every city's peak year, value and status over the
 * years the inventory has, and each named cluster's (the sum of its members in the years every member
 * has — DESIGN 3; member gaps come back as warnings). Used by `carbon-peak peaks` and usable by the pane.
 * Pure TypeScript.
 */
import { clusterSeries } from "./cluster";
import { inventoryIndex, type Inventory } from "./inventory/model";
import { splitNames } from "./input/names";
import { fail, issue, ok, type Issue, type Result } from "./issues";
import { findPeak, type PeakOptions, type PeakStatus } from "./peak";
import { seriesFromArrays, type Series } from "./series";

/** A named cluster: a name and member cities (as named in the inventory). */
export interface ClusterSpec {
  readonly name: string;
  readonly members: readonly string[];
}

/** One row of the peaks listing, in the inventory's unit. */
export interface InventoryPeak {
  readonly name: string;
  readonly isCluster: boolean;
  /** Null while rising (the maximum is the last year: no peak yet). */
  readonly peakYear: number | null;
  readonly peakValue: number | null;
  readonly status: PeakStatus;
  readonly unit: string;
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
 * Parses `NAME=city1,city2,…` (commas, 、 or ； between cities). Members must be inventory cities.
 * @example parseClusterSpec("长株潭=湖南长沙,湖南株洲,湖南湘潭", cities)
 */
export function parseClusterSpec(text: string, cities: readonly string[], path: (string | number)[] = ["cluster"]): Result<ClusterSpec> {
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  const members = m ? splitNames(m[2]) : [];
  const known = cities.slice(0, 12).join(", ");
  if (!m || members.length === 0 || members.some((x) => !cities.includes(x))) return fail([issue("cluster_spec_invalid", path, { value: text, known })]);
  return ok({ name: m[1].trim(), members: Array.from(new Set(members)) });
}

function row(name: string, isCluster: boolean, s: Series, unit: string, options: PeakOptions): Result<InventoryPeak> {
  const p = findPeak(s, options);
  if (!p.ok) return fail(p.issues.map((i) => ({ ...i, path: [name, ...i.path] })));
  const rising = p.value.status === "rising";
  return ok({ name, isCluster, peakYear: rising ? null : p.value.year, peakValue: rising ? null : p.value.value, status: p.value.status, unit });
}

/**
 * Peak of every city, then of each cluster. Fails only when a series has no values at all or options
 * are invalid; cluster years where a member has no value are left out and reported as `member_gap` warnings.
 * @example inventoryPeaks(inv, [{ name: "长株潭", members: ["湖南长沙", "湖南株洲", "湖南湘潭"] }])
 */
export function inventoryPeaks(inv: Inventory, clusters: readonly ClusterSpec[] = [], options: PeakOptions = {}): Result<InventoryPeak[]> {
  const out: InventoryPeak[] = [];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const series = inv.cities.map((_, c) => cityTotalSeries(inv, c));
  inv.cities.forEach((city, c) => {
    const r = row(city, false, series[c], inv.unit, options);
    if (r.ok) out.push(r.value);
    else issues.push(...r.issues);
  });
  for (const cl of clusters) {
    const cs = clusterSeries(cl.members.map((m) => ({ name: m, series: series[inv.cities.indexOf(m)] })));
    if (!cs.ok) {
      issues.push(...cs.issues);
      continue;
    }
    for (const g of cs.value.gaps) warnings.push(issue("member_gap", [cl.name], { member: g.member, year: g.year }));
    const r = row(cl.name, true, cs.value.series, inv.unit, options);
    if (r.ok) out.push(r.value);
    else issues.push(...r.issues);
  }
  return issues.length > 0 ? fail(issues) : ok(out, warnings);
}
