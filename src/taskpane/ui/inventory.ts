/* Step 1 — Inventory: choose a sheet or table (or let the add-in find one), preview what was understood
 * (layout, range, cities, sectors, years, unit, totals by year) and list every problem found. A big
 * inventory is checked in slices with a progress bar and Cancel; Cancel keeps the previous preview. */
import { inventoryProgressFraction, type InventoryProgress, type Issue } from "../../engine";
import { previewInventory, type InventoryPreview, type InventorySource } from "../../app";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el, messageBar, replaceChildren, textTable, uid } from "./dom";
import { nextTask } from "./next-task";
import { problemsView } from "./problems";
import { progressView } from "./progress";
import { layoutText, listText, numberText, problemRows, sourceFromChoice, yearsText } from "./view";

/** Units offered by the chooser (the engine's names). */
const UNITS = ["t", "万t", "Mt", "亿t"];

export interface InventoryPanel {
  readonly element: HTMLElement;
  /** The source chosen (undefined = automatic). */
  source(): InventorySource | undefined;
}

export function inventoryPanel(ctx: PaneContext): InventoryPanel {
  const { s } = ctx;
  const chooserId = uid("source");
  const chooser = el("select", { attrs: { id: chooserId }, className: "input" });
  const addressId = uid("address");
  const address = el("input", { className: "input", attrs: { id: addressId, type: "text", placeholder: s.addressPlaceholder, spellcheck: "false" } });
  const unitId = uid("unit");
  const unit = el("select", { className: "input", attrs: { id: unitId } });
  unit.appendChild(el("option", { text: s.unitAuto, attrs: { value: "" } }));
  for (const u of UNITS) unit.appendChild(el("option", { text: u, attrs: { value: u } }));
  const result = el("div", { className: "result", attrs: { "aria-live": "polite" } });
  // Says why the preview below did not change (a cancelled read); cleared by the next preview.
  const notice = el("div", { className: "preview-notice", attrs: { "aria-live": "polite" } });
  const progress = progressView(ctx);

  const fillChooser = async () => {
    const keep = chooser.value;
    const [sheets, tables] = await Promise.all([ctx.port.listSheets(), ctx.port.findTables()]);
    while (chooser.firstChild) chooser.removeChild(chooser.firstChild);
    chooser.appendChild(el("option", { text: s.sourceAuto, attrs: { value: "" } }));
    if (tables.ok) {
      for (const t of tables.value) chooser.appendChild(el("option", { text: format(s.sourceTable, { name: t.name, sheet: t.sheet }), attrs: { value: `table:${t.name}` } }));
    }
    if (sheets.ok) {
      for (const sh of sheets.value) {
        if (sh.visible) chooser.appendChild(el("option", { text: format(s.sourceSheet, { name: sh.name }), attrs: { value: `sheet:${sh.name}` } }));
      }
    }
    if ([...chooser.options].some((o) => o.value === keep)) chooser.value = keep;
  };

  const current = (): InventorySource | undefined => {
    const src = sourceFromChoice(chooser.value, address.value, unit.value);
    return Object.keys(src).length === 0 ? undefined : src;
  };

  const preview = button(s.previewButton, () => {
    replaceChildren(notice);
    const signal = progress.start(s.previewing);
    const onProgress = (p: InventoryProgress) =>
      progress.update(inventoryProgressFraction(p), p.phase, p.phase === "validating" ? format(s.rowsChecked, { done: numberText(p.done, ctx.lang, 0), total: numberText(p.total, ctx.lang, 0) }) : undefined);
    void ctx
      .busy(() => previewInventory(ctx.port, current(), { signal, onProgress, yieldTo: nextTask }))
      .then((r) => {
        progress.finish();
        if (r.ok) replaceChildren(result, previewView(ctx, r.value));
        else if (cancelledOnly(r.issues)) replaceChildren(notice, messageBar("info", problemRows(r.issues, ctx.lang)[0].text));
        else replaceChildren(result, problemsView(ctx, r.issues));
      });
  }, "primary");
  preview.classList.add("preview");
  ctx.registerAction(preview);

  const refresh = button(s.refreshSources, () => void fillChooser(), "subtle");
  ctx.registerAction(refresh);

  let selectionButton: HTMLButtonElement | null = null;
  if (ctx.readSelection) {
    const read = ctx.readSelection;
    selectionButton = button(s.useSelection, () => {
      void read().then(async (sel) => {
        if (!sel) return;
        await fillChooser();
        chooser.value = `sheet:${sel.sheet}`;
        address.value = sel.address;
      });
    }, "subtle");
    ctx.registerAction(selectionButton);
  }

  const element = el("div", {
    className: "step-body",
    children: [
      el("div", {
        className: "field",
        children: [el("label", { text: s.sourceLabel, attrs: { for: chooserId } }), el("div", { className: "row", children: [chooser, refresh] })],
      }),
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
  void fillChooser();
  return { element, source: current };
}

/** A preview that was only cancelled: the previous one stays as it was. */
function cancelledOnly(issues: readonly Issue[]): boolean {
  return issues.length > 0 && issues.every((i) => i.code === "cancelled");
}

/** What was understood, then the problems (all at once) and notes. */
function previewView(ctx: PaneContext, p: InventoryPreview): HTMLElement {
  const { s, lang } = ctx;
  const facts: Array<[string, string]> = [
    [s.layoutLabel, layoutText(p.layout, s)],
    [s.rangeLabel, p.address],
  ];
  // With rejected cells nothing was read: only the layout and range were understood.
  if (p.issues.length === 0) {
    facts.push([s.citiesLabel, listText(p.cities, s)], [s.sectorsLabel, listText(p.sectors, s)], [s.yearsLabel, yearsText(p.years, s)], [s.unitShown, p.unit || s.noneFound]);
  }
  const dl = el("dl", { className: "facts" });
  for (const [k, v] of facts) {
    dl.appendChild(el("dt", { text: k }));
    dl.appendChild(el("dd", { text: v }));
  }
  const totals =
    p.totalsByYear.length > 0
      ? el("details", {
          className: "totals",
          children: [
            el("summary", { text: s.totalsLabel }),
            textTable(
              [s.yearColumn, format(s.totalColumn, { unit: p.unit })],
              p.totalsByYear.map((t) => [String(t.year), numberText(t.total, lang)]),
              [false, true],
            ),
          ],
        })
      : null;
  return el("div", {
    className: "preview-result",
    attrs: { "data-ok": p.issues.length === 0 ? "true" : "false" },
    children: [
      p.issues.length === 0 ? messageBar("success", s.previewOk) : null,
      problemsView(ctx, p.issues),
      dl,
      totals,
      problemsView(ctx, p.warnings, "warning"),
    ],
  });
}
