#!/usr/bin/env node
// Offline manifest check (the online `office-addin-manifest validate` is unusable without network).
//
//   node scripts/validate-manifest.mjs [manifest.xml] [--base-dir DIR] [--all-files]
//
// The checks live in validate-manifest.cjs (CommonJS, so ts-jest tests can require it). Icons and, with
// --all-files, every URL are resolved against --base-dir (default: the manifest's directory), so the same
// command checks ./manifest.xml (assets/ in the repository) and dist/manifest.xml (after a build).
// Exit code: 0 when the manifest is OK, 1 when there are problems, 2 on usage/IO errors.

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { validateManifest, formatProblem, summarizeManifest } = require("./validate-manifest.cjs");

const args = process.argv.slice(2);
let file = "manifest.xml";
let baseDir = null;
let checkAllUrls = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--base-dir") baseDir = args[++i];
  else if (a === "--all-files") checkAllUrls = true;
  else if (a === "-h" || a === "--help") {
    console.log("usage: node scripts/validate-manifest.mjs [manifest.xml] [--base-dir DIR] [--all-files]");
    process.exit(0);
  } else if (a.startsWith("-")) {
    console.error(`unknown option ${a}`);
    process.exit(2);
  } else file = a;
}

const path = resolve(file);
let xml;
try {
  xml = readFileSync(path, "utf8");
} catch (err) {
  console.error(`cannot read ${file}: ${err.message}`);
  process.exit(2);
}
const problems = validateManifest(xml, { baseDir: resolve(baseDir ?? dirname(path)), checkAllUrls });
if (problems.length > 0) {
  for (const p of problems) console.error(`${file}: ${formatProblem(p)}`);
  console.error(`${file}: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`${file}: manifest OK (offline checks) - ${summarizeManifest(xml)}`);
