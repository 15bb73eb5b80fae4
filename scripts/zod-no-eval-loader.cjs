// Webpack loader for zod's v4/core/util.js: removes the code of zod's eval probe (`new Function("")` inside a
// try) from the bundles. At run time the probe is already skipped — the engine sets z.config({ jitless: true })
// (src/engine/input/schema.ts), and a build test runs the worker bundle with Function and eval as traps — but
// zod still ships the probe's code, which the minifier turns into a literal `new Function("")`: this loader keeps
// the bundles free of any eval text (test/build.test.ts). Fails the build if the probe is no longer found, so a
// zod upgrade that moves or drops it is noticed (then delete this loader if zod no longer ships it).
const PROBE = /const F = Function;\s*new F\(""\);\s*return true;/;

module.exports = function zodNoEvalLoader(source) {
  if (!PROBE.test(source)) {
    this.emitError(new Error("zod-no-eval-loader: zod's eval probe was not found in " + this.resourcePath + " (zod changed?)"));
    return source;
  }
  return source.replace(PROBE, "return false; // eval probe removed at build time (scripts/zod-no-eval-loader.cjs)");
};
