import { join, relative, resolve } from "node:path";
import { secretFindingsMany } from "../app/note-checks.js";
import { publicReadiness } from "../app/site-readiness.js";
import { readNoteBytes, readNotesNow, type NoteBytes } from "../app/site-read.js";
import { countFindings, sortFindings, toCheckJson, type Finding } from "../core/check-model.js";
import { FindingsError } from "../core/errors.js";
import type { Context } from "../core/context.js";
import { placeholderFindings } from "../core/check-placeholders.js";
import { substance } from "../core/note-substance.js";
import { JSON_VERSION, type PublishJson } from "../core/json-types.js";
import { buildSiteModel } from "../core/publish-model.js";
import { planSite } from "../core/publish-site.js";
import { renderFindings } from "../ui/render-check.js";
import type { GlobalOptions, IO } from "../ui/io.js";
import { createContext } from "../workspace/context.js";
import { templateTexts } from "../workspace/note-substance.js";
import {
  inputsPrint,
  listingPrint,
  loadCleanTexts,
  loadSiteState,
  renderCache,
  sameStats,
  saveCleanTexts,
  saveSiteState,
  statsOf,
  textKeyer,
  type SiteState,
} from "../workspace/publish-cache.js";
import { fuseAsset, workspaceAttachments, type Attachments } from "../workspace/site-assets.js";
import { loadSecretAllowlist } from "../workspace/secrets-allow.js";
import { finishedSite } from "../workspace/site-marker.js";
import { guardOutDir, writeSite } from "../workspace/site-write.js";
import { loadTemplate } from "../workspace/templates.js";
import { REVISIT_LOG } from "../workspace/revisit-log.js";
import { NOTE_TYPES } from "../core/note-model.js";

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
  guardOutDir(out, ctx.ws.notesDir, opts.out ?? "site", opts.out ? undefined : ctx.ws.root, ctx.ws.root);
  const { withIndex } = await import("../store/open-lazy.js");
  const indexed = await withIndex(ctx, {}, (index) => ({ notes: index.allNotes(), links: index.allLinks() }));
  const { links } = indexed;
  // Each link row holds its own copies of two paths: share one string per path (megabytes at 36,000 links).
  const paths = new Map(indexed.notes.map((n) => [n.path, n.path]));
  for (const l of links) {
    if (typeof l.from_path === "string") l.from_path = paths.get(l.from_path) ?? l.from_path;
    if (typeof l.to_path === "string") l.to_path = paths.get(l.to_path) ?? l.to_path;
  }
  const allow = loadSecretAllowlist(ctx.ws.root); // the same opt-outs as `learn check`
  // Attachments are found as the pages render (so only what a public page shows is copied), then copied.
  const attachments = workspaceAttachments(ctx.ws.root, ctx.ws.notesDir, [out]);
  const sources = templateSources(ctx);
  // Every note file is read once: hashed into the inputs' print, and parsed when the site must be built.
  const hashed = inputsPrint([out, ctx.today, ctx.config, [...allow].sort(), indexed.notes, links, sources]);
  /** The inputs' print, once every note is hashed: the revisit log last. */
  const finishPrint = (): string => {
    hashed.file(REVISIT_LOG, readNoteBytes(ctx.ws.root, REVISIT_LOG));
    return hashed.digest();
  };
  const readHashed = (path: string): NoteBytes => {
    const got = readNoteBytes(ctx.ws.root, path);
    hashed.file(path, got);
    return got;
  };
  const state = intactSite(ctx, out, attachments);
  let print: string | undefined;
  let bytesOf = readHashed;
  if (state) {
    // The site may be as the last publish left it: the print decides, and the bytes are kept for a rebuild.
    const kept = new Map(indexed.notes.map((n) => [n.path, readHashed(n.path)]));
    print = finishPrint();
    if (state.print === print) return report({ out, ...state.result, removed: [] }, state.result.files, opts, io);
    bytesOf = (path) => {
      const got = kept.get(path) ?? readNoteBytes(ctx.ws.root, path);
      kept.delete(path);
      return got;
    };
  }
  // Each note's raw text is checked for placeholders as it is read, and kept only when it must be
  // scanned for secrets: the texts are never all held at once. A text found clean of both before
  // (with the same allowlist and templates) is neither checked nor scanned again.
  const known = loadCleanTexts(ctx);
  const templates = templateTexts(ctx.ws);
  const placeholders: Finding[] = [];
  const clean: string[] = [];
  const held = new Set<string>(); // texts with placeholder text: never remembered as clean
  const enough = new Map<string, boolean>(); // by text key: enough words of its own (readiness counts it)
  const keyOf = new Map<string, string>(); // by path
  const toScan: { path: string; text: string; key: string }[] = [];
  const textKey = textKeyer(allow, sources);
  const { rows, read } = readNotesNow(ctx, indexed.notes, bytesOf, (path, n) => {
    const key = textKey(n.text);
    keyOf.set(path, key);
    const was = known.get(key);
    if (was !== undefined) {
      clean.push(key);
      enough.set(key, was);
    } else {
      const found = placeholderFindings(path, n.text, { body: n.body, isPublic: true }, templates(n.row.type));
      if (found.length) held.add(key);
      placeholders.push(...found);
      enough.set(key, substance(n.body, templates(n.row.type)).enough);
      toScan.push({ path, text: n.text, key });
    }
    n.text = "";
  });
  print ??= finishPrint();
  indexed.notes = []; // read from the files: let the index's rows go
  const secrets: Finding[] = [];
  const keys = toScan.map((t) => t.key); // the texts go with the batch, and are let go once scanned
  const warn = (m: string) => io.err(`learn: warning: ${m}`);
  (await secretFindingsMany(toScan.splice(0), true, allow, warn)).forEach((found, i) => {
    if (found.length) secrets.push(...found);
    else clean.push(keys[i]!);
  });
  await saveCleanTexts(ctx, new Map(clean.filter((k) => !held.has(k)).map((k) => [k, enough.get(k) ?? false])));
  if (secrets.length) {
    const sorted = sortFindings(secrets);
    if (opts.json) io.json(toCheckJson(sorted, countFindings(sorted, read.size)));
    else io.err(renderFindings(sorted, io.theme));
    throw new FindingsError(
      `publish refused: ${sorted.length} secret${sorted.length === 1 ? "" : "s"} in public notes, nothing was written`,
      "remove them (and rotate the credentials), or make those notes private; `learn check` lists them too",
    );
  }
  refusePlaceholders(placeholders, read.size, opts, io);
  const model = buildSiteModel(
    rows,
    links,
    (row) => read.get(row.path)?.body ?? "",
    (row) => read.get(row.path)?.truncatedAt,
  );
  const readinessHtml =
    ctx.config.publish?.readiness === false
      ? undefined
      : publicReadiness(
          ctx,
          rows,
          read,
          links,
          model,
          (n, body) => enough.get(keyOf.get(n.path) ?? "") ?? substance(body(), templates(n.type)).enough,
        );
  for (const n of read.values()) n.body = ""; // the model holds the bodies now, and lets each go once rendered
  const cache = renderCache(ctx, out);
  const site = planSite(model, {
    domains: ctx.config.domains,
    readiness: readinessHtml,
    attachment: (from, target) => attachments.find(from.row.path, target),
    cache,
    release: true,
  });
  const fuse = fuseAsset();
  const { written, unchanged, removed } = writeSite(
    out,
    {
      paths: [...site.paths, fuse.path],
      files: (function* () {
        yield* site.files;
        yield fuse;
      })(),
      then: () => ({ paths: attachments.paths(), files: attachments.files((m) => io.err(m)) }),
    },
    { force: opts.force },
  );
  await cache.save();
  const result: PublishResult = { out, notes: model.notes.length, tags: model.tags.length, files: written, removed };
  await saveSiteState(ctx, finishedState(ctx, out, print, attachments, result));
  return report(result, unchanged, opts, io);
}

/** Say what a publish did: JSON, or the index page's path on stdout and a line on stderr. */
function report(result: PublishResult, unchanged: number, opts: PublishOptions, io: IO): PublishResult {
  const { out, written } = { out: result.out, written: result.files };
  const removed = result.removed;
  if (opts.json) {
    io.json({ version: JSON_VERSION, ...result } satisfies PublishJson);
    return result;
  }
  io.out(join(out, "index.html"));
  const rel = relative(opts.cwd ?? process.cwd(), out);
  const where = rel === "" ? "." : rel.startsWith("..") ? out : rel;
  io.err(
    `published ${result.notes} public note${result.notes === 1 ? "" : "s"} and ${result.tags} tag page${result.tags === 1 ? "" : "s"} to ${where}/${unchanged ? ` (${written - unchanged} file${written - unchanged === 1 ? "" : "s"} written, ${unchanged} unchanged)` : ""}${removed.length ? `; removed ${removed.length} old file${removed.length === 1 ? "" : "s"}` : ""}`,
  );
  if (result.notes === 0)
    io.err(
      "learn: no note is public: a note is published when it says `visibility: public` or `publish: true`" +
        " (or set `default_visibility: public` in learn.config.yaml to publish every note that says neither)",
    );
  return result;
}

/** The templates' sources (a workspace may override them): the placeholder check reads them. */
function templateSources(ctx: Context): (string | null)[] {
  return NOTE_TYPES.map((t) => {
    try {
      return loadTemplate(ctx.ws, t).source;
    } catch {
      return null;
    }
  });
}

/**
 * What the last finished publish left, when the site may still be what publishing now would
 * write (the caller compares the inputs' print): the same site folder holding exactly its files
 * as it left them, the attachments it copied as they were, and (when any note looked an
 * attachment up) the same candidate files in the workspace.
 */
function intactSite(ctx: Context, out: string, attachments: Attachments): SiteState | undefined {
  const state = loadSiteState(ctx);
  if (!state || state.out !== out) return undefined;
  const files = finishedSite(out);
  if (!files || files.length !== Object.keys(state.files).length || !sameStats(out, state.files)) return undefined;
  if (!sameStats(ctx.ws.root, state.sources, true)) return undefined;
  if (state.listing !== undefined && listingPrint(attachments.walk()) !== state.listing) return undefined;
  return state;
}

/** The state a finished publish leaves for the next, or undefined (forget) when the site is not wholly its own. */
function finishedState(
  ctx: Context,
  out: string,
  print: string,
  attachments: Attachments,
  result: PublishResult,
): SiteState | undefined {
  const files = finishedSite(out);
  if (!files) return undefined;
  try {
    const listing = attachments.listing();
    return {
      print,
      out,
      files: statsOf(out, files),
      sources: statsOf(ctx.ws.root, attachments.sources(), true),
      ...(listing ? { listing: listingPrint(listing) } : {}),
      result: { notes: result.notes, tags: result.tags, files: result.files },
    };
  } catch {
    return undefined;
  }
}

/** Refuse to publish while a public note still holds its template's placeholder text (`learn check` lists it too). */
function refusePlaceholders(placeholders: Finding[], notes: number, opts: PublishOptions, io: IO): void {
  const found = sortFindings(placeholders);
  if (!found.length) return;
  if (opts.json) io.json(toCheckJson(found, countFindings(found, notes)));
  else io.err(renderFindings(found, io.theme));
  const held = new Set(found.map((f) => f.path)).size;
  throw new FindingsError(
    `publish refused: ${held} public note${held === 1 ? " still holds" : "s still hold"} template placeholder text, nothing was written`,
    "write those lines in your own words, or make the notes private; `learn check` lists them too",
  );
}
