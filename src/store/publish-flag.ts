import type Database from "better-sqlite3";
import type { Config } from "../core/config.js";

// Notes are parsed with the default mapping of a boolean `published:`/`publish:` (true: public,
// false: private), so parsing needs no config (it runs on worker threads too). A workspace that
// maps it otherwise (learn.config.yaml `publish_flag`) gets its mapping laid over the stored rows
// here: once when the setting changes, and after each refresh that read notes. So does
// `default_visibility` (a TIL repo or a Dendron site whose notes are public unless they say
// otherwise): a note that says neither gets it, marked publish_flag = -1 so that a later change of
// the setting can find and undo it.

const DEFAULT = { true: "public", false: "private" } as const;

/** Bring the visibility of notes that carry only a publish flag in line with the configured mapping. */
export function applyPublishFlag(
  db: Database.Database,
  config: Pick<Config, "publish_flag" | "default_visibility">,
  readNotes: boolean,
): void {
  const mapping = config.publish_flag ?? DEFAULT;
  const fallback = config.default_visibility ?? null;
  const want = JSON.stringify(fallback ? { mapping, fallback } : mapping);
  const have =
    (db.prepare("SELECT value FROM meta WHERE key = 'publish_flag'").pluck().get() as string | undefined) ??
    JSON.stringify(DEFAULT);
  if (want === have && (!readNotes || want === JSON.stringify(DEFAULT))) return;
  try {
    db.transaction(() => {
      db.prepare(
        "UPDATE notes SET visibility = CASE publish_flag WHEN 1 THEN ? WHEN 0 THEN ? END WHERE publish_flag IN (0, 1)",
      ).run(mapping ? mapping.true : null, mapping ? mapping.false : null);
      // undo an earlier default, then give the notes that say nothing this one
      db.prepare("UPDATE notes SET visibility = NULL, publish_flag = NULL WHERE publish_flag = -1").run();
      if (fallback)
        db.prepare(
          "UPDATE notes SET visibility = ?, publish_flag = -1 WHERE visibility IS NULL AND publish_flag IS NULL",
        ).run(fallback);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('publish_flag', ?)").run(want);
    }).immediate();
  } catch (err) {
    // a read-only or busy index keeps the default mapping this once rather than failing the command
    if (!/^SQLITE_(READONLY|BUSY|FULL|IOERR|CANTOPEN|PERM)/.test(String((err as { code?: unknown }).code ?? "")))
      throw err;
  }
}
