import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

describe("learn --help and --version", () => {
  it("prints the cached top-level help exactly as commander makes it", () => {
    const cached = runCli(["--help"]);
    const live = runCli(["--help"], { env: { LEARN_HELP_CACHE: "off" } });
    expect(cached.code).toBe(0);
    expect(live.code).toBe(0);
    expect(cached.stdout).toBe(live.stdout);
    expect(runCli(["-h"]).stdout).toBe(live.stdout);
    for (const cmd of [
      "init",
      "new",
      "index",
      "search",
      "list",
      "show",
      "revisit",
      "used",
      "week",
      "readiness",
      "status",
      "check",
      "publish",
      "completion",
    ]) {
      expect(cached.stdout).toContain(`\n  ${cmd} `);
    }
    expect(cached.stdout).toContain("Examples:\n  $ learn init my-learning");
  });

  it("prints the version from package.json", () => {
    const r = runCli(["--version"]);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(runCli(["-V"]).stdout).toBe(r.stdout);
  });

  it("shows each command's own help with examples", () => {
    const r = runCli(["new", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: learn new \[options\] <type> \[title\.\.\.\]/);
    expect(r.stdout).toContain("Examples:\n  $ learn new note");
  });

  it("treats an unknown command as a usage error with a suggestion", () => {
    const r = runCli(["serch", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^learn: unknown command 'serch'\n\(Did you mean search\?\)/);
  });
});

describe("colour", () => {
  const root = () =>
    workspace({ "notes/a.md": noteText({ title: "Alpha", type: "doc", status: "budding" }, "retries\n") });

  it("is on with FORCE_COLOR, off with NO_COLOR, --no-color or a pipe", () => {
    const ws = root();
    const forced = runCli(["search", "retries", "--dir", ws], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(forced.stdout).toContain("\u001b[");
    // eslint-disable-next-line no-control-regex
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, "")).toContain("1. Alpha");
    expect(runCli(["search", "retries", "--dir", ws], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).toBe(
      forced.stdout,
    );
    expect(
      runCli(["search", "retries", "--dir", ws, "--no-color"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout,
    ).not.toContain("\u001b[");
    expect(runCli(["search", "retries", "--dir", ws]).stdout).not.toContain("\u001b["); // NO_COLOR=1 and a pipe
    expect(runCli(["search", "retries", "--dir", ws], { env: { NO_COLOR: "" } }).stdout).not.toContain("\u001b["); // a pipe
  });
});
