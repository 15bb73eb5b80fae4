#!/usr/bin/env node
// The carbon-peak command: runs the compiled CLI (lib/cli/main.js, built by `npm run build:cli`).
"use strict";
const path = require("path");
const fs = require("fs");

const compiled = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write("carbon-peak: the CLI is not built yet; run `npm run build:cli` in " + path.join(__dirname, "..") + "\n");
  process.exit(2);
}
require(compiled)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
