/**
 * `npm run bench`: every benchmark, each as a ratio against a baseline measured in the same run.
 * Results go to bench/results.json as [{ name, value, unit, baseline, ratio }] (lower ratio is better).
 */
import { report, type BenchResult } from "./harness";
import { peakBenchmarks } from "./peak.bench";
import { monteCarloBenchmarks } from "./montecarlo.bench";

const results: BenchResult[] = [...peakBenchmarks(), ...monteCarloBenchmarks()];
report(results);
