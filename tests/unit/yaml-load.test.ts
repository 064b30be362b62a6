import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.js";
import { parseNote } from "../../src/core/note-parse.js";
import { renderTemplate, TemplateError } from "../../src/core/template.js";
import { loadYaml, YAML_LIMITS, YamlLimitError } from "../../src/core/yaml-load.js";
import { loadConfig } from "../../src/workspace/config-load.js";
import { workspacePaths } from "../../src/workspace/find.js";
import { workspace } from "../helpers/workspace.js";

/** "Billion laughs": `levels` anchors, each a list of `width` aliases of the one before. */
function bomb(levels = 9, width = 9): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(",")}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(",")}]`,
    );
  return `${lines.join("\n")}\nboom: *l${levels - 1}\n`;
}

describe("loadYaml", () => {
  it("reads ordinary documents, aliases included", () => {
    expect(loadYaml("a: &x [1, 2]\nb: *x\nc: '*not an alias*'\n")).toEqual({
      a: [1, 2],
      b: [1, 2],
      c: "*not an alias*",
    });
  });

  it("refuses an alias bomb, naming the line of the first alias", () => {
    const start = Date.now();
    let err: unknown;
    try {
      loadYaml(bomb());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(YamlLimitError);
    expect((err as YamlLimitError).reason).toMatch(/^aliases expand to more than 100000 values/);
    expect((err as YamlLimitError).mark.line).toBe(1);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it("allows big documents without aliases, and a little expansion", () => {
    const list = `tags: [${Array(50_000).fill("t").join(",")}]\nsummary: "**bold**"\n`;
    expect((loadYaml(list) as { tags: string[] }).tags).toHaveLength(50_000);
    expect(() => loadYaml(bomb(3, 9))).not.toThrow();
  });

  it("refuses nesting past the depth limit", () => {
    const deep = `a: ${"[".repeat(YAML_LIMITS.maxDepth + 5)}${"]".repeat(YAML_LIMITS.maxDepth + 5)}\n`;
    expect(() => loadYaml(deep)).toThrow(/maxDepth/);
  });
});

describe("every YAML learn reads has the limits", () => {
  it("a note's front matter: broken YAML with a line, not a hang", () => {
    const parsed = parseNote(`---\ntitle: A\n${bomb()}---\nbody\n`, "a");
    expect(parsed.brokenYaml).toBe(true);
    expect(parsed.warnings[0]!.message).toMatch(/broken YAML front matter: aliases expand/);
  });

  it("a template's front matter", () => {
    expect(() => renderTemplate(`---\n${bomb()}---\n# {{title}}\n`, { title: "T" } as never)).toThrow(TemplateError);
  });

  it("learn.config.yaml", async () => {
    const root = workspace({}, { config: `${bomb()}domains: *l8\n` });
    await expect(loadConfig(workspacePaths(root))).rejects.toThrow(ConfigError);
    await expect(loadConfig(workspacePaths(root))).rejects.toThrow(/:2: broken YAML: aliases expand to more/);
    writeFileSync(join(root, "learn.config.yaml"), "follow_symlinks_outside: true\n");
    expect((await loadConfig(workspacePaths(root))).follow_symlinks_outside).toBe(true);
  });
});
