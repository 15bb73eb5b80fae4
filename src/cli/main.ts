/**
 * `carbon-peak`: the batch CLI over .xlsx files. It reads inventories and scenario sheets exactly as
 * the task pane does (src/app: same sheet conventions, readers and engine) through the ExcelJS port.
 *
 *   carbon-peak run <workbook.xlsx> [-o out.xlsx] [--in-place] [--draws N [--seed S]] [--formulas] [--lang en|zh] [--json]
 *   carbon-peak check <workbook.xlsx> [--json]
 *   carbon-peak template <out.xlsx> [--example changzhutan] [--force]
 *   carbon-peak peaks <inventory.xlsx> [--sheet NAME] [--cluster NAME=a,b,…]… [--strict] [--verbose] [--json]
 *   carbon-peak inventory <inventory.xlsx> [--sheet NAME | --table NAME] [--unit U] [--json]   (inventory.ts)
 *
 * Exit codes: 0 success (check: no problems); 1 problems found in the workbook (every one listed,
 * with sheet!cell); 2 usage errors (unknown option, missing argument, missing input file, refusing to
 * overwrite). Errors are one line each, never a stack trace.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { parseArgs, type ParseArgsConfig } from "util";
import {
  MAX_DRAWS,
  STRICT_PEAK_OPTIONS,
  pushAll,
  checkPeakOptions,
  formatIssue,
  inventoryPeaks,
  issue,
  missingIssues,
  parseClusterSpec,
  tonnesPer,
  unitLabel,
  type ClusterSpec,
  type Issue,
  type Lang,
  type PeakOptions,
} from "../engine";
import {
  DEFAULT_SEED,
  CORE_ROLES,
  createScenarioSheets,
  isRoleName,
  loadInventory,
  readScenario,
  runAndWrite,
  signedReached,
  targetText,
  type InventorySource,
} from "../app";
import { createExcelJsPort } from "../workbook/exceljs";
import ExcelJS from "exceljs";
import { HELP } from "./help";
import { clusterDetail, peakEntries, peaksTable, ruleLine } from "./peaks-output";
import { renderTable } from "./table";
import { STAGE_TEXT, cliText, listText } from "./text";
import { cliReadAs, cmdInventory, type CliKit } from "./inventory";
import { TEMPLATE_INVENTORY_OPTIONS, checkTemplateOptions, templateInventory } from "./template-inventory";
import { readWorkbook, writeNewWorkbook, writeWorkbook } from "./xlsx";
import { sameFile } from "./atomic";
import { RESULTS_COPY_KEY, parseStored } from "../workbook/store-sheet";

/** Exit codes. */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

/** Where the CLI writes (tests may capture it). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Writes lines to a standard stream. When the reader closes it early (`carbon-peak run … | head -6`: EPIPE),
 * the rest of the output is dropped quietly and the command goes on to its end (its file written, its
 * exit code as usual): never a stack trace. Other stream errors are left to Node.
 */
function streamLines(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    closed = true;
  });
  return (t) => {
    if (!closed && !stream.destroyed) stream.write(t.endsWith("\n") ? t : `${t}\n`);
  };
}

let processIoMemo: CliIo | undefined;
/** The process's stdout and stderr (made once, on first use). */
function processIo(): CliIo {
  return (processIoMemo ??= { out: streamLines(process.stdout), err: streamLines(process.stderr) });
}

class UsageError extends Error {}

/** The package version (package.json next to lib/ or src/). */
export function packageVersion(): string {
  for (const p of [join(__dirname, "..", "..", "package.json"), join(__dirname, "..", "package.json")]) {
    try {
      if (existsSync(p)) return (JSON.parse(readFileSync(p, "utf8")) as { version?: string }).version ?? "unknown";
    } catch {
      // try the next one
    }
  }
  return "unknown";
}

const COMMON = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  lang: { type: "string" },
} as const;

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * `--draws -1` as `--draws=-1`: a value that looks like a negative number is the option's value (so it
 * gets the option's own range message), not an option of its own ("argument is ambiguous").
 */
function negativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig["options"]>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    const long = a.startsWith("--") && !a.includes("=") ? options[a.slice(2)] : undefined;
    if (long?.type === "string" && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function parse(args: string[], options: ParseArgsConfig["options"]): { values: Values; positionals: string[] } {
  try {
    const all = { ...COMMON, ...options };
    const r = parseArgs({ args: negativeValues(args, all), options: all, allowPositionals: true, strict: true });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split("\n")[0] : String(e));
  }
}

function one(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])}`);
  return positionals[0];
}

function langOf(v: unknown): Lang {
  if (v === undefined || v === "en") return "en";
  if (v === "zh") return "zh";
  throw new UsageError(`--lang must be en or zh, not ${JSON.stringify(v)}`);
}

const issueJson = (i: Issue, lang: Lang) => ({ cell: i.cell ?? null, code: i.code, message: formatIssue(i, lang), path: i.path });

/** At most this many problems are printed one per line; the rest are counted (`--json` lists every one). */
export const MAX_LISTED = 100;

/** Prints issues one per line (the first {@link MAX_LISTED}, then how many more). */
function printIssues(io: CliIo, issues: readonly Issue[], lang: Lang, prefix = "", to: (text: string) => void = (t) => io.err(t)): void {
  for (let i = 0; i < Math.min(issues.length, MAX_LISTED); i++) to(`${prefix}${formatIssue(issues[i], lang)}`);
  if (issues.length > MAX_LISTED) to(`${prefix}${formatIssue(issue("more_problems", [], { count: issues.length - MAX_LISTED }), lang)}`);
}
function sourceOf(v: { sheet?: unknown; table?: unknown; unit?: unknown; range?: unknown }): InventorySource | undefined {
  const s: InventorySource = {};
  if (typeof v.sheet === "string") s.sheet = v.sheet;
  if (typeof v.range === "string") s.address = v.range;
  if (typeof v.table === "string") s.table = v.table;
  if (typeof v.unit === "string") s.unit = v.unit;
  return Object.keys(s).length > 0 ? s : undefined;
}

const INVENTORY_OPTIONS = { sheet: { type: "string" }, range: { type: "string" }, table: { type: "string" }, unit: { type: "string" } } as const;

/** A whole-number option (digits only) within [min, max], or a usage error. */
function wholeOption(name: string, v: unknown, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
  return n;
}

async function cmdRun(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    draws: { type: "string" },
    seed: { type: "string" },
    formulas: { type: "boolean" },
    force: { type: "boolean", short: "f" },
    ...INVENTORY_OPTIONS,
  });
  if (values.help) return help(io, "run");
  const lang = langOf(values.lang);
  const draws = wholeOption("draws", values.draws, 1, MAX_DRAWS);
  const seed = wholeOption("seed", values.seed, 0, Number.MAX_SAFE_INTEGER);
  if (seed !== undefined && draws === undefined) throw new UsageError("--seed needs --draws (the Monte Carlo runs only with --draws N)");
  const input = one(positionals, "<workbook.xlsx>");
  const inPlace = values["in-place"] === true;
  const given = typeof values.output === "string" ? values.output : undefined;
  const same = (a: string, b: string) => resolve(a) === resolve(b) || sameFile(a, b);
  if (inPlace && given !== undefined && !same(given, input)) throw new UsageError("--in-place and -o name different files; give one of them");
  const output = inPlace ? input : (given ?? join(dirname(input), `${basename(input, extname(input))}-results.xlsx`));
  // By identity: a symlink or a hard link to the input is the input.
  if (!inPlace && same(output, input))
    throw new UsageError(
      `${given !== undefined ? "-o" : "the output"} ${JSON.stringify(output)} is the input file${resolve(output) === resolve(input) ? "" : " (a link to it)"}; add --in-place to write into it`,
    );
  const wb = await readWorkbook(input);
  if (!wb.ok) return fileProblem(io, wb.issues, lang);
  // Known before running: a Strict Open XML workbook can be read, not written.
  if (wb.value.xlsx.pkg.strict) return fileProblem(io, [issue("workbook_strict", [], { file: input })], lang);
  if (!inPlace) {
    const refusal = await replaceRefusal(output, values.force === true);
    if (refusal) throw new UsageError(refusal);
  }
  const started = Date.now();
  let last = { stage: "", at: 0 };
  const progress = (f: number, stage: string) => {
    // One line per stage, and at most one a second within the Monte Carlo stage.
    const now = Date.now();
    if (values.quiet || (stage === last.stage && now - last.at < 1000)) return;
    last = { stage, at: now };
    const key = STAGE_TEXT[stage];
    io.err(cliText(lang, "progress", { stage: key ? cliText(lang, key) : stage, percent: Math.round(f * 100), seconds: ((now - started) / 1000).toFixed(1) }));
  };
  const mc = draws === undefined ? {} : { draws, seed: seed ?? DEFAULT_SEED };
  const run = await runAndWrite(wb.value, {
    source: sourceOf(values),
    readAs: cliReadAs(input, true),
    onProgress: progress,
    version: packageVersion(),
    ...mc,
    formulas: values.formulas === true,
    lang,
  });
  if (!run.ok) {
    if (values.json) io.out(JSON.stringify({ ok: false, problems: run.issues.map((i) => issueJson(i, lang)) }, null, 2));
    printIssues(io, run.issues, lang, "carbon-peak: ");
    return EXIT.problems;
  }
  // A results copy says so (a later run may replace it without --force); a workbook written in place is someone's own.
  if (inPlace) {
    if (wb.value.xlsx.getSetting(RESULTS_COPY_KEY) !== undefined) wb.value.xlsx.setSetting(RESULTS_COPY_KEY, "null");
  } else wb.value.xlsx.setSetting(RESULTS_COPY_KEY, JSON.stringify({ from: basename(input) }));
  // In place through a symlink: the file it points to is written (the link stays a link).
  const target = inPlace ? realpathSync(input) : output;
  const written = await writeWorkbook(wb.value, target);
  if (!written.ok) return fileProblem(io, written.issues, lang);
  printIssues(io, run.warnings, lang, cliText(lang, "warningPrefix"));
  const s = run.value;
  const k = tonnesPer(s.record.unit) ?? 1;
  const uncertainty = s.monteCarlo?.rows.map((x) => ({
    scenario: x.scenario,
    region: x.region,
    isCluster: x.isCluster,
    probabilityByTarget: x.probabilityByTarget,
    peakYear: { p5: x.peakYear.p5, p50: x.peakYear.p50, p95: x.peakYear.p95 },
    peakValue: { p5: x.peakValue.p5 / k, p50: x.peakValue.p50 / k, p95: x.peakValue.p95 / k },
  }));
  const targets = s.targets.map(({ reason, ...x }) => ({ ...x, reason: reason ? formatIssue({ ...reason, path: [] }, lang) : null }));
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          ok: true,
          output,
          outputs: s.outputs,
          peaks: s.peaks,
          targets,
          indicators: s.indicators,
          ...(uncertainty ? { uncertainty } : {}),
          record: s.record,
          warnings: run.warnings.map((i) => issueJson(i, lang)),
        },
        null,
        2,
      ),
    );
  } else {
    const unit = unitLabel(s.record.unit); // "Mt CO2" → "Mt": the header says CO2 itself
    const t = (key: Parameters<typeof cliText>[1], params?: Record<string, string | number>) => cliText(lang, key, params);
    const region = (name: string, isCluster: boolean) => (isCluster ? t("cluster", { name }) : name);
    // What the run read and ran on, before what it found (the record has it all; the console says it too).
    const r = s.record;
    const list = (xs: readonly string[]) => listText(lang, xs);
    if (r.cities && r.years && r.lastHistoricalYear !== undefined) {
      const names = r.cities.length <= 8 ? list(r.cities) : `${list(r.cities.slice(0, 8))} …`;
      io.out(
        t("readLine", {
          inventory: r.inventory,
          unit,
          sheets: list(r.scenarioSheets),
          cities: r.cities.length,
          names,
          first: r.years[0],
          last: r.years[1],
          history: r.lastHistoricalYear,
          scenarios: list(r.scenarios),
        }) + "\n\n",
      );
    }
    io.out(
      renderTable(
        [t("scenario"), t("cityOrCluster"), t("peakYear"), t("peak", { unit }), t("status"), t("peakedByTarget"), t("gapAfterTarget", { unit })],
        s.peaks.map((p) => [p.scenario, region(p.region, p.isCluster), p.peakYear, p.peakValue, p.status, t(p.peakedByTarget ? "yes" : "no"), p.peakGap]),
      ),
    );
    if (targets.length > 0) {
      const status = { met: t("statusMet"), not_met: t("statusNotMet"), unknown: t("statusUnknown") };
      // What each target asks, in words, as the Target results sheet says it; a decline reached is signed as the
      // target is worded (−22.7 %), a share's margin in percentage points.
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      const reached = (x: (typeof targets)[number]) => {
        if (x.reached === null) return "–";
        const { sign, magnitude } = signedReached(x.kind, x.reached);
        return x.unit === "share" ? `${sign}${pct(magnitude)}` : x.unit === "year" ? `${magnitude}` : `${magnitude.toFixed(2)} ${x.unit}`;
      };
      const margin = (x: (typeof targets)[number]) =>
        x.margin === null ? "–" : x.unit === "share" ? `${(x.margin * 100).toFixed(1)} pp` : x.unit === "year" ? `${x.margin}` : x.margin.toFixed(2);
      io.out(`\n${t("targets")}`);
      io.out(
        renderTable(
          [t("scenario"), t("cityOrCluster"), t("target"), t("reached"), t("met"), t("margin")],
          targets.map((x) => [x.scenario, region(x.region, x.isCluster), targetText(x, lang), reached(x), status[x.status], margin(x)]),
        ),
      );
    }
    if (uncertainty && s.monteCarlo) {
      io.out(`\n${t("monteCarlo", { draws: s.monteCarlo.draws, seed: s.monteCarlo.seed })}`);
      io.out(
        renderTable(
          [t("scenario"), t("cityOrCluster"), t("probabilityBy", { year: s.monteCarlo.targetYear }), t("peakYearP5"), "P50", "P95"],
          uncertainty.map((x) => [
            x.scenario,
            region(x.region, x.isCluster),
            `${(x.probabilityByTarget * 100).toFixed(1)}%`,
            x.peakYear.p5,
            x.peakYear.p50,
            x.peakYear.p95,
          ]),
        ),
      );
    }
    io.out(`\n${t("wrote", { file: output, sheets: s.outputs.join(", ") })}`);
  }
  return EXIT.ok;
}

async function cmdCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ...INVENTORY_OPTIONS });
  if (values.help) return help(io, "check");
  const lang = langOf(values.lang);
  const input = one(positionals, "<workbook.xlsx>");
  const wb = await readWorkbook(input);
  if (!wb.ok) return fileProblem(io, wb.issues, lang);
  const port = wb.value;
  // A workbook with no scenario sheet at all is checked as an inventory alone.
  const sheets = await port.listSheets();
  const hasScenario = sheets.ok && sheets.value.some((s) => CORE_ROLES.some((r) => isRoleName(r, s.name)));
  const source = sourceOf(values);
  const result = hasScenario ? await readScenario(port, source, {}, cliReadAs(input, true)) : await loadInventory(port, source, cliReadAs(input, true));
  const problems = result.ok ? [] : result.issues;
  const warnings = result.ok ? result.warnings : [];
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          ok: problems.length === 0,
          checked: hasScenario ? "scenario" : "inventory",
          problems: problems.map((i) => issueJson(i, lang)),
          warnings: warnings.map((i) => issueJson(i, lang)),
        },
        null,
        2,
      ),
    );
  } else {
    printIssues(io, problems, lang, "", (t) => io.out(t));
    printIssues(io, warnings, lang, cliText(lang, "warningShort"));
    // What was read: the inventory's range and the scenario sheets (or the inventory alone).
    const read = result.ok && "inventoryAddress" in result.value ? result.value : undefined;
    const sheetsRead = read ? listText(lang, [read.inventoryAddress, ...Object.values(read.sheets).filter((x): x is string => !!x)]) : undefined;
    const what = `${cliText(lang, hasScenario ? "checkedScenario" : "checkedInventory")}${sheetsRead ? `${lang === "zh" ? "：" : ": "}${sheetsRead}` : ""}`;
    io.err(
      `carbon-peak: ${problems.length === 0 ? cliText(lang, "noProblems", { file: input, what }) : cliText(lang, problems.length === 1 ? "oneProblem" : "problemCount", { file: input, count: problems.length })}`,
    );
  }
  return problems.length === 0 ? EXIT.ok : EXIT.problems;
}

async function cmdTemplate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { example: { type: "string" }, force: { type: "boolean", short: "f" }, ...TEMPLATE_INVENTORY_OPTIONS });
  if (values.help) return help(io, "template");
  const lang = langOf(values.lang);
  const output = one(positionals, "<out.xlsx>");
  if (values.example !== undefined && values.example !== "changzhutan")
    throw new UsageError(`unknown example ${JSON.stringify(values.example)} (available: changzhutan)`);
  checkTemplateOptions(values, KIT);
  if (existsSync(output) && statSync(output).isDirectory()) throw new UsageError(`${JSON.stringify(output)} is a folder; give a file name`);
  if (pathExists(output) && !values.force) throw new UsageError(`${JSON.stringify(output)} exists; add --force to replace it`);
  // --inventory FILE: the chosen cities' inventory with Settings filled (template-inventory.ts).
  const from = values.inventory !== undefined ? await templateInventory(values, io, KIT, lang) : undefined;
  if (typeof from === "number") return from;
  const wb = new ExcelJS.Workbook();
  wb.creator = "carbon-peak";
  const made = await createScenarioSheets(createExcelJsPort(wb), {
    example: values.example === "changzhutan" ? "changzhutan" : undefined,
    lang,
    fromInventory: from,
  });
  if (!made.ok) {
    printIssues(io, made.issues, lang, "carbon-peak: ");
    return EXIT.problems;
  }
  const written = await writeNewWorkbook(wb, output);
  if (!written.ok) return fileProblem(io, written.issues, lang);
  io.out(cliText(lang, "wrote", { file: output, sheets: made.value.sheets.join(", ") }));
  return EXIT.ok;
}

async function cmdPeaks(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    cluster: { type: "string", multiple: true, short: "c" },
    tolerance: { type: "string" },
    confirm: { type: "string" },
    smooth: { type: "string" },
    "min-points": { type: "string" },
    strict: { type: "boolean" },
    verbose: { type: "boolean" },
    ...INVENTORY_OPTIONS,
  });
  if (values.help) return help(io, "peaks");
  const lang = langOf(values.lang);
  const input = one(positionals, "<inventory.xlsx>");
  const num = (name: string, v: unknown): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not ${JSON.stringify(v)}`);
    return n;
  };
  const strict = values.strict === true;
  if (strict && (values.confirm !== undefined || values["min-points"] !== undefined)) {
    throw new UsageError(
      `--strict sets --confirm ${STRICT_PEAK_OPTIONS.confirmYears} and --min-points ${STRICT_PEAK_OPTIONS.minPoints}; give --strict or those options, not both`,
    );
  }
  const options = {
    tolerance: num("tolerance", values.tolerance),
    confirmYears: strict ? STRICT_PEAK_OPTIONS.confirmYears : num("confirm", values.confirm),
    smoothYears: num("smooth", values.smooth),
    minPoints: strict ? STRICT_PEAK_OPTIONS.minPoints : num("min-points", values["min-points"]),
  };
  // The options' own rules (the engine's), checked once and named as typed: --tolerance, --confirm, --smooth, --min-points.
  const flag: Record<string, string> = { tolerance: "--tolerance", confirm_years: "--confirm", smooth_years: "--smooth", min_points: "--min-points" };
  const badOptions = checkPeakOptions(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
  if (badOptions.length > 0) {
    printIssues(
      io,
      badOptions.map((i) => ({ ...i, path: [flag[String(i.path[0])] ?? String(i.path[0])] })),
      lang,
      "carbon-peak: ",
    );
    return EXIT.usage;
  }
  const wb = await readWorkbook(input);
  if (!wb.ok) return fileProblem(io, wb.issues, lang);
  // Units only label values: peaks need none ("unit not stated").
  const inv = await loadInventory(wb.value, sourceOf(values), cliReadAs(input));
  if (!inv.ok) {
    printIssues(io, inv.issues, lang);
    return EXIT.problems;
  }
  const clusters: ClusterSpec[] = [];
  const bad: Issue[] = [];
  ((values.cluster as string[] | undefined) ?? []).forEach((spec, i) => {
    const c = parseClusterSpec(spec, inv.value.cities, ["--cluster", i]);
    if (c.ok) clusters.push(c.value);
    else {
      // A member is named by its cluster and its place in the list: "--cluster 长株潭, member 2".
      const name = spec.split("=")[0].trim();
      const located = c.issues.map((x) => (x.path.length === 3 ? { ...x, cell: cliText(lang, "clusterMember", { name, n: Number(x.path[2]) + 1 }) } : x));
      pushAll(bad, located);
    }
  });
  if (bad.length > 0) {
    printIssues(io, bad, lang, "carbon-peak: ");
    return EXIT.usage;
  }
  const defined: PeakOptions = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const peaks = inventoryPeaks(inv.value, clusters, defined);
  if (!peaks.ok) {
    printIssues(io, peaks.issues, lang, "carbon-peak: ");
    return EXIT.problems;
  }
  printIssues(io, [...inv.warnings, ...peaks.warnings], lang, cliText(lang, "warningPrefix"));
  // Every year left out of a cluster total: with --verbose one line each; with --json the detail as JSON.
  const clusterRows = peaks.value.filter((p) => p.cluster !== undefined);
  if (values.verbose) for (const p of clusterRows) printIssues(io, missingIssues(p.cluster!, [p.name]), lang, "carbon-peak: ");
  else if (!values.json && clusterRows.some((p) => p.cluster!.missing.length > 0)) io.err(cliText(lang, "verboseHint"));
  if (values.json) {
    for (const p of clusterRows) io.err(JSON.stringify(clusterDetail(p)));
    io.out(JSON.stringify(peakEntries(peaks.value), null, 2));
  } else {
    const inventory = inv.value;
    const t = (key: Parameters<typeof cliText>[1], params?: Record<string, string | number>) => cliText(lang, key, params);
    const years = inventory.years;
    const unit = inventory.unit || t("unitNotStatedLong");
    io.out(
      t("inventoryLine", {
        sheet: inventory.sheet,
        layout: inventory.layout,
        cities: inventory.cities.length,
        first: years[0],
        last: years[years.length - 1],
        unit,
      }),
    );
    io.out(ruleLine(defined, strict, lang));
    io.out(peaksTable(peaks.value, lang, unit, defined));
  }
  return EXIT.ok;
}

function fileProblem(io: CliIo, issues: readonly Issue[], lang: Lang): number {
  printIssues(io, issues, lang, "carbon-peak: ");
  if (issues.some((i) => i.code === "interrupted")) return EXIT.interrupted;
  return issues.some((i) => i.code === "file_not_found") ? EXIT.usage : EXIT.problems;
}

/** Whether anything (a file, a folder, a dangling link) is at the path. */
function pathExists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why `run` must not replace `output` (undefined when it may): a folder; any existing file other than a
 * results copy an earlier run wrote (it carries the results-copy mark), unless `--force`.
 */
async function replaceRefusal(output: string, force: boolean): Promise<string | undefined> {
  if (!pathExists(output)) return undefined;
  if (existsSync(output) && statSync(output).isDirectory()) return `${JSON.stringify(output)} is a folder; give a file name with -o`;
  if (force) return undefined;
  const old = await readWorkbook(output);
  if (old.ok) {
    try {
      const mark = parseStored(old.value.xlsx.getSetting(RESULTS_COPY_KEY)) as { from?: unknown } | null | undefined;
      if (mark && typeof mark.from === "string") return undefined;
    } catch {
      // unreadable records: not known to be a results copy
    }
  }
  return `${JSON.stringify(output)} exists and is not a results copy this tool wrote; add --force to replace it (or -o another file)`;
}

function help(io: CliIo, topic: keyof typeof HELP): number {
  io.out(HELP[topic]);
  return EXIT.ok;
}

/** What commands kept in their own files borrow from this one. */
const KIT: CliKit = {
  parse,
  one,
  langOf,
  usage: (message) => {
    throw new UsageError(message);
  },
  printIssues,
  issueJson,
  fileProblem,
  exit: EXIT,
};

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  run: cmdRun,
  check: cmdCheck,
  template: cmdTemplate,
  peaks: cmdPeaks,
  inventory: (args, io) => cmdInventory(args, io, KIT),
};

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit code.
 * @example process.exitCode = await main(["check", "scenario.xlsx"])
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(HELP.main);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "--version" || command === "-v") {
      io.out(packageVersion());
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: ${Object.keys(COMMANDS).join(", ")})`);
    return await run([...rest], io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`carbon-peak: ${formatIssue(issue("usage", [], { detail: e.message }))}`);
      return EXIT.usage;
    }
    io.err(`carbon-peak: ${formatIssue(issue("internal_error", [], { detail: e instanceof Error ? e.message.split("\n")[0] : String(e) }))}`);
    return EXIT.problems;
  }
}
