import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publish } from "../../src/commands/publish.js";
import { call } from "../helpers/in-process.js";
import { workspace } from "../helpers/workspace.js";

// A re-publish with nothing changed reads the inputs, finds them as the last publish left them,
// and writes nothing (not even the marker); any change to an input or to the site publishes again.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const note = (title: string, body: string) =>
  `---\ntitle: ${title}\nvisibility: public\npublished: 2026-11-01\n---\n${body}\n`;

function site() {
  const root = workspace({
    "notes/alpha.md": note("Alpha", "See [[beta]] and ![[later.png]]."),
    "notes/beta.md": note("Beta", "Back to [[alpha]]."),
    "notes/gamma.md": "---\ntitle: Gamma\nvisibility: private\n---\nPrivate words.\n",
  });
  return root;
}
const pub = (root: string, extra: object = {}) =>
  call(publish, { dir: root, cwd: root, ...extra }, { LEARN_TODAY: "2026-12-01" });
const mtime = (p: string) => statSync(p).mtimeMs;

describe("publish with nothing changed", () => {
  it("writes nothing at all: not a page, not the marker, not a cache", async () => {
    const root = site();
    expect((await pub(root)).code).toBe(0);
    const marker = join(root, "site", ".learn-site");
    const clean = join(root, ".learn", "publish-clean.json");
    const before = [mtime(marker), mtime(clean), mtime(join(root, "site", "notes", "alpha.html"))];
    const r = await pub(root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\(0 files written, \d+ unchanged\)/);
    expect([mtime(marker), mtime(clean), mtime(join(root, "site", "notes", "alpha.html"))]).toEqual(before);
  });

  it("publishes again when a note, the site or the attachments changed", async () => {
    const root = site();
    await pub(root);
    const alpha = join(root, "site", "notes", "alpha.html");
    expect(readFileSync(alpha, "utf8")).not.toContain("files/notes/later.png");
    // An attachment a public note names appears: it is found and copied.
    writeFileSync(join(root, "notes", "later.png"), PNG);
    let r = await pub(root);
    expect(r.stderr).toMatch(/\(\d+ files? written/);
    expect(readFileSync(alpha, "utf8")).toContain("files/notes/later.png");
    expect(existsSync(join(root, "site", "files", "notes", "later.png"))).toBe(true);
    // The attachment changes.
    writeFileSync(join(root, "notes", "later.png"), Buffer.concat([PNG, PNG]));
    r = await pub(root);
    expect(readFileSync(join(root, "site", "files", "notes", "later.png")).length).toBe(PNG.length * 2);
    // A page is removed from the site, or changed there.
    rmSync(alpha);
    r = await pub(root);
    expect(r.stderr).toMatch(/\(1 file written/);
    expect(existsSync(alpha)).toBe(true);
    writeFileSync(alpha, "tampered");
    r = await pub(root);
    expect(readFileSync(alpha, "utf8")).toContain("Alpha");
    // A note changes, or a private one goes public.
    writeFileSync(join(root, "notes", "beta.md"), note("Beta", "Changed words."));
    await pub(root);
    expect(readFileSync(join(root, "site", "notes", "beta.html"), "utf8")).toContain("Changed words.");
    writeFileSync(join(root, "notes", "gamma.md"), note("Gamma", "Now public."));
    await pub(root);
    expect(existsSync(join(root, "site", "notes", "gamma.html"))).toBe(true);
  });

  it("still refuses a folder holding files publish did not make", async () => {
    const root = site();
    await pub(root);
    writeFileSync(join(root, "site", "thesis.docx"), "mine");
    const r = await pub(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("thesis.docx");
    expect((await pub(root, { force: true })).code).toBe(0);
    expect(readFileSync(join(root, "site", "thesis.docx"), "utf8")).toBe("mine");
  });

  it("still refuses a secret added to a public note", async () => {
    const root = site();
    await pub(root);
    writeFileSync(
      join(root, "notes", "beta.md"),
      note("Beta", "key: AKIAIOSFODNN7EXAMPLF\nsecret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEF"),
    );
    const r = await pub(root);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("publish refused");
  });
});
