import { describe, expect, it } from "vitest";
import { main, parseArgv } from "../../src/cli.js";
import { memoryIO } from "../../src/ui/io.js";

// Argument parsing pinned as a table (as changesets does): the command line on the left, the
// command it runs and the exact options object that command's function is called with on the
// right. Nothing runs: parseArgv records the call instead of making it.

const G = { color: true, input: true }; // the global defaults every command gets

const TABLE: [argv: string[], command: string, options: Record<string, unknown>][] = [
  [["init"], "init", { ...G }],
  [["init", "my-learning", "--templates"], "init", { ...G, templates: true, target: "my-learning" }],
  [
    ["new", "note", "HTTP", "caching", "--domain", "core-backend", "--tags", "http,caching", "-e"],
    "new",
    { ...G, type: "note", title: "HTTP caching", domain: "core-backend", tags: "http,caching", edit: true },
  ],
  [
    ["new", "cheatsheet", "Pg", "--difficulty", "advanced", "--status", "budding", "--visibility", "public"],
    "new",
    { ...G, type: "cheatsheet", title: "Pg", difficulty: "advanced", status: "budding", visibility: "public" },
  ],
  [
    ["new", "doc", "T", "--roles", "backend,data", "--summary", "s", "--slug", "t-1"],
    "new",
    { ...G, type: "doc", title: "T", roles: "backend,data", summary: "s", slug: "t-1" },
  ],
  [["new", "log"], "new", { ...G, type: "log" }],
  [["index"], "index", { ...G }],
  [["index", "--full", "--json"], "index", { ...G, full: true, json: true }],
  [
    ["search", "retr*", "OR", "backoff", "tag:http", "-n", "5"],
    "search",
    { ...G, query: ["retr*", "OR", "backoff", "tag:http"], limit: "5", refresh: true },
  ],
  [["search", "--", "api", "-nginx"], "search", { ...G, query: ["api", "-nginx"], limit: "10", refresh: true }],
  [
    ["search", "x", "--type", "doc", "--status", "evergreen", "--domain", "core-backend", "--no-refresh"],
    "search",
    { ...G, query: ["x"], type: "doc", status: "evergreen", domain: "core-backend", limit: "10", refresh: false },
  ],
  [
    ["search", "x", "--tag", "http", "--role", "backend", "--difficulty", "advanced", "--visibility", "public"],
    "search",
    {
      ...G,
      query: ["x"],
      tag: "http",
      role: "backend",
      difficulty: "advanced",
      visibility: "public",
      limit: "10",
      refresh: true,
    },
  ],
  [["list"], "list", { ...G, filters: [], sort: "updated", format: "table", refresh: true }],
  [
    ["list", "type:doc", "--sort", "title", "--format", "paths", "--no-refresh", "-n", "3"],
    "list",
    { ...G, filters: ["type:doc"], sort: "title", format: "paths", refresh: false, limit: "3" },
  ],
  [["show", "idempotency-keys", "--json"], "show", { ...G, slug: "idempotency-keys", json: true, refresh: true }],
  [["revisit"], "revisit", { ...G }],
  [["revisit", "x", "-r", "good", "--note", "ok"], "revisit", { ...G, slug: "x", rating: "good", note: "ok" }],
  [["revisit", "x", "--snooze", "3d", "--force"], "revisit", { ...G, slug: "x", snooze: "3d", force: true }],
  [["revisit", "x", "--used-in", "api v2"], "revisit", { ...G, slug: "x", usedIn: "api v2" }],
  [["revisit", "--within", "3d", "--upcoming"], "revisit", { ...G, within: "3d", upcoming: true }],
  [["revisit", "--review"], "revisit", { ...G, review: true }],
  [["revisit", "--brief"], "revisit", { ...G, brief: true }],
  [["revisit", "--orphans", "--json"], "revisit", { ...G, orphans: true, json: true }],
  [
    ["used", "x", "--in", "payments API v2"],
    "used",
    { ...G, slug: "x", in: "payments API v2", usedIn: "payments API v2" },
  ],
  [["check"], "check", { ...G }],
  [["check", "--staged"], "check", { ...G, staged: true }],
  [["publish"], "publish", { ...G }],
  [["publish", "-o", "public", "--force"], "publish", { ...G, out: "public", force: true }],
  [["week"], "week", { ...G }],
  [["week", "--status"], "week", { ...G, status: true }],
  [
    ["week", "--domain", "core-backend", "--title", "HTTP caching", "--type", "doc", "--difficulty", "beginner", "-e"],
    "week",
    { ...G, domain: "core-backend", title: "HTTP caching", type: "doc", difficulty: "beginner", edit: true },
  ],
  [["week", "--note", "x"], "week", { ...G, note: "x" }],
  [
    ["week", "--checklist", "a", "b", "--role", "backend", "ai-api", "--revisit", "build"],
    "week",
    { ...G, checklist: ["a", "b"], role: ["backend", "ai-api"], revisit: "build" },
  ],
  [["readiness"], "readiness", { ...G, refresh: true }],
  [["readiness", "--role", "backend", "--no-refresh"], "readiness", { ...G, role: "backend", refresh: false }],
  [["status"], "status", { ...G }],
  [
    ["status", "--no-color", "--dir", "/w", "--today", "2026-01-01", "--json"],
    "status",
    { ...G, color: false, dir: "/w", today: "2026-01-01", json: true },
  ],
  [["--dir", "/w", "--no-input", "status"], "status", { ...G, dir: "/w", input: false }],
  [
    ["-d", "/w", "list", "--format", "json"],
    "list",
    { ...G, dir: "/w", filters: [], sort: "updated", format: "json", refresh: true },
  ],
];

describe("argv → command and options", () => {
  it.each(TABLE)("%j", async (argv, command, options) => {
    const inv = await parseArgv(argv);
    expect(inv?.command).toBe(command);
    expect(inv?.options).toEqual(options);
  });

  it("completion gets the shell and --install", async () => {
    const inv = await parseArgv(["completion", "zsh"]);
    expect(inv?.command).toBe("completion");
    expect(inv?.options.shell).toBe("zsh");
    expect(inv?.options.install).toBe(false);
  });

  it.each([
    [["serch", "x"], "commander.unknownCommand"],
    [["list", "--nope"], "commander.unknownOption"],
    [["show"], "commander.missingArgument"],
    [["new"], "commander.missingArgument"],
    [["used", "x"], "commander.missingMandatoryOptionValue"],
    [["search", "-n"], "commander.optionMissingArgument"],
    [["status", "extra"], "commander.excessArguments"],
  ])("%j is refused by commander (%s)", async (argv, code) => {
    await expect(parseArgv(argv)).rejects.toMatchObject({ code });
  });
});

describe("main", () => {
  it("is importable without running, and returns exit codes instead of exiting", async () => {
    const io = memoryIO();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.stdout.join("")).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bad = memoryIO();
    expect(await main(["list", "--nope"], bad)).toBe(2);
    expect(bad.stderr.join("")).toContain("learn: unknown option '--nope'");
    expect(process.exitCode).toBeUndefined();
  });

  it("prints help through the given IO", async () => {
    const io = memoryIO({ LEARN_HELP_CACHE: "off" });
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout.join("")).toMatch(/^Usage: learn /);
    const sub = memoryIO();
    expect(await main(["new", "--help"], sub)).toBe(0);
    expect(sub.stdout.join("")).toMatch(/^Usage: learn new /);
  });
});
