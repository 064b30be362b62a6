import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "../helpers/files.js";
import { publish } from "../../src/commands/publish.js";
import { search } from "../../src/commands/search.js";
import { call, jsonOf } from "../helpers/in-process.js";
import { tempDir, workspace } from "../helpers/workspace.js";

// An Obsidian-like vault: comments of both kinds, embeds with sizes, attachments beside the note,
// elsewhere in the workspace, behind a link that leads out; a note only a private note shows.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const HIDDEN = ["zqxhtmlremark", "zqxobsidianremark", "zqxblockremark", "zqxunclosedremark", "zqxmultiremark"];

const vault = `---
title: Vault note
visibility: public
published: 2026-11-01
tags: [vault]
---
# Vault note

Seen words. <!-- zqxhtmlremark --> and %%zqxobsidianremark%% stay hidden.

%%
zqxblockremark on its own lines
%%

<!--
zqxmultiremark
-->

A sample: \`<!-- zqxcodesample -->\` and \`%% zqxspansample %%\`.

\`\`\`html
<!-- zqxfencedsample -->
\`\`\`

![[diagram.png|300]]

![[wide.png|300x200]]

![A picture|120](img/pic.png)

[the paper](paper.pdf) and [[paper.pdf|the same paper]].

See [[Target Note#Section Title]] and [[#Local Part]].

![[Target Note]]

![[outside.png]]

## Local Part

Last words %% zqxunclosedremark to the end
of the note.
`;

function vaultWorkspace(): { root: string; outside: string } {
  const root = workspace({
    "notes/Vault note.md": vault,
    "notes/Target Note.md":
      "---\ntitle: Target Note\nvisibility: public\npublished: 2026-10-01\n---\n## Section Title\n\nText.\n",
    "notes/private.md": "---\ntitle: Private\nvisibility: private\n---\n![[private-only.png]] ![[diagram.png]]\n",
  });
  writeFileSync(join(root, "notes", "diagram.png"), PNG);
  mkdirSync(join(root, "notes", "img"));
  writeFileSync(join(root, "notes", "img", "pic.png"), PNG);
  writeFileSync(join(root, "notes", "paper.pdf"), "%PDF-1.4\n");
  mkdirSync(join(root, "attachments"));
  writeFileSync(join(root, "attachments", "wide.png"), PNG);
  writeFileSync(join(root, "attachments", "private-only.png"), PNG);
  const outside = tempDir();
  writeFileSync(join(outside, "outside.png"), "not yours");
  symlinkSync(join(outside, "outside.png"), join(root, "attachments", "outside.png"));
  return { root, outside };
}

const pub = (root: string) => call(publish, { dir: root, cwd: root }, { LEARN_TODAY: "2026-12-01" });

describe("publish on an Obsidian-like vault", () => {
  it("removes HTML and %% comments from pages, search-index.json and feed.xml, but not from code samples", async () => {
    const { root } = vaultWorkspace();
    const r = await pub(root);
    expect(r.code, r.stderr).toBe(0);
    const site = join(root, "site");
    const page = readFileSync(join(site, "notes", "vault-note.html"), "utf8");
    for (const file of ["notes/vault-note.html", "search-index.json", "search-index.js", "feed.xml"]) {
      const text = readFileSync(join(site, file), "utf8");
      for (const word of HIDDEN) expect(text, `${word} in ${file}`).not.toContain(word);
    }
    expect(page).toContain("Seen words.");
    expect(page).toContain("&lt;!-- zqxcodesample --&gt;");
    expect(page).toContain("%% zqxspansample %%");
    expect(page).toContain("&lt;!-- zqxfencedsample --&gt;");
    expect(page).toContain("Last words");
    expect(page).not.toContain("of the note");
  });

  it("keeps comments out of `learn search`", async () => {
    const { root } = vaultWorkspace();
    const hits = (q: string) =>
      call(search, { dir: root, query: [q], json: true }).then((r) =>
        jsonOf<{ hits: { title: string }[] }>(r).hits.map((h) => h.title),
      );
    expect(await hits("seen")).toContain("Vault note");
    expect(await hits("zqxcodesample")).toContain("Vault note");
    for (const word of HIDDEN) expect(await hits(word), word).not.toContain("Vault note");
  });

  it("copies what public notes show, sized as written; never a private note's alone, never through a link out", async () => {
    const { root } = vaultWorkspace();
    const r = await pub(root);
    expect(r.code, r.stderr).toBe(0);
    const site = join(root, "site");
    const page = readFileSync(join(site, "notes", "vault-note.html"), "utf8");
    const files = filesUnder(site).filter((f) => f.startsWith("files/"));
    expect(files).toEqual([
      "files/attachments/wide.png",
      "files/notes/diagram.png",
      "files/notes/img/pic.png",
      "files/notes/paper.pdf",
    ]);
    expect(readFileSync(join(site, "files/notes/diagram.png"))).toEqual(PNG);
    expect(page).toContain('<img src="../files/notes/diagram.png" alt="diagram.png" width="300" loading="lazy">');
    expect(page).toContain(
      '<img src="../files/attachments/wide.png" alt="wide.png" width="300" height="200" loading="lazy">',
    );
    expect(page).toMatch(/<img src="..\/files\/notes\/img\/pic.png" alt="A picture" width="120">/);
    expect(page).toContain('<a href="../files/notes/paper.pdf">the paper</a>');
    expect(page).toContain('<a class="attachment" href="../files/notes/paper.pdf">the same paper</a>');
    // The link out of the workspace is not followed: no copy, no src, just the name.
    expect(page).toContain('<span class="broken-link">outside.png</span>');
    expect(filesUnder(site).some((f) => f.includes("outside"))).toBe(false);
    expect(filesUnder(site).some((f) => f.includes("private-only"))).toBe(false);
  });

  it("keeps heading anchors: [[Note#Section]] points at the id the heading gets; a note embed is a link", async () => {
    const { root } = vaultWorkspace();
    expect((await pub(root)).code).toBe(0);
    const site = join(root, "site");
    const page = readFileSync(join(site, "notes", "vault-note.html"), "utf8");
    const target = readFileSync(join(site, "notes", "target-note.html"), "utf8");
    expect(page).toContain('<a class="wikilink" href="../notes/target-note.html#section-title">Target Note</a>');
    expect(target).toContain('<h2 id="section-title">Section Title</h2>');
    expect(page).toContain('<a class="wikilink" href="#local-part">Local Part</a>');
    expect(page).toContain('<h2 id="local-part">Local Part</h2>');
    expect(page).toContain('<a class="wikilink embed" href="../notes/target-note.html">Target Note</a>');
  });

  it("the feed holds the latest 50 notes", async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 60; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      const month = i <= 28 ? "10" : "11";
      files[`notes/n${i}.md`] =
        `---\ntitle: Note ${i}\nvisibility: public\npublished: 2026-${month}-${day}\n---\nBody ${i}.\n`;
    }
    const root = workspace(files);
    expect((await pub(root)).code).toBe(0);
    const feed = readFileSync(join(root, "site", "feed.xml"), "utf8");
    const dates = [...feed.matchAll(/<published>([^<]+)<\/published>/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(50);
    expect(dates).toEqual([...dates].sort().reverse());
    // The ten oldest (October 2 to 11) are the ones left out.
    expect(dates.at(-1)! > "2026-10-11").toBe(true);
    expect(readdirSync(join(root, "site", "notes"))).toHaveLength(60);
  });

  it("publishes incrementally: nothing rewritten when nothing changed, only what changed otherwise", async () => {
    const root = workspace({
      "notes/a.md": "---\ntitle: A\nvisibility: public\npublished: 2026-11-01\n---\nAlpha.\n",
      "notes/b.md": "---\ntitle: B\nvisibility: public\npublished: 2026-11-02\n---\nBravo.\n",
      "notes/c.md": "---\ntitle: C\nvisibility: public\npublished: 2026-11-03\n---\nCharlie. ![[pic.png]]\n",
    });
    writeFileSync(join(root, "notes", "pic.png"), PNG);
    expect((await pub(root)).code).toBe(0);
    const site = join(root, "site");
    const old = new Date("2020-01-01T00:00:00Z");
    const files = filesUnder(site).filter((f) => f !== ".learn-site");
    for (const f of files) utimesSync(join(site, f), old, old);
    const mtimes = () => Object.fromEntries(files.map((f) => [f, statSync(join(site, f)).mtimeMs]));
    const again = await pub(root);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`(0 files written, ${files.length} unchanged)`);
    expect(Object.values(mtimes()).every((m) => m === old.getTime())).toBe(true);

    writeFileSync(
      join(root, "notes", "b.md"),
      "---\ntitle: B\nvisibility: public\npublished: 2026-11-02\n---\nBravo, again.\n",
    );
    expect((await pub(root)).code).toBe(0);
    const changed = Object.entries(mtimes())
      .filter(([, m]) => m !== old.getTime())
      .map(([f]) => f)
      .sort();
    expect(changed).toEqual(["feed.xml", "notes/b.html", "search-index.js", "search-index.json"]);
    expect(readFileSync(join(site, "notes", "b.html"), "utf8")).toContain("Bravo, again.");

    // A note removed loses its page; its image goes when no public page shows it.
    writeFileSync(join(root, "notes", "c.md"), "---\ntitle: C\nvisibility: private\n---\nCharlie. ![[pic.png]]\n");
    const r = await pub(root);
    expect(r.code).toBe(0);
    expect(existsSync(join(site, "notes", "c.html"))).toBe(false);
    expect(existsSync(join(site, "files", "notes", "pic.png"))).toBe(false);
    expect(r.stderr).toMatch(/removed 2 old files/);
  });

  it("re-scans for secrets whatever it remembers: a changed note, or an allowlist that lost its entry", async () => {
    const token = "xoxb-" + "12345678901-1234567890123-abcdefghijABCDEFGHIJklmn";
    const root = workspace({ "notes/a.md": "---\ntitle: A\nvisibility: public\n---\nClean.\n" });
    expect((await pub(root)).code).toBe(0);
    writeFileSync(join(root, "notes", "a.md"), `---\ntitle: A\nvisibility: public\n---\nSLACK=${token}\n`);
    const refused = await pub(root);
    expect(refused.code).toBe(1);
    const fingerprint = /[0-9a-f]{64}/.exec(refused.stderr)![0];
    writeFileSync(join(root, ".learn-secrets-allow"), `${fingerprint}\n`);
    expect((await pub(root)).code).toBe(0);
    expect((await pub(root)).code).toBe(0);
    writeFileSync(join(root, ".learn-secrets-allow"), "");
    expect((await pub(root)).code).toBe(1);
  });

  it("reuses a page body only while every link in it resolves the same (a title, a visibility, an image changed)", async () => {
    const root = workspace({
      "notes/a.md": "---\ntitle: A\nvisibility: public\n---\nSee [[b]] and [[c]]. ![[pic.png]]\n",
      "notes/b.md": "---\ntitle: Bee\nvisibility: public\n---\nB.\n",
      "notes/c.md": "---\ntitle: Sea\nvisibility: private\n---\nC.\n",
    });
    const page = () => readFileSync(join(root, "site", "notes", "a.html"), "utf8");
    expect((await pub(root)).code).toBe(0);
    expect(page()).toContain('<span class="broken-link">pic.png</span>');
    expect(page()).toContain('<span class="private-link">(private note)</span>');
    writeFileSync(join(root, "notes", "b.md"), "---\ntitle: Bumblebee\nvisibility: public\n---\nB.\n");
    writeFileSync(join(root, "notes", "c.md"), "---\ntitle: Sea\nvisibility: public\n---\nC.\n");
    writeFileSync(join(root, "notes", "pic.png"), PNG);
    expect((await pub(root)).code).toBe(0);
    expect(page()).toContain(">Bumblebee</a>");
    expect(page()).toContain('href="../notes/c.html">Sea</a>');
    expect(page()).toContain('<img src="../files/notes/pic.png"');
    expect(existsSync(join(root, "site", "files", "notes", "pic.png"))).toBe(true);
    // A page edited by hand is not taken back as the body: it is rendered again, and rewritten.
    writeFileSync(join(root, "site", "notes", "a.html"), page().replace("Bumblebee", "Hacked"));
    expect((await pub(root)).code).toBe(0);
    expect(page()).toContain(">Bumblebee</a>");
    expect(page()).not.toContain("Hacked");
  });
});
