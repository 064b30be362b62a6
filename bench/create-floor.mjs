// The floor for a publish into an empty folder: a Node process that only creates the site's files
// (the same relative paths and sizes, read from a list) in an empty folder, one after another, as a
// bare loop would: exclusive create, one write, close. No rendering, no hashing, no checks.
// Usage: node create-floor.mjs LIST.json OUT   (LIST: [[relative path, size], ...])
import { closeSync, constants, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";

const [list, out] = process.argv.slice(2);
const files = JSON.parse(readFileSync(list, "utf8"));
const made = new Set();
const bytes = Buffer.alloc(Math.max(0, ...files.map(([, size]) => size)), "x");
for (const [rel, size] of files) {
  const path = join(out, rel);
  const dir = dirname(path);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  for (let done = 0; done < size;) done += writeSync(fd, bytes, done, size - done);
  closeSync(fd);
}
process.stdout.write(`${files.length}\n`);
