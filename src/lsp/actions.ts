import { pathToFileURL } from "node:url";
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
} from "vscode-languageserver";
import { LearnError } from "../core/errors.js";
import { RATINGS } from "../core/revisit-event.js";
import { isValidSlug } from "../core/slug.js";
import { memoryIO } from "../ui/io.js";
import { createNote } from "../workspace/note-create.js";
import { extractAction, runWeek, weekAction, type ActionDoc } from "./actions-more.js";
import { COMMANDS } from "./command-ids.js";
import { revisitState } from "./navigation.js";
import type { LspWorkspace } from "./workspace-state.js";

/** The build name recorded by "used in a build" when the client passes none (LSP has no text prompt). */
const EDITOR_BUILD = "used from the editor";

const RATED = ["good", "hard", "again"] as const;

const titleOf = (slug: string): string => {
  const words = slug.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Code actions for a range: create the note of a broken link; extract the selection into a new note;
 * revisit, rate or mark the note used; add it to this week's loop. `doc` is the open document.
 */
export async function codeActions(
  ws: LspWorkspace,
  path: string,
  params: CodeActionParams,
  doc?: ActionDoc,
): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const target = (d.data as { target?: string } | undefined)?.target;
    if (d.code !== "broken-link" || !target || !isValidSlug(target.toLowerCase())) continue;
    out.push({
      title: `learn: create note ${target.toLowerCase()}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: "create note", command: "learn.createNote", arguments: [{ uri, target }] },
    });
  }
  if (doc) out.push(...(await extractAction(ws, path, uri, params.range, doc)));
  if (await ws.noteAt(path)) {
    for (const rating of RATED)
      out.push({
        title: `learn: revisited (${rating})`,
        kind: "source.learn.revisit",
        command: { title: `revisited (${rating})`, command: "learn.revisit", arguments: [{ uri, rating }] },
      });
    out.push({
      title: "learn: used in a build",
      kind: "source.learn.used",
      command: { title: "used in a build", command: "learn.used", arguments: [{ uri, build: EDITOR_BUILD }] },
    });
    if (doc) out.push(...(await weekAction(ws, path, uri, doc.text)));
  }
  return out;
}

/** The lens at the top of a note: "due in 5 days · 2 builds · covers 3 items (backend, cloud)". */
export async function codeLenses(ws: LspWorkspace, path: string): Promise<CodeLens[]> {
  const note = await ws.noteAt(path);
  if (!note) return [];
  const { builds } = await ws.schedule(note);
  const due = (await revisitState(ws, note)).split(";")[0]!.replace(/ \(\d{4}-\d\d-\d\d\)$/, "");
  const items = await ws.roadmap();
  const covered = items.filter((i) => note.covers.some((c) => c.toLowerCase() === i.id));
  const domains = [...new Set(covered.map((i) => i.domain).filter(Boolean))];
  const title = [
    due,
    `${builds} build${builds === 1 ? "" : "s"}`,
    `covers ${note.covers.length} item${note.covers.length === 1 ? "" : "s"}${domains.length ? ` (${domains.join(", ")})` : ""}`,
  ].join(" · ");
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ range, command: { title, command: "" } }];
}

type Args = { uri?: unknown; target?: unknown; rating?: unknown; build?: unknown; log?: unknown };

const fail = (message: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, message);

/**
 * Run a code action's command. Revisits go through the `learn revisit` command itself, so the
 * log line, the same-day check and the messages are the CLI's. Returns what the CLI printed.
 */
export async function executeCommand(
  ws: LspWorkspace,
  command: string,
  args: readonly unknown[] | undefined,
): Promise<{ message: string; uri?: string } | ResponseError<void>> {
  if (!(COMMANDS as readonly string[]).includes(command))
    return fail(`learn: unknown command ${command} (known: ${COMMANDS.join(", ")})`);
  const a = (args?.[0] ?? {}) as Args;
  const path = typeof a.uri === "string" ? ws.pathOf(a.uri) : undefined;
  if (path === undefined)
    return fail(`learn: ${command}: ${String(a.uri)} is not a file inside the workspace ${ws.ctx.ws.root}`);
  try {
    if (command === "learn.createNote") {
      if (typeof a.target !== "string" || !isValidSlug(a.target.toLowerCase()))
        return fail(`learn: ${command}: target must be a note slug (lower-case words joined by -)`);
      const from = await ws.noteAt(path);
      const domain = from?.domain ?? Object.keys(ws.ctx.config.domains)[0];
      const slug = a.target.toLowerCase();
      const made = createNote(ws.ctx, { type: "doc", title: titleOf(slug), slug, domain });
      ws.invalidate();
      return { message: `learn: created notes/${made.plan.relPath}`, uri: pathToFileURL(made.path).href };
    }
    if (command === "learn.week") return { message: await runWeek(ws, path, a.log) };
    const note = await ws.noteAt(path);
    if (!note) return fail(`learn: ${command}: ${path} is not an indexed note (save it first)`);
    const io = memoryIO();
    const { revisit } = await import("../commands/revisit.js");
    const base = { dir: ws.ctx.ws.root, today: ws.ctx.today, slug: note.id ?? note.slug };
    if (command === "learn.revisit") {
      if (typeof a.rating !== "string" || !(RATINGS as readonly string[]).includes(a.rating))
        return fail(`learn: ${command}: rating must be one of ${RATINGS.join("|")}`);
      await revisit({ ...base, rating: a.rating }, io);
    } else {
      const build = typeof a.build === "string" && a.build.trim() ? a.build : EDITOR_BUILD;
      await revisit({ ...base, usedIn: build }, io);
    }
    ws.forgetSchedules();
    return { message: io.stdout.join("").trim() };
  } catch (err) {
    if (err instanceof LearnError) return fail(`learn: ${err.message}${err.hint ? ` (${err.hint})` : ""}`);
    throw err;
  }
}
