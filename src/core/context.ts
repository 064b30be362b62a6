import type { Config } from "./config.js";

// The shapes every layer passes around; workspace/ builds them (findWorkspace, createContext).

/** Where a workspace lives on disk. */
export interface WorkspacePaths {
  root: string;
  notesDir: string;
  configPath: string;
  dataDir: string;
}

/** Everything a command needs about where it runs: the workspace, its config and today. */
export interface Context {
  ws: WorkspacePaths;
  config: Config;
  /** Today as YYYY-MM-DD: --today, else LEARN_TODAY, else the local date. */
  today: string;
  /**
   * Write a cache file `.learn/NAME` as JSON: `value` plus learn's version (so an upgrade
   * invalidates it). Failures are ignored: it is only a cache. Unset: nothing is written.
   */
  saveCache?: (name: string, value: object) => Promise<void>;
}
