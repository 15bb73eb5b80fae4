/* The problems list: every rejected cell with its address and reason (messages from the engine's table),
 * counted, the first PROBLEMS_SHOWN listed and the rest one click away (never hidden in a scroll box);
 * clicking one selects that cell in Excel through the port. Not a live region: the pane announces the
 * count through its one live region instead of reading the whole list. */
import type { Issue, Result } from "../../engine";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el, messageBar } from "./dom";
import { problemRows, sentence } from "./view";

/** Problems listed before "Show all". */
export const PROBLEMS_SHOWN = 10;

/** The list of problems (errors) or notes (warnings); null when there are none. */
export function problemsView(ctx: PaneContext, issues: readonly Issue[], kind: "error" | "warning" = "error"): HTMLElement | null {
  if (issues.length === 0) return null;
  const { s } = ctx;
  const rows = problemRows(issues, ctx.lang);
  const list = el("ul", { className: "problem-list" });
  const items = rows.map((row) => {
    const cell = row.cell;
    const text = sentence(row.text);
    if (cell !== undefined) {
      const b = el("button", { className: "problem-link", text, attrs: { type: "button", title: format(s.goToCell, { cell }), "data-cell": cell } });
      b.addEventListener("click", () => {
        void ctx.port.selectCell(cell);
      });
      return el("li", { children: [b] });
    }
    return el("li", { className: "problem-text", text });
  });
  items.forEach((li, i) => {
    if (i >= PROBLEMS_SHOWN) li.hidden = true;
    list.appendChild(li);
  });
  const hasCells = rows.some((r) => r.cell !== undefined);
  const hiddenCount = Math.max(0, rows.length - PROBLEMS_SHOWN);
  let more: HTMLElement | null = null;
  if (hiddenCount > 0) {
    const shown = el("div", { className: "problems-shown", text: format(s.problemsShown, { shown: PROBLEMS_SHOWN, count: rows.length }) });
    const all = button(
      format(s.showAllProblems, { count: rows.length }),
      () => {
        for (const li of items) li.hidden = false;
        shown.remove();
        all.remove();
        (items[PROBLEMS_SHOWN].firstElementChild as HTMLElement | null)?.focus();
      },
      "subtle",
    );
    all.classList.add("show-all");
    more = el("div", { className: "problems-more", children: [shown, all] });
  }
  return el("section", {
    className: `problems problems-${kind}`,
    attrs: { "data-kind": kind },
    children: [
      el("h3", { className: "problems-title", text: kind === "error" ? s.problemsTitle : s.warningsTitle }),
      el("div", { className: "problems-count", text: format(kind === "error" ? s.problemsCount : s.warningsCount, { count: issues.length }) }),
      hasCells ? el("div", { className: "problems-hint", text: s.problemsHint }) : null,
      list,
      more,
    ],
  });
}

/** A run (or read, or Monte Carlo) that was only cancelled: every issue the one cancel code. */
export function onlyCancelled(issues: readonly Issue[]): boolean {
  return issues.length > 0 && issues.every((i) => i.code === "cancelled");
}

/** The calm message of a cancelled action, as a sentence. */
export function cancelledView(ctx: PaneContext, issues: readonly Issue[]): HTMLElement {
  return messageBar("info", sentence(problemRows(issues, ctx.lang)[0].text));
}

/**
 * What a finished run shows: on success the summary and any warnings; a run that was only cancelled
 * gets a calm info bar; any other failure the problems list.
 */
export function outcomeView<T>(ctx: PaneContext, r: Result<T>, summary: (value: T) => HTMLElement[]): Array<HTMLElement | null> {
  if (!r.ok) return [onlyCancelled(r.issues) ? cancelledView(ctx, r.issues) : problemsView(ctx, r.issues)];
  return [...summary(r.value), problemsView(ctx, r.warnings, "warning")];
}
