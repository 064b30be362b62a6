// The review's "add what using it taught you": the lesson goes under the note's ## Used in builds and in the event.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { noteText, workspace } from "../helpers/workspace.js";

const pty = await loadPty();

describe.skipIf(!pty)("learn revisit --review, adding a lesson", () => {
  it("appends the lesson to the note, then records the rated revisit with it", async () => {
    const root = workspace({
      "notes/rollback-paths.md": noteText(
        { title: "Rollback paths", published: "2026-11-01" },
        "# Rollback paths\n\nBody.\n",
      ),
      "revisits.jsonl": '{"v":1,"event":"used","note":"rollback-paths","date":"2026-11-20","build":"orders API v2"}\n',
    });
    const s = spawnLearn(pty!, ["revisit", "--review"], { cwd: root, env: { LEARN_TODAY: "2026-11-22" } });
    await s.waitFor("rate it (I revisited it)");
    s.mark();
    s.write(KEY.down + KEY.down); // rate -> snooze -> add what using it taught you
    await s.waitFor(/❯ add what using it taught you/);
    s.write(KEY.enter);
    await s.waitFor("What did using it teach you?");
    s.write("the migration had no way back");
    s.write(KEY.enter);
    await s.waitFor("How did it go?");
    s.write(KEY.enter); // good
    expect(await s.exit()).toBe(0);
    expect(readFileSync(join(root, "notes/rollback-paths.md"), "utf8")).toMatch(
      /\n# Rollback paths\n\nBody\.\n\n## Used in builds\n\n- 2026-11-22, orders API v2: the migration had no way back\n$/,
    );
    const last = JSON.parse(readFileSync(join(root, "revisits.jsonl"), "utf8").trim().split("\n").pop()!);
    expect(last).toMatchObject({ event: "revisit", rating: "good", lesson: "the migration had no way back" });
  });
});

if (!pty) it.skip("learn revisit --review, adding a lesson: @lydell/node-pty could not load here", () => {});
