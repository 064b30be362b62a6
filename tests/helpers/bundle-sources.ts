import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// What a process loaded, as source files: dist/ is an esbuild bundle (scripts/bundle.mjs), so a
// loaded chunk stands for the sources esbuild put in it, as its metafile (dist/meta.json) says.

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/**
 * The repository-relative files behind a module log (tests/helpers/module-log.mjs): bin/ and
 * node_modules/ files as they are, each dist/ chunk replaced by its sources; node: builtins dropped.
 */
export function loadedSources(log: string): string[] {
  const meta = JSON.parse(readFileSync(`${root}dist/meta.json`, "utf8")) as Metafile;
  const out = new Set<string>();
  for (const line of log.trim().split("\n")) {
    if (line.startsWith("cjs:")) {
      const request = line.slice(4);
      // a package loaded by name through require: its name, as node_modules/NAME
      if (!request.startsWith(".") && !request.startsWith("/") && !request.startsWith("node:"))
        out.add(`node_modules/${request}`);
      else if (request.startsWith(root)) {
        // a file of the build loaded through require (dist/better-sqlite3-VERSION.cjs): its sources
        const bundled = meta.outputs[request.slice(root.length)];
        if (bundled) for (const input of Object.keys(bundled.inputs)) out.add(input);
        else out.add(request.slice(root.length));
      }
      continue;
    }
    if (!line.startsWith("file:")) continue;
    const path = fileURLToPath(line);
    // a package file: from its node_modules/ on (node_modules may be a link to another checkout's)
    const nm = path.indexOf("/node_modules/");
    const rel = nm >= 0 ? path.slice(nm + 1) : path.slice(root.length);
    const chunk = meta.outputs[rel];
    if (chunk) for (const input of Object.keys(chunk.inputs)) out.add(input);
    else out.add(rel);
  }
  return [...out].sort();
}
