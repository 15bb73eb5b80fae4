/* Step 2 — Scenario: write the Settings / Drivers / Levers sheets from the template (optionally the
 * 长株潭 example), then read them back and validate them (every problem with its cell). Available once an
 * inventory was previewed; Check once the scenario sheets exist. Over existing scenario sheets Create asks:
 * replace them (the add-in's own, written anew under their names), keep them (nothing written), or cancel. */
import { createScenarioFromInventory, createScenarioSheets, existingScenarioSheets, locate, readScenario, type ExistingSheet } from "../../app";
import { ok } from "../../engine";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el, focusFirst, messageBar, replaceChildren, setPrimary, uid } from "./dom";
import { gates, runPlan } from "./gates";
import { onlyCancelled, cancelledView, problemsView } from "./problems";
import { sheetHome, yearsText } from "./view";

export function scenarioPanel(ctx: PaneContext): HTMLElement {
  const { s, state } = ctx;
  const exampleId = uid("example");
  const example = el("input", { attrs: { id: exampleId, type: "checkbox" }, className: "checkbox" });
  example.checked = state.example;
  // Start from the previewed inventory, or fill in the example: one or the other.
  const fromId = uid("from-inventory");
  const fromInventory = el("input", { attrs: { id: fromId, type: "checkbox" }, className: "checkbox" });
  fromInventory.checked = state.fromInventory;
  example.addEventListener("change", () => {
    state.example = example.checked;
    if (example.checked) fromInventory.checked = state.fromInventory = false;
  });
  fromInventory.addEventListener("change", () => {
    state.fromInventory = fromInventory.checked;
    if (fromInventory.checked) example.checked = state.example = false;
  });
  const result = el("div", { className: "result" });
  const reasonId = uid("reason");
  const reason = el("p", { className: "gate-reason", attrs: { id: reasonId } });

  const render = () => {
    const m = state.scenarioMessage;
    if (!m) return replaceChildren(result);
    if (m.kind === "failed") return replaceChildren(result, onlyCancelled(m.issues) ? cancelledView(ctx, m.issues) : problemsView(ctx, m.issues));
    if (m.kind === "created") {
      const text =
        m.baseYear !== undefined
          ? format(s.sheetsCreatedFrom, { sheets: m.sheets.join(s.listSeparator), year: m.baseYear })
          : format(s.sheetsCreated, { sheets: m.sheets.join(s.listSeparator) });
      return replaceChildren(result, messageBar("success", text), sheetLinks(ctx, m.sheets));
    }
    if (m.kind === "kept")
      return replaceChildren(result, messageBar("info", format(s.sheetsKept, { sheets: m.sheets.join(s.listSeparator) })), sheetLinks(ctx, m.sheets));
    const r = m.result;
    if (!r.ok) return replaceChildren(result, problemsView(ctx, r.issues));
    const model = r.value.model;
    replaceChildren(
      result,
      messageBar("success", s.scenarioOk),
      el("p", {
        className: "summary",
        text: format(s.scenarioSummary, {
          scenarios: model.scenarios.length,
          levers: model.levers.length,
          cities: model.cities.length,
          years: yearsText(Array.from(model.years), s),
        }),
      }),
      problemsView(ctx, r.warnings, "warning"),
    );
  };

  // Over existing scenario sheets Create asks first (replace / keep / cancel) in this panel.
  const ask = el("div", { className: "ask" });
  const write = (replace: boolean) => {
    replaceChildren(ask);
    // From the previewed inventory: its source, every city, the latest year they all have (no copy written).
    const fromPreview = state.fromInventory && state.preview?.result.ok === true;
    void ctx
      .busy(async () => {
        if (!fromPreview) return createScenarioSheets(ctx.port, { example: state.example ? "changzhutan" : undefined, lang: ctx.lang, replace });
        const made = await createScenarioFromInventory(ctx.port, state.preview?.source, {}, { lang: ctx.lang, replace, keep: true });
        return made.ok ? ok<{ sheets: string[]; baseYear?: number }>({ sheets: made.value.sheets, baseYear: made.value.start.baseYear }, made.warnings) : made;
      })
      .then(async (r) => {
        if (!r.ok) {
          state.scenarioMessage = { kind: "failed", issues: r.issues };
          render();
          focusFirst(result);
          ctx.announce(format(s.announceProblems, { count: r.issues.length }));
          return;
        }
        const sheets = r.value.sheets;
        const baseYear = "baseYear" in r.value && typeof r.value.baseYear === "number" ? r.value.baseYear : undefined;
        state.scenarioSheets = sheets;
        state.scenarioMessage = baseYear !== undefined ? { kind: "created", sheets, baseYear } : { kind: "created", sheets };
        state.runChoice = undefined;
        render();
        focusFirst(result);
        ctx.announce(format(s.sheetsCreated, { sheets: sheets.join(s.listSeparator) }));
        ctx.workbookChanged();
        await ctx.refreshTarget();
      });
  };
  const keep = async (existing: readonly ExistingSheet[]) => {
    replaceChildren(ask);
    const sheets = existing.map((x) => x.sheet);
    state.scenarioSheets = sheets;
    state.scenarioMessage = { kind: "kept", sheets };
    render();
    focusFirst(result);
    ctx.announce(format(s.sheetsKept, { sheets: sheets.join(s.listSeparator) }));
    await ctx.refreshTarget();
  };
  const question = (existing: readonly ExistingSheet[]) => {
    const titleId = uid("ask");
    const theirs = existing.filter((x) => !x.owned).map((x) => x.sheet);
    const replace = button(s.replaceSheets, () => write(true), "secondary");
    replace.classList.add("replace-sheets");
    const keepButton = button(s.keepSheets, () => void keep(existing), "secondary");
    keepButton.classList.add("keep-sheets");
    const cancel = button(
      s.cancelButton,
      () => {
        replaceChildren(ask);
        create.focus();
      },
      "secondary",
    );
    cancel.classList.add("cancel-ask");
    for (const b of [replace, keepButton]) ctx.registerAction(b);
    const box = el("section", {
      className: "message message-warning ask-box",
      attrs: { "aria-labelledby": titleId },
      children: [
        el("h3", { className: "ask-title", text: s.askExisting, attrs: { id: titleId } }),
        el("p", { text: format(s.askExistingText, { sheets: existing.map((x) => x.sheet).join(s.listSeparator) }) }),
        theirs.length > 0 ? el("p", { text: format(s.askTheirs, { sheets: theirs.join(s.listSeparator) }) }) : null,
        el("div", { className: "actions", children: [replace, keepButton, cancel] }),
      ],
    });
    replaceChildren(ask, box);
    focusFirst(box);
    ctx.announce(s.askExisting);
  };
  const create = button(
    s.createSheets,
    () => {
      void ctx
        .busy(async () => {
          const l = await locate(ctx.port);
          return l.ok ? ok(existingScenarioSheets(l.value, { example: state.example ? "changzhutan" : undefined, lang: ctx.lang })) : l;
        })
        .then((r) => {
          if (r.ok && r.value.length > 0) question(r.value);
          else write(false);
        });
    },
    "secondary",
  );
  create.classList.add("create-sheets");
  create.setAttribute("aria-describedby", reasonId);
  ctx.registerAction(create, () => gates(state, s).create);

  const check = button(
    s.checkScenario,
    () => {
      const plan = runPlan(state);
      const source = plan.kind === "ready" ? plan.source : undefined;
      void ctx
        .busy(() => readScenario(ctx.port, source))
        .then((r) => {
          state.scenarioMessage = { kind: "checked", result: r };
          render();
          focusFirst(result);
          ctx.announce(r.ok ? s.scenarioOk : format(s.announceProblems, { count: r.issues.length }));
        });
    },
    "secondary",
  );
  check.classList.add("check-scenario");
  check.setAttribute("aria-describedby", reasonId);
  ctx.registerAction(check, () => gates(state, s).check);

  ctx.onUpdate(() => {
    const g = gates(state, s);
    setPrimary(create, g.primary === "create");
    // The first reason that applies: Create's, else Check's.
    reason.textContent = g.create ?? g.check ?? "";
    reason.hidden = reason.textContent === "";
  });

  render();
  return el("div", {
    className: "step-body",
    children: [
      reason,
      el("div", { className: "field checkbox-field", children: [example, el("label", { text: s.exampleLabel, attrs: { for: exampleId } })] }),
      el("div", { className: "field checkbox-field", children: [fromInventory, el("label", { text: s.fromInventoryLabel, attrs: { for: fromId } })] }),
      el("div", { className: "actions", children: [create, check] }),
      ask,
      result,
    ],
  });
}

/** Links that select a sheet's first cell. */
export function sheetLinks(ctx: PaneContext, sheets: readonly string[]): HTMLElement {
  const list = el("ul", { className: "sheet-links" });
  for (const sheet of sheets) {
    const b = el("button", { className: "link", text: sheet, attrs: { type: "button", title: format(ctx.s.openSheet, { sheet }), "data-sheet": sheet } });
    b.addEventListener("click", () => void ctx.port.selectCell(sheetHome(sheet)));
    list.appendChild(el("li", { children: [b] }));
  }
  return list;
}
