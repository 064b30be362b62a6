// Roadmap items are the bullets of a roadmap note (type: roadmap) that name an id:
//   - HTTP fundamentals (http-fundamentals): what knowing it means.
// The item's domain is the id in brackets at the end of the `##` heading above it
// (`## Core backend (core-backend)`). Wikilinks in the bullet name notes that cover it.

/** One item of a roadmap note. */
export interface RoadmapItem {
  id: string;
  name: string;
  /** The id of the section the item sits in, when the heading names one. */
  domain?: string;
  /** Notes the bullet itself links to with [[slug]]. */
  links: string[];
  /** 1-based line in the note's body. */
  line: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const SECTION = /^\s{0,3}#{1,6}\s+.*?\(([a-z0-9]+(?:-[a-z0-9]+)*)\)\s*#*\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s/;
const ITEM = /^\s*[-*+]\s+(?!\[[ xX]\])(.+?)\s+\(([a-z0-9]+(?:-[a-z0-9]+)*)\)\s*:/;
const WIKILINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;

/** The items of a roadmap note's body, in order; a repeated id keeps its first bullet. */
export function parseRoadmapItems(body: string): RoadmapItem[] {
  const items: RoadmapItem[] = [];
  const seen = new Set<string>();
  let fence: string | undefined;
  let domain: string | undefined;
  body.split(/\r?\n/).forEach((line, i) => {
    const f = FENCE.exec(line);
    if (f) {
      if (!fence) fence = f[1]!;
      else if (f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      return;
    }
    if (fence) return;
    if (HEADING.test(line)) {
      domain = SECTION.exec(line)?.[1];
      return;
    }
    const m = ITEM.exec(line);
    if (!m || seen.has(m[2]!)) return;
    seen.add(m[2]!);
    const links = [...line.matchAll(WIKILINK)].map((w) => w[1]!.trim().toLowerCase());
    items.push({
      id: m[2]!,
      name: m[1]!.replace(/\*\*|__/g, "").trim(),
      ...(domain ? { domain } : {}),
      links,
      line: i + 1,
    });
  });
  return items;
}
