import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/core/config.js";
import { NOTE_TYPES } from "../../src/core/note-model.js";
import { formatFrontMatter } from "../../src/core/note-format.js";
import { newNoteFields, planNewNote } from "../../src/core/note-new.js";
import { parseNote } from "../../src/core/note-parse.js";
import { renderTemplate, TemplateError } from "../../src/core/template.js";
import { UsageError } from "../../src/core/errors.js";

const TEMPLATES = new URL("../../templates/", import.meta.url);
const plan = (over: Record<string, unknown> = {}) =>
  planNewNote(
    { type: "doc", title: "HTTP caching: the model", domain: "core-backend", ...over },
    DEFAULT_CONFIG,
    "2026-11-27",
    () => false,
    "abcd1234",
  );

describe("renderTemplate", () => {
  it("renders variables without HTML escaping and splits template front matter", () => {
    const r = renderTemplate(
      '---\nextra: {{week}}\n---\n# {{title}} <{{join tags ", "}}>\n',
      plan({ tags: "a,b" }).vars,
    );
    expect(r.fields).toEqual({ extra: "2026-W48" });
    expect(r.body).toBe("# HTTP caching: the model <a, b>\n");
  });

  it("reports a broken template as a TemplateError", () => {
    expect(() => renderTemplate("{{#if}}", plan().vars)).toThrow(TemplateError);
  });
});

describe("bundled templates", () => {
  const files = readdirSync(TEMPLATES).filter((f) => f.endsWith(".md"));

  it("exist for every note type", () => {
    expect(files.sort()).toEqual(NOTE_TYPES.map((t) => `${t}.md`).sort());
  });

  it.each(NOTE_TYPES)("%s renders into a note that reads back with no warnings", (type) => {
    const p = plan({ type, roles: "backend", tags: "http", summary: "What it is for." });
    const r = renderTemplate(readFileSync(new URL(`${type}.md`, TEMPLATES), "utf8"), p.vars);
    const text = formatFrontMatter(newNoteFields(p.vars, r.fields)) + r.body;
    const note = parseNote(text, "x");
    expect(note.warnings).toEqual([]);
    expect(note.data).toMatchObject({
      id: "abcd1234",
      title: "HTTP caching: the model",
      type,
      roles: ["backend"],
      tags: ["http"],
      published: "2026-11-27",
    });
    expect(note.body.trim().length).toBeGreaterThan(40);
  });
});

describe("planNewNote", () => {
  it("puts notes under their domain and logs under log/", () => {
    expect(plan().relPath).toBe("core-backend/http-caching-the-model.md");
    expect(plan({ type: "log", domain: undefined, title: "Week 1" }).relPath).toBe("log/week-1.md");
  });

  it("takes the next free slug", () => {
    const taken = new Set(["http-caching-the-model", "http-caching-the-model-2"]);
    const p = planNewNote(
      { type: "note", title: "HTTP caching: the model", domain: "core-backend" },
      DEFAULT_CONFIG,
      "2026-11-27",
      (s) => taken.has(s),
    );
    expect(p.slug).toBe("http-caching-the-model-3");
    expect(p.type).toBe("doc");
  });

  it.each([
    [{ type: "essay" }, "unknown note type: essay"],
    [{ title: "  " }, "missing title"],
    [{ title: "🚀" }, 'title "🚀" has no letters or digits'],
    [{ domain: "frontend" }, "unknown domain: frontend"],
    [{ domain: undefined }, "missing --domain"],
    [{ roles: "backend,chef" }, "unknown role: chef"],
    [{ difficulty: "hard" }, "--difficulty hard: must be one of beginner|intermediate|advanced"],
    [{ slug: "../x" }, "--slug ../x: must be lower-case letters and digits"],
  ])("refuses %j", (over, message) => {
    expect(() => plan(over)).toThrow(UsageError);
    expect(() => plan(over)).toThrow(message);
  });
});

describe("formatFrontMatter", () => {
  it("writes known keys in order, lists in flow style, quotes only where needed", () => {
    const text = formatFrontMatter({ custom: 1, tags: ["a", "b"], title: "A: b", id: "x", published: "2026-11-27" });
    expect(text).toBe('---\nid: x\ntitle: "A: b"\ntags: [a, b]\npublished: 2026-11-27\ncustom: 1\n---\n');
  });
});
