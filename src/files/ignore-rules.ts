import ignore from "ignore";
import { join } from "node:path";
import type { Dialect } from "../core/config.js";
import { READ_CAPS, readWholeText, type FileProblem, type ReadScope, type UnsafeFileError } from "./safe-read.js";

// What in a workspace is not a note: the defaults (drawings, templates folders, a repository's
// own README and friends), the config's `ignore:` and `.learnignore`, read in gitignore syntax by
// the `ignore` package (git's rules: the last matching pattern wins, `!x` re-includes, a folder
// left out is not entered). Dot-folders, node_modules and .learn/ are never walked at all (see
// note-walk.ts), whatever the patterns say.

/** The ignore file at the workspace root, in gitignore syntax, patterns relative to the root. */
const IGNORE_FILE = ".learnignore";

/** True when a workspace-relative path (forward slashes, folders ending in `/`) is not a note. */
export type IgnoreTest = (rel: string) => boolean;

/** What decides the rules: the notes folder (relative to the root; "" for the root itself) and the config. */
export interface IgnoreSettings {
  notes: string;
  dialect?: Dialect;
  ignore?: string[];
}

/** Files at the top of a folder adopted whole that describe the repository, not a topic. */
const REPOSITORY_FILES = [
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  "CODE_OF_CONDUCT.md",
  "LICENSE.md",
  "SECURITY.md",
];

/** A literal path as a gitignore pattern: wildcards and a leading `#`/`!` escaped, trailing spaces kept. */
const literal = (path: string): string =>
  path
    .replace(/[\\*?[\]]/g, "\\$&")
    .replace(/^[#!]/, "\\$&")
    .replace(/ $/, "\\ ");

/** A folder named by a dialect's settings, cleaned: relative, no `..`; undefined when unusable. */
export function cleanFolder(folder: unknown): string | undefined {
  if (typeof folder !== "string") return undefined;
  const f = folder
    .trim()
    .replace(/\\/g, "/")
    .replace(/^\/+|\/+$/g, "");
  if (!f || f.split("/").some((s) => s === ".." || s === "." || s === "")) return undefined;
  return f;
}

/**
 * The templates folders an Obsidian vault names, relative to the vault: the core Templates
 * plugin's (`.obsidian/templates.json` `folder`) and Templater's (`templates_folder`).
 */
export function obsidianTemplateFolders(vault: string, scope: ReadScope): string[] {
  const read = (rel: string, key: string): string | undefined => {
    try {
      const text = readWholeText(join(vault, rel), scope, READ_CAPS.config, rel);
      return text === undefined ? undefined : cleanFolder((JSON.parse(text) as Record<string, unknown>)[key]);
    } catch {
      return undefined; // a broken settings file names no folder
    }
  };
  const found = [
    read(".obsidian/templates.json", "folder"),
    read(".obsidian/plugins/templater-obsidian/data.json", "templates_folder"),
  ];
  return [...new Set(found.filter((f): f is string => f !== undefined))];
}

/**
 * The default patterns for a workspace, relative to its root: Excalidraw drawings everywhere;
 * the dialect's templates folders; Dendron's `templates.*` notes; and, when the notes folder is
 * the workspace itself, the repository files at its top (README.md, CONTRIBUTING.md, …) and
 * learn's own templates/ folder. Each can be taken back with `!pattern` in .learnignore.
 */
export function defaultIgnores(settings: IgnoreSettings, templateFolders: readonly string[] = []): string[] {
  const at = (p: string) => `/${settings.notes ? `${literal(settings.notes)}/` : ""}${p}`;
  const dialect = settings.dialect ?? "learn";
  const out = ["*.excalidraw.md"];
  for (const f of templateFolders) out.push(at(`${literal(f)}/`));
  if (dialect === "obsidian" || dialect === "foam") out.push(at("templates/"), at("Templates/"));
  if (dialect === "dendron") out.push(at("templates.*.md"));
  if (!settings.notes) {
    if (dialect === "learn") out.push("/templates/");
    out.push(...REPOSITORY_FILES.map((f) => `/${f}`));
  }
  return [...new Set(out)];
}

/**
 * The ignore rules of the workspace at `root`: defaults, then the config's `ignore:`, then
 * .learnignore (so its `!README.md` wins over a default). A .learnignore that cannot be read
 * safely is reported and left out.
 */
export function ignoreRules(
  root: string,
  settings: IgnoreSettings,
  scope: ReadScope,
): { test: IgnoreTest; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const notesDir = settings.notes ? join(root, settings.notes) : root;
  const templates = settings.dialect === "obsidian" ? obsidianTemplateFolders(notesDir, scope) : [];
  const matcher = ignore().add(defaultIgnores(settings, templates));
  if (settings.ignore?.length) matcher.add(settings.ignore);
  try {
    const text = readWholeText(join(root, IGNORE_FILE), scope, READ_CAPS.config, IGNORE_FILE);
    if (text !== undefined) matcher.add(text);
  } catch (err) {
    const why = (err as UnsafeFileError).reason ?? (err as Error).message;
    problems.push({
      path: IGNORE_FILE,
      reason: `cannot read it (${why}): its patterns are not used`,
      severity: "error",
    });
  }
  return { test: (rel) => matcher.ignores(rel), problems };
}
