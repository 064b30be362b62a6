import { groupOf } from "./publish-layout.js";
import type { SiteNote } from "./publish-model.js";

/** One public note in the page's search index. */
export interface SearchEntry {
  title: string;
  url: string;
  summary: string;
  tags: string[];
  type: string;
  status: string;
  difficulty: string;
  date: string;
  headings: string[];
  text: string;
}

/** Longest body text kept per note: enough to find a note by its words, small enough to load fast. */
const MAX_SEARCH_TEXT = 4000;
/** HTML read for that text: a long note's tail is never needed, so it is not scanned. */
const MAX_SEARCH_HTML = 16 * MAX_SEARCH_TEXT;

const ENTITY: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Plain text of rendered HTML (our own markdown-it output, whose text is always escaped). */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/?(?:p|li|ul|ol|h[1-6]|pre|blockquote|table|tr|td|th|br|hr|div)\b[^>]*>/g, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITY[e]!)
    .replace(/\s+/g, " ")
    .trim();
}

/** Heading texts of rendered HTML (so a `[[private-slug]]` in a heading shows as rendered, not as written). */
export function htmlHeadings(html: string): string[] {
  return [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => htmlToText(m[1]!)).filter(Boolean);
}

/**
 * A copy of `s` that holds no reference to the string it was cut from: V8 keeps a slice's whole
 * parent alive, and an entry kept for every note must not keep its whole page.
 */
const own = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** One public note's search entry, from its rendered HTML (so comments and private slugs are already gone). */
export function searchEntry(n: SiteNote, html: string): SearchEntry {
  return {
    title: n.row.title,
    url: n.file,
    summary: n.row.summary ?? "",
    tags: n.row.tags,
    type: groupOf(n.row.type).label,
    status: n.row.status ?? "",
    difficulty: n.row.difficulty ?? "",
    date: n.row.updated ?? n.row.published ?? "",
    headings: htmlHeadings(html).map(own),
    text: own(
      htmlToText(html.length > MAX_SEARCH_HTML ? html.slice(0, MAX_SEARCH_HTML) : html).slice(0, MAX_SEARCH_TEXT),
    ),
  };
}
