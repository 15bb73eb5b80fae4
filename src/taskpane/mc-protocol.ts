/* Messages between the task pane and its Monte Carlo Web Worker (dist/mcworker.js). Types only. */
import type { MonteCarloResult, Result } from "../engine";

/** Pane → worker: the validated scenario input (ReadScenario.input) and the run's options. */
export interface McRequest {
  readonly input: unknown;
  readonly draws: number;
  readonly seed: number;
  /** Draws between progress messages. */
  readonly chunk: number;
}

/** Worker → pane: progress after each chunk, then the result (or the engine's issues). */
export type McMessage =
  { readonly type: "progress"; readonly done: number; readonly total: number } | { readonly type: "done"; readonly result: Result<MonteCarloResult> };
