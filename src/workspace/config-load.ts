import { readFileSync } from "node:fs";
import { relative } from "node:path";
import yaml from "js-yaml";
import { ConfigError } from "../core/errors.js";
import { DEFAULT_CONFIG, validateConfig, type Config } from "../core/config.js";
import type { WorkspacePaths } from "./find.js";

/** Read and validate the workspace's learn.config.yaml; the defaults when there is none. */
export function loadConfig(ws: WorkspacePaths): Config {
  let text: string;
  try {
    text = readFileSync(ws.configPath, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(DEFAULT_CONFIG);
    throw new ConfigError(ws.configPath, "", `cannot read: ${(err as Error).message}`);
  }
  const shown = relative(process.cwd(), ws.configPath) || ws.configPath;
  let raw: unknown;
  try {
    raw = yaml.load(text);
  } catch (err) {
    const line = (err as { mark?: { line: number } }).mark?.line;
    throw new ConfigError(`${shown}${line !== undefined ? `:${line + 1}` : ""}`, "", `broken YAML: ${(err as { reason?: string }).reason ?? (err as Error).message}`);
  }
  return validateConfig(raw, shown);
}
