/**
 * What `carbon-peak peaks` prints (docs/peaks.md): the JSON entries, the table with "as of", the years
 * used and the flags, the legend of the flags shown, the line saying which peak rule ran, and each
 * cluster's detail (years used, members missing per year, members that go on) as one JSON line.
 */
import { commonYears, flagLegend, peakRuleText, type InventoryPeak, type Lang, type PeakFlag, type PeakOptions } from "../engine";
import { renderTable } from "./table";
import { cliText } from "./text";

/** One `peaks --json` entry: exactly these keys (peakYear and peakValue null while rising or insufficient). */
export interface PeakEntry {
  readonly name: string;
  readonly peakYear: number | null;
  readonly peakValue: number | null;
  readonly status: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly points: number;
  readonly flags: readonly string[];
}

/**
 * The `--json` entries, one per city then cluster, with exactly the keys of {@link PeakEntry}.
 * @example peakEntries(peaks)[0] // { name: "湖南长沙", peakYear: null, peakValue: null, status: "rising", firstYear: 2001, lastYear: 2019, points: 18, flags: ["last_year_max", "gaps"] }
 */
export function peakEntries(peaks: readonly InventoryPeak[]): PeakEntry[] {
  return peaks.map((p) => ({
    name: p.name,
    peakYear: p.peakYear,
    peakValue: p.peakValue,
    status: p.status,
    firstYear: p.firstYear,
    lastYear: p.lastYear,
    points: p.points,
    flags: [...p.flags],
  }));
}

/**
 * The peaks table: name, peak year, peak value, status, as of (last year), values and their span, flags;
 * with a tolerance also the plateau start. Followed by the legend of the flags that occur.
 * @example peaksTable(peaks, "en", "Mt", {}) // "Name  Peak year  …\n…\nFlags: gaps = years missing inside the span"
 */
export function peaksTable(peaks: readonly InventoryPeak[], lang: Lang, unit: string, options: PeakOptions): string {
  const t = (key: Parameters<typeof cliText>[1], params?: Record<string, string | number>) => cliText(lang, key, params);
  const plateau = (options.tolerance ?? 0) > 0;
  const header = [
    t("name"),
    t("peakYear"),
    ...(plateau ? [t("plateauFrom")] : []),
    t("peakValue", { unit }),
    t("status"),
    t("asOf"),
    t("valuesUsed"),
    t("flags"),
  ];
  const rows = peaks.map((p) => [
    p.isCluster ? t("cluster", { name: p.name }) : p.name,
    p.peakYear,
    ...(plateau ? [p.plateauStart] : []),
    p.peakValue,
    p.status,
    p.lastYear,
    `${p.points} (${p.firstYear}–${p.lastYear})`,
    p.flags.join(", "),
  ]);
  const shown = new Set<PeakFlag>(peaks.flatMap((p) => p.flags));
  const legend = shown.size > 0 ? `\n${t("flagLegend", { legend: flagLegend(shown, lang) })}` : "";
  return renderTable(header, rows) + legend;
}

/**
 * The line saying which peak rule ran: tolerance, confirmation, smoothing, minimum of values (and strict).
 * @example ruleLine({ confirmYears: 5, minPoints: 5 }, true, "en") // "Peak rule: strict — peaked only 5 years or more after the peak, … (docs/peaks.md)"
 */
export function ruleLine(options: PeakOptions, strict: boolean, lang: Lang): string {
  return cliText(lang, "rule", { rule: peakRuleText(options, strict, lang) });
}

/**
 * A cluster's detail as one JSON object (printed on stderr with `--json`): the years every member has,
 * each year left out with its missing members, and each member that goes on after the last common year.
 * @example clusterDetail(peak) // { cluster: "长株潭", members: 3, commonYears: [2006, …], missing: [{ year: 2001, members: ["湖南株洲"] }, …], beyond: [...] }
 */
export function clusterDetail(p: InventoryPeak): Record<string, unknown> | undefined {
  const c = p.cluster;
  if (!c) return undefined;
  return {
    cluster: p.name,
    members: c.memberCount,
    commonYears: commonYears(c.series),
    missing: c.missing.map((m) => ({ year: m.year, members: [...m.members] })),
    beyond: c.beyond.map((b) => ({ member: b.member, lastYear: b.lastYear, valueAtCommon: b.valueAtCommon, aboveYears: [...b.aboveYears] })),
  };
}
