import { createRequire } from "node:module";

// transliteration builds its tables as it loads (tens of milliseconds): it is required on the first
// title that is not ASCII, never by the read commands, which only need slugFromPath (issue 15).
let transliterate: typeof import("transliteration").transliterate | undefined;
const toAscii = (text: string): string =>
  !/[^\u0020-\u007e\t\n\r]/.test(text)
    ? text
    : (transliterate ??= (createRequire(import.meta.url)("transliteration") as typeof import("transliteration"))
        .transliterate)(text, { unknown: "" });

/** Longest slug learn writes, in characters (file names stay portable). */
export const MAX_SLUG_LENGTH = 80;

// Windows device names (a file called CON.md cannot be created or opened there), and the names
// every plain object has (a slug looked up in one must never find Object.prototype's).
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|constructor)$/;

/**
 * Make a file-name slug from a title: lower-case ASCII (accents and other scripts
 * transliterated), words joined by `-`, capped at MAX_SLUG_LENGTH, never `.`/`..`,
 * a path separator or a reserved device name. Returns "" when nothing usable is left
 * (for example a title of only emoji); callers decide what to do then.
 */
export function slugify(title: string): string {
  const ascii = toAscii(title.normalize("NFKC"));
  let slug = ascii
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > MAX_SLUG_LENGTH)
    slug = slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, "") || slug.slice(0, MAX_SLUG_LENGTH);
  slug = slug.replace(/-+$/, "");
  if (RESERVED.test(slug)) slug = `${slug}-note`;
  return slug;
}

/** True when `slug` is safe as a file name: the shape slugify makes. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_SLUG_LENGTH && !RESERVED.test(slug);
}

/** The first of `base`, `base-2`, `base-3`, … for which `taken` says false. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A short random note id (8 base-36 characters): stable identity that survives renames. */
export function newNoteId(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return Array.from(random(8), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

/** A note's slug from its path or file name (`notes/core/Idempotency-Keys.md` → `Idempotency-Keys`): the one rule. */
export const slugFromPath = (path: string): string => path.replace(/^.*[\\/]/, "").replace(/\.(md|markdown)$/i, "");
