import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeCorpus } from "../../bench/make-corpus.mjs";
import { index } from "../../src/commands/index.js";
import { revisit, type RevisitOptions } from "../../src/commands/revisit.js";
import { addDays } from "../../src/core/dates.js";
import { memoryIO } from "../../src/ui/io.js";
import { call } from "../helpers/in-process.js";
import { BIN, runCli, type RunResult } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// Most cases call the command in-process; a few spawn the CLI for exit codes, stream splitting and
// real concurrent processes.
const TODAY = "2026-11-27";
const cli = (root: string, args: string[], today = TODAY): RunResult =>
  runCli(args, { cwd: root, env: { LEARN_TODAY: today } });
const learn = (root: string, opts: RevisitOptions, today = TODAY): Promise<RunResult> =>
  call(revisit, { dir: root, today, ...opts });
const json = async <T = Record<string, unknown>>(root: string, opts: RevisitOptions, today = TODAY): Promise<T> => {
  const r = await learn(root, { ...opts, json: true }, today);
  if (r.code !== 0) throw new Error(`learn revisit ${JSON.stringify(opts)} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
};
type Entry = {
  slug: string;
  due: string | null;
  overdue: number;
  why: string;
  interval: number;
  last_revisit: string | null;
  revisits: number;
  reason: { kind: string };
};
type DueList = { count: number; due: Entry[] };
type Recorded = { recorded: Record<string, unknown>; schedule: Entry };

const log = (root: string): string => readFileSync(join(root, "revisits.jsonl"), "utf8");
const note = (id: string, title: string, extra: Record<string, unknown> = {}) =>
  noteText({ id, title, published: "2026-11-01", ...extra });
const small = () =>
  workspace({
    "notes/core-backend/http-caching.md": note("k3x9q2m7", "HTTP caching", { summary: "How caches decide" }),
    "notes/core-backend/idempotency-keys.md": note("p4w8r1t6", "Idempotency keys", { published: "2026-10-01" }),
    "notes/core-backend/retries.md": note("m2n5b8v1", "Retries", { published: "2026-11-25" }),
    "notes/core-backend/fixed.md": note("f1x3d0aa", "Fixed", { revisit_every: "30d" }),
    "notes/core-backend/never.md": note("n3v3r0aa", "Never", { revisit: false }),
  });

describe("learn revisit: listing", () => {
  it("lists the notes due, most overdue first, each with why, and the count on stderr", async () => {
    const root = small();
    const r = cli(root, ["revisit"], "2027-06-01");
    expect(r.code).toBe(0);
    const list = await json<DueList>(root, {}, "2027-06-01");
    expect(list.count).toBe(4);
    expect(list.count).toBeGreaterThan(0);
    expect(list.count).toBe(list.due.length);
    expect(r.stdout.trim().split("\n")).toHaveLength(list.count);
    expect(r.stderr).toContain(
      `${list.count} note${list.count === 1 ? "" : "s"} due for revisit: learn revisit --review`,
    );
    const overdue = list.due.map((e) => e.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    for (const e of list.due.filter((e) => e.slug !== "fixed"))
      expect(e.why).toMatch(/^never revisited \(published \d{4}-\d{2}-\d{2}\)$/);
  });

  it("says why: never revisited, scheduled, used in a build; never lists revisit: false", async () => {
    const root = small();
    expect((await learn(root, { slug: "http-caching", rating: "good" }, "2026-11-08")).code).toBe(0);
    expect(cli(root, ["used", "retries", "--in", "payments API v2"], "2026-11-26").code).toBe(0);
    const r = await call(revisit, { dir: root, today: "2027-03-01" }, { COLUMNS: "200" });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.find((l) => l.startsWith("http-caching"))).toMatch(
      /days overdue +scheduled \(due since \d{4}-\d{2}-\d{2}\)$/,
    );
    expect(lines.find((l) => l.startsWith("idempotency-keys"))).toMatch(/never revisited \(published 2026-10-01\)$/);
    expect(lines.find((l) => l.startsWith("retries"))).toMatch(/used in a build: payments API v2 \(2026-11-26\)$/);
    expect(lines.filter((l) => l.startsWith("never"))).toEqual([]);
    expect(lines[0]).toMatch(/^idempotency-keys/); // the most overdue
  });

  it("--within adds notes due soon; --brief prints one line or nothing; --upcoming counts per week", async () => {
    const root = small();
    expect((await json<DueList>(root, {}, "2026-11-27")).due.map((e) => e.slug)).toEqual([
      "idempotency-keys",
      "http-caching",
    ]);
    expect((await json<DueList>(root, { within: "1w" }, "2026-11-27")).due.map((e) => e.slug)).toEqual([
      "idempotency-keys",
      "http-caching",
      "fixed",
      "retries",
    ]);
    expect((await learn(root, { brief: true })).stdout).toBe("2 notes due for revisit: learn revisit --review\n");
    const quiet = cli(root, ["revisit", "--brief"], "2026-10-01");
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const up = await learn(root, { upcoming: true });
    const rows = up.stdout.trim().split("\n");
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatch(/^due now\s+2 /);
    expect(rows[1]).toMatch(/^2026-W48 11-23\s+0 /);
    expect(rows[2]).toMatch(/^2026-W49 11-30\s+2 /); // fixed (12-01) and retries (12-02)
  });
});

describe("learn revisit: recording", () => {
  it("grows intervals with good ratings over weeks and shrinks them with again", async () => {
    const root = small();
    let today = "2026-11-27";
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await json<Recorded>(root, { slug: "idempotency-keys", rating: "good" }, today);
      intervals.push(r.schedule.interval);
      today = r.schedule.due!;
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
    const again = await json<Recorded>(root, { slug: "idempotency-keys", rating: "again" }, today);
    expect(again.schedule.interval).toBeLessThan(intervals.at(-1)!);
    expect(log(root).trim().split("\n")).toHaveLength(5);
  });

  it("prints the next due date and interval, and refuses a second revisit the same day unless --force", async () => {
    const root = small();
    const r = await learn(root, { slug: "http-caching", rating: "good", note: "explained it to a colleague" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^revisited http-caching \(good\): next due \d{4}-\d{2}-\d{2}, interval \d+ days\n$/);
    expect(JSON.parse(log(root))).toEqual({
      v: 1,
      event: "revisit",
      note: "k3x9q2m7",
      slug: "http-caching",
      date: TODAY,
      rating: "good",
      remark: "explained it to a colleague",
    });
    const again = cli(root, ["revisit", "http-caching", "--rating", "easy"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(
      "learn: http-caching was already revisited today (good) (pass --force to record a second revisit)\n",
    );
    expect((await learn(root, { slug: "http-caching", rating: "easy", force: true })).code).toBe(0);
    expect(log(root).trim().split("\n")).toHaveLength(2);
  });

  it("makes a note due at once when it is used in a build (revisit --used-in and learn used)", async () => {
    const root = small();
    await json(root, { slug: "http-caching", rating: "easy" });
    expect((await json<DueList>(root, {}, "2026-11-28")).due.map((e) => e.slug)).not.toContain("http-caching");
    const r = await learn(root, { slug: "http-caching", usedIn: "payments API v2" }, "2026-11-28");
    expect(r).toMatchObject({ code: 0, stdout: "http-caching is due now: used in a build: payments API v2\n" });
    const due = (await json<DueList>(root, {}, "2026-11-28")).due.find((e) => e.slug === "http-caching");
    expect(due).toMatchObject({ due: "2026-11-28", why: "used in a build: payments API v2 (2026-11-28)" });
    expect((await learn(root, { slug: "fixed", usedIn: "search v3" }, "2026-11-28")).code).toBe(0);
    expect((await json<DueList>(root, {}, "2026-11-28")).due.map((e) => e.slug)).toContain("fixed");
  });

  it("moves the due date with --snooze without counting a revisit", async () => {
    const root = small();
    const r = await learn(root, { slug: "idempotency-keys", snooze: "3d" });
    expect(r).toMatchObject({ code: 0, stdout: "snoozed idempotency-keys until 2026-11-30\n" });
    expect((await json<DueList>(root, {})).due.map((e) => e.slug)).not.toContain("idempotency-keys");
    const later = (await json<DueList>(root, {}, "2026-11-30")).due.find((e) => e.slug === "idempotency-keys");
    expect(later).toMatchObject({
      due: "2026-11-30",
      revisits: 0,
      why: "never revisited (published 2026-10-01), snoozed until 2026-11-30",
    });
  });

  it("gives the same due dates after the index is deleted, and keeps a renamed note's schedule by id", async () => {
    const root = small();
    await json(root, { slug: "http-caching", rating: "good" }, "2026-11-10");
    await json(root, { slug: "idempotency-keys", rating: "hard" }, "2026-11-12");
    const before = await json<DueList>(root, { within: "1y" });
    rmSync(join(root, ".learn"), { recursive: true, force: true });
    expect(await json<DueList>(root, { within: "1y" })).toEqual(before);

    renameSync(
      join(root, "notes/core-backend/http-caching.md"),
      join(root, "notes/core-backend/http-caching-mental-model.md"),
    );
    const renamed = await json<Entry>(root, { slug: "http-caching-mental-model" });
    const old = before.due.find((e) => e.slug === "http-caching")!;
    expect(renamed).toMatchObject({
      slug: "http-caching-mental-model",
      due: old.due,
      last_revisit: "2026-11-10",
      revisits: 1,
    });
  });

  it("reports events of deleted notes with --orphans and keeps them", async () => {
    const root = small();
    await json(root, { slug: "retries", rating: "good" });
    rmSync(join(root, "notes/core-backend/retries.md"));
    const r = await learn(root, { orphans: true });
    expect(r).toMatchObject({ code: 0, stdout: "m2n5b8v1 (was retries)  1 event, 2026-11-27\n" });
    expect(r.stderr).toContain("1 note key in revisits.jsonl matches no note (kept, never dropped)");
    expect(log(root)).toContain('"note":"m2n5b8v1"');
  });

  it("10 concurrent revisits of different notes leave 10 whole lines", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`notes/n${i}.md`] = noteText({ title: `Note ${i}`, published: "2026-11-01" });
    const root = workspace(files);
    expect((await call(index, { dir: root })).code).toBe(0);
    const env = { PATH: process.env.PATH ?? "", HOME: tempDir("learn-home-"), NO_COLOR: "1", LEARN_TODAY: TODAY };
    const codes = await Promise.all(
      Array.from(
        { length: 10 },
        (_, i) =>
          new Promise<number | null>((resolve) => {
            const p = spawn(process.execPath, [BIN, "revisit", `n${i}`, "--rating", "good"], {
              cwd: root,
              env,
              stdio: "ignore",
            });
            p.on("close", resolve);
          }),
      ),
    );
    expect(codes).toEqual(Array(10).fill(0));
    const lines = log(root).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => (JSON.parse(l) as { note: string }).note).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `n${i}`).sort(),
    );
  }, 120_000);
});

describe("learn revisit: half a year on a generated workspace", () => {
  it("rates every due note good each Monday: none is back within the week, intervals grow, replay agrees", async () => {
    const root = tempDir();
    makeCorpus(join(root, "notes"), { notes: 30, seed: 7 });
    writeFileSync(join(root, "learn.config.yaml"), "");
    // In-process calls (real files, real SQLite) keep 26 weeks of revisits fast; the CLI itself is covered above.
    const run = (today: string, extra: Record<string, unknown> = {}) =>
      revisit({ dir: root, today, ...extra }, memoryIO());
    writeFileSync(join(root, "learn.config.yaml"), "");
    const intervals = new Map<string, number[]>();
    let rated = 0;
    let today = "2026-11-02";
    for (let week = 0; week < 26; week++, today = addDays(today, 7)) {
      const due = (await run(today)).entries;
      if (week === 0) expect(due).toHaveLength(10); // revisit.new_per_day (default 10) lets in 10 of the 30 new notes a day
      for (const e of due) {
        const r = await run(today, { slug: e.schedule.slug, rating: "good" });
        intervals.set(e.schedule.slug, [...(intervals.get(e.schedule.slug) ?? []), r.entries[0]!.schedule.interval]);
        rated++;
      }
      expect((await run(today)).entries).toEqual([]);
      const soon = (await run(addDays(today, 6))).entries.map((e) => e.schedule.slug);
      expect(soon.filter((slug) => due.some((e) => e.schedule.slug === slug))).toEqual([]); // just rated: not back within the week
    }
    const seqs = [...intervals.values()];
    expect(seqs.filter((xs) => xs.length >= 2).length).toBeGreaterThan(10);
    for (const xs of seqs) for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(log(root).trim().split("\n")).toHaveLength(rated);

    const before = (await run(today, { within: "1y" })).entries.map((e) => [e.schedule.slug, e.schedule.due]);
    rmSync(join(root, ".learn"), { recursive: true, force: true });
    expect((await run(today, { within: "1y" })).entries.map((e) => [e.schedule.slug, e.schedule.due])).toEqual(before);
  }, 60_000);
});

describe("learn revisit: bad input", () => {
  const unchanged = async (root: string, run: () => RunResult | Promise<RunResult>): Promise<RunResult> => {
    const before = log(root);
    const r = await run();
    expect(log(root)).toBe(before);
    return r;
  };
  const seeded = async () => {
    const root = small();
    await json(root, { slug: "http-caching", rating: "good" }, "2026-11-10");
    return root;
  };

  it("an unknown slug suggests the closest (exit 1)", async () => {
    const root = await seeded();
    const r = await unchanged(root, () => cli(root, ["revisit", "idempotncy-keys", "--rating", "good"]));
    expect(r).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "learn: no note with slug or id idempotncy-keys (did you mean idempotency-keys?)\n",
    });
    expect((await learn(root, { slug: "notes/core-backend/retries.md", rating: "good" })).stdout).toMatch(
      /^revisited retries \(good\)/,
    );
  });

  it("an unknown rating lists the ratings (exit 2)", async () => {
    const root = await seeded();
    const r = await unchanged(root, () => cli(root, ["revisit", "retries", "--rating", "great"]));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "learn: --rating great: must be one of again|hard|good|easy (again: couldn't explain it, hard: shaky, good: solid, easy: could teach it)\n",
    );
  });

  it.each([["3x"], ["-2d"], ["0d"]])("a snooze of %s is refused (exit 2)", async (value) => {
    const root = await seeded();
    const r = await unchanged(root, () => learn(root, { slug: "retries", snooze: value }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^learn: --snooze ${value}: (not a duration|must be at least 1 day) \\(use a whole number and a unit: 3d, 2w, 1m or 1y\\)\\n$`,
      ),
    );
  });

  it("--rating with --snooze is refused (exit 2)", async () => {
    const root = await seeded();
    const r = await unchanged(root, () => learn(root, { slug: "retries", rating: "good", snooze: "3d" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("learn: --rating and --snooze cannot be used together");
  });

  it("revisit_every: soon is named with file and line, and the note is still scheduled", async () => {
    const root = workspace({
      "notes/soon.md": "---\ntitle: Soon\npublished: 2026-11-01\nrevisit_every: soon\n---\nBody.\n",
    });
    const r = await learn(root, {});
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "learn: notes/soon.md:4: revisit_every: must be an interval like 30d, 6w, 3m or 1y; scheduled as if it were not set\n",
    );
    expect(r.stdout).toMatch(/^soon\s+Soon\s+19 days overdue/);
  });

  it("a log line that is not JSON or names an unknown event is reported by line, skipped and left alone", async () => {
    const root = await seeded();
    appendFileSync(
      join(root, "revisits.jsonl"),
      'this is not json\n{"v":1,"event":"reviewed","note":"k3x9q2m7","date":"2026-11-11"}\n',
    );
    const r = await unchanged(root, () => learn(root, { slug: "http-caching" }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'learn: revisits.jsonl:2: not JSON; line skipped\nlearn: revisits.jsonl:3: unknown event "reviewed" (known: revisit, used, snooze); line skipped\n',
    );
    expect(r.stdout).toContain("last      2026-11-10 (good), 1 revisit in all");
  });

  it("a torn last line is ignored with a warning, and the next revisit is still a whole line", async () => {
    const root = await seeded();
    appendFileSync(join(root, "revisits.jsonl"), '{"v":1,"event":"revisit","note":"p4w8');
    const before = log(root);
    const r = await learn(root, {});
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("learn: revisits.jsonl:2: incomplete last line (a write was cut off); ignored\n");
    expect((await learn(root, { slug: "retries", rating: "good" })).code).toBe(0);
    const after = log(root);
    expect(after.startsWith(before)).toBe(true);
    expect(JSON.parse(after.split("\n")[2]!)).toMatchObject({ event: "revisit", note: "m2n5b8v1", rating: "good" });
  });

  it("--review without a terminal is a usage error (exit 2)", async () => {
    const root = await seeded();
    expect(await learn(root, { review: true })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("learn: --review needs a terminal"),
    });
  });
});
