import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { validateConfig } from "../../src/core/config-schema.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/workspace.js";

describe("learn init", () => {
  it("makes a workspace with notes/, a commented config, .gitignore and .gitattributes", () => {
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

  it("changes nothing the second time and says so", () => {
    const dir = tempDir();
    runCli(["init", dir, "--templates"]);
    writeFileSync(join(dir, "learn.config.yaml"), "domains:\n  rust: Rust\n");
    writeFileSync(join(dir, "templates", "doc.md"), "mine\n");
    const r = runCli(["init", dir, "--templates"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("nothing to do");
    expect(readFileSync(join(dir, "learn.config.yaml"), "utf8")).toBe("domains:\n  rust: Rust\n");
    expect(readFileSync(join(dir, "templates", "doc.md"), "utf8")).toBe("mine\n");
  });

  it("--templates copies every bundled template", () => {
    const dir = tempDir();
    runCli(["init", "--templates"], { cwd: dir });
    expect(readdirSync(join(dir, "templates")).sort()).toEqual([
      "blog.md",
      "cheatsheet.md",
      "checklist.md",
      "doc.md",
      "log.md",
      "roadmap.md",
    ]);
  });

  it("adds .learn/ to an existing .gitignore without losing its lines", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".gitignore"), "node_modules");
    const r = runCli(["init", "--json"], { cwd: dir });
    expect(JSON.parse(r.stdout).updated).toContain(".gitignore");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules\n.learn/\n");
  });

  it("refuses a target that is a file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f"), "x");
    const r = runCli(["init", "f"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^learn: .*f is a file, not a folder/);
  });
});
