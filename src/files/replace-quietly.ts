import { renameSync, rmSync, writeFileSync } from "node:fs";

/**
 * Replace a cache file in .learn/ whole, or leave it as it was: written beside it under a name of
 * this process's, then renamed over it. A failure (a read-only .learn/) is no error: a cache not
 * written only costs the next run the work it would have saved.
 */
export function replaceQuietly(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
