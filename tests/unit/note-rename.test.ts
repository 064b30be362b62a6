import { describe, expect, it } from "vitest";
import { applyLineEdits, renameLinkEdits } from "../../src/core/note-rename.js";

const rename = (text: string, from = "notes/b.md") =>
  applyLineEdits(text, renameLinkEdits(text, from, "notes/http-cache.md", "notes/http-caching.md"));

describe("renameLinkEdits", () => {
  it.each([
    ["See [[http-cache]].", "See [[http-caching]]."],
    [
      "See [[HTTP-Cache|the cache]] and [[http-cache#Why]].",
      "See [[http-caching|the cache]] and [[http-caching#Why]].",
    ],
    ["See [[ http-cache ]].", "See [[ http-caching ]]."],
    ["See [[old/http-cache]].", "See [[old/http-caching]]."],
    ["See [it](http-cache.md) and [x](./http-cache.md#a).", "See [it](http-caching.md) and [x](http-caching.md#a)."],
    ["Not [[http-cache-v2]] nor [x](other/http-cache.md).", "Not [[http-cache-v2]] nor [x](other/http-cache.md)."],
    ["```\n[[http-cache]]\n```\n[[http-cache]]", "```\n[[http-cache]]\n```\n[[http-caching]]"],
  ])("body: %s", (before, after) => {
    expect(rename(`---\ntitle: B\n---\n${before}\n`)).toBe(`---\ntitle: B\n---\n${after}\n`);
  });

  it("rewrites related: entries, inline and block, and nothing else in front matter", () => {
    const text = "---\ntitle: http-cache notes\nrelated: [http-cache, other]\ntags:\n  - http-cache\n---\n";
    expect(rename(text)).toBe(
      "---\ntitle: http-cache notes\nrelated: [http-caching, other]\ntags:\n  - http-cache\n---\n",
    );
    const block = "---\nrelated:\n  - other\n  - http-cache\ntitle: T\n---\n";
    expect(rename(block)).toBe("---\nrelated:\n  - other\n  - http-caching\ntitle: T\n---\n");
  });

  it("resolves Markdown links from the linking note's folder", () => {
    expect(rename("[x](../http-cache.md)\n", "notes/sub/c.md")).toBe("[x](../http-caching.md)\n");
  });
});
