import { describe, expect, it } from "vitest";
import { list } from "../../src/commands/list.js";
import { readiness } from "../../src/commands/readiness.js";
import { revisit } from "../../src/commands/revisit.js";
import { search } from "../../src/commands/search.js";
import { status } from "../../src/commands/status.js";
import { memoryIO, type IO } from "../../src/ui/io.js";
import { displayWidth } from "../../src/ui/terminal-text.js";
import { noteText, workspace } from "../helpers/workspace.js";

// Every table and `learn status`, captured in-process at 40, 80 and 200 columns (COLUMNS, as when
// stdout is not a terminal). Expected text is written out in full: a change in layout shows here.

const TODAY = "2026-11-27";
const files = {
  "notes/roadmap/roadmap.md": noteText(
    { title: "Roadmap", type: "roadmap", status: "evergreen", domain: "core-backend", published: "2026-11-20" },
    "- HTTP fundamentals (http-fundamentals) [backend]: methods.\n- Queues (queues) [backend, ai-api]: delivery.\n",
  ),
  "notes/core-backend/idempotency-keys-for-payment-apis.md": noteText({
    title: "Idempotency keys for payment APIs and the retries that need them",
    type: "doc",
    status: "budding",
    domain: "core-backend",
    roles: ["backend"],
    covers: ["http-fundamentals"],
    summary: "Recognise when a retried request must not charge twice, and how a key makes it safe",
    published: "2026-09-01",
    updated: "2026-09-02",
  }),
  "notes/ai-infrastructure/gpu.md": noteText({
    title: "GPU 调度 scheduling 🚀",
    type: "cheatsheet",
    status: "seedling",
    domain: "ai-infrastructure",
    roles: ["ai-api"],
    published: "2026-10-01",
    updated: "2026-10-03",
  }),
};

const opts = (root: string) => ({ dir: root, today: TODAY });
async function capture(columns: number, run: (io: IO) => Promise<unknown>): Promise<string> {
  const io = memoryIO({ COLUMNS: String(columns) });
  await run(io);
  return io.stdout.join("");
}

const lines = (text: string) => text.split("\n");

describe("tables fit the terminal", () => {
  it("learn list at 40, 80 and 200 columns", async () => {
    const root = workspace(files);
    const at = (w: number) => capture(w, (io) => list({ ...opts(root), filters: [] }, io));
    expect(await at(40)).toMatchInlineSnapshot(`
      "title         path
      GPU 调度 sc…  notes/ai-infrastructure/g…
      Idempotency…  notes/core-backend/idempo…
      Roadmap       notes/roadmap/roadmap.md
      "
    `);
    expect(await at(80)).toMatchInlineSnapshot(`
      "title                     status     updated     path
      GPU 调度 scheduling 🚀    seedling   2026-10-03  notes/ai-infrastructure/gpu.md
      Idempotency keys for pa…  budding    2026-09-02  notes/core-backend/idempotency…
      Roadmap                   evergreen  -           notes/roadmap/roadmap.md
      "
    `);
    expect(await at(200)).toMatchInlineSnapshot(`
      "title                                             type        status     domain             updated     path
      GPU 调度 scheduling 🚀                            cheatsheet  seedling   ai-infrastructure  2026-10-03  notes/ai-infrastructure/gpu.md
      Idempotency keys for payment APIs and the retri…  doc         budding    core-backend       2026-09-02  notes/core-backend/idempotency-keys-for-payment-apis.md
      Roadmap                                           roadmap     evergreen  core-backend       -           notes/roadmap/roadmap.md
      "
    `);
  });

  it("learn revisit at 40, 80 and 200 columns", async () => {
    const root = workspace(files);
    const at = (w: number) => capture(w, (io) => revisit({ ...opts(root) }, io));
    expect(await at(40)).toMatchInlineSnapshot(`
      "idempotency-keys-for-payment-apis
      gpu
      roadmap
      "
    `);
    expect(await at(80)).toMatchInlineSnapshot(`
      "idempotency-keys-for-payment-apis  Idempotency keys for paymen…  80 days overdue
      gpu                                GPU 调度 scheduling 🚀        50 days overdue
      roadmap                            Roadmap                       due today
      "
    `);
    expect(await at(200)).toMatchInlineSnapshot(`
      "idempotency-keys-for-payment-apis  Idempotency keys for payment APIs a…  80 days overdue  never revisited (published 2026-09-01)
      gpu                                GPU 调度 scheduling 🚀                50 days overdue  never revisited (published 2026-10-01)
      roadmap                            Roadmap                               due today        never revisited (published 2026-11-20)
      "
    `);
  });

  it("learn readiness at 40, 80 and 200 columns", async () => {
    const root = workspace(files);
    const at = (w: number) => capture(w, (io) => readiness({ ...opts(root) }, io));
    expect(await at(40)).toMatchInlineSnapshot(`
      "Roles
        backend                    █░░░░░  13
          2 items: 1 noted, 1 nothing
        cloud                      ░░░░░░   0
          no roadmap items for it
        data                       ░░░░░░   0
          no roadmap items for it
        ai-api                     ░░░░░░   0
          1 item: 1 nothing
        production-infrastructure  ░░░░░░   0
          no roadmap items for it

      Domains
        core-backend          ░░░░░░░░░░░   0
          1 note; no roadmap items for it
        cloud-deployment      ░░░░░░░░░░░   0
          no roadmap items for it
        ai-infrastructure     ░░░░░░░░░░░   0
          1 note; no roadmap items for it
        security-reliability  ░░░░░░░░░░░   0
          no roadmap items for it

      rungs and score: learn readiness --help
      per item: learn readiness --role ID
      trend: --history
      "
    `);
    expect(await at(80)).toMatchInlineSnapshot(`
      "Roles
        backend                    ███░░░░░░░░░░░░░░░░░  13
          2 items: 1 noted, 1 nothing
        cloud                      ░░░░░░░░░░░░░░░░░░░░   0
          no roadmap items for it
        data                       ░░░░░░░░░░░░░░░░░░░░   0
          no roadmap items for it
        ai-api                     ░░░░░░░░░░░░░░░░░░░░   0
          1 item: 1 nothing
        production-infrastructure  ░░░░░░░░░░░░░░░░░░░░   0
          no roadmap items for it

      Domains
        core-backend          ░░░░░░░░░░░░░░░░░░░░   0
          1 note; no roadmap items for it
        cloud-deployment      ░░░░░░░░░░░░░░░░░░░░   0
          no roadmap items for it
        ai-infrastructure     ░░░░░░░░░░░░░░░░░░░░   0
          1 note; no roadmap items for it
        security-reliability  ░░░░░░░░░░░░░░░░░░░░   0
          no roadmap items for it

      rungs and score: learn readiness --help
      per item: learn readiness --role ID
      trend: --history
      "
    `);
    expect(await at(200)).toMatchInlineSnapshot(`
      "Roles
        backend                    ███░░░░░░░░░░░░░░░░░  13  2 items: 1 noted, 1 nothing
        cloud                      ░░░░░░░░░░░░░░░░░░░░   0  no roadmap items for it
        data                       ░░░░░░░░░░░░░░░░░░░░   0  no roadmap items for it
        ai-api                     ░░░░░░░░░░░░░░░░░░░░   0  1 item: 1 nothing
        production-infrastructure  ░░░░░░░░░░░░░░░░░░░░   0  no roadmap items for it

      Domains
        core-backend          ░░░░░░░░░░░░░░░░░░░░   0  1 note; no roadmap items for it
        cloud-deployment      ░░░░░░░░░░░░░░░░░░░░   0  no roadmap items for it
        ai-infrastructure     ░░░░░░░░░░░░░░░░░░░░   0  1 note; no roadmap items for it
        security-reliability  ░░░░░░░░░░░░░░░░░░░░   0  no roadmap items for it

      rungs and score: learn readiness --help · per item: learn readiness --role ID · trend: --history
      "
    `);
  });

  it("learn search at 40, 80 and 200 columns", async () => {
    const root = workspace(files);
    const at = (w: number) => capture(w, (io) => search({ ...opts(root), query: ["retried"] }, io));
    expect(await at(40)).toMatchInlineSnapshot(`
      "1. Idempotency keys for payment APIs an…
         notes/core-backend/idempotency-keys-…
         Recognise when a retried request mus…
      "
    `);
    expect(await at(80)).toMatchInlineSnapshot(`
      "1. Idempotency keys for payment APIs and the retries that need them
         notes/core-backend/idempotency-keys-for-payment-apis.md  doc · budding · cor…
         Recognise when a retried request must not charge twice, and how a key makes…
      "
    `);
    expect(await at(200)).toMatchInlineSnapshot(`
      "1. Idempotency keys for payment APIs and the retries that need them
         notes/core-backend/idempotency-keys-for-payment-apis.md  doc · budding · core-backend
         Recognise when a retried request must not charge twice, and how a key makes…
      "
    `);
  });

  it("learn status at 40, 80 and 200 columns", async () => {
    const root = workspace(files);
    await capture(80, (io) => status({ ...opts(root) }, io)); // first run builds the index
    // the first line holds the workspace's temp path, whose length varies: checked on its own
    const at = async (w: number) => {
      const [head = "", ...rest] = lines(await capture(w, (io) => status({ ...opts(root) }, io)));
      expect(head.startsWith("learn status 2026-11-27 · ")).toBe(true);
      expect(displayWidth(head)).toBeLessThanOrEqual(w);
      return rest.join("\n");
    };
    expect(await at(40)).toMatchInlineSnapshot(`
      "
      Index     3 notes; no problems
      Revisits  3 notes due now
        idempotency-keys-for…  80 days overdue
        gpu                    50 days overdue
        roadmap                due today
      Week      2026-W48: 0 of 5 steps · stre…
        › 1. Pick one domain
        ○ 2. Write one public, transferable n…
        ○ 3. Add one checklist
        ○ 4. Link it to a role-readiness group
        ○ 5. Plan its revisit after using the…
      Readiness
        backend                    █░░░░░  13
        cloud                      ░░░░░░   0
        data                       ░░░░░░   0
        ai-api                     ░░░░░░   0
        production-infrastructure  ░░░░░░   0

      Next: learn week  (this week's loop has…
      "
    `);
    expect(await at(80)).toMatchInlineSnapshot(`
      "
      Index     3 notes; no problems
      Revisits  3 notes due now
        idempotency-keys-for-payment-apis  80 days overdue
        gpu                                50 days overdue
        roadmap                            due today
      Week      2026-W48: 0 of 5 steps · streak: no streak yet
        › 1. Pick one domain
        ○ 2. Write one public, transferable note
        ○ 3. Add one checklist
        ○ 4. Link it to a role-readiness group
        ○ 5. Plan its revisit after using the concept in a real build
      Readiness
        backend                    ███░░░░░░░░░░░░░░░░░  13  ±0 since last week
        cloud                      ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week
        data                       ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week
        ai-api                     ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week
        production-infrastructure  ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week

      Next: learn week  (this week's loop has not started)
      "
    `);
    expect(await at(200)).toMatchInlineSnapshot(`
      "
      Index     3 notes; no problems
      Revisits  3 notes due now
        idempotency-keys-for-payment-apis  80 days overdue
        gpu                                50 days overdue
        roadmap                            due today
      Week      2026-W48: 0 of 5 steps · streak: no streak yet
        › 1. Pick one domain
        ○ 2. Write one public, transferable note
        ○ 3. Add one checklist
        ○ 4. Link it to a role-readiness group
        ○ 5. Plan its revisit after using the concept in a real build
      Readiness
        backend                    ███░░░░░░░░░░░░░░░░░  13  ±0 since last week
        cloud                      ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week
        data                       ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week
        ai-api                     ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week
        production-infrastructure  ░░░░░░░░░░░░░░░░░░░░   0  ±0 since last week

      Next: learn week  (this week's loop has not started)
      "
    `);
  });

  it("no line is wider than the terminal, whatever the command", async () => {
    const root = workspace(files);
    for (const w of [40, 80])
      for (const run of [
        (io: IO) => list({ ...opts(root), filters: [] }, io),
        (io: IO) => revisit({ ...opts(root) }, io),
        (io: IO) => readiness({ ...opts(root) }, io),
        (io: IO) => search({ ...opts(root), query: ["retried"] }, io),
      ])
        for (const l of lines(await capture(w, run))) expect(displayWidth(l)).toBeLessThanOrEqual(w);
  });
});
