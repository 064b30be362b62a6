import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadPty } from "../helpers/pty.js";
import { BIN } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// Tab in a real bash: the script `learn completion bash` prints asks `learn __complete` for
// commands, flags, flag values from the config, note slugs from the index, and directories.

const pty = await loadPty();
const hasBash = spawnSync("bash", ["--version"]).status === 0;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[=>]/g;

/** A `learn` on PATH that runs this checkout's build. */
function learnOnPath(): string {
  const bin = tempDir("learn-bin-");
  writeFileSync(join(bin, "learn"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, "learn"), 0o755);
  return bin;
}

function bash(cwd: string, env: Record<string, string>) {
  let out = "";
  const p = pty!.spawn("bash", ["--norc", "--noprofile", "-i"], {
    name: "xterm-256color",
    cols: 80,
    rows: 30,
    cwd,
    env: { TERM: "xterm-256color", NO_COLOR: "1", PS1: "$ ", INPUTRC: "/dev/null", ...env },
  });
  p.onData((d) => (out += d));
  let from = 0;
  const screen = () => out.replace(ANSI, "").replaceAll("\u0007", ""); // the bell of an ambiguous Tab
  return {
    screen,
    write: (keys: string) => p.write(keys),
    /** Forget what was shown so far: later waits look only past it. */
    mark: () => void (from = screen().length),
    waitFor: (text: string, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          if (screen().slice(from).includes(text)) return resolve();
          if (Date.now() - started > timeoutMs)
            return reject(new Error(`timed out waiting for ${text}; screen:\n${screen().slice(from)}`));
          setTimeout(tick, 25);
        };
        tick();
      }),
    kill: () => p.kill(),
  };
}

describe.skipIf(!pty || !hasBash)("bash completion, pressing Tab", () => {
  it("completes commands, slugs, flag values, directories; never inserts a lone -", async () => {
    const root = workspace({
      "notes/retries.md": noteText({ title: "Retries", domain: "core-backend", tags: ["http"] }),
      "notes/rollback-paths.md": noteText({ title: "Rollback paths" }),
    });
    const home = tempDir("learn-home-");
    const s = bash(root, { PATH: `${learnOnPath()}:${process.env.PATH ?? ""}`, HOME: home });
    try {
      s.write('eval "$(learn completion bash)"; echo READY\r');
      await s.waitFor("READY\r\n$ ");
      const tab = async (typed: string, expected: string, tabs = "\t") => {
        s.mark();
        s.write(`${typed}${tabs}`);
        await s.waitFor(expected);
        s.write("\x15"); // Ctrl-U: clear the line for the next one
      };
      await tab("learn he", "learn help ");
      await tab("learn help wee", "learn help week ");
      await tab("learn show ret", "learn show retries ");
      await tab("learn revisit rol", "learn revisit rollback-paths ");
      await tab("learn revisit --rating ", "again  easy   good   hard", "\t\t");
      await tab("learn list --domain core-b", "learn list --domain core-backend ");
      await tab("learn search --tag ht", "learn search --tag http ");
      await tab("learn list --dir no", "learn list --dir notes/");
      await tab("learn new chea", "learn new cheatsheet ");
      await tab("learn list --form", "learn list --format ");
      // Tab after `learn revisit ` inserts the slugs' common start, never a lone "-"; Tab Tab lists them
      s.mark();
      s.write("learn revisit \t");
      await s.waitFor("learn revisit r");
      s.write("\t\t");
      await s.waitFor("retries         rollback-paths");
      expect(s.screen()).not.toMatch(/learn revisit -(?!-rating)/);
    } finally {
      s.kill();
    }
  }, 60_000);

  it("learn completion bash --install writes a loader that runs the current script, and refuses a foreign file", () => {
    const home = tempDir("learn-home-");
    const env = { PATH: process.env.PATH ?? "", HOME: home, NO_COLOR: "1" };
    const r = spawnSync(process.execPath, [BIN, "completion", "bash", "--install"], { env, encoding: "utf8" });
    expect(r.status).toBe(0);
    const path = join(home, ".local/share/bash-completion/completions/learn");
    expect(r.stderr).toContain(`installed bash completion: ${path}`);
    expect(readFileSync(path, "utf8")).toContain('eval "$(learn completion bash)"');
    expect(spawnSync(process.execPath, [BIN, "completion", "bash", "--install"], { env }).status).toBe(0); // again: ok
    writeFileSync(path, "complete -F mine learn\n");
    const foreign = spawnSync(process.execPath, [BIN, "completion", "bash", "--install"], { env, encoding: "utf8" });
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain("was not written by learn; not changed");
    expect(readFileSync(path, "utf8")).toBe("complete -F mine learn\n");
  });
});

if (!pty || !hasBash) it.skip("bash completion: node-pty or bash is missing here", () => {});
