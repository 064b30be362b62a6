import type { LinkRow, NoteRow } from "./index-types.js";
import { isPublic } from "./check-links.js";
import { isValidSlug, slugFromPath, slugify, uniqueSlug } from "./slug.js";

/** A public note on its way to the site: its index row, its Markdown body and its page file. */
export interface SiteNote {
  row: NoteRow;
  body: string;
  /** Page path relative to the site root, e.g. `notes/http-caching.html`. */
  file: string;
  /** Set to the cap in bytes when only the start of a longer note was read. */
  truncatedAt?: number;
}

/** Where a link in a public note points: a public page, or something that must render as plain text. */
export type LinkTarget = { kind: "public"; note: SiteNote } | { kind: "private" } | { kind: "broken" };

/** A tag of public notes and its page. */
export interface SiteTag {
  tag: string;
  file: string;
  notes: SiteNote[];
}

/** Everything the pages need: public notes only, links resolved, tags gathered. */
export interface SiteModel {
  /** Public notes, by slug. */
  notes: SiteNote[];
  tags: SiteTag[];
  resolve(fromSlug: string, kind: LinkRow["kind"], target: string): LinkTarget;
  /** Public notes in this note's `related:`, in the order written. */
  related(slug: string): SiteNote[];
  /** Public notes that link to this one, by title. */
  backlinks(slug: string): SiteNote[];
}

const lower = (s: string): string => s.toLowerCase();
const byTitle = (a: SiteNote, b: SiteNote): number =>
  a.row.title.localeCompare(b.row.title, "en") || a.row.slug.localeCompare(b.row.slug, "en");
const fileStem = (target: string): string => lower(slugFromPath(target.replace(/#.*$/, "")).trim());

/** A file-safe, unique name for a slug or tag (`taken` holds names used so far). */
function fileName(name: string, taken: Set<string>): string {
  const base = isValidSlug(name) ? name : slugify(name) || "page";
  const unique = uniqueSlug(base, (s) => taken.has(s));
  taken.add(unique);
  return unique;
}

/**
 * Build the site model from every indexed note and link. Only public notes get in;
 * `bodyOf` is called for public notes only, so private text is never even read;
 * `truncatedAt` says which of them were cut at a size cap.
 */
export function buildSiteModel(
  allNotes: readonly NoteRow[],
  allLinks: readonly LinkRow[],
  bodyOf: (row: NoteRow) => string,
  truncatedAt: (row: NoteRow) => number | undefined = () => undefined,
): SiteModel {
  const rows = [...allNotes].sort((a, b) => a.slug.localeCompare(b.slug, "en") || a.path.localeCompare(b.path, "en"));
  const known = new Map(rows.map((r) => [lower(r.slug), r]));
  const pageNames = new Set<string>();
  const notes = rows.filter(isPublic).map((row) => {
    const cut = truncatedAt(row);
    const file = `notes/${fileName(row.slug, pageNames)}.html`;
    return { row, body: bodyOf(row), file, ...(cut === undefined ? {} : { truncatedAt: cut }) };
  });
  const pub = new Map(notes.map((n) => [lower(n.row.slug), n]));
  const linksFrom = new Map<string, LinkRow[]>();
  for (const l of allLinks) {
    const key = lower(l.from_slug);
    if (!pub.has(key)) continue;
    const list = linksFrom.get(key);
    if (list) list.push(l);
    else linksFrom.set(key, [l]);
  }
  const targetOf = (slug: string | null | undefined): LinkTarget => {
    if (!slug) return { kind: "broken" };
    const note = pub.get(lower(slug));
    if (note) return { kind: "public", note };
    return known.has(lower(slug)) ? { kind: "private" } : { kind: "broken" };
  };
  // One lookup table per note, built when first asked: a note of 100k links resolves in linear time.
  const linkKey = (kind: LinkRow["kind"], target: string): string =>
    `${kind}\0${kind === "markdown" ? target : lower(target.trim())}`;
  const tables = new Map<string, Map<string, LinkRow>>();
  const tableOf = (from: string): Map<string, LinkRow> => {
    let table = tables.get(from);
    if (!table) {
      table = new Map();
      for (const l of linksFrom.get(from) ?? [])
        if (!table.has(linkKey(l.kind, l.target))) table.set(linkKey(l.kind, l.target), l);
      tables.set(from, table);
    }
    return table;
  };
  const resolve = (fromSlug: string, kind: LinkRow["kind"], target: string): LinkTarget => {
    const want = kind === "markdown" ? target.replace(/#.*$/, "") : target;
    const row = tableOf(lower(fromSlug)).get(linkKey(kind, want));
    if (row) return targetOf(row.to_slug);
    return targetOf(known.has(fileStem(target)) ? fileStem(target) : null);
  };
  const related = (slug: string): SiteNote[] => {
    const seen = new Set<string>();
    return (linksFrom.get(lower(slug)) ?? []).flatMap((l) => {
      const t = l.kind === "related" ? targetOf(l.to_slug) : undefined;
      if (t?.kind !== "public" || seen.has(t.note.file) || lower(t.note.row.slug) === lower(slug)) return [];
      seen.add(t.note.file);
      return [t.note];
    });
  };
  const linkedFrom = new Map<string, Set<string>>();
  for (const l of [...linksFrom.values()].flat()) {
    if (!l.to_slug) continue;
    const to = lower(l.to_slug);
    if (to !== lower(l.from_slug)) linkedFrom.set(to, (linkedFrom.get(to) ?? new Set()).add(lower(l.from_slug)));
  }
  const backlinks = (slug: string): SiteNote[] =>
    [...(linkedFrom.get(lower(slug)) ?? [])].map((s) => pub.get(s)!).sort(byTitle);
  return { notes, tags: gatherTags(notes), resolve, related, backlinks };
}

/** Tags used by public notes, sorted, each with its page and notes (by title). */
function gatherTags(notes: readonly SiteNote[]): SiteTag[] {
  const byTag = new Map<string, SiteNote[]>();
  for (const n of notes) for (const t of new Set(n.row.tags)) byTag.set(t, [...(byTag.get(t) ?? []), n]);
  const names = new Set<string>();
  return [...byTag.keys()]
    .sort((a, b) => a.localeCompare(b, "en"))
    .map((tag) => ({ tag, file: `tags/${fileName(tag, names)}.html`, notes: byTag.get(tag)!.sort(byTitle) }));
}
