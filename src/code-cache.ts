import { readFileSync, statSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

// V8's code cache for the CommonJS command bundles (dist/read.cjs, dist/status.cjs): the bytecode
// of the functions an everyday command runs, made by the build (scripts/code-cache.mjs) so that a
// run does not parse and compile them again, about 5 ms of a 60 ms start on this machine. Node 22
// has module.enableCompileCache for this; Node 20 has only vm.Script's cachedData, so a file is
// loaded here by hand, as require() loads it. V8 rejects a cache made by another Node or with other
// flags (the file is then compiled as usual), but it checks the source only by its length: the
// cache file names the build of the bundle it was made from (size, mtime, inode), and any other is
// not given to V8 at all.

const MAGIC = "learn-code-cache 1";

/** A cache file's first line: what ties it to one build of `file` (its size, mtime and inode). */
const header = (file: string): string => {
  const s = statSync(file);
  return `${MAGIC} ${s.size} ${s.mtimeMs} ${s.ino}\n`;
};

/** A CommonJS file loaded as require() loads it, and the compiled script (for its code cache). */
export interface Loaded<T> {
  exports: T;
  script: Script;
}

/**
 * Load the CommonJS file `file` as require() would, compiled with V8's `cachedData` when given.
 * @public (scripts/code-cache.mjs uses it through dist/start.cjs)
 */
export function loadWithCache<T>(file: string, cachedData?: Buffer): Loaded<T> {
  const script = new Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  // import() in code compiled here fails on Node 20: the bundle imports packages (chalk, string-width)
  // through this instead, which is import() in a file Node loaded (scripts/bundle.mjs, dynImp)
  const learnImport = (specifier: string): Promise<unknown> => import(specifier);
  const module = { exports: {} as T, filename: file, id: file, loaded: false, learnImport };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return { exports: module.exports, script };
}

/**
 * The bytes of a code cache for `file` made by makeCodeCache, or undefined when there is none or
 * it was made from another build of the file.
 */
export function readCodeCache(file: string, cacheFile: string): Buffer | undefined {
  try {
    const bytes = readFileSync(cacheFile);
    const head = header(file);
    return bytes.length > head.length && bytes.toString("latin1", 0, head.length) === head
      ? bytes.subarray(head.length)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The contents of a code cache file for `file`: the stamp of the build it was made from, then the
 * bytecode of every function `script` has compiled so far (so, made after a representative run).
 * @public (scripts/code-cache.mjs uses it through dist/start.cjs)
 */
export const makeCodeCache = (file: string, script: Script): Buffer =>
  Buffer.concat([Buffer.from(header(file), "latin1"), script.createCachedData()]);
