import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { parseNote } from "../core/note-parse.js";
import { NOTE_TYPES, type NoteType } from "../core/note-model.js";
import { missingText, substance, templateText, type Substance, type TemplateText } from "../core/note-substance.js";
import type { WorkspacePaths } from "./find.js";
import { loadTemplate } from "./templates.js";

/**
 * A reader of template text per note type (the workspace's templates/ over the bundled ones),
 * each template read once; a note of no known type is measured against the doc template, and
 * a template that cannot be read counts as empty (nothing is a placeholder).
 */
export function templateTexts(ws: WorkspacePaths): (type: string | null | undefined) => TemplateText {
  const cache = new Map<NoteType, TemplateText>();
  return (type) => {
    const t: NoteType = (NOTE_TYPES as readonly string[]).includes(type ?? "") ? (type as NoteType) : "doc";
    let got = cache.get(t);
    if (!got) {
      try {
        got = templateText(loadTemplate(ws, t).source);
      } catch {
        got = { lines: new Set(), placeholders: new Set() };
      }
      cache.set(t, got);
    }
    return got;
  };
}

/** How much of a note's body is its own, against its type's template. */
export function noteSubstance(
  templates: ReturnType<typeof templateTexts>,
  note: { type: string | null },
  body: string,
): Substance {
  return substance(body, templates(note.type));
}

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
