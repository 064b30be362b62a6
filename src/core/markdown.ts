/** What the index needs from a note's Markdown body, gathered in one pass. */
export interface BodyFacts {
  /** ATX headings outside code fences, without the leading #s. */
  headings: string[];
  /** The first level-1 heading, if any. */
  firstH1?: string;
  /** `[[target]]` wikilink targets (label and #heading removed). */
  wikilinks: string[];
  /** Relative Markdown link targets to .md/.markdown files (no scheme, query or anchor; %-decoded). */
  mdLinks: string[];
  checklist: { done: number; total: number };
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s/;
const WIKILINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;
// `](target "title")`, `](<target with spaces>)`: the destination of an inline link or image.
const MDLINK = /\]\(\s*(?:<([^>\n]*)>|([^\s)]+))(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
// `[label]: target "title"`: a reference definition, which publish renders as a link too.
const REFDEF = /^\s{0,3}\[[^\]\n]+\]:\s*(?:<([^>\n]*)>|(\S+))/;
const NOTE_FILE = /\.(?:md|markdown)$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The note a Markdown link destination points at, as a relative path without query or
 * anchor and %-decoded (`./b.md?x=1#top` and `b%2Emd` are both `b.md`), or undefined when
 * it is not a link to a .md/.markdown file (a URL with a scheme, an image, a bare anchor).
 */
export function noteLinkTarget(dest: string): string | undefined {
  if (SCHEME.test(dest)) return undefined;
  const path = safeDecode(dest.replace(/[?#].*$/s, "")).trim();
  return path && NOTE_FILE.test(path) && !SCHEME.test(path) ? path : undefined;
}

/** Every wikilink target in one line of Markdown (label and #heading removed, trimmed). */
export function lineWikilinks(line: string): string[] {
  return line.includes("[[") ? [...line.matchAll(WIKILINK)].map((m) => m[1]!.trim()) : [];
}

/** Every note a line links to with Markdown syntax: inline links, images and reference definitions. */
export function lineNoteLinks(line: string): string[] {
  const out: string[] = [];
  const def = line.includes("]:") ? REFDEF.exec(line) : null;
  if (def) {
    const t = noteLinkTarget(def[1] ?? def[2]!);
    if (t) out.push(t);
  }
  if (line.includes("](")) {
    for (const m of line.matchAll(MDLINK)) {
      const t = noteLinkTarget(m[1] ?? m[2]!);
      if (t) out.push(t);
    }
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
  const facts: BodyFacts = { headings: [], wikilinks: [], mdLinks: [], checklist: { done: 0, total: 0 } };
  const inCode = codeFences();
  for (const line of body.split("\n")) {
    if (inCode(line)) continue;
    const h = HEADING.exec(line);
    if (h) {
      const textOf = h[2]!.trim();
      if (textOf) {
        facts.headings.push(textOf);
        if (h[1] === "#" && facts.firstH1 === undefined) facts.firstH1 = textOf;
      }
      continue;
    }
    const t = TASK.exec(line);
    if (t) {
      facts.checklist.total++;
      if (t[1] !== " ") facts.checklist.done++;
    }
    for (const t of lineWikilinks(line)) facts.wikilinks.push(t); // a loop: a 1 MB line may hold 100k links
    for (const t of lineNoteLinks(line)) facts.mdLinks.push(t);
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
