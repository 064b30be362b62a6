import { readdirSync } from "node:fs";
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
    // a Dendron vault is flat: its hierarchies (`pkg.npm.md` is in `pkg`) are its folders
    if (config.dialect === "dendron")
      for (const e of entries) if (e.isFile() && /\.md$/i.test(e.name)) names.push(hierarchyOf(e.name) ?? "");
  } catch {
    return config;
  }
  const domains = autoDomains(names);
  return Object.keys(domains).length ? { ...config, domains } : config;
}
