import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { week, type WeekOptions } from "../../src/commands/week.js";
import { parseNote } from "../../src/core/note-parse.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

// Most cases call the command in-process; a few spawn the CLI for exit codes and the stdout/stderr split.
const cli = (root: string, today: string) => (args: string[]) =>
  runCli(["week", ...args], { cwd: root, env: { LEARN_TODAY: today } });
const at =
  (root: string, today: string, env: Record<string, string> = {}) =>
  (opts: WeekOptions) =>
    call(week, { dir: root, today, ...opts }, env);
const fullLoop = (title: string, domain = "core-backend"): WeekOptions => ({
  domain,
  title,
  checklist: ["one thing"],
  role: ["backend"],
  revisit: "build",
});
const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");
/** Write a note's body in its own words (90 of them, no template text), as a user does after step 2 starts it. */
const writeUp = (root: string, rel: string) =>
  writeFileSync(
    join(root, rel),
    read(root, rel).replace(/\n---\n[\s\S]*$/, `\n---\n${"My own words here. ".repeat(30)}\n`),
  );
const seed = {
  "notes/core-backend/idempotency-keys.md": noteText({
    title: "Idempotency keys",
    type: "doc",
    status: "seedling",
    visibility: "private",
    domain: "core-backend",
    published: "2026-09-01",
  }),
};

describe("learn week with flags", () => {
  it("does the whole loop in one call and records it in notes/log/YYYY-Www.md", async () => {
    const root = workspace(seed);
    const r = cli(
      root,
      "2026-11-27",
    )([
      "--domain",
      "cloud-deployment",
      "--title",
      "Queue retries",
      "--type",
      "cheatsheet",
      "--checklist",
      "retry with backoff",
      "use a DLQ",
      "--role",
      "cloud",
      "backend",
      "--revisit",
      "2026-12-10",
    ]);
    expect(r.stderr).toContain("step 5/5");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("› 2. Write one public, transferable note: started: queue-retries: needs 73 more words");
    const note = parseNote(read(root, "notes/cloud-deployment/queue-retries.md"), "x");
    expect(note.data).toMatchObject({ type: "cheatsheet", visibility: "public", roles: ["cloud", "backend"] });
    expect(note.body.endsWith("## Checklist\n\n- [ ] retry with backoff\n- [ ] use a DLQ\n")).toBe(true);
    const log = read(root, "notes/log/2026-W48.md");
    expect(log).toContain("week: 2026-W48\n");
    expect(log).toContain("steps: [domain, checklist, roles, revisit]\n"); // step 2 waits for the note's own words
    expect(log).toContain("note: queue-retries\n");
    expect(log).toContain("revisit_plan: 2026-12-10\n");
    expect(log).toContain("- [x] Plan its revisit after using the concept in a real build.");
    expect(read(root, "revisits.jsonl")).toContain('"event":"snooze"');
  });

  it("adds the checklist to the doc template's own Checklist section, not a second one", async () => {
    const root = workspace(seed);
    const r = await at(
      root,
      "2026-11-27",
    )({
      domain: "cloud-deployment",
      title: "Object storage",
      checklist: ["presigned PUT URLs"],
    });
    expect(r.code).toBe(0);
    const text = read(root, "notes/cloud-deployment/object-storage.md");
    expect(text.match(/^## Checklist$/gm)).toHaveLength(1);
    expect(text).toMatch(/^- \[ \] presigned PUT URLs\n\n## Sources$/m);
  });

  it("does each step alone, resumes, and never duplicates anything when run again", async () => {
    const root = workspace(seed);
    const run = at(root, "2026-11-25");
    expect((await run({ domain: "core-backend" })).code).toBe(0);
    expect((await run({ title: "HTTP caching" })).code).toBe(0);
    expect((await run({ checklist: ["explain ETag"] })).code).toBe(0);
    expect((await run({ role: ["backend"] })).code).toBe(0);
    const last = await run({ revisit: "2w" });
    expect(last.code).toBe(0);
    expect(read(root, "notes/log/2026-W48.md")).toContain("revisit_plan: 2026-12-09\n");
    const before = {
      note: read(root, "notes/core-backend/http-caching.md"),
      log: read(root, "notes/log/2026-W48.md"),
      revisits: read(root, "revisits.jsonl"),
    };

    const again = await run({
      domain: "core-backend",
      title: "HTTP caching",
      checklist: ["explain ETag"],
      role: ["backend"],
      revisit: "2w",
    });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("step 2/5 is started: notes/core-backend/http-caching.md needs 7");
    expect(readdirSync(join(root, "notes/core-backend")).sort()).toEqual(["http-caching.md", "idempotency-keys.md"]);
    expect({
      note: read(root, "notes/core-backend/http-caching.md"),
      log: read(root, "notes/log/2026-W48.md"),
      revisits: read(root, "revisits.jsonl"),
    }).toEqual(before);
  });

  it("makes an existing note public with --note, changing only the keys it must", async () => {
    const text =
      "---\n# my comment\ntitle: 'Idempotency keys'\nvisibility: private   # for now\ndomain: core-backend\nstatus: seedling\npublished: 2026-09-01\n---\nBody stays.\n";
    const root = workspace({ "notes/core-backend/idempotency-keys.md": text });
    const r = await at(root, "2026-11-27")({ domain: "core-backend", note: "idempotency-keys" });
    expect(r.code).toBe(0);
    expect(read(root, "notes/core-backend/idempotency-keys.md")).toBe(
      text.replace("visibility: private", "visibility: public").replace("---\nBody", "updated: 2026-11-27\n---\nBody"),
    );
  });

  it("counts the streak across a year end (2026-W53) and a missed week breaks it", async () => {
    const root = workspace();
    const days = ["2026-12-10", "2026-12-17", "2026-12-24", "2027-01-01", "2027-01-06"];
    for (const [i, d] of days.entries()) {
      expect((await at(root, d)(fullLoop(`Note ${i}`))).code).toBe(0);
      writeUp(root, `notes/core-backend/note-${i}.md`);
      expect((await at(root, d)({})).stderr).toContain(
        `✔ step 2/5 write one public, transferable note: notes/core-backend/note-${i}.md is written`,
      );
    }
    expect(readdirSync(join(root, "notes/log")).sort()).toEqual([
      "2026-W50.md",
      "2026-W51.md",
      "2026-W52.md",
      "2026-W53.md",
      "2027-W01.md",
    ]);
    const status = async (today: string) =>
      JSON.parse((await at(root, today)({ status: true, json: true })).stdout) as Record<string, unknown>;
    const s = await status("2027-01-06");
    expect(s).toMatchObject({ week: "2027-W01", complete: true, streak: 5 });
    const heat = s.heat as { week: string; done: number }[];
    expect(heat).toHaveLength(26);
    expect(heat.slice(-5).map((c: { week: string; done: number }) => `${c.week}:${c.done}`)).toEqual([
      "2026-W50:5",
      "2026-W51:5",
      "2026-W52:5",
      "2026-W53:5",
      "2027-W01:5",
    ]);
    // a week in progress keeps last week's streak
    expect(await status("2027-01-12")).toMatchObject({
      week: "2027-W02",
      complete: false,
      streak: 5,
    });
    // 2027-W02 missed: the streak starts again
    expect((await at(root, "2027-01-20")(fullLoop("Note after a gap"))).code).toBe(0);
    writeUp(root, "notes/core-backend/note-after-a-gap.md");
    expect((await at(root, "2027-01-20")({})).code).toBe(0);
    expect(await status("2027-01-20")).toMatchObject({
      week: "2027-W03",
      streak: 1,
    });
    const text = (await at(root, "2027-01-20")({ status: true })).stdout;
    expect(text).toContain("Streak: 1 week in a row");
    expect(text).toMatch(/·+█████·█ {2}2026-W31 … 2027-W03/);
  });

  it("opens the new note in $EDITOR with --edit, and warns about a broken old log in --status without failing", async () => {
    const root = workspace({ "notes/log/2026-W47.md": "---\nsteps: [domain\n---\n" });
    const editor = { EDITOR: `sh -c 'echo "from the editor" >> "$0"'` };
    const r = await at(root, "2026-11-27", editor)({ domain: "core-backend", title: "Edited", edit: true });
    expect(r.code).toBe(0);
    expect(read(root, "notes/core-backend/edited.md").endsWith("from the editor\n")).toBe(true);
    const s = await at(root, "2026-11-27")({ status: true });
    expect(s.code).toBe(0);
    expect(s.stderr).toContain("learn: warning: notes/log/2026-W47.md:");
    expect(s.stdout).toContain("› 2. Write one public, transferable note: started: edited: needs 77 more words");
  });

  it("files weeks by ISO 8601 at year ends", async () => {
    const root = workspace();
    expect((await at(root, "2025-12-29")({ domain: "core-backend" })).code).toBe(0);
    expect((await at(root, "2005-01-02")({ domain: "core-backend" })).code).toBe(0);
    expect(readdirSync(join(root, "notes/log")).sort()).toEqual(["2004-W53.md", "2026-W01.md"]);
  });
});

describe("learn week on bad input", () => {
  it("names the missing flag with --no-input, and the step it needs first", async () => {
    const root = workspace();
    const r = cli(root, "2026-11-27")(["--no-input"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("learn: missing --domain: step 1/5 (pick one domain) is next for 2026-W48");
    const c = await at(root, "2026-11-27")({ checklist: ["x"] });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("missing --domain");
    await at(root, "2026-11-27")({ domain: "core-backend" });
    expect((await at(root, "2026-11-27")({ role: ["backend"] })).stderr).toContain(
      "missing --title (or --note): step 2/5",
    );
  });

  it("refuses an unknown domain or role, an empty checklist, and a past or unparseable revisit date, listing what is valid", async () => {
    const run = at(workspace(), "2026-11-27");
    const cases: [WeekOptions, string][] = [
      [
        { domain: "frontend" },
        "unknown domain: frontend (use one of core-backend, cloud-deployment, ai-infrastructure, security-reliability)",
      ],
      [
        { role: ["designer"] },
        "unknown role: designer (use one of backend, cloud, data, ai-api, production-infrastructure)",
      ],
      [{ checklist: [""] }, "--checklist: an item is empty"],
      [{ revisit: "2026-11-01" }, "--revisit 2026-11-01: that date is in the past (today is 2026-11-27)"],
      [{ revisit: "next tuesday" }, "--revisit next tuesday: not a date"],
      [{ type: "roadmap", title: "x" }, "--type roadmap: the week's note must be one of doc|cheatsheet|blog"],
    ];
    for (const [opts, message] of cases) {
      const r = await run(opts);
      expect(r.code, JSON.stringify(opts)).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it("offers the existing note when the title collides", async () => {
    const root = workspace(seed);
    const r = await at(root, "2026-11-27")({ domain: "core-backend", title: "Idempotency Keys" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "a note with this title already exists: notes/core-backend/idempotency-keys.md (pass --note idempotency-keys",
    );
    expect(readdirSync(join(root, "notes/core-backend"))).toEqual(["idempotency-keys.md"]);
  });

  it("never overwrites a week log with broken YAML or a bad hand edit, and says what to fix", async () => {
    const cases: [string, string][] = [
      ["---\nweek: 2026-W48\nsteps: [domain\n---\n", "notes/log/2026-W48.md:5: broken YAML front matter"],
      ["---\nweek: 2026-W47\n---\n", "notes/log/2026-W48.md: week: is 2026-W47 but the file is the log of 2026-W48"],
      [
        "---\nsteps: [domain, lunch]\ndomain: core-backend\n---\n",
        'notes/log/2026-W48.md: steps: unknown step "lunch"',
      ],
      ["---\nsteps: [domain, note]\ndomain: core-backend\n---\n", "steps: says note is done but `note:` is empty"],
      ["---\nrevisit_plan: someday\n---\n", "revisit_plan: must be build or a date"],
    ];
    for (const [text, message] of cases) {
      const root = workspace({ "notes/log/2026-W48.md": text });
      const r = await at(root, "2026-11-27")({ domain: "core-backend" });
      expect(r.code, text).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain("learn never overwrites a week log");
      expect(read(root, "notes/log/2026-W48.md")).toBe(text);
    }
  });

  it("fills in a log made by hand without the loop's keys, keeping what was written", async () => {
    const text = "---\ntitle: My week\ntype: log\n---\n# My week\n\nThoughts.\n";
    const root = workspace({ "notes/log/2026-W48.md": text });
    expect((await at(root, "2026-11-27")({ domain: "ai-infrastructure" })).code).toBe(0);
    const after = read(root, "notes/log/2026-W48.md");
    expect(
      after.startsWith(
        "---\ntitle: My week\ntype: log\nweek: 2026-W48\ndomain: ai-infrastructure\nsteps: [domain]\nupdated: 2026-11-27\n---\n# My week\n\nThoughts.\n",
      ),
    ).toBe(true);
  });

  it("refuses a log whose note was deleted, naming the key", async () => {
    const root = workspace();
    await at(root, "2026-11-27")({ domain: "core-backend", title: "Gone soon" });
    writeFileSync(join(root, "notes/core-backend/gone-soon.md"), "");
    const text = read(root, "notes/log/2026-W48.md").replace("note: gone-soon", "note: gone-later");
    writeFileSync(join(root, "notes/log/2026-W48.md"), text);
    const r = await at(root, "2026-11-27")({ checklist: ["x"] });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("notes/log/2026-W48.md: note: no note gone-later in the workspace");
  });
});
