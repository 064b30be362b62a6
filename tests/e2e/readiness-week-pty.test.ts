// A week that cannot be faked, at a terminal: with no editor set, learn week offers nano or vi
// from PATH; once the note has words of its own, step 2 is done.
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parse.js";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

const pty = await loadPty();
const env = { LEARN_TODAY: "2026-11-27" };

describe.skipIf(!pty)("learn week's note step at a terminal", () => {
  it("offers nano from PATH when no editor is set, and marks step 2 done once the note is written", async () => {
    const root = workspace();
    // A stand-in `nano`: keeps the front matter and writes 90 words of the user's own.
    const bin = tempDir("learn-bin-");
    writeFileSync(
      join(bin, "nano"),
      `#!/bin/sh\nawk 'n<2{print} /^---$/{n++}' "$1" > "$1.tmp" && printf 'Own words here. %.0s' $(seq 30) >> "$1.tmp" && mv "$1.tmp" "$1"\n`,
    );
    chmodSync(join(bin, "nano"), 0o755);
    expect(
      runCli(["week", "--domain", "core-backend", "--title", "HTTP caching"], { cwd: root, env }).stderr,
    ).toContain("step 2/5 started: notes/core-backend/http-caching.md (public); it is done once it has 80 more words");
    const s = spawnLearn(pty!, ["week"], { cwd: root, env: { ...env, PATH: `${bin}:${process.env.PATH ?? ""}` } });
    await s.waitFor("No editor is set ($VISUAL or $EDITOR). Open notes/core-backend/http-caching.md in");
    expect(s.screen()).toContain("❯ nano");
    s.write(KEY.enter);
    await s.waitFor("step 2/5 write one public, transferable note: notes/core-backend/http-caching.md is written");
    await s.waitFor("Step 3/5");
    s.write(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
    const log = parseNote(readFileSync(join(root, "notes/log/2026-W48.md"), "utf8"), "x");
    expect(log.data.extra).toMatchObject({ steps: ["domain", "note"], note: "http-caching" });
  });

  it("prints the path to edit when no terminal is there to ask", () => {
    const root = workspace();
    const r = runCli(["week", "--domain", "core-backend", "--title", "HTTP caching"], { cwd: root, env });
    expect(r.stderr).toContain("write the note in your own words: notes/core-backend/http-caching.md");
    const again = runCli(["week"], { cwd: root, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      "› 2. Write one public, transferable note: started: http-caching: needs 80 more words",
    );
  });
});

if (!pty) it.skip("learn week's note step at a terminal: @lydell/node-pty could not load here", () => {});
