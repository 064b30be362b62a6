import { ownsNote, problemFindings, rulePolicy } from "../core/check-policy.js";
import type { Context } from "../core/context.js";
import type { IndexProblem } from "../core/index-types.js";

// Apart from note-checks (which reads and parses notes): `status` and a no-change `index` count
// the stored problems without loading the front-matter checker and its schema.

/**
 * The index's problems under the workspace's rule settings (ids, default severities, `check.rules`,
 * learn's schema only on learn's own notes): what `index` and `status` report, so they count as
 * `learn check` does. `notes` (path and learn type) is asked for only outside the learn dialect.
 */
export function ruledProblems(
  ctx: Context,
  problems: readonly IndexProblem[],
  notes: () => readonly { path: string; type: string | null }[],
): IndexProblem[] {
  if (problems.length === 0) return [];
  const dialect = ctx.config.dialect;
  let types: Map<string, string | null> | undefined;
  const owned = (path: string): boolean => {
    if (ownsNote(dialect, null)) return true;
    types ??= new Map(notes().map((n) => [n.path, n.type]));
    return ownsNote(dialect, types.get(path));
  };
  return problemFindings(problems, rulePolicy(ctx.config.check?.rules), owned).map((f) => ({
    path: f.path,
    ...(f.line === undefined ? {} : { line: f.line }),
    reason: f.message,
    severity: f.severity,
  }));
}
