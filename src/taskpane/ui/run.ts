/* Step 3 — Run: says what the run will use (the inventory — sheet, range, layout, unit — and the scenario
 * sheets), asks which inventory when the scenario's own and the previewed one differ, refuses while that
 * inventory has problems, then runs every scenario and writes the outputs as values into the add-in's own
 * sheets (and, when its checkbox is ticked, live CARBON.* formulas on the Peaks (live) sheet), with progress
 * and Cancel. The result comes right under Run: what it ran on, the peaks, the targets (with a Targets sheet),
 * the output sheets, the run record.
 * The Monte Carlo section follows, folded. */
import { displayName, labelWithCode, runAndWrite, signedReached, type InventoryPreview, type RunSummary } from "../../app";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el, focusFirst, messageBar, replaceChildren, scrollRegion, setPrimary, uid } from "./dom";
import { gates, inventoryPair, runPlan, type RunPlan } from "./gates";
import type { RunChoice } from "./state";
import { nextTask } from "./next-task";
import { onlyCancelled, outcomeView, problemsView } from "./problems";
import { originText } from "./origin";
import { progressView } from "./progress";
import { sheetLinks } from "./scenario";
import { uncertaintySection } from "./uncertainty";
import { doneAnnouncement, layoutText, numberText, statusText } from "./view";

export function runPanel(ctx: PaneContext): HTMLElement {
  const { s, state } = ctx;
  const result = el("div", { className: "result run-result" });
  const progress = progressView(ctx);
  const formulasId = uid("formulas");
  const formulas = el("input", { attrs: { id: formulasId, type: "checkbox" }, className: "checkbox live-formulas" });
  formulas.checked = state.formulas;
  formulas.addEventListener("change", () => (state.formulas = formulas.checked));
  const reasonId = uid("reason");
  const reason = el("p", { className: "gate-reason", attrs: { id: reasonId } });
  const runsOn = el("div", { className: "runs-on" });

  const render = () => {
    const r = state.run;
    if (!r) return replaceChildren(result);
    replaceChildren(result, ...outcomeView(ctx, r.result, (v) => summaryView(ctx, v)));
  };

  const run = button(
    s.runButton,
    () => {
      const plan = runPlan(state);
      if (plan.kind !== "ready") return;
      replaceChildren(result);
      const signal = progress.start(s.running);
      void ctx
        .busy(() =>
          runAndWrite(ctx.port, {
            source: plan.source,
            signal,
            version: ctx.version,
            formulas: state.formulas,
            lang: ctx.lang,
            yieldTo: nextTask,
            onProgress: (fraction, stage) => progress.update(fraction, stage),
          }),
        )
        .then((r) => {
          progress.finish();
          state.run = { result: r };
          render();
          focusFirst(result);
          if (r.ok) {
            ctx.announce(
              doneAnnouncement(r.value.outputs.length, r.value.peaks, r.value.record.scenarios, s, (code) => displayName("scenario", code, ctx.lang)),
            );
            ctx.workbookChanged();
          } else {
            ctx.announce(onlyCancelled(r.issues) ? (result.textContent ?? "") : format(s.announceProblems, { count: r.issues.length }));
          }
        });
    },
    "secondary",
  );
  run.classList.add("run");
  run.setAttribute("aria-describedby", reasonId);
  ctx.registerAction(run, () => gates(state, s).run);

  // The choice between two inventories stays on screen (the radios keep focus while the analyst moves
  // between them with the arrow keys); it is rebuilt only when the pair of inventories changes.
  const choice = el("div", { className: "runs-on-choice" });
  let choiceKey = "";
  ctx.onUpdate(() => {
    const g = gates(state, s);
    setPrimary(run, g.primary === "run");
    reason.textContent = g.run ?? "";
    reason.hidden = g.run === null;
    const pair = inventoryPair(state);
    const key = pair ? `${pair.previewed.address}\n${pair.scenario.address}` : "";
    if (key !== choiceKey) {
      choiceKey = key;
      replaceChildren(choice, pair ? choiceView(ctx, pair) : null);
    }
    for (const input of choice.querySelectorAll<HTMLInputElement>("input[type=radio]")) input.checked = input.value === state.runChoice;
    replaceChildren(runsOn, runsOnView(ctx, runPlan(state)));
  });

  render();
  return el("div", {
    className: "step-body",
    children: [
      reason,
      choice,
      runsOn,
      el("div", { className: "field checkbox-field", children: [formulas, el("label", { text: s.formulasLabel, attrs: { for: formulasId } })] }),
      el("div", { className: "actions", children: [run] }),
      progress.element,
      result,
      uncertaintySection(ctx),
    ],
  });
}

/** "Inventory!A1:D25 — long, Mt" */
function inventoryLine(ctx: PaneContext, p: InventoryPreview): string {
  return format(ctx.s.inventoryLine, { address: p.address, layout: layoutText(p.layout, ctx.s), unit: p.unit || ctx.s.noneFound });
}

/** The question "which inventory should the run use?" with the two inventories as radio buttons. */
function choiceView(ctx: PaneContext, pair: { previewed: InventoryPreview; scenario: InventoryPreview }): HTMLElement {
  const { s, state } = ctx;
  const name = uid("choice");
  const legendId = uid("legend");
  const option = (value: RunChoice, text: string) => {
    const id = uid("opt");
    const input = el("input", { attrs: { type: "radio", name, id, value }, className: "radio" });
    input.checked = state.runChoice === value;
    input.addEventListener("change", () => {
      if (!input.checked) return;
      state.runChoice = value;
      ctx.update();
    });
    return el("div", { className: "field checkbox-field", children: [input, el("label", { text, attrs: { for: id } })] });
  };
  return el("fieldset", {
    className: "choice",
    attrs: { "aria-labelledby": legendId },
    children: [
      el("legend", { className: "choice-legend", text: s.chooseInventory, attrs: { id: legendId } }),
      el("p", {
        className: "help-inline",
        text:
          pair.scenario.chosenBy.by === "settings"
            ? format(s.chooseHelpSettings, { cell: pair.scenario.chosenBy.cell ?? s.settingsSheetWord })
            : s.chooseHelpFound,
      }),
      option("previewed", format(s.choicePreviewed, { inventory: inventoryLine(ctx, pair.previewed) })),
      option("scenario", format(s.choiceScenario, { inventory: inventoryLine(ctx, pair.scenario) })),
    ],
  });
}

/** Before Run: which inventory and scenario sheets the run will use (or why it cannot run). */
function runsOnView(ctx: PaneContext, plan: RunPlan): HTMLElement | null {
  const { s, state } = ctx;
  switch (plan.kind) {
    case "no-scenario":
    case "choose":
      return null;
    case "checking":
      return el("p", { className: "help-inline", text: s.checkingTarget });
    case "no-inventory":
      return state.target && !state.target.ok ? problemsView(ctx, state.target.issues) : null;
    case "ready": {
      const dl = el("dl", { className: "facts" });
      const rows: Array<[string, string]> = [
        [s.runsOnInventory, inventoryLine(ctx, plan.inventory)],
        [s.runsOnFrom, plan.from === "previewed" ? s.fromPreviewed : originText(ctx, plan.inventory)],
        // The scenario sheets, without the inventory sheet the example brings along.
        [s.runsOnSheets, (state.scenarioSheets ?? []).filter((x) => x.toLowerCase() !== plan.inventory.sheet.toLowerCase()).join(s.listSeparator)],
      ];
      for (const [k, v] of rows) {
        dl.appendChild(el("dt", { text: k }));
        dl.appendChild(el("dd", { text: v }));
      }
      const titleId = uid("runs-on");
      return el("section", {
        className: "runs-on-ready",
        attrs: { "aria-labelledby": titleId },
        children: [el("h3", { className: "subhead", text: s.runsOnTitle, attrs: { id: titleId } }), dl],
      });
    }
  }
}

/**
 * The peaks, one group per scenario (its name a row header across the table, then its cities and the
 * cluster), so that four columns fit Office's 320 px pane without cutting a word.
 */
function peaksTable(ctx: PaneContext, peaks: RunSummary["peaks"], unit: string): { region: HTMLElement; table: HTMLTableElement } {
  const { s, lang } = ctx;
  const captionId = uid("caption");
  const head = [s.colCity, s.colPeakYear, format(s.colPeakValueUnit, { unit }), s.colStatus];
  const numeric = [false, true, true, false];
  const table = el("table", {
    className: "grid peaks",
    children: [
      el("caption", { text: format(s.peaksCaption, { unit }), attrs: { id: captionId } }),
      el("thead", {
        children: [el("tr", { children: head.map((h, i) => el("th", { text: h, className: numeric[i] ? "num" : "", attrs: { scope: "col" } })) })],
      }),
    ],
  });
  const scenarios = [...new Set(peaks.map((p) => p.scenario))];
  for (const sc of scenarios) {
    const body = el("tbody", { attrs: { "data-scenario": sc } });
    body.appendChild(
      el("tr", {
        className: "scenario-row",
        children: [el("th", { text: labelWithCode("scenario", sc, lang), attrs: { scope: "rowgroup", colspan: String(head.length) } })],
      }),
    );
    for (const p of peaks.filter((x) => x.scenario === sc)) {
      const cells = [
        p.region,
        p.peakYear === null ? "—" : String(p.peakYear),
        p.peakValue === null ? "—" : numberText(p.peakValue, lang),
        statusText(p.status, s),
      ];
      body.appendChild(
        el("tr", { className: p.isCluster ? "cluster-row" : "", children: cells.map((c, i) => el("td", { text: c, className: numeric[i] ? "num" : "" })) }),
      );
    }
    table.appendChild(body);
  }
  return { region: scrollRegion(table, captionId), table };
}

/**
 * The targets of the Targets sheet after a run, one group per scenario as in the peaks table: city or
 * cluster, what the target asks, the value reached, met or not (four columns for the 320 px pane).
 */
function targetsTable(ctx: PaneContext, targets: RunSummary["targets"]): HTMLElement {
  const { s, lang } = ctx;
  const captionId = uid("caption");
  const head = [s.colCity, s.colTarget, s.colReached, s.colMet];
  const numeric = [false, false, true, false];
  const table = el("table", {
    className: "grid targets",
    children: [
      el("caption", { text: s.targetsCaption, attrs: { id: captionId } }),
      el("thead", {
        children: [el("tr", { children: head.map((h, i) => el("th", { text: h, className: numeric[i] ? "num" : "", attrs: { scope: "col" } })) })],
      }),
    ],
  });
  const pct = (x: number) => `${numberText(x * 100, lang, 1)}%`;
  const value = (t: RunSummary["targets"][number], x: number) =>
    t.unit === "share" ? pct(x) : t.unit === "year" ? String(x) : `${numberText(x, lang)} ${t.unit}`;
  const what = (t: RunSummary["targets"][number]) => {
    const p = { to: t.to ?? "", from: t.from ?? "", value: value(t, t.target) };
    const text = {
      peak_by: s.targetPeakBy,
      peak_cap: s.targetPeakCap,
      intensity_decline: s.targetIntensity,
      energy_intensity_decline: s.targetEnergyIntensity,
      budget: s.targetBudget,
    }[t.kind];
    return format(text, p);
  };
  // A decline reached is signed as the target is worded ("−18%"): −22.7% fell, +3.0% rose.
  const reachedText = (t: RunSummary["targets"][number], x: number) => {
    const { sign, magnitude } = signedReached(t.kind, x);
    return `${sign}${value(t, magnitude)}`;
  };
  const status = { met: s.targetMet, not_met: s.targetNotMet, unknown: s.targetUnknown };
  for (const sc of [...new Set(targets.map((t) => t.scenario))]) {
    const body = el("tbody", { attrs: { "data-scenario": sc } });
    body.appendChild(
      el("tr", {
        className: "scenario-row",
        children: [el("th", { text: labelWithCode("scenario", sc, lang), attrs: { scope: "rowgroup", colspan: String(head.length) } })],
      }),
    );
    for (const t of targets.filter((x) => x.scenario === sc)) {
      const cells = [t.region, what(t), t.reached === null ? "—" : reachedText(t, t.reached), status[t.status]];
      body.appendChild(
        el("tr", { className: t.isCluster ? "cluster-row" : "", children: cells.map((c, i) => el("td", { text: c, className: numeric[i] ? "num" : "" })) }),
      );
    }
    table.appendChild(body);
  }
  return scrollRegion(table, captionId);
}

function summaryView(ctx: PaneContext, r: RunSummary): HTMLElement[] {
  const { s, lang } = ctx;
  const when = new Date(r.record.at);
  const whenText = Number.isNaN(when.getTime()) ? r.record.at : when.toLocaleString(lang === "zh" ? "zh-CN" : "en-US");
  const hash = r.record.inputHash.replace(/^sha256:/, "").slice(0, 12);
  const unit = r.peaks[0]?.unit ?? r.record.unit;
  const { region } = peaksTable(ctx, r.peaks, unit);
  const ranOn = el("dl", {
    className: "facts ran-on",
    children: [
      el("dt", { text: s.runsOnInventory }),
      el("dd", { text: r.record.inventory }),
      el("dt", { text: s.runsOnSheets }),
      el("dd", { text: r.record.scenarioSheets.join(s.listSeparator) }),
    ],
  });
  return [
    messageBar("success", format(s.runDoneCount, { count: r.outputs.length })),
    el("h3", { className: "subhead", text: s.ranOnTitle }),
    ranOn,
    el("h3", { className: "subhead", text: s.peaksLabel }),
    region,
    ...(r.targets.length > 0 ? [el("h3", { className: "subhead", text: s.targetsLabel }), targetsTable(ctx, r.targets)] : []),
    el("h3", { className: "subhead", text: s.outputsLabel }),
    sheetLinks(ctx, r.outputs),
    el("p", { className: "record", text: format(s.runRecord, { when: whenText, version: r.record.version, hash }) }),
  ];
}
