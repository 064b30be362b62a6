import { closeSync, fstatSync, openSync, readSync, constants } from "node:fs";
import { join } from "node:path";

// The secrets allowlist, apart from the scanner so that reading it does not load secretlint.

/** The allowlist file at the workspace root: one sha256 fingerprint a line, `#` comments. */
export const ALLOWLIST_FILE = ".learn-secrets-allow";

const ALLOWLIST_MAX_BYTES = 1024 * 1024;

/**
 * The fingerprints in the workspace's `.learn-secrets-allow` (empty when there is none). Each
 * line holds one sha256 hex fingerprint (optionally `sha256:`-prefixed); `#` starts a comment.
 * Only a regular file is read, and at most 1 MiB of it.
 */
export function loadSecretAllowlist(root: string): Set<string> {
  let fd: number;
  try {
    fd = openSync(join(root, ALLOWLIST_FILE), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return new Set();
  }
  try {
    if (!fstatSync(fd).isFile()) return new Set();
    const buf = Buffer.alloc(ALLOWLIST_MAX_BYTES);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString("utf8");
    const prints = text.split(/\r?\n/).map((l) =>
      l
        .replace(/#.*/, "")
        .trim()
        .replace(/^sha256:/i, "")
        .toLowerCase(),
    );
    return new Set(prints.filter((p) => /^[0-9a-f]{64}$/.test(p)));
  } finally {
    closeSync(fd);
  }
}
