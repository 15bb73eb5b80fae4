/* CI's production-dependency audit (scripts/audit-prod.cjs + .mjs): what `npm audit --omit=dev --json`
 * output makes CI fail. The report shape is npm's audit report v2 (npm ≥ 7: `vulnerabilities` keyed by
 * package, each with `severity` and `via` advisories, plus `metadata.vulnerabilities` counts); the error
 * shape is what npm 11 prints when the advisory endpoint refuses the request (seen here: HTTP 405). The
 * runner is exercised end to end with a stand-in `npm` on PATH, so no test talks to a registry. */

import { spawnSync } from "child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { delimiter, join } from "path";
import { auditVerdict, classifyAudit } from "../../scripts/audit-prod.cjs";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// Some tests here start node processes: a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

const root = join(__dirname, "..", "..");

function report(vulnerabilities: Record<string, unknown>, counts: Partial<Record<string, number>>): string {
  const all = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { ...all, total }, dependencies: { prod: 120, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 120 } },
  });
}

const advisory = (name: string, severity: string, title: string, range: string) => ({
  source: 1,
  name,
  dependency: name,
  title,
  url: `https://advisories.example/${name}`,
  severity,
  range,
});

const criticalAndModerate = report(
  {
    minimist: {
      name: "minimist",
      severity: "critical",
      isDirect: false,
      via: [advisory("minimist", "critical", "Prototype Pollution in minimist", "<0.2.4")],
      effects: ["mkdirp"],
      range: "<0.2.4",
      nodes: ["node_modules/minimist"],
      fixAvailable: true,
    },
    mkdirp: {
      name: "mkdirp",
      severity: "critical",
      isDirect: true,
      via: ["minimist"],
      effects: [],
      range: "0.4.1 - 0.5.1",
      nodes: ["node_modules/mkdirp"],
      fixAvailable: true,
    },
    tmp: {
      name: "tmp",
      severity: "moderate",
      isDirect: false,
      via: [advisory("tmp", "moderate", "tmp allows symlink writes", "<=0.2.3")],
      effects: [],
      range: "<=0.2.3",
      nodes: ["node_modules/tmp"],
      fixAvailable: true,
    },
  },
  { critical: 2, moderate: 1 },
);

const refused = JSON.stringify({
  message: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk",
  method: "POST",
  statusCode: 405,
  body: "",
  error: { summary: "", detail: "" },
});

describe("npm audit gate", () => {
  describe("argument validation", () => {
    test("output that is not JSON counts as an audit that did not run, quoting its first line", () => {
      const r = classifyAudit("npm ERR! something odd\nmore");
      expect(r).toEqual({ kind: "unavailable", reason: expect.stringContaining("npm ERR! something odd") });
    });

    test("a JSON value that is not an object counts as an audit that did not run", () => {
      expect(classifyAudit("42").kind).toBe("unavailable");
      expect(classifyAudit("null").kind).toBe("unavailable");
    });
  });

  describe("edge cases", () => {
    test("an advisory endpoint answering 405 is an audit that did not run, with the status in the reason", () => {
      const r = classifyAudit(refused);
      expect(r.kind).toBe("unavailable");
      expect(r.kind === "unavailable" && r.reason).toContain("HTTP 405");
    });

    test("an offline machine (ENOTFOUND) is an audit that did not run", () => {
      const r = classifyAudit(JSON.stringify({ error: { code: "ENOTFOUND", summary: "request to the registry failed", detail: "" } }));
      expect(r).toEqual({ kind: "unavailable", reason: expect.stringContaining("ENOTFOUND") });
    });

    test("an audit that did not run passes loudly by default and fails when required", () => {
      const r = classifyAudit(refused);
      const lenient = auditVerdict(r);
      expect(lenient.exitCode).toBe(0);
      expect(lenient.lines[0]).toMatch(/NOT RUN/);
      expect(auditVerdict(r, { require: true }).exitCode).toBe(1);
    });

    test("metadata counting a high finding whose entry is missing still fails", () => {
      const r = classifyAudit(report({}, { high: 1 }));
      expect(auditVerdict(r).exitCode).toBe(1);
    });
  });

  describe("invariants", () => {
    test("a clean report passes and says so", () => {
      const v = auditVerdict(classifyAudit(report({}, {})));
      expect(v).toEqual({ exitCode: 0, lines: [expect.stringContaining("no high or critical issue")] });
    });

    test("low and moderate findings are listed in the counts but do not fail", () => {
      const only = report({ tmp: { name: "tmp", severity: "moderate", via: [advisory("tmp", "moderate", "t", "<1")], range: "<1" } }, { moderate: 1, low: 2 });
      const v = auditVerdict(classifyAudit(only));
      expect(v.exitCode).toBe(0);
      expect(v.lines[0]).toContain("1 moderate, 2 low");
    });
  });

  describe("reference values", () => {
    test("every high or critical package is listed at once, most severe first, with its advisory", () => {
      const r = classifyAudit(criticalAndModerate);
      expect(r.kind).toBe("report");
      if (r.kind !== "report") return;
      expect(r.counts).toEqual({ info: 0, low: 0, moderate: 1, high: 0, critical: 2 });
      expect(r.blocking.map((b) => b.name)).toEqual(["minimist", "mkdirp"]);
      const v = auditVerdict(r);
      expect(v.exitCode).toBe(1);
      expect(v.lines.join("\n")).toContain("minimist (<0.2.4): Prototype Pollution in minimist https://advisories.example/minimist");
      expect(v.lines.join("\n")).toContain("mkdirp (0.4.1 - 0.5.1): via a vulnerable dependency");
      expect(v.lines.join("\n")).not.toContain("tmp");
    });
  });

  describe("the runner (scripts/audit-prod.mjs) with a stand-in npm", () => {
    function runWith(npmStdout: string, args: string[] = [], env: Record<string, string> = {}) {
      const bin = mkdtempSync(join(tmpdir(), "fake-npm-"));
      const out = join(bin, "out.json");
      writeFileSync(out, npmStdout);
      writeFileSync(
        join(bin, "npm"),
        `#!/bin/sh\n[ "$1 $2 $3" = "audit --omit=dev --json" ] || { echo "unexpected args: $*" >&2; exit 9; }\ncat "${out}"\nexit 1\n`,
      );
      chmodSync(join(bin, "npm"), 0o755);
      return spawnSync(process.execPath, [join(root, "scripts", "audit-prod.mjs"), ...args], {
        encoding: "utf8",
        env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`, CARBONPEAK_AUDIT: "", ...env },
      });
    }

    test("exits 1 and names the package when npm reports a critical finding", () => {
      const r = runWith(criticalAndModerate);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("Prototype Pollution in minimist");
    });

    test("exits 0 on a refused endpoint, and 1 with --require or CARBONPEAK_AUDIT=required", () => {
      expect(runWith(refused).status).toBe(0);
      expect(runWith(refused, ["--require"]).status).toBe(1);
      expect(runWith(refused, [], { CARBONPEAK_AUDIT: "required" }).status).toBe(1);
    });

    test("rejects an unknown option with exit code 2", () => {
      expect(runWith(refused, ["--nope"]).status).toBe(2);
    });
  });
});
