// Webpack loader for zod's v4/core/util.js: removes zod's eval probe (`new Function("")` inside a try),
// so the bundles contain no eval of any kind and the task pane's CSP (no 'unsafe-eval') never reports a
// violation. zod then always uses its non-JIT object parser (the same one it uses under CSP anyway).
// Fails the build if the probe is no longer found, so a zod upgrade that moves it is noticed.
const PROBE = /const F = Function;\s*new F\(""\);\s*return true;/;

module.exports = function zodNoEvalLoader(source) {
  if (!PROBE.test(source)) {
    this.emitError(new Error("zod-no-eval-loader: zod's eval probe was not found in " + this.resourcePath + " (zod changed?)"));
    return source;
  }
  return source.replace(PROBE, "return false; // eval probe removed at build time (scripts/zod-no-eval-loader.cjs)");
};
