/* Step 2 — Scenario: write the Settings / Drivers / Levers sheets from the template (optionally the
 * 长株潭 example), then read them back and validate them (every problem with its cell). */
import { createScenarioSheets, readScenario } from "../../app";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el, messageBar, replaceChildren, uid } from "./dom";
import { problemsView } from "./problems";
import { sheetHome, yearsText } from "./view";

export function scenarioPanel(ctx: PaneContext): HTMLElement {
  const { s } = ctx;
  const exampleId = uid("example");
  const example = el("input", { attrs: { id: exampleId, type: "checkbox" }, className: "checkbox" });
  example.checked = true;
  const result = el("div", { className: "result", attrs: { "aria-live": "polite" } });

  const create = button(s.createSheets, () => {
    replaceChildren(result, messageBar("info", s.creating));
    void ctx
      .busy(() => createScenarioSheets(ctx.port, { example: example.checked ? "changzhutan" : undefined, lang: ctx.lang }))
      .then((r) => {
        if (!r.ok) {
          replaceChildren(result, problemsView(ctx, r.issues));
          return;
        }
        const sheets = r.value.sheets;
        replaceChildren(result, messageBar("success", format(s.sheetsCreated, { sheets: sheets.join(s.listSeparator) })), sheetLinks(ctx, sheets));
        if (sheets.length > 0) void ctx.port.selectCell(sheetHome(sheets[0]));
      });
  }, "primary");
  create.classList.add("create-sheets");
  ctx.registerAction(create);

  const check = button(s.checkScenario, () => {
    replaceChildren(result, messageBar("info", s.checking));
    void ctx
      .busy(() => readScenario(ctx.port, ctx.source()))
      .then((r) => {
        if (!r.ok) {
          replaceChildren(result, problemsView(ctx, r.issues));
          return;
        }
        const m = r.value.model;
        replaceChildren(
          result,
          messageBar("success", s.scenarioOk),
          el("p", {
            className: "summary",
            text: format(s.scenarioSummary, { scenarios: m.scenarios.length, levers: m.levers.length, cities: m.cities.length, years: yearsText(Array.from(m.years), s) }),
          }),
          problemsView(ctx, r.warnings, "warning"),
        );
      });
  }, "secondary");
  check.classList.add("check-scenario");
  ctx.registerAction(check);

  return el("div", {
    className: "step-body",
    children: [
      el("div", { className: "field checkbox-field", children: [example, el("label", { text: s.exampleLabel, attrs: { for: exampleId } })] }),
      el("div", { className: "actions", children: [create, check] }),
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
