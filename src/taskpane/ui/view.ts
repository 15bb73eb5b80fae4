/* Pure presentation logic of the task pane (no DOM, no Office): what the panels show, tested with jest. */
import { formatIssue, quoteSheetName, type InventorySummary, type Issue } from "../../engine";
import { format, type Lang, type PaneStrings } from "../strings";

/** One line of the problems list: the engine's message (address first) and the cell to select, if any. */
export interface ProblemRow {
  readonly text: string;
  readonly cell?: string;
}

/** The problems list: every issue with its message from the engine's table, in the order found. */
export function problemRows(issues: readonly Issue[], lang: Lang): ProblemRow[] {
  return issues.map((i) => {
    const cell = typeof i.cell === "string" && i.cell !== "" ? i.cell : undefined;
    return cell ? { text: formatIssue(i, lang), cell } : { text: formatIssue(i, lang) };
  });
}

/** "a, b, c and 4 more" (or 「a、b、c 等，另有 4 个」); "none" when empty. */
export function listText(items: readonly string[], s: PaneStrings, max = 6): string {
  if (items.length === 0) return s.noneFound;
  const shown = items.slice(0, max).join(s.listSeparator);
  return items.length > max ? format(s.listMore, { list: shown, more: items.length - max }) : shown;
}

/** "2001–2019 (19 years)"; a single year or none handled. */
export function yearsText(years: readonly number[], s: PaneStrings): string {
  if (years.length === 0) return s.noneFound;
  const sorted = [...years].sort((a, b) => a - b);
  return format(s.yearRange, { first: sorted[0], last: sorted[sorted.length - 1], count: sorted.length });
}

/**
 * The inventory summary's regions as table rows — name, its years ("2005–2015 (10 years)"), its total in
 * its last year — the same totals `carbon-peak inventory` prints.
 * @example regionRows(summary, "en", s)[0] // ["Hunan", "2019", "310.64"]
 */
export function regionRows(summary: InventorySummary, lang: Lang, s: PaneStrings): string[][] {
  return summary.regions.map((r) => {
    const years = Object.keys(r.totals)
      .map(Number)
      .sort((a, b) => a - b);
    const last = years[years.length - 1];
    return [r.name, yearsText(years, s), last === undefined ? s.noneFound : numberText(r.totals[String(last)], lang)];
  });
}

/** A number for display: grouping, at most `digits` decimals, in the pane's language. */
export function numberText(n: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits }).format(n);
}

/** Whole percent from a fraction, clamped to 0–100. */
export function percent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

/** A progress stage's label: the workflow's stage key looked up in the table (case-insensitive, first word). */
export function stageLabel(stage: string, s: PaneStrings): string {
  const key = stage.trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(s.stages, key)) return s.stages[key];
  const first = key.split(/[^a-z]+/).find((w) => w !== "");
  if (first && Object.prototype.hasOwnProperty.call(s.stages, first)) return s.stages[first];
  return s.stageWorking;
}

/** Layout name for the preview. */
export function layoutText(layout: "long" | "wide" | "matrix", s: PaneStrings): string {
  return layout === "long" ? s.layoutLong : layout === "wide" ? s.layoutWide : s.layoutMatrix;
}

/** Peak status word (engine statuses: peaked | plateau | rising | unconfirmed | insufficient); others shown as given. */
export function statusText(status: string, s: PaneStrings): string {
  switch (status) {
    case "insufficient":
      return s.statusInsufficient;
    case "peaked":
      return s.statusPeaked;
    case "plateau":
      return s.statusPlateau;
    case "rising":
      return s.statusRising;
    case "unconfirmed":
      return s.statusUnconfirmed;
    default:
      return status;
  }
}

/** The value of the inventory chooser: "" = automatic, "sheet:<name>" or "table:<name>". */
export type SourceChoice = string;

/** The workflow's InventorySource from the chooser, the optional range and the unit chooser. */
export function sourceFromChoice(choice: SourceChoice, address: string, unit: string): { sheet?: string; address?: string; table?: string; unit?: string } {
  const out: { sheet?: string; address?: string; table?: string; unit?: string } = {};
  const a = address.trim();
  if (choice.startsWith("table:")) out.table = choice.slice(6);
  else if (choice.startsWith("sheet:")) {
    out.sheet = choice.slice(6);
    if (a) out.address = a;
  } else if (a) {
    // An address typed with its sheet ("Inventory!A1:X40") works without choosing the sheet.
    const bang = a.lastIndexOf("!");
    if (bang > 0) {
      out.sheet = a
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      out.address = a.slice(bang + 1);
    }
  }
  if (unit) out.unit = unit;
  return out;
}

/** The address of a sheet's first cell for "go to": `'My sheet'!A1`. */
export function sheetHome(sheet: string): string {
  return `${quoteSheetName(sheet)}!A1`;
}

/** The last stage announced by a progress bar, and when (ms). */
export interface Announced {
  readonly stage: string;
  readonly at: number;
}

/** Least time between two progress announcements (ms): screen readers should not chatter. */
export const ANNOUNCE_GAP_MS = 3000;

/**
 * Whether a progress bar should announce `stage` now: only a new stage, and not sooner than
 * {@link ANNOUNCE_GAP_MS} after the last announcement (the first one always).
 * @example shouldAnnounceStage(undefined, "read", 0) // true
 * @example shouldAnnounceStage({ stage: "read", at: 0 }, "run", 500) // false: too soon
 */
export function shouldAnnounceStage(last: Announced | undefined, stage: string, now: number, gap = ANNOUNCE_GAP_MS): boolean {
  if (!last) return true;
  if (last.stage === stage) return false;
  return now - last.at >= gap;
}

/** A message as a sentence: first letter upper-case (Latin letters only; Chinese is left as it is). */
export function sentence(text: string): string {
  return text.replace(/^(\s*)([a-z])/, (_m, space: string, c: string) => space + c.toUpperCase());
}

/** A peak row, as far as the one-line announcement needs it. */
export interface PeakLine {
  readonly scenario: string;
  readonly region: string;
  readonly isCluster: boolean;
  readonly peakYear: number | null;
}

/**
 * The one short status said when a run is done: the sheets written and the cluster's peak in the last
 * scenario (the most ambitious, in the template's order baseline → independent → coordinated).
 * @example doneAnnouncement(7, [{ scenario: "coordinated", region: "长株潭", isCluster: true, peakYear: 2028 }], ["baseline", "coordinated"], en)
 *   // "Done: 7 sheets written; 长株潭 peaks in 2028 (coordinated)."
 */
export function doneAnnouncement(
  sheets: number,
  peaks: readonly PeakLine[],
  scenarios: readonly string[],
  s: PaneStrings,
  name: (scenario: string) => string = (x) => x,
): string {
  const cluster = peaks.filter((p) => p.isCluster);
  const last =
    [...scenarios]
      .reverse()
      .map((sc) => cluster.find((p) => p.scenario === sc))
      .find((p) => p !== undefined) ?? cluster[cluster.length - 1];
  if (!last) return format(s.announceDone, { count: sheets });
  const values = { count: sheets, region: last.region, scenario: name(last.scenario), year: last.peakYear ?? "" };
  return format(last.peakYear === null ? s.announceDoneRising : s.announceDonePeak, values);
}
