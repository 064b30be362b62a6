import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { list } from "../../src/commands/list.js";
import { week } from "../../src/commands/week.js";
import { memoryIO } from "../../src/ui/io.js";
import { BIN as BIN_PATH, runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const note = (title: string, visibility: string) =>
  noteText({ title, type: "doc", status: "seedling", visibility, domain: "core-backend" });

describe("week wording (issue 13 item 9)", () => {
  it("says 'after use in a real build' once, and does not call an already public note newly public", async () => {
    const root = workspace({ "notes/core-backend/pub.md": note("Pub", "public") });
    const io = memoryIO();
    const opts = { dir: root, today: "2026-11-27", domain: "core-backend", note: "pub" };
    await week({ ...opts, checklist: ["one"], role: ["backend"], revisit: "build" }, io);
    const err = io.stderr.join("");
    expect(err).toContain("notes/core-backend/pub.md is public already");
    expect(err.match(/real build/g)).toHaveLength(1); // the step's label only
    expect(err).toContain('record the build with: learn used pub --in "<the build>"');
    expect(io.stdout.join("").match(/real build/g)).toHaveLength(1);
  });

  it("a private note is made public and says so", async () => {
    const root = workspace({ "notes/core-backend/priv.md": note("Priv", "private") });
    const io = memoryIO();
    await week({ dir: root, today: "2026-11-27", domain: "core-backend", note: "priv" }, io);
    expect(io.stderr.join("")).toContain("notes/core-backend/priv.md is public now");
  });
});

describe("learn search with no hits exits 1, as grep and rg do", () => {
  const root = () => workspace({ "notes/a.md": note("Retries", "private") });

  it("exit 0 with a hit, 1 without; --json prints hits: [] and exits 1 too", () => {
    const dir = root();
    expect(runCli(["search", "retries"], { cwd: dir }).code).toBe(0);
    const none = runCli(["search", "quasar"], { cwd: dir });
    expect(none).toMatchObject({ code: 1, stdout: "", stderr: "no notes match quasar\n" });
    const json = runCli(["search", "quasar", "--json"], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).hits).toEqual([]);
    expect(json.stderr).toBe("");
  });
});

describe("learn list --format paths0", () => {
  it("ends each path with a NUL, no newline, nothing escaped, so xargs -0 reads odd names", async () => {
    const dir = workspace({
      "notes/it's a note.md": note("Quote", "private"),
      "notes/two  spaces.md": note("Spaces", "private"),
    });
    const io = memoryIO();
    await list({ dir, format: "paths0", sort: "title" }, io);
    expect(io.stdout.join("")).toBe("notes/it's a note.md\0notes/two  spaces.md\0");
    const wc = execFileSync("sh", ["-c", `node "$0" list --format paths0 --sort title | xargs -0 wc -l`, BIN_PATH], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", HOME: dir },
      encoding: "utf8",
    });
    expect(wc).toContain("notes/it's a note.md");
    expect(wc).toContain("notes/two  spaces.md");
    expect(wc).toMatch(/ total\n$/);
  });
});
