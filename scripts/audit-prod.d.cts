// Types for audit-prod.cjs (what CI does with `npm audit --omit=dev --json`).

export interface BlockingFinding {
  name: string;
  severity: "high" | "critical";
  titles: string[];
  urls: string[];
  range: string;
}

export type AuditResult =
  | { kind: "report"; counts: Record<"info" | "low" | "moderate" | "high" | "critical", number>; blocking: BlockingFinding[] }
  | { kind: "unavailable"; reason: string };

export function classifyAudit(text: string): AuditResult;
export function auditVerdict(result: AuditResult, options?: { require?: boolean }): { exitCode: 0 | 1; lines: string[] };
