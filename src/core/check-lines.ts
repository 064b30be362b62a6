import { lineNoteLinks, lineWikiRefs, splitWikilink } from "./markdown.js";

const KEY = /^\s*([^\s:#][^:]*?)\s*:/;
const unquote = (s: string): string =>
  s
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2")
    .trim();

/**
 * Line numbers in one note's text, for findings. Each table (front-matter keys, list items,
 * links) is built once by one pass over the text, so looking up every link of a note with
 * 100k links costs one pass, not one pass per link.
 */
export class NoteLines {
  private all?: string[];
  private fm?: { line: number; text: string }[];
  private keys?: Map<string, number>;
  private readonly items = new Map<string, Map<string, number>>();
  private links?: Map<string, number>;

  constructor(private readonly text: string) {}

  private lines(): string[] {
    return (this.all ??= this.text.split(/\r?\n/));
  }

  /** The lines of the front-matter block (1-based line numbers), or none when there is no block. */
  private frontMatter(): { line: number; text: string }[] {
    if (this.fm) return this.fm;
    const lines = this.lines();
    this.fm = [];
    if (lines[0]?.replace(/^\uFEFF/, "").trim() !== "---") return this.fm;
    for (let i = 1; i < lines.length && lines[i]!.trim() !== "---"; i++) this.fm.push({ line: i + 1, text: lines[i]! });
    return this.fm;
  }

  /** The 1-based line of a front-matter key (matched case-insensitively, first wins), or undefined. */
  keyLine(key: string): number | undefined {
    if (!this.keys) {
      this.keys = new Map();
      for (const l of this.frontMatter()) {
        const m = KEY.exec(l.text);
        const k = m?.[1]!.toLowerCase();
        if (k !== undefined && !this.keys.has(k)) this.keys.set(k, l.line);
      }
    }
    return this.keys.get(key.toLowerCase());
  }

  /** The 1-based line of `value` inside the front-matter list `key` (inline or block form), else the key's line. */
  listItemLine(key: string, value: string): number | undefined {
    const start = this.keyLine(key);
    if (start === undefined) return undefined;
    let items = this.items.get(key.toLowerCase());
    if (!items) {
      items = new Map();
      for (const l of this.frontMatter()) {
        if (l.line < start) continue;
        if (l.line > start && /^\S/.test(l.text)) break; // the next key: the list ended
        const text = l.line === start ? l.text.replace(KEY, "") : l.text;
        for (const part of text
          .replace(/^\s*-\s/, "")
          .replace(/^\s*\[|\]\s*$/g, "")
          .split(",")) {
          const item = unquote(part).toLowerCase();
          if (item && !items.has(item)) items.set(item, l.line);
        }
      }
      this.items.set(key.toLowerCase(), items);
    }
    return items.get(value.trim().toLowerCase()) ?? start;
  }

  /** The 1-based line where a `[[wikilink]]` or Markdown link to `target` (as the index stores it) first occurs. */
  linkLine(kind: "wikilink" | "embed" | "markdown", target: string): number | undefined {
    if (!this.links) {
      this.links = new Map();
      this.lines().forEach((line, i) => {
        // either side of `|` may be the target (Dendron writes [[label|target]]): both are recorded
        for (const r of lineWikiRefs(line))
          for (const t of new Set([splitWikilink(r.inner).target, splitWikilink(r.inner, "dendron").target]))
            if (!this.links!.has(`w${t}`)) this.links!.set(`w${t}`, i + 1);
        for (const t of lineNoteLinks(line)) if (!this.links!.has(`m${t}`)) this.links!.set(`m${t}`, i + 1);
      });
    }
    return this.links.get(`${kind === "markdown" ? "m" : "w"}${target}`);
  }
}

/** The 1-based line of a front-matter key (matched case-insensitively), or undefined. */
/** The 1-based line of the first line at or after `from` that holds `needle`. */
export function lineOf(text: string, needle: string, from = 1): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, from - 1); i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return undefined;
}

export const keyLine = (text: string, key: string): number | undefined => new NoteLines(text).keyLine(key);

/** The 1-based line of `value` inside the front-matter list `key` (inline or block form), else the key's line. */
export const listItemLine = (text: string, key: string, value: string): number | undefined =>
  new NoteLines(text).listItemLine(key, value);
