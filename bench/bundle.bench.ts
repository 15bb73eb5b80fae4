/**
 * Bundle sizes (issue "Benchmarks" 6): the production webpack build (webpack.config.js, mode
 * production, as `npm run build`) run here through the webpack Node API into
 * node_modules/.cache/bench-bundle (dist/ is left alone), so the figures are always those of the
 * current sources. For functions.js, taskpane.js and mcworker.js: minified bytes and gzipped bytes
 * (node zlib, level 9), and what each dependency contributes — the modules' sizes as webpack reports
 * them (before minification), summed by package (node_modules/<pkg>) or source folder (src/<folder>).
 * The breakdown goes to bench/bundle-sizes.json and is printed.
 * Result rows: value = gzipped bytes, baseline = functions.js gzipped in the same build (ratio = size
 * relative to functions.js).
 */
import { readFileSync, writeFileSync } from "fs";
import { createRequire } from "module";
import { join } from "path";
import { gzipSync } from "zlib";
import webpack, { type Configuration } from "webpack";
import type { BenchResult } from "./harness";

const ROOT = join(__dirname, "..", "..", "..", "..");
const OUT = join(ROOT, "node_modules", ".cache", "bench-bundle");
const ENTRIES = ["functions", "taskpane", "mcworker"];

/** node_modules/<pkg> (scoped: @scope/name), src/<folder>, or the module's own name. */
function owner(name: string): string {
  const nm = name.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = name.slice(nm + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = /(?:^|\/)src\/([^/]+)\//.exec(name);
  if (src) return `src/${src[1]}`;
  if (/(?:^|\/)src\/[^/]+$/.test(name)) return "src";
  return name.startsWith("webpack/") ? "webpack runtime" : "other";
}

type Sizes = Record<string, Record<string, number>>;

/** Module sizes (before minification) by owner, per named chunk; concatenated modules are expanded into their parts. */
function sizesByOwner(compilation: webpack.Compilation): Sizes {
  const out: Sizes = {};
  for (const chunk of compilation.chunks) {
    if (!chunk.name) continue;
    const by: Record<string, number> = (out[chunk.name] = {});
    for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      const inner = (m as unknown as { modules?: webpack.Module[] }).modules ?? [m];
      for (const x of inner) {
        const key = owner((x as unknown as { resource?: string }).resource ?? x.identifier());
        by[key] = (by[key] ?? 0) + x.size();
      }
    }
  }
  return out;
}

async function build(): Promise<Sizes> {
  const req = createRequire(join(ROOT, "webpack.config.js"));
  const factory = req(join(ROOT, "webpack.config.js")) as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration>;
  const config = await factory({}, { mode: "production" });
  config.output = { ...config.output, path: OUT };
  config.context = ROOT;
  config.infrastructureLogging = { level: "error" };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error("webpack returned no stats"));
      if (stats.hasErrors())
        return reject(
          new Error(
            `webpack build failed: ${stats.compilation.errors
              .slice(0, 3)
              .map((e) => e.message)
              .join("\n")}`,
          ),
        );
      resolve(sizesByOwner(stats.compilation));
    });
  });
}

export async function bundleBenchmarks(): Promise<BenchResult[]> {
  const sizes = await build();
  const report: Record<string, { minified: number; gzipped: number; byPackage: Record<string, number> }> = {};
  for (const entry of ENTRIES) {
    const byPackage = sizes[entry];
    if (!byPackage) throw new Error(`no chunk ${entry}`);
    const file = readFileSync(join(OUT, `${entry}.js`));
    const sorted = Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1]));
    report[`${entry}.js`] = { minified: file.length, gzipped: gzipSync(file, { level: 9 }).length, byPackage: sorted };
  }
  writeFileSync(
    join(ROOT, "bench", "bundle-sizes.json"),
    `${JSON.stringify({ note: "production webpack build; minified/gzipped are the emitted files; byPackage sums module sizes before minification (bytes)", ...report }, null, 2)}\n`,
  );
  for (const [file, r] of Object.entries(report)) {
    console.log(`${file}: ${r.minified.toLocaleString("en")} B minified, ${r.gzipped.toLocaleString("en")} B gzipped; by package (pre-minification bytes):`);
    console.table(Object.entries(r.byPackage).map(([pkg, bytes]) => ({ pkg, bytes })));
  }
  const base = report["functions.js"].gzipped;
  return ENTRIES.map((e) => {
    const r = report[`${e}.js`];
    return {
      name: `bundle ${e}.js gzipped (minified ${r.minified.toLocaleString("en")} B) vs functions.js gzipped`,
      value: r.gzipped,
      unit: "bytes",
      baseline: base,
      ratio: Math.round((r.gzipped / base) * 1000) / 1000,
    };
  });
}
