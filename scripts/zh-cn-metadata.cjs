// Chinese (zh-CN) custom-function metadata, generated at build time.
//
// custom-functions-metadata-plugin writes functions.json in English from the JSDoc of
// src/functions/functions.ts. The manifest's zh-CN override of Functions.Metadata.Url names
// functions.zh-CN.json, which this module produces from that file and a translation table keyed by
// function id (src/functions/translations.zh-CN.json):
//
//   { "functions": { "<ID>": { "name"?: "<localized name>", "description": "…",
//                              "parameters": { "<parameter name>": "…" } } } }
//
// Everything but the texts (ids, parameter names and order, types, dimensionality, optional flags,
// options, result) is copied unchanged, so both files describe the same functions. A function or
// parameter of functions.json without a translation, a translation naming a parameter the function
// does not have, an empty or non-Chinese text, or a localized name that breaks Excel's naming rules
// is an error that fails the build. Table entries for ids that functions.json does not have (yet) are
// warnings, so translations can be written before their functions land.

const fs = require("fs");
const path = require("path");

/** The translation table used by the build. */
const TABLE_PATH = path.join(__dirname, "..", "src", "functions", "translations.zh-CN.json");

/** Any CJK ideograph: a Chinese text must contain at least one. */
const HAN = /\p{Script=Han}/u;

/**
 * Excel's rule for a function's display name: starts with a letter, then Unicode letters,
 * underscores and periods, at least three characters (Microsoft Learn, "Custom functions naming
 * and localization").
 */
const EXCEL_NAME = /^\p{L}[\p{L}_.]{2,}$/u;

/** Why `name` cannot be an Excel custom-function name, or undefined when it can. */
function checkLocalizedName(name) {
  if (typeof name !== "string") return "is not text";
  if (!EXCEL_NAME.test(name)) return "must start with a letter and use only letters, _ and . (at least 3 characters)";
  return undefined;
}

function isChinese(text) {
  return typeof text === "string" && text.trim() !== "" && HAN.test(text);
}

/**
 * Applies the translation table to the English metadata.
 * @param {{ functions: Array<{ id: string, name: string, description?: string, parameters?: Array<{ name: string, description?: string }> }> }} english parsed functions.json
 * @param {{ functions?: Record<string, { name?: string, description?: string, parameters?: Record<string, string> }> }} table parsed translation table
 * @returns {{ metadata: object, errors: string[], warnings: string[] }} metadata is the localized copy; errors fail the build
 */
function localizeMetadata(english, table) {
  const errors = [];
  const warnings = [];
  const entries = (table && table.functions) || {};
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  if (!english || !Array.isArray(english.functions)) {
    return { metadata: english, errors: ['functions.json has no "functions" list'], warnings };
  }
  const ids = new Set(english.functions.map((f) => f.id));
  const functions = english.functions.map((f) => {
    const t = own(entries, f.id) ? entries[f.id] : undefined;
    if (!t) {
      errors.push(`${f.id}: no zh-CN translation (add it to src/functions/translations.zh-CN.json)`);
      return f;
    }
    if (!isChinese(t.description)) errors.push(`${f.id}: the zh-CN description is missing or has no Chinese text`);
    let name = f.name;
    if (t.name !== undefined) {
      const problem = checkLocalizedName(t.name);
      if (problem) errors.push(`${f.id}: localized name ${JSON.stringify(t.name)} ${problem}`);
      else name = t.name;
    }
    const params = t.parameters || {};
    const names = new Set((f.parameters || []).map((p) => p.name));
    const parameters = (f.parameters || []).map((p) => {
      if (!own(params, p.name)) {
        errors.push(`${f.id}: parameter ${p.name} has no zh-CN translation`);
        return p;
      }
      if (!isChinese(params[p.name])) errors.push(`${f.id}: parameter ${p.name}: the zh-CN text is empty or has no Chinese text`);
      return { ...p, description: params[p.name] };
    });
    for (const extra of Object.keys(params)) {
      if (!names.has(extra))
        errors.push(`${f.id}: the translation names parameter ${extra}, which ${f.id} does not have (parameters: ${[...names].join(", ") || "none"})`);
    }
    return { ...f, name, description: t.description, parameters };
  });
  const pending = Object.keys(entries).filter((id) => !ids.has(id));
  if (pending.length > 0) warnings.push(`translated but not in functions.json (yet), so not emitted: ${pending.join(", ")}`);
  return { metadata: { ...english, functions }, errors, warnings };
}

/** Reads and parses the translation table; throws with the file name on bad JSON. */
function readTable(file = TABLE_PATH) {
  const text = fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: ${e.message}`, { cause: e });
  }
}

/**
 * Webpack plugin: after custom-functions-metadata-plugin has added functions.json, emits
 * functions.zh-CN.json from it and the translation table. Translation errors are compilation
 * errors (the build fails, listing every missing id and parameter); extra ids are warnings.
 */
class ZhCnMetadataPlugin {
  /** @param {{ table?: string, input?: string, output?: string }} [options] */
  constructor(options = {}) {
    this.table = options.table || TABLE_PATH;
    this.input = options.input || "functions.json";
    this.output = options.output || "functions.zh-CN.json";
  }

  apply(compiler) {
    const name = "ZhCnMetadataPlugin";
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(this.table);
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const english = compilation.getAsset(this.input);
        if (!english) return; // the metadata plugin already reported why
        let result;
        try {
          result = localizeMetadata(JSON.parse(english.source.source().toString()), readTable(this.table));
        } catch (e) {
          compilation.errors.push(new WebpackError(`[zh-CN metadata] ${e.message}`));
          return;
        }
        for (const w of result.warnings) compilation.warnings.push(new WebpackError(`[zh-CN metadata] ${w}`));
        if (result.errors.length > 0) {
          compilation.errors.push(new WebpackError(`[zh-CN metadata] ${path.relative(process.cwd(), this.table)}:\n  ${result.errors.join("\n  ")}`));
          return;
        }
        compilation.emitAsset(this.output, new sources.RawSource(`${JSON.stringify(result.metadata, null, 4)}\n`));
      });
    });
  }
}

module.exports = { TABLE_PATH, ZhCnMetadataPlugin, checkLocalizedName, localizeMetadata, readTable };
