// Issue 10, items 12 (check side), 14, 17 and 19: check finds every private link and duplicate,
// stays linear in links, and an unusable .learn/ never ends in "internal error".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
import { revisit } from "../../src/commands/revisit.js";
import { LearnError } from "../../src/core/errors.js";
import { memoryIO } from "../../src/ui/io.js";
import { noteText, workspace } from "../helpers/workspace.js";

const pub = (title: string, body: string, extra: Record<string, unknown> = {}): string =>
  noteText({ title, visibility: "public", ...extra }, body);
const priv = (title: string): string => noteText({ title }, "Hidden.\n");

/** Run `learn check --json` in-process; findings and whether it failed. */
async function runCheck(root: string) {
  const io = memoryIO();
  let failed = false;
  try {
    await check({ dir: root, json: true }, io);
  } catch {
    failed = true;
  }
  const doc = JSON.parse(io.stdout.join("")) as {
    findings: { path: string; line: number | null; rule: string; severity: string; message: string }[];
  };
  return { failed, findings: doc.findings, stderr: io.stderr.join("") };
}

describe("item 12: check reports a public note linking to a private note, whatever the link form", () => {
  const forms = [
    "[x](private.md?x=1)",
    "[x](private.md#frag)",
    "[x](./private.md)",
    "[x](priv%61te.md)",
    "[x](Private.md)",
    '[x](<private.md> "title")',
    "[x](/notes/private.md)",
    "[x][ref]\n\n[ref]: private.md?y=2",
  ];
  for (const form of forms) {
    it(`reports ${JSON.stringify(form)}`, async () => {
      const root = workspace({ "notes/pub.md": pub("Pub", `See ${form}.\n`), "notes/private.md": priv("Private") });
      const r = await runCheck(root);
      const hit = r.findings.find((f) => f.rule === "private-link");
      expect(hit, JSON.stringify(r.findings)).toBeDefined();
      expect(hit!.path).toBe("notes/pub.md");
      expect(hit!.line).toBeGreaterThan(4);
      expect(r.failed).toBe(true);
    });
  }
});

describe("item 14: check is linear in links", () => {
  // The quadratic check scanned the note's text once per link: 100k links took minutes.
  it("checks a 1 MB note of 100k wikilinks within the default test timeout", async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `[[m${i.toString(36)}]]`).join(" ") + "\n";
    const root = workspace({ "notes/big.md": pub("Big", body), "notes/ok.md": pub("Ok", "x\n") });
    const r = await runCheck(root);
    const broken = r.findings.filter((f) => f.rule === "broken-link");
    expect(broken).toHaveLength(100_000);
    expect(broken.every((f) => f.line === 5)).toBe(true);
  });

  it("checks 10k related: entries, each on its own line", async () => {
    const related = Array.from({ length: 10_000 }, (_, i) => `  - gone-${i}`).join("\n");
    const root = workspace({ "notes/rel.md": `---\ntitle: Rel\nrelated:\n${related}\n---\nx\n` });
    const r = await runCheck(root);
    const broken = r.findings.filter((f) => f.rule === "broken-link");
    expect(broken).toHaveLength(10_000);
    expect(broken.find((f) => f.message.includes("gone-9999"))!.line).toBe(4 + 9999);
  });
});

describe("item 12: duplicate ids", () => {
  const twins = (): string =>
    workspace({
      "notes/a.md": noteText({ id: "k3x9q2m7", title: "A", published: "2026-01-01" }),
      "notes/sub/b.md": noteText({ id: "K3X9Q2M7", title: "B (a copy of A)", published: "2026-01-01" }),
      // a revisit of b logged by slug (before b had the copied id) must stay b's alone
      "revisits.jsonl": `${JSON.stringify({ v: 1, event: "revisit", note: "b", date: "2026-02-01", rating: "good" })}\n`,
    });

  it("check reports a duplicate id on both notes, naming the other path", async () => {
    const r = await runCheck(twins());
    const dups = r.findings.filter((f) => f.rule === "duplicate-id");
    expect(dups.map((f) => [f.path, f.line, f.severity])).toEqual([
      ["notes/a.md", 2, "error"],
      ["notes/sub/b.md", 2, "error"],
    ]);
    expect(dups[0]!.message).toContain("also used by notes/sub/b.md");
    expect(dups[1]!.message).toContain("also used by notes/a.md");
    expect(r.failed).toBe(true);
  });

  it("two notes sharing an id do not share a revisit history", async () => {
    const root = twins();
    const show = async (slug: string) => {
      const io = memoryIO();
      await revisit({ dir: root, slug, json: true, today: "2026-03-01" }, io);
      return JSON.parse(io.stdout.join("")) as { revisits: number; lastRating: string | null };
    };
    expect((await show("b")).revisits).toBe(1);
    expect((await show("a")).revisits).toBe(0);
  });

  it("refuses to log a revisit under an id two notes share, and writes nothing", async () => {
    const root = twins();
    const before = readFileSync(join(root, "revisits.jsonl"), "utf8");
    const io = memoryIO();
    const err = await revisit({ dir: root, slug: "a", rating: "good", today: "2026-03-01" }, io).catch((e) => e);
    expect(err).toBeInstanceOf(LearnError);
    expect(err.message).toMatch(/notes\/a\.md: id k3x9q2m7 is also used by notes\/sub\/b\.md/);
    expect(err.hint).toContain("learn check");
    expect(readFileSync(join(root, "revisits.jsonl"), "utf8")).toBe(before);
  });
});
