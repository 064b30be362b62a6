import { posix } from "node:path";

/** What naming a note needs (a NoteRow fits). */
interface NamedNote {
  slug: string;
  path: string;
}

// How many notes have each file name (lower-case), per note list: a list is named many times
// (every completion keystroke, every row of a table) and counted once.
const COUNTS = new WeakMap<readonly NamedNote[], Map<string, number>>();

/**
 * The name to show, and to type, for each of `notes`: its file name, or, when another note has
 * that file name, its path from the notes folder (`notesBase`, "" when the notes are the
 * workspace root) without the extension, the form `learn show`, `learn revisit` and links
 * resolve to this note and not its twin.
 */
export function noteNames(notes: readonly NamedNote[], notesBase: string): (n: NamedNote) => string {
  let count = COUNTS.get(notes);
  if (!count) {
    count = new Map<string, number>();
    for (const n of notes) count.set(n.slug.toLowerCase(), (count.get(n.slug.toLowerCase()) ?? 0) + 1);
    COUNTS.set(notes, count);
  }
  const counts = count;
  return (n) =>
    (counts.get(n.slug.toLowerCase()) ?? 0) > 1
      ? (notesBase ? posix.relative(notesBase, n.path) : n.path).replace(/\.(md|markdown)$/i, "")
      : n.slug;
}
