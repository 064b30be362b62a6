import { describe, expect, it } from "vitest";
import { createContext } from "../../src/workspace/context.js";
import { workspace } from "../helpers/workspace.js";

describe("createContext", () => {
  it("reads LEARN_DIR and LEARN_TODAY from the IO's environment, never from process.env", async () => {
    const mine = workspace();
    const other = workspace();
    const saved = { dir: process.env.LEARN_DIR, today: process.env.LEARN_TODAY };
    process.env.LEARN_DIR = other;
    process.env.LEARN_TODAY = "1999-01-01";
    try {
      const ctx = await createContext({}, { env: { LEARN_DIR: mine, LEARN_TODAY: "2026-11-27" } });
      expect(ctx.ws.root).toBe(mine);
      expect(ctx.today).toBe("2026-11-27");
      const bare = await createContext({ dir: mine }, { env: {} });
      expect(bare.today).not.toBe("1999-01-01"); // the clock, not this process's LEARN_TODAY
      expect(bare.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      for (const [key, value] of [
        ["LEARN_DIR", saved.dir],
        ["LEARN_TODAY", saved.today],
      ] as const)
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
  });
});
