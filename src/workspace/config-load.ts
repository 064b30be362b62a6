import { lstatSync } from "node:fs";
import { join, relative } from "node:path";
import { ConfigError } from "../core/errors.js";
import { DEFAULT_CONFIG, type Config } from "../core/config.js";
import type { WorkspacePaths } from "./find.js";
import { READ_CAPS, readWholeText, readWorkspaceFile, type UnsafeFileError } from "../files/safe-read.js";
import { packageVersion } from "./package-root.js";

// Parsing and validating learn.config.yaml loads js-yaml and zod, which would cost every
// command ~40 ms of start-up. The validated config is kept in .learn/config.json (a cache
// like the index) keyed by learn's version and the file's (mtime, size), and re-validated only
// when either changed: after an upgrade, new defaults and rules apply at once.

/** Bump when the cached config's shape or its validation changes without a version bump (in development). */
const CONFIG_CACHE_VERSION = 3;

const cachePath = (ws: WorkspacePaths): string => join(ws.dataDir, "config.json");

function readCache(ws: WorkspacePaths, sig: string): Config | undefined {
  try {
    // .learn/ may come with a clone too: the cache is read like any workspace file.
    const read = readWorkspaceFile(cachePath(ws), { root: ws.root }, READ_CAPS.config, "config.json");
    if (!read || read.truncated) return undefined;
    const cached = JSON.parse(read.buf.toString("utf8")) as { sig?: string; config?: Config };
    return cached.sig === sig ? cached.config : undefined;
  } catch {
    return undefined;
  }
}

async function writeCache(ws: WorkspacePaths, sig: string, config: Config): Promise<void> {
  try {
    const { writeFileSafe } = await import("./safe-write.js"); // loaded only when the config changed
    writeFileSafe(ws.dataDir, cachePath(ws), JSON.stringify({ sig, config })); // never through a link
  } catch {
    // no .learn/ yet, or read-only: validating again next time is fine
  }
}

/** Read and validate the workspace's learn.config.yaml; the defaults when there is none. */
export async function loadConfig(ws: WorkspacePaths): Promise<Config> {
  const shown = relative(process.cwd(), ws.configPath) || ws.configPath;
  let sig: string;
  try {
    // One lstat in the common case (a regular file); a link, FIFO or device is checked by the reader.
    const st = lstatSync(ws.configPath);
    if (!st.isFile()) throw new Error("not a regular file");
    sig = `${packageVersion()}+${CONFIG_CACHE_VERSION}:${st.mtimeMs}:${st.size}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(DEFAULT_CONFIG);
    sig = "";
  }
  const cached = sig ? readCache(ws, sig) : undefined;
  if (cached) return cached;
  let text: string | undefined;
  try {
    // The config itself cannot allow links out of the workspace: it is read before it says anything.
    text = readWholeText(ws.configPath, { root: ws.root }, READ_CAPS.config, shown);
  } catch (err) {
    throw new ConfigError(shown, "", `cannot read: ${(err as UnsafeFileError).reason ?? (err as Error).message}`);
  }
  if (text === undefined) return structuredClone(DEFAULT_CONFIG);
  const [{ loadYaml }, { validateConfig }] = await Promise.all([
    import("../core/yaml-load.js"),
    import("../core/config-schema.js"),
  ]);
  let raw: unknown;
  try {
    raw = loadYaml(text);
  } catch (err) {
    const line = (err as { mark?: { line: number } }).mark?.line;
    throw new ConfigError(
      `${shown}${line !== undefined ? `:${line + 1}` : ""}`,
      "",
      `broken YAML: ${(err as { reason?: string }).reason ?? (err as Error).message}`,
    );
  }
  const config = validateConfig(raw, shown);
  if (sig) await writeCache(ws, sig, config);
  return config;
}
