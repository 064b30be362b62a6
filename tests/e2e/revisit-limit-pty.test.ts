import { readFileSync } from "node:fs";
import { join } from "node:path";
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
    for (const n of [1, 2]) {
      await s.waitFor(`${n} of 2`);
      await s.waitFor("⏎ select"); // the menu is drawn and listening
      s.mark(); // later waits look only at what follows
      s.write(KEY.enter); // rate
      await s.waitFor("⏎ select");
      s.mark();
      s.write(KEY.enter); // good
      await s.waitFor(/revisited [ab] \(good\)/);
    }
    expect(await s.exit()).toBe(0);
    expect(s.screen()).not.toContain("of 3");
    expect(readFileSync(join(root, "revisits.jsonl"), "utf8").trim().split("\n")).toHaveLength(2);
  });
});
