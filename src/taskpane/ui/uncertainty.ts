/* Step 3 — Uncertainty (Monte Carlo): draws and seed, then the scenario is read and validated here, the
 * draws run off the UI thread in a Web Worker (dist/mcworker.js) with progress, Cancel terminates the
 * worker, and the results are written by the workflow's one writing path (runAndWrite with the
 * precomputed result, checked against the input hash). */
import { fail, inventoryProgressFraction, isReadCancelled, issue, ok, type Issue, type MonteCarloResult, type Result } from "../../engine";
import { labelWithCode, readScenario, runAndWrite, type RunSummary } from "../../app";
import type { McMessage, McRequest } from "../mc-protocol";
import { format } from "../strings";
import { thrownIssue, type PaneContext } from "./context";
import { button, captionedTable, el, focusFirst, messageBar, replaceChildren, uid } from "./dom";
import { gates, runPlan } from "./gates";
import { onlyCancelled, outcomeView } from "./problems";
import { progressView } from "./progress";
import { sheetLinks } from "./scenario";
import { nextTask } from "./next-task";
import { numberText } from "./view";

/** Default draws of the pane's Monte Carlo. */
export const DEFAULT_DRAWS = 1000;
/** Draws per worker chunk (one progress message each). */
const CHUNK = 100;
/** Share of the progress bar taken by the draws (the rest: reading and writing). */
const DRAW_SHARE = 0.8;
/** Share of the bar for reading and checking the inventory before the draws. */
const READ_SHARE = 0.05;

/** Runs the draws in a Web Worker; `signal` terminates it (result: a `cancelled` issue). */
export function runInWorker(request: McRequest, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<Result<MonteCarloResult>> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker("mcworker.js");
    } catch (e) {
      resolve({ ok: false, issues: [thrownIssue(e)] });
      return;
    }
    const end = (r: Result<MonteCarloResult>) => {
      worker.terminate();
      signal.removeEventListener("abort", abort);
      resolve(r);
    };
    const abort = () => end({ ok: false, issues: [issue("cancelled", [])] });
    signal.addEventListener("abort", abort);
    worker.onmessage = (e: MessageEvent<McMessage>) => {
      if (e.data.type === "progress") onProgress(e.data.done, e.data.total);
      else end(e.data.result);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end({ ok: false, issues: [thrownIssue(new Error(e.message || "worker error"))] });
    };
    if (signal.aborted) abort();
    else worker.postMessage(request);
  });
}

/**
 * The Monte Carlo section of the run step, folded under its heading: draws and seed, its own button,
 * progress and result (right under its button). Available when Run is; runs on what Run would run on.
 */
export function uncertaintySection(ctx: PaneContext): HTMLElement {
  const { s, state } = ctx;
  const drawsId = uid("draws");
  const seedId = uid("seed");
  const draws = el("input", { className: "input", attrs: { id: drawsId, type: "number", min: "1", max: "100000", step: "1", inputmode: "numeric" } });
  const seed = el("input", { className: "input", attrs: { id: seedId, type: "number", min: "0", step: "1", inputmode: "numeric" } });
  draws.value = state.draws;
  seed.value = state.seed;
  draws.addEventListener("input", () => (state.draws = draws.value));
  seed.addEventListener("input", () => (state.seed = seed.value));
  const progress = progressView(ctx);
  const result = el("div", { className: "result mc-result" });
  // Blank or text is reported here, naming the field; the range (whole, 1…100000 draws) is the engine's option check.
  const numberOf = (i: HTMLInputElement, name: string): Result<number> => {
    const raw = i.value.trim();
    if (raw === "") return fail([issue("empty", [name])]);
    const n = Number(raw);
    return Number.isFinite(n) ? ok(n) : fail([issue("not_a_number", [name], { value: raw })]);
  };
  const render = () => {
    const r = state.mc;
    if (!r) return replaceChildren(result);
    replaceChildren(result, ...outcomeView(ctx, r.result, (v) => summaryView(ctx, v, r.seconds ?? 0)));
  };

  const go = button(
    s.mcButton,
    () => {
      const plan = runPlan(state);
      if (plan.kind !== "ready") return;
      const source = plan.source;
      replaceChildren(result);
      const signal = progress.start(s.mcRunning);
      const started = performance.now();
      let seconds = 0;
      void ctx
        .busy(async (): Promise<Result<RunSummary>> => {
          const d = numberOf(draws, s.drawsLabel);
          const sd = numberOf(seed, s.seedLabel);
          if (!d.ok || !sd.ok) return fail([...(d.ok ? [] : d.issues), ...(sd.ok ? [] : sd.issues)] as Issue[]);
          const read = await readScenario(ctx.port, source, {
            signal,
            yieldTo: nextTask,
            onProgress: (p) => progress.update(READ_SHARE * inventoryProgressFraction(p), "read"),
          });
          if (!read.ok) return isReadCancelled(read) ? fail([issue("cancelled", [])]) : read;
          const request: McRequest = { input: read.value.input, draws: d.value, seed: sd.value, chunk: CHUNK };
          const mc = await runInWorker(request, signal, (done, total) =>
            progress.update(READ_SHARE + ((DRAW_SHARE - READ_SHARE) * done) / total, "uncertainty"),
          );
          if (!mc.ok) return mc;
          seconds = (performance.now() - started) / 1000;
          return runAndWrite(ctx.port, {
            source,
            signal,
            version: ctx.version,
            monteCarlo: { result: mc.value, inputHash: read.value.inputHash },
            formulas: state.formulas,
            lang: ctx.lang,
            yieldTo: nextTask,
            onProgress: (f, stage) => progress.update(DRAW_SHARE + (1 - DRAW_SHARE) * f, stage),
          });
        })
        .then((r) => {
          progress.finish();
          state.mc = { result: r, seconds };
          render();
          focusFirst(result);
          if (r.ok) {
            ctx.announce(
              format(s.mcDone, { draws: r.value.monteCarlo?.draws ?? 0, seed: r.value.monteCarlo?.seed ?? 0, seconds: numberText(seconds, ctx.lang, 2) }),
            );
            ctx.workbookChanged();
          } else ctx.announce(onlyCancelled(r.issues) ? (result.textContent ?? "") : format(s.announceProblems, { count: r.issues.length }));
        });
    },
    "secondary",
  );
  go.classList.add("run-mc");
  ctx.registerAction(go, () => gates(state, s).run);

  const section = el("details", {
    className: "mc",
    attrs: { "data-section": "uncertainty" },
    children: [
      el("summary", { className: "mc-summary-line", text: s.mcTitle }),
      el("p", { className: "help-inline", text: s.mcHelp }),
      el("div", {
        className: "row",
        children: [
          el("div", { className: "field", children: [el("label", { text: s.drawsLabel, attrs: { for: drawsId } }), draws] }),
          el("div", { className: "field", children: [el("label", { text: s.seedLabel, attrs: { for: seedId } }), seed] }),
        ],
      }),
      el("div", { className: "actions", children: [go] }),
      progress.element,
      result,
    ],
  });
  // Open when it has something to show (kept across a language switch).
  if (state.mc) section.open = true;
  render();
  return section;
}

function summaryView(ctx: PaneContext, r: RunSummary, seconds: number): HTMLElement[] {
  const { s, lang } = ctx;
  const mc = r.monteCarlo;
  if (!mc) return [messageBar("success", s.runDone), sheetLinks(ctx, r.outputs)];
  const year = (x: number) => numberText(x, lang, 1);
  const cluster = mc.rows.filter((x) => x.isCluster);
  const { region, table } = captionedTable(
    s.mcLabel,
    [s.colScenario, format(s.colProbability, { year: mc.targetYear }), s.colPeakRange],
    cluster.map((x) => [
      labelWithCode("scenario", x.scenario, lang),
      `${numberText(x.probabilityByTarget * 100, lang, 1)}%`,
      `${year(x.peakYear.p50)} (${year(x.peakYear.p5)}–${year(x.peakYear.p95)})`,
    ]),
    [false, true, true],
  );
  table.classList.add("mc-summary");
  const done = messageBar("success", format(s.mcDone, { draws: mc.draws, seed: mc.seed, seconds: numberText(seconds, lang, 2) }));
  done.classList.add("mc-done");
  return [
    done,
    el("h3", { className: "subhead", text: s.mcLabel }),
    region,
    el("h3", { className: "subhead", text: s.outputsLabel }),
    sheetLinks(ctx, r.outputs),
  ];
}
