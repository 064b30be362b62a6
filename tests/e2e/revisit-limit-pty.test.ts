import { describe, expect, it } from "vitest";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { noteText, workspace } from "../helpers/workspace.js";

const pty = await loadPty();

describe.skipIf(!pty)("learn revisit --review --limit in a real terminal", () => {
  it("walks at most N notes and counts them as 1 of N", async () => {
    const root = workspace({
      "notes/a.md": noteText({ title: "Note A", published: "2026-10-01" }),
      "notes/b.md": noteText({ title: "Note B", published: "2026-10-02" }),
      "notes/c.md": noteText({ title: "Note C", published: "2026-10-03" }),
    });
    const s = spawnLearn(pty!, ["revisit", "--review", "--limit", "2"], {
      cwd: root,
      env: { LEARN_TODAY: "2026-11-27" },
    });
    await s.waitFor("1 of 2");
    expect(s.screen()).not.toContain("of 3");
    s.write(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
  });
});
