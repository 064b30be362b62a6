// What publish remembers between runs (the clean texts with their substance, the rendered bodies,
// the inputs' print) never stands in for a note as it is now: a note edited behind an unchanged
// mtime and size is published as it is, a remembered-clean text is checked again once the
// templates change, and a site built from the caches is byte for byte the one built without them.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { publish } from "../../src/commands/publish.js";
import { call } from "../helpers/in-process.js";
import { workspace } from "../helpers/workspace.js";

const note = (title: string, body: string) =>
  `---\ntitle: ${title}\nvisibility: public\npublished: 2026-11-01\ntags: [caching]\n---\n# ${title}\n\n${body}\n`;
const pub = (root: string, extra: object = {}) =>
  call(publish, { dir: root, cwd: root, ...extra }, { LEARN_TODAY: "2026-12-01" });
const read = (p: string) => readFileSync(p, "utf8");

/** Every file under `dir` (the marker aside) with its bytes. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === ".learn-site") continue;
    const p = join(e.parentPath, e.name);
    out[relative(dir, p)] = read(p);
  }
  return out;
}

function site() {
  return workspace({
    "notes/alpha.md": note("Alpha", `${"Caches keep copies near the reader. ".repeat(12)}See [[beta]].`),
    "notes/beta.md": note("Beta", `${"Invalidation is the hard part of caching. ".repeat(12)}Back to [[alpha]].`),
    "notes/gamma.md": "---\ntitle: Gamma\nvisibility: private\n---\nPrivate words.\n",
  });
}

describe("publish caches", () => {
  it("publishes a note edited between runs with the same mtime and size as it is now", async () => {
    const root = site();
    const file = join(root, "notes", "alpha.md");
    utimesSync(file, 1_700_000_000, 1_700_000_000); // whole seconds: set back exactly below
    expect((await pub(root)).code).toBe(0);
    const st = statSync(file);
    const text = read(file);
    const edited = text.replace("near the reader", "NEAR THE READER");
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(statSync(file).mtimeMs).toBe(st.mtimeMs);
    const r = await pub(root);
    expect(r.code, r.stderr).toBe(0);
    expect(read(join(root, "site", "notes", "alpha.html"))).toContain("NEAR THE READER");
    expect(read(join(root, "site", "search-index.json"))).toContain("NEAR THE READER");
    expect(JSON.parse(read(join(root, "site", "search-index.json")))).toHaveLength(2);
  });

  it("builds the same site, byte for byte, with every cache as without any", async () => {
    const root = site();
    expect((await pub(root)).code).toBe(0);
    const cold = filesOf(join(root, "site"));
    expect(Object.keys(cold)).toContain("readiness.html");
    // the clean texts (with their substance) and the rendered bodies are remembered now
    rmSync(join(root, "site"), { recursive: true });
    expect((await pub(root)).code).toBe(0);
    expect(filesOf(join(root, "site"))).toEqual(cold);
    // a change re-renders one page: the rest come back from the caches, the same bytes
    writeFileSync(join(root, "notes", "beta.md"), note("Beta", "Rewritten. ".repeat(40)));
    expect((await pub(root)).code).toBe(0);
    const warm = filesOf(join(root, "site"));
    rmSync(join(root, "site"), { recursive: true });
    for (const f of ["publish-clean.json", "publish-pages.json", "publish-site.json"])
      rmSync(join(root, ".learn", f), { force: true });
    expect((await pub(root)).code).toBe(0);
    expect(filesOf(join(root, "site"))).toEqual(warm);
  });

  it("checks a remembered-clean text again once the templates change, and never remembers a refused one", async () => {
    const root = site();
    expect((await pub(root)).code).toBe(0);
    // the workspace's own doc template now holds alpha's sentence: it is placeholder text now
    mkdirSync(join(root, "templates"), { recursive: true });
    writeFileSync(join(root, "templates", "doc.md"), "# {{title}}\n\nCaches keep copies near the reader.\n");
    writeFileSync(
      join(root, "notes", "alpha.md"),
      note("Alpha", `Caches keep copies near the reader.\n\n${"My own words about it. ".repeat(12)}`),
    );
    let r = await pub(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("template placeholder text");
    // refused again: the text was not remembered as clean
    r = await pub(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("template placeholder text");
    // a text published clean under the old templates is checked against the new ones
    rmSync(join(root, "templates", "doc.md"));
    const own = `My own words about it.\n\n${"Caches keep copies near the reader. ".repeat(12)}`;
    writeFileSync(join(root, "notes", "alpha.md"), note("Alpha", own));
    expect((await pub(root)).code).toBe(0);
    expect((await pub(root)).stderr).toMatch(/\(0 files written/);
    writeFileSync(join(root, "templates", "doc.md"), "# {{title}}\n\nMy own words about it.\n");
    r = await pub(root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("template placeholder text");
  });
});
