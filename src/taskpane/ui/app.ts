/* The whole pane: header (title, language switch), the three steps and the one live region, built against a
 * WorkbookPort from a PaneState that outlives a language switch (the switch rebuilds the DOM in the other
 * language from the same state, and focus stays on the switch). */
import { DEFAULT_SEED, previewInventory } from "../../app";
import { ok } from "../../engine";
import type { WorkbookPort } from "../../workbook/port";
import { STRINGS, type Lang } from "../strings";
import { announcer, busyTracker, type PaneContext, type SelectionReader } from "./context";
import { button, el, replaceChildren } from "./dom";
import { scenarioSource } from "./gates";
import { inventoryPanel } from "./inventory";
import { runPanel } from "./run";
import { scenarioPanel } from "./scenario";
import { workbookView } from "./records";
import { initialState, type PaneState } from "./state";
import { DEFAULT_DRAWS } from "./uncertainty";

export interface MountOptions {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly version: string;
  readonly readSelection?: SelectionReader;
}

/** Sets the document's language and title and the header texts. */
export function applyLanguage(lang: Lang): void {
  const s = STRINGS[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = s.title;
  const title = document.getElementById("title");
  if (title) title.textContent = s.title;
  const subtitle = document.getElementById("subtitle");
  if (subtitle) subtitle.textContent = s.subtitle;
}

function step(n: number, title: string, help: string, body: HTMLElement, name: string): HTMLElement {
  return el("section", {
    className: "step",
    attrs: { "data-step": name, "aria-labelledby": `step-${name}` },
    children: [
      el("h2", {
        attrs: { id: `step-${name}` },
        children: [el("span", { className: "step-number", text: String(n), attrs: { "aria-hidden": "true" } }), el("span", { text: title })],
      }),
      el("p", { className: "help", text: help }),
      body,
    ],
  });
}

/** The window-focus listener of the mounted pane (replaced when a language switch mounts it again). */
let refocus: (() => void) | undefined;

/** Builds the pane into `root` (replacing what was there) from `state` (a fresh one on first mount). */
export function mountPane(root: HTMLElement, options: MountOptions, existing?: PaneState): void {
  const { lang } = options;
  const s = STRINGS[lang];
  applyLanguage(lang);
  const state = existing ?? initialState({ draws: DEFAULT_DRAWS, seed: DEFAULT_SEED });
  const changed: Array<() => void> = [];
  const tracker = busyTracker();
  const ctx: PaneContext = {
    port: options.port,
    lang,
    s,
    version: options.version,
    readSelection: options.readSelection,
    state,
    ...tracker,
    announce: announcer(document.getElementById("announcer")),
    workbookChanged: () => changed.forEach((l) => l()),
    onWorkbookChanged: (l) => void changed.push(l),
    refreshTarget: async () => {
      if (!state.scenarioSheets || state.scenarioSheets.length === 0) {
        state.target = undefined;
        ctx.update();
        return;
      }
      // The previous answer stays on screen while the new one is read (nothing the analyst is focused on is rebuilt).
      state.target = await ctx.busy(() => previewInventory(ctx.port, scenarioSource(state.unit)));
      ctx.update();
    },
  };
  // Back from editing the sheets in Excel (the pane gets focus again): check again what the run would use.
  if (refocus) window.removeEventListener("focus", refocus);
  refocus = () => {
    if (!ctx.isBusy() && state.scenarioSheets && state.scenarioSheets.length > 0) void ctx.refreshTarget();
  };
  window.addEventListener("focus", refocus);
  const other: Lang = lang === "zh" ? "en" : "zh";
  const toggle = button(
    s.otherLanguage,
    () => {
      mountPane(root, { ...options, lang: other }, state);
      document.querySelector<HTMLButtonElement>("button.lang-switch")?.focus();
    },
    "subtle",
  );
  toggle.classList.add("lang-switch");
  toggle.setAttribute("aria-label", `${s.languageLabel}: ${s.otherLanguage}`);
  toggle.setAttribute("lang", other === "zh" ? "zh-CN" : "en");
  ctx.registerAction(toggle);
  const slot = document.getElementById("header-tools");
  if (slot) replaceChildren(slot, toggle);
  replaceChildren(
    root,
    step(1, s.stepInventory, s.inventoryHelp, inventoryPanel(ctx), "inventory"),
    step(2, s.stepScenario, s.scenarioHelp, scenarioPanel(ctx), "scenario"),
    step(3, s.stepRun, s.runHelp, runPanel(ctx), "run"),
  );
  ctx.update();
  if (!existing) {
    // First mount: scenario sheets from an earlier session make steps 2 and 3 available.
    void ctx
      .busy(async () => ok((await workbookView(ctx.port)).scenarioSheets))
      .then(async (r) => {
        if (r.ok && r.value.length > 0) {
          state.scenarioSheets = r.value;
          await ctx.refreshTarget();
        }
      });
  }
}
