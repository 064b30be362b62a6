import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, isValidSlug, newNoteId, slugify, uniqueSlug } from "../../src/core/slug.js";

describe("slugify", () => {
  it.each([
    ["HTTP Caching: a mental model", "http-caching-a-mental-model"],
    ["Café über naïve", "cafe-uber-naive"],
    ["Привет мир", "privet-mir"],
    ["日本語のノート", "ri-ben-yu-nonoto"],
    ["../../etc/passwd", "etc-passwd"],
    ["..", ""],
    ["CON", "con-note"],
    ["lpt1", "lpt1-note"],
    ["🚀🔥", ""],
    ["Why I'm building it", "why-im-building-it"],
    ["a/b\\c", "a-b-c"],
  ])("%s -> %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("caps the length at a word boundary", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });

  it("always gives a valid slug or an empty string", () => {
    for (const t of ["", " ", "---", "A.B.C", "x".repeat(200), "Ελληνικά", "مرحبا"]) {
      const s = slugify(t);
      expect(s === "" || isValidSlug(s)).toBe(true);
    }
  });
});

describe("uniqueSlug", () => {
  it("adds -2, -3 for taken slugs", () => {
    const taken = new Set(["a", "a-2"]);
    expect(uniqueSlug("a", (s) => taken.has(s))).toBe("a-3");
    expect(uniqueSlug("b", (s) => taken.has(s))).toBe("b");
  });
});

describe("newNoteId", () => {
  it("is 8 base-36 characters and varies", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newNoteId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{8}$/);
  });
});
