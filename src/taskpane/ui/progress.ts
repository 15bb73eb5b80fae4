/* Progress bar with a Cancel button (AbortController). The bar is named by what is running ("Running the
 * scenarios"), carries the percentage and stage as its value text, and the stage is announced through the
 * pane's live region only when it changes and at most every few seconds; the percentage itself is not
 * announced. Cancel is not a registered action: it stays available while the pane is busy. */
import { format } from "../strings";
import type { PaneContext } from "./context";
import { button, el, uid } from "./dom";
import { percent, shouldAnnounceStage, stageLabel, type Announced } from "./view";

export interface ProgressView {
  readonly element: HTMLElement;
  /** Shows the bar named `label` (default "Running…") and returns the signal of a fresh AbortController. */
  start(label?: string): AbortSignal;
  /** Moves the bar to `fraction` (0–1) of stage `stage` (a workflow stage key); `detail` (e.g. rows done) is shown after the stage. */
  update(fraction: number, stage: string, detail?: string): void;
  /** Hides the bar. */
  finish(): void;
  /** The Cancel button (focus goes there when the pane wants it on the running action). */
  readonly cancel: HTMLButtonElement;
}

export function progressView(ctx: PaneContext): ProgressView {
  const { s } = ctx;
  const labelId = uid("progress");
  const label = el("div", { className: "progress-label", attrs: { id: labelId } });
  const fill = el("div", { className: "progress-fill" });
  const track = el("div", {
    className: "progress-track",
    attrs: { role: "progressbar", "aria-labelledby": labelId, "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": "0" },
    children: [fill],
  });
  const detail = el("div", { className: "progress-detail" });
  let controller: AbortController | undefined;
  let announced: Announced | undefined;
  const cancel = button(s.cancelButton, () => controller?.abort(), "secondary");
  cancel.classList.add("cancel");
  const element = el("div", { className: "progress", attrs: { hidden: "" }, children: [label, track, detail, cancel] });
  const update = (fraction: number, stage: string, extra?: string) => {
    const p = percent(fraction);
    fill.style.width = `${p}%`;
    track.setAttribute("aria-valuenow", String(p));
    const values = { percent: p, stage: stageLabel(stage, s) };
    const text = extra === undefined ? format(s.progressText, values) : format(s.progressDetail, { ...values, detail: extra });
    detail.textContent = text;
    track.setAttribute("aria-valuetext", text);
    const now = Date.now();
    if (stage !== "" && shouldAnnounceStage(announced, stage, now)) {
      announced = { stage, at: now };
      ctx.announce(values.stage);
    }
  };
  return {
    element,
    cancel,
    start(text = s.running) {
      controller = new AbortController();
      announced = undefined;
      element.hidden = false;
      label.textContent = text;
      update(0, "");
      detail.textContent = "";
      track.removeAttribute("aria-valuetext");
      ctx.announce(text);
      announced = { stage: "", at: Date.now() };
      return controller.signal;
    },
    update,
    finish() {
      element.hidden = true;
      controller = undefined;
    },
  };
}
