/**
 * Edit distance counting a swap of two adjacent letters as one edit (optimal string alignment, the
 * Damerau–Levenshtein variant spell checkers use), or `max + 1` as soon as it must exceed `max`.
 * fuse.js scores a swap as two errors, which puts "rabc" as far from "rbac" as from any 4-letter word.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n]!;
}

/**
 * How many edits a typo of a word this long may hold: 1 up to 5 letters, else 2 (Elasticsearch's AUTO);
 * none under 3. A 3-letter word has too many neighbours one edit away, so only a swap counts for it.
 */
const maxTypoEdits = (length: number): number => (length < 3 ? 0 : length < 6 ? 1 : 2);

const isSwap = (a: string, b: string): boolean => {
  const i = [...a].findIndex((ch, k) => ch !== b[k]);
  return i >= 0 && a.length === b.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
};

/** A spelling a typed word may be a typo of; `docs` is how many notes have it in a title, slug or tag. */
export interface TypoCandidate {
  term: string;
  distance: number;
  docs: number;
}

/** The vocabulary terms `word` may be a typo of: closest first, then the most common (at most `limit`). */
export function typoCandidates(word: string, vocabulary: Iterable<[string, number]>, limit = 3): TypoCandidate[] {
  const max = maxTypoEdits(word.length);
  if (max === 0) return [];
  const out: TypoCandidate[] = [];
  for (const [term, docs] of vocabulary) {
    if (term === word || (word.length === 3 && !isSwap(word, term))) continue;
    const distance = typoDistance(word, term, max);
    if (distance <= max) out.push({ term, distance, docs });
  }
  out.sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1));
  return out.slice(0, limit);
}

/** Ways to choose one option per slot, best first: least total distance, then the most common choices. */
export function typoCombos<T extends { distance: number; docs: number }>(slots: T[][], max: number): T[][] {
  const cost = (c: T[]): number => c.reduce((s, o) => s + o.distance, 0);
  const rarity = (c: T[]): number => Math.min(...c.map((o) => o.docs));
  const best = (cs: T[][]): T[][] => cs.sort((a, b) => cost(a) - cost(b) || rarity(b) - rarity(a));
  let combos: T[][] = [[]];
  // Costs add up, so keeping the best few partial choices after each slot loses nothing that matters.
  for (const options of slots) combos = best(combos.flatMap((c) => options.map((o) => [...c, o]))).slice(0, 64);
  return combos.slice(0, max);
}
