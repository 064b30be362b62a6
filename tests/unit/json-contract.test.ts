import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { check } from "../../src/commands/check.js";
import { index } from "../../src/commands/index.js";
import { init } from "../../src/commands/init.js";
import { list } from "../../src/commands/list.js";
import { newNote } from "../../src/commands/new.js";
import { publish } from "../../src/commands/publish.js";
import { readiness } from "../../src/commands/readiness.js";
import { revisit } from "../../src/commands/revisit.js";
import { search } from "../../src/commands/search.js";
import { show } from "../../src/commands/show.js";
import { status } from "../../src/commands/status.js";
import { week } from "../../src/commands/week.js";
import { memoryIO } from "../../src/ui/io.js";
import * as schema from "../helpers/json-schemas.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// Every command's --json, run in-process on a real workspace, checked against its schema
// (tests/helpers/json-schemas.ts, kept equal to src/core/json-types.ts by tsc).

const TODAY = "2026-11-27";

const sample = () =>
  workspace({
    "notes/core-backend/http-caching.md": noteText(
      {
        id: "k3x9q2m7",
        title: "HTTP caching",
        type: "doc",
        status: "budding",
        visibility: "public",
        domain: "core-backend",
        roles: ["backend"],
        tags: ["http", "caching"],
        summary: "How caches decide",
        published: "2026-10-01",
        related: ["idempotency-keys", "no-such-note"],
        covers: ["http-fundamentals"],
      },
      "# HTTP caching\n\nCaching and [[idempotency-keys]].\n\n- [x] read RFC 9111\n- [ ] try it\n",
    ),
    "notes/core-backend/idempotency-keys.md": noteText({
      title: "Idempotency keys",
      type: "doc",
      visibility: "private",
      domain: "core-backend",
      published: "2026-11-01",
      revisit_every: "30d",
    }),
    "notes/roadmap/plan.md": noteText(
      { title: "Plan", type: "roadmap", domain: "core-backend" },
      "# Plan\n\n## Core backend (core-backend)\n\n- HTTP fundamentals (http-fundamentals): methods, caching\n- Queues (queues): at-least-once delivery\n",
    ),
  });

/** Run a command with --json in memory and parse what it printed (also when it then failed). */
async function jsonOf(run: (io: ReturnType<typeof memoryIO>) => Promise<unknown>): Promise<unknown> {
  const io = memoryIO();
  try {
    await run(io);
  } catch (err) {
    if (io.stdout.length === 0) throw err;
  }
  expect(io.stdout).toHaveLength(1);
  return JSON.parse(io.stdout[0]!);
}

/** Parse with the schema, failing with zod's own account of what does not fit. */
function valid<S extends z.ZodType>(s: S, doc: unknown): z.infer<S> {
  const r = s.safeParse(doc);
  if (!r.success) throw new Error(`${r.error.message}\n${JSON.stringify(doc, null, 2)}`);
  return r.data;
}

const g = (dir: string) => ({ dir, today: TODAY, json: true });

describe("--json documents match their named types", () => {
  it("init and new", async () => {
    const dir = join(tempDir(), "ws");
    valid(schema.init, await jsonOf((io) => init({ ...g(dir), target: dir }, io)));
    const made = valid(
      schema.newNote,
      await jsonOf((io) => newNote({ ...g(dir), type: "doc", title: "Retries", domain: "core-backend" }, io)),
    );
    expect(made.slug).toBe("retries");
    valid(schema.newNote, await jsonOf((io) => newNote({ ...g(dir), type: "log" }, io)));
  });

  it("index, search, list and show", async () => {
    const dir = sample();
    const idx = valid(schema.index, await jsonOf((io) => index(g(dir), io)));
    expect(idx.added).toBe(3);
    const hits = valid(schema.search, await jsonOf((io) => search({ ...g(dir), query: ["caching"] }, io)));
    expect(hits.hits[0]!.slug).toBe("http-caching");
    const listed = valid(schema.list, await jsonOf((io) => list({ ...g(dir), filters: ["type:doc"] }, io)));
    expect(listed.notes.map((n) => n.slug)).toEqual(["http-caching", "idempotency-keys"]);
    const shown = valid(schema.show, await jsonOf((io) => show({ ...g(dir), slug: "http-caching" }, io)));
    expect(shown.links.some((l) => l.to_slug === null)).toBe(true);
  });

  it("check (with findings) and publish (written, and refused for a secret)", async () => {
    const dir = sample();
    const found = valid(schema.check, await jsonOf((io) => check(g(dir), io)));
    expect(found.findings.length).toBeGreaterThan(0);
    valid(schema.publish, await jsonOf((io) => publish(g(dir), io)));
    const leaky = workspace({
      "notes/leak.md": noteText(
        { title: "Leak", visibility: "public" },
        "token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n",
      ),
    });
    const refused = valid(schema.check, await jsonOf((io) => publish(g(leaky), io)));
    expect(refused.counts.errors).toBeGreaterThan(0);
  });

  it("revisit: list, one note, record, used, brief, upcoming and orphans", async () => {
    const dir = sample();
    appendFileSync(
      join(dir, "revisits.jsonl"),
      '{"v":1,"note":"gone1234","slug":"gone","date":"2026-11-01","event":"revisit","rating":"good"}\n',
    );
    const due = valid(schema.revisitList, await jsonOf((io) => revisit({ ...g(dir), within: "60d" }, io)));
    expect(due.count).toBeGreaterThan(0);
    valid(schema.revisitNote, await jsonOf((io) => revisit({ ...g(dir), slug: "http-caching" }, io)));
    const rated = valid(
      schema.revisitRecord,
      await jsonOf((io) => revisit({ ...g(dir), slug: "http-caching", rating: "good" }, io)),
    );
    expect(rated.recorded.event).toBe("revisit");
    expect(rated.schedule.last_revisit).toBe(TODAY);
    const used = valid(
      schema.revisitRecord,
      await jsonOf((io) => revisit({ ...g(dir), slug: "idempotency-keys", usedIn: "payments API" }, io)),
    );
    expect(used.recorded.event).toBe("used");
    valid(
      schema.revisitRecord,
      await jsonOf((io) => revisit({ ...g(dir), slug: "idempotency-keys", snooze: "3d" }, io)),
    );
    valid(schema.revisitBrief, await jsonOf((io) => revisit({ ...g(dir), brief: true }, io)));
    valid(schema.revisitUpcoming, await jsonOf((io) => revisit({ ...g(dir), upcoming: true }, io)));
    const orphans = valid(schema.revisitOrphans, await jsonOf((io) => revisit({ ...g(dir), orphans: true }, io)));
    expect(orphans.orphans.map((o) => o.key)).toEqual(["gone1234"]);
  });

  it("week (status and a step), readiness (all and one role) and status", async () => {
    const dir = sample();
    valid(schema.week, await jsonOf((io) => week({ ...g(dir), status: true }, io)));
    const stepped = valid(schema.week, await jsonOf((io) => week({ ...g(dir), domain: "core-backend" }, io)));
    expect(stepped.steps.domain).toBe(true);
    const all = valid(schema.readiness, await jsonOf((io) => readiness(g(dir), io)));
    expect(all.items).toBe(2);
    const role = valid(schema.readinessRole, await jsonOf((io) => readiness({ ...g(dir), role: "backend" }, io)));
    expect(role.id).toBe("backend");
    const st = valid(schema.status, await jsonOf((io) => status(g(dir), io)));
    expect(st.week.steps.domain).toBe(true);
  });

  it("no document leaks the index's bookkeeping or a camelCase key", async () => {
    const dir = sample();
    const docs = [
      await jsonOf((io) => list({ ...g(dir), filters: [] }, io)),
      await jsonOf((io) => show({ ...g(dir), slug: "http-caching" }, io)),
      await jsonOf((io) => revisit({ ...g(dir), within: "1y" }, io)),
      await jsonOf((io) => status(g(dir), io)),
    ];
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    docs.forEach(walk);
    expect([...keys].filter((k) => /[A-Z]/.test(k) || k === "mtime_ms" || k === "size")).toEqual([]);
  });
});
