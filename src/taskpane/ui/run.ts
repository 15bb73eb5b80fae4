/* Step 3 — Run: runs every scenario and writes the outputs as values into the add-in's own sheets (and,
 * when its checkbox is ticked, live CARBON.* formulas on the Peaks (live) sheet), with progress and
 * Cancel; then shows the output sheets, the peaks and the run record. */
import { runAndWrite, type RunSummary } from "../../app";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el, messageBar, replaceChildren, textTable, uid } from "./dom";
import { outcomeView } from "./problems";
import { nextTask } from "./next-task";
import { progressView } from "./progress";
import { sheetLinks } from "./scenario";
import { uncertaintySection } from "./uncertainty";
import { numberText, statusText } from "./view";

export function runPanel(ctx: PaneContext): HTMLElement {
  const { s } = ctx;
  const result = el("div", { className: "result", attrs: { "aria-live": "polite" } });
  const progress = progressView(ctx);
  const formulasId = uid("formulas");
  const formulas = el("input", { attrs: { id: formulasId, type: "checkbox" }, className: "checkbox live-formulas" });

  const run = button(s.runButton, () => {
    replaceChildren(result);
    const signal = progress.start();
    void ctx
      .busy(() =>
        runAndWrite(ctx.port, {
          source: ctx.source(),
          signal,
          version: ctx.version,
          formulas: formulas.checked,
          lang: ctx.lang,
          yieldTo: nextTask,
          onProgress: (fraction, stage) => progress.update(fraction, stage),
        }),
      )
      .then((r) => {
        progress.finish();
        replaceChildren(result, ...outcomeView(ctx, r, (v) => summaryView(ctx, v)));
      });
  }, "primary");
  run.classList.add("run");
  ctx.registerAction(run);

  return el("div", {
    className: "step-body",
    children: [
      el("div", { className: "field checkbox-field", children: [formulas, el("label", { text: s.formulasLabel, attrs: { for: formulasId } })] }),
      el("div", { className: "actions", children: [run] }),
      uncertaintySection(ctx, progress, result, () => formulas.checked),
      progress.element,
      result,
    ],
  });
}

function summaryView(ctx: PaneContext, r: RunSummary): HTMLElement[] {
  const { s, lang } = ctx;
  const when = new Date(r.record.at);
  const whenText = Number.isNaN(when.getTime()) ? r.record.at : when.toLocaleString(lang === "zh" ? "zh-CN" : "en-US");
  const hash = r.record.inputHash.replace(/^sha256:/, "").slice(0, 12);
  const peaks = textTable(
    [s.colScenario, s.colCity, s.colPeakYear, `${s.colPeakValue} (${r.peaks[0]?.unit ?? ""})`, s.colStatus],
    r.peaks.map((p) => [
      p.scenario,
      p.region,
      p.peakYear === null ? "—" : String(p.peakYear),
      p.peakValue === null ? "—" : numberText(p.peakValue, lang),
      statusText(p.status, s),
    ]),
    [false, false, true, true, false],
    (k) => (r.peaks[k].isCluster ? "cluster-row" : ""),
  );
  peaks.classList.add("peaks");
  return [
    messageBar("success", s.runDone),
    el("div", { className: "subhead", text: s.outputsLabel }),
    sheetLinks(ctx, r.outputs),
    el("div", { className: "subhead", text: s.peaksLabel }),
    el("div", { className: "table-scroll", children: [peaks] }),
    el("p", { className: "record", text: format(s.runRecord, { when: whenText, version: r.record.version, hash }) }),
  ];
}
