import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { roadmapFindings } from "../../src/core/check-roadmap.js";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { validateConfig } from "../../src/core/config-schema.js";
import { parseNote } from "../../src/core/note-parse.js";
import { mergeRoadmaps, parseRoadmap, parseRoleList } from "../../src/core/readiness-roadmap.js";
import { coverage, roleNeeds } from "../../src/core/readiness-score.js";

const BUNDLED = readFileSync(
  new URL("../../notes/roadmap/backend-and-ai-infrastructure-roadmap.md", import.meta.url),
  "utf8",
);

const neededBy = (
  role: string,
  items = mergeRoadmaps([{ path: "r.md", body: parseNote(BUNDLED, "r").body }]).items,
) => [...roleNeeds(DEFAULT_CONFIG, items).get(role)!.weights.keys()];

describe("roles need specific roadmap items", () => {
  it("reads roles from a section heading and from a bullet, with weights", () => {
    const { items } = parseRoadmap(
      [
        "## Core backend (core-backend) [backend, production-infrastructure]",
        "- HTTP (http) [ai-api]: basics.",
        "- API (api) [ai-api:2, backend:0.5]: contracts.",
        "## AI infrastructure (ai-infrastructure)",
        "- GPU (gpu) [production-infrastructure]: inference.",
        "- Registry (registry): vocabulary.",
      ].join("\n"),
    );
    expect(items.map((i) => [i.id, i.domain, i.roles])).toEqual([
      ["http", "core-backend", { backend: 1, "production-infrastructure": 1, "ai-api": 1 }],
      ["api", "core-backend", { backend: 0.5, "production-infrastructure": 1, "ai-api": 2 }],
      ["gpu", "ai-infrastructure", { "production-infrastructure": 1 }],
      ["registry", "ai-infrastructure", {}],
    ]);
    expect(parseRoleList("Backend, x:3, not a role, y:z")).toEqual({ backend: 1, x: 3 });
  });

  it("maps the bundled roadmap sensibly: backend never needs an AI-infrastructure-only item", () => {
    expect(neededBy("backend")).toEqual([
      "http-fundamentals",
      "api-contracts",
      "python-services",
      "data-access",
      "operational-hygiene",
      "secrets-out-of-source",
      "least-privilege",
      "logs-without-private-data",
      "timeouts-and-error-policies",
      "rollback-paths",
    ]);
    expect(neededBy("data")).toEqual(["data-access", "managed-postgres", "object-storage", "queues"]);
    expect(neededBy("ai-api")).toEqual([
      "http-fundamentals",
      "api-contracts",
      "llm-api-integration",
      "model-registry-vocabulary",
      "media-pipeline-stages",
      "timeouts-and-error-policies",
    ]);
    expect(neededBy("production-infrastructure")).toContain("gpu-inference-concepts");
    expect(neededBy("production-infrastructure")).toContain("operational-hygiene");
    expect(neededBy("cloud")).not.toContain("llm-api-integration");
  });

  it("adds, reweighs and drops needs from learn.config.yaml (a list or a mapping; a domain stands for its items)", () => {
    const config = validateConfig(
      {
        roles: {
          backend: { name: "Backend engineer", needs: ["ai-infrastructure", { http: 3 }, { gpu: 0 }, "nope"] },
          data: { name: "Data engineer", needs: { api: 2 } },
          cloud: "Cloud engineer",
        },
      },
      "c.yaml",
    );
    expect(config.roles).toEqual({ backend: "Backend engineer", data: "Data engineer", cloud: "Cloud engineer" });
    const { items } = parseRoadmap(
      "## Core (core) [backend]\n- HTTP (http): x.\n- API (api): x.\n## AI (ai-infrastructure)\n- GPU (gpu): x.\n- Reg (reg): x.\n",
    );
    const needs = roleNeeds(config, items);
    expect(Object.fromEntries(needs.get("backend")!.weights)).toEqual({ http: 3, api: 1, reg: 1 });
    expect(needs.get("backend")!.unknown).toEqual(["nope"]);
    expect(Object.fromEntries(needs.get("data")!.weights)).toEqual({ api: 2 });
    expect(needs.get("cloud")!.weights.size).toBe(0);
  });

  it("treats ids as global across roadmap notes: the first wins, later ones are check errors", () => {
    const a = "---\ntitle: A\ntype: roadmap\n---\n## Core (core)\n- HTTP (http): x.\n- HTTP twice (http): y.\n";
    const b = "---\ntitle: B\ntype: roadmap\n---\n\n## More (more)\n- HTTP again (http): z.\n- Queues (queues): q.\n";
    const notes = [
      { path: "notes/b.md", text: b, parsed: parseNote(b, "b") },
      { path: "notes/a.md", text: a, parsed: parseNote(a, "a") },
    ];
    const merged = mergeRoadmaps(notes.map((n) => ({ path: n.path, body: n.parsed.body })));
    expect(merged.items.map((i) => `${i.path}:${i.id}`)).toEqual(["notes/a.md:http", "notes/b.md:queues"]);
    expect(roadmapFindings(notes)).toEqual([
      expect.objectContaining({
        path: "notes/a.md",
        line: 7,
        rule: "roadmap/duplicate-item",
        severity: "error",
        message: "roadmap item id http is already used at notes/a.md:6",
      }),
      expect.objectContaining({
        path: "notes/b.md",
        line: 7,
        message: "roadmap item id http is already used at notes/a.md:6",
      }),
    ]);
  });

  it("reads a link to an existing note as about that note, even when its slug is also an item id", () => {
    const items = [{ id: "rollback-paths", links: [] }];
    const notes = [
      { slug: "rollback-paths", type: "doc", covers: ["rollback-paths"] },
      { slug: "launch-checklist", type: "doc", covers: [] },
    ];
    const links = [
      { from_slug: "launch-checklist", target: "rollback-paths", to_slug: "rollback-paths" },
      { from_slug: "launch-checklist", target: "Rollback-Paths", to_slug: null },
    ];
    expect([...coverage(items, notes, links.slice(0, 1)).get("rollback-paths")!]).toEqual(["rollback-paths"]);
    expect([...coverage(items, notes, links).get("rollback-paths")!].sort()).toEqual([
      "launch-checklist",
      "rollback-paths",
    ]);
  });
});
