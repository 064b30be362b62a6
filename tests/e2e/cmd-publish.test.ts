import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "../helpers/files.js";
import { publish, type PublishOptions } from "../../src/commands/publish.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir, workspace } from "../helpers/workspace.js";

/** `learn publish` in-process, relative --out paths starting at `cwd` (the workspace by default). */
const pub = (root: string, opts: PublishOptions = {}, cwd = root) => call(publish, { dir: root, cwd, ...opts });

// A fake Slack token, built at run time so this file does not look like a leak.
const TOKEN = "xoxb-" + "12345678901-1234567890123-abcdefghijABCDEFGHIJklmn";
const PRIVATE_TITLE = "Zanzibar heist plans";
const PRIVATE_SLUG = "zanzibar-heist";

const notes = {
  "notes/core-backend/http-caching.md":
    "---\ntitle: HTTP caching\ntype: doc\nstatus: evergreen\nvisibility: public\ndomain: core-backend\ndifficulty: intermediate\ntags: [http]\nsummary: How caches decide.\npublished: 2026-11-01\nupdated: 2026-11-20\nrelated: [idempotency-keys, zanzibar-heist]\n---\n# HTTP caching\n\nSee [[idempotency-keys]] and [[zanzibar-heist]].\n\n<script>window.pwned = 1</script>\n\n[x](javascript:alert(1))\n",
  "notes/core-backend/idempotency-keys.md":
    "---\ntitle: Idempotency keys\ntype: cheatsheet\nstatus: budding\nvisibility: public\ntags: [http, retries]\npublished: 2026-11-10\n---\nBack to [[http-caching]].\n",
  [`notes/private/${PRIVATE_SLUG}.md`]: `---\ntitle: ${PRIVATE_TITLE}\ntags: [zanzitag]\nrelated: [http-caching]\n---\nThe vault token is ${TOKEN}.\n`,
};

describe("learn publish", () => {
  it("builds site/ in the workspace from public notes only; the private note leaks nowhere", () => {
    const root = workspace(notes);
    const r = runCli(["publish"], { cwd: join(root, "notes") });
    expect(r.stderr).toBe(`published 2 public notes and 2 tag pages to ${join(root, "site")}/\n`);
    expect(r.code).toBe(0);
    const site = join(root, "site");
    expect(r.stdout).toBe(`${join(site, "index.html")}\n`);
    const files = filesUnder(site);
    expect(files).toEqual([
      ".learn-site",
      "assets/fuse.min.js",
      "assets/search.js",
      "assets/style.css",
      "feed.xml",
      "index.html",
      "notes/http-caching.html",
      "notes/idempotency-keys.html",
      "readiness.html",
      "search-index.js",
      "search-index.json",
      "tags/http.html",
      "tags/retries.html",
    ]);
    for (const f of files) {
      const text = readFileSync(join(site, f), "utf8").toLowerCase();
      for (const leak of [PRIVATE_TITLE, PRIVATE_SLUG, "zanzitag", TOKEN, "vault token"]) {
        expect(f.toLowerCase(), "file name").not.toContain(leak.toLowerCase());
        expect(text, `${leak} in ${f}`).not.toContain(leak.toLowerCase());
      }
    }
    const page = readFileSync(join(site, "notes/http-caching.html"), "utf8");
    expect(page).not.toMatch(/<script>window|href="javascript:/);
    expect(page).toContain("&lt;script&gt;window.pwned = 1&lt;/script&gt;");
    expect(page).toContain('<span class="private-link">(private note)</span>');
  });

  it("is deterministic: publishes on two dates, in two time zones, give the same bytes", async () => {
    const root = workspace(notes);
    const a = runCli(["publish", "--out", "a"], {
      cwd: root,
      env: { LEARN_TODAY: "2026-11-27", TZ: "Pacific/Kiritimati" },
    });
    expect(a.code).toBe(0);
    // A later day (and this process's zone): nothing in the site depends on the day it was built,
    // except the readiness page, which is readiness as of that day (on-time revisits depend on it).
    expect((await pub(root, { out: "b", json: true, today: "2027-03-01" })).code).toBe(0);
    const files = filesUnder(join(root, "a"));
    expect(filesUnder(join(root, "b"))).toEqual(files);
    // (The marker holds each file's hash, so it differs by the readiness page's.)
    for (const f of files.filter((f) => f !== "readiness.html" && f !== ".learn-site"))
      expect(readFileSync(join(root, "b", f), "utf8"), f).toBe(readFileSync(join(root, "a", f), "utf8"));
    // the same day in another zone: the readiness page too is the same bytes
    expect((await pub(root, { out: "c", json: true, today: "2026-11-27" })).code).toBe(0);
    expect(readFileSync(join(root, "c", "readiness.html"), "utf8")).toBe(
      readFileSync(join(root, "a", "readiness.html"), "utf8"),
    );
    // the dates that are there are the notes' own
    const feed = readFileSync(join(root, "a", "feed.xml"), "utf8");
    expect(feed).toContain("2026-11-20");
    expect(feed).not.toMatch(/2026-11-27|2027-03-01/);
  });

  it("refuses, listing the findings, when a public note holds a secret; writes nothing", async () => {
    const root = workspace({
      ...notes,
      "notes/leaky.md": `---\ntitle: Leaky\nvisibility: public\n---\nSLACK=${TOKEN}\n`,
    });
    const r = await pub(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes\/leaky\.md:5: error found slack token.* in a public note \[secret\/slack\]/);
    expect(r.stderr).toContain("learn: publish refused: 1 secret in public notes, nothing was written");
    expect(r.stderr).not.toContain(TOKEN);
    expect(existsSync(join(root, "site"))).toBe(false);
  });

  it("takes --out relative to the current folder and reports JSON", async () => {
    const root = workspace(notes);
    const cwd = tempDir();
    const r = await pub(root, { out: "public", json: true }, cwd);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      out: join(cwd, "public"),
      notes: 2,
      tags: 2,
      files: 12,
      removed: [],
    });
    expect(existsSync(join(cwd, "public", "index.html"))).toBe(true);
  });

  it("refuses the notes folder or a folder inside it (exit 2)", async () => {
    const root = workspace(notes);
    for (const out of ["notes", "notes/site", "."]) {
      const r = await pub(root, { out });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/learn: --out .*notes folder/);
    }
  });

  it("refuses a folder with files it did not make unless --force, and removes pages of notes made private", async () => {
    const root = workspace(notes);
    mkdirSync(join(root, "out"));
    writeFileSync(join(root, "out", "thesis.docx"), "mine");
    const refused = await pub(root, { out: "out" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("holds files that learn publish did not make: thesis.docx");
    expect((await pub(root, { out: "out", force: true })).code).toBe(0);
    expect(readFileSync(join(root, "out", "thesis.docx"), "utf8")).toBe("mine");

    const path = join(root, "notes/core-backend/idempotency-keys.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("visibility: public", "visibility: private"));
    const again = await pub(root, { out: "out", force: true, json: true });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).removed).toEqual(["notes/idempotency-keys.html", "tags/retries.html"]);
    expect(existsSync(join(root, "out", "notes", "idempotency-keys.html"))).toBe(false);
    expect(readFileSync(join(root, "out", "index.html"), "utf8")).not.toContain("Idempotency keys");
  });
});
