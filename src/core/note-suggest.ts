import { AmbiguousNoteError, LearnError } from "./errors.js";

/** How loose a "did you mean" may be (fuse.js score: 0 exact, 1 anything). */
const THRESHOLD = 0.5;

/**
 * The slugs of the notes whose slug or title is closest to a mistyped name, best first, at
 * most `max`: the one "did you mean" of every command. fuse.js loads only on this error path.
 */
async function similarSlugs(
  typed: string,
  notes: readonly { slug: string; title: string }[],
  max = 3,
): Promise<string[]> {
  const { default: Fuse } = await import("fuse.js");
  const fuse = new Fuse(notes, {
    keys: [{ name: "slug", weight: 2 }, "title"],
    threshold: THRESHOLD,
    ignoreLocation: true,
  });
  return [...new Set(fuse.search(typed, { limit: max * 2 }).map((r) => r.item.slug))].slice(0, max);
}

/** The error for a slug or id that names no note, with the closest slugs as the hint. */
export async function unknownNoteError(
  typed: string,
  wanted: string,
  notes: readonly { slug: string; title: string }[],
): Promise<LearnError> {
  const near = await similarSlugs(wanted, notes);
  return new LearnError(
    `no note with slug or id ${typed}`,
    near.length ? `did you mean ${near.join(", ")}?` : "see `learn list` or `learn search`",
  );
}

/** What naming a note needs of it (a NoteRow fits). */
interface Named {
  path: string;
  slug: string;
  id: string | null;
}

/** A typed note name as path forms: without `./` or a leading `/`, lower-case, with `.md`/`.markdown` added when missing. */
function pathForms(name: string): string[] {
  const n = name
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(\.\/|\/)+/, "")
    .toLowerCase();
  if (!n) return [];
  return /\.(md|markdown)$/.test(n) ? [n] : [`${n}.md`, `${n}.markdown`];
}

/**
 * The notes a typed name may mean, as IndexHandle.findNotes defines it: by path (whole, or a
 * suffix after a `/`, so `github/pages` and `notes/github/pages.md` work; a whole path typed with
 * `.md`, `./` or `/` wins over suffixes), else by file name, else by `id:`. For lists of notes already in memory; the index answers the same with SQL.
 */
export function matchNotes<T extends Named>(notes: readonly T[], name: string): T[] {
  const forms = pathForms(name);
  const byPath = notes.filter((n) => {
    const p = n.path.toLowerCase();
    return forms.some((f) => p === f || p.endsWith(`/${f}`));
  });
  // a whole path typed as one (with .md, ./ or /) means that note, though another folder has its file
  // name: `Lookup Tables.md` is the note at the top of a vault adopted whole, not archive/'s twin
  if (byPath.length > 1 && /\.(md|markdown)$|^\.?\//i.test(name.trim())) {
    const exact = byPath.filter((n) => forms.includes(n.path.toLowerCase()));
    if (exact.length === 1) return exact;
  }
  if (byPath.length > 0) return byPath;
  const want = name
    .trim()
    .replace(/\.(md|markdown)$/i, "")
    .toLowerCase();
  const bySlug = notes.filter((n) => n.slug.toLowerCase() === want);
  if (bySlug.length > 0) return bySlug;
  return notes.filter((n) => n.id !== null && n.id.toLowerCase() === want);
}

/** The one note a name means, or undefined; an AmbiguousNoteError (exit 2) listing the paths when several. */
export function oneNote<T extends Named>(name: string, found: readonly T[]): T | undefined {
  if (found.length > 1) throw new AmbiguousNoteError(name, found.map((n) => n.path).sort());
  return found[0];
}
