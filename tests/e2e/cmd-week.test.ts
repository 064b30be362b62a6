import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parse.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const at = (root: string, today: string) => (args: string[]) =>
  runCli(["week", ...args], { cwd: root, env: { LEARN_TODAY: today } });
const fullLoop = (title: string, domain = "core-backend") => [
  "--domain",
  domain,
  "--title",
  title,
  "--checklist",
  "one thing",
  "--role",
  "backend",
  "--revisit",
  "build",
];
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
  it("does the whole loop in one call and records it in notes/log/YYYY-Www.md", () => {
    const root = workspace(seed);
    const r = at(
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

  it("adds the checklist to the doc template's own Checklist section, not a second one", () => {
    const root = workspace(seed);
    expect(
      at(
        root,
        "2026-11-27",
      )(["--domain", "cloud-deployment", "--title", "Object storage", "--checklist", "presigned PUT URLs"]).code,
    ).toBe(0);
    const text = read(root, "notes/cloud-deployment/object-storage.md");
    expect(text.match(/^## Checklist$/gm)).toHaveLength(1);
    expect(text).toMatch(/^- \[ \] presigned PUT URLs\n\n## Sources$/m);
  });

  it("does each step alone, resumes, and never duplicates anything when run again", () => {
    const root = workspace(seed);
    const run = at(root, "2026-11-25");
    expect(run(["--domain", "core-backend"]).code).toBe(0);
    expect(run(["--title", "HTTP caching"]).code).toBe(0);
    expect(run(["--checklist", "explain ETag"]).code).toBe(0);
    expect(run(["--role", "backend"]).code).toBe(0);
    const last = run(["--revisit", "2w"]);
    expect(last.code).toBe(0);
    expect(read(root, "notes/log/2026-W48.md")).toContain("revisit_plan: 2026-12-09\n");
    const before = {
      note: read(root, "notes/core-backend/http-caching.md"),
      log: read(root, "notes/log/2026-W48.md"),
      revisits: read(root, "revisits.jsonl"),
    };

    const again = run([
      "--domain",
      "core-backend",
      "--title",
      "HTTP caching",
      "--checklist",
      "explain ETag",
      "--role",
      "backend",
      "--revisit",
      "2w",
    ]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("step 2/5 is started: notes/core-backend/http-caching.md needs 7");
    expect(readdirSync(join(root, "notes/core-backend")).sort()).toEqual(["http-caching.md", "idempotency-keys.md"]);
    expect({
      note: read(root, "notes/core-backend/http-caching.md"),
      log: read(root, "notes/log/2026-W48.md"),
      revisits: read(root, "revisits.jsonl"),
    }).toEqual(before);
  });

  it("makes an existing note public with --note, changing only the keys it must", () => {
    const text =
      "---\n# my comment\ntitle: 'Idempotency keys'\nvisibility: private   # for now\ndomain: core-backend\nstatus: seedling\npublished: 2026-09-01\n---\nBody stays.\n";
    const root = workspace({ "notes/core-backend/idempotency-keys.md": text });
    const r = at(root, "2026-11-27")(["--domain", "core-backend", "--note", "idempotency-keys"]);
    expect(r.code).toBe(0);
    expect(read(root, "notes/core-backend/idempotency-keys.md")).toBe(
      text.replace("visibility: private", "visibility: public").replace("---\nBody", "updated: 2026-11-27\n---\nBody"),
    );
  });

  it("counts the streak across a year end (2026-W53) and a missed week breaks it", () => {
    const root = workspace();
    const days = ["2026-12-10", "2026-12-17", "2026-12-24", "2027-01-01", "2027-01-06"];
    days.forEach((d, i) => {
      expect(at(root, d)(fullLoop(`Note ${i}`)).code).toBe(0);
      writeUp(root, `notes/core-backend/note-${i}.md`);
      expect(at(root, d)([]).stderr).toContain(
        `✔ step 2/5 write one public, transferable note: notes/core-backend/note-${i}.md is written`,
      );
    });
    expect(readdirSync(join(root, "notes/log")).sort()).toEqual([
      "2026-W50.md",
      "2026-W51.md",
      "2026-W52.md",
      "2026-W53.md",
      "2027-W01.md",
    ]);
    const s = JSON.parse(at(root, "2027-01-06")(["--status", "--json"]).stdout);
    expect(s).toMatchObject({ week: "2027-W01", complete: true, streak: 5 });
    expect(s.heat).toHaveLength(26);
    expect(s.heat.slice(-5).map((c: { week: string; done: number }) => `${c.week}:${c.done}`)).toEqual([
      "2026-W50:5",
      "2026-W51:5",
      "2026-W52:5",
      "2026-W53:5",
      "2027-W01:5",
    ]);
    // a week in progress keeps last week's streak
    expect(JSON.parse(at(root, "2027-01-12")(["--status", "--json"]).stdout)).toMatchObject({
      week: "2027-W02",
      complete: false,
      streak: 5,
    });
    // 2027-W02 missed: the streak starts again
    expect(at(root, "2027-01-20")(fullLoop("Note after a gap")).code).toBe(0);
    writeUp(root, "notes/core-backend/note-after-a-gap.md");
    expect(at(root, "2027-01-20")([]).code).toBe(0);
    expect(JSON.parse(at(root, "2027-01-20")(["--status", "--json"]).stdout)).toMatchObject({
      week: "2027-W03",
      streak: 1,
    });
    const text = at(root, "2027-01-20")(["--status"]).stdout;
    expect(text).toContain("Streak: 1 week in a row");
    expect(text).toMatch(/·+█████·█ {2}2026-W31 … 2027-W03/);
  });

  it("opens the new note in $EDITOR with --edit, and warns about a broken old log in --status without failing", () => {
    const root = workspace({ "notes/log/2026-W47.md": "---\nsteps: [domain\n---\n" });
    const r = runCli(["week", "--domain", "core-backend", "--title", "Edited", "--edit"], {
      cwd: root,
      env: { LEARN_TODAY: "2026-11-27", EDITOR: `sh -c 'echo "from the editor" >> "$0"'` },
    });
    expect(r.code).toBe(0);
    expect(read(root, "notes/core-backend/edited.md").endsWith("from the editor\n")).toBe(true);
    const s = at(root, "2026-11-27")(["--status"]);
    expect(s.code).toBe(0);
    expect(s.stderr).toContain("learn: warning: notes/log/2026-W47.md:");
    expect(s.stdout).toContain("› 2. Write one public, transferable note: started: edited: needs 77 more words");
  });

  it("files weeks by ISO 8601 at year ends", () => {
    const root = workspace();
    expect(at(root, "2025-12-29")(["--domain", "core-backend"]).code).toBe(0);
    expect(at(root, "2005-01-02")(["--domain", "core-backend"]).code).toBe(0);
    expect(readdirSync(join(root, "notes/log")).sort()).toEqual(["2004-W53.md", "2026-W01.md"]);
  });
});

describe("learn week on bad input", () => {
  it("names the missing flag with --no-input, and the step it needs first", () => {
    const root = workspace();
    const r = at(root, "2026-11-27")(["--no-input"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("learn: missing --domain: step 1/5 (pick one domain) is next for 2026-W48");
    const c = at(root, "2026-11-27")(["--checklist", "x"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("missing --domain");
    at(root, "2026-11-27")(["--domain", "core-backend"]);
    expect(at(root, "2026-11-27")(["--role", "backend"]).stderr).toContain("missing --title (or --note): step 2/5");
  });

  it("refuses an unknown domain or role, an empty checklist, and a past or unparseable revisit date, listing what is valid", () => {
    const run = at(workspace(), "2026-11-27");
    const cases: [string[], string][] = [
      [
        ["--domain", "frontend"],
        "unknown domain: frontend (use one of core-backend, cloud-deployment, ai-infrastructure, security-reliability)",
      ],
      [
        ["--role", "designer"],
        "unknown role: designer (use one of backend, cloud, data, ai-api, production-infrastructure)",
      ],
      [["--checklist", ""], "--checklist: an item is empty"],
      [["--revisit", "2026-11-01"], "--revisit 2026-11-01: that date is in the past (today is 2026-11-27)"],
      [["--revisit", "next tuesday"], "--revisit next tuesday: not a date"],
      [["--type", "roadmap", "--title", "x"], "--type roadmap: the week's note must be one of doc|cheatsheet|blog"],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it("offers the existing note when the title collides", () => {
    const root = workspace(seed);
    const r = at(root, "2026-11-27")(["--domain", "core-backend", "--title", "Idempotency Keys"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "a note with this title already exists: notes/core-backend/idempotency-keys.md (pass --note idempotency-keys",
    );
    expect(readdirSync(join(root, "notes/core-backend"))).toEqual(["idempotency-keys.md"]);
  });

  it("never overwrites a week log with broken YAML or a bad hand edit, and says what to fix", () => {
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
      const r = at(root, "2026-11-27")(["--domain", "core-backend"]);
      expect(r.code, text).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain("learn never overwrites a week log");
      expect(read(root, "notes/log/2026-W48.md")).toBe(text);
    }
  });

  it("fills in a log made by hand without the loop's keys, keeping what was written", () => {
    const text = "---\ntitle: My week\ntype: log\n---\n# My week\n\nThoughts.\n";
    const root = workspace({ "notes/log/2026-W48.md": text });
    expect(at(root, "2026-11-27")(["--domain", "ai-infrastructure"]).code).toBe(0);
    const after = read(root, "notes/log/2026-W48.md");
    expect(
      after.startsWith(
        "---\ntitle: My week\ntype: log\nweek: 2026-W48\ndomain: ai-infrastructure\nsteps: [domain]\nupdated: 2026-11-27\n---\n# My week\n\nThoughts.\n",
      ),
    ).toBe(true);
  });

  it("refuses a log whose note was deleted, naming the key", () => {
    const root = workspace();
    at(root, "2026-11-27")(["--domain", "core-backend", "--title", "Gone soon"]);
    writeFileSync(join(root, "notes/core-backend/gone-soon.md"), "");
    const text = read(root, "notes/log/2026-W48.md").replace("note: gone-soon", "note: gone-later");
    writeFileSync(join(root, "notes/log/2026-W48.md"), text);
    const r = at(root, "2026-11-27")(["--checklist", "x"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("notes/log/2026-W48.md: note: no note gone-later in the workspace");
  });
});
