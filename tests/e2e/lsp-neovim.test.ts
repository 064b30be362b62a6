import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

const NVIM = ["/usr/bin/nvim", "/usr/local/bin/nvim"].find((p) => existsSync(p));
const SCRIPT = fileURLToPath(new URL("./lsp-neovim.lua", import.meta.url));
if (!NVIM) console.warn("lsp-neovim.test.ts: skipped: nvim is not installed (apt-get install neovim)");

describe.skipIf(!NVIM)("learn lsp in Neovim's built-in client", () => {
  it("completes [[idem, shows and clears a broken-link diagnostic, and jumps to the definition", () => {
    const root = workspace({
      "notes/idempotency-keys.md": "---\ntitle: Idempotency keys\nsummary: Retry safely.\n---\n# Idempotency keys\n",
      "notes/new-note.md": "---\ntitle: New note\n---\nSee [[idem\n",
    });
    const home = tempDir("learn-home-");
    const reportFile = join(home, "report.txt");
    const res = spawnSync(NVIM!, ["--headless", "--clean", "-n", "-c", `luafile ${SCRIPT}`], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: home,
        XDG_CONFIG_HOME: join(home, ".config"),
        XDG_DATA_HOME: join(home, ".local/share"),
        XDG_STATE_HOME: join(home, ".local/state"),
        XDG_CACHE_HOME: join(home, ".cache"),
        LEARN_TODAY: "2026-12-01",
        LEARN_NVIM_ROOT: root,
        LEARN_NVIM_REPORT: reportFile,
        LEARN_NVIM_NODE: process.execPath,
        LEARN_NVIM_BIN: BIN,
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    const report = existsSync(reportFile) ? readFileSync(reportFile, "utf8") : "";
    const context = `nvim exit ${res.status}; report:\n${report}\nstderr:\n${res.stderr}`;
    expect(report, context).not.toMatch(/^fail/m);
    expect(report.split("\n").filter(Boolean), context).toEqual([
      "ok start",
      "ok completion Idempotency keys",
      "ok diagnostic broken link [[idempotency-kyes]]: no note has that name",
      "ok fixed",
      `ok definition ${join(root, "notes/idempotency-keys.md")}`,
    ]);
    expect(res.status, context).toBe(0);
  });
});
