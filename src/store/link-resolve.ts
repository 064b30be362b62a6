import { readdirSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join } from "node:path";
import type Database from "better-sqlite3";
import type { RawLink } from "./read-note.js";
import { slugFromPath } from "../core/slug.js";

// Where a link leads, as a note's path. A Markdown link names a path (`/`-rooted ones two: from the
// notes folder, then from the workspace root). A name ([[x]], related:) is tried, in order, as the
// path it spells (beside the linking note, or from the notes folder when it holds a `/`), as a file
// name (slug, case-insensitive as Obsidian reads it; of several notes of that name the one whose
// path ends with the name as written, then the shortest path, which is Obsidian's rule; the same
// folder was already tried), as an `id:` (zk's [[id]]), as a title, then as an alias.
// Attachments (attach = 1) are looked for on disk instead (resolveAttachments).
const NOTE_AT = (key: string) =>
  `(SELECT path FROM notes WHERE path = ${key} COLLATE NOCASE ORDER BY path = ${key} DESC, path LIMIT 1)`;
/** Where a link that is no attachment leads, as SQL over its to_key, alt_key, target and kind. */
const resolvedPath = (l: { toKey: string; altKey: string; target: string; kind: string }): string => `CASE
  WHEN ${l.kind} = 'markdown' THEN COALESCE(${NOTE_AT(l.toKey)}, ${NOTE_AT(l.altKey)})
  ELSE COALESCE(${NOTE_AT(l.altKey)},
    (SELECT path FROM notes WHERE slug = ${l.toKey} COLLATE NOCASE
      ORDER BY path LIKE '%/' || ${l.target} || '.md' DESC, length(path), path LIMIT 1),
    (SELECT path FROM notes WHERE id = ${l.toKey} COLLATE NOCASE ORDER BY length(path), path LIMIT 1),
    (SELECT path FROM notes WHERE title = ${l.toKey} COLLATE NOCASE ORDER BY length(path), path LIMIT 1),
    (SELECT path FROM aliases WHERE alias = ${l.toKey} COLLATE NOCASE ORDER BY length(path), path LIMIT 1)) END`;
const RESOLVE_PATHS = `UPDATE links SET to_path = CASE WHEN attach = 1 THEN to_path ELSE ${resolvedPath({
  toKey: "links.to_key",
  altKey: "links.alt_key",
  target: "links.target",
  kind: "kind",
})} END`;
const RESOLVE_ONE = `SELECT ${resolvedPath({ toKey: "@toKey", altKey: "@altKey", target: "@target", kind: "@kind" })}`;

/**
 * The note a link not stored in the index leads to (an editor's unsaved text), resolved by the
 * index's own rule; null when it is broken. Attachments are not looked for (the index finds them on disk).
 */
export function resolveLinkPath(db: Database.Database, l: RawLink): string | null {
  if (l.attach) return null;
  return (db.prepare(RESOLVE_ONE).pluck().get({ toKey: l.toKey, altKey: l.altKey, target: l.target, kind: l.kind }) ??
    null) as string | null;
}

/** Resolve the links a WHERE clause selects (all of them without one). */
export function resolveWhere(db: Database.Database, where = "", ...params: unknown[]): void {
  db.prepare(`${RESOLVE_PATHS} ${where}`).run(...params);
}

/** Broken links that a note's name, id, title or alias may now satisfy (it was added or edited). */
const BROKEN_NAMING = `WHERE to_path IS NULL AND attach = 0 AND to_key COLLATE NOCASE IN (
  SELECT slug FROM notes WHERE path = @p UNION SELECT id FROM notes WHERE path = @p
  UNION SELECT title FROM notes WHERE path = @p UNION SELECT alias FROM aliases WHERE path = @p)`;

/** Past this many changed files, resolving every link at once is cheaper than one by one. */
const BULK_RESOLVE = 500;

const slugKey = (path: string): string => slugFromPath(path).toLowerCase();

/**
 * Resolve only the links a change can affect: those from files read again, those that led to a
 * file read again or gone, those whose name or path a new note spells, and the broken ones that a
 * new or edited note's file name, id, title or alias now satisfies.
 */
export function resolveLinks(db: Database.Database, read: string[], appeared: string[], vanished: string[]): void {
  if (read.length + vanished.length > BULK_RESOLVE) {
    resolveWhere(db);
    return;
  }
  for (const p of read) resolveWhere(db, "WHERE from_path = ?", p);
  for (const p of [...read, ...vanished]) resolveWhere(db, "WHERE to_path = ?", p);
  for (const key of new Set([...appeared, ...vanished].flatMap((p) => [p, slugKey(p)])))
    resolveWhere(db, "WHERE to_key = ? COLLATE NOCASE OR alt_key = ? COLLATE NOCASE", key, key);
  for (const p of read) resolveWhere(db, BROKEN_NAMING, { p });
}

/** Folders never searched for attachments. */
const SKIP_DIRS = new Set(["node_modules", ".git", ".learn"]);

/**
 * Resolve links to files that are not notes (images, PDFs, `![[embeds]]`): each distinct target is
 * looked for with one stat per candidate path (beside the note, from the notes folder, from the root);
 * a bare file name found at none of them is looked up among the workspace's files by name, as
 * Obsidian does, with one walk of the notes folder made only then. A file outside the workspace never counts.
 * `read` (an incremental refresh) limits the looking to links from those files and links still broken:
 * a file that disappears is noticed when a note linking to it changes, or on `learn index --full`.
 */
export function resolveAttachments(db: Database.Database, where: LinkPlace, read?: readonly string[]): void {
  const only = read ? "AND (to_path IS NULL OR from_path IN (SELECT value FROM json_each(?)))" : "";
  const rows = db
    .prepare(
      `SELECT DISTINCT to_key, alt_key, target, attach FROM links
       WHERE (attach = 1 OR (kind = 'markdown' AND to_path IS NULL AND to_key LIKE '%.md' AND target NOT LIKE '%.md')) ${only}`,
    )
    .all(...(read ? [JSON.stringify(read)] : [])) as {
    to_key: string;
    alt_key: string | null;
    target: string;
    attach: number;
  }[];
  if (rows.length === 0) return;
  const update = db.prepare(
    "UPDATE links SET to_path = ? WHERE to_key = ? AND alt_key IS ? AND target = ? AND attach = ? AND (attach = 1 OR to_path IS NULL)",
  );
  let byName: Map<string, string[]> | undefined;
  for (const r of rows) {
    const keys = [r.to_key, ...(r.alt_key ?? "").split("\n")].filter(Boolean);
    // an extension-less Markdown link that is no note may name a file or folder of that name
    const candidates = r.attach === 1 ? keys : keys.map((k) => k.replace(/\.md$/, ""));
    let found = candidates.find((c) => insideFile(where.root, c));
    if (!found && r.attach === 1 && !r.target.includes("/")) {
      byName ??= filesByName(where.root, where.notesBase);
      found = byName.get(r.target.toLowerCase())?.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
    }
    update.run(found ?? null, r.to_key, r.alt_key, r.target, r.attach);
  }
}

/** Where the workspace is, for resolving attachments. */
export interface LinkPlace {
  root: string;
  notesBase: string;
}

/** True when `rel` (workspace-relative) names something that exists inside the workspace. */
function insideFile(root: string, rel: string): boolean {
  if (!rel || rel === "." || rel.startsWith("../") || rel === ".." || isAbsolute(rel)) return false;
  return statSync(join(root, rel), { throwIfNoEntry: false }) !== undefined;
}

/** Every file under the notes folder that is not a note, by lower-case file name (dot-folders skipped). */
function filesByName(root: string, notesBase: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack = [notesBase];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || SKIP_DIRS.has(e.name)) continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push(p);
      else if (!/\.(md|markdown)$/i.test(e.name)) {
        const key = e.name.toLowerCase();
        out.set(key, [...(out.get(key) ?? []), p]);
      }
    }
  }
  return out;
}
