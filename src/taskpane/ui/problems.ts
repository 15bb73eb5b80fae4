/* The problems list: every rejected cell with its address and reason (messages from the engine's table),
 * all at once; clicking one selects that cell in Excel through the port. */
import type { Issue, Result } from "../../engine";
import { format } from "../strings";
import type { PaneContext } from "./context";
import { el, messageBar } from "./dom";
import { problemRows } from "./view";

/** The list of problems (errors) or notes (warnings); null when there are none. */
export function problemsView(ctx: PaneContext, issues: readonly Issue[], kind: "error" | "warning" = "error"): HTMLElement | null {
  if (issues.length === 0) return null;
  const { s } = ctx;
  const rows = problemRows(issues, ctx.lang);
  const list = el("ul", { className: "problem-list" });
  for (const row of rows) {
    const cell = row.cell;
    if (cell !== undefined) {
      const b = el("button", {
        className: "problem-link",
        text: row.text,
        attrs: { type: "button", title: format(s.goToCell, { cell }), "data-cell": cell },
      });
      b.addEventListener("click", () => {
        void ctx.port.selectCell(cell);
      });
      list.appendChild(el("li", { children: [b] }));
    } else {
      list.appendChild(el("li", { className: "problem-text", text: row.text }));
    }
  }
  const hasCells = rows.some((r) => r.cell !== undefined);
  return el("section", {
    className: `problems problems-${kind}`,
    attrs: { role: kind === "error" ? "alert" : "status", "data-kind": kind },
    children: [
      el("div", { className: "problems-title", text: kind === "error" ? s.problemsTitle : s.warningsTitle }),
      kind === "error" ? el("div", { className: "problems-count", text: format(s.problemsCount, { count: issues.length }) }) : null,
      hasCells ? el("div", { className: "problems-hint", text: s.problemsHint }) : null,
      list,
    ],
  });
}

/**
 * What a finished run shows: on success the summary and any warnings; a run that was only cancelled
 * gets a calm info bar; any other failure the problems list.
 */
export function outcomeView<T>(ctx: PaneContext, r: Result<T>, summary: (value: T) => HTMLElement[]): Array<HTMLElement | null> {
  if (!r.ok) {
    const onlyCancelled = r.issues.length > 0 && r.issues.every((i) => i.code === "cancelled");
    return [onlyCancelled ? messageBar("info", problemRows(r.issues, ctx.lang)[0].text) : problemsView(ctx, r.issues)];
  }
  return [...summary(r.value), problemsView(ctx, r.warnings, "warning")];
}
