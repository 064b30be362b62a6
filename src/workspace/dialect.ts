import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Adoption } from "../core/adopt-config.js";
import type { Config } from "../core/config.js";
import { cleanFolder, obsidianTemplateFolders } from "../files/ignore-rules.js";
import { walkWorkspace, type FoundFile } from "../files/note-walk.js";
import { READ_CAPS, readKnownRegular, readWholeText, type ReadScope } from "../files/safe-read.js";
import { workspacePaths } from "./find.js";

// What an existing folder says about itself, for `learn init --here`: which tool wrote it (a
// .obsidian/ folder, a dendron.yml, a .zk/ folder, Foam's settings), where its notes are, and what
// its own settings call templates. Only small settings files are read; no note is changed.

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The folders right under `root` (not dot-folders, not node_modules), sorted. */
const subfolders = (root: string): string[] => {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
};

/** Where a marker folder (`.obsidian`, `.zk`) is: at the root ("."), in exactly one folder right under it, or nowhere. */
function markerAt(root: string, marker: string): string | undefined {
  if (isDir(join(root, marker))) return ".";
  const found = subfolders(root).filter((d) => isDir(join(root, d, marker)));
  return found.length === 1 ? found[0] : undefined;
}

/** A small settings file's text, or undefined when missing or unsafe. */
function settings(root: string, rel: string): string | undefined {
  try {
    return readWholeText(join(root, rel), { root }, READ_CAPS.config, rel);
  } catch {
    return undefined;
  }
}

/** The vault folders a dendron.yml's text lists (`workspace.vaults[].fsPath`, or the older top-level `vaults`). */
async function dendronVaults(text: string): Promise<string[]> {
  try {
    const { loadYaml } = await import("../core/yaml-load.js");
    const doc = loadYaml(text) as { workspace?: { vaults?: unknown }; vaults?: unknown } | null;
    const vaults = doc?.workspace?.vaults ?? doc?.vaults;
    if (!Array.isArray(vaults)) return [];
    const paths = vaults.map((v) => (v && typeof v === "object" ? (v as { fsPath?: unknown }).fsPath : undefined));
    return [...new Set(paths.map((p) => (p === "." ? "." : cleanFolder(p))).filter((p): p is string => !!p))];
  } catch {
    return []; // a broken dendron.yml: read the whole folder
  }
}

/** The patterns a zk notebook's .zk/config.toml leaves out (`ignore = [...]` / `exclude = [...]`, read by a regex). */
function zkIgnores(root: string, notebook: string): string[] {
  const text = settings(root, join(notebook, ".zk", "config.toml"));
  if (!text) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:ignore|exclude)\s*=\s*\[([^\]]*)\]/gm))
    for (const q of m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)) {
      const pattern = q[1] ?? q[2] ?? "";
      if (pattern) out.push(notebook === "." ? pattern : `${notebook}/${pattern.replace(/^\//, "")}`);
    }
  return out;
}

const isFoam = (root: string): boolean =>
  isDir(join(root, ".foam")) ||
  settings(root, ".vscode/foam.json") !== undefined ||
  /foam\.foam-vscode/.test(settings(root, ".vscode/extensions.json") ?? "");

/** Detect the dialect and the notes folder of an existing folder (before any note is counted). */
export async function detectDialect(root: string): Promise<Omit<Adoption, "notes"> & { notes?: string }> {
  const dendron = settings(root, "dendron.yml");
  if (dendron !== undefined) {
    const vaults = await dendronVaults(dendron);
    const remarks = vaults.length > 1 ? [`dendron.yml lists ${vaults.length} vaults: reading the whole folder`] : [];
    return {
      dialect: "dendron",
      notes: vaults.length === 1 ? vaults[0] : ".",
      evidence: "dendron.yml",
      ignore: [],
      remarks,
    };
  }
  const obsidian = markerAt(root, ".obsidian");
  if (obsidian) {
    const vault = obsidian === "." ? root : join(root, obsidian);
    const prefix = obsidian === "." ? "" : `${obsidian}/`;
    const ignore = obsidianTemplateFolders(vault, { root }).map((f) => `/${prefix}${f}/`);
    const remarks = obsidian === "." ? [] : [`the vault is ${obsidian}/`];
    return { dialect: "obsidian", notes: obsidian, evidence: `${prefix}.obsidian/`, ignore, remarks };
  }
  const zk = markerAt(root, ".zk");
  if (zk) {
    const remarks = zk === "." ? [] : [`the notebook is ${zk}/`];
    return {
      dialect: "zk",
      notes: zk,
      evidence: `${zk === "." ? "" : `${zk}/`}.zk/`,
      ignore: zkIgnores(root, zk),
      remarks,
    };
  }
  if (isFoam(root)) return { dialect: "foam", notes: ".", evidence: "Foam settings", ignore: [], remarks: [] };
  return { dialect: "markdown", ignore: [], remarks: [] };
}

/** What the notes of an adopted folder hold, counted without parsing them. */
export interface Survey {
  count: number;
  /** Notes whose front matter says `publish: true` or `published: true`. */
  published: number;
  /** Notes folder chosen for a plain Markdown folder: the one folder holding all its notes, or ".". */
  folder: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const PUBLISH_TRUE = /^publish(?:ed)?[ \t]*:[ \t]*["']?(?:true|yes)["']?[ \t]*(?:#.*)?$/im;
/** Front matter that says publish: true sits in the first few KiB of a note. */
const HEAD = 8 * 1024;

/** True when a note's front matter marks it `publish: true` (one capped read, one regex). */
function markedPublish(f: FoundFile): boolean {
  try {
    const head = readKnownRegular(f.real ?? f.abs, f.size, HEAD).toString("utf8");
    const fm = FRONT_MATTER.exec(head);
    return fm !== null && PUBLISH_TRUE.test(fm[1]!);
  } catch {
    return false;
  }
}

/**
 * Count the notes an adoption would index (the same walk and ignore rules as every command) and
 * those marked publish: true. With `notes` unset (plain Markdown), the notes folder is the one
 * top-level folder holding every note, when there is exactly one, else the whole folder.
 */
export function surveyNotes(
  root: string,
  found: Pick<Adoption, "dialect" | "ignore"> & { notes?: string },
  scope: Pick<ReadScope, "followOutside"> = {},
): Survey {
  const config: Pick<Config, "dialect" | "ignore" | "follow_symlinks_outside"> = {
    dialect: found.dialect,
    ignore: found.ignore,
    follow_symlinks_outside: scope.followOutside,
  };
  let folder = found.notes ?? ".";
  let files = walkWorkspace(workspacePaths(root, folder), config).files;
  if (found.notes === undefined) {
    const tops = new Set(files.map((f) => (f.path.includes("/") ? f.path.slice(0, f.path.indexOf("/")) : ".")));
    if (tops.size === 1 && !tops.has(".")) {
      folder = [...tops][0]!;
      files = walkWorkspace(workspacePaths(root, folder), config).files;
    }
  }
  let published = 0;
  for (const f of files) if (markedPublish(f)) published++;
  return { count: files.length, published, folder };
}
