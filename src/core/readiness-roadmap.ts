import { codeFences } from "./markdown.js";
// Roadmap items are the bullets of a roadmap note (type: roadmap) that name an id:
//   - HTTP fundamentals (http-fundamentals): what knowing it means.
//   - HTTP fundamentals (http-fundamentals) [backend, ai-api:2]: the roles that need it, weights optional.
// The item's domain is the id in brackets at the end of the `##` heading above it
// (`## Core backend (core-backend)`), and roles after it (`## Core backend (core-backend) [backend]`)
// need every item of the section. Wikilinks in the bullet name notes that cover it.

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
  /** Roles that need the item (its section's and its own), each with its weight. */
  roles: Record<string, number>;
}

/** A roadmap note's items, and the bullets that repeat an id seen before. */
export interface ParsedRoadmap {
  items: RoadmapItem[];
  duplicates: RoadmapItem[];
}

const ID = "[a-z0-9]+(?:-[a-z0-9]+)*";
const SECTION = new RegExp(`^\\s{0,3}#{1,6}\\s+.*?\\((${ID})\\)(?:\\s*\\[([^\\]\\n]*)\\])?\\s*#*\\s*$`);
const HEADING = /^\s{0,3}#{1,6}\s/;
const ITEM = new RegExp(`^\\s*[-*+]\\s+(?!\\[[ xX]\\])(.+?)\\s+\\((${ID})\\)(?:\\s*\\[([^\\]\\n]*)\\])?\\s*:`);
const WIKILINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;
const ROLE = new RegExp(`^(${ID})(?:\\s*:\\s*(\\d+(?:\\.\\d+)?))?$`);

/** `backend, ai-api:2` as role -> weight (a bare role weighs 1); entries that do not read as one are skipped. */
export function parseRoleList(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (text ?? "").split(",")) {
    const m = ROLE.exec(part.trim().toLowerCase());
    if (m) out[m[1]!] = m[2] === undefined ? 1 : Number(m[2]);
  }
  return out;
}

/** The items of a roadmap note's body, in order, and any bullet that repeats an id. */
export function parseRoadmap(body: string): ParsedRoadmap {
  const items: RoadmapItem[] = [];
  const duplicates: RoadmapItem[] = [];
  const seen = new Set<string>();
  const inCode = codeFences();
  let domain: string | undefined;
  let sectionRoles: Record<string, number> = {};
  body.split(/\r?\n/).forEach((line, i) => {
    if (inCode(line)) return;
    if (HEADING.test(line)) {
      const s = SECTION.exec(line);
      domain = s?.[1];
      sectionRoles = parseRoleList(s?.[2]);
      return;
    }
    const m = ITEM.exec(line);
    if (!m) return;
    const links = [...line.matchAll(WIKILINK)].map((w) => w[1]!.trim().toLowerCase());
    const item: RoadmapItem = {
      id: m[2]!,
      name: m[1]!.replace(/\*\*|__/g, "").trim(),
      ...(domain ? { domain } : {}),
      links,
      line: i + 1,
      roles: { ...sectionRoles, ...parseRoleList(m[3]) },
    };
    if (seen.has(item.id)) duplicates.push(item);
    else {
      seen.add(item.id);
      items.push(item);
    }
  });
  return { items, duplicates };
}

/** The items of a roadmap note's body, in order; a repeated id keeps its first bullet. */
export function parseRoadmapItems(body: string): RoadmapItem[] {
  return parseRoadmap(body).items;
}

/** An item with the roadmap note it came from. */
export interface SourcedItem extends RoadmapItem {
  path: string;
}

/** A bullet whose id an earlier bullet (in this or another roadmap note) already has. */
export interface DuplicateItem {
  id: string;
  path: string;
  line: number;
  first: { path: string; line: number };
}

/**
 * Several roadmap notes as one list of items: ids are global, so the first bullet of an id
 * (by note path, then line) wins and every later one is a duplicate.
 */
export function mergeRoadmaps(notes: readonly { path: string; body: string }[]): {
  items: SourcedItem[];
  duplicates: DuplicateItem[];
} {
  const items: SourcedItem[] = [];
  const duplicates: DuplicateItem[] = [];
  const first = new Map<string, SourcedItem>();
  const sorted = [...notes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const note of sorted) {
    const parsed = parseRoadmap(note.body);
    const all = [...parsed.items, ...parsed.duplicates].sort((a, b) => a.line - b.line);
    for (const item of all) {
      const had = first.get(item.id);
      if (had)
        duplicates.push({ id: item.id, path: note.path, line: item.line, first: { path: had.path, line: had.line } });
      else {
        const sourced = { ...item, path: note.path };
        first.set(item.id, sourced);
        items.push(sourced);
      }
    }
  }
  return { items, duplicates };
}
