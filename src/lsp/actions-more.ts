// Two code actions beside actions.ts: extract a selection into a new note, and add the note to this week's loop.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CodeActionKind, type CodeAction, type Range, type WorkspaceEdit } from "vscode-languageserver";
import { LearnError } from "../core/errors.js";
import { planNewNote } from "../core/note-new.js";
import { META_TYPES } from "../core/week-domain.js";
import { namesWeekNote } from "../core/week-model.js";
import { memoryIO } from "../ui/io.js";
import { renderPlannedNote } from "../workspace/note-create.js";
import { existingSlugs } from "../workspace/note-files.js";
import { readWeekLog } from "../workspace/week-log.js";
import { frontMatterEnd } from "./text-at.js";
import type { LspWorkspace } from "./workspace-state.js";

/** The open document a code action is asked for: its lines and version, and whether the editor can create files. */
export interface ActionDoc {
  text: string;
  lines: readonly string[];
  version: number;
  canCreateFiles: boolean;
}

/** The text a range covers, lines joined by "\n". */
function textIn(lines: readonly string[], r: Range): string {
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? "").slice(r.start.character, r.end.character);
  const first = (lines[r.start.line] ?? "").slice(r.start.character);
  const middle = lines.slice(r.start.line + 1, r.end.line);
  const last = (lines[r.end.line] ?? "").slice(0, r.end.character);
  return [first, ...middle, last].join("\n");
}

/** A title from the selection's first non-empty line, without Markdown's heading, list and quote marks. */
function titleOfSelection(text: string): string {
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  const bare = line
    .replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[.\]\s+)?|\d+[.)]\s+)/, "")
    .replace(/\s+#+\s*$/, "")
    .trim();
  if (bare.length <= 80) return bare;
  const cut = bare.slice(0, 80);
  return (cut.lastIndexOf(" ") > 20 ? cut.slice(0, cut.lastIndexOf(" ")) : cut).trim();
}

/**
 * "Extract selection into a new note": one WorkspaceEdit that creates the note (the doc template's
 * front matter, the selection as its body) in the current note's domain folder and puts a link in
 * place of the selection. Only for a non-empty selection in the body, and only when the editor can
 * create files in an edit; a slug already used gets -2, -3, … and the file is never overwritten.
 */
export async function extractAction(
  ws: LspWorkspace,
  path: string,
  uri: string,
  range: Range,
  doc: ActionDoc,
): Promise<CodeAction[]> {
  const { lines } = doc;
  const bodyStart = frontMatterEnd(lines) + 1; // 0 without front matter
  const unclosed = bodyStart === 0 && lines[0]?.replace(/^\uFEFF/, "").trimEnd() === "---";
  if (!doc.canCreateFiles || unclosed || range.start.line < bodyStart) return [];
  const selected = textIn(lines, range);
  if (!selected.trim()) return [];
  const title = titleOfSelection(selected);
  const ctx = ws.ctx;
  const note = await ws.noteAt(path);
  const domain =
    note?.domain && Object.hasOwn(ctx.config.domains, note.domain) ? note.domain : Object.keys(ctx.config.domains)[0];
  try {
    const taken = existingSlugs(ctx.ws, ctx.config);
    const plan = planNewNote(
      { type: "doc", title, domain },
      ctx.config,
      ctx.today,
      (s) => taken.has(s) || existsSync(join(ctx.ws.notesDir, domain ?? "", `${s}.md`)),
    );
    const rendered = renderPlannedNote(ctx.ws, plan).split("\n");
    const fm = rendered.slice(0, frontMatterEnd(rendered) + 1).join("\n");
    const text = `${fm}\n# ${title}\n\n${selected.replace(/\n*$/, "\n")}`;
    const newUri = pathToFileURL(join(ctx.ws.notesDir, plan.relPath)).href;
    const origin = { line: 0, character: 0 };
    const edit: WorkspaceEdit = {
      documentChanges: [
        { kind: "create", uri: newUri, options: { overwrite: false, ignoreIfExists: false } },
        {
          textDocument: { uri: newUri, version: null },
          edits: [{ range: { start: origin, end: origin }, newText: text }],
        },
        { textDocument: { uri, version: doc.version }, edits: [{ range, newText: `[[${plan.slug}]]` }] },
      ],
    };
    return [
      { title: `learn: extract selection into new note ${plan.slug}`, kind: CodeActionKind.RefactorExtract, edit },
    ];
  } catch (err) {
    if (!(err instanceof LearnError)) throw err;
    const reason = `learn: cannot extract: ${err.message}${err.hint ? ` (${err.hint})` : ""}`;
    return [
      { title: "learn: extract selection into a new note", kind: CodeActionKind.RefactorExtract, disabled: { reason } },
    ];
  }
}

/** The week log's stamp as the action carries it: its hash, or "absent" before the week's first step. */
const logStamp = (ws: LspWorkspace): string => readWeekLog(ws.ctx).stamp?.hash ?? "absent";

/**
 * "Add this note to this week's loop": offered for an indexed note that could be the week's note
 * (not a log or roadmap, step 2 not done, not already the week's note). Disabled while the document
 * has unsaved changes, since step 2 may edit its front matter on disk.
 */
export async function weekAction(ws: LspWorkspace, path: string, uri: string, text: string): Promise<CodeAction[]> {
  const note = await ws.noteAt(path);
  if (!note || META_TYPES.includes(note.type ?? "")) return [];
  let log;
  try {
    log = readWeekLog(ws.ctx);
  } catch {
    return []; // a broken log: `learn week` says what to fix
  }
  if (log.state.done.includes("note") || namesWeekNote(log.state.note, note)) return [];
  const title = "learn: add this note to this week's loop";
  let saved = false;
  try {
    saved = readFileSync(path, "utf8") === text;
  } catch {
    // unreadable: the command says why
  }
  if (!saved) return [{ title, kind: "source.learn.week", disabled: { reason: "learn: save the note first" } }];
  const args = [{ uri, log: logStamp(ws) }];
  return [
    {
      title,
      kind: "source.learn.week",
      command: { title: "add to this week's loop", command: "learn.week", arguments: args },
    },
  ];
}

/**
 * Run `learn week --note SLUG` (with `--domain` of the note while step 1 is open) in-process.
 * Refuses when the week log changed since the action was offered, or the note is already the week's.
 */
export async function runWeek(ws: LspWorkspace, path: string, expected: unknown): Promise<string> {
  const note = await ws.noteAt(path);
  if (!note) throw new LearnError(`${path} is not an indexed note`, "save it first");
  const log = readWeekLog(ws.ctx);
  if (typeof expected === "string" && expected !== (log.stamp?.hash ?? "absent"))
    throw new LearnError(`${log.shown} changed on disk since the action was offered`, "ask for the code actions again");
  if (namesWeekNote(log.state.note, note))
    throw new LearnError(`${note.slug} is already this week's note (${log.label})`);
  if (log.state.done.includes("note"))
    throw new LearnError(`this week's note is already ${log.state.note ?? "chosen"} (${log.label})`);
  const { week } = await import("../commands/week.js");
  const io = memoryIO();
  const domain = log.state.done.includes("domain") ? undefined : (note.domain ?? undefined);
  await week({ dir: ws.ctx.ws.root, today: ws.ctx.today, domain, note: note.path }, io); // a path: the slug may be shared
  ws.invalidate();
  return io.stderr.join("").trim();
}
