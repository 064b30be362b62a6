import type { IndexProblem, RefreshStats } from "../core/index-types.js";
import { JSON_VERSION, type IndexJson } from "../core/json-types.js";
import { forTerminal } from "./terminal-text.js";
import type { Theme } from "./theme.js";

/** One problem as `path:line: reason` (the compiler-style form editors jump to). */
function formatProblem(problem: IndexProblem, theme: Theme): string {
  const p = forTerminal(problem);
  const where = theme.path(p.line !== undefined ? `${p.path}:${p.line}` : p.path);
  return `${where}: ${p.severity === "error" ? theme.error("error") : theme.warn("warning")}: ${p.reason}`;
}

/** The one-line summary of a refresh, for stderr. */
export function renderIndexSummary(stats: RefreshStats, ms: number): string {
  const n = stats.problems.length;
  const counts = `added ${stats.added}, updated ${stats.updated}, removed ${stats.removed}, unchanged ${stats.unchanged}`;
  return `indexed in ${(ms / 1000).toFixed(2)}s: ${counts}; ${n} problem${n === 1 ? "" : "s"}`;
}

/** Problems, one a line, for stdout: errors first, at most `max` of them, then how many more `learn check` lists. */
export function renderProblems(problems: readonly IndexProblem[], theme: Theme, max = Infinity): string {
  const first = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const lines = first.slice(0, max).map((p) => formatProblem(p, theme));
  const more = problems.length - lines.length;
  if (more > 0) lines.push(theme.meta(`… and ${more} more: learn check`));
  return lines.join("\n");
}

/** The stable JSON shape of `learn index --json`. */
export function toIndexJson(stats: RefreshStats, ms: number): IndexJson {
  return {
    version: JSON_VERSION,
    added: stats.added,
    updated: stats.updated,
    removed: stats.removed,
    unchanged: stats.unchanged,
    rebuilt: stats.rebuilt ?? null,
    ms: Math.round(ms),
    problems: stats.problems.map((p) => ({
      path: p.path,
      line: p.line ?? null,
      severity: p.severity,
      reason: p.reason,
    })),
  };
}
