import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { toUserDay } from "./core/dates.js";
import { NoWorkspaceError } from "./core/errors.js";
import { BRIEF_FILE, BRIEF_FORMAT, briefFiles, dueWithCap, stamp, type BriefCache } from "./files/brief-key.js";
import { findWorkspace } from "./workspace/find.js";

// `learn revisit --brief` runs at every shell prompt. Before commander, the index or the config
// load, this answers it from .learn/brief.json when that cache's key still holds (see
// store/brief-cache.ts, which writes it); otherwise the ordinary command runs, and refreshes it.
// Bundled into dist/start.cjs, the process entry (start.ts): node: builtins and tiny modules only,
// as a test checks by the sources that path loads.

interface BriefArgs {
  dir?: string;
  today?: string;
  json: boolean;
}

/** The options of `revisit --brief` with only global options, or undefined for any other command line. */
function briefArgs(argv: readonly string[]): BriefArgs | undefined {
  const a: BriefArgs = { json: false };
  let revisit = false;
  let brief = false;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const eq = w.indexOf("=");
    const [name, inline] = w.startsWith("--") && eq > 0 ? [w.slice(0, eq), w.slice(eq + 1)] : [w, undefined];
    if (w === "revisit" && !revisit) revisit = true;
    else if (w === "--brief" && revisit) brief = true;
    else if (w === "--json") a.json = true;
    else if (w === "--no-color" || w === "--no-input") continue;
    else if (name === "--dir" || name === "-d" || name === "--today") {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("-")) return undefined;
      if (name === "--today") a.today = value;
      else a.dir = value;
    } else return undefined;
  }
  return revisit && brief ? a : undefined;
}

/** brief.json read without following a link, or undefined when it is missing, odd or not the shape expected. */
function readCache(dataDir: string): BriefCache | undefined {
  let fd: number | undefined;
  try {
    if (!lstatSync(dataDir).isDirectory()) return undefined; // a .learn that is a link is not trusted here
    fd = openSync(join(dataDir, BRIEF_FILE), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > 1 << 20) return undefined;
    const buf = Buffer.alloc(st.size);
    const n = readSync(fd, buf, 0, st.size, 0);
    const c = JSON.parse(buf.toString("utf8", 0, n)) as Partial<BriefCache> | null;
    const pairs = (xs: unknown): boolean =>
      Array.isArray(xs) && xs.every((d) => Array.isArray(d) && typeof d[0] === "string" && typeof d[1] === "number");
    const ok =
      c !== null &&
      c.format === BRIEF_FORMAT &&
      typeof c.version === "string" &&
      typeof c.notes === "string" &&
      typeof c.from === "string" &&
      Array.isArray(c.key) &&
      pairs(c.due) &&
      typeof c.fresh?.cap === "number" &&
      pairs(c.fresh.due) &&
      pairs(c.fresh.firsts);
    return ok ? (c as BriefCache) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What `revisit --brief` prints for a count: the same as the command (ui/render-revisit.ts briefLine, io.json). */
const shown = (count: number, json: boolean): string =>
  json
    ? `${JSON.stringify({ version: 1, count }, null, 2)}\n`
    : count
      ? `${count} ${count === 1 ? "note" : "notes"} due for revisit: learn revisit --review\n`
      : "";

/**
 * Answer `revisit --brief` from the cache: the text to print (maybe ""), or undefined when the
 * ordinary command must run (another command line, a stale or missing cache, any doubt).
 */
export function briefAnswer(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  version: string,
  cwd?: string,
): string | undefined {
  const args = briefArgs(argv);
  if (!args) return undefined;
  const given = args.today ?? env.LEARN_TODAY;
  const today = given ? toUserDay(given) : localToday();
  if (!today) return undefined; // a bad date: the command says what is wrong
  let ws;
  try {
    ws = findWorkspace({ dir: args.dir, env, cwd });
  } catch (err) {
    // outside a workspace a prompt line has nothing to say; a bad --dir is for the command to explain
    return err instanceof NoWorkspaceError ? shown(0, args.json) : undefined;
  }
  const cache = readCache(ws.dataDir);
  if (!cache || cache.version !== version || today < cache.from) return undefined;
  const key = briefFiles(ws.root, ws.dataDir, cache.notes).map(stamp);
  if (key.length !== cache.key.length || key.some((k, i) => k !== cache.key[i])) return undefined;
  return shown(dueWithCap(cache.due, cache.fresh, today), args.json);
}

/** Today in the local time zone, as workspace/context.ts resolveToday reads the clock. */
function localToday(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}
