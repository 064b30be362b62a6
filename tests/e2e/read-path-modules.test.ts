import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadedSources } from "../helpers/bundle-sources.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { noteText, tempDir, workspace } from "../helpers/workspace.js";

// Issue 15: the everyday read commands start within a few milliseconds of Node's own start, so
// none of them may load a heavy package when no file changed. The built CLI runs with a resolve
// hook that logs every module (tests/helpers/module-log.mjs); dist/ chunks count as the sources
// esbuild put in them (dist/meta.json), so a package bundled into a chunk is seen too.

const HEAVY = ["zod", "js-yaml", "yaml", "fuse.js", "markdown-it", "secretlint", "handlebars", "inquirer"];
/** The packages among loaded sources, by name. */
const packages = (sources: string[]): string[] => [
  ...new Set(sources.map((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1]).filter((n) => n !== undefined)),
];
/** The heavy ones among them (`@secretlint/core` counts as secretlint). */
const heavy = (sources: string[]): string[] =>
  packages(sources).filter((n) => HEAVY.some((h) => n === h || n.startsWith(`@${h}/`) || n.endsWith(`/${h}`)));

const today = "2026-11-27";
const make = () => {
  const root = workspace({
    "notes/idempotency-keys.md": noteText({ id: "aaaa0001", title: "Idempotency keys", published: "2026-10-01" }),
    "notes/retries.md": noteText({ id: "bbbb0001", title: "Retries with backoff", published: "2026-11-02" }),
    "revisits.jsonl": `${JSON.stringify({ v: 1, event: "revisit", note: "aaaa0001", date: "2026-10-09", rating: "good" })}\n`,
  });
  // the index, the config cache (written once .learn/ exists) and the brief cache made first:
  // the commands below find nothing changed
  expect(runCli(["index", "--dir", root]).code).toBe(0);
  expect(runCli(["revisit", "--brief", "--dir", root], { env: { LEARN_TODAY: today } }).code).toBe(0);
  // and status's own caches (the week logs' state, each public note's substance)
  expect(runCli(["status", "--dir", root], { env: { LEARN_TODAY: today } }).code).toBe(0);
  return root;
};

/** The sources (and packages) a run of the built learn loaded, with its exit code and output. */
function loaded(args: string[]) {
  const log = join(tempDir(), "modules.txt");
  const hook = fileURLToPath(new URL("../helpers/module-log.mjs", import.meta.url));
  const r = spawnSync(process.execPath, ["--import", hook, BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", LEARN_TODAY: today, LEARN_MODULE_LOG: log, NO_COLOR: "1" },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, sources: loadedSources(readFileSync(log, "utf8")) };
}

describe("the read path loads no heavy package", () => {
  it("search --no-refresh, search, list --no-refresh, show, revisit --brief and status: none of zod, js-yaml, yaml, fuse.js, markdown-it, secretlint, handlebars or inquirer", () => {
    const root = make();
    const runs = {
      "search --no-refresh": loaded(["search", "idempotency", "--no-refresh", "--dir", root]),
      search: loaded(["search", "idempotency", "--dir", root]),
      "list --no-refresh": loaded(["list", "--no-refresh", "--dir", root]),
      show: loaded(["show", "retries", "--dir", root]),
      "revisit --brief": loaded(["revisit", "--brief", "--dir", root]),
      status: loaded(["status", "--dir", root]),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(heavy(r.sources), name).toEqual([]);
    }
    expect(runs["search --no-refresh"].stdout).toContain("Idempotency keys");
    expect(runs["list --no-refresh"].stdout).toContain("Retries with backoff");
    expect(runs.show.stdout).toContain("Retries with backoff");
    expect(runs["revisit --brief"].stdout).toBe("2 notes due for revisit: learn revisit --review\n");
    expect(runs.status.stdout).toContain("Week      2026-W48: 0 of 5 steps");
    // the hook does see packages: search opens the index through better-sqlite3
    expect(packages(runs["search --no-refresh"].sources)).toContain("better-sqlite3");
  });

  it("status with week logs and public notes: nothing heavy once its caches are warm; an edited log or note is read again", () => {
    const log = (steps: string) =>
      `---\nweek: 2026-W48\ndomain: core-backend\nnote: idempotency-keys\nsteps: [${steps}]\n---\n`;
    const root = workspace({
      "notes/idempotency-keys.md": noteText(
        {
          id: "aaaa0001",
          title: "Idempotency keys",
          domain: "core-backend",
          roles: ["backend"],
          visibility: "public",
          published: "2026-10-01",
        },
        `${"Own words about keys. ".repeat(60)}\nCovers [[idem]].\n\n- [x] a checklist item done\n`,
      ),
      "notes/roadmap.md":
        "---\ntitle: Roadmap\ntype: roadmap\n---\n## Core backend (core-backend) [backend]\n- Idempotency (idem): keys.\n",
      "notes/log/2026-W47.md": `---\nweek: 2026-W47\nsteps: [domain, note]\n---\n`,
      "notes/log/2026-W48.md": log("domain"),
    });
    expect(runCli(["status", "--dir", root], { env: { LEARN_TODAY: today } }).code).toBe(0); // fills the caches
    const first = loaded(["status", "--dir", root]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Week      2026-W48: 1 of 5 steps");
    const warm = loaded(["status", "--dir", root]);
    expect(heavy(warm.sources)).toEqual([]);
    expect(warm.stdout).toBe(first.stdout);
    // a hand edit of this week's log (same size) is seen, through the parser again
    writeFileSync(join(root, "notes", "log", "2026-W48.md"), log("roles "));
    const edited = loaded(["status", "--dir", root]);
    expect(edited.stdout, edited.stderr).toContain("✔ 4. Link it to a role-readiness group");
    writeFileSync(join(root, "notes", "log", "2026-W48.md"), log("domain, note"));
    const more = loaded(["status", "--dir", root]);
    expect(more.stdout).toContain("Week      2026-W48: 2 of 5 steps");
    expect(heavy(more.sources)).toContain("js-yaml");
    // an edited note is measured again: emptied of its own words, it no longer counts as evidence
    const score = (out: string) => /^ {2}backend +\S+ +(\d+)/m.exec(out)?.[1];
    expect(Number(score(more.stdout))).toBeGreaterThan(0);
    writeFileSync(
      join(root, "notes", "idempotency-keys.md"),
      noteText(
        {
          id: "aaaa0001",
          title: "Idempotency keys",
          domain: "core-backend",
          roles: ["backend"],
          visibility: "public",
          published: "2026-10-01",
        },
        "Short.",
      ),
    );
    expect(score(loaded(["status", "--dir", root]).stdout)).toBe("0");
  });

  it("a changed note may load the parser (js-yaml), which the check above would catch", () => {
    const root = make();
    const r = loaded(["search", "idempotency", "--dir", root]);
    expect(heavy(r.sources)).toEqual([]);
    // a new note is parsed on the next search: the front-matter reader loads then, and is seen
    const note = join(root, "notes", "new.md");
    spawnSync("sh", ["-c", `printf -- '---\\ntitle: New idempotency note\\n---\\nbody\\n' > '${note}'`]);
    const changed = loaded(["search", "idempotency", "--dir", root]);
    expect(changed.code).toBe(0);
    expect(heavy(changed.sources)).toContain("js-yaml");
  });
});
