// Six weeks of the loop, in-process with a fixed `today` per step: from `learn init` through new
// notes, checklists, two build uses with lessons, on-time and late revisits. Each week asserts
// every role's score, the rungs behind it, the 12-week history and the change `learn status` shows.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { init } from "../../src/commands/init.js";
import { newNote } from "../../src/commands/new.js";
import type { ReadinessData } from "../../src/app/readiness.js";
import { readiness } from "../../src/commands/readiness.js";
import { revisit } from "../../src/commands/revisit.js";
import { status } from "../../src/commands/status.js";
import { week } from "../../src/commands/week.js";
import { seriesOf } from "../../src/core/readiness-history.js";
import { memoryIO } from "../../src/ui/io.js";
import { tempDir } from "../helpers/workspace.js";

const ROLES = ["backend", "cloud", "data", "ai-api", "production-infrastructure"] as const;
const AI_ONLY = ["llm-api-integration", "gpu-inference-concepts", "model-registry-vocabulary", "media-pipeline-stages"];

/** The user writes the note: front matter kept (plus covers:), a body of their own words and a checklist. */
function writeUp(path: string, covers: string, ticked: boolean): void {
  const text = readFileSync(path, "utf8");
  const close = text.indexOf("\n---\n", 4);
  const front = text.slice(0, close);
  const title = /^title: (.*)$/m.exec(front)![1]!.replace(/^['"]|['"]$/g, "");
  const own = Array.from({ length: 90 }, (_, i) => `point${i}`).join(" ");
  writeFileSync(
    path,
    `${front}\ncovers: [${covers}]\n---\n\n# ${title}\n\n${own}\n\n## Checklist\n\n- [${ticked ? "x" : " "}] tried it in a sandbox\n- [ ] explained it to someone\n`,
  );
}

async function measure(dir: string, today: string) {
  const io = memoryIO({ COLUMNS: "120" }); // wide enough for a promotion on one line
  const data = await readiness({ dir, today, history: true }, io);
  const role = (id: string) => data.groups.find((g) => g.kind === "role" && g.id === id)!;
  const scores = Object.fromEntries(ROLES.map((r) => [r, role(r).score]));
  const levels = (id: string) =>
    Object.fromEntries(
      role(id)
        .items.filter((i) => i.level)
        .map((i) => [i.item.id, i.level]),
    );
  const detail = memoryIO();
  await readiness({ dir, today, role: "backend", history: true }, detail);
  return { data, scores, levels, out: io.stdout.join(""), backendText: detail.stdout.join("") };
}

function backendNeverListsAiItems(data: ReadinessData, text: string): void {
  const backend = data.groups.find((g) => g.kind === "role" && g.id === "backend")!;
  expect(backend.items).toHaveLength(10);
  expect(backend.items.filter((i) => i.item.domain === "ai-infrastructure")).toEqual([]);
  for (const id of AI_ONLY) expect(text).not.toContain(id);
}

describe("six weeks of the loop, measured", () => {
  it("moves each role along the evidence ladder week by week, with its history and the change since last week", async () => {
    const dir = join(tempDir(), "learning");
    const path = (rel: string) => join(dir, "notes", rel);
    const live: Record<string, number>[] = [];

    // Day one: a new workspace has the roadmap, and every role is at 0.
    await init({ target: dir, today: "2026-11-02" }, memoryIO());
    let m = await measure(dir, "2026-11-02");
    expect(m.scores).toEqual({ backend: 0, cloud: 0, data: 0, "ai-api": 0, "production-infrastructure": 0 });
    expect(m.out).toContain("Start here: the roadmap is ready and no note is written yet.");
    backendNeverListsAiItems(m.data, m.backendText);

    // Week 1 (2026-W45): the loop writes "HTTP caching"; step 2 is only started until the user writes it up.
    const w1 = "2026-11-03";
    await week(
      {
        dir,
        today: w1,
        domain: "core-backend",
        title: "HTTP caching",
        checklist: ["tried it"],
        role: ["backend"],
        revisit: "build",
      },
      memoryIO(),
    );
    expect(await week({ dir, today: w1, status: true }, memoryIO())).toMatchObject({ complete: false, streak: 0 });
    expect((await measure(dir, w1)).scores.backend).toBe(0); // a template covers nothing
    writeUp(path("core-backend/http-caching.md"), "http-fundamentals", true);
    expect(await week({ dir, today: w1 }, memoryIO())).toMatchObject({ complete: true, streak: 1 });
    m = await measure(dir, w1);
    // http-fundamentals written up (2): backend 2/40, ai-api 2/28
    expect(m.levels("backend")).toEqual({ "http-fundamentals": 2 });
    expect(m.scores).toEqual({ backend: 5, cloud: 0, data: 0, "ai-api": 7, "production-infrastructure": 0 });
    backendNeverListsAiItems(m.data, m.backendText);
    live.push(m.scores);

    // Week 2 (W46): a data-access note; HTTP caching is used in a build with a lesson, and revisited on time.
    await week(
      {
        dir,
        today: "2026-11-10",
        domain: "core-backend",
        title: "Postgres transactions",
        checklist: ["read a plan"],
        role: ["backend", "data"],
        revisit: "build",
      },
      memoryIO(),
    );
    writeUp(path("core-backend/postgres-transactions.md"), "data-access", true);
    await week({ dir, today: "2026-11-10" }, memoryIO());
    await revisit(
      {
        dir,
        today: "2026-11-12",
        slug: "http-caching",
        usedIn: "payments API v2",
        lesson: "ETags need a strong validator",
      },
      memoryIO(),
    );
    expect(readFileSync(path("core-backend/http-caching.md"), "utf8")).toContain(
      "## Used in builds\n\n- 2026-11-12, payments API v2: ETags need a strong validator\n",
    );
    await revisit({ dir, today: "2026-11-14", slug: "http-caching", rating: "good" }, memoryIO());
    m = await measure(dir, "2026-11-14");
    expect(m.levels("backend")).toEqual({ "http-fundamentals": 4, "data-access": 2 });
    // backend (4 + 2)/40; data 2/16 = 12.5; ai-api 4/28
    expect(m.scores).toEqual({ backend: 15, cloud: 0, data: 13, "ai-api": 14, "production-infrastructure": 0 });
    backendNeverListsAiItems(m.data, m.backendText);
    live.push(m.scores);

    // Week 3 (W47): a queues note through the loop, and a private LLM draft left as its template.
    await week(
      {
        dir,
        today: "2026-11-17",
        domain: "cloud-deployment",
        title: "Queues for slow work",
        checklist: ["add a DLQ"],
        role: ["cloud", "data"],
        revisit: "build",
      },
      memoryIO(),
    );
    writeUp(path("cloud-deployment/queues-for-slow-work.md"), "queues", true);
    await week({ dir, today: "2026-11-17" }, memoryIO());
    const draft = await newNote(
      { dir, today: "2026-11-18", type: "doc", title: "LLM timeouts", domain: "ai-infrastructure", roles: "ai-api" },
      memoryIO(),
    );
    writeFileSync(
      draft.path,
      readFileSync(draft.path, "utf8").replace("\n---\n", "\ncovers: [llm-api-integration]\n---\n"),
    );
    m = await measure(dir, "2026-11-18");
    expect(m.levels("ai-api")).toEqual({ "http-fundamentals": 4, "llm-api-integration": 1 });
    // backend does not move: queues and LLM integration are not its items
    expect(m.scores).toEqual({ backend: 15, cloud: 5, data: 25, "ai-api": 21, "production-infrastructure": 4 });
    backendNeverListsAiItems(m.data, m.backendText);
    live.push(m.scores);

    // Week 4 (W48): Postgres transactions used in a build, with a lesson; no loop this week.
    await revisit(
      {
        dir,
        today: "2026-11-24",
        slug: "postgres-transactions",
        usedIn: "orders service",
        lesson: "long transactions held the lock",
      },
      memoryIO(),
    );
    m = await measure(dir, "2026-11-24");
    expect(m.levels("data")).toEqual({ "data-access": 3, queues: 2 });
    expect(m.scores).toEqual({ backend: 18, cloud: 5, data: 31, "ai-api": 21, "production-infrastructure": 4 });
    live.push(m.scores);

    // Week 5 (W49): the Postgres revisit comes late (9 days after the build): no "known". A rollback note is written.
    await revisit({ dir, today: "2026-12-03", slug: "postgres-transactions", rating: "good" }, memoryIO());
    await week(
      {
        dir,
        today: "2026-12-03",
        domain: "security-reliability",
        title: "Rollback paths",
        checklist: ["rehearse one"],
        role: ["backend", "cloud"],
        revisit: "build",
      },
      memoryIO(),
    );
    writeUp(path("security-reliability/rollback-paths.md"), "rollback-paths", true);
    await week({ dir, today: "2026-12-03" }, memoryIO());
    m = await measure(dir, "2026-12-03");
    expect(m.levels("backend")).toEqual({ "http-fundamentals": 4, "data-access": 3, "rollback-paths": 2 });
    expect(m.scores).toEqual({ backend: 23, cloud: 10, data: 31, "ai-api": 21, "production-infrastructure": 8 });
    live.push(m.scores);

    // Week 6 (W50): rollback paths used and revisited on time; HTTP caching used a second time and revisited on time.
    await revisit({ dir, today: "2026-12-08", slug: "rollback-paths", usedIn: "payments API v2" }, memoryIO());
    await revisit(
      { dir, today: "2026-12-09", slug: "http-caching", usedIn: "search API", lesson: "Vary on Accept" },
      memoryIO(),
    );
    await revisit({ dir, today: "2026-12-10", slug: "rollback-paths", rating: "good" }, memoryIO());
    await revisit({ dir, today: "2026-12-10", slug: "http-caching", rating: "easy" }, memoryIO());
    m = await measure(dir, "2026-12-10");
    expect(m.levels("backend")).toEqual({ "http-fundamentals": 4, "data-access": 3, "rollback-paths": 4 });
    expect(m.scores).toEqual({ backend: 28, cloud: 15, data: 31, "ai-api": 21, "production-infrastructure": 13 });
    backendNeverListsAiItems(m.data, m.backendText);
    live.push(m.scores);
    // two uses, the second with its lesson appended after the first
    expect(readFileSync(path("core-backend/http-caching.md"), "utf8")).toMatch(
      /## Used in builds\n\n- 2026-11-12, payments API v2: ETags need a strong validator\n- 2026-12-09, search API: Vary on Accept\n$/,
    );
    // promotions the evidence supports; status: stays the user's word
    expect(m.data.promotions).toEqual([
      { slug: "http-caching", from: "seedling", to: "evergreen", why: "used in 2 builds, revisited on time" },
      { slug: "postgres-transactions", from: "seedling", to: "budding", why: "used in 1 build" },
      { slug: "queues-for-slow-work", from: "seedling", to: "budding", why: "written up, its checklist started" },
      { slug: "rollback-paths", from: "seedling", to: "evergreen", why: "used in 1 build, revisited on time" },
    ]);
    expect(m.out).toContain("http-caching: used in 2 builds, revisited on time: evergreen? (status: seedling)");

    // The history, recomputed from the notes' dates and the revisit log, matches what each week saw.
    const weeks = m.data.history.map((p) => p.week);
    expect(weeks).toEqual([
      "2026-W39",
      "2026-W40",
      "2026-W41",
      "2026-W42",
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
      "2026-W49",
      "2026-W50",
    ]);
    for (const r of ROLES) {
      const series = seriesOf(m.data.history, { kind: "role", id: r });
      expect(series, r).toEqual([0, 0, 0, 0, 0, 0, ...live.map((s) => s[r])]);
    }
    expect(m.backendText).toContain("Last 12 weeks");
    expect(m.backendText).toMatch(/^ {2}2026-W50 +█+░+ +28$/m);

    // learn status: each role's change since last week
    const io = memoryIO();
    const st = await status({ dir, today: "2026-12-10" }, io);
    expect(st.lastWeek).toEqual({ backend: 23, cloud: 10, data: 31, "ai-api": 21, "production-infrastructure": 8 });
    expect(io.stdout.join("")).toMatch(/^ {2}backend +█+░+ +28 {2}\+5 since last week$/m);
    expect(io.stdout.join("")).toMatch(/^ {2}data +█+░+ +31 {2}±0 since last week$/m);

    // --json carries the series
    const json = memoryIO();
    await readiness({ dir, today: "2026-12-10", json: true }, json);
    const j = JSON.parse(json.stdout.join(""));
    expect(j.roles[0]).toMatchObject({ id: "backend", score: 28 });
    expect(j.roles[0].history.map((p: { score: number }) => p.score)).toEqual([
      0, 0, 0, 0, 0, 0, 5, 15, 15, 18, 23, 28,
    ]);
    // the streak: weeks 1-3 finished the loop, week 4 did not, week 5 did (week 6 is still in progress)
    expect(await week({ dir, today: "2026-12-10", status: true }, memoryIO())).toMatchObject({ streak: 1 });
  });
});
