import { CheckCache, ownFindingsButSecrets, readNoteText, secretHitFindings, textHash } from "../app/note-checks.js";
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
import {
  applyRules,
  knownRuleIds,
  ownsNote,
  ruleMatches,
  rulePolicy,
  ruleSummary,
  unknownRuleIds,
  type RuleCount,
} from "../core/check-policy.js";
import { FindingsError, UsageError } from "../core/errors.js";
import { NOTE_TYPES } from "../core/note-model.js";
import { parseNote, type ParsedNote } from "../core/note-parse.js";
import { roadmapFindings } from "../core/check-roadmap.js";
import { slugFromPath } from "../core/slug.js";
import type { IndexHandle, IndexProblem } from "../core/index-types.js";
import { renderCheckSummary, renderFindings, renderRuleSummary } from "../ui/render-check.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { plainTheme } from "../ui/theme.js";
import { createContext, type Context } from "../workspace/context.js";
import { stagedNotes } from "../workspace/git-staged.js";
import { templateTexts } from "../workspace/note-substance.js";
import { SecretScanner } from "../workspace/secret-pool.js";
import { loadSecretAllowlist } from "../workspace/secrets-allow.js";

/** Options of `learn check`. */
export interface CheckOptions extends GlobalOptions {
  /** Check only the notes staged in git, as staged. */
  staged?: boolean;
  /** Show only these rules (ids or families, e.g. `broken-link`, `secret`); commas split too. */
  rule?: string[];
}

/** What a check found, over which files, and how many of each rule. */
export interface CheckReport {
  findings: Finding[];
  counts: FindingCounts;
  summary: RuleCount[];
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
        rule: / MiB/.test(p.reason) ? "too-large" : "unreadable",
        severity: p.severity,
        message: p.reason,
        hint: "fix or move the file out of notes/",
      },
    ];
  });
}

/** What the cached per-note findings depend on besides the note's text: config, templates, allowlist. */
function cacheStamp(ctx: Context, templates: ReturnType<typeof templateTexts>, allow: ReadonlySet<string>): string[] {
  const tpl = NOTE_TYPES.map((t) => {
    const x = templates(t);
    return `${[...x.lines].join("\n")}\0${[...x.placeholders].join("\n")}`;
  });
  // The whole config, not only domains and roles: how a note reads may depend on any of it (its dialect,
  // say). Not the rule settings: they apply after the cache, so changing one never re-scans a note.
  const config = JSON.stringify({ ...ctx.config, check: undefined });
  return ["1", config, ...tpl, [...allow].sort().join(",")];
}

/** Run every check over the workspace's notes (or only the staged ones), under the workspace's rule settings. */
export async function runCheck(
  ctx: Context,
  index: IndexHandle,
  opts: { staged?: boolean; env?: NodeJS.ProcessEnv; rules?: readonly string[]; warn?: (message: string) => void } = {},
): Promise<CheckReport> {
  const notes = index.allNotes();
  const files: { path: string; text?: string }[] = opts.staged ? stagedNotes(ctx.ws, opts.env, ctx.config) : notes;
  const texts = new Map<string, string>();
  const textOf = (p: string): string | undefined => {
    if (!texts.has(p)) {
      const text = readNoteText(ctx, p);
      if (text !== undefined) texts.set(p, text);
    }
    return texts.get(p);
  };
  for (const f of files) if (f.text !== undefined) texts.set(f.path, f.text);
  const allow = loadSecretAllowlist(ctx.ws.root);
  const templates = templateTexts(ctx.ws);
  const cache = opts.staged ? undefined : CheckCache.open(ctx, cacheStamp(ctx, templates, allow));
  const sigs = new Map(notes.map((n) => [n.path, `${n.mtime_ms}:${n.size}`]));
  const types = new Map(notes.map((n) => [n.path, n.type]));
  const roadmaps: { path: string; text: string; parsed: ParsedNote }[] = [];
  const checked = new Set<string>();
  // Each note's own findings, in file order. A note not cached gets its secret findings (which come
  // last) once the scanner is done: it scans, on a worker when there are many, while this loop goes on.
  const ownFindings: Finding[][] = [];
  const scanner = new SecretScanner({ allow, warn: opts.warn });
  const scanned: { path: string; findings: Finding[]; scan: number; pub: boolean }[] = [];
  for (const f of files) {
    const sig = opts.staged ? undefined : sigs.get(f.path);
    let own = cache?.get(f.path, { sig });
    const text = own ? undefined : textOf(f.path);
    if (!own && text === undefined) continue; // unreadable: the index says why
    checked.add(f.path);
    let parsed: ParsedNote | undefined;
    if (!own) {
      const hash = textHash(text!);
      own = cache?.get(f.path, { hash });
      if (!own) {
        parsed = parseNote(text!, slugFromPath(f.path));
        const found = ownFindingsButSecrets(ctx, f.path, text!, parsed, templates);
        scanned.push({ path: f.path, findings: found, scan: scanner.add(f.path, text!), pub: isPublic(parsed.data) });
        own = { sig: "", hash, type: parsed.data.type ?? null, findings: found };
      }
      cache?.set(f.path, { ...own, sig: sig ?? "" }); // its findings get the secrets below, before save
    }
    types.set(f.path, own.type);
    ownFindings.push(own.findings);
    const roadmapText = own.type === "roadmap" ? textOf(f.path) : undefined;
    if (roadmapText !== undefined)
      roadmaps.push({
        path: f.path,
        text: roadmapText,
        parsed: parsed ?? parseNote(roadmapText, slugFromPath(f.path)),
      });
  }
  // The checks across notes run while the worker (if any) scans what is left.
  const scanning = scanner.finish();
  const only = opts.staged ? new Set(files.map((f) => f.path)) : undefined;
  const across = [
    ...roadmapFindings(roadmaps),
    ...linkFindings(notes, index.allLinks(), textOf, only),
    ...duplicateSlugFindings(notes, only),
    ...duplicateIdFindings(notes, textOf, only),
    ...indexFindings(index.problems(), checked, only),
  ];
  const hits = await scanning;
  for (const n of scanned) n.findings.push(...secretHitFindings(n.path, hits[n.scan]!, n.pub));
  await cache?.save();
  const findings = [...ownFindings.flat(), ...across];
  const owned = (path: string): boolean => ownsNote(ctx.config.dialect, types.get(path));
  let kept = applyRules(dedupeFindings(findings), rulePolicy(ctx.config.check?.rules), owned);
  if (opts.rules?.length) {
    const wanted = new Set(opts.rules);
    kept = kept.filter((f) => ruleMatches(f.rule, wanted));
  }
  const sorted = sortFindings(kept);
  return { findings: sorted, counts: countFindings(sorted, checked.size), summary: ruleSummary(sorted) };
}

/** The `--rule` values as ids (repeatable, comma-separated); a usage error for an id no rule has. */
function wantedRules(given: readonly string[] | undefined): string[] | undefined {
  const ids = given
    ?.flatMap((r) => r.split(","))
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = unknownRuleIds(ids ?? []);
  if (unknown.length)
    throw new UsageError(`--rule: unknown rule id ${unknown.join(", ")}`, `known ids: ${knownRuleIds()}`);
  return ids;
}

/**
 * `learn check`: report schema, YAML, link and secret problems, a summary per rule first; exit 1
 * when an error-severity finding remains after the rule settings (and `--rule`).
 */
export async function check(opts: CheckOptions, io: IO): Promise<CheckReport> {
  const rules = wantedRules(opts.rule);
  const ctx = await createContext(opts, io);
  for (const w of rulePolicy(ctx.config.check?.rules).warnings) io.err(`learn: warning: ${w}`);
  const { withIndex } = await import("../store/open-lazy.js");
  const report = await withIndex(ctx, {}, (index) =>
    runCheck(ctx, index, { staged: opts.staged, env: io.env, rules, warn: (m) => io.err(`learn: warning: ${m}`) }),
  );
  const { findings, counts, summary } = report;
  if (opts.json) io.json(toCheckJson(findings, counts));
  else if (findings.length) io.out(`${renderRuleSummary(summary, io.theme)}\n\n${renderFindings(findings, io.theme)}`);
  if (counts.errors > 0)
    throw new FindingsError(
      renderCheckSummary(counts, plainTheme()),
      "fix the errors above, then run `learn check` again",
    );
  if (!opts.json) io.err(renderCheckSummary(counts, io.theme));
  return report;
}
