#!/usr/bin/env node
/**
 * Compares two full behaviour snapshots (scripts/behaviour-snapshot.mjs --out FILE) after taking out of
 * the newer one exactly what the driver-based scenarios add (docs/model.md), so that what remains is
 * every other difference — which must be none for a workbook of previous versions:
 *
 * - output sheets Indicators / 指标 and Target results / 目标完成情况 (new sheets), and their roles in
 *   the add-in's records; the `targets` and `indicators` keys of `run --json` and those sheets in its
 *   lists; the sheet lists of "Wrote …" lines;
 * - the Results sheets' last column, Basis / 数据性质 (measured, projected …);
 * - in template workbooks: the Socioeconomic / 社会经济 and Targets / 目标 sheets, the five new Settings
 *   rows at the end of the Settings table and the Base year row's note, the Activities sheet's
 *   "Drives sectors / 驱动部门" column, and the lever kind avoid_growth in the Kind dropdown;
 * - the help texts that list the new sheets and keys, and the new lever kind avoid_growth where a
 *   message lists the kinds.
 *
 * The .xlsx zip parts' digests are not compared (new sheets renumber the parts), and the package
 * adapter's ownership marks (cp-…, new in every run) compare as one; every cell value,
 * formula, cached result and number format, every table, data validation, column width and view is.
 *
 *   node scripts/snapshot-diff.mjs BEFORE.json AFTER.json
 *
 * Prints, per case, what was taken out (so a reader sees each allowed difference) and every remaining
 * difference (path: before → after); exits 1 when any remains.
 */
import { readFileSync } from "node:fs";

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  process.stderr.write("usage: node scripts/snapshot-diff.mjs BEFORE.json AFTER.json\n");
  process.exit(2);
}
// The package adapter's ownership marks ("cp-" and 16 hex digits) are new in every run: compared as one mark.
const read = (f) => JSON.parse(readFileSync(f, "utf8").replace(/cp-[0-9a-f]{16}/g, "<mark>"));
const before = read(beforeFile);
const after = read(afterFile);

const NEW_OUTPUTS = ["Indicators", "指标", "Target results", "目标完成情况"];
const NEW_INPUTS = ["Socioeconomic", "社会经济", "Targets", "目标"];
const NEW_ROLES = ["indicators", "targetResults", "socioeconomic", "targets"];
const isNumbered = (name, list) => list.some((n) => name === n || new RegExp(`^${n.replace(/[()]/g, "\\$&")} \\(\\d+\\)$`).test(name));
const isResults = (name) => isNumbered(name, ["Results", "结果"]);

/** Removes the listed sheet names from "a, b, c" lists inside text. */
function dropFromLists(text) {
  let t = text;
  for (const n of [...NEW_OUTPUTS, ...NEW_INPUTS]) t = t.split(`, ${n}`).join("");
  return t;
}

const NEW_SHEETS = [...NEW_OUTPUTS, ...NEW_INPUTS];
const isNewSheet = (n) => typeof n === "string" && isNumbered(n, NEW_SHEETS);

/** The add-in's records (the store and its hidden sheet's JSON cells) without the new sheets and roles. */
function stripRecords(v, notes, path = "") {
  if (Array.isArray(v)) {
    const isNew = (x) => isNewSheet(x) || (x !== null && typeof x === "object" && isNewSheet(x.sheet));
    if (v.some(isNew)) notes.add(`records ${path || "sheet list"}: the new sheets`);
    return v.filter((x) => !isNew(x)).map((x) => stripRecords(x, notes, path));
  }
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if ((path.endsWith(".outputs") || path.endsWith(".scenarioSheets") || path === ".outputs" || path === ".scenarioSheets") && NEW_ROLES.includes(k)) {
        notes.add(`records ${path}.${k}`);
        continue;
      }
      out[k] = stripRecords(x, notes, `${path}.${k}`);
    }
    return out;
  }
  if (typeof v === "string" && /^[[{]/.test(v)) {
    try {
      return JSON.stringify(stripRecords(JSON.parse(v), notes, path));
    } catch {
      return v;
    }
  }
  return v;
}

/** The fill rule's Settings row: now named for the last historical year (its label and note), before it the base year's gaps. */
const FILL_ROW = [
  ["Fill rule / 填补规则", "Base-year gaps / 基准年缺值"],
  ["填补规则 / Fill rule", "基准年缺值 / Base-year gaps"],
  [
    'a city without a value in the last historical year (the base year of a one-year inventory): blank = a problem naming it; "carry forward" = its last measured value, marked as filled',
    'a city without a base-year value: blank = a problem naming it; "carry forward" = its last measured value, marked as filled',
  ],
  [
    "最后历史年（单年清单即基准年）缺值的城市：留空则报错并列出；“延用最近实测值”则采用其最近一年的实测值，并标注为填补值",
    "缺少基准年数值的城市：留空则报错并列出；“延用最近实测值”则采用其最近一年的实测值，并标注为填补值",
  ],
];

const BASE_YEAR_NOTES = [
  ["first year of the results: measured up to the last historical year, projected after it", "first projected year; the inventory must have it"],
  ["结果起始年：截至最后历史年为实测值，之后为预测值", "预测起始年；清单中须有该年数据"],
];

const colOf = (addr) => /^([A-Z]+)\d+$/.exec(addr)?.[1];
const rowOf = (addr) => Number(/\d+$/.exec(addr)?.[0]);

function stripWorkbook(wb, notes) {
  if (!wb) return wb;
  const sheets = [];
  for (const s of wb.sheets) {
    if (isNumbered(s.name, NEW_OUTPUTS) || isNumbered(s.name, NEW_INPUTS)) {
      notes.add(`sheet ${s.name} (new)`);
      continue;
    }
    const sh = JSON.parse(JSON.stringify(s));
    const header = new Map(sh.cells.filter((c) => rowOf(c[0]) === 1).map((c) => [colOf(c[0]), c[1]]));
    if (isResults(sh.name) && typeof header.get("F") === "string" && /Basis|数据性质/.test(header.get("F"))) {
      sh.cells = sh.cells.filter((c) => colOf(c[0]) !== "F");
      for (const t of sh.tables) {
        t.columns = t.columns.filter((c) => !/Basis|数据性质/.test(c));
        t.ref = t.ref.replace(/:F(\d+)$/, ":E$1");
      }
      sh.widths = sh.widths.slice(0, 5);
      notes.add(`${sh.name}: column F (basis)`);
    }
    if (typeof header.get("G") === "string" && /Drives sectors|驱动部门/.test(header.get("G"))) {
      sh.cells = sh.cells.filter((c) => colOf(c[0]) !== "G").map((c) => (colOf(c[0]) === "H" ? [`G${rowOf(c[0])}`, ...c.slice(1)] : c));
      for (const t of sh.tables) {
        t.columns = t.columns.filter((c) => !/Drives sectors|驱动部门/.test(c));
        t.ref = t.ref.replace(/:H(\d+)$/, ":G$1");
      }
      sh.widths = [...sh.widths.slice(0, 6), ...sh.widths.slice(7)];
      notes.add(`${sh.name}: column G (drives sectors)`);
    }
    const settingsRows = sh.cells.filter((c) => colOf(c[0]) === "A" && typeof c[1] === "string" && /Last historical year|最后历史年/.test(c[1]));
    if (settingsRows.length > 0) {
      const first = rowOf(settingsRows[0][0]);
      sh.cells = sh.cells.filter((c) => rowOf(c[0]) < first);
      for (const t of sh.tables) t.ref = t.ref.replace(/(\d+)$/, String(first - 1));
      for (const c of sh.cells) for (const [now, was] of BASE_YEAR_NOTES) if (c[0] === "C3" && c[1] === now) c[1] = was;
      notes.add(`${sh.name}: Settings rows ${first}–${first + 4} (new settings) and the Base year note`);
    }
    if (sh.name === "_carbonpeak") sh.cells = sh.cells.map((c) => [c[0], stripRecords(c[1], notes), ...c.slice(2)]);
    sh.cells = sh.cells.map((c) => {
      const was = FILL_ROW.find(([now]) => c[1] === now);
      if (!was) return c;
      notes.add(`${sh.name}: the fill rule's row named for the last historical year`);
      return [c[0], was[1], ...c.slice(2)];
    });
    if (isNumbered(sh.name, ["Run info", "运行记录", "Notes"])) {
      sh.cells = sh.cells.map((c) => {
        if (typeof c[1] !== "string" || dropFromLists(c[1]) === c[1]) return c;
        notes.add(`${sh.name}: the new scenario sheets in the sheet list`);
        return [c[0], dropFromLists(c[1]), ...c.slice(2)];
      });
    }
    const v = JSON.stringify(sh.validations);
    if (v.includes("avoid_growth")) {
      sh.validations = JSON.parse(v.replace(/,avoid_growth/g, ""));
      notes.add(`${sh.name}: lever kind avoid_growth in the Kind dropdown`);
    }
    sheets.push(sh);
  }
  return { sheetOrder: sheets.map((s) => s.name), sheets, store: stripRecords(wb.store, notes) };
}

/** A snapshot's workbook without the zip part digests (not compared). */
const withoutParts = (wb) => (wb ? { sheetOrder: wb.sheetOrder, sheets: wb.sheets, store: wb.store } : wb);

function stripOut(text, notes) {
  let t = text;
  const json = /^\{[\s\S]*\}\s*$/.test(t.trim())
    ? (() => {
        try {
          return JSON.parse(t);
        } catch {
          return undefined;
        }
      })()
    : undefined;
  if (json && typeof json === "object" && json.ok === true && "indicators" in json) {
    delete json.indicators;
    delete json.targets;
    json.outputs = json.outputs.filter((o) => !isNumbered(o, NEW_OUTPUTS));
    for (const r of NEW_ROLES) if (json.record?.outputs && r in json.record.outputs) delete json.record.outputs[r];
    notes.add("run --json: keys targets, indicators and the new sheets in outputs");
    t = `${JSON.stringify(stripRecords(json, notes), null, 2)}\n`;
  }
  const lists = dropFromLists(t);
  if (lists !== t) notes.add("sheet lists of Wrote … lines");
  const kinds = lists.split(", avoid_growth").join("");
  if (kinds !== lists) notes.add("the lever kind avoid_growth in the list of kinds a message gives");
  return kinds;
}

let remaining = 0;
for (const name of Object.keys({ ...before, ...after })) {
  const a = before[name];
  const b = after[name];
  if (a === undefined || b === undefined) {
    console.log(`${name}: only in ${a === undefined ? "after" : "before"}`);
    remaining++;
    continue;
  }
  const notes = new Set();
  let x;
  let y;
  if (name.startsWith("preview: ")) {
    x = a;
    y = b;
  } else {
    x = { ...a, files: Object.fromEntries(Object.entries(a.files).map(([f, wb]) => [f, withoutParts(wb)])) };
    y = {
      ...b,
      out: stripOut(b.out, notes),
      err: stripOut(b.err, notes),
      files: Object.fromEntries(Object.entries(b.files).map(([f, wb]) => [f, stripWorkbook(wb, notes)])),
    };
    if (name.startsWith("help")) {
      if (x.out !== y.out) notes.add("help text (lists the new sheets and JSON keys)");
      y.out = x.out;
    }
  }
  const diffs = [];
  const walk = (p, u, v) => {
    if (JSON.stringify(u) === JSON.stringify(v)) return;
    if (u && v && typeof u === "object" && typeof v === "object") {
      for (const k of new Set([...Object.keys(u), ...Object.keys(v)])) walk(`${p}.${k}`, u[k], v[k]);
      return;
    }
    diffs.push(`${p}: ${JSON.stringify(u)?.slice(0, 300)} → ${JSON.stringify(v)?.slice(0, 300)}`);
  };
  walk(name, x, y);
  if (notes.size > 0) console.log(`${name}: taken out — ${[...notes].join("; ")}`);
  if (diffs.length > 0) {
    remaining += diffs.length;
    console.log(
      `${name}: ${diffs.length} remaining difference(s):\n${diffs
        .slice(0, 20)
        .map((d) => `    ${d}`)
        .join("\n")}`,
    );
  }
}
console.log(remaining === 0 ? "\nno other difference" : `\n${remaining} other difference(s)`);
process.exit(remaining === 0 ? 0 : 1);
