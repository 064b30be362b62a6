import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { status } from "../../src/commands/status.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { noteText, workspace } from "../helpers/workspace.js";

// Issue 9 (status <= 0.5 s at 6,500 notes) and 15 (nothing heavy on the read path): a no-change
// `status` answers from .learn/status.json and .learn/week.json. These tests change each thing
// the answer is computed from and check the dashboard follows, as a first run would show it.

const TODAY = "2026-11-27";
/** The dashboard's JSON without what this run's refresh did (which a second run cannot repeat). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON is probed field by field
const statusJson = async (root: string, today = TODAY): Promise<any> => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const j = jsonOf<any>(await call(status, { dir: root, today, json: true }));
  return { ...j, index: { notes: j.index.notes, problems: j.index.problems } };
};
/** The same with the caches removed: what the answer must be. */
const fresh = async (root: string, today = TODAY): Promise<unknown> => {
  for (const f of ["status.json", "week.json", "substance.json"]) writeFileSync(join(root, ".learn", f), "not json"); // unreadable: computed again
  return statusJson(root, today);
};

const note = (title: string, published: string, extra: Record<string, unknown> = {}) =>
  noteText({ title, published, domain: "core-backend", roles: ["backend"], ...extra });

describe("status from its caches", () => {
  it("follows a new note, a revisit, a config change, another day, an edited template and an edited week log", async () => {
    const root = workspace({
      "notes/a.md": note("A", "2026-09-01"),
      "notes/b.md": note("B", "2026-09-02"),
      "notes/roadmap.md":
        "---\ntitle: Roadmap\ntype: roadmap\n---\n## Core backend (core-backend) [backend]\n- Keys (keys): idempotency.\n",
    });
    const first = await statusJson(root);
    // the run that wrote the index leaves it changed for the next, which computes again; the one after is a hit
    expect(await statusJson(root)).toEqual(first);
    expect(existsSync(join(root, ".learn", "status.json"))).toBe(true);
    expect(existsSync(join(root, ".learn", "week.json"))).toBe(true);
    const kept = readFileSync(join(root, ".learn", "status.json"), "utf8");
    expect(await statusJson(root)).toEqual(first); // from the caches: nothing computed, nothing written
    expect(readFileSync(join(root, ".learn", "status.json"), "utf8")).toBe(kept);
    expect(first.due.count).toBe(2);
    expect(first.index.notes).toBe(3);

    // a new note (the index changes)
    writeFileSync(join(root, "notes", "c.md"), note("C", "2026-09-03"));
    const added = await statusJson(root);
    expect(added.index.notes).toBe(4);
    expect(added.due.count).toBe(3);
    expect(added).toEqual(await fresh(root));

    // a revisit (the log changes, the index does not)
    appendFileSync(
      join(root, "revisits.jsonl"),
      `${JSON.stringify({ v: 1, event: "revisit", note: "a", date: TODAY, rating: "good" })}\n`,
    );
    const revisited = await statusJson(root);
    expect(revisited.due.count).toBe(2);
    expect(revisited).toEqual(await fresh(root));

    // a config change (fewer new notes a day)
    writeFileSync(join(root, "learn.config.yaml"), "revisit:\n  new_per_day: 1\n");
    const configured = await statusJson(root);
    expect(configured.due.count).toBeLessThan(revisited.due.count);
    expect(configured).toEqual(await fresh(root));

    // another day
    const later = await statusJson(root, "2027-03-01");
    expect(later.due.top.find((d: { slug: string }) => d.slug === "a")).toBeDefined();
    expect(later).toEqual(await fresh(root, "2027-03-01"));

    // a note that covers the roadmap item, then a template that makes its words a template's
    const body = `${"Keys words of its own. ".repeat(50)}\n\n- [x] done\n`;
    writeFileSync(
      join(root, "notes", "keys-note.md"),
      noteText(
        { title: "Keys", published: "2026-09-01", visibility: "public", covers: ["keys"], roles: ["backend"] },
        body,
      ),
    );
    const covered = await statusJson(root);
    const backend = (j: { readiness: { id: string; score: number }[] }) => j.readiness.find((g) => g.id === "backend")!;
    expect(backend(covered).score).toBeGreaterThan(0);
    mkdirSync(join(root, "templates"), { recursive: true });
    writeFileSync(join(root, "templates", "doc.md"), `---\ntitle: "{{title}}"\n---\n${body}`, { flag: "w" });
    const templated = await statusJson(root);
    expect(backend(templated).score).toBeLessThan(backend(covered).score);
    expect(templated).toEqual(await fresh(root));

    // this week's log, written by hand
    mkdirSync(join(root, "notes", "log"), { recursive: true });
    writeFileSync(
      join(root, "notes", "log", "2026-W48.md"),
      "---\nweek: 2026-W48\ndomain: core-backend\nsteps: [domain]\n---\n",
    );
    const logged = await statusJson(root);
    expect(logged.week.steps.domain).toBe(true);
    expect(logged).toEqual(await fresh(root));
    expect(readFileSync(join(root, ".learn", "week.json"), "utf8")).toContain("core-backend");
  });
});
