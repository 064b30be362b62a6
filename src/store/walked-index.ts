import type { Context } from "../core/context.js";
import { toNoteRow } from "./handle.js";
import { matchNotes, oneNote } from "../core/note-suggest.js";
import { linkOptions, walkWorkspaceNotes } from "./open-db.js";
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
  const options = linkOptions(ctx); // the configured publish_flag mapping, as the index reads notes
  for (const file of walk.files) {
    const read = readNote(file, options);
    problems.push(...read.problems);
    if (!read.note) continue;
    const { body: _body, aliases: _aliases, folder: _folder, ...values } = read.note.values;
    notes.push(toNoteRow(values as unknown as Parameters<typeof toNoteRow>[0]));
  }
  notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    allNotes: () => notes,
    findNotes: (name) => matchNotes(notes, name),
    getNote: (name) => oneNote(name, matchNotes(notes, name)),
    linksFrom: () => [],
    linksTo: () => [],
    allLinks: () => [],
    problems: () => problems,
    close: () => {},
  };
}
