import type { Finding } from "./check-model.js";
import { NoteLines } from "./check-lines.js";
import type { LinkRow, NoteRow } from "./index-types.js";

/** True when a note may be published: only `visibility: public` is; missing means private. */
export const isPublic = (note: { visibility?: string | null }): boolean => note.visibility === "public";

/** How a link looks in its note, for messages. */
function linkLabel(link: Pick<LinkRow, "kind" | "target">): string {
  if (link.kind === "related") return `related: ${link.target}`;
  if (link.kind === "wikilink") return `[[${link.target}]]`;
  if (link.kind === "embed") return `![[${link.target}]]`;
  return `(${link.target})`;
}

/** True for a link to a file that is not a note (an embed, an image, a PDF). */
const isFileLink = (link: Pick<LinkRow, "kind" | "target">): boolean =>
  link.kind === "embed" || (link.kind === "markdown" && !/\.(md|markdown)$/i.test(link.target));

/** A path's or link target's file name without .md/.markdown, lower-case: what a bare wiki link names. */
const fileName = (path: string): string =>
  path
    .slice(path.lastIndexOf("/") + 1)
    .replace(/\.(md|markdown)$/i, "")
    .toLowerCase();

/** The line a link was written on, from its note's line tables. */
function linkLine(at: NoteLines | undefined, link: LinkRow): number | undefined {
  if (!at) return undefined;
  return link.kind === "related" ? at.listItemLine("related", link.target) : at.linkLine(link.kind, link.target);
}

/**
 * Of `notes` with `self` in place of the note at its path, those linkFindings reads for `links`
 * (each link's ends by path or name, and every note sharing a target's file name), in their order:
 * the same findings as from all of them, without indexing thousands of notes for one document's
 * links (the editor's diagnostics run at every pause in typing).
 */
export function notesForLinks(notes: readonly NoteRow[], links: readonly LinkRow[], self: NoteRow): NoteRow[] {
  const paths = new Set<string>();
  const slugs = new Set<string>();
  for (const l of links) {
    if (l.from_path !== undefined) paths.add(l.from_path);
    slugs.add(l.from_slug.toLowerCase());
    if (l.to_path) paths.add(l.to_path);
    if (l.to_slug !== null) slugs.add(l.to_slug.toLowerCase());
  }
  const end = (n: NoteRow): boolean => paths.has(n.path) || slugs.has(n.slug.toLowerCase());
  const names = new Set<string>();
  for (const n of notes) if (n.path !== self.path && end(n)) names.add(fileName(n.path));
  if (end(self)) names.add(fileName(self.path));
  const out = notes.filter((n) => n.path !== self.path && (end(n) || (names.size > 0 && names.has(fileName(n.path)))));
  out.push(self);
  return out;
}

/**
 * Link findings: broken `related:`, `[[links]]` and Markdown links (warnings), and
 * public notes linking to notes that are not public (errors). `textOf` gives a
 * note's text by path, for line numbers; `only` limits the check to some paths.
 * Linear in links: every lookup is a Map, and each note's text is scanned once.
 */
export function linkFindings(
  notes: readonly NoteRow[],
  links: readonly LinkRow[],
  textOf: (path: string) => string | undefined,
  only?: ReadonlySet<string>,
): Finding[] {
  // By path: two notes may share a slug. Rows built by hand without paths fall back to slugs.
  const byPath = new Map(notes.map((n) => [n.path, n]));
  const bySlug = new Map(notes.map((n) => [n.slug.toLowerCase(), n]));
  // the notes of each file name (without .md, any case): a bare name two share is ambiguous
  const byName = new Map<string, string[]>();
  for (const n of notes) {
    const name = fileName(n.path);
    const paths = byName.get(name);
    if (paths) paths.push(n.path);
    else byName.set(name, [n.path]);
  }
  const out: Finding[] = [];
  const lines = new Map<string, NoteLines | undefined>();
  const linesOf = (path: string): NoteLines | undefined => {
    if (!lines.has(path)) {
      const text = textOf(path);
      lines.set(path, text === undefined ? undefined : new NoteLines(text));
    }
    return lines.get(path);
  };
  for (const link of links) {
    const from = link.from_path !== undefined ? byPath.get(link.from_path) : bySlug.get(link.from_slug.toLowerCase());
    if (!from || (only && !only.has(from.path))) continue;
    const line = (): number | undefined => linkLine(linesOf(from.path), link); // only for a finding: one pass per note that has one
    const toPath = link.to_path === undefined ? undefined : link.to_path;
    // an attachment that exists (to_path set, no note there) is never broken, and not a note to be public
    if (toPath && !byPath.has(toPath)) continue;
    const to = toPath ? byPath.get(toPath) : link.to_slug === null ? undefined : bySlug.get(link.to_slug.toLowerCase());
    if (!to && link.to_path === null && isFileLink(link)) {
      out.push({
        path: from.path,
        line: line(),
        rule: "broken-link",
        severity: "warning",
        message: `broken link ${linkLabel(link)}: ${link.kind === "embed" ? "no note or file by that name" : "no file at that path"}`,
        hint: "fix the path, or add the file to the workspace",
      });
    } else if (!to) {
      out.push({
        path: from.path,
        line: line(),
        rule: "broken-link",
        severity: "warning",
        // a name resolves by file name, id, title or alias; a Markdown link by its path
        message: `broken link ${linkLabel(link)}: ${link.kind === "markdown" ? "no note at that path" : "no note has that name"}`,
        hint:
          link.kind === "markdown"
            ? "fix the path (relative to this note; see `learn list --format paths`), or write the note"
            : "fix the name (see `learn list`), or write the note",
      });
    } else if (
      link.kind !== "markdown" &&
      !link.target.includes("/") &&
      fileName(to.path) === fileName(link.target) &&
      (byName.get(fileName(to.path))?.length ?? 0) > 1
    ) {
      // resolved as Obsidian does (same folder, else the shortest path), but a reader cannot tell which
      const others = byName.get(fileName(to.path))!.filter((p) => p !== to.path);
      out.push({
        path: from.path,
        line: line(),
        rule: "ambiguous-link",
        severity: "warning",
        message: `ambiguous link ${linkLabel(link)}: ${others.length + 1} notes have that name; it leads to ${to.path}`,
        hint: `write its folder too, as in [[folder/name]], so it cannot mean ${others.join(" or ")}`,
      });
    }
    if (to && isPublic(from) && !isPublic(to)) {
      out.push({
        path: from.path,
        line: line(),
        rule: "private-link",
        severity: "error",
        message: `public note links to private note ${to.slug} via ${linkLabel(link)}`,
        hint: `make ${to.slug} public, or remove the link (publish shows it as plain text)`,
      });
    }
  }
  return out;
}
