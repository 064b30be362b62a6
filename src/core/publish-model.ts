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
  /** Where a link written in the note at `fromPath` leads. */
  resolve(fromPath: string, kind: LinkRow["kind"], target: string): LinkTarget;
  /** Public notes in the `related:` of the note at `path`, in the order written. */
  related(path: string): SiteNote[];
  /** Public notes that link to the note at `path`, by title. */
  backlinks(path: string): SiteNote[];
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
  const pageNames = new Set<string>();
  const notes = rows.filter(isPublic).map((row) => {
    const cut = truncatedAt(row);
    const file = `notes/${fileName(row.slug, pageNames)}.html`;
    return { row, body: bodyOf(row), file, ...(cut === undefined ? {} : { truncatedAt: cut }) };
  });
  // Links are grouped and resolved by path, never by slug: two notes may share a file name.
  const pubByPath = new Map(notes.map((n) => [n.row.path, n]));
  const pathBySlug = new Map<string, string>();
  for (const r of rows) if (!pathBySlug.has(lower(r.slug))) pathBySlug.set(lower(r.slug), r.path);
  const knownPaths = new Set(rows.map((r) => r.path));
  // Rows built by hand may leave the paths out: then the slug stands for the (first) note of that name.
  const fromOf = (l: LinkRow): string | undefined => l.from_path ?? pathBySlug.get(lower(l.from_slug));
  const toOf = (l: LinkRow): string | undefined =>
    l.to_path && knownPaths.has(l.to_path) ? l.to_path : l.to_slug ? pathBySlug.get(lower(l.to_slug)) : undefined;
  const linksFrom = new Map<string, LinkRow[]>();
  for (const l of allLinks) {
    const from = fromOf(l);
    if (from === undefined || !pubByPath.has(from)) continue;
    const list = linksFrom.get(from);
    if (list) list.push(l);
    else linksFrom.set(from, [l]);
  }
  const targetAt = (path: string | undefined): LinkTarget => {
    if (path === undefined) return { kind: "broken" };
    const note = pubByPath.get(path);
    if (note) return { kind: "public", note };
    return knownPaths.has(path) ? { kind: "private" } : { kind: "broken" };
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
  const resolve = (fromPath: string, kind: LinkRow["kind"], target: string): LinkTarget => {
    const want = kind === "markdown" ? target.replace(/#.*$/, "") : target;
    const row = tableOf(fromPath).get(linkKey(kind, want));
    if (row) return targetAt(toOf(row));
    return targetAt(pathBySlug.get(fileStem(target)));
  };
  const related = (path: string): SiteNote[] => {
    const seen = new Set<string>();
    return (linksFrom.get(path) ?? []).flatMap((l) => {
      const t = l.kind === "related" ? targetAt(toOf(l)) : undefined;
      if (t?.kind !== "public" || seen.has(t.note.file) || t.note.row.path === path) return [];
      seen.add(t.note.file);
      return [t.note];
    });
  };
  const linkedFrom = new Map<string, Set<string>>();
  for (const [from, list] of linksFrom)
    for (const l of list) {
      const to = toOf(l);
      if (to !== undefined && to !== from) linkedFrom.set(to, (linkedFrom.get(to) ?? new Set()).add(from));
    }
  const backlinks = (path: string): SiteNote[] =>
    [...(linkedFrom.get(path) ?? [])].map((p) => pubByPath.get(p)!).sort(byTitle);
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
