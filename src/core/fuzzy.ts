import Fuse from "fuse.js";

/** How close a vocabulary term must be (fuse.js score: 0 exact, 1 anything). */
const THRESHOLD = 0.4;

/**
 * For each word, the vocabulary terms it may be a typo of (best first, at most `perWord`).
 * Words shorter than 4 letters are left alone: too many near neighbours to be useful.
 */
export function closeTerms(words: string[], vocabulary: string[], perWord = 3): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const candidates = words.filter((w) => w.length >= 4);
  if (candidates.length === 0 || vocabulary.length === 0) return out;
  const fuse = new Fuse(vocabulary, {
    includeScore: true,
    threshold: THRESHOLD,
    ignoreLocation: true,
    minMatchCharLength: 3,
  });
  for (const w of candidates) {
    const lower = w.toLowerCase();
    const hits = fuse
      .search(lower, { limit: perWord * 4 })
      .filter((h) => h.item !== lower && Math.abs(h.item.length - lower.length) <= Math.max(2, lower.length / 3))
      .slice(0, perWord)
      .map((h) => h.item);
    if (hits.length) out.set(w, hits);
  }
  return out;
}
