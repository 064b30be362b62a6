import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";

// Reading learn's own caches in .learn/: apart from note-checks so a reader of a cache loads no checker.

const CACHE_MAX_BYTES = 256 * 1024 * 1024;

/** A regular file's text (never through a link), or undefined. */
export function readSmallFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > CACHE_MAX_BYTES) return undefined;
    return readFileSync(fd, "utf8");
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
