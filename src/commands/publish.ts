import { join, relative, resolve } from "node:path";
import { isPublic } from "../core/check-links.js";
import { countFindings, sortFindings, toCheckJson, type Finding } from "../core/check-model.js";
import { FindingsError } from "../core/errors.js";
import { parseNote } from "../core/note-parse.js";
import { buildSiteModel } from "../core/publish-model.js";
import { buildSite } from "../core/publish-site.js";
import type { LinkRow, NoteRow } from "../store/types.js";
import { renderFindings } from "../ui/render-check.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { createContext } from "../workspace/context.js";
import { fuseAsset } from "../workspace/site-assets.js";
import { guardOutDir, writeSite } from "../workspace/site-write.js";
import { readNoteText, secretFindings } from "./check.js";

/** Options of `learn publish`. */
export interface PublishOptions extends GlobalOptions {
  /** Output folder, relative to the current folder; default `site/` in the workspace. */
  out?: string;
  /** Write into a folder holding files publish did not make (they are kept). */
  force?: boolean;
  /** Where relative --out paths start (tests); default the process's current folder. */
  cwd?: string;
}

/** What a publish wrote. */
export interface PublishResult {
  out: string;
  notes: number;
  tags: number;
  files: number;
  removed: string[];
}

/** `learn publish`: build a static site of the public notes; refuse when a public note holds a secret. */
export async function publish(opts: PublishOptions, io: IO): Promise<PublishResult> {
  const ctx = await createContext(opts, io);
  const out = opts.out ? resolve(opts.cwd ?? process.cwd(), opts.out) : join(ctx.ws.root, "site");
  guardOutDir(out, ctx.ws.notesDir, opts.out ?? "site");
  const { openIndexLazy } = await import("../store/open-lazy.js");
  const { index } = await openIndexLazy(ctx);
  let notes: NoteRow[];
  let links: LinkRow[];
  try {
    notes = index.allNotes();
    links = index.allLinks();
  } finally {
    index.close();
  }
  const bodies = new Map<string, string>();
  const secrets: Finding[] = [];
  for (const n of notes.filter(isPublic)) {
    const text = readNoteText(ctx, n.path) ?? "";
    bodies.set(n.path, parseNote(text, n.slug).body);
    secrets.push(...(await secretFindings(n.path, text, true)));
  }
  if (secrets.length) {
    const sorted = sortFindings(secrets);
    if (opts.json) io.json(toCheckJson(sorted, countFindings(sorted, bodies.size)));
    else io.err(renderFindings(sorted, io.theme));
    throw new FindingsError(
      `publish refused: ${sorted.length} secret${sorted.length === 1 ? "" : "s"} in public notes, nothing was written`,
      "remove them (and rotate the credentials), or make those notes private; `learn check` lists them too",
    );
  }
  const model = buildSiteModel(notes, links, (row) => bodies.get(row.path) ?? "");
  const files = [...buildSite(model, { domains: ctx.config.domains }), fuseAsset()];
  const { written, removed } = writeSite(out, files, { force: opts.force });
  const result: PublishResult = { out, notes: model.notes.length, tags: model.tags.length, files: written, removed };
  if (opts.json) {
    io.json(result);
    return result;
  }
  io.out(join(out, "index.html"));
  const rel = relative(opts.cwd ?? process.cwd(), out);
  const where = rel === "" ? "." : rel.startsWith("..") ? out : rel;
  io.err(
    `published ${result.notes} public note${result.notes === 1 ? "" : "s"} and ${result.tags} tag page${result.tags === 1 ? "" : "s"} to ${where}/${removed.length ? `; removed ${removed.length} old file${removed.length === 1 ? "" : "s"}` : ""}`,
  );
  return result;
}
