import { describe, expect, it } from "vitest";
import { createMarkdown, isSafeUrl, type RenderEnv } from "../../src/core/publish-markdown.js";
import type { LinkTarget, SiteNote } from "../../src/core/publish-model.js";
import type { NoteRow } from "../../src/core/index-types.js";

const pub = { row: { slug: "pub", title: "Public Two" } as NoteRow, body: "", file: "notes/pub.html" } as SiteNote;
const targets: Record<string, LinkTarget> = {
  pub: { kind: "public", note: pub },
  "pub.md": { kind: "public", note: pub },
  "secret-plans": { kind: "private" },
  "secret-plans.md": { kind: "private" },
};
const env: RenderEnv = {
  root: "../",
  title: "My note",
  resolve: (_kind, target) => targets[target] ?? { kind: "broken" },
};
const render = createMarkdown();

describe("published Markdown", () => {
  it("renders headings with ids, code, tables and task lists", () => {
    const html = render(
      "## Set up\n\n```ts\nconst a = 1 < 2;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n",
      env,
    );
    expect(html).toContain('<h2 id="set-up">Set up</h2>');
    expect(html).toContain('<code class="language-ts">const a = 1 &lt; 2;');
    expect(html).toContain("<table>");
    expect(html).toMatch(/<input class="task-list-item-checkbox" checked="" disabled="" type="checkbox">/);
  });

  it("drops a leading H1 that repeats the title, keeps other H1s", () => {
    expect(render("# My note\n\nText\n", env)).not.toContain("<h1");
    expect(render("# Other\n", env)).toContain('<h1 id="other">Other</h1>');
  });

  it("escapes raw HTML, so a <script> never runs", () => {
    const html = render('<script>alert("x")</script>\n\nHi <img src=x onerror=alert(1)>\n', env);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("turns javascript:, data: and file: links into text", () => {
    const html = render(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](data:text/html,x) [e](file:///etc/passwd) <javascript:alert(1)>\n",
      env,
    );
    expect(html).not.toMatch(/href="(?:javascript|data|file):/i);
    expect(html).not.toContain("<a");
    expect(isSafeUrl("https://example.org")).toBe(true);
    expect(isSafeUrl("../notes/x.html")).toBe(true);
    expect(isSafeUrl("vbscript:x")).toBe(false);
  });

  it("links wikilinks and .md links to public pages, and shows private ones as text without the slug", () => {
    const html = render(
      "See [[pub]], [[pub|the other]], [[secret-plans]], [[secret-plans|my plans]], [more](pub.md#part), [hidden](secret-plans.md), ![pic](secret-plans.md) and [[ghost]].\n",
      env,
    );
    expect(html).toContain('<a class="wikilink" href="../notes/pub.html">Public Two</a>');
    expect(html).toContain('<a class="wikilink" href="../notes/pub.html">the other</a>');
    expect(html).toContain('<a href="../notes/pub.html#part">more</a>');
    expect(html).toContain("(private note)");
    expect(html).toContain("my plans");
    expect(html).toContain(" hidden, pic and");
    expect(html).not.toContain("secret-plans");
    expect(html).toContain('<span class="broken-link">ghost</span>');
  });

  it("leaves [[brackets]] in code alone", () => {
    expect(render("`[[pub]]`\n", env)).toContain("<code>[[pub]]</code>");
  });
});

describe("Obsidian block ids", () => {
  it("give the paragraph or list item ending in ` ^id` that id, without the marker, and `[[Note#^id]]` leads there", () => {
    const html = render(
      "Index only some rows. ^partial\n\n- a step ^step-1\n- again ^step-1\n\nSee [[pub#^partial]] and [[#^step-1]].\n",
      env,
    );
    expect(html).toContain('<p id="^partial">Index only some rows.</p>');
    expect(html).toContain('<li id="^step-1">a step</li>');
    expect(html.match(/id="\^step-1"/g)).toHaveLength(1); // the first of a repeated id
    expect(html).not.toMatch(/\^partial<|\^step-1</);
    expect(html).toContain('<a class="wikilink" href="../notes/pub.html#^partial">Public Two</a>');
    expect(html).toContain('<a class="wikilink" href="#^step-1">step-1</a>');
  });

  it("leave a caret that is not a block id as written", () => {
    expect(render("x ^ y and 2^10\n\nnot an id ^bad_id\n", env)).toContain("not an id ^bad_id");
  });
});
