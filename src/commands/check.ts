import { readNoteText, secretFindings } from "../app/note-checks.js";
import { frontMatterFindings } from "../core/check-front-matter.js";
import { isPublic, linkFindings } from "../core/check-links.js";
import { duplicateIdFindings, duplicateSlugFindings } from "../core/check-notes.js";
import {
  countFindings,
  dedupeFindings,
  sortFindings,
  toCheckJson,
  type Finding,
  type FindingCounts,
} from "../core/check-model.js";
import { FindingsError } from "../core/errors.js";
import { parseNote } from "../core/note-parse.js";
import { placeholderFindings } from "../core/check-placeholders.js";
import { roadmapFindings } from "../core/check-roadmap.js";
import { slugFromPath } from "../core/slug.js";
import type { IndexHandle, IndexProblem } from "../core/index-types.js";
import { renderCheckSummary, renderFindings } from "../ui/render-check.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { plainTheme } from "../ui/theme.js";
import { createContext, type Context } from "../workspace/context.js";
import { stagedNotes } from "../workspace/git-staged.js";
import { templateTexts } from "../workspace/note-substance.js";
import { loadSecretAllowlist } from "../workspace/secrets.js";

/** Options of `learn check`. */
export interface CheckOptions extends GlobalOptions {
  /** Check only the notes staged in git, as staged. */
  staged?: boolean;
}

/** What a check found, over which files. */
export interface CheckReport {
  findings: Finding[];
  counts: FindingCounts;
}

/** Index problems check does not find itself: files it could not read. */
function indexFindings(
  problems: readonly IndexProblem[],
  parsed: ReadonlySet<string>,
  only?: ReadonlySet<string>,
): Finding[] {
  return problems.flatMap((p): Finding[] => {
    if (only && !only.has(p.path)) return [];
    if (/^duplicate slug/.test(p.reason)) return []; // duplicateSlugFindings also sees Unicode forms and case
    if (parsed.has(p.path) && !/ MiB/.test(p.reason)) return []; // check re-parses these itself, with line numbers
    return [
      {
        path: p.path,
        line: p.line,
        rule: "unreadable",
        severity: p.severity,
        message: p.reason,
        hint: "fix or move the file out of notes/",
      },
    ];
  });
}

/** Run every check over the workspace's notes (or only the staged ones). */
export async function runCheck(
  ctx: Context,
  index: IndexHandle,
  opts: { staged?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<CheckReport> {
  const notes = index.allNotes();
  const files = opts.staged
    ? stagedNotes(ctx.ws, opts.env)
    : notes.flatMap((n) => {
        const text = readNoteText(ctx, n.path);
        return text === undefined ? [] : [{ path: n.path, text }];
      });
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const findings: Finding[] = [];
  const allow = loadSecretAllowlist(ctx.ws.root);
  const parsedFiles = [];
  const templates = templateTexts(ctx.ws);
  for (const f of files) {
    const parsed = parseNote(f.text, slugFromPath(f.path));
    parsedFiles.push({ ...f, parsed });
    const visible = { body: parsed.body, isPublic: isPublic(parsed.data) };
    findings.push(...placeholderFindings(f.path, f.text, visible, templates(parsed.data.type)));
    findings.push(...frontMatterFindings(f.path, f.text, parsed, ctx.config));
    findings.push(...(await secretFindings(f.path, f.text, isPublic(parsed.data), allow)));
  }
  findings.push(...roadmapFindings(parsedFiles));
  const only = opts.staged ? new Set(texts.keys()) : undefined;
  const textOf = (p: string): string | undefined => texts.get(p) ?? readNoteText(ctx, p);
  findings.push(...linkFindings(notes, index.allLinks(), textOf, only));
  findings.push(...duplicateSlugFindings(notes, only), ...duplicateIdFindings(notes, textOf, only));
  findings.push(...indexFindings(index.problems(), new Set(texts.keys()), only));
  const sorted = sortFindings(dedupeFindings(findings));
  return { findings: sorted, counts: countFindings(sorted, files.length) };
}

/** `learn check`: report schema, YAML, link and secret problems; exit 1 when any is an error. */
export async function check(opts: CheckOptions, io: IO): Promise<CheckReport> {
  const ctx = await createContext(opts, io);
  const { withIndex } = await import("../store/open-lazy.js");
  const report = await withIndex(ctx, {}, (index) => runCheck(ctx, index, { staged: opts.staged, env: io.env }));
  const { findings, counts } = report;
  if (opts.json) io.json(toCheckJson(findings, counts));
  else if (findings.length) io.out(renderFindings(findings, io.theme));
  if (counts.errors > 0)
    throw new FindingsError(
      renderCheckSummary(counts, plainTheme()),
      "fix the errors above, then run `learn check` again",
    );
  if (!opts.json) io.err(renderCheckSummary(counts, io.theme));
  return report;
}
