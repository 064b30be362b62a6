import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ConfigError } from "../core/errors.js";
import { DEFAULT_CONFIG, type Config } from "../core/config.js";
import type { WorkspacePaths } from "./find.js";
import { packageVersion } from "./package-root.js";

// Parsing and validating learn.config.yaml loads js-yaml and zod, which would cost every
// command ~40 ms of start-up. The validated config is kept in .learn/config.json (a cache
// like the index) keyed by learn's version and the file's (mtime, size), and re-validated only
// when either changed: after an upgrade, new defaults and rules apply at once.

/** Bump when the cached config's shape or its validation changes without a version bump (in development). */
const CONFIG_CACHE_VERSION = 1;

const cachePath = (ws: WorkspacePaths): string => join(ws.dataDir, "config.json");

function readCache(ws: WorkspacePaths, sig: string): Config | undefined {
  try {
    const cached = JSON.parse(readFileSync(cachePath(ws), "utf8")) as { sig?: string; config?: Config };
    return cached.sig === sig ? cached.config : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(ws: WorkspacePaths, sig: string, config: Config): void {
  try {
    writeFileSync(cachePath(ws), JSON.stringify({ sig, config }));
  } catch {
    // no .learn/ yet, or read-only: validating again next time is fine
  }
}

/** Read and validate the workspace's learn.config.yaml; the defaults when there is none. */
export async function loadConfig(ws: WorkspacePaths): Promise<Config> {
  let sig: string;
  try {
    const st = statSync(ws.configPath);
    sig = `${packageVersion()}+${CONFIG_CACHE_VERSION}:${st.mtimeMs}:${st.size}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(DEFAULT_CONFIG);
    throw new ConfigError(ws.configPath, "", `cannot read: ${(err as Error).message}`);
  }
  const cached = readCache(ws, sig);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(ws.configPath, "utf8");
  } catch (err) {
    throw new ConfigError(ws.configPath, "", `cannot read: ${(err as Error).message}`);
  }
  const shown = relative(process.cwd(), ws.configPath) || ws.configPath;
  const [{ default: yaml }, { validateConfig }] = await Promise.all([
    import("js-yaml"),
    import("../core/config-schema.js"),
  ]);
  let raw: unknown;
  try {
    raw = yaml.load(text);
  } catch (err) {
    const line = (err as { mark?: { line: number } }).mark?.line;
    throw new ConfigError(
      `${shown}${line !== undefined ? `:${line + 1}` : ""}`,
      "",
      `broken YAML: ${(err as { reason?: string }).reason ?? (err as Error).message}`,
    );
  }
  const config = validateConfig(raw, shown);
  writeCache(ws, sig, config);
  return config;
}
