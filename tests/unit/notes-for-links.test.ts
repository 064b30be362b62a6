import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkFindings, notesForLinks } from "../../src/core/check-links.js";
import { blankNoteRow, type LinkRow, type NoteRow } from "../../src/core/index-types.js";

// The editor's diagnostics check one document's links against only the notes those links can
// reach (core/check-links.ts notesForLinks), not all of them: building three maps of every note at
// each pause in typing is what grew the language server's heap. The findings must be the same.

const PATHS = ["a.md", "b.md", "x/b.md", "y/B.md", "c.markdown", "x/c.md", "d.md", "notes/e.md", "img.png"];
const slugOf = (p: string) => p.slice(p.lastIndexOf("/") + 1).replace(/\.(md|markdown|png)$/i, "");

const note = fc
  .record({
    path: fc.constantFrom(...PATHS.filter((p) => !p.endsWith(".png"))),
    pub: fc.boolean(),
    upper: fc.boolean(),
  })
  .map(({ path, pub, upper }) => ({
    ...blankNoteRow(path, upper ? slugOf(path).toUpperCase() : slugOf(path)),
    visibility: pub ? "public" : "private",
  }));
const link = (self: NoteRow) =>
  fc
    .record({
      target: fc.constantFrom("b", "x/b", "B", "c", "img.png", "nowhere", "d.md", "../a.md"),
      kind: fc.constantFrom<LinkRow["kind"]>("wikilink", "markdown", "embed", "related"),
      to_path: fc.constantFrom<string | null | undefined>(...PATHS, null, undefined),
      to_slug: fc.constantFrom<string | null>("a", "b", "B", "c", "d", "e", "nowhere", null),
    })
    .map((l): LinkRow => ({ ...l, from_slug: self.slug, from_path: self.path, anchor: null }) as LinkRow);

describe("notesForLinks", () => {
  it("gives linkFindings what it needs for one document's links: the same findings as every note", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(note, { selector: (n) => n.path, maxLength: 8 }),
        note,
        fc.boolean(),
        (notes, self, selfPublic) => {
          const me = { ...self, visibility: selfPublic ? "public" : "private" };
          return fc.assert(
            fc.property(fc.array(link(me), { maxLength: 6 }), (links) => {
              const all = [...notes.filter((n) => n.path !== me.path), me];
              const only = new Set([me.path]);
              const text = () => "";
              expect(linkFindings(notesForLinks(notes, links, me), links, text, only)).toEqual(
                linkFindings(all, links, text, only),
              );
            }),
            { numRuns: 20 },
          );
        },
      ),
      { numRuns: 200, seed: 20261202 },
    );
  });
});
