/**
 * Chinese function help: the translation table (src/functions/translations.zh-CN.json) must cover
 * every function id and parameter of the generated English dist/functions.json, and the build must
 * emit dist/functions.zh-CN.json (the manifest's zh-CN Functions.Metadata.Url) describing the very
 * same functions — ids, parameter names, order, types — in Chinese. A missing translation fails the
 * build; translations written ahead of their functions only warn.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack from "webpack";
import {
  TABLE_PATH,
  ZhCnMetadataPlugin,
  checkLocalizedName,
  localizeMetadata,
  readTable,
  type Metadata,
  type TranslationTable,
} from "../../scripts/zh-cn-metadata.cjs";

const DIST = join(__dirname, "..", "..", "dist");

function readDist(name: string): Metadata {
  const path = join(DIST, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
  return JSON.parse(readFileSync(path, "utf8"));
}

const HAN = /\p{Script=Han}/u;
const table = readTable();

/** A small English metadata file in the shape custom-functions-metadata writes. */
function english(): Metadata {
  return {
    functions: [
      {
        id: "PEAKYEAR",
        name: "PEAKYEAR",
        description: "Peak year.",
        parameters: [
          { name: "emissions", description: "Emissions.", type: "any", dimensionality: "matrix" },
          { name: "tolerance", description: "Band.", type: "number", optional: true },
        ],
        result: { type: "number" },
      },
    ],
  };
}

function translations(): TranslationTable {
  return { functions: { PEAKYEAR: { description: "达峰年份。", parameters: { emissions: "排放量。", tolerance: "容差。" } } } };
}

describe("translation parity: every id and parameter of dist/functions.json has a zh-CN text", () => {
  const en = readDist("functions.json");
  test("no function id is missing from the table", () => {
    const missing = en.functions.map((f) => f.id).filter((id) => !(id in table.functions));
    expect(missing).toEqual([]);
  });
  test("no parameter is missing, and no translation names a parameter the function lacks", () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const f of en.functions) {
      const t = table.functions[f.id]?.parameters ?? {};
      for (const p of f.parameters) if (!(p.name in t)) missing.push(`${f.id}.${p.name}`);
      for (const name of Object.keys(t)) if (!f.parameters.some((p) => p.name === name)) extra.push(`${f.id}.${name}`);
    }
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });
  test("every text in the table is Chinese", () => {
    for (const [id, t] of Object.entries(table.functions)) {
      expect([id, HAN.test(t.description)]).toEqual([id, true]);
      for (const [p, text] of Object.entries(t.parameters)) expect([id, p, HAN.test(text)]).toEqual([id, p, true]);
    }
  });
  test("translations are written ahead for the scenario functions, with docs/design.md §4's parameters in order", () => {
    const params = (id: string) => Object.keys(table.functions[id]?.parameters ?? {});
    expect(params("PROJECT")).toEqual(["base_value", "base_year", "end_year", "rates", "period_ends"]);
    expect(params("RAMP")).toEqual(["start_year", "full_year", "full_share", "years", "shape"]);
    expect(params("SECTORREDUCTION")).toEqual(["baseline", "shares", "years", "start_year", "full_year", "shape"]);
    expect(params("COMBINE")).toEqual(["shares"]);
    expect(params("ALIGNBEST")).toEqual(["emissions", "activity"]);
  });
});

describe("dist/functions.zh-CN.json", () => {
  const en = readDist("functions.json");
  const zh = readDist("functions.zh-CN.json");
  test("has the same ids in the same order as functions.json", () => {
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
  });
  test("has the same parameters (names, order, types, dimensionality, optional) and results", () => {
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({
        id: f.id,
        result: f.result,
        parameters: f.parameters.map(({ name, type, dimensionality, optional }) => ({ name, type, dimensionality, optional })),
      }));
    expect(shape(zh)).toEqual(shape(en));
    expect({ ...zh, functions: [] }).toEqual({ ...en, functions: [] });
  });
  test("describes every function and parameter in Chinese, from the table", () => {
    for (const f of zh.functions) {
      expect([f.id, f.description]).toEqual([f.id, table.functions[f.id].description]);
      expect(HAN.test(f.description ?? "")).toBe(true);
      for (const p of f.parameters) expect([f.id, p.name, p.description]).toEqual([f.id, p.name, table.functions[f.id].parameters[p.name]]);
    }
  });
  test("keeps the English display names (zh-CN Excel keeps function names such as SUM in English too)", () => {
    for (const f of zh.functions) {
      expect(f.name).toBe(f.id);
      expect(checkLocalizedName(f.name)).toBeUndefined();
    }
  });
});

describe("localizeMetadata — argument validation", () => {
  test("a function without a translation is an error naming its id", () => {
    const r = localizeMetadata(english(), { functions: {} });
    expect(r.errors).toEqual(["PEAKYEAR: no zh-CN translation (add it to src/functions/translations.zh-CN.json)"]);
  });
  test("a parameter without a translation is an error naming the function and parameter", () => {
    const t = translations();
    delete t.functions.PEAKYEAR.parameters.tolerance;
    expect(localizeMetadata(english(), t).errors).toEqual(["PEAKYEAR: parameter tolerance has no zh-CN translation"]);
  });
  test("a translation for a parameter the function does not have is an error listing the real ones", () => {
    const t = translations();
    t.functions.PEAKYEAR.parameters.tolerence = "容差。";
    expect(localizeMetadata(english(), t).errors).toEqual([
      "PEAKYEAR: the translation names parameter tolerence, which PEAKYEAR does not have (parameters: emissions, tolerance)",
    ]);
  });
  test("an empty or untranslated (English-only) text is an error", () => {
    const t = translations();
    t.functions.PEAKYEAR.description = "Peak year.";
    t.functions.PEAKYEAR.parameters.emissions = "";
    expect(localizeMetadata(english(), t).errors).toEqual([
      "PEAKYEAR: the zh-CN description is missing or has no Chinese text",
      "PEAKYEAR: parameter emissions: the zh-CN text is empty or has no Chinese text",
    ]);
  });
  test("a localized name that breaks Excel's naming rules is an error", () => {
    const t = translations();
    t.functions.PEAKYEAR.name = "达峰";
    expect(localizeMetadata(english(), t).errors[0]).toContain('localized name "达峰" must start with a letter');
    expect(checkLocalizedName("PEAK YEAR")).toBeDefined();
    expect(checkLocalizedName("1PEAK")).toBeDefined();
  });
});

describe("localizeMetadata — edge cases", () => {
  test("translations for ids not in functions.json (yet) only warn, and are not emitted", () => {
    const t = translations();
    t.functions.PROJECT = { description: "外推。", parameters: { base_value: "基准值。" } };
    const r = localizeMetadata(english(), t);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(["translated but not in functions.json (yet), so not emitted: PROJECT"]);
    expect(r.metadata.functions.map((f) => f.id)).toEqual(["PEAKYEAR"]);
  });
  test("a Chinese localized name is allowed (Excel: any Unicode letters, _ and ., at least 3 characters)", () => {
    const t = translations();
    t.functions.PEAKYEAR.name = "达峰年份";
    const r = localizeMetadata(english(), t);
    expect(r.errors).toEqual([]);
    expect(r.metadata.functions[0]).toMatchObject({ id: "PEAKYEAR", name: "达峰年份" });
  });
  test("a function without parameters needs only its description", () => {
    const en: Metadata = { functions: [{ id: "NOW.YEAR", name: "NOW.YEAR", parameters: [], result: { type: "number" } }] };
    expect(localizeMetadata(en, { functions: { "NOW.YEAR": { description: "今年。", parameters: {} } } }).errors).toEqual([]);
  });
});

describe("localizeMetadata — invariants", () => {
  test("everything except name and descriptions is copied unchanged; the input is not modified", () => {
    const en = english();
    const before = JSON.stringify(en);
    const r = localizeMetadata(en, translations());
    expect(JSON.stringify(en)).toBe(before);
    const strip = (m: Metadata) => JSON.parse(JSON.stringify(m, (k, v) => (k === "description" ? undefined : v)));
    expect(strip(r.metadata)).toEqual(strip(en));
  });
});

describe("the webpack build (ZhCnMetadataPlugin)", () => {
  function build(tablePath: string): Promise<webpack.Stats> {
    const dir = mkdtempSync(join(tmpdir(), "zh-cn-"));
    writeFileSync(join(dir, "entry.js"), "export const x = 1;\n");
    const emitEnglish = {
      apply(compiler: webpack.Compiler) {
        compiler.hooks.compilation.tap("FakeMetadata", (compilation) => {
          compilation.emitAsset("functions.json", new compiler.webpack.sources.RawSource(JSON.stringify(english())));
        });
      },
    };
    const compiler = webpack({
      mode: "none",
      context: dir,
      entry: "./entry.js",
      output: { path: join(dir, "dist") },
      plugins: [emitEnglish, new ZhCnMetadataPlugin({ table: tablePath }) as unknown as webpack.WebpackPluginInstance],
    });
    return new Promise((resolve, reject) => compiler.run((e, stats) => (e || !stats ? reject(e) : compiler.close(() => resolve(stats)))));
  }

  test("fails, listing every missing function and parameter, when the table lacks a translation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zh-cn-table-"));
    const t = translations();
    delete t.functions.PEAKYEAR.parameters.tolerance;
    writeFileSync(join(dir, "t.json"), JSON.stringify(t));
    const stats = await build(join(dir, "t.json"));
    expect(stats.hasErrors()).toBe(true);
    const message = stats
      .toJson({ all: false, errors: true })
      .errors!.map((e) => e.message)
      .join("\n");
    expect(message).toContain("[zh-CN metadata]");
    expect(message).toContain("PEAKYEAR: parameter tolerance has no zh-CN translation");
    expect(existsSync(join(stats.compilation.outputOptions.path!, "functions.zh-CN.json"))).toBe(false);
  });
  test("fails with the file name when the table is not valid JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zh-cn-table-"));
    writeFileSync(join(dir, "t.json"), "{ not json");
    const stats = await build(join(dir, "t.json"));
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toJson({ all: false, errors: true }).errors![0].message).toContain("t.json");
  });
  test("emits functions.zh-CN.json, with only a warning for translations ahead of their functions", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zh-cn-table-"));
    const t = translations();
    t.functions.COMBINE = { description: "组合比例。", parameters: { shares: "比例。" } };
    writeFileSync(join(dir, "t.json"), JSON.stringify(t));
    const stats = await build(join(dir, "t.json"));
    expect(stats.hasErrors()).toBe(false);
    expect(
      stats
        .toJson({ all: false, warnings: true })
        .warnings!.map((w) => w.message)
        .join("\n"),
    ).toContain("COMBINE");
    const out = JSON.parse(readFileSync(join(stats.compilation.outputOptions.path!, "functions.zh-CN.json"), "utf8")) as Metadata;
    expect(out.functions[0].description).toBe("达峰年份。");
  });
  test("the real build reads the table at src/functions/translations.zh-CN.json", () => {
    expect(TABLE_PATH.replace(/\\/g, "/")).toMatch(/src\/functions\/translations\.zh-CN\.json$/);
  });
});
