#!/usr/bin/env node
// CI's dependency audit: `npm audit --omit=dev --json`, failing on any high or critical finding.
//
//   node scripts/audit-prod.mjs [--require]
//
// When the registry's advisory endpoint cannot be reached (offline, or a mirror answering 405), the audit
// is reported as NOT RUN and passes, unless --require (or CARBONPEAK_AUDIT=required) makes that fail too.
// The decision logic is in audit-prod.cjs (tested in test/scripts/audit.test.ts).

import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { classifyAudit, auditVerdict } = require("./audit-prod.cjs");

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--require");
if (unknown.length > 0) {
  console.error(`usage: node scripts/audit-prod.mjs [--require] (unknown: ${unknown.join(" ")})`);
  process.exit(2);
}
const required = args.includes("--require") || process.env.CARBONPEAK_AUDIT === "required";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = spawnSync(npm, ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
const text = run.error ? `{"message": ${JSON.stringify(String(run.error.message))}}` : run.stdout;
const verdict = auditVerdict(classifyAudit(text), { require: required });
for (const line of verdict.lines) (verdict.exitCode === 0 ? console.log : console.error)(line);
process.exit(verdict.exitCode);
