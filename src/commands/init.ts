import {
  appendFileSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { defaultConfigText } from "../core/config.js";
import { LearnError } from "../core/errors.js";
import { JSON_VERSION, type InitJson } from "../core/json-types.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { writeProblem } from "../workspace/note-files.js";
import { BUNDLED_NOTES, BUNDLED_TEMPLATES } from "../workspace/package-root.js";

/** Options of `learn init`. */
export interface InitOptions extends GlobalOptions {
  target?: string;
  templates?: boolean;
  /** Also copy the bundled example notes into notes/ (files already there are kept). */
  example?: boolean;
}

/** What `learn init` did to each path: made it, added to it, or found it already there. */
export interface InitResult {
  root: string;
  created: string[];
  updated: string[];
  existing: string[];
}

/** Make (or complete) a workspace; never overwrites a file, and says so when there was nothing to do. */
export async function init(opts: InitOptions, io: IO): Promise<InitResult> {
  const root = resolve(opts.target ?? opts.dir ?? io.env.LEARN_DIR ?? ".");
  if (existsSync(root) && !statSync(root).isDirectory())
    throw new LearnError(`${root} is a file, not a folder`, "pick another place for the workspace");
  const result: InitResult = { root, created: [], updated: [], existing: [] };
  const rel = (p: string) => relative(root, p) || ".";

  const ensureDir = (dir: string) => {
    if (existsSync(dir)) return result.existing.push(`${rel(dir)}/`);
    guard(dir, () => mkdirSync(dir, { recursive: true }));
    result.created.push(`${rel(dir)}/`);
  };
  const ensureFile = (file: string, text: string) => {
    if (existsSync(file)) return result.existing.push(rel(file));
    guard(file, () => writeFileSync(file, text, { flag: "wx" }));
    result.created.push(rel(file));
  };
  const ensureLine = (file: string, line: string, header: string) => {
    if (!existsSync(file)) return ensureFile(file, `${header}\n${line}\n`);
    const text = readFileSync(file, "utf8");
    if (text.split(/\r?\n/).some((l) => l.trim() === line)) return result.existing.push(rel(file));
    guard(file, () => appendFileSync(file, `${text === "" || text.endsWith("\n") ? "" : "\n"}${line}\n`));
    result.updated.push(rel(file));
  };

  ensureDir(root);
  ensureDir(join(root, "notes"));
  ensureFile(join(root, "learn.config.yaml"), defaultConfigText());
  ensureLine(join(root, ".gitignore"), ".learn/", "# learn's index is a cache, rebuilt from notes/");
  ensureLine(
    join(root, ".gitattributes"),
    "revisits.jsonl merge=union",
    "# two machines' revisit logs merge without conflict",
  );
  if (opts.templates) {
    ensureDir(join(root, "templates"));
    for (const name of readdirSync(BUNDLED_TEMPLATES).sort()) {
      const to = join(root, "templates", name);
      if (existsSync(to)) result.existing.push(rel(to));
      else {
        guard(to, () => copyFileSync(BUNDLED_TEMPLATES + "/" + name, to));
        result.created.push(rel(to));
      }
    }
  }

  if (opts.example) {
    const dirs = new Set([join(root, "notes")]);
    const files = readdirSync(BUNDLED_NOTES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of files.map((e) => relative(BUNDLED_NOTES, join(e.parentPath, e.name))).sort()) {
      const to = join(root, "notes", file);
      if (!dirs.has(dirname(to))) ensureDir(dirname(to));
      dirs.add(dirname(to));
      if (existsSync(to)) result.existing.push(rel(to));
      else {
        guard(to, () => copyFileSync(join(BUNDLED_NOTES, file), to, constants.COPYFILE_EXCL));
        result.created.push(rel(to));
      }
    }
  }

  if (opts.json) io.json({ version: JSON_VERSION, ...result } satisfies InitJson);
  else io.out(renderInit(result, io));
  return result;
}

function guard(path: string, write: () => void): void {
  try {
    write();
  } catch (err) {
    throw writeProblem(err, path);
  }
}

function renderInit(r: InitResult, io: IO): string {
  const t = io.theme;
  if (!r.created.length && !r.updated.length) return `nothing to do: ${t.path(r.root)} is already a workspace`;
  const lines = [`${r.created.includes("./") ? "made" : "completed"} workspace ${t.path(r.root)}`];
  for (const p of r.created) if (p !== "./") lines.push(`  ${t.ok("created")} ${p}`);
  for (const p of r.updated) lines.push(`  ${t.ok("updated")} ${p}`);
  for (const p of r.existing) if (p !== "./") lines.push(`  ${t.dim("kept")}    ${p}`);
  lines.push(
    "",
    `next: learn new note "My first note" --domain core-backend${r.root === resolve(".") ? "" : ` --dir ${r.root}`}`,
  );
  return lines.join("\n");
}
