import type { Context } from "../core/context.js";
import { toNoteRow } from "./handle.js";
import { walkWorkspaceNotes } from "./open-db.js";
import { readNote } from "./read-note.js";
import type { IndexHandle, IndexProblem, NoteRow } from "../core/index-types.js";

/**
 * The notes read straight from the notes folder, with no database: for commands that only
 * need to find a note (`learn revisit SLUG --rating`, `learn used`) when `.learn/` cannot be
 * used. Links are not resolved; every note is parsed, so this is slower than the index.
 */
export function walkedIndex(ctx: Context): IndexHandle {
  const walk = walkWorkspaceNotes(ctx);
  const notes: NoteRow[] = [];
  const problems: IndexProblem[] = [...walk.problems];
  for (const file of walk.files) {
    const read = readNote(file);
    problems.push(...read.problems);
    if (!read.note) continue;
    const { body: _body, aliases: _aliases, folder: _folder, ...values } = read.note.values;
    notes.push(toNoteRow(values as unknown as Parameters<typeof toNoteRow>[0]));
  }
  notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const same = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase();
  return {
    allNotes: () => notes,
    getNote: (slugOrId) => notes.find((n) => same(n.slug, slugOrId)) ?? notes.find((n) => same(n.id, slugOrId)),
    linksFrom: () => [],
    linksTo: () => [],
    allLinks: () => [],
    problems: () => problems,
    close: () => {},
  };
}
