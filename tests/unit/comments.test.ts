import { describe, expect, it } from "vitest";
import { stripComments } from "../../src/core/comments.js";

describe("stripComments", () => {
  it("removes inline HTML and %% comments", () => {
    expect(stripComments("a <!-- x --> b\n")).toBe("a  b\n");
    expect(stripComments("a %%hidden%% b\n")).toBe("a  b\n");
  });

  it("removes comments that span lines, keeping the line breaks", () => {
    expect(stripComments("p <!--\nmulti\n--> q\n")).toBe("p \n\n q\n");
    expect(stripComments("x\n%%\nblock\n%%\ny\n")).toBe("x\n\n\n\ny\n");
  });

  it("keeps comments shown in code spans and fenced code", () => {
    expect(stripComments("keep `<!-- x -->` and ``%% y %%``\n")).toBe("keep `<!-- x -->` and ``%% y %%``\n");
    expect(stripComments("```html\n<!-- code -->\n%% c %%\n```\nafter %%gone%%\n")).toBe(
      "```html\n<!-- code -->\n%% c %%\n```\nafter \n",
    );
    expect(stripComments("~~~~\n%% a\n~~~\n%% b\n~~~~\ntext\n")).toBe("~~~~\n%% a\n~~~\n%% b\n~~~~\ntext\n");
  });

  it("a code span may run over a line break, but not a blank line", () => {
    expect(stripComments("`a\n<!-- b -->` c\n")).toBe("`a\n<!-- b -->` c\n");
    expect(stripComments("`a\n\n<!-- b --> c\n")).toBe("`a\n\n c\n");
  });

  it("an unclosed comment hides the rest of the note, as Obsidian and CommonMark do", () => {
    expect(stripComments("seen\n%% private\nstill private\n")).toBe("seen\n\n\n");
    expect(stripComments("seen <!-- private\nmore")).toBe("seen \n");
  });

  it("leaves a note without comments as it is, percent signs and angle brackets included", () => {
    const text = "50% of <b> and 100% sure, a < b\n";
    expect(stripComments(text)).toBe(text);
    expect(stripComments("a \\<!-- b --> c")).toBe("a \\<!-- b --> c");
  });
});
