import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Two projects, measured on 2 cores: unit tests share one module cache per worker thread
// (isolate: false: 27 s -> 7 s for tests/unit); end-to-end files run in forked processes,
// which a few need (process.seteuid, pseudo-terminals, Chromium). The forks are reused from file
// to file (isolate: false) so the source modules load once per fork, not once per file: e2e
// CPU time 71 s -> 58 s. Every test uses its own temp folders, and a test that sets process-wide
// state (an environment variable, the euid) puts it back in a finally or afterEach.
// At least two workers: vitest's default (cores - 1) is one on a 2-core machine, where end-to-end files mostly wait for their child processes
// (e2e: 77-85 s with one worker, 54 s with two, on a loaded 2-core machine).
// Unit tests that change process-wide state (process.umask, which worker threads cannot set) run in forks.
const PROCESS_WIDE = ["tests/unit/safe-write.test.ts"];

export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/helpers/setup.ts"],
    reporters: process.env.CI ? ["default", ["json", { outputFile: "reports/vitest.json" }]] : ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          exclude: PROCESS_WIDE,
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts", ...PROCESS_WIDE], pool: "forks", isolate: false },
      },
    ],
  },
});
