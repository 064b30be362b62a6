import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { noteText, workspace } from "../helpers/workspace.js";

const pty = await loadPty();
const TODAY = "2026-11-27";

const dueWorkspace = () =>
  workspace({
    "notes/a-oldest.md": noteText(
      { id: "aaaa0001", title: "Oldest note", summary: "The one most overdue", published: "2026-10-01" },
      "- [x] one\n- [ ] two\n",
    ),
    "notes/b-middle.md": noteText({ id: "bbbb0002", title: "Middle note", published: "2026-10-15" }),
    "notes/c-newest.md": noteText({ id: "cccc0003", title: "Newest note", published: "2026-11-10" }),
  });
const logLines = (root: string): Record<string, unknown>[] => {
  const path = join(root, "revisits.jsonl");
  return existsSync(path)
    ? readFileSync(path, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
};

describe.skipIf(!pty)("learn revisit --review in a real terminal", () => {
  it("walks the due notes: opens one in the editor, rates, snoozes, quits; each choice is in the log at once", async () => {
    const root = dueWorkspace();
    const s = spawnLearn(pty!, ["revisit", "--review"], {
      cwd: root,
      env: { LEARN_TODAY: TODAY, EDITOR: `echo >> ${join(root, "opened.txt")}` },
    });
    await s.waitFor("1 of 3");
    await s.waitFor("Oldest note");
    expect(s.screen()).toContain("The one most overdue");
    expect(s.screen()).toContain("checklist 1/2 done");
    expect(s.screen()).toContain("never revisited (published 2026-10-01)");
    await s.waitFor("Revisit");

    s.mark();
    s.write(KEY.down); // rate -> open in editor
    await s.waitFor(/❯ open in editor/);
    s.mark();
    s.write(KEY.enter);
    await s.waitFor("? Revisit"); // back at the menu after the editor closed
    expect(readFileSync(join(root, "opened.txt"), "utf8")).toContain("notes/a-oldest.md");

    s.write(KEY.enter); // rate (pre-selected)
    await s.waitFor("How did it go?");
    s.mark();
    s.write(KEY.down); // good -> easy
    await s.waitFor(/❯ easy/);
    s.write(KEY.enter);
    await s.waitFor("revisited a-oldest (easy)");
    expect(logLines(root)).toEqual([
      { v: 1, event: "revisit", note: "aaaa0001", slug: "a-oldest", date: TODAY, rating: "easy" },
    ]);

    await s.waitFor("2 of 3");
    await s.waitFor("Revisit");
    s.mark();
    s.write(KEY.down + KEY.down); // rate -> open -> snooze
    await s.waitFor(/❯ snooze/);
    s.write(KEY.enter);
    await s.waitFor("Snooze for");
    s.write("2w");
    s.write(KEY.enter);
    await s.waitFor("snoozed b-middle until 2026-12-11");
    expect(logLines(root)).toHaveLength(2);

    await s.waitFor("3 of 3");
    await s.waitFor("Revisit");
    s.mark();
    s.write(KEY.up); // wraps from rate to quit
    await s.waitFor(/❯ quit/);
    s.write(KEY.enter);
    await s.waitFor("recorded 2 of 3 due notes");
    expect(await s.exit()).toBe(0);
    expect(logLines(root).map((e) => [e.event, e.note])).toEqual([
      ["revisit", "aaaa0001"],
      ["snooze", "bbbb0002"],
    ]);
  }, 60_000);

  it("keeps what was recorded when the session is interrupted with Ctrl-C", async () => {
    const root = dueWorkspace();
    const s = spawnLearn(pty!, ["revisit", "--review"], { cwd: root, env: { LEARN_TODAY: TODAY } });
    await s.waitFor("1 of 3");
    await s.waitFor("Revisit");
    s.write(KEY.enter); // rate
    await s.waitFor("How did it go?");
    s.write(KEY.enter); // good
    await s.waitFor("revisited a-oldest (good)");
    await s.waitFor("2 of 3");
    s.write(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
    expect(logLines(root)).toEqual([
      { v: 1, event: "revisit", note: "aaaa0001", slug: "a-oldest", date: TODAY, rating: "good" },
    ]);
  }, 60_000);
});

if (!pty) it.skip("learn revisit --review in a real terminal: @lydell/node-pty could not load here", () => {});
