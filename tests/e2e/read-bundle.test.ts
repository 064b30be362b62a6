import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// Issue 15: `learn index`, `search`, `list` and `show` run from dist/read.cjs, and `status` from
// dist/status.cjs, the build's CommonJS bundles (scripts/bundle.mjs): each one file holding every
// source its commands may run, so Node's ES module loader never starts. Errors thrown anywhere in it (the config's schema check, the note
// parser) must end the command as they do through commander (LEARN_FAST_PATH=off), and the files
// loaded stay few.

const today = "2026-11-27";
const same = (r: { code: number | null; stdout: string; stderr: string }) => ({
  code: r.code,
  stdout: r.stdout.replace(/ in \d+(\.\d+)?m?s\b/g, " in Ts"),
  stderr: r.stderr.replace(/ in \d+(\.\d+)?m?s\b/g, " in Ts"),
});
const both = (argv: string[]) => ({
  bundle: same(runCli(argv, { env: { LEARN_TODAY: today } })),
  full: same(runCli(argv, { env: { LEARN_TODAY: today, LEARN_FAST_PATH: "off" } })),
});

/** Every module a run of the built learn loaded (tests/helpers/module-log.mjs), one line each. */
function modules(args: string[], env: Record<string, string> = {}): string[] {
  const log = join(tempDir(), "modules.txt");
  const hook = fileURLToPath(new URL("../helpers/module-log.mjs", import.meta.url));
  const r = spawnSync(process.execPath, ["--import", hook, BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", LEARN_TODAY: today, LEARN_MODULE_LOG: log, NO_COLOR: "1", ...env },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  return [...new Set(readFileSync(log, "utf8").trim().split("\n"))];
}

/** The dist/ files among them, by name, each once; ES modules marked "(esm)". */
function distFiles(lines: string[]): string[] {
  const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
  const named = (line: string): string | undefined => {
    const [path, kind] = line.startsWith("file:") ? [fileURLToPath(line), " (esm)"] : [line.slice(4), ""];
    if (!path.startsWith(dist)) return undefined;
    return path.slice(dist.length).replace(/^better-sqlite3-[\d.]+\.cjs$/, "better-sqlite3-VERSION.cjs") + kind;
  };
  return [...new Set(lines.map(named).filter((f) => f !== undefined))].sort();
}

describe("the read bundle (dist/read.cjs)", () => {
  it("index, search, list and show load start.cjs, read.cjs and better-sqlite3's JavaScript, no ES module, when nothing changed, in colour too", () => {
    const root = workspace({
      "notes/idempotency-keys.md": noteText({ id: "aaaa0001", title: "Idempotency keys", published: "2026-10-01" }),
      "notes/retries.md": noteText({ id: "bbbb0001", title: "Retries with backoff", published: "2026-11-02" }),
    });
    // twice: the first run makes .learn/, the second caches the config there
    for (let i = 0; i < 2; i++) expect(runCli(["index", "--dir", root]).code).toBe(0);
    for (const args of [
      ["index"],
      ["search", "idempotency"],
      ["search", "idempotency", "--no-refresh"],
      ["list", "--no-refresh"],
      ["show", "retries"],
    ]) {
      const files = distFiles(modules([...args, "--dir", root]));
      expect(files, args.join(" ")).toEqual(["better-sqlite3-VERSION.cjs", "read.cjs", "start.cjs"]);
    }
    // status: its own bundle (once its caches are warm: the run before made them)
    expect(runCli(["status", "--dir", root], { env: { LEARN_TODAY: today } }).code).toBe(0);
    expect(distFiles(modules(["status", "--dir", root]))).toEqual([
      "better-sqlite3-VERSION.cjs",
      "start.cjs",
      "status.cjs",
    ]);
    // in colour, at 40 columns (lines cut): chalk is in the bundle, and styled text is measured without
    // string-width or cli-truncate; no ES module at all (but the entry, which the log hook resolves)
    for (const args of [
      ["search", "idempotency", "--no-refresh"],
      ["list", "--no-refresh"],
      ["show", "retries"],
      ["status"],
    ]) {
      const lines = modules([...args, "--dir", root], { NO_COLOR: "", FORCE_COLOR: "1", COLUMNS: "40" });
      const bundle = args[0] === "status" ? "status.cjs" : "read.cjs";
      expect(distFiles(lines), args.join(" ")).toEqual(["better-sqlite3-VERSION.cjs", bundle, "start.cjs"].sort());
      expect(
        lines.filter(
          (l) => /chalk|string-width|cli-truncate/.test(l) || (l.startsWith("file:") && !l.endsWith("/bin/learn.cjs")),
        ),
        args.join(" "),
      ).toEqual([]);
    }
  });

  it("a config error thrown by the schema check ends the command as through commander", () => {
    const root = workspace({ "notes/a.md": noteText({ title: "Alpha" }) });
    writeFileSync(join(root, "learn.config.yaml"), "dialect: nonsense\n");
    for (const form of [["search", "alpha"], ["list"], ["show", "a"], ["index"]]) {
      const { bundle, full } = both([...form, "--dir", root]);
      expect(bundle, form.join(" ")).toEqual(full);
      expect(bundle.code).not.toBe(0);
      expect(bundle.stderr).toMatch(/^learn: /);
      expect(bundle.stderr).not.toContain("internal error");
    }
  });

  it("a changed note is parsed, and a note with no date gets its schedule's first day", () => {
    const root = workspace({ "notes/a.md": noteText({ id: "aaaa0001", title: "Alpha", published: "2026-10-01" }) });
    expect(runCli(["index", "--dir", root]).code).toBe(0);
    writeFileSync(join(root, "notes", "b.md"), "---\ntitle: Beta alpha\n---\nNo date of its own.\n");
    const searched = both(["search", "alpha", "--dir", root]);
    expect(searched.bundle).toEqual(searched.full);
    expect(searched.bundle.stdout).toContain("Beta alpha");
    const shown = both(["show", "b", "--dir", root]);
    expect(shown.bundle).toEqual(shown.full);
    expect(shown.bundle.code).toBe(0);
    const due = both(["list", "is:due", "--dir", root]);
    expect(due.bundle).toEqual(due.full);
  });
});
