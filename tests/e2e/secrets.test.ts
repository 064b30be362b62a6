import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, type CheckReport } from "../../src/commands/check.js";
import { publish } from "../../src/commands/publish.js";
import { FindingsError, LearnError } from "../../src/core/errors.js";
import { memoryIO } from "../../src/ui/io.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

// Fake credentials with the providers' shapes, built at run time so this file does not look like a leak.
const AWS_ID = "AKIA" + "J7QH3KXW2M9TZR5B";
const AWS_SECRET = "wJ8qLr2vX9sKp4Tn7yBc" + "Fz3Hd6Mg1Ea5Ru0Wo2Qi";
const OPENAI = "sk-" + "Qz4Rk8Wm2Xn6Tp1Lv9Bc" + "T3BlbkFJ" + "Hs5Dj3Gf7Ky2Ue8Ao4Ni";
const HAVE_GIT = spawnSync("git", ["--version"]).status === 0;

const note = (fm: string, body: string): string => `---\ntitle: T\n${fm}---\n${body}`;
const leakyPrivate = note("", `aws_access_key_id = ${AWS_ID}\naws_secret_access_key = ${AWS_SECRET}\nkey ${OPENAI}\n`);

/** Run `check` in-process; return its report, or the findings it printed before it threw. */
async function runCheck(root: string, extra: { staged?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const io = memoryIO(extra.env ?? {});
  let error: unknown;
  let report: CheckReport | undefined;
  try {
    report = await check({ dir: root, json: true, staged: extra.staged }, io);
  } catch (err) {
    error = err;
  }
  const json = io.stdout.length
    ? (JSON.parse(io.stdout.join("")) as { findings: { path: string; line: number; rule: string; severity: string }[] })
    : { findings: [] };
  return { report, error, findings: json.findings, stdout: io.stdout.join(""), stderr: io.stderr.join("") };
}

const secretRules = (findings: { rule: string }[]): string[] =>
  findings.filter((f) => f.rule.startsWith("secret/")).map((f) => f.rule);

// git with no user or system config, a temp HOME, and an identity given on the command line.
const gitEnv = (home: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? "",
  HOME: home,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
});
const gitIn =
  (cwd: string, env: NodeJS.ProcessEnv) =>
  (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args], {
      cwd,
      env,
      stdio: "pipe",
    });

describe("item 7: a secret in any note fails check", () => {
  it("fails (exit 1) on AWS and OpenAI keys in a private note: git history leaks whatever the visibility", async () => {
    const root = workspace({ "notes/priv.md": leakyPrivate });
    const r = await runCheck(root);
    expect(r.error).toBeInstanceOf(FindingsError);
    expect(secretRules(r.findings)).toEqual(["secret/aws", "secret/aws", "secret/openai"]);
    expect(r.findings.every((f) => f.severity === "error")).toBe(true);
    expect(r.stdout).not.toContain(AWS_SECRET);
  });

  it.skipIf(!HAVE_GIT)(
    "--staged fails on a staged private note when the repo root is above the workspace and notes/ is a symlink",
    async () => {
      const repo = tempDir("learn-repo-");
      const env = gitEnv(tempDir("learn-home-"));
      const git = gitIn(repo, env);
      git("init", "-q");
      // repo/
      //   shared-notes/leak.md       the real files, staged
      //   sub/ws/learn.config.yaml   the workspace, two levels below the repo root
      //   sub/ws/notes -> ../../shared-notes
      mkdirSync(join(repo, "shared-notes"));
      mkdirSync(join(repo, "sub/ws"), { recursive: true });
      writeFileSync(join(repo, "sub/ws/learn.config.yaml"), "");
      symlinkSync(join("..", "..", "shared-notes"), join(repo, "sub/ws/notes"));
      writeFileSync(join(repo, "shared-notes/leak.md"), leakyPrivate);
      writeFileSync(join(repo, "shared-notes/clean.md"), note("", "fine\n"));
      git("add", "shared-notes/leak.md");

      const ws = join(repo, "sub/ws");
      const r = await runCheck(ws, { staged: true, env });
      expect(r.error).toBeInstanceOf(FindingsError);
      expect(r.report).toBeUndefined();
      expect(r.findings.map((f) => `${f.path}:${f.rule}:${f.severity}`)).toEqual([
        "notes/leak.md:secret/aws:error",
        "notes/leak.md:secret/aws:error",
        "notes/leak.md:secret/openai:error",
      ]);

      // the same through the binary, as the README's hook runs it: exit 1, the key masked
      const cli = runCli(["check", "--staged"], { cwd: ws, env: env as Record<string, string> });
      expect(cli.code).toBe(1);
      expect(cli.stdout).toMatch(/notes\/leak\.md:\d+: error found OpenAI API token/);
      expect(cli.stdout).not.toContain(OPENAI);
      expect(cli.stderr).toMatch(/^learn: checked 1 note: 3 errors/);
    },
  );

  it.skipIf(!HAVE_GIT)(
    "--staged fails with a message, never '0 notes: no problems', when it cannot tell what is staged",
    async () => {
      const root = workspace({ "notes/priv.md": leakyPrivate });
      const env = gitEnv(tempDir("learn-home-"));
      const outside = await runCheck(root, { staged: true, env: { ...env, GIT_CEILING_DIRECTORIES: dirname(root) } });
      expect(outside.error).toBeInstanceOf(LearnError);
      expect((outside.error as Error).message).toMatch(/--staged: .* is not in a git repository/);

      const noGit = await runCheck(root, { staged: true, env: { ...env, PATH: tempDir() } });
      expect((noGit.error as Error).message).toMatch(/--staged needs git/);

      const git = gitIn(root, env);
      git("init", "-q");
      writeFileSync(join(root, ".git/index"), "not an index"); // a broken index: git fails
      const broken = await runCheck(root, { staged: true, env });
      expect(broken.error).toBeInstanceOf(LearnError);
      expect((broken.error as Error).message).toMatch(/^--staged: git .* failed/);
      expect(broken.stderr).not.toContain("no problems");
    },
  );
});

describe("item 8: colon and YAML forms", () => {
  it("finds DB_PASSWORD: in summary, password: and api_key: in a body, NAME=value still", async () => {
    const root = workspace({
      "notes/a.md": note(
        'summary: "Connect with DB_PASSWORD: kT9vW2xQ7mPz4"\n',
        'Config:\n\n    password: hunter2-real-value\n    api_key: "9f8e7d6c5b4a39281706ab"\n\nDB_TOKEN=Zr4-hW8q-Lm2x-Pv7n\n',
      ),
    });
    const r = await runCheck(root);
    expect(r.error).toBeInstanceOf(FindingsError);
    expect(r.findings.filter((f) => f.rule.startsWith("secret/")).map((f) => f.line)).toEqual([3, 7, 8, 10]);
    expect(r.stdout).not.toMatch(/hunter2-real-value|kT9vW2xQ7mPz4|9f8e7d6c5b4a39281706ab|Zr4-hW8q/);
  });

  it("publish refuses a public note whose summary holds a colon-style password", async () => {
    const root = workspace({
      "notes/pub.md": note("visibility: public\nsummary: 'DB_PASSWORD: kT9vW2xQ7mPz4'\n", "Body.\n"),
    });
    await expect(publish({ dir: root, json: true }, memoryIO())).rejects.toThrow(/publish refused: 1 secret/);
  });
});

describe("item 9: false positives, and the documented opt-outs", () => {
  it("leaves code, placeholders and development defaults alone", async () => {
    const body = [
      "```python",
      'pageToken = data.get("nextPageToken")',
      'access_token = response.json()["access_token"]',
      'password = os.environ["DB_PASSWORD"]',
      "api_key = settings.OPENAI_API_KEY",
      "token = get_token()",
      "secret = client_secret",
      "```",
      "```js",
      "const token = process.env.GITHUB_TOKEN;",
      "```",
      "DATABASE_URL=postgres://<USER>:<PASSWORD>@db.internal:5432/app",
      "DATABASE_URL=postgres://postgres:postgres@localhost:5432/app",
      "mysql://root:root@127.0.0.1/test",
      "API_KEY=${API_KEY}",
      "GITHUB_TOKEN={{ secrets.GITHUB_TOKEN }}",
      "password: changeme",
      "api_key: your-api-key-here",
      "SECRET_KEY=xxxxxxxxxxxxxxxx",
      "ADMIN_PASSWORD=admin",
      "password: ********",
      "token: ...",
      "AWS example id AKIAIOSFODNN7EXAMPLE from the AWS docs",
      "",
    ].join("\n");
    const root = workspace({ "notes/til.md": note("visibility: public\n", body) });
    const r = await runCheck(root);
    expect(secretRules(r.findings)).toEqual([]);
    expect(r.error).toBeUndefined();
  });

  it("honours a secretlint-disable-line comment and an allowlisted fingerprint, never a whole-file disable", async () => {
    const value = "Zr4hW8qLm2xPv7nK";
    const root = workspace({
      "notes/a.md": note(
        "",
        `<!-- secretlint-disable -->\nAPI_TOKEN=${value}1 <!-- secretlint-disable-line -->\nAPI_TOKEN=${value}2\nAPI_TOKEN=${value}3\n`,
      ),
    });
    const first = await runCheck(root);
    expect(first.findings.map((f) => f.line)).toEqual([6, 7]); // the block comment does not silence the file
    // the fingerprint check prints is sha256 of the value, ready to copy into .learn-secrets-allow
    const fp = createHash("sha256").update(`${value}2`).digest("hex");
    expect(first.stdout).toContain(fp);
    writeFileSync(join(root, ".learn-secrets-allow"), `# a test value, not a credential\n${fp}  # notes/a.md\n`);
    const second = await runCheck(root);
    expect(second.findings.map((f) => f.line)).toEqual([7]);
  });
});
