import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { Config } from "../core/config.js";
import { autoDomains, hierarchyOf } from "../core/folder-domain.js";

/**
 * The config with an adopted folder's domains filled in: with `auto_domains` (a dialect other than
 * learn and no `domains:` key) each top-level folder of the notes folder is a domain, dot-folders and
 * node_modules aside, and in a Dendron vault each top hierarchy. One readdir, and only then; any
 * other config is returned as it is.
 */
export function withFolderDomains(config: Config, notesDir: string): Config {
  if (!config.auto_domains) return config;
  let names: string[];
  try {
    const entries = readdirSync(notesDir, { withFileTypes: true }).filter(
      (e) => !e.name.startsWith(".") && e.name !== "node_modules",
    );
    names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    // a Dendron workspace's folders are vaults: the top hierarchies of their notes (`pkg.npm.md`) are its domains
    if (config.dialect === "dendron") names = dendronHierarchies(notesDir, entries);
  } catch {
    return config;
  }
  const domains = autoDomains(names);
  return Object.keys(domains).length ? { ...config, domains } : config;
}

/** The top hierarchies of the notes at the top of a Dendron workspace and in its vault folders (one level down). */
function dendronHierarchies(notesDir: string, entries: Dirent[]): string[] {
  const out: string[] = [];
  const add = (files: Dirent[]) => {
    for (const e of files) if (e.isFile() && /\.md$/i.test(e.name)) out.push(hierarchyOf(e.name) ?? "");
  };
  add(entries);
  for (const dir of entries.filter((e) => e.isDirectory())) {
    try {
      add(readdirSync(join(notesDir, dir.name), { withFileTypes: true }));
    } catch {
      // an unreadable vault adds no domains; the index reports it
    }
  }
  return out;
}
