// Issue 10, items 12 (check side), 14, 17 and 19: check finds every private link and duplicate,
// stays linear in links, and an unusable .learn/ never ends in "internal error".
import { describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
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
