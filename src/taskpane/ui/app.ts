/* The whole pane: header (title, language switch) and the three steps, built against a WorkbookPort. */
import type { WorkbookPort } from "../../workbook/port";
import { STRINGS, type Lang } from "../strings";
import { busyTracker, type PaneContext, type SelectionReader } from "./context";
import { button, el, replaceChildren } from "./dom";
import { inventoryPanel } from "./inventory";
import { runPanel } from "./run";
import { scenarioPanel } from "./scenario";

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
      el("h2", { attrs: { id: `step-${name}` }, children: [el("span", { className: "step-number", text: String(n), attrs: { "aria-hidden": "true" } }), el("span", { text: title })] }),
      el("p", { className: "help", text: help }),
      body,
    ],
  });
}

/** Builds the pane into `root` (replacing what was there). The language switch rebuilds it. */
export function mountPane(root: HTMLElement, options: MountOptions): void {
  const { lang } = options;
  const s = STRINGS[lang];
  applyLanguage(lang);
  const chosen: { panel?: ReturnType<typeof inventoryPanel> } = {};
  const ctx: PaneContext = {
    port: options.port,
    lang,
    s,
    version: options.version,
    readSelection: options.readSelection,
    source: () => chosen.panel?.source(),
    ...busyTracker(),
  };
  const inventory = inventoryPanel(ctx);
  chosen.panel = inventory;
  const other: Lang = lang === "zh" ? "en" : "zh";
  const toggle = button(s.otherLanguage, () => mountPane(root, { ...options, lang: other }), "subtle");
  toggle.classList.add("lang-switch");
  toggle.setAttribute("aria-label", `${s.languageLabel}: ${s.otherLanguage}`);
  toggle.setAttribute("lang", other === "zh" ? "zh-CN" : "en");
  const slot = document.getElementById("header-tools");
  if (slot) replaceChildren(slot, toggle);
  replaceChildren(
    root,
    step(1, s.stepInventory, s.inventoryHelp, inventory.element, "inventory"),
    step(2, s.stepScenario, s.scenarioHelp, scenarioPanel(ctx), "scenario"),
    step(3, s.stepRun, s.runHelp, runPanel(ctx), "run"),
  );
}
