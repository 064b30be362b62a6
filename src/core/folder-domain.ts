import { isPrototypeName, type Config } from "./config.js";

// What a note's folder says: which domain it belongs to, and the words the index searches at low weight.
//
// A note's domain is its `domain:` front matter, else the configured domain whose folder holds it
// (`domains: {postgres: {folders: [postgres, sql]}}`, the longest folder wins), else, in an adopted
// folder with no `domains:` key (`auto_domains`), its top-level folder. Folders are relative to the
// notes folder and compared case-insensitively.

/** How the index places notes in domains by folder; `key` changes whenever a note's domain could. */
export interface FolderRules {
  /** The notes folder relative to the workspace root ("" when it is the root). */
  base: string;
  /** [folder (lower case, no slashes at either end), domain id], longest folder first. */
  folders: [string, string][];
  /** Domains are the top-level folders (an adopted folder with no `domains:` key). */
  auto: boolean;
  /** With auto: a Dendron workspace, whose notes' top hierarchies (`pkg.npm.md` is in `pkg`) are their domains. */
  dotted: boolean;
  key: string;
}

const trimSlashes = (s: string): string => s.replace(/\\/g, "/").replace(/^(\.\/)+|^\/+|\/+$/g, "");

/** The rules for a config and the notes folder's path relative to the workspace root. */
export function folderRules(
  config: Pick<Config, "domain_folders" | "auto_domains" | "dialect">,
  base: string,
): FolderRules {
  const b = trimSlashes(base) === "." ? "" : trimSlashes(base);
  const folders = Object.entries(config.domain_folders ?? {})
    .flatMap(([id, fs]) => fs.map((f): [string, string] => [trimSlashes(f).toLowerCase(), id]))
    .filter(([f]) => f !== "" && f !== ".")
    .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const auto = config.auto_domains === true && folders.length === 0;
  const dotted = auto && config.dialect === "dendron";
  return { base: b, folders, auto, dotted, key: JSON.stringify([b, folders, auto, dotted]) };
}

/** The folder of a note (workspace-relative path) relative to the notes folder: "postgres/tuning", or "". */
export function noteFolder(path: string, base: string): string {
  const rel = base && path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
  const cut = rel.lastIndexOf("/");
  return cut < 0 ? "" : rel.slice(0, cut);
}

/** A folder name as a domain id (`Postgres` -> `postgres`, `Machine Learning` -> `machine-learning`), if it has letters or digits. */
export function domainIdOf(folder: string): string | undefined {
  const id = folder
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id || undefined;
}

/** The domain a folder puts its notes in, if any (front matter aside). */
export function folderDomain(folder: string, rules: FolderRules): string | undefined {
  const f = folder.toLowerCase();
  for (const [prefix, id] of rules.folders) if (f === prefix || f.startsWith(`${prefix}/`)) return id;
  if (rules.auto && f) return domainIdOf(f.split("/")[0]!);
  return undefined;
}

/**
 * The domains of an adopted folder with no `domains:` key: one per top-level folder (id from its name,
 * display name as written), in name order; the caller lists the folders (dot-folders left out).
 */
export function autoDomains(topFolders: readonly string[]): Record<string, string> {
  const domains: Record<string, string> = {};
  for (const name of [...topFolders].sort((a, b) => a.localeCompare(b, "en"))) {
    const id = domainIdOf(name);
    if (id && !isPrototypeName(id)) domains[id] ??= name;
  }
  return domains;
}

/** Set a read note's `folder` (relative to the notes folder) and, when its front matter names none, its folder's `domain`. */
export function placeNote(values: Record<string, string | number | null>, rules: FolderRules): void {
  const path = String(values.path);
  const folder = noteFolder(path, rules.base);
  values.folder = folder;
  if (values.domain !== null && values.domain !== undefined) return;
  // in a Dendron workspace folders are vaults, and a note's hierarchy is its topic
  const domain = rules.dotted ? hierarchyOf(path.slice(path.lastIndexOf("/") + 1)) : folderDomain(folder, rules);
  values.domain = domain ?? null;
}

/** A Dendron note's top hierarchy as a domain id (`pkg.npm.md` -> `pkg`); none for the vault's `root.md`. */
export function hierarchyOf(fileName: string): string | undefined {
  const top = fileName.replace(/\.(md|markdown)$/i, "").split(".")[0]!;
  return top.toLowerCase() === "root" ? undefined : domainIdOf(top);
}
