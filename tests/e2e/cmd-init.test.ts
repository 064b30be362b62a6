import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { validateConfig } from "../../src/core/config-schema.js";
import { init } from "../../src/commands/init.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/workspace.js";

describe("learn init", () => {
  it("makes a workspace with notes/, a commented config, .gitignore and .gitattributes", async () => {
    const dir = join(tempDir(), "my-learning");
    const r = runCli(["init", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("made workspace");
    expect(existsSync(join(dir, "notes"))).toBe(true);
    const config = readFileSync(join(dir, "learn.config.yaml"), "utf8");
    expect(config).toMatch(/^# /m);
    expect(validateConfig(yaml.load(config), "x")).toEqual(DEFAULT_CONFIG);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toMatch(/^\.learn\/$/m);
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toMatch(/^revisits\.jsonl merge=union$/m);
  });

  it("changes nothing the second time and says so", async () => {
    const dir = tempDir();
    await call(init, { target: dir, templates: true });
    writeFileSync(join(dir, "learn.config.yaml"), "domains:\n  rust: Rust\n");
    writeFileSync(join(dir, "templates", "doc.md"), "mine\n");
    const r = await call(init, { target: dir, templates: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("nothing to do");
    expect(readFileSync(join(dir, "learn.config.yaml"), "utf8")).toBe("domains:\n  rust: Rust\n");
    expect(readFileSync(join(dir, "templates", "doc.md"), "utf8")).toBe("mine\n");
  });

  it("--templates copies every bundled template", async () => {
    const dir = tempDir();
    await call(init, { templates: true }, { LEARN_DIR: dir });
    expect(readdirSync(join(dir, "templates")).sort()).toEqual([
      "blog.md",
      "cheatsheet.md",
      "checklist.md",
      "doc.md",
      "log.md",
      "roadmap.md",
    ]);
  });

  it("adds .learn/ to an existing .gitignore without losing its lines", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".gitignore"), "node_modules");
    const r = await call(init, { target: dir, json: true });
    expect(JSON.parse(r.stdout).updated).toContain(".gitignore");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules\n.learn/\n");
  });

  it("refuses a target that is a file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f"), "x");
    const r = runCli(["init", "f"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^learn: .*f is a file, not a folder/);
  });
});
