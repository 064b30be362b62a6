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
    "## Core backend (core-backend) [backend]",
    "",
    "- HTTP fundamentals (http-fundamentals): methods and status codes.",
    "- API contracts (api-contracts): versioning and errors. Start with [[api-design]].",
    "- Data access (data-access): transactions.",
    "",
    "## Cloud and deployment (cloud-deployment) [cloud]",
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
    // the role needs its section's 3 items; two are noted (private notes), one has nothing: (1 + 1 + 0) / (3 x 4)
    expect(backend).toMatchObject({
      levels: [1, 2, 0, 0, 0],
      items: [
        { id: "http-fundamentals", weight: 1, level: 1 },
        { id: "api-contracts", weight: 1, level: 1 },
        { id: "data-access", weight: 1, level: 0 },
      ],
    });
    expect(backend.score).toBe(Math.round((100 * 2) / 12));
    const cloud = j.roles.find((g: { id: string }) => g.id === "cloud");
    expect(cloud).toMatchObject({ items: [{ id: "queues", level: 1 }], score: 25 });
    expect(j.roles.find((g: { id: string }) => g.id === "data")).toMatchObject({ items: [], score: 0 });
    const core = j.domains.find((g: { id: string }) => g.id === "core-backend");
    expect(core).toMatchObject({ levels: [1, 2, 0, 0, 0], score: 17 });
  });

  it("shows bars in the terminal, and one role's uncovered items as the next things to learn", async () => {
    const root = workspace(files);
    const all = runCli(["readiness"], { cwd: root, env: { LEARN_TODAY: "2026-11-27" } });
    expect(all.code).toBe(0);
    expect(all.stdout.replace(/\n {4}/g, " ")).toMatch(/^ {2}backend +█+░+ +17\s+3 items: 2 noted, 1 nothing$/m);
    const one = await run(root, { role: "backend" });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("  data-access: write a note that covers it: covers: [data-access]");
    expect(one.stdout.replace(/\n {6}/g, "  ")).toMatch(
      /^ {2}1 noted +HTTP fundamentals \(http-fundamentals\) +http \(evergreen, private\)$/m,
    );
    expect(one.stdout).not.toContain("queues");
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
    expect(r.stdout).toContain("score = round(100 x weighted mean of its items' rungs / 4)");
    expect(r.stdout).toContain("4 known          a public covering note was revisited on time after a build use");
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
    expect(JSON.parse(r.stdout).roles[0]).toMatchObject({ id: "backend", score: 0 });
  });
});
