import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { LearnError } from "../core/errors.js";
import type { Context } from "./context.js";

// A workspace arrives by `git clone`, so its learn.config.yaml is data, not a command to run: its
// `editor:` runs only once the user has trusted that exact file (its sha256, kept in the user's
// own config folder, as git's safe.directory is), or with LEARN_TRUST=1. $VISUAL and $EDITOR are
// the user's own and always win.

/** Asks the user whether to trust a config that names `command` as the editor (a terminal prompt). */
export type AskTrust = (command: string, configFile: string) => Promise<boolean>;

/** The user's trust file: $XDG_CONFIG_HOME/learn/trusted.json, else ~/.config/learn/trusted.json. */
export function trustFile(env: NodeJS.ProcessEnv): string | undefined {
  const base = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, ".config") : undefined);
  return base ? join(base, "learn", "trusted.json") : undefined;
}

interface TrustStore {
  version: 1;
  /** sha256 of a learn.config.yaml -> where it was trusted and when. */
  trusted: Record<string, { path: string; at: string }>;
}

function readStore(file: string): TrustStore | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { version: 1, trusted: {} }; // none yet (or unreadable: nothing is trusted)
  }
  try {
    const store = JSON.parse(text) as Partial<TrustStore>;
    if (store.trusted && typeof store.trusted === "object") return { version: 1, trusted: store.trusted };
  } catch {
    // fall through: a damaged file is never rewritten over, so nothing in it is lost
  }
  return undefined;
}

/** Remember `hash` as trusted; false when it cannot be (no HOME, read-only, a damaged file). */
function remember(file: string, hash: string, configPath: string): boolean {
  const store = readStore(file);
  if (!store) return false;
  store.trusted[hash] = { path: configPath, at: new Date().toISOString() };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, `${JSON.stringify(store, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder could not be made: there is no temp file to clean up
    }
    return false;
  }
}

const sha256 = (path: string): string | undefined => {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return undefined;
  }
};

/**
 * The editor command for `--edit`: $VISUAL, then $EDITOR, then the workspace config's `editor:`
 * if the user trusts that config. At a terminal (`ask` given and `io.interactive`) an untrusted
 * config is asked about once; otherwise it is ignored with a one-line notice on stderr.
 */
export async function editorCommand(
  ctx: Context,
  io: { env: NodeJS.ProcessEnv; interactive: boolean; err: (text: string) => void },
  ask?: AskTrust,
): Promise<string | undefined> {
  const own = io.env.VISUAL || io.env.EDITOR;
  if (own) return own;
  const configured = ctx.config.editor;
  if (!configured) return undefined;
  if (io.env.LEARN_TRUST === "1") return configured;
  const hash = sha256(ctx.ws.configPath);
  const file = trustFile(io.env);
  if (hash && file && Object.hasOwn(readStore(file)?.trusted ?? {}, hash)) return configured;
  const shown = relative(process.cwd(), ctx.ws.configPath) || ctx.ws.configPath;
  if (hash && ask && io.interactive && (await ask(configured, shown))) {
    if (!file || !remember(file, hash, ctx.ws.configPath))
      io.err("learn: could not remember the trust (no writable config folder); you will be asked again");
    return configured;
  }
  io.err(
    `learn: ignoring \`editor:\` in ${shown}: this workspace's config is not trusted ` +
      "(trust it at a terminal, set LEARN_TRUST=1, or set $VISUAL or $EDITOR)",
  );
  return undefined;
}

/** Open `file` in the editor and wait for it to close. The command may carry flags ("code --wait"). */
export function openInEditor(file: string, command: string): void {
  const quoted = `'${file.replace(/'/g, `'\\''`)}'`;
  const res = spawnSync(`${command} ${quoted}`, { stdio: "inherit", shell: true });
  if (res.error || (res.status !== 0 && res.status !== null)) {
    throw new LearnError(
      `editor \`${command}\` failed${res.status ? ` with exit code ${res.status}` : ""}`,
      `the note is saved at ${file}`,
    );
  }
}
