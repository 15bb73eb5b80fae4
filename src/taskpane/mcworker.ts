/* The task pane's Monte Carlo Web Worker (webpack entry `mcworker` → dist/mcworker.js). It imports only the
 * engine: it receives a validated scenario input with draws and seed, runs the draws in chunks (posting
 * progress after each), and posts the result. Cancel is the pane terminating the worker; nothing here
 * touches the workbook, so a cancelled run writes nothing. */
import { finishMonteCarlo, runChunk, startMonteCarlo } from "../engine";
import type { McMessage, McRequest } from "./mc-protocol";

/** The worker's global scope, as far as this file uses it. */
const scope = self as unknown as { onmessage: ((e: MessageEvent<McRequest>) => void) | null; postMessage(message: McMessage): void };

scope.onmessage = (e) => {
  const { input, draws, seed, chunk } = e.data;
  const started = startMonteCarlo(input, { draws, seed });
  if (!started.ok) {
    scope.postMessage({ type: "done", result: started });
    return;
  }
  const run = started.value;
  while (run.done < run.draws) {
    runChunk(run, chunk);
    scope.postMessage({ type: "progress", done: run.done, total: run.draws });
  }
  scope.postMessage({ type: "done", result: finishMonteCarlo(run) });
};
