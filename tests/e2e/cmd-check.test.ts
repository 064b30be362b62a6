import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

// A fake GitHub token, built at run time so this file does not look like a leak.
const TOKEN = "ghp_" + "wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx";

const HAVE_GIT = spawnSync("git", ["--version"]).status === 0;

const good =
  "---\ntitle: Good note\ntype: doc\nstatus: budding\nvisibility: public\ndomain: core-backend\n---\nFine.\n";

interface CheckJson {
  findings: { path: string; line: number | null; rule: string; severity: string; message: string; hint: string }[];
  counts: { files: number; errors: number; warnings: number };
}
const json = (stdout: string): CheckJson => JSON.parse(stdout) as CheckJson;

/**
 * An environment for git that ignores the user's and the system's config and stops looking for a
 * repository above `root`'s parent, so a temp folder inside a git checkout is still outside git.
 */
const gitEnv = (root: string): Record<string, string> => {
  const home = tempDir("learn-git-home-");
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    GIT_CONFIG_GLOBAL: join(home, ".gitconfig"),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CEILING_DIRECTORIES: dirname(root),
  };
};
/** Run git in `root` with only PATH and gitEnv. */
const gitIn = (root: string, ...args: string[]) =>
  execFileSync("git", args, { cwd: root, stdio: "pipe", env: { PATH: process.env.PATH ?? "", ...gitEnv(root) } });

describe("learn check", () => {
  it("passes a clean workspace with exit 0", () => {
    const root = workspace({ "notes/good.md": good });
    const r = runCli(["check"], { cwd: root });
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("checked 1 note: no problems\n");
    expect(r.code).toBe(0);
  });

  it("reports schema, YAML, duplicate-slug, link and secret problems per file and line, exit 1", async () => {
    const root = workspace({
      "notes/good.md": good,
      "notes/pub.md": `---\ntitle: Pub\nvisibility: public\nstatus: greenish\ndomain: cooking\nrelated: [secret-plans]\n---\nSee [[ghost]].\n\ntoken ${TOKEN}\n`,
      "notes/secret-plans.md": "---\ntitle: Secret plans\n---\nhidden\n",
      "notes/bad.md": "---\ntitle: [broken\n---\nx\n",
      "notes/a/good.md": "---\ntitle: Twin\n---\n",
    });
    const r = await call(check, { dir: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "notes/pub.md:4: error status: must be one of seedling|budding|evergreen [front-matter/status]\n  hint: use seedling, budding or evergreen",
    );
    expect(r.stdout).toContain("notes/pub.md:5: error domain: cooking is not a configured domain");
    expect(r.stdout).toContain(
      "notes/pub.md:6: error public note links to private note secret-plans via related: secret-plans [private-link]",
    );
    expect(r.stdout).toContain("notes/pub.md:8: warning broken link [[ghost]]");
    expect(r.stdout).toMatch(/notes\/pub\.md:10: error found GitHub Token.* in a public note \[secret\/github\]/);
    expect(r.stdout).toMatch(/notes\/bad\.md:\d+: error broken YAML front matter/);
    expect(r.stdout).not.toMatch(/duplicate slug good/); // issue 9: the same name in two folders is two notes
    expect(r.stdout).not.toContain(TOKEN);
    expect(r.stderr).toMatch(/^learn: checked 5 notes: \d+ errors, 1 warning \(fix the errors above/);
  });

  it("prints findings and counts as JSON with --json", async () => {
    const root = workspace({
      "notes/pub.md": `---\ntitle: Pub\nvisibility: public\n---\nkey ${TOKEN}\n`,
      "notes/priv.md": `---\ntitle: Priv\n---\nkey ${TOKEN}\n`,
    });
    const r = await call(check, { dir: root, json: true });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.counts).toEqual({ files: 2, errors: 2, warnings: 0 });
    expect(out.findings.map((f) => [f.path, f.line, f.rule, f.severity])).toEqual([
      ["notes/priv.md", 4, "secret/github", "error"],
      ["notes/pub.md", 5, "secret/github", "error"],
    ]);
    expect(out.findings[1]!.hint).toMatch(/rotate/);
    expect(r.stdout).not.toContain(TOKEN);
  });

  it("exits 0 when there are only warnings", async () => {
    const root = workspace({ "notes/a.md": "---\ntitle: A\n---\nSee [[nowhere]].\n" });
    const r = await call(check, { dir: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("checked 1 note: 1 warning\n");
  });

  it.skipIf(!HAVE_GIT)("--staged checks only staged notes, as staged", () => {
    const root = workspace({ "notes/good.md": good, "notes/other.md": "---\ntitle: Other\nstatus: wrong\n---\n" });
    gitIn(root, "init", "-q");
    writeFileSync(join(root, "notes/good.md"), good.replace("Fine.", `oops ${TOKEN}`));
    gitIn(root, "add", "notes/good.md");
    writeFileSync(join(root, "notes/good.md"), good); // the working copy is clean; the commit would not be
    const r = runCli(["check", "--staged", "--json"], { cwd: root, env: gitEnv(root) });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.counts.files).toBe(1);
    expect(out.findings.map((f) => `${f.path}:${f.rule}`)).toEqual(["notes/good.md:secret/github"]);
  });

  it.skipIf(!HAVE_GIT)("--staged with nothing staged passes, and outside git says so", () => {
    const root = workspace({ "notes/other.md": "---\ntitle: Other\nstatus: wrong\n---\n" });
    const outside = runCli(["check", "--staged", "--dir", root], { cwd: tempDir(), env: gitEnv(root) });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/--staged: .* is not in a git repository/);
    gitIn(root, "init", "-q");
    const r = runCli(["check", "--staged"], { cwd: root, env: gitEnv(root) });
    expect(r.stderr).toBe("checked 0 notes: no problems\n");
    expect(r.code).toBe(0);
  });
});
