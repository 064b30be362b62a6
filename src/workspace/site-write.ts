import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { LearnError, UsageError } from "../core/errors.js";
import type { SiteFile } from "../core/publish-site.js";

/** The file that marks a folder as made by `learn publish`, listing the files it wrote. */
export const SITE_MARKER = ".learn-site";

interface Marker {
  generator: string;
  files: string[];
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};
const isInside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
};

/** Refuse an output folder that is the notes folder, inside it, or holds it. */
export function guardOutDir(out: string, notesDir: string, shown: string = out): void {
  const [o, n] = [real(out), real(notesDir)];
  if (isInside(o, n) || isInside(resolve(out), resolve(notesDir))) {
    throw new UsageError(
      `--out ${shown}: the site cannot go in the notes folder`,
      "pick a folder outside notes/, e.g. --out site",
    );
  }
  if (isInside(n, o))
    throw new UsageError(
      `--out ${shown}: that folder holds the notes folder`,
      "pick a folder of its own, e.g. --out site",
    );
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new LearnError(`--out ${shown}: not a folder`, "pick another --out, or move that file");
}

/** Every file under `dir`, relative, with forward slashes (a top-level .git folder is skipped). */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((p) => p !== SITE_MARKER && p !== ".git" && !p.startsWith(".git/"))
    .sort();
}

function readMarker(out: string): Marker | undefined {
  try {
    const m = JSON.parse(readFileSync(join(out, SITE_MARKER), "utf8")) as Marker;
    return Array.isArray(m.files) ? m : undefined;
  } catch {
    return undefined;
  }
}

const writeMarker = (out: string, files: string[]): void =>
  writeFileSync(
    join(out, SITE_MARKER),
    `${JSON.stringify({ generator: "learn publish", files: [...new Set(files)].sort() }, null, 2)}\n`,
  );

/** Files in `out` that an earlier publish did not write (what --force would keep). */
export function foreignFiles(out: string): string[] {
  const mine = new Set(readMarker(out)?.files ?? []);
  return listFiles(out).filter((f) => !mine.has(f));
}

/**
 * Write the site into `out`: refuse when it holds files publish did not make (unless
 * `force`, which keeps them), write every file, then remove files an earlier publish
 * wrote that this one did not (a note made private loses its page).
 */
export function writeSite(
  outDir: string,
  files: readonly SiteFile[],
  opts: { force?: boolean } = {},
): { written: number; removed: string[] } {
  const out = resolve(outDir);
  const foreign = foreignFiles(out);
  if (foreign.length && !opts.force) {
    const shown = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : "");
    throw new LearnError(
      `${out} holds files that learn publish did not make: ${shown}`,
      "pick an empty --out folder, or pass --force to write into it anyway (those files are kept)",
    );
  }
  const before = readMarker(out)?.files ?? [];
  const paths = files.map((f) => f.path);
  try {
    mkdirSync(out, { recursive: true });
    // List old and new files first: a publish cut short leaves nothing that looks foreign.
    writeMarker(out, [...before, ...paths]);
    for (const f of files) {
      const abs = join(out, f.path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, f.content);
    }
  } catch (err) {
    throw new LearnError(
      `cannot write the site to ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      "check that the folder is writable",
    );
  }
  const keep = new Set(paths);
  const removed = [...new Set(before)].filter((p) => !keep.has(p)).sort();
  for (const p of removed) {
    rmSync(join(out, p), { force: true });
    removeEmptyParents(out, dirname(join(out, p)));
  }
  writeMarker(out, paths);
  return { written: files.length, removed };
}

function removeEmptyParents(root: string, dir: string): void {
  for (let d = dir; d !== root && isInside(d, root); d = dirname(d)) {
    if (readdirSync(d).length) return;
    rmdirSync(d);
  }
}
