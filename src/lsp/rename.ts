import type { Position, WorkspaceEdit } from "vscode-languageserver";
import { readText, planMove } from "../workspace/note-move.js";
import { resolveLink } from "./navigation.js";
import { linkAt } from "./text-at.js";
import type { LspWorkspace } from "./workspace-state.js";

/**
 * Rename the note under the cursor's link (else the document's own note) to `newName`: one
 * WorkspaceEdit that rewrites every link to it (in open buffers as the editor holds them) and
 * renames the file, as `learn mv` does. Throws LearnError for a bad or taken name.
 */
export async function rename(
  ws: LspWorkspace,
  path: string,
  lines: readonly string[],
  pos: Position,
  newName: string,
  openText: (uri: string) => { text: string; version: number } | undefined,
): Promise<WorkspaceEdit | null> {
  const link = linkAt(lines, pos.line, pos.character, ws.ctx.config.dialect);
  const to = link && (await resolveLink(ws, path, link));
  const note = to && "note" in to ? to.note : await ws.noteAt(path);
  if (!note) return null;
  const index = await ws.fresh();
  const plan = planMove(
    ws.ctx,
    index,
    note.id ?? note.path, // a path: another note may have its file name
    newName,
    (p) => openText(ws.uriOf(p))?.text ?? readText(ws.ctx, p),
  );
  const documentChanges: NonNullable<WorkspaceEdit["documentChanges"]> = plan.files.map((f) => {
    const uri = ws.uriOf(f.path);
    const version = openText(uri)?.version ?? null;
    const whole = f.path === plan.oldPath && plan.addsId;
    const edits = whole
      ? [{ range: { start: { line: 0, character: 0 }, end: endOf(f.text) }, newText: f.next }]
      : f.edits.map((e) => ({
          range: { start: { line: e.line, character: e.start }, end: { line: e.line, character: e.end } },
          newText: e.newText,
        }));
    return { textDocument: { uri, version }, edits };
  });
  documentChanges.push({
    kind: "rename",
    oldUri: ws.uriOf(plan.oldPath),
    newUri: ws.uriOf(plan.newPath),
    options: { overwrite: false, ignoreIfExists: false },
  });
  ws.invalidate();
  return { documentChanges };
}

function endOf(text: string): Position {
  const lines = text.split("\n");
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
