import { ruleSummary } from "./check-policy.js";
import { JSON_VERSION, type CheckJson } from "./json-types.js";

/** How bad a finding is: errors fail `learn check` (exit 1), warnings do not. */
export type Severity = "error" | "warning";

/** One thing `learn check` found: where, which rule, how bad, what, and how to fix it. */
export interface Finding {
  /** Path relative to the workspace root, forward slashes. */
  path: string;
  /** 1-based line, when known. */
  line?: number;
  /** Rule id, e.g. `front-matter/status`, `broken-link`, `secret/github`. */
  rule: string;
  severity: Severity;
  message: string;
  hint: string;
}

/** How many findings of each severity, and how many files were checked. */
export interface FindingCounts {
  files: number;
  errors: number;
  warnings: number;
}

/** Sort findings by path, line, rule and message so output is stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.path.localeCompare(b.path, "en") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule, "en") ||
      a.message.localeCompare(b.message, "en"),
  );
}

/** Drop exact repeats (same path, line, rule and message). */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path}\0${f.line ?? ""}\0${f.rule}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Count errors and warnings. */
export function countFindings(findings: readonly Finding[], files: number): FindingCounts {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { files, errors, warnings: findings.length - errors };
}

/** The `learn check --json` document: the count per rule (most first), every finding (line null when unknown), the counts. */
export function toCheckJson(findings: readonly Finding[], counts: FindingCounts): CheckJson {
  return {
    version: JSON_VERSION,
    summary: ruleSummary(findings),
    findings: findings.map((f) => ({
      path: f.path,
      line: f.line ?? null,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      hint: f.hint,
    })),
    counts,
  };
}
