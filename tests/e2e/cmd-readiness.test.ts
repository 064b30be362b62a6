import { describe, expect, it } from "vitest";
import { readiness } from "../../src/commands/readiness.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const roadmap = noteText(
  { title: "Roadmap", type: "roadmap", status: "evergreen", domain: "core-backend" },
  [
    "# Roadmap",
    "",
    "## Core backend (core-backend)",
    "",
    "- HTTP fundamentals (http-fundamentals): methods and status codes.",
    "- API contracts (api-contracts): versioning and errors. Start with [[api-design]].",
    "- Data access (data-access): transactions.",
    "",
    "## Cloud and deployment (cloud-deployment)",
    "",
    "- Queues (queues): at-least-once delivery.",
    "",
    "## Done when",
    "",
    "- [ ] Every item is covered (not-an-item): ignored.",
    "",
  ].join("\n"),
);

const files = {
  "notes/roadmap/roadmap.md": roadmap,
  // covers by `covers:`
  "notes/core-backend/http.md": noteText({
    title: "HTTP",
    type: "doc",
    status: "evergreen",
    domain: "core-backend",
    roles: ["backend"],
    covers: ["http-fundamentals"],
    published: "2026-11-25",
  }),
  // covered because the roadmap bullet links to it
  "notes/core-backend/api-design.md": noteText({
    title: "API design",
    type: "doc",
    status: "budding",
    domain: "core-backend",
    roles: ["backend"],
    published: "2026-11-25",
  }),
  // covers by linking to the item id
  "notes/cloud-deployment/sqs.md": noteText(
    {
      title: "SQS",
      type: "doc",
      status: "seedling",
      domain: "cloud-deployment",
      roles: ["cloud"],
      published: "2026-10-01",
    },
    "See [[queues]].\n",
  ),
};

const run = (root: string, opts: { json?: boolean; role?: string } = {}) =>
  call(readiness, { dir: root, today: "2026-11-27", ...opts });

describe("learn readiness", () => {
  it("scores each role and domain from roadmap coverage, note status and revisits (--json)", async () => {
    const r = await run(workspace(files), { json: true });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.items).toBe(4);
    const backend = j.roles.find((g: { id: string }) => g.id === "backend");
    // covered 2/4, maturity (1 + 0.5)/2, on-time 2/2 (first revisits due 2026-12-02)
    expect(backend).toMatchObject({
      notes: 2,
      status: { seedling: 0, budding: 1, evergreen: 1 },
      items: { total: 4, covered: 2, uncovered: ["data-access", "queues"] },
      revisits: { on_time: 2, overdue: 0 },
    });
    expect(backend.score).toBe(Math.round(100 * (0.5 * 0.5 + 0.3 * 0.75 + 0.2 * 1)));
    const cloud = j.roles.find((g: { id: string }) => g.id === "cloud");
    // sqs was published 2026-10-01: its first revisit (7d) is overdue
    expect(cloud).toMatchObject({
      notes: 1,
      items: { covered: 1 },
      revisits: { on_time: 0, overdue: 1 },
      score: Math.round(100 * (0.5 * 0.25)),
    });
    expect(j.roles.find((g: { id: string }) => g.id === "data")).toMatchObject({ notes: 0, score: 0 });
    const core = j.domains.find((g: { id: string }) => g.id === "core-backend");
    expect(core).toMatchObject({ notes: 2, items: { total: 3, covered: 2, uncovered: ["data-access"] } });
  });

  it("shows bars in the terminal, and one role's uncovered items as the next things to learn", async () => {
    const root = workspace(files);
    const all = runCli(["readiness"], { cwd: root, env: { LEARN_TODAY: "2026-11-27" } });
    expect(all.code).toBe(0);
    expect(all.stdout.replace(/\n {4}/g, " ")).toMatch(
      /^ {2}backend +█+░+ +\d+\s+2 notes \(0 seedling, 1 budding, 1 evergreen\) · 2\/4 items · revisits 2 on time, 0 overdue$/m,
    );
    const one = await run(root, { role: "backend" });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("Next to learn");
    expect(one.stdout).toContain("  - Data access (data-access) core-backend\n  - Queues (queues) cloud-deployment");
    expect(one.stdout).not.toContain("http-fundamentals");
  });

  it("refuses an unknown role, listing the valid ones", async () => {
    const r = await run(workspace(files), { role: "designer" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "unknown role: designer (use one of backend, cloud, data, ai-api, production-infrastructure)",
    );
  });

  it("prints the score formula in its help", async () => {
    const r = runCli(["readiness", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("score = round(100 x (0.5 x covered + 0.3 x maturity + 0.2 x on-time))");
    expect(r.stdout).toContain("maturity = mean over the group's notes of seedling 0, budding 0.5, evergreen 1");
  });

  it("says so when there is no roadmap, and scores without coverage", async () => {
    const r = await run(
      workspace({
        "notes/a.md": noteText({
          title: "A",
          status: "evergreen",
          domain: "core-backend",
          roles: ["backend"],
          published: "2026-11-26",
        }),
      }),
      { json: true },
    );
    expect(r.stderr).toContain("no roadmap items found");
    expect(JSON.parse(r.stdout).roles[0]).toMatchObject({ id: "backend", score: 100 });
  });
});
