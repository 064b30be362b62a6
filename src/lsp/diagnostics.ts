import { Buffer } from "node:buffer";
import { posix } from "node:path";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import { linkFindings, notesForLinks } from "../core/check-links.js";
import { dedupeFindings, sortFindings, type Finding } from "../core/check-model.js";
import { applyRules, ownsNote, rulePolicy } from "../core/check-policy.js";
import { parseNote } from "../core/note-parse.js";
import { noteFindings } from "../app/note-checks.js";
import { MAX_NOTE_BYTES, noteLinks } from "../store/read-note.js";
import { linkOptions } from "../store/open-db.js";
import { blankNoteRow, type LinkRow, type NoteRow } from "../core/index-types.js";
import { templateTexts } from "../workspace/note-substance.js";
import { loadSecretAllowlist } from "../workspace/secrets-allow.js";
import type { LspWorkspace } from "./workspace-state.js";

const slugOf = (path: string): string => posix.basename(path).replace(/\.(md|markdown)$/i, "");

/** The text the rules see: at most the first MiB, as the index reads a note (and a finding when cut). */
function capped(path: string, text: string): { text: string; finding?: Finding } {
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_NOTE_BYTES) return { text };
  return {
    text: Buffer.from(text).subarray(0, MAX_NOTE_BYTES).toString("utf8"),
    finding: {
      path,
      line: 1,
      rule: "too-large",
      severity: "warning",
      message: `note is ${(bytes / 1048576).toFixed(1)} MiB: only the first 1 MiB is checked and indexed`,
      hint: "split the note into smaller ones",
    },
  };
}

/**
 * Every `learn check` finding of one document as the editor holds it (saved or not): the same
 * rule functions check runs (front matter, secrets, links), fed the live text, its links resolved
 * against the index as the indexer resolves them (by path, file name, id, title and alias), under the
 * same rule settings (`check.rules`) and the same learn-notes-only schema rules.
 */
export async function documentFindings(ws: LspWorkspace, path: string, full: string): Promise<Finding[]> {
  const { text, finding } = capped(path, full);
  const slug = slugOf(path);
  const parsed = parseNote(text, slug, ws.ctx.config.publish_flag);
  const out: Finding[] = finding ? [finding] : [];
  const env = { templates: templateTexts(ws.ctx.ws), allow: loadSecretAllowlist(ws.ctx.ws.root) };
  out.push(...(await noteFindings(ws.ctx, path, text, parsed, env))); // as check does
  const links: LinkRow[] = [];
  const resolve = await ws.linkResolver(path);
  for (const l of noteLinks(path, parsed, linkOptions(ws.ctx))) {
    if (l.attach) continue; // files that are not notes are looked for on disk by the indexer: `learn check` reports them
    const at = resolve(l);
    const to = at === null ? undefined : await ws.noteAt(at);
    const base = { from_slug: slug, from_path: path, target: l.target, kind: l.kind };
    links.push({ ...base, to_slug: to?.slug ?? null, to_path: to?.path ?? null });
  }
  const self: NoteRow = { ...selfRow(await ws.noteAt(path), path, slug), visibility: parsed.data.visibility ?? null };
  const notes = notesForLinks(await ws.notes(), links, self);
  out.push(...linkFindings(notes, links, (p) => (p === path ? text : undefined), new Set([path])));
  const owned = ownsNote(ws.ctx.config.dialect, parsed.data.type);
  return sortFindings(applyRules(dedupeFindings(out), rulePolicy(ws.ctx.config.check?.rules), () => owned));
}

/** The index's row of the document, or a minimal one for a note not indexed yet (new, unsaved). */
function selfRow(row: NoteRow | undefined, path: string, slug: string): NoteRow {
  return row ?? blankNoteRow(path, slug);
}

/** A finding as an LSP diagnostic: the whole line (or the link's target on it), the rule id as its code. */
export function toDiagnostic(f: Finding, lines: readonly string[]): Diagnostic {
  const line = Math.max(0, (f.line ?? 1) - 1);
  const text = lines[line] ?? "";
  const target = /^broken link (?:related: |\[\[|\()(.+?)(?:\]\]|\))?: /.exec(f.message)?.[1];
  const at = target ? text.indexOf(target) : -1;
  const start = at >= 0 ? at : text.length - text.trimStart().length;
  const end = at >= 0 ? at + target!.length : text.length;
  return {
    range: { start: { line, character: start }, end: { line, character: Math.max(end, start) } },
    severity: f.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: f.rule,
    source: "learn",
    message: f.message,
    data: { hint: f.hint, rule: f.rule, ...(target ? { target } : {}) },
  };
}
