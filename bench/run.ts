/**
 * `npm run bench`: every benchmark, each as a ratio against a baseline measured in the same run.
 * Results go to bench/results.json as [{ name, value, unit, baseline, ratio }] (lower ratio is better).
 * A benchmark that fails to set up (or throws) is reported with its reason and the others still run.
 */
import { report, type BenchResult } from "./harness";
import { peakBenchmarks } from "./peak.bench";
import { monteCarloBenchmarks } from "./montecarlo.bench";
import { scenarioBenchmarks } from "./scenario.bench";
import { driverBenchmarks } from "./drivers.bench";
import { hyperFormulaBenchmarks } from "./hyperformula.bench";
import { officeBenchmarks } from "./office.bench";
import { bundleBenchmarks } from "./bundle.bench";
import { inventoryBenchmarks } from "./inventory.bench";
import { xlsxBenchmarks } from "./xlsx.bench";

const only = process.env.BENCH_ONLY;
const suites: [string, () => BenchResult[] | Promise<BenchResult[]>][] = [
  ["peak", peakBenchmarks],
  ["montecarlo", monteCarloBenchmarks],
  ["scenario", scenarioBenchmarks],
  ["drivers", driverBenchmarks],
  ["hyperformula", hyperFormulaBenchmarks],
  ["office", officeBenchmarks],
  ["inventory", inventoryBenchmarks],
  ["xlsx", xlsxBenchmarks],
  ["bundle", bundleBenchmarks],
];

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  const failed: string[] = [];
  for (const [name, suite] of suites) {
    if (only !== undefined && !only.split(",").includes(name)) continue;
    try {
      console.log(`bench: ${name} …`);
      results.push(...(await suite()));
    } catch (e) {
      failed.push(name);
      console.error(`bench: ${name} failed, skipped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  if (only === undefined) report(results);
  else console.table(results); // a partial run (BENCH_ONLY=a,b) does not overwrite bench/results.json
  if (failed.length > 0) console.error(`bench: ${failed.length} suite(s) failed: ${failed.join(", ")}`);
}

void main();
