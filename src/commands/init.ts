import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { adoptedConfigText, DIALECT_LABEL, type Adoption } from "../core/adopt-config.js";
import { defaultConfigText } from "../core/config.js";
import { DEFAULT_ROADMAP_PATH, defaultRoadmapText } from "../core/default-roadmap.js";
import { LearnError, UsageError } from "../core/errors.js";
import { JSON_VERSION, type InitJson } from "../core/json-types.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { resolveToday } from "../workspace/context.js";
import { detectDialect, surveyNotes, type Survey } from "../workspace/dialect.js";
import { hasMarkdown } from "../workspace/find.js";
import { writeProblem } from "../workspace/note-files.js";
import { BUNDLED_NOTES, BUNDLED_TEMPLATES } from "../workspace/package-root.js";
import { regularOrNothing } from "../workspace/safe-path.js";
import { appendLinesSafe } from "../workspace/safe-append.js";
import { createFileSafe, makeFolderSafe } from "../workspace/safe-write.js";

/** Options of `learn init`. */
export interface InitOptions extends GlobalOptions {
  target?: string;
  templates?: boolean;
  /** Also copy the bundled example notes into notes/ (files already there are kept). */
  example?: boolean;
  /**
   * Write the default roadmap note: true always (never over a file), false never; unset, only into
   * a new workspace (and not with --example, whose notes bring their own roadmap with the same ids).
   */
  roadmap?: boolean;
  /** Adopt the Markdown already in the folder, in place: write only learn.config.yaml (and .gitignore lines). */
  here?: boolean;
}

/** What `learn init` did to each path: made it, added to it, or found it already there. */
export interface InitResult {
  root: string;
  created: string[];
  updated: string[];
  existing: string[];
  /** With --here: what the folder held. */
  adopted?: Adoption & Omit<Survey, "folder">;
}

/** Make (or complete) a workspace; never overwrites a file, and says so when there was nothing to do. */
export async function init(opts: InitOptions, io: IO): Promise<InitResult> {
  const root = resolve(opts.target ?? opts.dir ?? io.env.LEARN_DIR ?? ".");
  if (existsSync(root) && !statSync(root).isDirectory())
    throw new LearnError(`${root} is a file, not a folder`, "pick another place for the workspace");
  const result: InitResult = { root, created: [], updated: [], existing: [] };
  const rel = (p: string) => relative(root, p) || ".";

  // Every file goes through the safe writer: never through a link, never outside the root.
  const ensureDir = (dir: string) => {
    if (existsSync(dir)) return result.existing.push(`${rel(dir)}/`);
    guard(dir, () => makeFolderSafe(root, dir));
    result.created.push(`${rel(dir)}/`);
  };
  const ensureFile = (file: string, text: string | Buffer) => {
    const made = !lexists(file) && guard(file, () => createFileSafe(root, file, text));
    result[made ? "created" : "existing"].push(rel(file));
  };
  const ensureLine = (file: string, line: string, header: string) => {
    if (!lexists(file)) return ensureFile(file, `${header}\n${line}\n`);
    regularOrNothing(file); // a link or a folder there is refused before it is read
    const text = readFileSync(file, "utf8");
    if (text.split(/\r?\n/).some((l) => l.trim() === line)) return result.existing.push(rel(file));
    guard(file, () => appendLinesSafe(root, file, `${line}\n`));
    result.updated.push(rel(file));
  };

  if (opts.here) {
    await adopt(opts, root, result, ensureFile, ensureLine);
    if (opts.json) io.json({ version: JSON_VERSION, ...result } satisfies InitJson);
    else io.out(renderAdopted(result, io));
    return result;
  }
  if (existsSync(root)) result.existing.push("./");
  else {
    makeRoot(root);
    result.created.push("./");
  }
  // A new workspace gets the default roadmap; a folder adopted in place (notes or a config already there) only when asked.
  const fresh = !existsSync(join(root, "learn.config.yaml")) && !hasMarkdown(root) && !hasMarkdown(join(root, "notes"));
  // Markdown beside notes/ is not read: say how to use it in place instead (before notes/ is made).
  const strayNotes = !existsSync(join(root, "learn.config.yaml")) && hasMarkdown(root, ["notes"]);
  ensureDir(join(root, "notes"));
  ensureFile(join(root, "learn.config.yaml"), defaultConfigText());
  if (opts.roadmap ?? (fresh && !opts.example)) {
    const file = join(root, "notes", DEFAULT_ROADMAP_PATH);
    ensureDir(dirname(file));
    ensureFile(file, defaultRoadmapText(resolveToday(opts.today, io.env)));
  }
  ensureLine(join(root, ".gitignore"), ".learn/", "# learn's index is a cache, rebuilt from notes/");
  ensureLine(
    join(root, ".gitattributes"),
    "revisits.jsonl merge=union",
    "# two machines' revisit logs merge without conflict",
  );
  if (opts.templates) {
    ensureDir(join(root, "templates"));
    for (const name of readdirSync(BUNDLED_TEMPLATES).sort())
      ensureFile(join(root, "templates", name), readFileSync(join(BUNDLED_TEMPLATES, name)));
  }

  if (opts.example) {
    const dirs = new Set([join(root, "notes")]);
    const files = readdirSync(BUNDLED_NOTES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of files.map((e) => relative(BUNDLED_NOTES, join(e.parentPath, e.name))).sort()) {
      const to = join(root, "notes", file);
      if (!dirs.has(dirname(to))) ensureDir(dirname(to));
      dirs.add(dirname(to));
      ensureFile(to, readFileSync(join(BUNDLED_NOTES, file)));
    }
  }

  if (opts.json) io.json({ version: JSON_VERSION, ...result } satisfies InitJson);
  else io.out(renderInit(result, io));
  if (strayNotes && !opts.json)
    io.err(
      `hint: the Markdown files already in ${root === resolve(".") ? "this folder" : root} are outside notes/, so learn does not read them; ` +
        "to use them in place instead, remove learn.config.yaml (and notes/ while it is empty) and run `learn init --here`",
    );
  return result;
}

const WHY: Record<string, string> = {
  ENOENT: "that place does not take new folders",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOTDIR: "a file stands where a folder should be",
  EEXIST: "something is already there",
};

/**
 * Make the workspace folder and any missing parents one level at a time from the nearest folder
 * that exists, so a place that cannot hold folders (/proc, /sys, a file) fails at once with a
 * clear message (Node's recursive mkdir can spin forever there).
 */
function makeRoot(root: string): void {
  const missing: string[] = [];
  let at = root;
  while (!existsSync(at) && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  const fail = (why: string) =>
    new LearnError(`cannot make the workspace folder ${root}: ${why}`, "pick a folder you can write to");
  if (!statSync(at).isDirectory()) throw fail(`${at} is a file, not a folder`);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      throw fail(Object.hasOwn(WHY, code) ? `${WHY[code]} (${dir})` : (err as Error).message);
    }
  }
}

/**
 * `learn init --here`: read the folder as it is. Writes learn.config.yaml (never over one) with
 * what the folder says (notes folder, dialect, its templates folder), and adds `.learn/` to
 * .gitignore and the revisit log's merge rule to .gitattributes when the folder is a git repo or
 * already has those files. No notes/, no roadmap, no note touched.
 */
async function adopt(
  opts: InitOptions,
  root: string,
  result: InitResult,
  ensureFile: (file: string, text: string) => void,
  ensureLine: (file: string, line: string, header: string) => void,
): Promise<void> {
  const extra = (["templates", "example", "roadmap"] as const).filter((k) => opts[k] !== undefined);
  if (extra.length)
    throw new UsageError(
      `--here reads the folder as it is: it takes no --${extra.join(", --")}`,
      "run `learn init --here` alone; `learn new` adds notes later",
    );
  if (!existsSync(root))
    throw new UsageError(
      `--here: ${root} does not exist`,
      "--here reads a folder that already holds notes; for a new workspace run `learn init DIR`",
    );
  result.existing.push("./");
  const found = await detectDialect(root);
  const survey = surveyNotes(root, found);
  if (survey.count === 0 && !found.evidence && !existsSync(join(root, "learn.config.yaml")))
    throw new UsageError(
      `--here: no Markdown notes in ${root}`,
      "for a new workspace, run `learn init` (it makes notes/ and a roadmap)",
    );
  const adoption: Adoption = { ...found, notes: found.notes ?? survey.folder };
  result.adopted = { ...adoption, count: survey.count, published: survey.published };
  ensureFile(join(root, "learn.config.yaml"), adoptedConfigText(adoption));
  const repo = existsSync(join(root, ".git"));
  const line = (file: string, text: string, header: string) => {
    if (repo || lexists(join(root, file))) ensureLine(join(root, file), text, header);
  };
  line(".gitignore", ".learn/", "# learn's index is a cache, rebuilt from the notes");
  line(".gitattributes", "revisits.jsonl merge=union", "# two machines' revisit logs merge without conflict");
}

function guard<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    throw err instanceof LearnError
      ? err
      : writeProblem(
          err,
          path,
          "it appeared meanwhile, or it is a link to nowhere: move it away, then run `learn init` again",
        );
  }
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const count = (n: number): string => n.toLocaleString("en-US");

/** `6,571 notes, Obsidian vault, 6,489 marked publish: true`, and what was written or kept. */
function renderAdopted(r: InitResult, io: IO): string {
  const t = io.theme;
  const a = r.adopted!;
  const lines = [
    `${count(a.count)} ${a.count === 1 ? "note" : "notes"}, ${DIALECT_LABEL[a.dialect]}, ${count(a.published)} marked publish: true`,
  ];
  const where = a.notes === "." ? "the whole folder" : `${a.notes}/`;
  lines.push(`  ${t.dim("notes")}   ${where}${a.evidence ? ` (found ${a.evidence})` : ""}`);
  for (const remark of a.remarks) lines.push(`  ${t.dim("note")}    ${remark}`);
  if (a.ignore.length) lines.push(`  ${t.dim("ignore")}  ${a.ignore.join(", ")}`);
  for (const p of r.created) if (p !== "./") lines.push(`  ${t.ok("created")} ${p}`);
  for (const p of r.updated) lines.push(`  ${t.ok("updated")} ${p}`);
  for (const p of r.existing) if (p !== "./") lines.push(`  ${t.dim("kept")}    ${p}`);
  if (r.existing.includes("learn.config.yaml"))
    lines.push(
      "",
      `learn.config.yaml was already there and is kept as it is; to read these notes in place it needs:`,
      `  notes: ${a.notes}`,
      `  dialect: ${a.dialect}`,
    );
  const dir = r.root === resolve(".") ? "" : ` --dir ${r.root}`;
  lines.push(
    "",
    `next: learn index${dir}, then learn search WORDS${dir}`,
    "(to leave files out, list them in .learnignore, in gitignore syntax)",
  );
  return lines.join("\n");
}

function renderInit(r: InitResult, io: IO): string {
  const t = io.theme;
  if (!r.created.length && !r.updated.length) return `nothing to do: ${t.path(r.root)} is already a workspace`;
  const lines = [`${r.created.includes("./") ? "made" : "completed"} workspace ${t.path(r.root)}`];
  for (const p of r.created) if (p !== "./") lines.push(`  ${t.ok("created")} ${p}`);
  for (const p of r.updated) lines.push(`  ${t.ok("updated")} ${p}`);
  for (const p of r.existing) if (p !== "./") lines.push(`  ${t.dim("kept")}    ${p}`);
  const dir = r.root === resolve(".") ? "" : ` --dir ${r.root}`;
  lines.push(
    "",
    r.created.includes(`notes/${DEFAULT_ROADMAP_PATH}`)
      ? `next: learn week${dir}   (then learn readiness${dir} to see where each role stands)`
      : `next: learn new note "My first note" --domain core-backend${dir}`,
  );
  return lines.join("\n");
}
