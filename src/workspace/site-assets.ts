import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, posix, relative, resolve, sep } from "node:path";
import type { SiteFile } from "../core/publish-site.js";
import { readWorkspaceFile } from "../files/safe-read.js";
import { isInside, realPathOf } from "./safe-path.js";
import { isSitePath } from "./site-marker.js";
import type { OutFile } from "./site-write.js";

const require = createRequire(import.meta.url);

/**
 * fuse.js for the page, copied from the installed package at publish time (never committed).
 * fuse 7 ships ESM and CommonJS only; module scripts do not load from file://, so the
 * minified CommonJS build is wrapped to set window.Fuse from a classic script.
 */
export function fuseAsset(): SiteFile {
  const path = require.resolve("fuse.js/min");
  const code = readFileSync(path, "utf8");
  // The build's own header (name, version, Apache-2.0 licence) comes first, as shipped.
  const content = `(function () {
var module = { exports: {} };
var exports = module.exports;
${code}
;window.Fuse = module.exports.default || module.exports;
})();
`;
  return { path: "assets/fuse.min.js", content };
}

/** Largest attachment copied into a site: a note's image or PDF, not a video archive. */
const ATTACHMENT_CAP = 64 * 1024 * 1024;

/** Folders never searched for attachments: hidden ones (.git, .obsidian, .learn) and installed packages. */
const SKIP_FOLDER = (name: string): boolean => name.startsWith(".") || name === "node_modules";
const NOTE_FILE = /\.(?:md|markdown)$/i;

/** The files public notes name, found as Obsidian finds them, and copied into the site. */
export interface Attachments {
  /** The site path of `target` as named by the note at `notePath`, or undefined when there is no such file. */
  find(notePath: string, target: string): string | undefined;
  /** The files found so far (for the marker, before they are copied). */
  paths(): string[];
  /** The workspace paths of the files found so far. */
  sources(): string[];
  /** Every candidate file's workspace path, sorted, when a lookup has walked the workspace (else undefined). */
  listing(): string[] | undefined;
  /** Every candidate file's workspace path, sorted (walking the workspace if no lookup has yet). */
  walk(): string[];
  /** Each found file's bytes, read safely, one at a time; `warn` hears of any that changed and cannot be read now. */
  files(warn: (message: string) => void): Iterable<OutFile>;
}

/**
 * Attachments of a workspace: a file a note names (`![](img/a.png)`, `![[a.png|300]]`,
 * `[paper](paper.pdf)`, `[[paper.pdf]]`) is looked for relative to the note, then from the
 * workspace root and the notes folder, then by file name anywhere in the workspace (one walk, made on the first
 * lookup; the shortest path wins, as Obsidian picks). Only regular files whose real path is
 * inside the workspace and which are not notes, not hidden and not in `skip` (the site) count:
 * a link leading out is skipped, whatever `follow_symlinks_outside` says.
 */
export function workspaceAttachments(root: string, notesDir: string = root, skip: readonly string[] = []): Attachments {
  const realRoot = realPathOf(root);
  const notes = relative(root, notesDir).split(sep).join("/");
  const skipped = skip.map((s) => resolve(s));
  let byPath: Map<string, string> | undefined;
  let byName: Map<string, string[]> | undefined;
  const found = new Map<string, string>(); // workspace path -> site path
  const checked = new Map<string, boolean>();

  const walk = (): void => {
    byPath = new Map();
    byName = new Map();
    const stack = [root];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const abs = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_FOLDER(e.name) && !skipped.includes(abs)) stack.push(abs);
        } else if ((e.isFile() || e.isSymbolicLink()) && !e.name.startsWith(".") && !NOTE_FILE.test(e.name)) {
          const rel = relative(root, abs).split(sep).join("/");
          byPath.set(rel.toLowerCase(), rel);
          const name = e.name.toLowerCase();
          const list = byName.get(name);
          if (list) list.push(rel);
          else byName.set(name, [rel]);
        }
      }
    }
    for (const list of byName.values())
      list.sort((a, b) => a.split("/").length - b.split("/").length || a.length - b.length || (a < b ? -1 : 1));
  };

  // A regular file, inside the workspace by its real path, small enough to copy, with a path the site can hold.
  const usable = (rel: string): boolean => {
    let ok = checked.get(rel);
    if (ok === undefined) {
      try {
        const real = realpathSync.native(join(root, rel));
        const st = statSync(real);
        ok = isInside(real, realRoot) && st.isFile() && st.size <= ATTACHMENT_CAP && isSitePath(`files/${rel}`);
      } catch {
        ok = false;
      }
      checked.set(rel, ok);
    }
    return ok;
  };

  const lookup = (notePath: string, target: string): string | undefined => {
    if (!byPath) walk();
    const t = target.trim().replace(/^<|>$/g, "").replace(/\\/g, "/");
    if (!t || HAS_SCHEME.test(t) || NOTE_FILE.test(t)) return undefined;
    const fromNote = posix.normalize(posix.join(posix.dirname(notePath), t));
    const fromRoot = posix.normalize(t.replace(/^\/+/, ""));
    // `/assets/a.png` in a vault adopted below the workspace root (Dendron's vault/) is from the vault.
    const fromNotes = notes && !notes.startsWith("..") ? posix.join(notes, fromRoot) : fromRoot;
    for (const p of t.startsWith("/") ? [fromRoot, fromNotes] : [fromNote, fromRoot, fromNotes]) {
      const hit = p.startsWith("../") || p === ".." ? undefined : byPath!.get(p.toLowerCase());
      if (hit !== undefined && usable(hit)) return hit;
    }
    return byName!.get(posix.basename(t).toLowerCase())?.find(usable);
  };

  return {
    find(notePath, target) {
      const rel = lookup(notePath, target);
      if (rel === undefined) return undefined;
      const site = `files/${rel}`;
      found.set(rel, site);
      return site;
    },
    paths: () => [...found.values()],
    sources: () => [...found.keys()],
    listing: () => (byPath ? [...byPath.values()].sort() : undefined),
    walk() {
      if (!byPath) walk();
      return [...byPath!.values()].sort();
    },
    *files(warn) {
      for (const [rel, site] of found) {
        let read;
        try {
          read = readWorkspaceFile(join(root, rel), { root }, ATTACHMENT_CAP, rel);
        } catch (err) {
          warn(`learn: ${(err as Error).message}; not copied`);
          continue;
        }
        if (!read || read.truncated) {
          warn(`learn: ${rel}: ${read ? "grew past the attachment size cap" : "is gone"}; not copied`);
          continue;
        }
        yield { path: site, content: read.buf };
      }
    },
  };
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
