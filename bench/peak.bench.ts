/**
 * Peak functions over 41-year series (2020–2060) vs the floor: a plain single-pass argmax loop
 * over a Float64Array. Target (issue #7): PEAKYEAR / CLUSTERPEAKYEAR within 2× of the floor. The
 * Excel-argument cores (validation included) are checked to give the engine's answers before timing.
 */
import { findPeak, seriesFromArrays, clusterSeries, type Series } from "../src/engine";
import { peakYearCore, clusterPeakYearCore } from "../src/functions/peak-core";
import { compare, type BenchResult } from "./harness";

const YEARS = 41;
const N = 20000; // series per timed call

/** Deterministic pseudo-random emissions paths that rise then fall (xorshift32). */
function paths(n: number): Float64Array[] {
  let x = 2463534242;
  const rnd = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  const out: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const a = new Float64Array(YEARS);
    const peakAt = Math.floor(rnd() * YEARS);
    for (let t = 0; t < YEARS; t++) a[t] = 100 * (1 - 0.0004 * (t - peakAt) ** 2) + rnd();
    out.push(a);
  }
  return out;
}

export function peakBenchmarks(): BenchResult[] {
  const data = paths(N);
  const years = Array.from({ length: YEARS }, (_, i) => 2020 + i);
  const series: Series[] = data.map((v) => seriesFromArrays(years, v));
  const excelYears = [years];
  const excelRows = data.map((v) => [Array.from(v)]);

  const floor = () => {
    let acc = 0;
    for (const v of data) {
      let best = 0;
      for (let t = 1; t < YEARS; t++) if (v[t] > v[best]) best = t;
      acc += best;
    }
    return acc;
  };
  const engine = () => {
    let acc = 0;
    for (const s of series) {
      const r = findPeak(s);
      if (r.ok) acc += r.value.year;
    }
    return acc;
  };
  const excel = () => {
    let acc = 0;
    for (const e of excelRows) {
      const r = peakYearCore(e, excelYears);
      if (r.ok) acc += r.value;
    }
    return acc;
  };
  // Clusters of 3 members (as 长株潭): the cluster sum then the peak.
  const clusters: number[][][] = [];
  for (let i = 0; i + 3 <= Math.min(N, 6000); i += 3) clusters.push([0, 1, 2].map((k) => Array.from(data[i + k])));
  const clusterEngine = () => {
    let acc = 0;
    for (const c of clusters) {
      const r = clusterSeries(c.map((v, k) => ({ name: `${k}`, series: seriesFromArrays(years, v) })));
      if (r.ok) {
        const p = findPeak(r.value.series);
        if (p.ok) acc += p.value.year;
      }
    }
    return acc;
  };
  const clusterExcel = () => {
    let acc = 0;
    for (const c of clusters) {
      const r = clusterPeakYearCore(c, excelYears);
      if (r.ok) acc += r.value;
    }
    return acc;
  };
  const clusterFloor = () => {
    let acc = 0;
    const sum = new Float64Array(YEARS);
    for (const c of clusters) {
      sum.fill(0);
      for (const v of c) for (let t = 0; t < YEARS; t++) sum[t] += v[t];
      let best = 0;
      for (let t = 1; t < YEARS; t++) if (sum[t] > sum[best]) best = t;
      acc += best;
    }
    return acc;
  };
  // Honesty check: the Excel-argument cores (their fast path) answer what the engine answers — the
  // peak year, or no answer (#N/A) where the engine says the series is still rising.
  const expectedYear = (p: ReturnType<typeof findPeak>) => (p.ok && p.value.status !== "rising" ? p.value.year : undefined);
  series.forEach((s, i) => {
    const r = peakYearCore(excelRows[i], excelYears);
    if ((r.ok ? r.value : undefined) !== expectedYear(findPeak(s))) throw new Error(`PEAKYEAR core and findPeak disagree on series ${i}`);
  });
  clusters.forEach((c, i) => {
    const r = clusterPeakYearCore(c, excelYears);
    const sum = clusterSeries(c.map((v, k) => ({ name: `${k}`, series: seriesFromArrays(years, v) })));
    if (!sum.ok || (r.ok ? r.value : undefined) !== expectedYear(findPeak(sum.value.series)))
      throw new Error(`CLUSTERPEAKYEAR core and the engine disagree on cluster ${i}`);
  });
  return [
    compare(`findPeak (engine) × ${N} series of ${YEARS} years vs Float64Array argmax`, engine, floor),
    compare(`PEAKYEAR core from Excel-shaped arrays × ${N} vs Float64Array argmax`, excel, floor),
    compare(`cluster sum + findPeak × ${clusters.length} clusters of 3 vs typed-array loop`, clusterEngine, clusterFloor),
    compare(`CLUSTERPEAKYEAR core from Excel-shaped arrays × ${clusters.length} vs typed-array loop`, clusterExcel, clusterFloor),
  ];
}
