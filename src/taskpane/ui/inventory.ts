/* Step 1 — Inventory: choose a sheet or table (or let the add-in find one), preview what was understood
 * (sheet and range, layout, cities, sectors, years, unit, totals by year with the incomplete years marked)
 * and list every problem found. A big inventory is checked in slices with a progress bar and Cancel; Cancel
 * keeps the previous preview. The list of sheets and tables refreshes itself (when it gets focus and after
 * the pane wrote sheets) and leaves out the add-in's own scenario and output sheets and their tables. */
import { inventoryProgressFraction, type InventoryProgress } from "../../engine";
import { displayName, previewInventory, type InventoryPreview } from "../../app";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, captionedTable, el, focusFirst, messageBar, replaceChildren, setPrimary, uid } from "./dom";
import { gates } from "./gates";
import { nextTask } from "./next-task";
import { cancelledView, onlyCancelled, problemsView } from "./problems";
import { progressView } from "./progress";
import { originText } from "./origin";
import { workbookView } from "./records";
import { layoutText, listText, numberText, regionRows, sourceFromChoice, yearsText } from "./view";

/** Units offered by the chooser (the engine's names). */
const UNITS = ["t", "万t", "Mt", "亿t"];

export function inventoryPanel(ctx: PaneContext): HTMLElement {
  const { s, state } = ctx;
  const chooserId = uid("source");
  const chooser = el("select", { attrs: { id: chooserId }, className: "input" });
  const addressId = uid("address");
  const address = el("input", {
    className: "input",
    attrs: { id: addressId, type: "text", placeholder: s.addressPlaceholder, spellcheck: "false", autocomplete: "off" },
  });
  address.value = state.address;
  const unitId = uid("unit");
  const unit = el("select", { className: "input", attrs: { id: unitId } });
  unit.appendChild(el("option", { text: s.unitAuto, attrs: { value: "" } }));
  for (const u of UNITS) unit.appendChild(el("option", { text: u, attrs: { value: u } }));
  unit.value = state.unit;
  const result = el("div", { className: "result" });
  // Says why the preview below did not change (a cancelled read); cleared by the next preview.
  const notice = el("div", { className: "preview-notice" });
  const progress = progressView(ctx);

  const fillChooser = async () => {
    const choices = await workbookView(ctx.port);
    const keep = state.choice;
    const options: HTMLOptionElement[] = [el("option", { text: s.sourceAuto, attrs: { value: "" } })];
    for (const t of choices.tables)
      options.push(el("option", { text: format(s.sourceTable, { name: t.name, sheet: t.sheet }), attrs: { value: `table:${t.name}` } }));
    for (const name of choices.sheets) options.push(el("option", { text: format(s.sourceSheet, { name }), attrs: { value: `sheet:${name}` } }));
    const same =
      options.length === chooser.options.length && options.every((o, i) => o.value === chooser.options[i].value && o.text === chooser.options[i].text);
    if (!same) replaceChildren(chooser, ...options);
    chooser.value = options.some((o) => o.value === keep) ? keep : "";
    // A sheet that is gone (or is one of the add-in's own) is no longer offered: back to automatic.
    state.choice = chooser.value;
  };
  chooser.addEventListener("focus", () => void fillChooser());
  chooser.addEventListener("change", () => (state.choice = chooser.value));
  address.addEventListener("input", () => (state.address = address.value));
  unit.addEventListener("change", () => (state.unit = unit.value));
  ctx.onWorkbookChanged(() => void fillChooser());

  const renderNotice = () => replaceChildren(notice, state.previewNotice ? cancelledView(ctx, state.previewNotice) : null);
  const render = () => {
    renderNotice();
    const p = state.preview;
    if (!p) return replaceChildren(result);
    if (p.result.ok) replaceChildren(result, previewView(ctx, p.result.value));
    else replaceChildren(result, problemsView(ctx, p.result.issues));
  };

  const preview = button(
    s.previewButton,
    () => {
      state.previewNotice = undefined;
      replaceChildren(notice);
      const signal = progress.start(s.previewing);
      const onProgress = (p: InventoryProgress) =>
        progress.update(
          inventoryProgressFraction(p),
          p.phase,
          p.phase === "validating" ? format(s.rowsChecked, { done: numberText(p.done, ctx.lang, 0), total: numberText(p.total, ctx.lang, 0) }) : undefined,
        );
      const source = sourceFromChoice(state.choice, state.address, state.unit);
      const asked = Object.keys(source).length === 0 ? undefined : source;
      void ctx
        .busy(() => previewInventory(ctx.port, asked, { signal, onProgress, yieldTo: nextTask }))
        .then(async (r) => {
          progress.finish();
          if (!r.ok && onlyCancelled(r.issues)) {
            state.previewNotice = r.issues;
            renderNotice();
            focusFirst(notice);
            ctx.announce(notice.textContent ?? "");
            return;
          }
          state.preview = { source: asked, result: r };
          state.runChoice = undefined;
          render();
          focusFirst(result);
          ctx.announce(previewAnnouncement(ctx, r.ok ? r.value : undefined, r.ok ? r.value.issues.length : r.issues.length));
          ctx.update();
          await ctx.refreshTarget();
        });
    },
    "primary",
  );
  preview.classList.add("preview");
  ctx.registerAction(preview);

  let selectionButton: HTMLButtonElement | null = null;
  if (ctx.readSelection) {
    const read = ctx.readSelection;
    selectionButton = button(
      s.useSelection,
      () => {
        void read().then(async (sel) => {
          if (!sel) return;
          state.choice = `sheet:${sel.sheet}`;
          state.address = sel.address;
          await fillChooser();
          address.value = sel.address;
        });
      },
      "subtle",
    );
    ctx.registerAction(selectionButton);
  }
  ctx.onUpdate(() => setPrimary(preview, gates(state, s).primary === "preview"));

  const element = el("div", {
    className: "step-body",
    children: [
      el("div", { className: "field", children: [el("label", { text: s.sourceLabel, attrs: { for: chooserId } }), chooser] }),
      el("div", {
        className: "field",
        children: [el("label", { text: s.addressLabel, attrs: { for: addressId } }), el("div", { className: "row", children: [address, selectionButton] })],
      }),
      el("div", { className: "field", children: [el("label", { text: s.unitLabel, attrs: { for: unitId } }), unit] }),
      el("div", { className: "actions", children: [preview] }),
      progress.element,
      notice,
      result,
    ],
  });
  chooser.appendChild(el("option", { text: s.sourceAuto, attrs: { value: "" } }));
  void fillChooser();
  render();
  return element;
}

/** The one short status said after a preview. */
function previewAnnouncement(ctx: PaneContext, p: InventoryPreview | undefined, problems: number): string {
  const { s } = ctx;
  if (problems > 0) return format(s.announceProblems, { count: problems });
  if (!p) return s.previewOk;
  return format(s.announcePreview, { cities: p.cities.length, sectors: p.sectors.length, years: yearsText(p.years, s) });
}

/** What was understood, then the problems (all at once, counted) and notes. */
export function previewView(ctx: PaneContext, p: InventoryPreview): HTMLElement {
  const { s, lang } = ctx;
  const facts: Array<[string, string]> = [
    [s.sheetLabel, p.sheet],
    [s.rangeLabel, p.address],
    [s.layoutLabel, layoutText(p.layout, s)],
    [s.runsOnFrom, originText(ctx, p)],
  ];
  // With rejected cells nothing was read: only the layout and range were understood.
  if (p.issues.length === 0) {
    facts.push(
      [s.citiesLabel, listText(p.cities, s)],
      [
        s.sectorsLabel,
        listText(
          p.sectors.map((code) => displayName("sector", code, lang)),
          s,
        ),
      ],
      [s.yearsLabel, yearsText(p.years, s)],
      [s.unitShown, p.unit || s.noneFound],
    );
  }
  const dl = el("dl", { className: "facts" });
  for (const [k, v] of facts) {
    dl.appendChild(el("dt", { text: k }));
    dl.appendChild(el("dd", { text: v }));
  }
  return el("div", {
    className: "preview-result",
    attrs: { "data-ok": p.issues.length === 0 ? "true" : "false" },
    children: [
      p.issues.length === 0 ? messageBar("success", s.previewOk) : null,
      problemsView(ctx, p.issues),
      dl,
      totalsView(ctx, p, lang),
      regionsView(ctx, p),
      problemsView(ctx, p.warnings, "warning"),
    ],
  });
}

/** The summary `carbon-peak inventory` prints: every city or region with its years and its last year's total. */
function regionsView(ctx: PaneContext, p: InventoryPreview): HTMLElement | null {
  const { s, lang } = ctx;
  const summary = p.summary;
  if (!summary || summary.regions.length === 0) return null;
  const unit = summary.unit ?? s.noneFound;
  const { region, table } = captionedTable(
    format(s.regionsCaption, { unit }),
    [s.regionColumn, s.regionYearsColumn, s.regionLastColumn],
    regionRows(summary, lang, s),
    [false, false, true],
  );
  table.classList.add("regions-table");
  return el("details", { className: "regions", children: [el("summary", { text: format(s.regionsSummary, { count: summary.regions.length }) }), region] });
}

/** Totals by year, the years where some city × sector has no value marked incomplete with the members missing (and counted in the summary). */
function totalsView(ctx: PaneContext, p: InventoryPreview, lang: PaneContext["lang"]): HTMLElement | null {
  const { s } = ctx;
  if (p.totalsByYear.length === 0) return null;
  const incomplete = p.totalsByYear.filter((t) => !t.complete);
  const unit = p.unit || s.noneFound;
  const { region, table } = captionedTable(
    format(s.totalsCaption, { unit }),
    [s.yearColumn, format(s.totalColumn, { unit }), s.completeColumn],
    p.totalsByYear.map((t) => [
      String(t.year),
      numberText(t.total, lang),
      t.complete ? s.completeYes : t.missing.length > 0 ? format(s.incompleteMissing, { members: listText(t.missing, s, 3) }) : s.incompleteMark,
    ]),
    [false, true, false],
    (k) => (p.totalsByYear[k].complete ? "" : "incomplete"),
  );
  table.classList.add("totals-table");
  const summary = incomplete.length > 0 ? format(s.totalsIncomplete, { count: incomplete.length, total: p.totalsByYear.length }) : s.totalsLabel;
  return el("details", {
    className: "totals",
    children: [el("summary", { text: summary }), incomplete.length > 0 ? el("p", { className: "help-inline", text: s.incompleteHelp }) : null, region],
  });
}
