import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/workspace/config-load.js";
import { workspacePaths } from "../../src/workspace/find.js";
import { packageVersion } from "../../src/workspace/package-root.js";
import { workspace } from "../helpers/workspace.js";

const CONFIG = "domains:\n  core-backend: Core backend\n";

/** Overwrite the cached config, keeping or replacing its key. */
function tamper(root: string, sig: (old: string) => string): void {
  const path = join(root, ".learn", "config.json");
  const cached = JSON.parse(readFileSync(path, "utf8")) as { sig: string; config: { domains: object } };
  writeFileSync(
    path,
    JSON.stringify({ sig: sig(cached.sig), config: { ...cached.config, domains: { stale: "Stale" } } }),
  );
}

describe("the config cache", () => {
  it("is keyed by learn's version as well as the file's mtime and size", async () => {
    const root = workspace({ ".learn/.keep": "" }, { config: CONFIG });
    const ws = workspacePaths(root);
    expect(Object.keys((await loadConfig(ws)).domains)).toEqual(["core-backend"]);
    const { sig } = JSON.parse(readFileSync(join(root, ".learn", "config.json"), "utf8")) as { sig: string };
    expect(sig.startsWith(`${packageVersion()}+`)).toBe(true);
    tamper(root, (s) => s); // same key: the cache is trusted (that is what makes it fast)
    expect(Object.keys((await loadConfig(ws)).domains)).toEqual(["stale"]);
  });

  it("is ignored after an upgrade: a cache written by another version is validated again", async () => {
    const root = workspace({ ".learn/.keep": "" }, { config: CONFIG });
    const ws = workspacePaths(root);
    await loadConfig(ws);
    tamper(root, (s) => s.replace(/^[^+]*\+/, "0.0.0-older+"));
    expect(Object.keys((await loadConfig(ws)).domains)).toEqual(["core-backend"]);
  });
});
