import { toFtsMatch, wordsOf, type ParsedQuery, type QueryTerm } from "../core/query.js";
import type { SqliteIndex } from "./handle.js";

// Typos in a search: which words of a query may be mistyped, and the readings with them corrected.

// A word in at most FEW notes may still be a typo, when a spelling DOMINANT times as common is close.
const FEW = 2;
const DOMINANT = 10;
// How many typo readings of a query are tried, closest first.
const MAX_READINGS = 8;

/** How many notes (of all, filters aside) match each clause, counted up to FEW + 1. */
export function clauseCounts(index: SqliteIndex, q: ParsedQuery): number[] {
  const count = index.db.prepare(
    `SELECT count(*) FROM (SELECT 1 FROM notes_fts WHERE notes_fts MATCH ? LIMIT ${FEW + 1})`,
  );
  return q.clauses.map((c) => count.pluck().get(toFtsMatch({ clauses: [c], excluded: [] })) as number);
}

/**
 * Distinct unstemmed words of titles, slugs and tags, `min` to `max` letters long and not all digits,
 * with how many notes have each: what typos are matched against.
 */
function vocabulary(index: SqliteIndex, min: number, max: number): Map<string, number> {
  const sql = "SELECT term, doc FROM terms_vocab WHERE length(term) BETWEEN ? AND ? AND term GLOB '*[^0-9]*'";
  return new Map(index.db.prepare(sql).raw().all(min, max) as [string, number][]);
}

/**
 * Readings of the query with its likely typos corrected, closest first, then the most common. When the
 * query as typed found notes (`padding`), a word is a likely typo only if no note has it, or at most FEW
 * do and a near spelling is far more common, so a few exact hits are not padded with look-alikes. When
 * it found none, any lone word may be, read as a near spelling that more titles, slugs or tags hold.
 */
export async function typoReadings(
  index: SqliteIndex,
  q: ParsedQuery,
  counts: number[],
  padding: boolean,
): Promise<ParsedQuery[]> {
  const suspect = (c: QueryTerm[], i: number): boolean =>
    c.length === 1 && !c[0]!.phrase && !c[0]!.prefix && c[0]!.text.length >= 3 && (!padding || counts[i]! <= FEW);
  if (!q.clauses.some(suspect)) return [];
  const { typoCandidates, typoCombos } = await import("../core/fuzzy.js");
  const lengths = q.clauses.filter(suspect).map((c) => c[0]!.text.length);
  const vocab = vocabulary(index, Math.min(...lengths) - 2, Math.max(...lengths) + 2);
  type Option = { term: QueryTerm[]; distance: number; docs: number };
  const slots = q.clauses.map((c, i): Option[] => {
    // As typed, it says nothing about which correction is likelier: only corrected words weigh in the order.
    const typed: Option = { term: c, distance: 0, docs: Infinity };
    if (!suspect(c, i)) return [typed];
    const word = wordsOf(c[0]!.text).join("");
    const n = counts[i]!;
    const likelier = (docs: number): boolean =>
      n === 0 || (padding ? docs >= DOMINANT * n : docs > (vocab.get(word) ?? 0));
    const options = typoCandidates(word, vocab)
      .filter((t) => likelier(t.docs))
      .map((t) => ({ term: [{ text: t.term, phrase: false, prefix: false }], distance: t.distance, docs: t.docs }));
    return n === 0 && options.length ? options : [typed, ...options];
  });
  // A reading with no corrected word is the query as typed, searched already.
  const readings = typoCombos(slots, MAX_READINGS + 1).filter((c) => c.some((o) => o.distance > 0));
  return readings.slice(0, MAX_READINGS).map((c) => ({ ...q, clauses: c.map((o) => o.term) }));
}
