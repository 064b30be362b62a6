// The floor for a no-change re-index: a Node process that only walks the folder and stats every note.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

let n = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(md|markdown)$/i.test(e.name)) {
      statSync(p);
      n++;
    }
  }
};
walk(process.argv[2]);
process.stdout.write(`${n}\n`);
