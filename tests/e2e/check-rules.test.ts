import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
import { index } from "../../src/commands/index.js";
import { status } from "../../src/commands/status.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { workspace } from "../helpers/workspace.js";
import { initialize, startLsp, type Lsp } from "./lsp-client.js";

// A fake GitHub token, built at run time so this file does not look like a leak.
const TOKEN = "ghp_" + "wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx";

interface CheckJson {
  summary: { rule: string; severity: string; count: number }[];
  findings: { path: string; rule: string; severity: string; message: string }[];
  counts: { files: number; errors: number; warnings: number };
}
const json = (stdout: string): CheckJson => JSON.parse(stdout) as CheckJson;
const rulesOf = (j: CheckJson): string[] => j.findings.map((f) => `${f.rule}:${f.severity}`).sort();

/** A note with a bad status, an unconfigured domain and two broken links. */
const MESSY = "---\ntitle: Messy\nstatus: ripe\ndomain: cooking\n---\nSee [[nowhere]] and [[elsewhere]].\n";
const config = (rules: Record<string, string>, extra = ""): string =>
  `${extra}check:\n  rules:\n${Object.entries(rules)
    .map(([k, v]) => `    ${k}: ${v}\n`)
    .join("")}`;

describe("learn check: rule settings", () => {
  it("turns a rule off, down to a warning or up to an error from check.rules", async () => {
    const root = workspace(
      { "notes/messy.md": MESSY },
      { config: config({ "front-matter/status": "off", "unknown-domain": "warning", "broken-link": "error" }) },
    );
    const r = await call(check, { dir: root, json: true });
    expect(rulesOf(json(r.stdout))).toEqual(["broken-link:error", "broken-link:error", "unknown-domain:warning"]);
    expect(r.code).toBe(1); // broken-link is an error now

    writeFileSync(join(root, "learn.config.yaml"), config({ "front-matter": "off", "broken-link": "off" }));
    const quiet = await call(check, { dir: root, json: true });
    expect(rulesOf(json(quiet.stdout))).toEqual(["unknown-domain:error"]); // a family id covers front-matter/*
  });

  it("warns about an unknown rule id, naming the known ids, and carries on", async () => {
    const root = workspace({ "notes/messy.md": MESSY }, { config: config({ "no-such-rule": "off" }) });
    const r = await call(check, { dir: root });
    expect(r.stderr).toMatch(/learn: warning: learn\.config\.yaml: check\.rules: unknown rule id "no-such-rule"/);
    expect(r.stderr).toMatch(/known ids: .*broken-link.*secret\/<name>/);
    expect(r.code).toBe(1); // the default rules still run
    expect(r.stdout).toContain("[front-matter/status]");
  });

  it("never turns a secret rule off (kept as an error, with a warning), but allows a warning", async () => {
    const note = `---\ntitle: Keys\n---\nGITHUB_TOKEN=${TOKEN}\n`;
    const off = workspace({ "notes/keys.md": note }, { config: config({ secret: "off" }) });
    const r = await call(check, { dir: off, json: true });
    expect(r.stderr).toMatch(/secret: a secret rule cannot be off .*\.learn-secrets-allow/);
    expect(json(r.stdout).findings).toEqual([expect.objectContaining({ rule: "secret/github", severity: "error" })]);
    expect(r.code).toBe(1);

    const warn = workspace({ "notes/keys.md": note }, { config: config({ "secret/github": "warning" }) });
    const w = await call(check, { dir: warn, json: true });
    expect(json(w.stdout).findings).toEqual([expect.objectContaining({ rule: "secret/github", severity: "warning" })]);
    expect(w.code).toBe(0);
  });
});

describe("learn check: summary and --rule", () => {
  const files = {
    "notes/messy.md": MESSY,
    "notes/other.md": "---\ntitle: Other\n---\nSee [[missing]].\n",
  };

  it("prints the count per rule first, the most first, then the findings", async () => {
    const root = workspace(files);
    const r = await call(check, { dir: root });
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "findings by rule (3 rules):",
      "  3  warning  broken-link",
      "  1  error    front-matter/status",
      "  1  error    unknown-domain",
      "",
    ]);
    expect(lines[5]).toMatch(/^notes\/messy\.md:\d+: /);
    expect(r.code).toBe(1);
  });

  it("puts the summary in the JSON", async () => {
    const r = await call(check, { dir: workspace(files), json: true });
    expect(json(r.stdout).summary).toEqual([
      { rule: "broken-link", severity: "warning", count: 3 },
      { rule: "front-matter/status", severity: "error", count: 1 },
      { rule: "unknown-domain", severity: "error", count: 1 },
    ]);
  });

  it("--rule shows only those rules (repeatable or a comma list) and exits by what is shown", async () => {
    const root = workspace(files);
    const links = await call(check, { dir: root, json: true, rule: ["broken-link"] });
    expect(rulesOf(json(links.stdout))).toEqual(["broken-link:warning", "broken-link:warning", "broken-link:warning"]);
    expect(links.code).toBe(0); // only warnings remain

    const two = await call(check, { dir: root, json: true, rule: ["broken-link,unknown-domain"] });
    expect(json(two.stdout).summary.map((s) => s.rule)).toEqual(["broken-link", "unknown-domain"]);
    expect(two.code).toBe(1);
    const fam = await call(check, { dir: root, json: true, rule: ["front-matter", "secret"] });
    expect(rulesOf(json(fam.stdout))).toEqual(["front-matter/status:error"]);

    const bad = await call(check, { dir: root, rule: ["brokn-link"] });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--rule: unknown rule id brokn-link .*known ids: .*broken-link/);
  });

  it("exits 1 only for an error finding, as a spawned binary (--rule on the command line)", () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\n---\nSee [[missing]].\n" });
    const warned = runCli(["check"], { cwd: root });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/^findings by rule \(1 rule\):\n {2}1 {2}warning {2}broken-link\n\nnotes\/a\.md:4: /);
    expect(warned.stderr).toBe("checked 1 note: 1 warning\n");
    writeFileSync(join(root, "learn.config.yaml"), config({ "broken-link": "error" }));
    const failed = runCli(["check", "--rule", "broken-link", "--rule", "secret"], { cwd: root });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("1 error");
  });
});

describe("learn check: notes learn did not write", () => {
  const foreign =
    "---\ntitle: A\ntags: [x]\nstatus: draft\ndomain: cooking\nroles: [chef]\npublished: someday\n---\n# A\n";
  const own = "---\ntitle: Mine\ntype: doc\nstatus: draft\n---\nSee [[nowhere]].\n";

  it("outside learn's dialect, learn's schema rules apply only to notes with a learn type:", async () => {
    const root = workspace({ "notes/a.md": foreign, "notes/b.md": own }, { config: "dialect: obsidian\n" });
    const r = await call(check, { dir: root, json: true });
    expect(json(r.stdout).findings.map((f) => `${f.path} ${f.rule}`)).toEqual([
      "notes/b.md front-matter/status", // line 4, before the link on line 6
      "notes/b.md broken-link",
    ]);
    // index and status count the same way
    const st = await call(status, { dir: root, json: true });
    expect(JSON.parse(st.stdout).index.problems).toEqual({ errors: 1, warnings: 0 });
  });

  it("in learn's own dialect every note is learn's", async () => {
    const root = workspace({ "notes/a.md": foreign });
    const r = await call(check, { dir: root, json: true });
    expect(new Set(json(r.stdout).findings.map((f) => f.rule))).toEqual(
      new Set(["front-matter/status", "front-matter/published", "unknown-domain", "unknown-role"]),
    );
  });
});

describe("learn index and status: problems under the rule settings", () => {
  const bad = (i: number) => [`notes/bad-${i}.md`, `---\ntitle: Bad ${i}\nstatus: ripe\n---\n`] as const;

  it("lists the first 5 problems and how many more, and a no-change run prints only its summary", async () => {
    const root = workspace(Object.fromEntries(Array.from({ length: 8 }, (_, i) => bad(i))));
    const r = await call(index, { dir: root });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe("notes/bad-0.md: error: status: must be one of seedling|budding|evergreen");
    expect(lines[5]).toBe("… and 3 more: learn check");
    expect(r.stderr).toMatch(/; 8 problems$/m);

    const again = await call(index, { dir: root });
    expect(again.stdout).toBe("");
    expect(again.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/unchanged 8; 8 problems$/)]);
  });

  it("leaves out a rule set off, and counts severities as check does", async () => {
    const root = workspace(Object.fromEntries([bad(1)]), { config: config({ "front-matter/status": "off" }) });
    const r = await call(index, { dir: root });
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/; 0 problems$/m);
    writeFileSync(join(root, "learn.config.yaml"), config({ "front-matter/status": "warning" }));
    const st = await call(status, { dir: root, json: true });
    expect(JSON.parse(st.stdout).index.problems).toEqual({ errors: 0, warnings: 1 });
    const j = await call(index, { dir: root, json: true });
    expect(JSON.parse(j.stdout).problems).toEqual([expect.objectContaining({ severity: "warning" })]);
  });
});

describe("learn check: the findings cache", () => {
  it("finds a secret added to a note after a cached check, and forgets one removed", async () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\n---\nNothing here.\n" });
    expect((await call(check, { dir: root })).code).toBe(0);
    appendFileSync(join(root, "notes/a.md"), `GITHUB_TOKEN=${TOKEN}\n`);
    const r = await call(check, { dir: root, json: true });
    expect(json(r.stdout).findings.map((f) => f.rule)).toEqual(["secret/github"]);
    writeFileSync(join(root, "notes/a.md"), "---\ntitle: A\n---\nNothing here.\n");
    expect((await call(check, { dir: root })).code).toBe(0);
  });

  it("applies a changed config (domains) to cached notes", async () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\ndomain: cooking\n---\n" });
    expect((await call(check, { dir: root })).code).toBe(1);
    writeFileSync(join(root, "learn.config.yaml"), "domains:\n  cooking: Cooking\n");
    expect((await call(check, { dir: root })).code).toBe(0);
  });
});

describe("learn lsp: diagnostics under the rule settings", () => {
  let lsp: Lsp | undefined;
  afterAll(async () => lsp?.stop());

  it("drops rules set off and uses the configured severity", async () => {
    const root = workspace(
      { "notes/a.md": "---\ntitle: A\n---\n" },
      { config: config({ "front-matter/status": "off", "broken-link": "error" }) },
    );
    lsp = await startLsp(root);
    await initialize(lsp);
    lsp.open("notes/b.md", "---\ntitle: B\nstatus: ripe\n---\nSee [[nowhere]].\n");
    const diags = await lsp.waitFor(() => lsp!.diagnostics.get(lsp!.uri("notes/b.md")), "diagnostics of b.md");
    expect(diags.map((d) => [d.code, d.severity])).toEqual([["broken-link", 1]]);
  });
});
