import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeCorpus } from "../../bench/make-corpus.mjs";
import { status } from "../../src/commands/status.js";
import { week } from "../../src/commands/week.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const TODAY = "2026-11-27";
const run = (root: string, args: string[], today = TODAY) =>
  runCli(["status", ...args], { cwd: root, env: { LEARN_TODAY: today } });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON is probed field by field
const statusJson = async (root: string): Promise<any> =>
  jsonOf(await call(status, { dir: root, today: TODAY, json: true }));

describe("learn status", () => {
  it("shows the index, due revisits, the week, readiness and the next action on a generated workspace", async () => {
    const root = workspace();
    makeCorpus(join(root, "notes"), { notes: 16 });
    const r = run(root, ["--dir", root]);
    expect(r.code).toBe(0);
    for (const section of [
      "Index",
      "Revisits",
      "Week      2026-W48: 0 of 5 steps",
      "Readiness",
      "Next: learn week  (this week's loop has not started)",
    ])
      expect(r.stdout).toContain(section);
    expect(r.stdout).toMatch(/^ {2}backend +█*░* +\d+ {2}[+±-]\d+ since last week$/m);
    const j = await statusJson(root);
    expect(j.index.notes).toBe(16);
    expect(j.due.top.length).toBeLessThanOrEqual(5);
    expect(j.due.count).toBeGreaterThanOrEqual(j.due.top.length);
    expect(j.readiness.map((g: { id: string }) => g.id)).toEqual([
      "backend",
      "cloud",
      "data",
      "ai-api",
      "production-infrastructure",
    ]);
    expect(j.next).toEqual({ command: "learn week", why: "this week's loop has not started" });
  });

  it("moves the next action from the week to due revisits, then to the weakest role", async () => {
    const root = workspace({
      "notes/core-backend/old.md": noteText({
        title: "Old",
        type: "doc",
        status: "budding",
        domain: "core-backend",
        roles: ["backend"],
        published: "2026-09-01",
      }),
    });
    const loop = { domain: "core-backend", title: "New one", checklist: ["x"], role: ["backend"], revisit: "build" };
    expect((await call(week, { dir: root, today: TODAY, ...loop })).code).toBe(0);
    // step 2 is done once the note has words of its own: write them, then the week notices
    const note = join(root, "notes/core-backend/new-one.md");
    writeFileSync(note, readFileSync(note, "utf8").replace(/\n---\n[\s\S]*$/, `\n---\n${"Own words. ".repeat(90)}\n`));
    expect((await call(week, { dir: root, today: TODAY })).code).toBe(0);
    const due = await statusJson(root);
    expect(due.week).toMatchObject({ complete: true, streak: 1 });
    expect(due.due).toMatchObject({ count: 1, top: [{ slug: "old", overdue: 80 }] });
    expect(due.next).toEqual({ command: "learn revisit --review", why: "1 note is due for revisit" });
    writeFileSync(
      join(root, "revisits.jsonl"),
      '{"v":1,"event":"revisit","note":"old","date":"2026-11-27","rating":"good"}\n',
    );
    expect((await statusJson(root)).next.command).toBe("learn readiness --role backend");
  });

  it("still shows the dashboard when this week's log is broken, and says to fix it", async () => {
    const root = workspace({ "notes/log/2026-W48.md": "---\nsteps: [domain\n---\n" });
    const r = await call(status, { dir: root, today: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("broken YAML front matter");
    expect(r.stdout).toContain("Next: edit notes/log/2026-W48.md");
  });
});
