#!/usr/bin/env node
/**
 * Behaviour snapshot: runs the batch CLI (lib/, built first) over the 长株潭 sample and a small corpus of
 * workbooks made here from it (broken scenarios, an inventory-only file, a scenario without inventory,
 * the templates, re-runs over earlier outputs), and the app's inventory preview, and writes everything
 * they produce as one normalized JSON: stdout, stderr and exit code of every command, and for every
 * workbook written each sheet in order (state, every cell's value, formula, cached result and number
 * format, tables, data validations), the `_carbonpeak` store, and the SHA-256 of every part of the .xlsx
 * (zip) file. Run times are normalized (ISO timestamps → "<time>", progress seconds → "<s>"), and the random
 * ownership marks of the package adapter ("cp-…" → "<mark>"), nothing else.
 *
 * Used to prove that a refactoring changes no behaviour: record a snapshot before, one after, compare.
 *
 *   node scripts/behaviour-snapshot.mjs [--out FILE] [--no-build] [--compare BASELINE.json]
 *
 * Default output: out/behaviour-snapshot.json, and beside it `…digests.json` (case → SHA-256 of the case's
 * JSON). With --compare, exits 1 and lists the cases that differ (the first differing path of each) when
 * the new snapshot is not identical to BASELINE.json — a full snapshot, or a digests file such as
 * scripts/behaviour-baseline.digests.json (recorded at e12e8bd before the issue-16 restructuring, which left all
 * 60 cases identical; re-recorded at main c536ffc, whose pane merge added `missing` to the preview's totals, and
 * at main 4382fde after the driver-based scenarios, the rebuilt sample, the safe writes and the final QA fixes —
 * regenerate it whenever behaviour changes on purpose).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");
const JSZip = require("jszip");

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outFile = opt("--out") ?? join(ROOT, "out", "behaviour-snapshot.json");
const baselineFile = opt("--compare");

if (!args.includes("--no-build")) {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.cli.json")], { encoding: "utf8" });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    process.exit(2);
  }
}

const { main } = require(join(ROOT, "lib", "cli", "main.js"));
/** The app's entry points, wherever the app keeps them (one export list, or the workflow file before it). */
const app = require(existsSync(join(ROOT, "lib", "app", "index.js")) ? join(ROOT, "lib", "app", "index.js") : join(ROOT, "lib", "app", "workflow.js"));
const { createExcelJsPort } = require(join(ROOT, "lib", "workbook", "exceljs.js"));

const TMP = mkdtempSync(join(tmpdir(), "carbon-peak-snapshot-"));
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;
// The package adapter's ownership marks ("cp-" + 16 hex digits) are random per run: normalized like the times.
const MARK = /cp-[0-9a-f]{16}/g;
const norm = (s) => s.split(TMP).join("<tmp>").replace(ISO, "<time>").replace(MARK, "<mark>");

/** stderr with the progress lines' timing normalized; of repeated lines of one stage (Monte Carlo, at most one a second) the first is kept. */
function normErr(text) {
  const out = [];
  let lastStage;
  for (const line of norm(text).split("\n")) {
    // English "carbon-peak: run (30%, 0.2 s)" and Chinese "carbon-peak：运行（30%，0.2 秒）".
    const m = /^carbon-peak: (\w+) \((\d+)%, [\d.]+ s\)$/.exec(line) ?? /^carbon-peak：(\S+?)（(\d+)%，[\d.]+ 秒）$/.exec(line);
    if (m) {
      if (m[1] === lastStage) continue;
      lastStage = m[1];
      out.push(`carbon-peak: ${m[1]} (${m[2]}%, <s> s)`);
    } else {
      lastStage = undefined;
      out.push(line);
    }
  }
  return out.join("\n");
}

async function cli(...argv) {
  let out = "";
  let err = "";
  const io = { out: (t) => (out += t.endsWith("\n") ? t : `${t}\n`), err: (t) => (err += t.endsWith("\n") ? t : `${t}\n`) };
  const code = await main(argv, io);
  return { argv: argv.map(norm), code, out: norm(out), err: normErr(err) };
}

const cellJson = (v) => {
  if (v instanceof Date) return { date: v.toISOString() };
  if (v !== null && typeof v === "object") return JSON.parse(norm(JSON.stringify(v)));
  return typeof v === "string" ? norm(v) : v;
};

/** Every observable thing of an .xlsx file. */
async function dumpWorkbook(file) {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const parts = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir) continue;
    const text = await zip.files[name].async("string");
    parts[name] = createHash("sha256").update(norm(text)).digest("hex");
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheets = [];
  wb.eachSheet((ws) => {
    const cells = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (c) => {
        const entry = [c.address, cellJson(c.value)];
        if (c.numFmt) entry.push(c.numFmt);
        cells.push(entry);
      });
    });
    const tables = Object.values(ws.tables ?? {}).map((t) => {
      const m = t.model ?? t;
      return {
        name: m.name,
        ref: m.tableRef ?? m.ref,
        headerRow: m.headerRow,
        totalsRow: m.totalsRow,
        style: m.style,
        columns: (m.columns ?? []).map((c) => c.name),
      };
    });
    const validations = JSON.parse(JSON.stringify(ws.dataValidations?.model ?? {}));
    const widths = (ws.columns ?? []).map((c) => c.width ?? null);
    sheets.push({ name: ws.name, state: ws.state, cells, tables, validations, widths, views: ws.views });
  });
  const store = wb.getWorksheet("_carbonpeak");
  let storeJson;
  if (store) {
    storeJson = {};
    store.eachRow((row) => {
      const v = row.values.slice(1);
      const key = v[0];
      let text = "";
      for (const x of v.slice(1)) {
        if (typeof x !== "string" || x === "") break;
        text += x;
      }
      try {
        storeJson[key] = JSON.parse(norm(text));
      } catch {
        storeJson[key] = norm(text);
      }
    });
  }
  return { sheetOrder: sheets.map((s) => s.name), sheets, store: storeJson, parts };
}

const snapshot = {};
async function record(name, argv, outputs = []) {
  const r = await cli(...argv);
  const files = {};
  for (const f of outputs) files[norm(f)] = existsSync(f) ? await dumpWorkbook(f) : null;
  snapshot[name] = { ...r, files };
  process.stderr.write(`${name}: exit ${r.code}\n`);
}

const T = (f) => join(TMP, f);
const sample = T("changzhutan.xlsx");
copyFileSync(join(ROOT, "samples", "changzhutan.xlsx"), sample);

/** A copy of the sample with cells changed (sheet → address → value). */
async function variant(file, edits, remove = []) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  for (const [sheet, cells] of Object.entries(edits)) for (const [addr, v] of Object.entries(cells)) wb.getWorksheet(sheet).getCell(addr).value = v;
  for (const s of remove) wb.removeWorksheet(wb.getWorksheet(s).id);
  await wb.xlsx.writeFile(file);
  return file;
}

// --- the sample ---
await record("run", ["run", sample, "-o", T("run.xlsx")], [T("run.xlsx")]);
await record("run --json", ["run", sample, "-o", T("run-json.xlsx"), "--json"], [T("run-json.xlsx")]);
await record("run --lang zh", ["run", sample, "-o", T("run-zh.xlsx"), "--lang", "zh"], [T("run-zh.xlsx")]);
await record("run --formulas", ["run", sample, "-o", T("run-formulas.xlsx"), "--formulas"], [T("run-formulas.xlsx")]);
await record("run --draws 200 --seed 3", ["run", sample, "-o", T("run-mc.xlsx"), "--draws", "200", "--seed", "3"], [T("run-mc.xlsx")]);
await record(
  "run --draws 200 --seed 3 --json --lang zh --formulas",
  ["run", sample, "-o", T("run-mc-zh.xlsx"), "--draws", "200", "--seed", "3", "--json", "--lang", "zh", "--formulas"],
  [T("run-mc-zh.xlsx")],
);
await record(
  "run --quiet --sheet Inventory --unit Mt",
  ["run", sample, "-o", T("run-sheet.xlsx"), "--quiet", "--sheet", "Inventory", "--unit", "Mt"],
  [T("run-sheet.xlsx")],
);
// Re-runs over earlier outputs: owned sheets reused, replaced in the other language, live sheet removed.
await record("re-run over run --formulas", ["run", T("run-formulas.xlsx"), "-o", T("rerun.xlsx")], [T("rerun.xlsx")]);
await record("re-run zh over en", ["run", T("run.xlsx"), "-o", T("rerun-zh.xlsx"), "--lang", "zh"], [T("rerun-zh.xlsx")]);
await record("re-run mc over zh mc", ["run", T("run-mc-zh.xlsx"), "-o", T("rerun-mc.xlsx"), "--draws", "50"], [T("rerun-mc.xlsx")]);
await record("check", ["check", sample]);
await record("check --json", ["check", sample, "--json"]);
await record("check --lang zh", ["check", sample, "--lang", "zh"]);
await record("peaks", ["peaks", sample]);
await record("peaks --json", ["peaks", sample, "--json"]);
await record("peaks CEADs sheet with clusters", [
  "peaks",
  sample,
  "--sheet",
  "CEADs city totals",
  "--cluster",
  "长株潭=湖南长沙,湖南株洲,湖南湘潭",
  "--cluster",
  "长株=湖南长沙、湖南株洲",
  "--tolerance",
  "0.02",
  "--confirm",
  "2",
  "--smooth",
  "3",
]);
await record("peaks CEADs sheet --json --lang zh", [
  "peaks",
  sample,
  "--sheet",
  "CEADs city totals",
  "--cluster",
  "长株潭=湖南长沙,湖南株洲,湖南湘潭",
  "--json",
  "--lang",
  "zh",
]);
await record("peaks bad cluster", ["peaks", sample, "--sheet", "CEADs city totals", "--cluster", "X=湖南长沙,Nowhere"]);
await record("peaks bad options", ["peaks", sample, "--tolerance", "1.5", "--smooth", "2", "--confirm=-1"]);

// --- templates ---
await record("template", ["template", T("template.xlsx")], [T("template.xlsx")]);
await record("template --lang zh", ["template", T("template-zh.xlsx"), "--lang", "zh"], [T("template-zh.xlsx")]);
await record("template --example", ["template", T("example.xlsx"), "--example", "changzhutan"], [T("example.xlsx")]);
await record("template --example --lang zh", ["template", T("example-zh.xlsx"), "--example", "changzhutan", "--lang", "zh"], [T("example-zh.xlsx")]);
await record("template exists", ["template", T("example.xlsx")]);
await record("check empty template", ["check", T("template.xlsx")]);
await record("check empty template --json --lang zh", ["check", T("template-zh.xlsx"), "--json", "--lang", "zh"]);
await record(
  "run example zh --lang zh",
  ["run", T("example-zh.xlsx"), "-o", T("example-zh-run.xlsx"), "--lang", "zh", "--formulas"],
  [T("example-zh-run.xlsx")],
);

// --- broken workbooks ---
await variant(T("bad-levers.xlsx"), {
  Settings: { B6: 1.5, B7: 2.5, B8: 4 },
  Levers: { C2: "Nowhere", F3: 28, G4: "soon", I5: "zigzag", E6: "magic", O7: "triangle", P8: 0.5, Q9: 5, J10: "built_up_area" },
  Drivers: { A2: "activityX", F3: 3, I4: "normal", K4: -0.1, C5: "industry" },
});
await record("check bad levers", ["check", T("bad-levers.xlsx")]);
await record("check bad levers --json --lang zh", ["check", T("bad-levers.xlsx"), "--json", "--lang", "zh"]);
await record("run bad levers", ["run", T("bad-levers.xlsx"), "-o", T("bad-run.xlsx")], [T("bad-run.xlsx")]);
await variant(T("no-inventory.xlsx"), { Settings: { B2: null }, Levers: { C2: "长沙, Atlantis", D3: "industry, 未知部门" } }, [
  "Inventory",
  "CEADs city totals",
]);
await record("check scenario without inventory", ["check", T("no-inventory.xlsx")]);
await record("check scenario without inventory --json", ["check", T("no-inventory.xlsx"), "--json"]);
await variant(T("named-missing.xlsx"), { Settings: { B2: "Nope!A1:D9" } });
await record("check named inventory missing", ["check", T("named-missing.xlsx")]);
await variant(T("range-inventory.xlsx"), { Settings: { B2: "Inventory!A1:D13", B3: 2015 } });
await record("run inventory range", ["run", T("range-inventory.xlsx"), "-o", T("range-run.xlsx"), "--quiet"], [T("range-run.xlsx")]);
await variant(T("base-year-missing.xlsx"), { Settings: { B3: 2010 } });
await record("check base year missing", ["check", T("base-year-missing.xlsx")]);
await variant(T("headers.xlsx"), { Levers: { S1: "Colour / 颜色", T1: "Scenario / 情景" } });
await record("check bad headers", ["check", T("headers.xlsx"), "--lang", "zh"]);
await variant(T("no-coordination.xlsx"), { Settings: { B13: null, B14: null } });
await record("re-run without coordination", ["run", T("run.xlsx"), "-o", T("no-coord-first.xlsx"), "--quiet"], [T("no-coord-first.xlsx")]);
await record("run without coordination", ["run", T("no-coordination.xlsx"), "-o", T("no-coord.xlsx")], [T("no-coord.xlsx")]);

// --- an inventory-only workbook (CEADs wide download) and a sector × fuel matrix ---
{
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(sample);
  const wb = new ExcelJS.Workbook();
  const ceads = wb.addWorksheet("CEADs");
  src.getWorksheet("CEADs city totals").eachRow((row, r) => row.eachCell((c, k) => (ceads.getCell(r, k).value = c.value)));
  const lines = readFileSync(join(ROOT, "data", "ceads-hunan-2019-sectors.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const m = wb.addWorksheet("Hunan2019");
  lines.forEach((l, i) => {
    const cells = [...l.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)].slice(0, l.split(",").length).map((x) => (x[2] !== undefined ? x[2] : x[1]));
    cells.forEach((v, j) => (m.getCell(i + 1, j + 1).value = i > 0 && j > 0 && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v));
  });
  await wb.xlsx.writeFile(T("inventory-only.xlsx"));
}
await record("check inventory only", ["check", T("inventory-only.xlsx")]);
await record("check inventory only --sheet Hunan2019 --json", ["check", T("inventory-only.xlsx"), "--sheet", "Hunan2019", "--json"]);
await record("peaks inventory only", ["peaks", T("inventory-only.xlsx"), "--cluster", "长株潭=湖南长沙,湖南株洲,湖南湘潭"]);
await record("peaks matrix", ["peaks", T("inventory-only.xlsx"), "--sheet", "Hunan2019", "--json"]);
await record("run inventory only", ["run", T("inventory-only.xlsx"), "-o", T("inventory-only-run.xlsx")], [T("inventory-only-run.xlsx")]);

// --- usage errors ---
await record("no command", []);
await record("unknown command", ["frobnicate"]);
await record("run --lang fr", ["run", sample, "--lang", "fr"]);
await record("run --seed without --draws", ["run", sample, "--seed", "3"]);
await record("run missing file", ["run", T("nope.xlsx")]);
await record("run -o input", ["run", sample, "-o", sample]);
await record("help run", ["run", "--help"]);
await record("help", ["--help"]);

// --- the task pane's inventory preview (same app code, ExcelJS port) ---
async function preview(name, file, source) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const steps = [];
  const r = await app.previewInventory(createExcelJsPort(wb), source, { onProgress: (p) => steps.push(p) });
  snapshot[`preview: ${name}`] = JSON.parse(norm(JSON.stringify({ result: r, steps })));
}
await preview("sample", sample);
await preview("sample CEADs sheet", sample, { sheet: "CEADs city totals" });
await preview("sample range", sample, { sheet: "Inventory", address: "A1:D10", unit: "万t" });
await preview("sample table", sample, { table: "CarbonPeak_Inventory" });
await preview("sample missing table", sample, { table: "Nope" });
await preview("inventory only", T("inventory-only.xlsx"));
await preview("matrix", T("inventory-only.xlsx"), { sheet: "Hunan2019" });
await preview("no inventory", T("no-inventory.xlsx"));
await preview("template", T("template.xlsx"));

rmSync(TMP, { recursive: true, force: true });
mkdirSync(dirname(outFile), { recursive: true });
const text = `${JSON.stringify(snapshot, null, 1)}\n`;
writeFileSync(outFile, text);
const digests = Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, createHash("sha256").update(JSON.stringify(v)).digest("hex")]));
writeFileSync(outFile.replace(/\.json$/, "") + ".digests.json", `${JSON.stringify(digests, null, 1)}\n`);
process.stderr.write(`wrote ${outFile} (${Object.keys(snapshot).length} cases, sha256 ${createHash("sha256").update(text).digest("hex").slice(0, 16)})\n`);

if (baselineFile) {
  const base = JSON.parse(readFileSync(baselineFile, "utf8"));
  // A digests file (case → SHA-256 of its JSON) is compared digest by digest.
  const mine = Object.values(base).every((v) => typeof v === "string") ? digests : snapshot;
  const firstDiff = (a, b, path) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
    if (a && b && typeof a === "object" && typeof b === "object") {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const d = firstDiff(a[k], b[k], `${path}.${k}`);
        if (d) return d;
      }
    }
    return `${path}: ${JSON.stringify(a)?.slice(0, 200)} → ${JSON.stringify(b)?.slice(0, 200)}`;
  };
  const diffs = [];
  for (const k of new Set([...Object.keys(base), ...Object.keys(mine)])) {
    const d = firstDiff(base[k], mine[k], k);
    if (d) diffs.push(d);
  }
  if (diffs.length > 0) {
    process.stderr.write(`DIFFERENT from ${baselineFile} in ${diffs.length} case(s):\n${diffs.map((d) => `  ${d}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stderr.write(`identical to ${baselineFile}\n`);
}
