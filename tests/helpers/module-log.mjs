// Preload (`node --import ./tests/helpers/module-log.mjs`): append every module the process
// loads (ES modules through a resolve hook, CommonJS through Module._load and vm.Script) to $LEARN_MODULE_LOG,
// one URL or request a line. Used by tests and the bench to keep the fast paths' imports small.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const log = process.env.LEARN_MODULE_LOG;
if (log) {
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync } from "node:fs";
      export async function resolve(spec, ctx, next) {
        const r = await next(spec, ctx);
        appendFileSync(${JSON.stringify(log)}, r.url + "\\n");
        return r;
      }`)}`,
  );
  const Module = createRequire(import.meta.url)("node:module");
  const load = Module._load;
  Module._load = function (request, parent, ...rest) {
    // a file by relative path (bin/learn.cjs's ../dist/start.cjs): by its absolute path
    let name = request;
    if (request.startsWith(".") && parent) {
      try {
        name = Module._resolveFilename(request, parent);
      } catch {
        // not found: logged as asked, and require() throws as it would
      }
    }
    appendFileSync(log, `cjs:${name}\n`);
    return load.call(this, request, parent, ...rest);
  };
  // a CommonJS file compiled by hand, with a code cache (src/code-cache.ts: dist/read.cjs), is loaded too
  const vm = createRequire(import.meta.url)("node:vm");
  vm.Script = class extends vm.Script {
    constructor(code, options) {
      if (options?.filename) appendFileSync(log, `cjs:${options.filename}\n`);
      super(code, options);
    }
  };
}
