/**
 * Naming the output sheets and tables of a run. Outputs go only into sheets the add-in owns and
 * records (`records.ts`): a re-run clears and reuses its previous output sheet of each role; a wanted
 * name that a user's sheet (or another add-in sheet such as the template's) already has becomes
 * "Results (2)". Outputs are named in the run's language ("Results" or "结果"); a re-run in the other
 * language replaces each owned sheet named in that language by one in its own (the old one deleted,
 * never a user's sheet), so one sheet per role remains. Owned outputs of an earlier run that this run
 * does not produce (e.g. no coordination pair any more) are deleted. Table names avoid every name in
 * use except those on sheets about to be cleared or deleted.
 *
 * Pure: plans write operations for a port.
 */
import type { Lang } from "../engine";
import type { TableInfo, WriteOp } from "../workbook/port";
import { isOutputSheetName, outputSheetNames, type OutputRole } from "./output-labels";
import { lc, type Located } from "./records";

/**
 * A free sheet name: `wanted`, else "wanted (2)", "wanted (3)" … (Excel's 31-character limit kept).
 * @example freeSheetName("Results", ["Results"]) // "Results (2)"
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const set = new Set(taken.map(lc));
  if (!set.has(lc(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!set.has(lc(name))) return name;
  }
}

/**
 * A table-name allocator avoiding names in use (except those on sheets about to be cleared):
 * `wanted`, else "wanted_2", "wanted_3" ….
 * @example tableNamer(tables, [])("CarbonPeak_Results") // "CarbonPeak_Results_2" when that name is taken
 */
export function tableNamer(tables: readonly TableInfo[], freed: readonly string[]): (wanted: string) => string {
  const free = new Set(freed.map(lc));
  const used = new Set(tables.filter((t) => !free.has(lc(t.sheet))).map((t) => lc(t.name)));
  return (wanted: string): string => {
    let name = wanted;
    for (let n = 2; used.has(lc(name)); n++) name = `${wanted}_${n}`;
    used.add(lc(name));
    return name;
  };
}

/** Where a run writes: the sheet of every role, the operations that prepare them, and a table namer. */
export interface OutputSheetPlan {
  readonly sheets: Partial<Record<OutputRole, string>>;
  /** clearSheet / deleteSheet / addSheet operations, to run before the outputs are written. */
  readonly ops: WriteOp[];
  /** Allocates the run's table names (names on the cleared and deleted sheets are free again). */
  readonly tableName: (wanted: string) => string;
}

/**
 * The output sheets of a run producing `roles` in `lang` (see the file comment for reuse, language
 * replacement and removal of outputs no longer produced).
 * @example planOutputSheets(located, ["results", "peaks", "runInfo"], "zh").sheets // { results: "结果", peaks: "峰值", runInfo: "运行记录" }
 */
export function planOutputSheets(l: Located, roles: readonly OutputRole[], lang: Lang): OutputSheetPlan {
  const other: Lang = lang === "en" ? "zh" : "en";
  const wanted = outputSheetNames(lang);
  const owned = new Set(l.sheets.filter((s) => s.owned).map((s) => lc(s.name)));
  const exists = new Set(l.sheets.map((s) => lc(s.name)));
  const previous = l.outputs;
  const taken = l.sheets.map((s) => s.name);
  const sheets: Partial<Record<OutputRole, string>> = {};
  const ops: WriteOp[] = [];
  const reused: string[] = [];
  const replaced: string[] = [];
  for (const role of roles) {
    const prev = previous[role];
    const real = prev !== undefined && exists.has(lc(prev)) && owned.has(lc(prev)) ? l.sheets.find((s) => lc(s.name) === lc(prev))!.name : undefined;
    if (real !== undefined && !isOutputSheetName(role, other, real)) {
      sheets[role] = real;
      reused.push(real);
      ops.push({ kind: "clearSheet", sheet: real });
    } else {
      // The add-in's own sheet for this role named in the other language goes; the new one takes its language's name.
      if (real !== undefined) {
        replaced.push(real);
        ops.push({ kind: "deleteSheet", sheet: real });
        taken.splice(taken.indexOf(real), 1);
      }
      const name = freeSheetName(wanted[role], taken);
      taken.push(name);
      sheets[role] = name;
      ops.push({ kind: "addSheet", sheet: name });
    }
  }
  // Outputs of an earlier run that this run does not produce (e.g. no coordination pair any more).
  for (const [role, prev] of Object.entries(previous)) {
    if (!(role in sheets) && exists.has(lc(prev)) && owned.has(lc(prev)) && !reused.includes(prev) && !replaced.includes(prev))
      ops.push({ kind: "deleteSheet", sheet: prev });
  }
  return { sheets, ops, tableName: tableNamer(l.tables, [...reused, ...replaced]) };
}
