/**
 * The run: reads and validates the scenario (`scenario-read.ts`), runs every scenario, decomposes the
 * change, optionally runs (or takes) a Monte Carlo, and writes every output into sheets the add-in
 * owns (`output-sheets.ts` names them, `outputs.ts` builds them) in one batch, then records the run.
 *
 * **Batching.** A run costs a fixed number of port calls: `listSheets`, `getSettings`, `findTables`
 * (one {@link locate}), one `readMany` for every input, one `writeMany` for every output, one
 * `setSettings` (the Office adapter turns each batch into ≤ 2 syncs).
 *
 * No DOM and no Node APIs: this runs in the browser (task pane) and in Node (CLI) alike.
 */
import {
  DEFAULT_CHUNK,
  fail,
  finishMonteCarlo,
  inventoryProgressFraction,
  isReadCancelled,
  issue,
  ok,
  evaluateTargets,
  runChunk,
  runModel,
  scenarioDecomposition,
  scenarioIndicators,
  startMonteCarlo,
  type Lang,
  type MonteCarloResult,
  type Result,
  pushAll,
} from "../engine";
import type { WorkbookPort } from "../workbook/port";
import type { InventorySource, ReadAs } from "./inventory-source";
import type { OutputRole } from "./output-labels";
import { planOutputSheets } from "./output-sheets";
import { outputOps, type RunRecord } from "./outputs";
import { peakSummary, type PeakSummaryRow } from "./peak-summary";
import { SETTINGS_KEYS, locate } from "./records";
import { readLocatedScenario } from "./scenario-read";
import { indicatorSummary, targetSummary, type IndicatorsSummary, type TargetSummaryRow } from "./target-summary";

/** Seed of a Monte Carlo run when none is given. */
export const DEFAULT_SEED = 1;

/** A Monte Carlo result computed elsewhere (the task pane's Web Worker) for the inputs of `inputHash`. */
export interface PrecomputedMonteCarlo {
  readonly result: MonteCarloResult;
  /** `ReadScenario.inputHash` of the input the draws were made from. */
  readonly inputHash: string;
}

/** Options of {@link runAndWrite}. */
export interface RunOptions {
  source?: InventorySource;
  /** How the inventory is read beyond the source: the choosers' names in messages (the CLI: --unit), regions of unnamed sheets. */
  readAs?: ReadAs;
  onProgress?: (fraction: number, stage: string) => void;
  signal?: AbortSignal;
  now?: () => Date;
  version?: string;
  /** Monte Carlo draws (a whole number 1 … 100,000; 0 or absent: no Monte Carlo), run in chunks here. */
  draws?: number;
  /** Monte Carlo seed, a whole number 0 … 2^53 − 1 (default {@link DEFAULT_SEED}). */
  seed?: number;
  /** A Monte Carlo already run (e.g. in a Web Worker): written as it is, after checking it was made from the same inputs. */
  monteCarlo?: PrecomputedMonteCarlo;
  /**
   * Also write the "Peaks (live)" sheet: emissions by year with live `=CARBON.PEAKYEAR(...)` and
   * `=CARBON.PEAKSTATUS(...)` formulas per scenario and region, cached with the engine's results.
   * Default false: every output is values only.
   */
  formulas?: boolean;
  /**
   * Called between slices of the inventory read to let the event loop run (the pane passes its
   * next-task scheduler). Default: none — the read runs in one go (the CLI).
   */
  yieldTo?: () => Promise<void> | void;
  /**
   * Language of the output sheet names, headers, labels and chart titles: "en" (default: "Results",
   * "Emissions (Mt CO2)") or "zh" ("结果", "排放量（Mt CO2）"). Status codes (peaked, plateau, rising,
   * unconfirmed) and the analyst's names are written as they are in both.
   */
  lang?: Lang;
}

/** What a run wrote. */
export interface RunSummary {
  /** Output sheet names. */
  outputs: string[];
  peaks: PeakSummaryRow[];
  /** Every target of the Targets sheet judged in every scenario it applies to (empty without one). */
  targets: TargetSummaryRow[];
  /** The indicators of every scenario, city and the cluster (per capita, per GDP, energy, cumulative …). */
  indicators: IndicatorsSummary;
  record: RunRecord;
  /** The Monte Carlo result written, if any. */
  monteCarlo?: MonteCarloResult;
}

/** Yields to the event loop (so an abort can arrive between Monte Carlo chunks). */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Reads and validates the scenario (see {@link readScenario}), runs every scenario, and writes the
 * outputs — results (measured, filled or projected), peaks, the targets judged (with a Targets sheet),
 * reductions by lever and sector, coordination benefit, the decomposition from the last historical
 * year to the target year (Kaya factors with drivers), the indicators, chart data with charts, the
 * Monte Carlo summary and peak-year histogram with its chart (with `draws` > 0, or a precomputed
 * `monteCarlo`), and a run record — as values into sheets the add-in owns, in one batch; with
 * `formulas: true` also the "Peaks (live)" sheet, whose peak year and status are live CARBON.* formulas. A re-run
 * replaces its own outputs and nothing else; with `lang: "zh"` every output sheet name, header, label
 * and chart title is Chinese ("结果", "排放量（Mt CO2）"), and a re-run in the other language replaces the
 * add-in's sheets named in the previous language (a user's sheet is never touched: a taken name
 * becomes "结果 (2)"). Progress goes to `onProgress` (fraction 0–1, stage name:
 * read, run, uncertainty, write, done); `signal` is checked between stages and between Monte Carlo
 * chunks, and an abort returns a `cancelled` issue with nothing written.
 * @example const r = await runAndWrite(port, { version: "0.1.0", draws: 1000, seed: 1 }); if (r.ok) r.value.peaks
 * @example await runAndWrite(port, { lang: "zh" }) // writes 结果, 峰值, 减排, … 运行记录
 */
export async function runAndWrite(port: WorkbookPort, options: RunOptions = {}): Promise<Result<RunSummary>> {
  const progress = options.onProgress ?? (() => undefined);
  const cancelled = () => options.signal?.aborted === true;
  const stop = () => fail<RunSummary>([issue("cancelled", [])]);
  if (cancelled()) return stop();
  progress(0, "read");
  const loc = await locate(port);
  if (!loc.ok) return loc;
  const l = loc.value;
  const read = await readLocatedScenario(
    port,
    l,
    options.source,
    {
      signal: options.signal,
      ...(options.yieldTo ? { yieldTo: options.yieldTo } : {}),
      onProgress: (p) => progress(0.3 * inventoryProgressFraction(p), "read"),
    },
    options.readAs,
  );
  if (!read.ok) return isReadCancelled(read) ? stop() : read;
  if (cancelled()) return stop();
  progress(0.3, "run");
  const run = runModel(read.value.model);
  if (!run.ok) return run;
  const decomposition = scenarioDecomposition(run.value);
  if (!decomposition.ok) return decomposition;
  const indicators = scenarioIndicators(read.value.model, run.value);
  const targets = targetSummary(run.value.settings.units, evaluateTargets(read.value.model, run.value, indicators.value));
  const warnings = [...read.warnings, ...run.warnings, ...decomposition.warnings, ...indicators.warnings];
  if (cancelled()) return stop();

  let monteCarlo: MonteCarloResult | undefined;
  if (options.monteCarlo !== undefined) {
    if (options.monteCarlo.inputHash !== read.value.inputHash) return fail([issue("mc_stale", [])]);
    monteCarlo = options.monteCarlo.result;
  } else if (options.draws !== undefined && options.draws !== 0) {
    const started = startMonteCarlo(read.value.input, { draws: options.draws, seed: options.seed ?? DEFAULT_SEED });
    if (!started.ok) return started;
    const mc = started.value;
    while (mc.done < mc.draws) {
      progress(0.35 + (0.5 * mc.done) / mc.draws, "uncertainty");
      await tick();
      if (cancelled()) return stop();
      runChunk(mc, DEFAULT_CHUNK);
    }
    const finished = finishMonteCarlo(mc);
    if (!finished.ok) return finished;
    monteCarlo = finished.value;
    // The deterministic run's warnings are already listed.
    const seen = [...warnings];
    pushAll(
      warnings,
      finished.warnings.filter((w) => !seen.some((x) => x.code === w.code && JSON.stringify(x.path) === JSON.stringify(w.path))),
    );
  }
  if (cancelled()) return stop();
  progress(monteCarlo ? 0.9 : 0.6, "write");

  const results = run.value;
  const roles: OutputRole[] = [
    "results",
    "peaks",
    ...(targets.length > 0 ? (["targetResults"] as const) : []),
    ...(options.formulas ? (["peaksLive"] as const) : []),
    "reductions",
    ...(results.coordination ? (["coordination"] as const) : []),
    "decomposition",
    "indicators",
    "charts",
    ...(monteCarlo ? (["uncertainty", "peakYears"] as const) : []),
    "runInfo",
  ];
  const lang: Lang = options.lang ?? "en";
  const plan = planOutputSheets(l, roles, lang);
  const sheets = plan.sheets;
  const ops = [...plan.ops];
  const at = (options.now ?? (() => new Date()))().toISOString();
  const record: RunRecord = {
    at,
    version: options.version ?? "unknown",
    inputHash: read.value.inputHash,
    inventory: read.value.inventoryAddress,
    scenarioSheets: Object.values(read.value.sheets).filter((x): x is string => !!x),
    unit: results.settings.units,
    scenarios: [...results.scenarios],
    cities: [...results.cities],
    years: [results.years[0], results.years[results.years.length - 1]],
    lastHistoricalYear: results.lastHistoricalYear,
    outputs: sheets,
    warnings: warnings.length,
    ...(monteCarlo ? { draws: monteCarlo.draws, seed: monteCarlo.seed } : {}),
    ...(options.formulas ? { formulas: true } : {}),
    ...(lang === "zh" ? { lang: "zh" as const } : {}),
    ...(read.value.filled.length > 0 ? { filled: read.value.filled.map((f) => ({ city: f.city, sector: f.sector, from: f.from })) } : {}),
  };
  const peaks = peakSummary(results);
  const indicatorRows = indicatorSummary(results.years, results.settings.units, indicators.value);
  pushAll(
    ops,
    outputOps({
      results,
      peaks,
      sheets,
      tableName: plan.tableName,
      record,
      warnings,
      decomposition: decomposition.value,
      monteCarlo,
      lang,
      indicators: indicatorRows,
      targets,
    }),
  );
  if (cancelled()) return stop();
  const w = await port.writeMany(ops);
  if (!w.ok) return w;
  const saved = await port.setSettings({ ...l.settings, [SETTINGS_KEYS.outputs]: { ...sheets }, [SETTINGS_KEYS.lastRun]: JSON.parse(JSON.stringify(record)) });
  if (!saved.ok) return saved;
  progress(1, "done");
  return ok({ outputs: roles.map((r) => sheets[r]!), peaks, targets, indicators: indicatorRows, record, ...(monteCarlo ? { monteCarlo } : {}) }, warnings);
}
