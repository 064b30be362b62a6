import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

// The built binary parses big batches on a worker thread (store/parse-pool.ts): the dialect must reach it.
describe("link dialect on the parse worker", () => {
  it("a build of 1,200 notes reads Dendron's [[label|target]] the Dendron way", () => {
    const files: Record<string, string> = { "notes/dev.target.md": noteText({ title: "Target" }) };
    for (let i = 0; i < 1200; i++) files[`notes/n.${i}.md`] = noteText({ title: `N ${i}` }, "[[Label|dev.target]]\n");
    const root = workspace(files, { config: "dialect: dendron\n" });
    const r = runCli(["show", "dev.target", "--json", "--dir", root]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { backlinks: { to_path: string }[] };
    expect(out.backlinks).toHaveLength(1200);
  }, 60_000);
});
