/* Task pane bootstrap. In Excel: the pane works on the live workbook through the Office.js port.
 * Elsewhere (a plain browser, host null) it says it must be opened from Excel — unless a test has put a
 * WorkbookPort on `window.__carbonPeakTestPort` before the page's scripts ran (the browser test does so with
 * Playwright's addInitScript). That hook is honoured only outside Office, so it can never replace the
 * workbook in Excel; in normal use nothing can set it: the page's CSP admits scripts only from the add-in's
 * own origin and Office's CDN, and the shipped bundles never define it.
 * All text comes from ./strings and is set with textContent, never as HTML. */

import pkg from "../../package.json";
import { createOfficePort } from "../workbook/office";
import type { WorkbookPort } from "../workbook/port";
import { STRINGS, format, pickLanguage, type Lang } from "./strings";
import { DARK_THEME, LIGHT_THEME, themeTokens, type ThemeColors } from "./theme";
import { applyLanguage, mountPane } from "./ui/app";
import { el, replaceChildren } from "./ui/dom";

declare global {
  interface Window {
    /** Test hook (see the file comment): a WorkbookPort to run the pane against outside Office. */
    __carbonPeakTestPort?: WorkbookPort;
  }
}

function displayLanguage(inOffice: boolean): string | undefined {
  if (inOffice) {
    try {
      const lang = Office.context.displayLanguage;
      if (lang) return lang;
    } catch {
      // Office.context is not usable outside a host: fall back to the browser's language.
    }
  }
  return typeof navigator !== "undefined" ? navigator.language : undefined;
}

function root(): HTMLElement {
  return document.getElementById("app") ?? document.body;
}

/** A status paragraph (and an optional note) in place of the pane. */
function showMessage(text: string, note = ""): void {
  replaceChildren(
    root(),
    el("div", {
      className: "notice",
      attrs: { role: "status" },
      children: [el("p", { className: "notice-title", text }), note ? el("p", { className: "notice-note", text: note }) : null],
    }),
  );
}

/** The current selection in Excel, as sheet and local address. */
async function readExcelSelection(): Promise<{ sheet: string; address: string } | undefined> {
  try {
    return await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      const full = range.address;
      const bang = full.lastIndexOf("!");
      if (bang < 0) return undefined;
      const sheet = full
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      return { sheet, address: full.slice(bang + 1) };
    });
  } catch {
    return undefined;
  }
}

/** Office's theme in Office (when the host has one), else the browser's light or dark preference. */
function currentTheme(inOffice: boolean): ThemeColors {
  if (inOffice) {
    try {
      const t = Office.context.officeTheme;
      if (t && typeof t.bodyBackgroundColor === "string") return t;
    } catch {
      // No theme API in this host: use the browser's preference below.
    }
  }
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  return dark ? DARK_THEME : LIGHT_THEME;
}

/** Sets the pane's colour tokens (CSS custom properties on the root element) from a theme. */
export function applyTheme(theme: ThemeColors): void {
  const root = document.documentElement;
  const tokens = themeTokens(theme);
  for (const [name, value] of Object.entries(tokens)) {
    if (name === "color-scheme") root.style.colorScheme = value;
    else root.style.setProperty(`--${name}`, value);
  }
  root.dataset.theme = tokens["color-scheme"];
}

/**
 * Applies the theme now and whenever it changes: Office's OfficeThemeChanged event where the host raises
 * it, the browser's colour-scheme change, and — for hosts that change the theme without an event — each
 * time the pane gets focus or is shown again.
 */
function followTheme(inOffice: boolean): void {
  const apply = () => applyTheme(currentTheme(inOffice));
  apply();
  if (typeof matchMedia === "function") matchMedia("(prefers-color-scheme: dark)").addEventListener("change", apply);
  window.addEventListener("focus", apply);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") apply();
  });
  if (!inOffice) return;
  try {
    // Not every host raises it for a task pane; a failed registration leaves the focus and visibility refresh above.
    Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged, apply, () => undefined);
  } catch {
    // The host has no such event.
  }
}

export function start(): void {
  const initial: Lang = pickLanguage(displayLanguage(false));
  applyLanguage(initial);
  applyTheme(currentTheme(false));
  showMessage(STRINGS[initial].loading);

  Office.onReady((info) => {
    const inOffice = info.host !== null && info.host !== undefined;
    const lang = pickLanguage(displayLanguage(inOffice));
    const s = STRINGS[lang];
    applyLanguage(lang);
    followTheme(inOffice);
    if (info.host === Office.HostType.Excel) {
      mountPane(root(), { port: createOfficePort(), lang, version: pkg.version, readSelection: readExcelSelection });
    } else if (inOffice) {
      showMessage(format(s.otherHost, { host: String(info.host) }));
    } else if (window.__carbonPeakTestPort) {
      mountPane(root(), { port: window.__carbonPeakTestPort, lang, version: pkg.version });
    } else {
      showMessage(s.outsideExcel, s.outsideExcelNote);
    }
  });
}

start();
