/* Progress bar with a Cancel button (AbortController). Cancel stays enabled while the pane is busy. */
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el } from "./dom";
import { percent, stageLabel } from "./view";

export interface ProgressView {
  readonly element: HTMLElement;
  /** Shows the bar (labelled `label`, default "Running…") and returns the signal of a fresh AbortController. */
  start(label?: string): AbortSignal;
  /** Moves the bar to `fraction` (0–1) of stage `stage` (a workflow stage key); `detail` (e.g. rows done) is shown after the stage. */
  update(fraction: number, stage: string, detail?: string): void;
  /** Hides the bar. */
  finish(): void;
}

export function progressView(ctx: PaneContext): ProgressView {
  const { s } = ctx;
  const fill = el("div", { className: "progress-fill" });
  const track = el("div", {
    className: "progress-track",
    attrs: { role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": "0" },
    children: [fill],
  });
  const label = el("div", { className: "progress-label", attrs: { "aria-live": "polite" } });
  let controller: AbortController | undefined;
  const cancel = button(s.cancelButton, () => controller?.abort(), "secondary");
  cancel.classList.add("cancel");
  const element = el("div", { className: "progress", attrs: { hidden: "" }, children: [label, track, cancel] });
  const update = (fraction: number, stage: string, detail?: string) => {
    const p = percent(fraction);
    fill.style.width = `${p}%`;
    track.setAttribute("aria-valuenow", String(p));
    const values = { percent: p, stage: stageLabel(stage, s) };
    label.textContent = detail === undefined ? format(s.progressText, values) : format(s.progressDetail, { ...values, detail });
  };
  return {
    element,
    start(text = s.running) {
      controller = new AbortController();
      cancel.disabled = false;
      element.hidden = false;
      update(0, "");
      label.textContent = text;
      return controller.signal;
    },
    update,
    finish() {
      element.hidden = true;
      cancel.disabled = true;
      controller = undefined;
    },
  };
}
