import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArgv } from "../../src/cli.js";
import { readInvocation } from "../../src/read-fast.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// Issue 15: `index`, `search`, `list`, `show` and `status` in their everyday forms skip commander (src/read-fast.ts).
// The fast path must be the full program to the byte: the same options object for every form it
// takes, nothing for the forms it leaves to commander, and the same output and exit code.

const TAKEN: string[][] = [
  ["search", "idempotency"],
  ["search", "retry", "backoff", "--no-refresh"],
  ["search", "x", "--json", "-n", "3"],
  ["search", "--limit", "5", "x", "type:doc"],
  ["search"],
  ["search", "help"],
  ["search", "x", "--dir", "/w", "--today", "2026-01-01"],
  ["--dir", "/w", "search", "x"],
  ["-d", "/w", "--json", "search", "x", "--no-color", "--no-input"],
  ["list"],
  ["list", "type:doc", "--no-refresh", "-n", "20"],
  ["list", "--format", "paths", "--sort", "title", "tag:http"],
  ["list", "--json", "search"],
  ["show", "some-slug"],
  ["show", "some-slug", "--no-refresh", "--json"],
  ["--no-color", "show", "-d", "/w", "some-slug"],
  ["index"],
  ["index", "--full", "--json"],
  ["--dir", "/w", "index", "--no-color"],
  ["status"],
  ["status", "--json", "--today", "2026-01-01"],
  ["--dir", "/w", "status", "--no-input"],
];

const LEFT: string[][] = [
  ["search", "--", "api", "-nginx"],
  ["search", "x", "-nginx"],
  ["search", "x", "--type", "doc"],
  ["search", "-n5", "x"],
  ["search", "--limit=5", "x"],
  ["search", "x", "-n"],
  ["search", "x", "-n", "-1"],
  ["search", "--help"],
  ["--no-refresh", "search", "x"],
  ["list", "--nope"],
  ["list", "--tag", "http"],
  ["show"],
  ["show", "a", "b"],
  ["show", "a", "-n", "2"],
  ["help", "search"],
  ["status", "now"],
  ["status", "--full"],
  ["status", "--help"],
  ["index", "notes"],
  ["index", "--no-refresh"],
  ["index", "-n", "3"],
  ["revisit", "--brief"],
];

describe("read-fast: the parse", () => {
  it.each(TAKEN)("takes %j with commander's exact options", async (...argv) => {
    const full = await parseArgv(argv);
    expect(full).toBeDefined();
    expect(readInvocation(argv)).toEqual(full);
  });

  it.each(LEFT)("leaves %j to commander", (...argv) => {
    expect(readInvocation(argv)).toBeUndefined();
  });
});

describe("read-fast: the output", () => {
  it("prints the same bytes and exits alike, with the fast path and without (LEARN_FAST_PATH=off)", () => {
    const root = workspace({
      "notes/idempotency-keys.md": noteText(
        { id: "aaaa0001", title: "Idempotency keys", type: "doc", tags: ["http"], published: "2026-10-01" },
        "# Idempotency keys\n\nRetries are safe with an idempotency key.\n",
      ),
      "notes/retries.md": noteText({ id: "bbbb0001", title: "Retries with backoff", type: "cheatsheet" }),
    });
    expect(runCli(["index", "--dir", root]).code).toBe(0);
    const forms = [
      ["search", "idempotency"],
      ["search", "retries", "--no-refresh", "-n", "1"],
      ["search", "idempotency", "--json"],
      ["search", "nothing-matches-this"],
      ["list"],
      ["list", "type:doc", "--format", "paths"],
      ["list", "--json", "-n", "1", "--sort", "title"],
      ["show", "retries"],
      ["show", "idempotency-keys", "--json", "--no-refresh"],
      ["show", "no-such-note"],
      ["index", "--json"],
      ["index"],
      ["status"],
      ["status", "--json"],
    ];
    const env = { LEARN_TODAY: "2026-11-27" };
    for (const form of forms) {
      const argv = [...form, "--dir", root];
      expect(readInvocation(argv), form.join(" ")).toBeDefined();
      const full = runCli(argv, { env: { ...env, LEARN_FAST_PATH: "off" } });
      const fast = runCli(argv, { env });
      // index says how long it took: the one part that may differ
      const same = (text: string): string =>
        text.replace(/ in \d+(\.\d+)?m?s\b/g, " in Ts").replace(/"ms": \d+/g, '"ms": T');
      expect({ code: fast.code, stdout: same(fast.stdout), stderr: same(fast.stderr) }, form.join(" ")).toEqual({
        code: full.code,
        stdout: same(full.stdout),
        stderr: same(full.stderr),
      });
    }
    // colour decided alike too
    const coloured = ["search", "idempotency", "--dir", root];
    const fullColour = runCli(coloured, { env: { ...env, NO_COLOR: "", FORCE_COLOR: "1", LEARN_FAST_PATH: "off" } });
    expect(fullColour.stdout).toContain("\x1b[");
    expect(runCli(coloured, { env: { ...env, NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toBe(fullColour.stdout);
    const status = ["status", "--dir", root];
    const fullStatus = runCli(status, { env: { ...env, NO_COLOR: "", FORCE_COLOR: "1", LEARN_FAST_PATH: "off" } });
    expect(fullStatus.stdout).toContain("\x1b[");
    expect(runCli(status, { env: { ...env, NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toBe(fullStatus.stdout);
  });

  it("does not load commander (and the full program does)", () => {
    const root = workspace({ "notes/retries.md": noteText({ title: "Retries with backoff" }) });
    const hook = fileURLToPath(new URL("../helpers/module-log.mjs", import.meta.url));
    const run = (env: Record<string, string>): string[] => {
      const log = join(tempDir(), "modules.txt");
      const r = spawnSync(process.execPath, ["--import", hook, BIN, "search", "retries", "--dir", root], {
        env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", LEARN_MODULE_LOG: log, ...env },
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, "utf8").split("\n");
    };
    expect(run({}).filter((m) => m === "cjs:commander")).toEqual([]);
    expect(run({ LEARN_FAST_PATH: "off" })).toContain("cjs:commander");
  });
});
