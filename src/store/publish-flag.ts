import type Database from "better-sqlite3";
import type { Config } from "../core/config.js";

// Notes are parsed with the default mapping of a boolean `published:`/`publish:` (true: public,
// false: private), so parsing needs no config (it runs on worker threads too). A workspace that
// maps it otherwise (learn.config.yaml `publish_flag`) gets its mapping laid over the stored rows
// here: once when the setting changes, and after each refresh that read notes.

const DEFAULT = { true: "public", false: "private" } as const;

/** Bring the visibility of notes that carry only a publish flag in line with the configured mapping. */
export function applyPublishFlag(db: Database.Database, setting: Config["publish_flag"], readNotes: boolean): void {
  const mapping = setting ?? DEFAULT;
  const want = JSON.stringify(mapping);
  const have =
    (db.prepare("SELECT value FROM meta WHERE key = 'publish_flag'").pluck().get() as string | undefined) ??
    JSON.stringify(DEFAULT);
  if (want === have && (!readNotes || want === JSON.stringify(DEFAULT))) return;
  try {
    db.transaction(() => {
      db.prepare(
        "UPDATE notes SET visibility = CASE publish_flag WHEN 1 THEN ? WHEN 0 THEN ? END WHERE publish_flag IS NOT NULL",
      ).run(mapping ? mapping.true : null, mapping ? mapping.false : null);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('publish_flag', ?)").run(want);
    }).immediate();
  } catch (err) {
    // a read-only or busy index keeps the default mapping this once rather than failing the command
    if (!/^SQLITE_(READONLY|BUSY|FULL|IOERR|CANTOPEN|PERM)/.test(String((err as { code?: unknown }).code ?? "")))
      throw err;
  }
}
