import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parse.js";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const pty = await loadPty();

/** With no editor set, step 2 offers nano or vi when one is on PATH: decline (up wraps to "no editor"). */
async function declineEditor(
  s: { waitFor(t: RegExp): Promise<void>; screen(): string; write(k: string): void },
  next: RegExp,
) {
  await s.waitFor(new RegExp(`No editor is set|${next.source}`));
  if (!s.screen().includes("No editor is set")) return;
  s.write(KEY.up);
  s.write(KEY.enter);
  await s.waitFor(next);
}
const env = { LEARN_TODAY: "2026-11-27" };

const files = {
  "notes/core-backend/idempotency-keys.md": noteText({
    title: "Idempotency keys",
    type: "doc",
    status: "evergreen",
    visibility: "public",
    domain: "core-backend",
    published: "2026-09-01",
  }),
  "notes/core-backend/http-basics.md": noteText({
    title: "HTTP basics",
    type: "doc",
    status: "budding",
    visibility: "public",
    domain: "core-backend",
    published: "2026-09-02",
  }),
};

describe.skipIf(!pty)("learn week in a real terminal", () => {
  it("walks all five steps by keystrokes and records the note, checklist, roles, revisit plan and week log", async () => {
    const root = workspace(files);
    const s = spawnLearn(pty!, ["week"], { cwd: root, env });
    await s.waitFor("Step 1/5");
    await s.waitFor("needs it most"); // the suggested domain, pre-selected: fewest notes, never the focus
    expect(s.screen()).toMatch(
      /❯ Cloud and deployment \(cloud-deployment\)\s+0 notes, 0 evergreen, never the focus\s+← needs it most/,
    );
    s.write(KEY.enter);
    await s.waitFor("Step 2/5");
    s.write(KEY.enter); // write a new note
    await s.waitFor("Title of the new public note");
    s.write("Queue retries and dead letters");
    s.write(KEY.enter);
    await s.waitFor("Type");
    s.mark();
    s.write(KEY.down); // doc -> cheatsheet
    await s.waitFor("cheatsheet");
    s.write(KEY.enter);
    await s.waitFor("Difficulty");
    s.write(KEY.enter);
    await declineEditor(s, /checklist item 1/);
    s.write("retry with exponential backoff");
    s.write(KEY.enter);
    await s.waitFor("checklist item 2");
    s.write("send poison messages to a dead-letter queue");
    s.write(KEY.enter);
    await s.waitFor("checklist item 3");
    s.write(KEY.enter); // empty ends the checklist
    await s.waitFor("Step 4/5");
    s.mark();
    s.write(KEY.down); // backend -> cloud
    s.write(KEY.space);
    await s.waitFor(/◉/);
    s.write(KEY.enter);
    await s.waitFor("Step 5/5");
    s.mark();
    s.write(KEY.down); // after a build -> on a date
    await s.waitFor("❯ On a date");
    s.write(KEY.enter);
    await s.waitFor("Revisit on");
    s.write("2026-11-01");
    s.write(KEY.enter);
    await s.waitFor("in the past");
    for (let i = 0; i < 10; i++) s.write("\x7f");
    s.write("2026-12-10");
    s.write(KEY.enter);
    await s.waitFor("Go through the 2 due notes now?");
    s.write("n");
    s.write(KEY.enter);
    await s.waitFor("Next: learn week (step 2"); // the note is still the template: step 2 is only started
    expect(await s.exit()).toBe(0);

    const notePath = join(root, "notes/cloud-deployment/queue-retries-and-dead-letters.md");
    const note = parseNote(readFileSync(notePath, "utf8"), "x");
    expect(note.data).toMatchObject({
      type: "cheatsheet",
      visibility: "public",
      domain: "cloud-deployment",
      roles: ["cloud"],
    });
    expect(note.body).toMatch(
      /## Checklist\n\n- \[ \] retry with exponential backoff\n- \[ \] send poison messages to a dead-letter queue\n$/,
    );
    const log = parseNote(readFileSync(join(root, "notes/log/2026-W48.md"), "utf8"), "x");
    expect(log.data.domain).toBe("cloud-deployment");
    expect(log.data.extra).toMatchObject({
      week: "2026-W48",
      note: "queue-retries-and-dead-letters",
      steps: ["domain", "checklist", "roles", "revisit"],
    });
    expect(
      String(
        log.data.extra.revisit_plan instanceof Date
          ? log.data.extra.revisit_plan.toISOString().slice(0, 10)
          : log.data.extra.revisit_plan,
      ),
    ).toBe("2026-12-10");
    expect(log.body).toContain("- Written: [[queue-retries-and-dead-letters]]");
    const events = readFileSync(join(root, "revisits.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toEqual([
      expect.objectContaining({
        event: "snooze",
        slug: "queue-retries-and-dead-letters",
        until: "2026-12-10",
        date: "2026-11-27",
      }),
    ]);
  });

  it("keeps the steps done when quit with Ctrl-C, and resumes at the first unfinished one", async () => {
    const draft = noteText({
      title: "Retries draft",
      type: "doc",
      status: "seedling",
      visibility: "private",
      domain: "core-backend",
      published: "2026-11-20",
    });
    const root = workspace({ ...files, "notes/core-backend/retries-draft.md": draft });
    const first = spawnLearn(pty!, ["week"], { cwd: root, env });
    await first.waitFor("Step 1/5");
    first.write(KEY.up); // off the suggestion: core-backend
    await first.waitFor("❯ Core backend");
    first.write(KEY.enter);
    await first.waitFor("Step 2/5");
    first.write(KEY.ctrlC);
    expect(await first.exit()).toBe(130);
    const log = parseNote(readFileSync(join(root, "notes/log/2026-W48.md"), "utf8"), "x");
    expect(log.data).toMatchObject({ domain: "core-backend", extra: { steps: ["domain"] } });

    const again = spawnLearn(pty!, ["week"], { cwd: root, env });
    await again.waitFor("Step 2/5");
    expect(again.screen()).not.toContain("Step 1/5");
    // Step 2 offers the domain's private or seedling notes to make public, not its finished public ones.
    expect(again.screen()).toContain("Make public: Retries draft (retries-draft, seedling, private)");
    expect(again.screen()).not.toContain("HTTP basics");
    again.write(KEY.ctrlC);
    expect(await again.exit()).toBe(130);
  });

  it("plans the revisit after a build, then goes through the due notes with learn revisit --review", async () => {
    const root = workspace(files);
    const flags = ["week", "--domain", "core-backend", "--title", "Caching", "--checklist", "x", "--role", "backend"];
    expect(runCli(flags, { cwd: root, env }).code).toBe(0);
    const s = spawnLearn(pty!, ["week"], { cwd: root, env });
    await declineEditor(s, /Step 5\/5/);
    expect(s.screen()).not.toContain("Step 4/5");
    s.write(KEY.enter); // after I use it in a real build
    await s.waitFor("Go through the 2 due notes now?");
    s.write("y");
    s.write(KEY.enter);
    await s.waitFor("Next: learn week (step 2");
    // no mark() here: the review may already be on screen by the time the line above is seen
    await s.waitFor("rate it (I revisited it)"); // the review of `learn revisit --review` has started
    s.write(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
    expect(readFileSync(join(root, "notes/log/2026-W48.md"), "utf8")).toContain("revisit_plan: build\n");
  });
});

if (!pty) it.skip("learn week in a real terminal: @lydell/node-pty could not load here", () => {});
