// The floor for a publish into an empty folder: a Node process that only creates the site's files
// (the same relative paths and sizes, read from a list) in an empty folder, one after another, as a
// bare loop would: exclusive create, one write, close. No rendering, no hashing, no checks.
// Usage: node create-floor.mjs LIST.json OUT [K]   (LIST: [[relative path, size], ...])
// With K, the files are created through libuv's thread pool instead, K at a time (fs/promises), to
// compare: on the ext4 virtual disk this was measured on, K = 1, 4 and 16 all cost several times
// the system time of the synchronous loop, so `learn publish` creates its files synchronously.
import { closeSync, constants, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { open } from "node:fs/promises";
import { Buffer } from "node:buffer";
import { dirname, join } from "node:path";

const [list, out, k] = process.argv.slice(2);
const files = JSON.parse(readFileSync(list, "utf8"));
const made = new Set();
const bytes = Buffer.alloc(Math.max(0, ...files.map(([, size]) => size)), "x");
const FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
const running = new Set();
for (const [rel, size] of files) {
  const path = join(out, rel);
  const dir = dirname(path);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  if (k === undefined) {
    const fd = openSync(path, FLAGS, 0o666);
    for (let done = 0; done < size;) done += writeSync(fd, bytes, done, size - done);
    closeSync(fd);
    continue;
  }
  const job = (async () => {
    const fh = await open(path, FLAGS, 0o666);
    for (let done = 0; done < size;) done += (await fh.write(bytes, done, size - done)).bytesWritten;
    await fh.close();
  })().finally(() => running.delete(job));
  running.add(job);
  if (running.size >= Number(k)) await Promise.race(running);
}
await Promise.all(running);
process.stdout.write(`${files.length}\n`);
