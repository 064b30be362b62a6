import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli-program.js";
import { COMPLETE_DIRS, completeWords } from "../../src/ui/completion.js";

const program = await buildProgram({ capture: () => {} });
const values = { domains: ["core-backend"], roles: ["backend"], tags: ["http"], slugs: ["retries"] };
const at = (...words: string[]) => completeWords(program, words, () => values);

describe("completeWords: what Tab offers for the last word", () => {
  it.each([
    [[""], expect.arrayContaining(["search", "revisit", "help"])],
    [["revisit", ""], ["retries"]],
    [["show", "r"], ["retries"]],
    [
      ["revisit", "--rating", ""],
      ["again", "hard", "good", "easy"],
    ],
    [
      ["revisit", "-r", ""],
      ["again", "hard", "good", "easy"],
    ],
    [["list", "--domain", ""], ["core-backend"]],
    [["week", "--role", ""], ["backend"]],
    [["search", "--tag", ""], ["http"]],
    [["week", "--note", ""], ["retries"]],
    [["revisit", "--note", ""], []], // a remark: free text
    [["--dir", ""], [COMPLETE_DIRS]],
    [["publish", "--out", ""], [COMPLETE_DIRS]],
    [["new", ""], expect.arrayContaining(["doc", "note", "cheatsheet"])],
    [["help", ""], expect.arrayContaining(["week", "completion"])],
    [
      ["completion", ""],
      ["bash", "zsh", "fish"],
    ],
    [["show", "retries", ""], []],
    [["--dir", "ws", "show", ""], ["retries"]],
  ])("%j", (words, expected) => {
    expect(at(...words)).toEqual(expected);
  });

  it("offers flags only once a - is typed, so Tab never inserts a lone -", () => {
    expect(at("revisit", "")).not.toContain("--rating");
    expect(at("revisit", "-")).toEqual(expect.arrayContaining(["--rating", "--dir", "--json", "--help"]));
  });
});
