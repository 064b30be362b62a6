import { createHash } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { check } from "../../src/commands/check.js";
import { publish } from "../../src/commands/publish.js";
import { SECRET_WORKER_MIN_NOTES, SecretScanner } from "../../src/workspace/secret-pool.js";
import { scanSecrets, type SecretHit } from "../../src/workspace/secrets.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

// Many notes are scanned for secrets on a worker thread (workspace/secret-pool.ts, built as
// dist/secret-worker.js): the findings must be exactly those of scanning each note here, one by one.
// In-process calls of check and publish run from src/, where no built worker sits beside the pool:
// they scan on this thread, so they are the reference the built binary is compared with.

// Fake credentials with the providers' shapes, built at run time so this file does not look like a leak.
const fake = {
  github: "ghp_" + "wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx",
  aws: "AKIA" + "J7QH3KXW2M9TZR5B",
  awsSecret: "wJ8qLr2vX9sKp4Tn7yBc" + "Fz3Hd6Mg1Ea5Ru0Wo2Qi",
  openai: "sk-" + "Qz4Rk8Wm2Xn6Tp1Lv9Bc" + "T3BlbkFJ" + "Hs5Dj3Gf7Ky2Ue8Ao4Ni",
  jwt:
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" +
    ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" +
    ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  stripe: "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
  allowed: "ghp_" + "Zx8Yc7Wv6Ut5Sr4Qp3On2Ml1Kj0Ih9Gf8Ed",
};
const KEY = `-----BEGIN RSA PRIVATE KEY-----\n${"MIIEowIBAAKCAQEA".repeat(8)}\n-----END RSA PRIVATE KEY-----\n`;

/** The body of note `i`: most are plain; every 37th holds secrets of one kind or another. */
function body(i: number): string {
  const plain = `Note ${i} on retries and backoff.\n\nSee [[note-${(i + 1) % 500}]].\n`;
  switch (i % 37 === 5 ? (i / 37) | 0 : -1) {
    case 0:
      return `${plain}token ${fake.github}\n`;
    case 1:
      return `${plain}aws_access_key_id = ${fake.aws}\naws_secret_access_key = ${fake.awsSecret}\n`;
    case 2:
      return `${plain}key ${fake.openai}\nAuthorization: Bearer ${fake.jwt}\n`;
    case 3:
      return `${plain}${KEY}`;
    case 4:
      return `${plain}see https://admin:hunter2pass@db.example.com/x\n\`\`\`\nDB_PASSWORD=Tr0ub4dor-and-3\n\`\`\`\n`;
    case 5:
      return `${plain}stripe ${fake.stripe}\n`;
    case 6:
      return `${plain}token ${fake.github} # secretlint-disable-line\n`;
    case 7:
      return `${plain}token ${fake.allowed}\n`;
    case 8:
      return `${plain}secretlint-disable\ntoken ${fake.github}\nAPI_KEY=<your-key>\n`;
    default:
      return plain;
  }
}

const noteFile = (i: number): string =>
  `---\ntitle: Note ${i}\nvisibility: ${i % 2 ? "public" : "private"}\n---\n# Note ${i}\n\n${body(i)}`;

const NOTES = Math.max(SECRET_WORKER_MIN_NOTES + 100, 500);
const allowFile = `${createHash("sha256").update(fake.allowed).digest("hex")}\n`;

function leakyWorkspace(): string {
  const files: Record<string, string> = { ".learn-secrets-allow": allowFile };
  for (let i = 0; i < NOTES; i++) files[`notes/note-${i}.md`] = noteFile(i);
  return workspace(files);
}

const builtWorker = new URL("../../dist/secret-worker.js", import.meta.url);

/** Each note's hits, scanned here one by one. */
async function oneByOne(notes: { path: string; text: string }[], allow: ReadonlySet<string>): Promise<SecretHit[][]> {
  const out: SecretHit[][] = [];
  for (const n of notes) out.push(await scanSecrets(n.text, n.path, { allow }));
  return out;
}

const corpus = (): { path: string; text: string }[] =>
  Array.from({ length: NOTES }, (_, i) => ({ path: `notes/note-${i}.md`, text: noteFile(i) }));

describe("secret scan on a worker thread", () => {
  it("finds in many notes exactly what scanning each note alone finds (same hits, order, masks, fingerprints)", async () => {
    const notes = corpus();
    const allow = new Set([allowFile.trim()]);
    const warnings: string[] = [];
    expect(existsSync(fileURLToPath(builtWorker))).toBe(true); // npm run build made it
    const scanner = new SecretScanner({ allow, workerUrl: builtWorker, warn: (m) => warnings.push(m) });
    for (const n of notes) scanner.add(n.path, n.text);
    const got = await scanner.finish();
    const want = await oneByOne(notes, allow);
    expect(warnings).toEqual([]);
    expect(got).toEqual(want);
    const rules = new Set(got.flat().map((h) => h.rule));
    for (const r of ["secret/github", "secret/aws", "secret/openai", "secret/jwt", "secret/privatekey"])
      expect(rules).toContain(r);
    expect(got.flat().some((h) => h.fingerprint === allowFile.trim())).toBe(false);
  }, 60_000);

  it("scans on this thread, without a warning, when the worker file is missing or the notes are few", async () => {
    const notes = corpus();
    const want = await oneByOne(notes, new Set());
    for (const opts of [{ workerUrl: pathToFileURL(join(tempDir(), "missing.js")) }, { minNotes: notes.length + 1 }]) {
      const warnings: string[] = [];
      const scanner = new SecretScanner({ ...opts, warn: (m) => warnings.push(m) });
      for (const n of notes) scanner.add(n.path, n.text);
      expect(await scanner.finish()).toEqual(want);
      expect(warnings).toEqual([]);
    }
  }, 60_000);

  it.each([
    [
      "throws as it starts",
      `throw new Error("boom in the worker");\n`,
      /secret-scan worker failed \(.*boom in the worker/,
    ],
    ["exits", `process.exit(3);\n`, /secret-scan worker failed \(.*exit code 3/],
    [
      "answers a batch with an error",
      `import { parentPort } from "node:worker_threads";\nparentPort.on("message", (m) => parentPort.postMessage({ id: m.id, error: "no scanner here" }));\n`,
      /secret-scan worker failed \(no scanner here\)/,
    ],
  ])(
    "a worker that %s is reported, and its notes are scanned here instead",
    async (_what, script, warning) => {
      const dir = tempDir();
      const file = join(dir, "failing-worker.mjs");
      writeFileSync(file, script);
      const notes = corpus();
      const warnings: string[] = [];
      const scanner = new SecretScanner({ workerUrl: pathToFileURL(file), warn: (m) => warnings.push(m) });
      for (const n of notes) scanner.add(n.path, n.text);
      const got = await scanner.finish();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(warning);
      expect(got).toEqual(await oneByOne(notes, new Set()));
    },
    60_000,
  );

  it("learn check (built, on the worker) reports what the in-thread check reports", async () => {
    const root = leakyWorkspace();
    const here = await call(check, { dir: root, json: true });
    rmSync(join(root, ".learn"), { recursive: true, force: true }); // its caches: the binary scans every note again
    const r = runCli(["check", "--json", "--dir", root]);
    expect(here.code).toBe(1);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/warning/);
    const secrets = (JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] }).findings.filter((f) =>
      f.rule.startsWith("secret/"),
    );
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    for (const v of Object.values(fake)) expect(r.stdout).not.toContain(v);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(here.stdout));
  }, 60_000);

  it("learn publish (built, on the worker) refuses with the findings the in-thread publish lists", async () => {
    const root = leakyWorkspace();
    const out = tempDir();
    const here = await call(publish, { dir: root, out: join(out, "a"), json: true });
    rmSync(join(root, ".learn"), { recursive: true, force: true });
    const r = runCli(["publish", "--json", "--dir", root, "--out", join(out, "b")]);
    expect(here.code).toBe(1);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(here.stdout));
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
