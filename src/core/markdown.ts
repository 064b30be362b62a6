/** What the index needs from a note's Markdown body, gathered in one pass. */
export interface BodyFacts {
  /** ATX headings outside code fences, without the leading #s. */
  headings: string[];
  /** The first level-1 heading, if any. */
  firstH1?: string;
  /** `[[target]]` wikilink targets (label and #heading removed). */
  wikilinks: string[];
  /** Relative Markdown link targets to .md/.markdown files (no scheme, no anchor). */
  mdLinks: string[];
  checklist: { done: number; total: number };
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s/;
const WIKILINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;
const MDLINK = /\]\(\s*<?([^)\s>]+\.(?:md|markdown))(?:#[^)\s]*)?>?(?:\s+"[^"]*")?\s*\)/gi;

/** Scan a Markdown body for headings, links and checklist items, skipping fenced code. */
export function scanBody(body: string): BodyFacts {
  const facts: BodyFacts = { headings: [], wikilinks: [], mdLinks: [], checklist: { done: 0, total: 0 } };
  let fence: string | undefined;
  for (const line of body.split("\n")) {
    const f = FENCE.exec(line);
    if (f) {
      const mark = f[1]!;
      if (!fence) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
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
    if (line.includes("[[")) {
      for (const m of line.matchAll(WIKILINK)) facts.wikilinks.push(m[1]!.trim());
    }
    if (line.includes("](")) {
      for (const m of line.matchAll(MDLINK)) {
        const target = m[1]!;
        if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) facts.mdLinks.push(safeDecode(target));
      }
    }
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
  let fence: string | undefined;
  text.split("\n").forEach((line, i) => {
    const f = FENCE.exec(line);
    if (f) {
      const mark = f[1]!;
      if (!fence) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      return;
    }
    const h = fence ? null : HEADING.exec(line);
    if (h && h[2]!.trim()) out.push({ text: h[2]!.trim(), level: h[1]!.length, line: i });
  });
  return out;
}
