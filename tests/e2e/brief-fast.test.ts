import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { briefAnswer } from "../../src/brief-fast.js";
import { revisit } from "../../src/commands/revisit.js";
import { loadedSources } from "../helpers/bundle-sources.js";
import { call } from "../helpers/in-process.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// `learn revisit --brief` runs at every shell prompt: src/brief-fast.ts answers it from
// .learn/brief.json before commander loads, and must print what the command prints.

const version = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
const today = "2026-11-27";
const days = ["2026-10-01", "2026-10-08", "2026-11-09", today, "2026-12-22", "2030-01-01"];

// first due 7 days after publication (the default first_after)
const make = () =>
  workspace({
    "notes/a.md": noteText({ id: "aaaa0001", title: "A", published: "2026-10-01" }),
    "notes/b.md": noteText({ id: "bbbb0001", title: "B", published: "2026-10-01" }),
    "notes/c.md": noteText({ id: "cccc0001", title: "C", published: "2026-11-02" }),
    "notes/deep/d.md": noteText({ id: "dddd0001", title: "D", published: "2026-12-15" }),
    "notes/never.md": noteText({ id: "nnnn0001", title: "Never", published: "2026-10-01", revisit: false }),
  });

/** The fast path's answer (undefined: it would hand over to the command). */
const fast = (root: string, day = today, ...more: string[]) =>
  briefAnswer(["revisit", "--brief", "--dir", root, "--today", day, ...more], {}, version);
/** The command's answer, which also refreshes the cache. */
const slow = async (root: string, day = today, json = false) =>
  (await call(revisit, { dir: root, today: day, brief: true, json })).stdout;

describe("revisit --brief fast path", () => {
  it("prints what the command prints, for any today, from one cache", async () => {
    const root = make();
    expect(fast(root)).toBeUndefined(); // no cache yet
    expect(await slow(root)).toBe("3 notes due for revisit: learn revisit --review\n");
    for (const day of days) {
      expect(fast(root, day)).toBe(await slow(root, day));
      expect(fast(root, day, "--json")).toBe(await slow(root, day, true));
    }
    expect(fast(root, "2030-01-01")).toBe("4 notes due for revisit: learn revisit --review\n");
    expect(fast(root, "2026-10-01")).toBe("");
    // found from the current folder, LEARN_TODAY as the date, global flags in any order
    expect(
      briefAnswer(["--no-color", "revisit", "--brief"], { LEARN_TODAY: today }, version, join(root, "notes")),
    ).toBe("3 notes due for revisit: learn revisit --review\n");
    expect(briefAnswer(["revisit", "--brief", `--dir=${root}`, "--today=2030-01-01", "--json"], {}, version)).toBe(
      '{\n  "version": 1,\n  "count": 4\n}\n',
    );
    // anything else is the command's to answer
    expect(briefAnswer(["revisit", "--brief", "--dir", root, "--today", "nope"], {}, version)).toBeUndefined();
    expect(briefAnswer(["revisit", "a", "--brief", "--dir", root], {}, version)).toBeUndefined();
    expect(briefAnswer(["revisit", "--dir", root], {}, version)).toBeUndefined();
    expect(briefAnswer(["revisit", "--brief", "--dir", root], {}, "0.0.0-other")).toBeUndefined();
  });

  it("is refreshed by `revisit SLUG --rating good` and `used`", async () => {
    const root = make();
    await slow(root);
    expect((await call(revisit, { dir: root, today, slug: "a", rating: "good" })).code).toBe(0);
    expect(fast(root)).toBe("2 notes due for revisit: learn revisit --review\n");
    expect((await call(revisit, { dir: root, today, slug: "d", usedIn: "payments API v2" })).code).toBe(0);
    expect(fast(root)).toBe("3 notes due for revisit: learn revisit --review\n");
    for (const day of days.slice(3)) expect(fast(root, day)).toBe(await slow(root, day));
  });

  it("is invalidated by a line appended to revisits.jsonl (a union merge) and by a config change", async () => {
    const root = make();
    await slow(root);
    expect(fast(root)).toBeDefined();
    appendFileSync(
      join(root, "revisits.jsonl"),
      `${JSON.stringify({ v: 1, event: "revisit", note: "bbbb0001", slug: "b", date: "2026-11-26", rating: "good" })}\n`,
    );
    expect(fast(root)).toBeUndefined();
    expect(await slow(root)).toBe("2 notes due for revisit: learn revisit --review\n");
    expect(fast(root)).toBe("2 notes due for revisit: learn revisit --review\n");
    // the cache holds from its latest event on: an earlier today asks the command
    expect(fast(root, "2026-11-25")).toBeUndefined();
    writeFileSync(join(root, "learn.config.yaml"), "revisit:\n  first_after: 60d\n");
    expect(fast(root)).toBeUndefined();
    await slow(root);
    expect(fast(root)).toBe(await slow(root));
    // a note added at the top of the notes folder
    writeFileSync(join(root, "notes/e.md"), noteText({ title: "E", published: "2026-01-01" }));
    expect(fast(root)).toBeUndefined();
  });

  it("ignores a corrupt, odd or linked brief.json, and never writes through the link", async () => {
    const root = make();
    await slow(root);
    const file = join(root, ".learn", "brief.json");
    const good = readFileSync(file, "utf8");
    for (const bad of ["", "garbage{", "null", "[]", '{"format":1}', good.replace('"due":[', '"due":[["x"],')]) {
      writeFileSync(file, bad);
      expect(fast(root)).toBeUndefined();
    }
    // a link to a cache that would be valid is not followed
    const elsewhere = join(tempDir(), "brief.json");
    writeFileSync(elsewhere, good);
    rmSync(file);
    symlinkSync(elsewhere, file);
    expect(fast(root)).toBeUndefined();
    expect(await slow(root)).toBe("3 notes due for revisit: learn revisit --review\n");
    expect(readFileSync(elsewhere, "utf8")).toBe(good);
  });

  it("prints nothing and exits 0 outside a workspace", () => {
    const r = runCli(["revisit", "--brief"], { env: { LEARN_TODAY: today } });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(runCli(["revisit", "--brief", "--json"]).stdout).toBe('{\n  "version": 1,\n  "count": 0\n}\n');
  });

  it("loads only a few small modules: no commander, better-sqlite3, zod, js-yaml or chalk", () => {
    const root = make();
    // the cache as the built learn writes it (its key holds the stamp of the module that reads it)
    expect(runCli(["revisit", "--brief", "--dir", root], { env: { LEARN_TODAY: today } }).code).toBe(0);
    const log = join(tempDir(), "modules.txt");
    const hook = fileURLToPath(new URL("../helpers/module-log.mjs", import.meta.url));
    const r = spawnSync(process.execPath, ["--import", hook, BIN, "revisit", "--brief", "--dir", root], {
      env: { PATH: process.env.PATH ?? "", LEARN_TODAY: today, LEARN_MODULE_LOG: log },
      encoding: "utf8",
    });
    expect(r.stdout).toBe("3 notes due for revisit: learn revisit --review\n");
    expect(r.status).toBe(0);
    const loaded = [...new Set(readFileSync(log, "utf8").trim().split("\n"))];
    expect(loaded.filter((m) => /commander|better-sqlite3|zod|js-yaml|chalk|node_modules/.test(m))).toEqual([]);
    // dist/ is a bundle: its chunks, as the sources they hold
    expect(loadedSources(readFileSync(log, "utf8"))).toEqual([
      "bin/learn.cjs",
      "src/brief-fast.ts",
      "src/cli-early.ts",
      "src/code-cache.ts",
      "src/core/dates.ts",
      "src/core/errors.ts",
      "src/files/brief-key.ts",
      "src/read-fast.ts",
      "src/start.ts",
      "src/ui/columns.ts",
      "src/workspace/find.ts",
      "src/workspace/package-root.ts",
    ]);
  });
});
