import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { placeholderFindings } from "../../src/core/check-placeholders.js";
import { missingText, substance, templateText } from "../../src/core/note-substance.js";
import { parseNote } from "../../src/core/note-parse.js";

const tpl = (name: string) =>
  templateText(readFileSync(new URL(`../../templates/${name}.md`, import.meta.url), "utf8"));
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("a note's own words against its template", () => {
  it("treats guidance prose and plain bullets as placeholders, never headings, checklist items, steps or table rules", () => {
    const doc = tpl("doc");
    expect(doc.placeholders).toContain(
      "What should you be able to do or explain after reading this? One or two sentences.",
    );
    expect(doc.placeholders).toContain("- What broke, or what usually breaks, and how you would notice.");
    expect(doc.placeholders).not.toContain("## Goal");
    expect(doc.placeholders).not.toContain("- [ ] I can explain the mental model without notes.");
    const sheet = tpl("cheatsheet");
    expect(sheet.placeholders).toContain("| Example situation | The command, setting or rule to reach for |");
    expect(sheet.placeholders).not.toContain("| Situation | Do this |");
    expect(sheet.placeholders).not.toContain("| --- | --- |");
    expect(tpl("roadmap").placeholders).not.toContain("1. Pick one domain.");
  });

  it("counts a fresh note as nothing of its own, and a written one as enough", () => {
    const fresh =
      "\n# HTTP caching\n\n## Goal\n\nWhat should you be able to do or explain after reading this? One or two sentences.\n\n## Checklist\n\n- [ ] I can explain the mental model without notes.\n";
    const s = substance(fresh, tpl("doc"));
    expect(s).toMatchObject({ ownWords: 0, enough: false, placeholders: [{ line: 6 }] });
    expect(missingText(s)).toBe("80 more words of its own and 1 template placeholder replaced (first on body line 6)");
    const written = fresh.replace(/What should.*\n/, `${words(79)}\n`);
    expect(substance(written, tpl("doc"))).toMatchObject({ ownWords: 79, enough: false, placeholders: [] });
    expect(substance(written.replace("word0", "word0 extra"), tpl("doc"))).toMatchObject({
      ownWords: 80,
      enough: true,
    });
    expect(missingText(substance(written.replace("word0", "word0 extra"), tpl("doc")))).toBe("");
  });

  it("reports placeholders of public notes only, at their line in the file, under the rule template-placeholder", () => {
    const text =
      "---\ntitle: T\nvisibility: public\n---\n# T\n\nWhat should you be able to do or explain after reading this? One or two sentences.\n";
    const parsed = parseNote(text, "t");
    const found = placeholderFindings("notes/t.md", text, { body: parsed.body, isPublic: true }, tpl("doc"));
    expect(found).toEqual([
      expect.objectContaining({ path: "notes/t.md", line: 7, rule: "template-placeholder", severity: "error" }),
    ]);
    expect(placeholderFindings("notes/t.md", text, { body: parsed.body, isPublic: false }, tpl("doc"))).toEqual([]);
  });
});
