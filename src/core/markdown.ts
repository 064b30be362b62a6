/** What the index needs from a note's Markdown body, gathered in one pass. */
export interface BodyFacts {
  /** ATX headings outside code fences, without the leading #s. */
  headings: string[];
  /** The first level-1 heading, if any. */
  firstH1?: string;
  /** `[[…]]` wikilinks and `![[…]]` embeds as written (split by splitWikilink, which knows the dialect). */
  wikilinks: WikiRef[];
  /** Relative Markdown link and image destinations (no scheme; %-decoded), with their #anchor. */
  mdLinks: MdRef[];
  checklist: { done: number; total: number };
  /** Inline `#tags` and `#nested/tags` (without the #, as written, first spelling of each), outside code. */
  tags: string[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s/;
// `[[inner]]` or `![[inner]]`: the inner text is split later, by the dialect.
const WIKIREF = /(!?)\[\[([^\][\n]+)\]\]/g;
// An inline code span: a run of backticks, then anything up to the same run (CommonMark, on one line).
const CODE_SPAN = /(`+)(?!`)(.+?)(?<!`)\1(?!`)/g;
// `](target "title")`, `](<target with spaces>)`: the destination of an inline link or image.
const MDLINK = /\]\(\s*(?:<([^>\n]*)>|([^\s)]+))(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
// `[label]: target "title"`: a reference definition, which publish renders as a link too.
const REFDEF = /^\s{0,3}\[(?!\^)[^\]\n]+\]:\s*(?:<([^>\n]*)>|(\S+))/; // `[^1]: text` is a footnote, not a link
// `#tag` after white space or at the start of a line (so never `page#anchor`, `](#part)`, `[[Note#part]]`, `&#38;`, `C#`).
// Dendron's hierarchical tags use dots (`#stage.germ`); a sentence's full stop after a tag is not part of it.
const INLINE_TAG = /(?<=^|\s)#([\p{L}\p{N}_\-/.]+)/gu;
// A CSS colour: 3, 4, 6 or 8 hex digits with a digit in them or one letter repeated (#1e90ff, #fff).
const COLOUR = /^(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NOTE_FILE = /\.(?:md|markdown)$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A `[[…]]` as written: its inner text, and whether it is an `![[embed]]`. */
export interface WikiRef {
  inner: string;
  embed: boolean;
}

/** A Markdown link destination: the path (no query or anchor, %-decoded) and its `#anchor`. */
export interface MdRef {
  path: string;
  anchor?: string;
}

/** A wikilink's parts once the dialect has said which side of `|` is the target. */
export interface WikiParts {
  /** The note or file named: no label, no #anchor, no `dendron://vault/` prefix. */
  target: string;
  /** `heading` of `[[note#heading]]`, or `^block` of `[[note#^block]]`. */
  anchor?: string;
  /** The label, or for an embed the size (`![[a.png|300]]`). */
  label?: string;
}

/**
 * Split a wikilink's inner text. Obsidian, Foam, zk and learn write `[[target#anchor|label]]`;
 * Dendron writes `[[label|target#anchor]]` and may prefix `dendron://vault/` (the vault is dropped).
 */
export function splitWikilink(inner: string, dialect?: string): WikiParts {
  const bar = inner.indexOf("|");
  let target = inner;
  let label: string | undefined;
  if (bar >= 0) {
    if (dialect === "dendron") {
      label = inner.slice(0, inner.lastIndexOf("|")).trim();
      target = inner.slice(inner.lastIndexOf("|") + 1);
    } else {
      label = inner.slice(bar + 1).trim();
      target = inner.slice(0, bar);
    }
  }
  target = target.trim().replace(/^dendron:\/\/[^/]*\//i, "");
  const hash = target.indexOf("#");
  const anchor = hash >= 0 ? target.slice(hash + 1).trim() : undefined;
  if (hash >= 0) target = target.slice(0, hash).trim();
  return { target, ...(anchor ? { anchor } : {}), ...(label ? { label } : {}) };
}

/**
 * What a Markdown link destination points at inside the workspace: a relative or `/`-rooted
 * path without query or anchor, %-decoded (`./b.md?x=1#top` is `b.md` with anchor `top`), or
 * undefined for a URL with a scheme, a bare `#anchor` or nothing. Notes and attachments alike.
 */
function mdLinkRef(dest: string): MdRef | undefined {
  // a URL (even one wrapped in stray parentheses) or a [[wikilink]] written as a destination is no path
  if (SCHEME.test(dest) || dest.startsWith("//") || dest.includes("://") || dest.startsWith("[[")) return undefined;
  const hash = dest.indexOf("#");
  const anchor = hash >= 0 ? safeDecode(dest.slice(hash + 1)) : undefined;
  const path = safeDecode(dest.replace(/[?#].*$/s, "")).trim();
  if (!path || SCHEME.test(path)) return undefined;
  return anchor ? { path, anchor } : { path };
}

/**
 * The note a Markdown link destination points at, as a relative path without query or
 * anchor and %-decoded (`./b.md?x=1#top` and `b%2Emd` are both `b.md`), or undefined when
 * it is not a link to a .md/.markdown file (a URL with a scheme, an image, a bare anchor).
 */
export function noteLinkTarget(dest: string): string | undefined {
  const ref = mdLinkRef(dest);
  return ref && NOTE_FILE.test(ref.path) ? ref.path : undefined;
}

/** A line with its inline code spans blanked out (same length), so links inside them are not read. */
const withoutCodeSpans = (line: string): string =>
  line.includes("`") ? line.replace(CODE_SPAN, (m) => " ".repeat(m.length)) : line;

/** Every `[[…]]` and `![[…]]` of one line of Markdown, outside code spans. */
export function lineWikiRefs(line: string): WikiRef[] {
  if (!line.includes("[[")) return [];
  return [...withoutCodeSpans(line).matchAll(WIKIREF)].map((m) => ({ inner: m[2]!, embed: m[1] === "!" }));
}

/** Every place a line links to with Markdown syntax (inline links, images, reference definitions), outside code spans. */
export function lineMdRefs(raw: string): MdRef[] {
  const out: MdRef[] = [];
  if (!raw.includes("]")) return out;
  const line = withoutCodeSpans(raw);
  const def = line.includes("]:") ? REFDEF.exec(line) : null;
  if (def) {
    const t = mdLinkRef(def[1] ?? def[2]!);
    if (t) out.push(t);
  }
  if (line.includes("](")) {
    for (const m of line.matchAll(MDLINK)) {
      const t = mdLinkRef(m[1] ?? m[2]!);
      if (t) out.push(t);
    }
  }
  return out;
}

/** Every path a line links to with Markdown syntax (as the index stores Markdown link targets). */
export const lineNoteLinks = (line: string): string[] => lineMdRefs(line).map((r) => r.path);

/** True when a `#word` is a tag: not all digits (`#123` is an issue number) and not a colour (`#fff`, `#1e90ff`). */
function isTag(tag: string): boolean {
  if (!/[^\p{N}_\-/.]/u.test(tag)) return false;
  return !(COLOUR.test(tag) && (/\d/.test(tag) || /^(.)\1*$/.test(tag)));
}

/**
 * The inline tags of one line of Markdown outside fenced code: `#tag` and `#nested/tag` at the start
 * of the line or after white space, not in a code span or an indented line, not all digits, not a hex colour. A heading's
 * own marks (`# Title`) are not tags: a tag has no space after its #.
 */
export function lineTags(line: string): string[] {
  // an indented code block (4 spaces or a tab) holds `#include` and `# comments`, not tags
  if (!line.includes("#") || /^(?: {4}|\t)/.test(line)) return [];
  const text = line.includes("`") ? line.replace(CODE_SPAN, " ") : line;
  const out: string[] = [];
  for (const m of text.matchAll(INLINE_TAG)) {
    const tag = m[1]!.replace(/[/.]+$/, "").replace(/^[/.]+/, "");
    if (tag && isTag(tag)) out.push(tag);
  }
  return out;
}

/**
 * A line-by-line reader of fenced code blocks (``` or ~~~, closed by a fence of the same
 * character at least as long): true for a fence line or a line inside a block.
 */
export function codeFences(): (line: string) => boolean {
  let fence: string | undefined;
  return (line) => {
    const f = FENCE.exec(line);
    if (!f) return fence !== undefined;
    const mark = f[1]!;
    if (!fence) fence = mark;
    else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
    return true;
  };
}

/** Scan a Markdown body for headings, links and checklist items, skipping fenced code. */
export function scanBody(body: string): BodyFacts {
  const facts: BodyFacts = { headings: [], wikilinks: [], mdLinks: [], checklist: { done: 0, total: 0 }, tags: [] };
  const inCode = codeFences();
  const seenTags = new Set<string>();
  for (const line of body.split("\n")) {
    if (inCode(line)) continue;
    for (const tag of lineTags(line)) {
      if (seenTags.has(tag.toLowerCase())) continue;
      seenTags.add(tag.toLowerCase());
      facts.tags.push(tag);
    }
    const h = HEADING.exec(line);
    if (h) {
      const textOf = h[2]!.trim();
      if (textOf) {
        facts.headings.push(textOf);
        if (h[1] === "#" && facts.firstH1 === undefined) facts.firstH1 = textOf;
      }
      // a heading's links are links too (`# Picks from [[Plugins]]`): read on below
    }
    const t = TASK.exec(line);
    if (t) {
      facts.checklist.total++;
      if (t[1] !== " ") facts.checklist.done++;
    }
    for (const t of lineWikiRefs(line)) facts.wikilinks.push(t); // a loop: a 1 MB line may hold 100k links
    for (const t of lineMdRefs(line)) facts.mdLinks.push(t);
  }
  return facts;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One ATX heading with its level and 0-based line in the scanned text. */
export interface HeadingLine {
  text: string;
  level: number;
  line: number;
}

/** The ATX headings of a Markdown text outside code fences, with their 0-based lines (for outlines). */
export function headingLines(text: string): HeadingLine[] {
  const out: HeadingLine[] = [];
  const inCode = codeFences();
  text.split("\n").forEach((line, i) => {
    const h = inCode(line) ? null : HEADING.exec(line);
    if (h && h[2]!.trim()) out.push({ text: h[2]!.trim(), level: h[1]!.length, line: i });
  });
  return out;
}
