/**
 * Tiny benchmark harness: the median of several timed runs, reported as a ratio against a baseline
 * measured in the same process, same run (machines here are noisy; ratios are the figures).
 */
import { performance } from "perf_hooks";
import { writeFileSync } from "fs";
import { join } from "path";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

/** Median wall time (ms) of `runs` calls of `fn`, after `warmup` untimed calls. */
export function medianMs(fn: () => unknown, runs = 9, warmup = 3): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += Number(Boolean(fn()));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += Number(Boolean(fn()));
    times.push(performance.now() - t0);
  }
  if (sink < 0) console.log(sink); // keep results alive
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

/** Times `subject` and `baseline` interleaved (so drift hits both) and returns the result row. */
export function compare(name: string, subject: () => unknown, baseline: () => unknown, rounds = 5): BenchResult {
  const s: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    b.push(medianMs(baseline));
    s.push(medianMs(subject));
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
  const value = med(s);
  const base = med(b);
  return { name, value: round(value), unit: "ms", baseline: round(base), ratio: round(value / base) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Writes bench/results.json and prints a table. */
export function report(results: BenchResult[]): void {
  const path = join(__dirname, "..", "..", "..", "..", "bench", "results.json");
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  console.table(results);
  console.log(`wrote ${path}`);
}

/**
 * {@link medianMs} for work that awaits (e.g. a read that yields to the event loop between slices):
 * the median wall time (ms) of `runs` awaited calls of `fn`, after `warmup` untimed ones.
 */
export async function medianMsAsync(fn: () => Promise<unknown>, runs = 9, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}
