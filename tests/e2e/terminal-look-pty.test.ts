import { describe, expect, it } from "vitest";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { workspace } from "../helpers/workspace.js";

// One colour decision and one glyph set reach the prompts too, at 40 and 80 columns.
const pty = await loadPty();
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/;

describe.skipIf(!pty)("prompts follow --no-color and the locale", () => {
  for (const cols of [40, 80])
    it(`--no-color reaches the prompts of learn new, and LC_ALL=C gets ASCII marks (${cols} columns)`, async () => {
      const root = workspace();
      const s = spawnLearn(pty!, ["new", "note", "--no-color"], {
        cwd: root,
        cols,
        env: { NO_COLOR: "", LC_ALL: "C", LEARN_TODAY: "2026-11-27" },
      });
      await s.waitFor("Title");
      s.write("Hi there");
      await s.waitFor("-> hi-there.md");
      s.write(KEY.enter);
      await s.waitFor("Domain");
      await s.waitFor(/> .*\(core-backend\)/);
      expect(s.screen()).toContain("v Title Hi there");
      s.write(KEY.ctrlC);
      await s.exit();
      expect(s.raw()).not.toMatch(SGR);
      expect(s.screen()).not.toMatch(/[✔❯→]/);
    });

  it("with colour, the prompts are coloured (FORCE_COLOR), so the test above means something", async () => {
    const root = workspace();
    const s = spawnLearn(pty!, ["new", "note"], {
      cwd: root,
      env: { NO_COLOR: "", FORCE_COLOR: "1", LANG: "C.UTF-8" },
    });
    await s.waitFor("Title");
    s.write(KEY.ctrlC);
    await s.exit();
    expect(s.raw()).toMatch(SGR);
  });
});
