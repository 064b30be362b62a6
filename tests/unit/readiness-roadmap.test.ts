import { describe, expect, it } from "vitest";
import { parseRoadmapItems } from "../../src/core/readiness-roadmap.js";

describe("roadmap items", () => {
  it("reads `- Name (id): ...` bullets with their section's domain, skipping checklists, code and repeats", () => {
    const body = [
      "## Core backend (core-backend)",
      "- HTTP fundamentals (http-fundamentals): methods.",
      "* **API contracts** (api-contracts): see [[api-design]] and [[Errors|the errors note]].",
      "- Not an item: no id.",
      "```",
      "- Fake (fake-item): in a code block.",
      "```",
      "## Where to start",
      "- [ ] Done when (done-item): a task, not an item.",
      "- Later (later): no domain here.",
      "- HTTP again (http-fundamentals): a repeat.",
    ].join("\n");
    expect(parseRoadmapItems(body)).toEqual([
      { id: "http-fundamentals", name: "HTTP fundamentals", domain: "core-backend", links: [], line: 2, roles: {} },
      {
        id: "api-contracts",
        name: "API contracts",
        domain: "core-backend",
        links: ["api-design", "errors"],
        line: 3,
        roles: {},
      },
      { id: "later", name: "Later", links: [], line: 10, roles: {} },
    ]);
  });
});
