import { readFileSync } from "node:fs";
import { replaceQuietly } from "../files/replace-quietly.js";
import type Database from "better-sqlite3";
import type { IndexProblem } from "../core/index-types.js";
import type { WalkResult } from "./walk.js";

// The walk's listing, the no-change refresh's shortcut: when a walk lists the same files with the
// same stamps (and problems) as the one the last refresh recorded, the tables already match.

/** A problem as one string, to compare the walk's problems with the stored ones. */
export const problemKey = (p: IndexProblem): string => `${p.path}\0${p.line ?? ""}\0${p.reason}\0${p.severity}`;

/** Everything a plan compares: the walked files' paths (and the walk's problems) as text, and their stamps. */
export interface WalkListing {
  /** Each path, then each problem, each ended by NUL (which no file name holds): one flat string. */
  paths: string;
  /** The counts of files and problems, then each file's mtime and size, as they are (8 bytes each). */
  stamps: Float64Array;
}

/**
 * The listing of a walk. When it equals the one recorded by the last refresh (kept whole, not
 * hashed: a hash loads node:crypto and digests the same bytes, about 6 ms at 10k notes), the tables
 * already match the folder and the per-file comparison (about 100 ms at 50k notes) can be skipped.
 */
export function walkListing(walk: WalkResult): WalkListing {
  let listing = LISTINGS.get(walk);
  if (!listing) LISTINGS.set(walk, (listing = listingOf(walk)));
  return listing;
}

// A walk's listing, made once: the no-change check makes it, and a refresh that goes ahead stores the same
const LISTINGS = new WeakMap<WalkResult, WalkListing>();

function listingOf(walk: WalkResult): WalkListing {
  // the numbers as they are: writing 10k mtimes out as text cost more than all the rest
  const { files } = walk;
  const stamps = new Float64Array(2 + files.length * 2);
  stamps[0] = files.length;
  stamps[1] = walk.problems.length;
  const paths = new Array<string>(files.length);
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    stamps[2 + 2 * i] = f.mtimeMs;
    stamps[3 + 2 * i] = f.size;
    paths[i] = f.path;
  }
  const problems = walk.problems.map(problemKey).sort();
  // one join, one flat string, not 10k partial strings
  return { paths: `${paths.join("\0")}\0${problems.length ? `${problems.join("\0")}\0` : ""}`, stamps };
}

// The listing is kept in a file beside the database (index.db.walk), not in it: reading 700 kB (10k notes)
// out of SQLite page by page cost about 2 ms, one read of a file 0.2. What binds the file to the tables
// is a token: each refresh records a new one in meta, in its transaction, and after the commit writes
// the file with that token first. A file whose token is not the stored one (a process that died before
// writing it, two refreshes racing) only costs the next refresh the file-by-file comparison.

/** A listing recorded in an open transaction, to be written out once it commits (writeListing). */
export interface PendingListing {
  token: string;
  listing: WalkListing;
}

const listingFile = (db: Database.Database): string => `${db.name}.walk`;

/** Record, inside the refresh's transaction, that the tables match this walk; writeListing after the commit. */
export function storeListing(db: Database.Database, listing: WalkListing): PendingListing {
  // unique, not secret: it only tells this commit's file from another's
  const token = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2)}`;
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('walk_token', ?)").run(token);
  return { token, listing };
}

/** Write a committed listing beside the database (whole or not at all); a failure is only a slower next refresh. */
export function writeListing(db: Database.Database, { token, listing }: PendingListing): void {
  replaceQuietly(
    listingFile(db),
    Buffer.concat([Buffer.from(`${token}\0`), new Uint8Array(listing.stamps.buffer), Buffer.from(listing.paths)]),
  );
}

/** True when `listing` is the one recorded by the last refresh: the tables match that walk. */
export function sameListing(db: Database.Database, listing: WalkListing): boolean {
  const token = db.prepare("SELECT value FROM meta WHERE key = 'walk_token'").pluck().get();
  if (typeof token !== "string") return false;
  let bytes: Buffer;
  try {
    bytes = readFileSync(listingFile(db));
  } catch {
    return false;
  }
  const head = Buffer.from(`${token}\0`);
  const stamps = new Uint8Array(listing.stamps.buffer);
  const at = head.length + stamps.length;
  return (
    bytes.length > at &&
    bytes.subarray(0, head.length).equals(head) &&
    bytes.subarray(head.length, at).equals(stamps) &&
    bytes.subarray(at).equals(Buffer.from(listing.paths))
  );
}
