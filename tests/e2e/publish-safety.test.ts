import { existsSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { index } from "../../src/commands/index.js";
import { publish } from "../../src/commands/publish.js";
import { LearnError } from "../../src/core/errors.js";
import { memoryIO } from "../../src/ui/io.js";
import { runCli } from "../helpers/run-cli.js";
import { workspace } from "../helpers/workspace.js";

// A fake GitHub token, built at run time so this file does not look like a leak.
const TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
// Every note gets this mtime, so a rewrite of the same size looks unchanged to the index cache.
const PINNED = 1_700_000_000;

/** Write `text` over a note keeping its size and mtime, as `cp -p`, `rsync -a` or `touch -r` would. */
function rewriteUnseen(path: string, text: string | Buffer): void {
  const before = statSync(path).size;
  writeFileSync(path, text);
  expect(statSync(path).size, "the rewrite must keep the size").toBe(before);
  utimesSync(path, PINNED, PINNED);
}

/** A workspace whose notes all carry the pinned mtime. */
function pinnedWorkspace(files: Record<string, string>): string {
  const root = workspace(files);
  for (const rel of Object.keys(files)) utimesSync(join(root, rel), PINNED, PINNED);
  return root;
}

/** Every file publish wrote, with its text. */
function siteFiles(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [
      join(e.parentPath, e.name).slice(dir.length + 1),
      readFileSync(join(e.parentPath, e.name), "utf8"),
    ]),
  );
}

/** Fail naming the file when any written file (name or text) holds one of `leaks`, case-insensitively. */
function expectNoLeak(dir: string, leaks: string[]): void {
  for (const [name, text] of siteFiles(dir))
    for (const leak of leaks) {
      expect(name.toLowerCase(), `file name ${name}`).not.toContain(leak.toLowerCase());
      expect(text.toLowerCase(), `${leak} in ${name}`).not.toContain(leak.toLowerCase());
    }
}

const note = (fields: string, body: string): string => `---\n${fields}\n---\n${body}`;
const run = (root: string, out = "site") => publish({ dir: root, out, cwd: root }, memoryIO());

describe("publish reads each note's file, not the index cache (issue 10 item 4)", () => {
  const plans = "notes/plans.md";
  const other = "notes/other.md";

  it("does not publish a note made private without changing its size or mtime", async () => {
    const root = pinnedWorkspace({
      [plans]: note("title: Plans\nvisibility: public ", "Open roadmap for everyone.\n"),
      [other]: note("title: Other\nvisibility: public", "Hello.\n"),
    });
    expect((await run(root)).notes).toBe(2);
    expect(existsSync(join(root, "site/notes/plans.html"))).toBe(true);

    rewriteUnseen(join(root, plans), note("title: Plans\nvisibility: private", "Layoffs list for everyone.\n"));
    const result = await run(root);
    expect(result.notes).toBe(1);
    expect(result.removed).toContain("notes/plans.html");
    expectNoLeak(join(root, "site"), ["Layoffs", "plans.html"]);
  });

  it("publishes a note made public without changing its size or mtime", async () => {
    const root = pinnedWorkspace({ [plans]: note("title: Plans\nvisibility: private", "Draft.\n") });
    expect((await run(root)).notes).toBe(0);
    rewriteUnseen(join(root, plans), note("title: Plans\nvisibility: public ", "Ready.\n"));
    expect((await run(root)).notes).toBe(1);
    expect(readFileSync(join(root, "site/notes/plans.html"), "utf8")).toContain("Ready.");
  });

  it("takes title, summary and body from the file just read, so a cached summary holding a token never reaches the site", async () => {
    const root = pinnedWorkspace({
      [plans]: note(`title: Old title\nsummary: token ${TOKEN}\nvisibility: public`, "Old body.\n"),
    });
    // The secret scan refuses this publish, but the index has cached the row with the token in its summary.
    await expect(run(root)).rejects.toThrow(/publish refused: 1 secret/);
    const clean = "x".repeat(TOKEN.length);
    rewriteUnseen(
      join(root, plans),
      note(`title: New title\nsummary: token ${clean}\nvisibility: public`, "New body.\n"),
    );
    expect((await run(root)).notes).toBe(1);
    const site = join(root, "site");
    expectNoLeak(site, [TOKEN, "Old title", "Old body"]);
    for (const f of ["notes/plans.html", "feed.xml", "search-index.json", "index.html"])
      expect(readFileSync(join(site, f), "utf8"), f).toContain("New title");
  });

  it("fails, naming the file and writing nothing, when a public note cannot be read at publish time", async () => {
    const root = pinnedWorkspace({
      [plans]: note("title: Plans\nvisibility: public", "Open roadmap for everyone.\n"),
      [other]: note("title: Other\nvisibility: public", "Hello.\n"),
    });
    await run(root);
    const before = siteFiles(join(root, "site"));
    const size = statSync(join(root, plans)).size;
    // Binary bytes where the note was: the index still holds its public row and cached text.
    rewriteUnseen(join(root, plans), Buffer.alloc(size, 0));
    const err = await run(root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LearnError);
    expect((err as LearnError).exitCode).toBe(1);
    expect((err as LearnError).message).toMatch(/^publish: notes\/plans\.md: cannot read this public note: /);
    expect((err as LearnError).message).toContain("nothing was written");
    expect(siteFiles(join(root, "site"))).toEqual(before);
  });

  it("exits 1 with the file named on stderr when a public note cannot be read (spawned)", async () => {
    const root = pinnedWorkspace({ [plans]: note("title: Plans\nvisibility: public", "Open roadmap.\n") });
    await index({ dir: root }, memoryIO());
    // Invalid UTF-8 of the same size: the cache says public, the file cannot be read as text.
    rewriteUnseen(join(root, plans), Buffer.alloc(statSync(join(root, plans)).size, 0xff));
    const r = runCli(["publish"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^learn: publish: notes\/plans\.md: cannot read this public note: .*nothing was written/);
    expect(existsSync(join(root, "site"))).toBe(false);
  });
});

describe("links to private notes never keep an href that names them (issue 10 item 12)", () => {
  it("drops query strings, fragments, ./, %20 and case variants of a link to a private note", async () => {
    const body = [
      "[alpha](sub/secret-plan.md?x=1)",
      "[bravo](sub/secret-plan.md#frag)",
      "[charlie](./sub/secret-plan.md)",
      "[delta](SUB/Secret-Plan.MD?y=2#z)",
      "[echo](my%20secret.md?x=1)",
      "[foxtrot](<my secret.md#top>)",
      "[golf](./sub/./secret-plan.md?x)",
      "[hotel](sub/secret%2Dplan.md)",
      "[india](sub/secret-plan)",
      "[juliet](sub/secret-plan.html?x=1)",
      "[kilo][ref]",
      "![lima](sub/secret-plan.md?x=1)",
      "[ok](pub.md?x=1#part)",
      "",
      "[ref]: sub/secret-plan.md?x=1",
      "",
    ].join("\n\n");
    const root = workspace({
      "notes/pub.md": note("title: Pub\nvisibility: public", `# Part\n\n${body}`),
      "notes/sub/secret-plan.md": note("title: Secret Plan\nvisibility: private", "Hidden.\n"),
      "notes/my secret.md": note("title: Mine\nvisibility: private", "Hidden.\n"),
    });
    await run(root);
    const site = join(root, "site");
    expectNoLeak(site, ["secret-plan", "secret%2dplan", "my secret", "my%20secret"]);
    const page = readFileSync(join(site, "notes/pub.html"), "utf8");
    for (const label of [
      "alpha",
      "bravo",
      "charlie",
      "delta",
      "echo",
      "foxtrot",
      "golf",
      "hotel",
      "india",
      "juliet",
      "kilo",
    ]) {
      expect(page, label).toContain(`${label}</p>`);
      expect(page, label).not.toMatch(new RegExp(`<a [^>]*>${label}</a>`));
    }
    expect(page).toContain('<a href="../notes/pub.html#part">ok</a>');
  });
});

describe("publish caps each note at 1 MiB (issue 10 item 15)", () => {
  it("publishes the first MiB of a 300 MB note with a visible truncation marker, reading only those bytes", async () => {
    const root = workspace({ "notes/other.md": note("title: Other\nvisibility: public", "Hello.\n") });
    const path = join(root, "notes/huge.md");
    const line = "Lorem ipsum dolor sit amet consectetur.\n";
    const head = note("title: Huge\nvisibility: public", "").concat(line.repeat(Math.ceil(1_000_000 / line.length)));
    // Past 1 MiB: words that must not be published, then a sparse hole to 300 MB.
    writeFileSync(path, `${head}EARLYWORD\n${"z".repeat(100_000)}\nLATEWORD\n`);
    truncateSync(path, 300 * 1024 * 1024);
    const started = performance.now();
    const result = await run(root);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.notes).toBe(2);
    const page = readFileSync(join(root, "site/notes/huge.html"), "utf8");
    expect(page).toContain("EARLYWORD");
    expect(page).not.toContain("LATEWORD");
    expect(page).toMatch(/truncated at 1 MiB/);
    expect(page.length).toBeLessThan(3 * 1024 * 1024);
    expect(readFileSync(join(root, "site/feed.xml"), "utf8")).toMatch(/truncated at 1 MiB/);
  }, 60_000);
});

describe("a private note leaks nowhere in the site", () => {
  it("plants private notes linked every way from public ones and greps every written file for their slugs and titles", async () => {
    const root = pinnedWorkspace({
      "notes/alpha-note.md": note(
        "title: Alpha\nvisibility: public\ntags: [shared]\nsummary: The alpha.\nrelated: [quokka-ledger, walrus-diary, beta-note]",
        [
          "# Alpha",
          "",
          "## About [[quokka-ledger]]",
          "",
          "See [[quokka-ledger]], [[quokka-ledger#part]], [[walrus-diary]] and ![[quokka-ledger]].",
          "",
          "Also [more](quokka-ledger.md?from=alpha), [top](./quokka-ledger.md#top) and [walrus](walrus-diary.md?x).",
          "",
          "Back to [[beta-note]].",
          "",
        ].join("\n"),
      ),
      "notes/beta-note.md": note("title: Beta\nvisibility: public\ntags: [shared]", "Up to [[alpha-note]].\n"),
      "notes/quokka-ledger.md": note(
        "title: Quokka Ledger Secrets\ntags: [shared, quokkatag]\nsummary: Quokka summary.\nrelated: [alpha-note, beta-note]",
        "Links to [[alpha-note]] and [beta](beta-note.md).\n",
      ),
      "notes/walrus-diary.md": note(
        "title: Walrus Diary Entries\nvisibility: public \ntags: [walrustag]\nrelated: [alpha-note]",
        "Walrus body; see [[alpha-note]].\n",
      ),
    });
    expect((await run(root)).notes).toBe(3);
    // Made private behind the cache's back: the index still lists it as public.
    rewriteUnseen(
      join(root, "notes/walrus-diary.md"),
      note(
        "title: Walrus Diary Entries\nvisibility: private\ntags: [walrustag]\nrelated: [alpha-note]",
        "Walrus body; see [[alpha-note]].\n",
      ),
    );
    expect((await run(root)).notes).toBe(2);
    const site = join(root, "site");
    expectNoLeak(site, [
      "quokka-ledger",
      "quokka ledger",
      "quokkatag",
      "quokka summary",
      "walrus-diary",
      "walrus diary",
      "walrustag",
      "walrus body",
    ]);
    expect([...siteFiles(site).keys()].sort()).toContain("search-index.json");
  });
});

describe("publish stays linear in a note's links", () => {
  it("publishes a note of 30,000 wikilinks in seconds (resolving each link by scanning them all took minutes)", async () => {
    const links = Array.from({ length: 30_000 }, (_, i) => `[[n${i}]]`).join(" ");
    const root = workspace({ "notes/big.md": note("title: Big\nvisibility: public", `${links}\n`) });
    const started = performance.now();
    expect((await run(root)).notes).toBe(1);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 120_000);
});
