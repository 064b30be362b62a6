import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { parseNote } from "../core/note-parse.js";
import { missingText, substance, type Substance } from "../core/note-substance.js";
import type { WorkspacePaths } from "./find.js";
import { templateTexts } from "./template-texts.js";

export { templateTexts }; // kept here for its older importers; the read path imports ./template-texts.js

/** How much of the note file at `path` (absolute) is its own; undefined when it cannot be read. */
export function fileSubstance(ws: WorkspacePaths, path: string): Substance | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const parsed = parseNote(text, "note");
  return substance(parsed.body, templateTexts(ws)(parsed.data.type));
}

/** Editors to offer when none is configured: nano and vi, those found on PATH. */
export function fallbackEditors(env: NodeJS.ProcessEnv): string[] {
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  return ["nano", "vi"].filter((name) =>
    dirs.some((d) => {
      try {
        accessSync(join(d, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }),
  );
}

/**
 * The week's note while step 2 is only started (picked, not yet written): its path and what
 * it still needs; undefined when step 2 is done, not begun, or the note is gone.
 */
export function startedWeekNote(
  ws: WorkspacePaths,
  state: { note?: string; done: readonly string[] },
  find: (slug: string) => { path: string } | undefined,
): { path: string; missing: string; substance?: Substance } | undefined {
  if (!state.note || state.done.includes("note")) return undefined;
  const row = find(state.note);
  if (!row) return undefined;
  const s = fileSubstance(ws, join(ws.root, row.path));
  return {
    path: row.path,
    missing: s ? missingText(s) || "nothing: run learn week to mark it done" : "a readable file",
    ...(s ? { substance: s } : {}),
  };
}
