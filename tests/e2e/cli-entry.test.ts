import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { memoryIO } from "../../src/ui/io.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

// `learn` alone, unknown commands and `help NAME`, and the shell-prompt line outside a workspace.
async function learn(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = memoryIO(env);
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join(""), stderr: io.stderr.join("") };
}

describe("learn with no arguments, unknown commands, help NAME", () => {
  it("`learn` alone prints a short overview on stdout and exits 0 (so `learn | less` shows it)", () => {
    const r = runCli([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Start here:\n  learn init [dir]");
    expect(r.stdout).toContain("learn help COMMAND");
    expect(r.stdout.split("\n").length).toBeLessThan(20);
  });

  it("an unknown command exits 2 with 'unknown command' and the closest name", async () => {
    const typo = await learn(["serch"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("learn: unknown command 'serch'\n(Did you mean search?)\n");
    const far = await learn(["nosuch"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe("learn: unknown command 'nosuch'\n(see learn --help)\n");
  });

  it("`help nosuch` exits 2 like an unknown command; `help list` prints list's help on stdout", async () => {
    const bad = await learn(["help", "nosuch"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("unknown command 'nosuch'");
    expect((await learn(["help", "lisst"])).stderr).toContain("(Did you mean list?)");
    const ok = await learn(["help", "list"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Usage: learn list /);
  });

  it("`revisit --brief` prints nothing and exits 0 outside a workspace (it runs at every prompt)", async () => {
    const r = runCli(["revisit", "--brief"], { cwd: tempDir() });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    // the rest of revisit still says what is wrong
    expect((await learn(["revisit", "--dir", tempDir()])).code).toBe(1);
    // and inside one it still counts
    const root = workspace({ "notes/a.md": "---\ntitle: A\npublished: 2026-01-01\n---\n" });
    const inside = await learn(["revisit", "--brief", "--dir", root, "--today", "2026-11-27"]);
    expect(inside.stdout).toBe("1 note due for revisit: learn revisit --review\n");
  });
});
