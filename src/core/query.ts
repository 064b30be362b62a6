import { addFilter, emptyFilters, FILTER_KEYS, type Filters } from "./query-filters.js";

/** One search term: a word, a "phrase" or a prefix*. */
export interface QueryTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
}

/** A parsed search: clauses are ANDed, the terms inside one clause are ORed. */
export interface ParsedQuery {
  clauses: QueryTerm[][];
  excluded: QueryTerm[];
  filters: Filters;
}

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
}

/** Split input into tokens: "quoted phrases" (an unclosed quote runs to the end), -negation, key:"values", words. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // a filter's value may be quoted, spaces and all: path:"Plugin Picks" is one token
  const re = /(-?)"([^"]*)("?)|([A-Za-z]+:"[^"]*"?|\S+)/g;
  for (const m of input.matchAll(re)) {
    if (m[4] !== undefined) {
      const raw = m[4];
      const negated = raw.length > 1 && raw.startsWith("-");
      tokens.push({ text: negated ? raw.slice(1) : raw, quoted: false, negated });
    } else {
      tokens.push({ text: m[2]!, quoted: true, negated: m[1] === "-" });
    }
  }
  return tokens;
}

const hasWordChar = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);
const FILTER = new RegExp(`^(${FILTER_KEYS.join("|")}):(.+)$`, "i");

/** Make a term from raw text, or undefined when it holds nothing searchable (`*`, `:`, `--`). */
function termOf(raw: string, quoted: boolean): QueryTerm | undefined {
  const prefix = !quoted && raw.endsWith("*");
  const text = (prefix ? raw.replace(/\*+$/, "") : raw).trim();
  if (!hasWordChar(text)) return undefined;
  return { text, phrase: quoted || /\s/.test(text), prefix };
}

/**
 * Parse the search language: words are ANDed, "a phrase", -word excludes, OR between
 * terms, prefix*, and filters (type: status: domain: tag: role: difficulty: visibility:
 * is:public|private|due updated:>DATE published:<DATE). Never throws for odd text; bad
 * filter values throw UsageError.
 */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { clauses: [], excluded: [], filters: emptyFilters() };
  let orPending = false;
  for (const tok of tokenize(input)) {
    if (!tok.quoted && !tok.negated && tok.text === "OR") {
      orPending = q.clauses.length > 0;
      continue;
    }
    const filter = !tok.quoted ? FILTER.exec(tok.text) : null;
    if (filter && !tok.negated) {
      addFilter(q.filters, filter[1]!, filter[2]!.replace(/^"|"$/g, ""));
      continue;
    }
    const term = termOf(tok.text, tok.quoted);
    if (!term) continue;
    if (tok.negated) q.excluded.push(term);
    else if (orPending) q.clauses[q.clauses.length - 1]!.push(term);
    else q.clauses.push([term]);
    orPending = false;
  }
  return q;
}

/** Quote a term for FTS5 so no user text is read as FTS syntax. */
function ftsTerm(t: QueryTerm): string {
  return `"${t.text.replace(/"/g, '""')}"${t.prefix ? "*" : ""}`;
}

const clauseFts = (c: QueryTerm[]): string => (c.length === 1 ? ftsTerm(c[0]!) : `(${c.map(ftsTerm).join(" OR ")})`);

/**
 * The FTS5 MATCH expression for the positive part, with exclusions appended as NOT;
 * undefined when the query has no positive terms (then exclusions are applied separately).
 */
export function toFtsMatch(q: Pick<ParsedQuery, "clauses" | "excluded">): string | undefined {
  if (q.clauses.length === 0) return undefined;
  const positive = q.clauses.map(clauseFts).join(" AND ");
  if (q.excluded.length === 0) return positive;
  return `(${positive}) NOT (${q.excluded.map(ftsTerm).join(" OR ")})`;
}

/** The FTS5 expression matching any excluded term (for queries with only exclusions). */
export function excludedFts(q: ParsedQuery): string | undefined {
  return q.excluded.length ? q.excluded.map(ftsTerm).join(" OR ") : undefined;
}

/** The words of a text as the index splits them: letters and digits, lower case, accents dropped. */
export const wordsOf = (text: string): string[] =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words of a query that is only words and phrases (no OR, no prefix*), else undefined. */
export function plainWords(q: Pick<ParsedQuery, "clauses">): string[] | undefined {
  if (q.clauses.length === 0 || q.clauses.some((c) => c.length !== 1 || c[0]!.prefix)) return undefined;
  return q.clauses.flatMap((c) => wordsOf(c[0]!.text));
}

/** The FTS5 expression matching notes whose title alone holds every positive clause. */
export const titleFts = (q: Pick<ParsedQuery, "clauses">): string | undefined =>
  q.clauses.length ? `{title} : (${q.clauses.map(clauseFts).join(" AND ")})` : undefined;

/** A clause as the user wrote it, for messages: `word`, `"a phrase"`, `a OR b`, `prefix*`. */
export const clauseText = (c: QueryTerm[]): string =>
  c.map((t) => (t.phrase ? `"${t.text}"` : `${t.text}${t.prefix ? "*" : ""}`)).join(" OR ");

/** The query with each lone "phrase" read as its separate words; `phrases` are the ones split. */
export function splitPhrases(q: ParsedQuery): { query: ParsedQuery; phrases: string[] } {
  const phrases: string[] = [];
  const clauses = q.clauses.flatMap((c): QueryTerm[][] => {
    if (c.length !== 1 || !c[0]!.phrase) return [c];
    const words = c[0]!.text
      .split(/\s+/)
      .filter(hasWordChar)
      .map((text) => ({ text, phrase: false, prefix: false }));
    if (words.length < 2) return [c];
    phrases.push(c[0]!.text);
    return words.map((t) => [t]);
  });
  return { query: { ...q, clauses }, phrases };
}
