import { describe, expect, it } from "vitest";
import { readiness } from "../../src/commands/readiness.js";
import { revisit } from "../../src/commands/revisit.js";
import { status } from "../../src/commands/status.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { noteText, workspace } from "../helpers/workspace.js";

// Two notes with one file name (github/github-pages.md, github-actions/github-pages.md) are shown
// by the name that reaches each (its path from the notes folder), in every list a user reads a
// name from to type it next: the due list, status and readiness. A unique name stays the slug.
const roadmap = noteText(
  { title: "Roadmap", type: "roadmap", status: "evergreen", domain: "core-backend" },
  [
    "# Roadmap",
    "",
    "## Core backend (core-backend) [backend]",
    "",
    "- Static sites (static-sites): hosting pages.",
    "",
  ].join("\n"),
);
const note = (title: string) =>
  noteText({
    title,
    status: "evergreen",
    domain: "core-backend",
    roles: ["backend"],
    covers: ["static-sites"],
    published: "2026-10-01",
  });
const TWINS = {
  "notes/roadmap/roadmap.md": roadmap,
  "notes/github/github-pages.md": note("Pages on GitHub"),
  "notes/github-actions/github-pages.md": note("Pages by Actions"),
  "notes/hub.md": note("Hub"),
};
const today = "2026-12-01";

describe("same-name notes are shown by the name that reaches each", () => {
  it("revisit's due list names each twin by its path and a unique note by its slug; the name works as typed", async () => {
    const root = workspace(TWINS);
    const out = (await call(revisit, { dir: root, today })).stdout;
    expect(out).toMatch(/^github\/github-pages\s/m);
    expect(out).toMatch(/^github-actions\/github-pages\s/m);
    expect(out).toMatch(/^hub\s/m);
    expect(out).not.toMatch(/^github-pages\s/m);
    const done = await call(revisit, { dir: root, today, slug: "github-actions/github-pages", rating: "good" });
    expect(done.code).toBe(0);
    const after = (await call(revisit, { dir: root, today })).stdout;
    expect(after).not.toMatch(/^github-actions\/github-pages\s/m);
    expect(after).toMatch(/^github\/github-pages\s/m);
  });

  it("status lists the due twins by path; its JSON keeps slug and adds nothing", async () => {
    const root = workspace(TWINS);
    const text = (await call(status, { dir: root, today })).stdout;
    expect(text).toContain("github/github-pages");
    expect(text).toContain("github-actions/github-pages");
    const json = jsonOf<{ due: { top: Record<string, unknown>[] } }>(
      await call(status, { dir: root, today, json: true }),
    );
    const twin = json.due.top.find((t) => t.title === "Pages by Actions");
    expect(twin).toEqual({
      slug: "github-pages",
      title: "Pages by Actions",
      due: expect.any(String),
      overdue: expect.any(Number),
    });
  });

  it("readiness names each twin among an item's notes by its path", async () => {
    const root = workspace(TWINS);
    const out = (await call(readiness, { dir: root, today, role: "backend" })).stdout.replace(/\s+/g, " ");
    expect(out).toContain("github/github-pages (");
    expect(out).toContain("github-actions/github-pages (");
    expect(out).toContain("hub (");
  });
});
