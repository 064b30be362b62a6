// Reading a document at a position: which link, front-matter key or word the cursor is on.
// The patterns follow the indexer's (core/markdown.ts), so what the server resolves is what the index stores.
import { splitWikilink } from "../core/markdown.js";

/** A link under the cursor: its target as written, its kind and the 0-based columns of the target. */
export interface LinkAt {
  kind: "wikilink" | "embed" | "markdown" | "related" | "covers";
  /** The note named: a wikilink's target (the dialect's side of `|`, no `#anchor`), a path, a name or an id. */
  target: string;
  /** A wikilink's whole inner text, as the indexer splits it. */
  inner?: string;
  /** A Markdown link's `#anchor`. */
  anchor?: string;
  start: number;
  end: number;
}

const WIKILINK = /(!?)\[\[([^\][\n]+)\]\]/g;
const MDLINK = /\]\(\s*<?([^)\s>#]+\.(?:md|markdown))(?:#([^)\s>]*))?>?(?:\s+"[^"]*")?\s*\)/gi;
const KEY = /^([A-Za-z_][\w-]*)\s*:/;

/** The 0-based line where the front matter closes, or -1 when the text has none (or it is unclosed). */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.replace(/^\uFEFF/, "").trimEnd() !== "---") return -1;
  for (let i = 1; i < lines.length; i++) if (lines[i]!.trimEnd() === "---") return i;
  return -1;
}

/** The front-matter key a line belongs to (its own key, or the key of the block list it is in), when in front matter. */
export function frontMatterKeyAt(lines: readonly string[], line: number): string | undefined {
  const end = frontMatterEnd(lines);
  // Mid-typing the block may not be closed yet: treat every line after an opening --- as front matter then.
  const open = lines[0]?.replace(/^\uFEFF/, "").trimEnd() === "---";
  if (!open || line < 1 || (end >= 0 && line >= end)) return undefined;
  for (let i = line; i >= 1; i--) {
    const m = KEY.exec(lines[i]!);
    if (m) return m[1]!.toLowerCase();
    if (!/^\s+|^\s*-/.test(lines[i]!) && lines[i]!.trim() !== "") return undefined;
  }
  return undefined;
}

/** The word (slug-like: letters, digits, - _ . /) around a column, with its columns. */
export function wordAt(line: string, col: number): { word: string; start: number; end: number } | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_./-]/u.test(c);
  let start = col;
  let end = col;
  while (start > 0 && isWord(line[start - 1])) start--;
  while (isWord(line[end])) end++;
  return start < end ? { word: line.slice(start, end), start, end } : undefined;
}

/**
 * The link (or related:/covers: entry) at a 0-based line and column of a document; `dialect`
 * says which side of a wikilink's `|` is the target (Dendron: the right).
 */
export function linkAt(lines: readonly string[], line: number, col: number, dialect?: string): LinkAt | undefined {
  const text = lines[line];
  if (text === undefined) return undefined;
  const key = frontMatterKeyAt(lines, line);
  if (key === "related" || key === "covers") {
    const value = text.replace(KEY, (m) => " ".repeat(m.length));
    const w = wordAt(value, col);
    return w ? { kind: key, target: w.word, start: w.start, end: w.end } : undefined;
  }
  for (const m of text.matchAll(WIKILINK)) {
    if (col >= m.index && col <= m.index + m[0].length) {
      const inner = m[2]!;
      const { target } = splitWikilink(inner, dialect);
      const open = m.index + m[1]!.length + 2;
      const at = dialect === "dendron" ? inner.lastIndexOf(target) : inner.indexOf(target);
      const start = open + Math.max(0, at);
      return { kind: m[1] ? "embed" : "wikilink", target, inner, start, end: start + target.length };
    }
  }
  for (const m of text.matchAll(MDLINK)) {
    if (col >= m.index && col <= m.index + m[0].length) {
      const start = text.indexOf(m[1]!, m.index);
      let target = m[1]!;
      try {
        target = decodeURIComponent(target);
      } catch {
        // keep it as written
      }
      return { kind: "markdown", target, ...(m[2] ? { anchor: m[2] } : {}), start, end: start + m[1]!.length };
    }
  }
  return undefined;
}
