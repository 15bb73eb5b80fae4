// Reads the JSON that `npm audit --omit=dev --json` prints and decides what CI does with it.
//
// Issue #7: "npm audit --omit=dev reports no high or critical issue (CI fails otherwise)". npm prints one of
//   - an audit report (auditReportVersion 2: { vulnerabilities: { name: { severity, via, ... } }, metadata }),
//   - an error object when the registry's advisory endpoint cannot be reached or refuses the request
//     (e.g. { statusCode: 405, message: "405 Method Not Allowed - POST …/advisories/bulk" } on a mirror that
//     serves packages but not advisories, or { error: { code: "ENOTFOUND", … } } offline).
// A report with a high or critical finding fails CI. An unreachable endpoint is reported loudly and fails only
// when the audit is required (scripts/audit-prod.mjs --require), because a registry that cannot answer says
// nothing about the dependencies. The logic is here (CommonJS, so ts-jest tests can require it).

const BLOCKING = new Set(["high", "critical"]);
const SEVERITIES = ["info", "low", "moderate", "high", "critical"];

/**
 * Classifies npm audit's JSON output.
 * @param {string} text what `npm audit --json` printed on stdout
 * @returns {{kind: "report", counts: Record<string, number>, blocking: Array<{name: string, severity: string, titles: string[], urls: string[], range: string}>}
 *         | {kind: "unavailable", reason: string}}
 * @example classifyAudit('{"auditReportVersion":2,"vulnerabilities":{},"metadata":{"vulnerabilities":{"high":0}}}').kind // "report"
 */
function classifyAudit(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    const first = String(text).trim().split("\n")[0] || "(no output)";
    return { kind: "unavailable", reason: `npm audit printed no JSON: ${first.slice(0, 200)}` };
  }
  if (json === null || typeof json !== "object") {
    return { kind: "unavailable", reason: "npm audit printed JSON that is not an object" };
  }
  const isReport = json.auditReportVersion !== undefined || (json.vulnerabilities && json.metadata);
  if (!isReport) {
    const err = json.error && typeof json.error === "object" ? json.error : {};
    const parts = [json.message, err.code, err.summary, json.statusCode !== undefined ? `HTTP ${json.statusCode}` : undefined]
      .filter((p) => typeof p === "string" || typeof p === "number")
      .map(String)
      .filter((p) => p.length > 0);
    return { kind: "unavailable", reason: parts.length > 0 ? [...new Set(parts)].join(" — ") : "unrecognised npm audit output" };
  }
  const counts = {};
  const fromMeta = json.metadata && json.metadata.vulnerabilities ? json.metadata.vulnerabilities : {};
  for (const s of SEVERITIES) counts[s] = Number.isFinite(fromMeta[s]) ? fromMeta[s] : 0;
  const blocking = [];
  for (const [name, v] of Object.entries(json.vulnerabilities || {})) {
    if (!v || !BLOCKING.has(v.severity)) continue;
    const advisories = Array.isArray(v.via) ? v.via.filter((x) => x && typeof x === "object") : [];
    blocking.push({
      name: v.name || name,
      severity: v.severity,
      titles: advisories.map((a) => String(a.title || "")).filter(Boolean),
      urls: advisories.map((a) => String(a.url || "")).filter(Boolean),
      range: String(v.range || ""),
    });
  }
  // metadata can count findings whose entries were pruned; never report fewer than it says.
  if (blocking.length === 0 && counts.high + counts.critical > 0) {
    blocking.push({ name: "(see npm audit)", severity: counts.critical > 0 ? "critical" : "high", titles: [], urls: [], range: "" });
  }
  blocking.sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.name.localeCompare(b.name));
  return { kind: "report", counts, blocking };
}

/**
 * What CI does with a classified audit: the lines to print and the exit code.
 * @param {ReturnType<typeof classifyAudit>} result
 * @param {{require?: boolean}} [options] require: an unreachable advisory endpoint fails too
 * @returns {{exitCode: 0 | 1, lines: string[]}}
 * @example auditVerdict({kind: "unavailable", reason: "HTTP 405"}, {require: true}).exitCode // 1
 */
function auditVerdict(result, options = {}) {
  if (result.kind === "unavailable") {
    return {
      exitCode: options.require ? 1 : 0,
      lines: [
        `npm audit --omit=dev: NOT RUN — the registry's advisory endpoint did not answer (${result.reason}).`,
        options.require
          ? "The audit is required (--require): failing."
          : "Nothing is known about advisories for the production dependencies from this run; run it where the endpoint answers, or pass --require to fail here.",
      ],
    };
  }
  const c = result.counts;
  const summary = `npm audit --omit=dev: ${c.critical} critical, ${c.high} high, ${c.moderate} moderate, ${c.low} low, ${c.info} info`;
  if (result.blocking.length === 0) return { exitCode: 0, lines: [`${summary} — no high or critical issue.`] };
  const lines = [`${summary} — failing on high/critical:`];
  for (const b of result.blocking) {
    const what = b.titles.length > 0 ? b.titles.join("; ") : "via a vulnerable dependency";
    lines.push(`  ${b.severity.padEnd(8)} ${b.name}${b.range ? ` (${b.range})` : ""}: ${what}${b.urls.length > 0 ? ` ${b.urls.join(" ")}` : ""}`);
  }
  return { exitCode: 1, lines };
}

module.exports = { classifyAudit, auditVerdict };
