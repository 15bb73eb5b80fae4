/* Placeholder task pane (the real scenario pane comes in a later issue).
 * Shows which workbook the shared runtime is attached to, or explains how to open the pane from Excel.
 * All text comes from ./strings and is set with textContent, never as HTML. */

import { STRINGS, format, pickLanguage, type Lang, type PaneStrings } from "./strings";

function byId(id: string): HTMLElement | null {
  return document.getElementById(id);
}

function setText(id: string, text: string): void {
  const el = byId(id);
  if (el) el.textContent = text;
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

function applyLanguage(lang: Lang): PaneStrings {
  const s = STRINGS[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = s.title;
  setText("title", s.title);
  return s;
}

async function showWorkbook(s: PaneStrings): Promise<void> {
  try {
    const name = await Excel.run(async (context) => {
      const workbook = context.workbook;
      workbook.load("name");
      await context.sync();
      return workbook.name;
    });
    setText("status", format(s.attached, { name: name || s.untitledWorkbook }));
    setText("note", s.comingSoon);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    setText("status", format(s.workbookError, { message }));
  }
}

export function start(): void {
  const initial = applyLanguage(pickLanguage(displayLanguage(false)));
  setText("status", initial.loading);

  Office.onReady((info) => {
    const inOffice = info.host !== null && info.host !== undefined;
    const s = applyLanguage(pickLanguage(displayLanguage(inOffice)));
    if (info.host === Office.HostType.Excel) {
      setText("status", s.loading);
      void showWorkbook(s);
    } else if (inOffice) {
      setText("status", format(s.otherHost, { host: String(info.host) }));
      setText("note", "");
    } else {
      setText("status", s.outsideExcel);
      setText("note", "");
    }
  });
}

start();
