import type { Finding, FindingCounts } from "../core/check-model.js";
import type { RuleCount } from "../core/check-policy.js";
import { forTerminal } from "./terminal-text.js";
import type { Theme } from "./theme.js";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One finding as two lines: `path:line: severity message [rule]` and its hint. */
function renderFinding(finding: Finding, theme: Theme): string {
  const f = forTerminal(finding);
  const where = theme.path(f.line !== undefined ? `${f.path}:${f.line}` : f.path);
  const sev = f.severity === "error" ? theme.error("error") : theme.warn("warning");
  return `${where}: ${sev} ${f.message} ${theme.dim(`[${f.rule}]`)}\n  ${theme.meta(`hint: ${f.hint}`)}`;
}

/** Every finding, in the order given, ready to print on stdout (empty when there are none). */
export function renderFindings(findings: readonly Finding[], theme: Theme): string {
  return findings.map((f) => renderFinding(f, theme)).join("\n");
}

/** The one-line tally for stderr: `checked 12 notes: 2 errors, 1 warning`. */
export function renderCheckSummary(counts: FindingCounts, theme: Theme): string {
  const head = `checked ${plural(counts.files, "note")}`;
  if (counts.errors === 0 && counts.warnings === 0) return `${head}: ${theme.ok("no problems")}`;
  const parts = [
    counts.errors ? theme.error(plural(counts.errors, "error")) : "",
    counts.warnings ? theme.warn(plural(counts.warnings, "warning")) : "",
  ];
  return `${head}: ${parts.filter(Boolean).join(", ")}`;
}

/** The count per rule, most first, as the head of `learn check`'s output: `  12  warning  broken-link`. */
export function renderRuleSummary(summary: readonly RuleCount[], theme: Theme): string {
  const width = String(Math.max(0, ...summary.map((s) => s.count))).length;
  const lines = summary.map((s) => {
    const sev = s.severity === "error" ? theme.error("error  ") : theme.warn("warning");
    return `  ${String(s.count).padStart(width)}  ${sev}  ${forTerminal(s.rule)}`;
  });
  return [theme.heading(`findings by rule (${plural(summary.length, "rule")}):`), ...lines].join("\n");
}
