import { createRequire } from "node:module";
import { join } from "node:path";
import type { Dialect } from "../core/config.js";
import { READ_CAPS, readWholeText, type FileProblem, type ReadScope, type UnsafeFileError } from "./safe-read.js";

// What in a workspace is not a note: the defaults (drawings, templates folders, a repository's
// own README and friends), the config's `ignore:` and `.learnignore`, read in gitignore syntax by
// the `ignore` package (git's rules: the last matching pattern wins, `!x` re-includes, a folder
// left out is not entered). Dot-folders, node_modules and .learn/ are never walked at all (see
// note-walk.ts), whatever the patterns say. When no pattern is the user's (no `ignore:`, no
// .learnignore), the defaults are tested as one regular expression of the same meaning instead
// (`ignore` costs a few ms to load and about 2 µs a path, 20 ms a walk at 10k notes);
// tests/unit/ignore-defaults.test.ts compares the two on many paths.

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

/** What the default patterns say, as parts: each becomes one alternative of defaultTest's expression. */
interface DefaultParts {
  /** Folders (workspace-relative, no trailing slash) left out with all they hold. */
  folders: string[];
  /** Files or folders (workspace-relative) left out by exact path. */
  paths: string[];
  /** Dendron's templates.*.md notes: the folder (workspace-relative, "" for the root) they sit directly in. */
  dendronIn?: string;
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
  const parts = defaultParts(settings, templateFolders);
  const out = ["*.excalidraw.md"];
  for (const f of parts.folders) out.push(`/${literal(f)}/`);
  if (parts.dendronIn !== undefined)
    out.push(`/${parts.dendronIn ? `${literal(parts.dendronIn)}/` : ""}templates.*.md`);
  for (const p of parts.paths) out.push(`/${literal(p)}`);
  return [...new Set(out)];
}

/** The default patterns' parts (besides `*.excalidraw.md`, always there), workspace-relative. */
function defaultParts(settings: IgnoreSettings, templateFolders: readonly string[]): DefaultParts {
  const at = (p: string) => `${settings.notes ? `${settings.notes}/` : ""}${p}`;
  const dialect = settings.dialect ?? "learn";
  const folders = templateFolders.map(at);
  if (dialect === "obsidian" || dialect === "foam") folders.push(at("templates"), at("Templates"));
  const paths: string[] = [];
  if (!settings.notes) {
    if (dialect === "learn") folders.push("templates");
    paths.push(...REPOSITORY_FILES);
  }
  return { folders, paths, ...(dialect === "dendron" ? { dendronIn: settings.notes } : {}) };
}

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

/**
 * The default patterns as one test, with gitignore's meaning as the `ignore` package reads it: case
 * ignored, a pattern without a trailing slash matching a file or a folder, and everything inside a
 * folder left out going with it.
 */
function defaultTest(parts: DefaultParts): IgnoreTest {
  // a path segment ending in .excalidraw.md: what precedes it in its segment needs no matching, and a
  // pattern that starts with a literal is scanned for quickly (`(?:^|/)[^/]*` first: 7x slower, 3 ms a walk)
  const alternatives = ["\\.excalidraw\\.md(?:/|$)"];
  for (const f of parts.folders) alternatives.push(`^${escapeRegExp(f)}/`);
  for (const p of parts.paths) alternatives.push(`^${escapeRegExp(p)}(?:/|$)`);
  if (parts.dendronIn !== undefined)
    alternatives.push(`^${parts.dendronIn ? `${escapeRegExp(parts.dendronIn)}/` : ""}templates\\.[^/]*\\.md(?:/|$)`);
  const re = new RegExp(alternatives.join("|"), "i");
  return (rel) => re.test(rel);
}

/** True when a .learnignore holds no pattern (only blank lines and comments). */
const noPatterns = (text: string): boolean => text.split(/\r?\n/).every((line) => /^(?:\s*|#.*)$/.test(line));

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
  let text: string | undefined;
  try {
    text = readWholeText(join(root, IGNORE_FILE), scope, READ_CAPS.config, IGNORE_FILE);
  } catch (err) {
    const why = (err as UnsafeFileError).reason ?? (err as Error).message;
    problems.push({
      path: IGNORE_FILE,
      reason: `cannot read it (${why}): its patterns are not used`,
      severity: "error",
    });
  }
  if (!settings.ignore?.length && (text === undefined || noPatterns(text)))
    return { test: defaultTest(defaultParts(settings, templates)), problems };
  return { test: gitignoreTest(defaultIgnores(settings, templates), settings.ignore ?? [], text ?? ""), problems };
}

/** Patterns in gitignore syntax, later ones winning, read by the `ignore` package (loaded only here). */
function gitignoreTest(...patterns: (string | string[])[]): IgnoreTest {
  const ignore = createRequire(import.meta.url)("ignore") as typeof import("ignore");
  const matcher = ignore();
  for (const p of patterns) matcher.add(p);
  return (rel) => matcher.ignores(rel);
}
