import { LearnError } from "./errors.js";

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
