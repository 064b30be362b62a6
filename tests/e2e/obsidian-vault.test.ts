import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileHashes as hashes, filesUnder } from "../helpers/files.js";
import { check } from "../../src/commands/check.js";
import { index } from "../../src/commands/index.js";
import { init } from "../../src/commands/init.js";
import { list } from "../../src/commands/list.js";
import { publish } from "../../src/commands/publish.js";
import { readiness } from "../../src/commands/readiness.js";
import { revisit } from "../../src/commands/revisit.js";
import { search } from "../../src/commands/search.js";
import { show } from "../../src/commands/show.js";
import { status } from "../../src/commands/status.js";
import { week } from "../../src/commands/week.js";
import type {
  CheckJson,
  ListJson,
  PublishJson,
  RevisitListJson,
  SearchJson,
  ShowJson,
} from "../../src/core/json-types.js";
import { call, jsonOf } from "../helpers/in-process.js";
import {
  FIRST_COMMIT,
  JOURNAL_MTIME,
  obsidianVault,
  STASH_COMMIT,
  VAULT_NOTE_PATHS,
  VAULT_NOTES,
} from "../helpers/obsidian-vault.js";
import { runCli } from "../helpers/run-cli.js";

// Issue 9, "Done when": an Obsidian vault built the way people keep one (tests/helpers/obsidian-vault.ts)
// adopted in place with `learn init --here`, then one test per item of "What to build", and the
// user's files byte-identical after every read command and after revisit, used, search, check and publish.

const today = "2026-12-01";
const env = { LEARN_TODAY: today };

// learn asks git for first-add dates: keep the user's and the system's git config out of it.
const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = "/dev/null";
  process.env.GIT_CONFIG_NOSYSTEM = "1";
});
afterAll(() => {
  for (const [key, value] of [
    ["GIT_CONFIG_GLOBAL", saved.global],
    ["GIT_CONFIG_NOSYSTEM", saved.nosystem],
  ] as const)
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
});

/** The vault, a git repository, adopted with `learn init --here` and indexed. */
async function adopted(): Promise<string> {
  const root = obsidianVault({ git: true });
  const r = await call(init, { target: root, here: true }, env);
  expect(r.code, r.stderr).toBe(0);
  expect((await call(index, { dir: root, today }, env)).code).toBe(0);
  return root;
}

const showJson = async (root: string, name: string) =>
  jsonOf<ShowJson>(await call(show, { dir: root, today, slug: name, json: true }, env));
const searchJson = async (root: string, ...query: string[]) => {
  const r = await call(search, { dir: root, today, query, json: true }, env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SearchJson;
};
const searchPaths = async (root: string, ...query: string[]) =>
  (await searchJson(root, ...query)).hits.map((h) => h.path);
const listPaths = async (root: string, ...filters: string[]) =>
  jsonOf<ListJson>(await call(list, { dir: root, today, filters, json: true }, env))
    .notes.map((n) => n.path)
    .sort();
const due = async (root: string, opts: { limit?: string; within?: string } = {}) =>
  jsonOf<RevisitListJson>(await call(revisit, { dir: root, today, json: true, ...opts }, env)).due;
const checkJson = async (root: string) => {
  const r = await call(check, { dir: root, today, json: true }, env);
  return { code: r.code, report: JSON.parse(r.stdout) as CheckJson };
};

describe("an Obsidian vault adopted in place", () => {
  it("adopt in place: init --here writes only the config and appended lines, says what it found; learn finds it from inside", async () => {
    const root = obsidianVault({ git: true });
    const before = hashes(root);
    // before adoption, --dir on the vault says what to run and leaves nothing behind
    const early = await call(index, { dir: root, today }, env);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("learn init --here");
    expect(existsSync(join(root, ".learn"))).toBe(false);
    const r = await call(init, { target: root, here: true }, env);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`${VAULT_NOTE_PATHS.length} notes, Obsidian vault, 6 marked publish: true`);
    expect(r.stdout).toContain("notes   the whole folder (found .obsidian/)");
    const after = hashes(root);
    expect(Object.keys(after).filter((p) => after[p] !== before[p])).toEqual([
      ".gitattributes",
      ".gitignore",
      "learn.config.yaml",
    ]);
    const config = readFileSync(join(root, "learn.config.yaml"), "utf8");
    expect(config).toMatch(/^notes: \.$/m);
    expect(config).toMatch(/^dialect: obsidian$/m);
    expect(readFileSync(join(root, ".gitignore"), "utf8")).toContain(".learn/");
    expect(existsSync(join(root, "notes"))).toBe(false);

    // run from a folder inside the vault, with no --dir: the workspace is found upwards
    const inside = runCli(["list", "--format", "paths"], { cwd: join(root, "databases"), env });
    expect(inside.code, inside.stderr).toBe(0);
    expect(inside.stdout.trim().split("\n").sort()).toEqual(VAULT_NOTE_PATHS);
  });

  it("ignore rules: the README index, Templates/, the Excalidraw drawing and .obsidian/ are not notes", async () => {
    const root = await adopted();
    expect(await listPaths(root)).toEqual(VAULT_NOTE_PATHS);
    // not searchable either: the drawing's JSON says "dataview", the template says {{title}}, the README "Topic"
    const hits = await searchPaths(root, "dataview");
    expect(hits).not.toContain("Drawing.excalidraw.md");
    expect(hits).not.toContain("README.md");
    expect((await searchJson(root, "Topic")).hits).toEqual([]);
    expect((await searchJson(root, "title")).hits).toEqual([]);
    // the README's links make no backlinks and no broken links
    expect((await showJson(root, "Dataview")).backlinks.map((b) => b.from_path)).toEqual(["databases/Links.md"]);

    // .learnignore (gitignore syntax) leaves daily/ out and takes the README back
    appendFileSync(join(root, ".learnignore"), "daily/\n!README.md\n");
    const paths = await listPaths(root);
    expect(paths).toContain("README.md");
    expect(paths.some((p) => p.startsWith("daily/"))).toBe(false);
  });

  it("identity: the twins github/github-pages.md and github-actions/github-pages.md stay apart", async () => {
    const root = await adopted();
    // the short name is ambiguous: exit 2, both candidates listed
    const both = await call(show, { dir: root, today, slug: "github-pages", json: true }, env);
    expect(both.code).toBe(2);
    expect(both.stdout).toBe("");
    expect(both.stderr).toContain("github/github-pages.md");
    expect(both.stderr).toContain("github-actions/github-pages.md");
    // by path, with or without .md
    expect((await showJson(root, "github/github-pages")).note.title).toBe("GitHub Pages (github)");
    expect((await showJson(root, "github-actions/github-pages.md")).note.title).toBe("GitHub Pages (actions)");
    // Links.md's [[github/github-pages]] is a backlink of that twin only
    expect((await showJson(root, "github/github-pages")).backlinks.map((b) => b.from_path)).toEqual([
      "databases/Links.md",
    ]);
    expect((await showJson(root, "github-actions/github-pages")).backlinks).toEqual([]);
    // a build use of one twin is that twin's history alone
    const used = await call(revisit, { dir: root, today, slug: "github/github-pages", usedIn: "blog" }, env);
    expect(used.code, used.stderr).toBe(0);
    const log = readFileSync(join(root, "revisits.jsonl"), "utf8");
    expect(log).toContain('"note":"path:github/github-pages.md"');
    const byPath = new Map((await due(root)).map((d) => [d.path, d]));
    expect(byPath.get("github/github-pages.md")?.reason).toMatchObject({ kind: "used", build: "blog" });
    expect(byPath.get("github-actions/github-pages.md")?.reason).toMatchObject({ kind: "new" });
    expect((await call(revisit, { dir: root, today, slug: "github-pages", rating: "good" }, env)).code).toBe(2);
  });

  it("identity: a note at the top of the vault is named by its whole path when a folder has its twin", async () => {
    const root = await adopted();
    mkdirSync(join(root, "archive"));
    writeFileSync(join(root, "archive", "Git Stash.md"), "# Git Stash (old)\n\nOld notes.\n");
    const both = await call(show, { dir: root, today, slug: "Git Stash" }, env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Git Stash.md, archive/Git Stash.md");
    expect(both.stderr).toContain("e.g. archive/Git Stash, or Git Stash.md");
    expect((await showJson(root, "Git Stash.md")).note.path).toBe("Git Stash.md");
    expect((await showJson(root, "./Git Stash.md")).note.path).toBe("Git Stash.md");
    expect((await showJson(root, "archive/Git Stash")).note.path).toBe("archive/Git Stash.md");
  });

  // BUG (revisit keys, reported): an id-less note with a unique file name logs its revisits under
  // that name; once a copy with the same file name appears in another folder, neither note owns
  // them (`learn revisit --orphans` lists them), so the original loses its history. Remove
  // `.fails` once events can be told apart (e.g. the event also records the path).
  it("identity: a same-name copy in another folder does not take the original's history away", async () => {
    const root = await adopted();
    expect((await call(revisit, { dir: root, today, slug: "Git Stash", rating: "good" }, env)).code).toBe(0);
    mkdirSync(join(root, "archive"));
    writeFileSync(join(root, "archive", "Git Stash.md"), "# Git Stash (old)\n\nOld notes.\n");
    const stash = (await due(root, { within: "400d" })).find((d) => d.path === "Git Stash.md");
    expect(stash?.revisits).toBe(1);
  });

  it("titles and dates: from the H1 or the file name, every date dialect, git's first add, the file date, and no finding", async () => {
    const root = await adopted();
    const notes = jsonOf<ListJson>(await call(list, { dir: root, today, filters: [], json: true }, env)).notes;
    const byPath = new Map(notes.map((n) => [n.path, n]));
    expect(byPath.get("postgres/explain-analyze.md")?.title).toBe("Reading query plans"); // the H1
    expect(byPath.get("daily/2024-01-03.md")?.title).toBe("2024-01-03"); // the file name
    expect(byPath.get("github/github-pages.md")?.published).toBe("2022-08-05"); // created: epoch ms
    expect(byPath.get("github-actions/github-pages.md")?.published).toBe("2023-04-02"); // date:
    expect(byPath.get("databases/Postgres Indexes.md")?.updated).toBe("2024-05-01"); // a datetime with an offset
    expect(byPath.get("Dataview.md")?.updated).toBe("2023-11-14"); // updated: epoch ms
    for (const day of ["01", "02", "03", "04", "05"])
      expect(byPath.get(`daily/2024-01-${day}.md`)?.published).toBe(`2024-01-${day}`);
    expect(byPath.get("daily/2024-01-06.md")?.updated).toBe("2024-01-06"); // modified:
    // publish: true / false are visibility, not a broken date
    expect(byPath.get("Dataview.md")?.visibility).toBe("public");
    expect(byPath.get("Private Journal.md")?.visibility).toBe("private");

    // a note with no date: the day git added it, else the file's date, and output says which
    const start = async (name: string) => (await call(show, { dir: root, today, slug: name }, env)).stdout;
    expect(await start("Links")).toMatch(new RegExp(`added:\\s+${FIRST_COMMIT} \\(git\\)`));
    expect(await start("Git Stash")).toMatch(new RegExp(`added:\\s+${STASH_COMMIT} \\(git\\)`));
    expect(await start("Private Journal")).toMatch(new RegExp(`file date:\\s+${JOURNAL_MTIME}`));
    // touching a committed file does not move its schedule
    utimesSync(join(root, "databases", "Links.md"), new Date(), new Date());
    const links = (await due(root)).find((d) => d.path === "databases/Links.md");
    expect(links?.why).toBe(`never revisited (added ${FIRST_COMMIT} (git))`);

    // no finding about a missing title, date or summary, and no YAML error
    const { report } = await checkJson(root);
    expect(report.findings.filter((f) => f.rule !== "broken-link")).toEqual([]);
  });

  it("day-one revisits: at most revisit.new_per_day (10) a day, oldest first; --limit; include/exclude", async () => {
    const root = await adopted();
    const first = await due(root);
    expect(first.map((d) => d.path)).toEqual([
      "github/github-pages.md", // 2022-08-05
      "postgres/explain-analyze.md", // git, FIRST_COMMIT (equal dates: by file name)
      "databases/Links.md",
      "Lookup Tables.md",
      "Obsidian Plugins.md",
      "Plugin Picks.md",
      "What Colour Are Your Bits.md",
      "github-actions/github-pages.md", // 2023-04-02
      "Git Stash.md", // git, STASH_COMMIT
      "Dataview.md", // 2023-11-14
    ]);
    // each says where its date came from
    const why = new Map(first.map((d) => [d.path, d.why]));
    expect(why.get("github/github-pages.md")).toBe("never revisited (published 2022-08-05)");
    expect(why.get("Git Stash.md")).toBe(`never revisited (added ${STASH_COMMIT} (git))`);
    expect(why.get("Dataview.md")).toBe("never revisited (updated 2023-11-14)"); // only updated: (epoch ms)
    // the next ten come tomorrow, the last four the day after: never more than ten on a day
    const soon = await due(root, { within: "3d" });
    const perDay = new Map<string, number>();
    for (const d of soon) {
      const day = d.due === null || d.due < today ? today : d.due;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(Object.fromEntries(perDay)).toEqual({ [today]: 10, "2026-12-02": 10, "2026-12-03": 4 });
    expect(soon).toHaveLength(VAULT_NOTE_PATHS.length);
    expect((await due(root, { limit: "3" })).map((d) => d.path)).toEqual(first.slice(0, 3).map((d) => d.path));
    // revisit.exclude by folder and by inline tag: those notes are never due
    const config = readFileSync(join(root, "learn.config.yaml"), "utf8");
    appendFileSync(join(root, "learn.config.yaml"), '\nrevisit:\n  exclude: [daily, "#private"]\n');
    const scoped = await due(root, { within: "30d" });
    expect(scoped.some((d) => d.path.startsWith("daily/") || d.path === "Private Journal.md")).toBe(false);
    expect(scoped).toHaveLength(VAULT_NOTE_PATHS.length - 13);
    writeFileSync(join(root, "learn.config.yaml"), config);
    // revisiting today's ten lets none more in today: the next ten are tomorrow's
    for (const d of first) {
      const r = await call(revisit, { dir: root, today, slug: d.path, rating: "good" }, env);
      expect(r.code, `${d.path}: ${r.stderr}`).toBe(0);
    }
    expect(await due(root)).toEqual([]);
    const tomorrow = jsonOf<RevisitListJson>(
      await call(revisit, { dir: root, today: "2026-12-02", json: true }, { LEARN_TODAY: "2026-12-02" }),
    ).due;
    expect(tomorrow.map((d) => d.path)).toEqual(soon.filter((d) => d.due === "2026-12-02").map((d) => d.path));
  });

  it("link and embed dialects: every form resolves to the right note or attachment; code is not a link", async () => {
    const root = await adopted();
    const links = (await showJson(root, "databases/Links")).links;
    const to = links.map((l) => [l.target, l.to_path, l.anchor]);
    const pg = "databases/Postgres Indexes.md";
    expect(to).toEqual([
      ["Postgres Indexes", pg, null], // [[target|label]]
      ["Postgres Indexes", pg, "Partial indexes"], // [[target#heading]]
      ["Postgres Indexes", pg, "^partial"], // [[target#^block]]
      ["pg indexes", pg, null], // by alias
      ["postgres indexes", pg, null], // case-insensitive
      ["github/github-pages", "github/github-pages.md", null], // a path picks one twin
      ["Dataview", "Dataview.md", null], // ![[note]]
      ["Nowhere At All", null, null], // really broken
      ["Postgres Indexes.md", pg, null], // relative, %20
      ["Postgres Indexes.md", pg, null], // <angle>
      ["/databases/Postgres Indexes.md", pg, null], // rooted at the vault
      ["../attachments/paper.pdf", "attachments/paper.pdf", null], // an attachment
    ]);
    expect(links.map((l) => l.target)).not.toContain("Not A Link");
    expect(links.map((l) => l.target)).not.toContain("Also Not A Link");
    // embeds of an image find it in attachments/, wherever the note is
    const embeds = (await showJson(root, "Postgres Indexes")).links;
    expect(embeds.map((l) => [l.kind, l.to_path])).toEqual([
      ["embed", "attachments/diagram.png"],
      ["embed", "attachments/diagram.png"],
    ]);
    // a link in a heading is a link: Plugin Picks' H1 links to Obsidian Plugins
    expect((await showJson(root, "Obsidian Plugins")).backlinks.map((b) => b.from_path)).toEqual(["Plugin Picks.md"]);
    // backlinks by every form
    const back = (await showJson(root, "Postgres Indexes")).backlinks;
    expect(new Set(back.map((b) => b.from_path))).toEqual(new Set(["databases/Links.md"]));
    // check: exactly the one broken link, nothing about code, attachments or embeds
    const { code, report } = await checkJson(root);
    expect(report.findings.map((f) => [f.path, f.rule, f.message.includes("Nowhere At All")])).toEqual([
      ["databases/Links.md", "broken-link", true],
    ]);
    expect(code).toBe(0); // a broken link is a warning
    // by title too, and a twin by its title
    writeFileSync(join(root, "Probe.md"), "# Probe\n\n[[Reading query plans]] and [[GitHub Pages (actions)]]\n");
    expect((await showJson(root, "Probe")).links.map((l) => l.to_path)).toEqual([
      "postgres/explain-analyze.md",
      "github-actions/github-pages.md",
    ]);
  });

  it("front-matter edits keep the user's format: an epoch-ms updated: stays epoch-ms, publish: true stays", async () => {
    const root = await adopted();
    const before = readFileSync(join(root, "Dataview.md"), "utf8");
    const r = await call(
      week,
      { dir: root, today, domain: "databases", note: "Dataview", checklist: ["write a query"], role: ["data"] },
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(join(root, "Dataview.md"), "utf8");
    const ms = Date.parse(`${today}T00:00:00Z`);
    expect(after).toBe(
      before
        .replace("updated: 1700000000000\n", `updated: ${ms}\nroles: [data]\n`)
        .replace(/\n$/, "\n\n## Checklist\n\n- [ ] write a query\n"),
    );
    expect(after).toMatch(/^publish: true$/m);
    expect(after).not.toMatch(/^visibility:/m);
  });

  it("what the folder says: folder domains, folder:/path: filters, the path searched, inline and nested tags, aliases", async () => {
    const root = await adopted();
    // the top-level folder is the domain
    const notes = jsonOf<ListJson>(await call(list, { dir: root, today, filters: [], json: true }, env)).notes;
    expect(notes.find((n) => n.path === "postgres/explain-analyze.md")?.domain).toBe("postgres");
    expect(notes.find((n) => n.path === "github-actions/github-pages.md")?.domain).toBe("github-actions");
    // postgres explain analyze: the note in postgres/ never says "postgres"
    expect((await searchPaths(root, "postgres", "explain", "analyze"))[0]).toBe("postgres/explain-analyze.md");
    expect(await listPaths(root, "folder:github")).toEqual(["github/github-pages.md"]);
    expect(await listPaths(root, "path:github")).toEqual(["github-actions/github-pages.md", "github/github-pages.md"]);
    expect(await listPaths(root, 'path:"Plugin Picks"')).toEqual(["Plugin Picks.md"]); // a quoted value with a space
    expect(await listPaths(root, "domain:databases")).toEqual(["databases/Links.md", "databases/Postgres Indexes.md"]);
    // inline #tags are tags, and tag:x takes x/y too
    expect(await listPaths(root, "tag:databases/postgres")).toEqual(["databases/Postgres Indexes.md"]);
    expect(await listPaths(root, "tag:github")).toEqual(["github-actions/github-pages.md", "github/github-pages.md"]);
    expect(await listPaths(root, "tag:daily")).toHaveLength(12);
    expect((await showJson(root, "Postgres Indexes")).note.tags).toEqual(["postgres", "databases/postgres"]);
    // aliases: searchable, and `pg indexes` finds the note first
    expect((await searchPaths(root, "pg", "indexes"))[0]).toBe("databases/Postgres Indexes.md");
    expect(await searchPaths(root, "btree")).toEqual(["databases/Postgres Indexes.md"]);
  });

  it("check respects the user: rule ids, a summary first, --rule, a switch in the config", async () => {
    const root = await adopted();
    const text = await call(check, { dir: root, today }, env);
    expect(text.stdout.split("\n").slice(0, 2)).toEqual(["findings by rule (1 rule):", "  1  warning  broken-link"]);
    expect((await checkJson(root)).report.summary).toEqual([{ rule: "broken-link", severity: "warning", count: 1 }]);
    const secret = await call(check, { dir: root, today, json: true, rule: ["secret"] }, env);
    expect(JSON.parse(secret.stdout).findings).toEqual([]);
    appendFileSync(join(root, "learn.config.yaml"), "\ncheck:\n  rules:\n    broken-link: off\n");
    const off = await checkJson(root);
    expect(off.report.findings).toEqual([]);
    expect(off.code).toBe(0);
    // index prints counts, not a wall of findings
    const idx = await call(index, { dir: root, today, full: true }, env);
    expect(idx.stdout.split("\n").length).toBeLessThan(5);
  });

  it("publish for a real vault: comments gone, attachments copied (not a private note's), embeds sized, anchors kept", async () => {
    const root = await adopted();
    const r = await call(publish, { dir: root, today, json: true }, env);
    const out = jsonOf<PublishJson>(r);
    expect(out.notes).toBe(6);
    const site = join(root, "site");
    const files = filesUnder(site);
    expect(files).toContain("files/attachments/diagram.png");
    expect(files).toContain("files/attachments/paper.pdf");
    expect(files.some((f) => f.includes("secret-photo"))).toBe(false);
    expect(files.some((f) => /private-journal|daily|lookup/i.test(f))).toBe(false);
    // no comment text anywhere in the site: pages, search index, feed
    for (const f of files) {
      const text = readFileSync(join(site, f), "latin1");
      expect(text, f).not.toContain("private remark");
      expect(text, f).not.toContain("hidden thought");
      expect(text, f).not.toContain("Only for me");
    }
    const page = readFileSync(join(site, "notes", "postgres-indexes.html"), "utf8");
    expect(page).toContain('<img src="../files/attachments/diagram.png" alt="diagram.png" width="300"');
    expect(page).toContain('id="partial-indexes"');
    const links = readFileSync(join(site, "notes", "links.html"), "utf8");
    expect(links).toContain('href="../notes/postgres-indexes.html#partial-indexes"');
    // a block reference leads to the block, which carries its id and not the ` ^partial` marker
    expect(links).toContain('href="../notes/postgres-indexes.html#^partial"');
    expect(page).toContain('<p id="^partial">Index only some rows.</p>');
    expect(page).not.toContain("^partial<");
    expect(links).toContain("<code>[[Not A Link]]</code>");
    // the link by path reaches the right twin's page
    const twin = /<a class="wikilink" href="\.\.\/notes\/([^"]+)">GitHub Pages \(github\)<\/a>/.exec(links)?.[1];
    expect(readFileSync(join(site, "notes", twin!), "utf8")).toContain("<h1>GitHub Pages (github)</h1>");
    // incremental: a second publish rewrites no page; a changed note rewrites its own page
    const pages = join(site, "notes");
    const stamp = () => Object.fromEntries(readdirSync(pages).map((f) => [f, statSync(join(pages, f)).mtimeMs]));
    const old = new Date("2020-01-01T00:00:00Z");
    for (const f of readdirSync(pages)) utimesSync(join(pages, f), old, old);
    const first = stamp();
    expect((await call(publish, { dir: root, today }, env)).code).toBe(0);
    expect(stamp()).toEqual(first);
    appendFileSync(join(root, "Dataview.md"), "\nTables and lists.\n");
    expect((await call(publish, { dir: root, today }, env)).code).toBe(0);
    const changed = Object.entries(stamp())
      .filter(([f, t]) => t !== first[f])
      .map(([f]) => f);
    expect(changed).toEqual(["dataview.html"]);
    // comment words are not searchable in learn either
    expect((await searchJson(root, "hidden", "thought")).hits).toEqual([]);
  });

  it("publish follows publish_flag: a vault that maps publish: true to nothing publishes nothing", async () => {
    const root = await adopted();
    appendFileSync(join(root, "learn.config.yaml"), "\npublish_flag: false\n");
    expect(await listPaths(root, "is:public")).toEqual([]);
    const r = await call(publish, { dir: root, today, json: true }, env);
    expect(jsonOf<PublishJson>(r).notes).toBe(0);
  });

  it("ranking: the exact title first, typos by closeness, no fuzzy padding, a misspelt word relaxed, words ANDed", async () => {
    const root = await adopted();
    const dataview = (await searchJson(root, "dataview")).hits;
    expect(dataview[0]?.path).toBe("Dataview.md"); // though Obsidian Plugins says it six times
    expect(dataview.some((h) => h.fuzzy)).toBe(false);
    expect((await searchPaths(root, "lokup"))[0]).toBe("Lookup Tables.md");
    expect((await searchPaths(root, "gti", "stash"))[0]).toBe("Git Stash.md");
    // several words are ANDed, not a phrase: Postgres Indexes has "GIN" and "rows", not side by side
    expect(await searchPaths(root, "rows", "gin")).toEqual(["databases/Postgres Indexes.md"]);
    // a title is shown without its link markup, in search and everywhere else
    expect((await searchJson(root, "picks")).hits.map((h) => h.title)).toEqual(["My picks from the plugin list"]);
    const table = (await call(list, { dir: root, today, filters: ["path:Picks"] }, env)).stdout;
    expect(table).toContain("My picks from the plugin list");
    expect(table).not.toContain("[[");
    // a word no note has is dropped, and the output says so
    const relaxed = await call(search, { dir: root, today, query: ["stash", "zzqqxx"] }, env);
    expect(relaxed.stdout).toContain("Git Stash");
    expect(relaxed.stderr).toContain('no note has "zzqqxx"');
  });

  it("the user's files are byte-identical after every read command, and after revisit, used, search, check and publish", async () => {
    const root = await adopted();
    const before = hashes(root);
    const originals = Object.keys(VAULT_NOTES);
    for (const p of originals) expect(before[p], p).toBeDefined();
    const runs: [string, () => Promise<{ code: number | null; stderr: string }>][] = [
      ["index", () => call(index, { dir: root, today }, env)],
      ["search", () => call(search, { dir: root, today, query: ["postgres"] }, env)],
      ["show", () => call(show, { dir: root, today, slug: "databases/Links" }, env)],
      ["list", () => call(list, { dir: root, today, filters: [] }, env)],
      ["check", async () => ({ ...(await call(check, { dir: root, today }, env)), code: 0 })],
      ["revisit", () => call(revisit, { dir: root, today }, env)],
      ["revisit --rating", () => call(revisit, { dir: root, today, slug: "Postgres Indexes", rating: "good" }, env)],
      ["used", () => call(revisit, { dir: root, today, slug: "github/github-pages", usedIn: "blog" }, env)],
      ["revisit --snooze", () => call(revisit, { dir: root, today, slug: "Dataview", snooze: "3d" }, env)],
      ["search --json", () => call(search, { dir: root, today, query: ["lokup"], json: true }, env)],
      ["show --json", () => call(show, { dir: root, today, slug: "github-actions/github-pages", json: true }, env)],
      ["list --format paths", () => call(list, { dir: root, today, filters: ["tag:github"], format: "paths" }, env)],
      ["revisit --upcoming", () => call(revisit, { dir: root, today, upcoming: true }, env)],
      ["revisit --orphans", () => call(revisit, { dir: root, today, orphans: true }, env)],
      ["revisit --within", () => call(revisit, { dir: root, today, within: "30d", json: true }, env)],
      ["status", () => call(status, { dir: root, today }, env)],
      ["status --json", () => call(status, { dir: root, today, json: true }, env)],
      ["readiness --history", () => call(readiness, { dir: root, today, history: true }, env)],
      ["readiness", () => call(readiness, { dir: root, today }, env)],
      ["week --status", () => call(week, { dir: root, today, status: true }, env)],
      ["publish", () => call(publish, { dir: root, today }, env)],
      ["publish again", () => call(publish, { dir: root, today }, env)],
    ];
    for (const [name, run] of runs) {
      const r = await run();
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const now = hashes(root);
      for (const p of Object.keys(before)) expect(now[p], `${p} after ${name}`).toBe(before[p]);
      const added = Object.keys(now).filter((p) => !(p in before));
      expect(
        added.filter((p) => p !== "revisits.jsonl" && !p.startsWith("site/")),
        `files added by ${name}`,
      ).toEqual([]);
    }
  });
});
