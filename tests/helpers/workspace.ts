import { accessSync, constants, mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

const made: string[] = [];
/** Remove every folder tempDir made so far (tests/helpers/setup.ts runs it after each test). */
export function removeTempDirs(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}
// Registered here too, for a run without the setup file (isolated files: the module loads per file).
afterEach(removeTempDirs);

/**
 * Where test folders go: LEARN_TEST_TMP, else /dev/shm when it is a writable folder (a RAM disk:
 * SQLite's and learn's fsyncs cost nothing there, which halves the suite's time on a real disk),
 * else the system temp folder.
 */
export const TEST_TMP = ((): string => {
  if (process.env.LEARN_TEST_TMP) return process.env.LEARN_TEST_TMP;
  try {
    if (!statSync("/dev/shm").isDirectory()) return tmpdir();
    accessSync("/dev/shm", constants.W_OK | constants.X_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
})();

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = "learn-test-"): string {
  const dir = mkdtempSync(join(TEST_TMP, prefix));
  made.push(dir);
  return dir;
}

/** Build a workspace inline from { "notes/a.md": "---\ntitle: A\n---\n" }; returns its root. */
export function workspace(files: Record<string, string> = {}, opts: { config?: string | false } = {}): string {
  const root = tempDir();
  mkdirSync(join(root, "notes"), { recursive: true });
  if (opts.config !== false) writeFileSync(join(root, "learn.config.yaml"), opts.config ?? "");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** A note's text from front-matter fields and a body. */
export function noteText(fields: Record<string, unknown>, body = "Body.\n"): string {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : String(v)}`)
    .join("\n");
  return `---\n${yaml}\n---\n${body}`;
}
