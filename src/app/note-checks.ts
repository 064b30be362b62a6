import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { frontMatterFindings } from "../core/check-front-matter.js";
import { isPublic } from "../core/check-links.js";
import type { Finding } from "../core/check-model.js";
import { placeholderFindings } from "../core/check-placeholders.js";
import type { Context } from "../core/context.js";
import type { ParsedNote } from "../core/note-parse.js";
import type { TemplateText } from "../core/note-substance.js";
import { ALLOWLIST_FILE } from "../workspace/secrets-allow.js";
import { readCache } from "../workspace/cache-file.js";
import { SecretScanner } from "../workspace/secret-pool.js";
import type { SecretHit } from "../workspace/secrets.js";

// What `learn check` and `learn publish` both read and scan.

/** Read a note's text from the workspace; undefined when it cannot be read (the index reports why). */
export function readNoteText(ctx: Context, path: string): string | undefined {
  try {
    return readFileSync(join(ctx.ws.root, path), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * A note's secret hits as findings. Every one is an error, in a private note too: a secret in a
 * note reaches git history whatever its visibility.
 */
export function secretHitFindings(path: string, hits: readonly SecretHit[], isPublicNote: boolean): Finding[] {
  return hits.map((h) => ({
    path,
    line: h.line,
    rule: h.rule,
    severity: "error",
    message: isPublicNote ? `${h.message} in a public note` : `${h.message} (private note: git history keeps it)`,
    hint: `remove it and rotate the credential (write a placeholder like <token>); if it is not a secret, add its fingerprint to ${ALLOWLIST_FILE}: ${h.fingerprint}`,
  }));
}

/**
 * Secret findings of many notes, one list per note in their order, as scanning each alone gives:
 * on a worker thread when there are enough (workspace/secret-pool.ts). `allow` holds the
 * fingerprints the user accepted in `.learn-secrets-allow`.
 */
export async function secretFindingsMany(
  notes: readonly { path: string; text: string }[],
  isPublicNote: boolean,
  allow?: ReadonlySet<string>,
  warn?: (message: string) => void,
): Promise<Finding[][]> {
  const scanner = new SecretScanner({ allow, warn });
  for (const n of notes) scanner.add(n.path, n.text);
  const hits = await scanner.finish();
  return hits.map((found, i) => secretHitFindings(notes[i]!.path, found, isPublicNote));
}

/** A note's own findings but secrets (template placeholders, front matter): check scans secrets in a batch. */
export function ownFindingsButSecrets(
  ctx: Context,
  path: string,
  text: string,
  parsed: ParsedNote,
  templates: (type: string | null | undefined) => TemplateText,
): Finding[] {
  return [
    ...placeholderFindings(
      path,
      text,
      { body: parsed.body, isPublic: isPublic(parsed.data) },
      templates(parsed.data.type),
    ),
    ...frontMatterFindings(path, text, parsed, ctx.config),
  ];
}

/** Every finding of one note on its own (template placeholders, front matter, secrets): what the LSP runs, and check in a batch. */
export async function noteFindings(
  ctx: Context,
  path: string,
  text: string,
  parsed: ParsedNote,
  env: { templates: (type: string | null | undefined) => TemplateText; allow: ReadonlySet<string> },
): Promise<Finding[]> {
  const { scanSecrets } = await import("../workspace/secrets.js"); // secretlint loads only when a note is scanned
  const hits = await scanSecrets(text, path, { allow: env.allow });
  return [
    ...ownFindingsButSecrets(ctx, path, text, parsed, env.templates),
    ...secretHitFindings(path, hits, isPublic(parsed.data)),
  ];
}

// `.learn/check-cache.json`: each note's own findings (noteFindings), so a check re-scans only the
// notes that changed. A note is taken as unchanged when its (mtime, size) is the one the index
// just stat'd and the cache recorded with the findings (the index's own rule for re-reading a
// note); otherwise it is read, and its findings are reused only if its text hashes the same. The
// stamp covers everything else the findings depend on (learn's version, configured domains and
// roles, templates, the secrets allowlist).
const CACHE_FILE = "check-cache.json";
const CACHE_FORMAT = 1;

/** One note's cached result: its (mtime, size) signature, the hash of its text, its learn type, and its own findings. */
export interface CachedNote {
  sig: string;
  hash: string;
  type: string | null;
  findings: Finding[];
}

interface CacheFile {
  format: number;
  version: string;
  stamp: string;
  notes: Record<string, CachedNote>;
}

/** The hash a cached result is keyed by. */
export const textHash = (text: string): string => createHash("sha1").update(text).digest("base64url");

/** The per-note check cache of a workspace: read once, written back (when changed) by save(). */
export class CheckCache {
  private readonly notes = new Map<string, CachedNote>();
  private readonly seen = new Set<string>();
  private changed = false;

  private constructor(
    private readonly ctx: Context,
    private readonly stamp: string,
  ) {}

  /** Open the cache for the current stamp; an old, odd or missing file starts empty. */
  static open(ctx: Context, parts: readonly string[]): CheckCache {
    const stamp = createHash("sha1").update(parts.join("\0")).digest("base64url");
    const cache = new CheckCache(ctx, stamp);
    const file = readCache<CacheFile>(ctx.ws, CACHE_FILE, CACHE_FORMAT);
    if (file && file.stamp === stamp)
      for (const [path, note] of Object.entries(file.notes)) cache.notes.set(path, note);
    else cache.changed = true; // missing, old or odd: written anew
    return cache;
  }

  /** The cached result of a note whose signature is `sig`, or (when given) whose text hashes to `hash`. */
  get(path: string, key: { sig?: string; hash?: string }): CachedNote | undefined {
    this.seen.add(path);
    const got = this.notes.get(path);
    if (!got) return undefined;
    return (key.sig !== undefined && got.sig === key.sig) || (key.hash !== undefined && got.hash === key.hash)
      ? got
      : undefined;
  }

  set(path: string, note: CachedNote): void {
    this.seen.add(path);
    this.notes.set(path, note);
    this.changed = true;
  }

  /** Write the results of the notes seen this run (dropping the rest) when anything changed. */
  async save(): Promise<void> {
    const gone = [...this.notes.keys()].filter((p) => !this.seen.has(p));
    if (!this.changed && gone.length === 0) return;
    for (const p of gone) this.notes.delete(p);
    const file: Omit<CacheFile, "version"> = {
      format: CACHE_FORMAT,
      stamp: this.stamp,
      notes: Object.fromEntries(this.notes),
    };
    await this.ctx.saveCache?.(CACHE_FILE, file); // adds learn's version; a failure only costs a re-scan
  }
}
