import { readdirSync } from "node:fs";
import type { Config } from "../core/config.js";
import { autoDomains } from "../core/folder-domain.js";

/**
 * The config with an adopted folder's domains filled in: with `auto_domains` (a dialect other than
 * learn and no `domains:` key) each top-level folder of the notes folder is a domain, dot-folders and
 * node_modules aside. One readdir, and only then; any other config is returned as it is.
 */
export function withFolderDomains(config: Config, notesDir: string): Config {
  if (!config.auto_domains) return config;
  let names: string[];
  try {
    names = readdirSync(notesDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
      .map((e) => e.name);
  } catch {
    return config;
  }
  const domains = autoDomains(names);
  return Object.keys(domains).length ? { ...config, domains } : config;
}
