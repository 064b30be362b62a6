import { describe, expect, it } from "vitest";
import { status } from "../../src/commands/status.js";
import { call } from "../helpers/in-process.js";
import { workspace } from "../helpers/workspace.js";

// A folder adopted in place has no roadmap yet: status says what to do instead of five zero bars.
describe("learn status in an adopted folder", () => {
  it("says readiness needs a roadmap rather than showing every role at 0", async () => {
    const root = workspace(
      { "notes/git/stash.md": "# Git stash\n\nKeep changes aside.\n" },
      { config: "dialect: markdown\n" },
    );
    const r = await call(status, { dir: root, today: "2026-12-02" }, { COLUMNS: "100" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Readiness no roadmap items yet: learn new roadmap "My roadmap"/m);
    expect(r.stdout).not.toMatch(/^ {2}backend /m);
  });

  it("keeps the bars in learn's own workspace", async () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\n---\nBody.\n" });
    const r = await call(status, { dir: root, today: "2026-12-02" }, { COLUMNS: "100" });
    expect(r.stdout).toMatch(/^ {2}backend +/m);
  });
});
