import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { appendChecklist, setFrontMatter } from "../../src/core/front-matter-edit.js";
import { LearnError } from "../../src/core/errors.js";

// A front-matter pair in one of the styles people write, with the text it occupies.
type Style = "plain" | "single" | "double" | "comment" | "flow" | "block" | "date" | "empty";
interface Pair {
  key: string;
  style: Style;
  words: string[];
}

const RESERVED = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/).filter((w) => !RESERVED.has(w));
const words = fc.array(word, { minLength: 1, maxLength: 3 });
const style = fc.constantFrom<Style>("plain", "single", "double", "comment", "flow", "block", "date", "empty");

function pairText({ key, style: s, words: w }: Pair): string {
  switch (s) {
    case "plain":
      return `${key}: ${w.join(" ")}`;
    case "single":
      return `${key}: '${w.join(" ")}'`;
    case "double":
      return `${key}: "${w.join(" ")}"`;
    case "comment":
      return `${key}: ${w[0]} # why ${w.join(" ")}`;
    case "flow":
      return `${key}: [${w.join(", ")}]`;
    case "block":
      return `${key}:\n${w.map((x) => `  - ${x}`).join("\n")}`;
    case "date":
      return `${key}: 2026-11-2${w.length}`;
    case "empty":
      return `${key}:`;
  }
}

const frontMatter = fc
  .uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z][a-z_]{0,9}$/), style, words }), {
    minLength: 1,
    maxLength: 8,
    selector: (p) => p.key,
  })
  .chain((pairs) =>
    fc.tuple(fc.constant(pairs), fc.array(fc.boolean(), { minLength: pairs.length, maxLength: pairs.length })),
  );
const body = fc.string({ maxLength: 200 }).map((b) => b.replace(/\r/g, ""));
const newValue = fc.oneof(word, fc.array(word, { maxLength: 3 }), fc.constant(undefined));

function build(pairs: Pair[], comments: boolean[]): string[] {
  // one segment per pair, a comment line before some of them
  return pairs.map((p, i) => `${comments[i] ? `# about ${p.key}\n` : ""}${pairText(p)}`);
}

const render = (key: string, v: string | string[]): string =>
  Array.isArray(v) ? `${key}: [${v.join(", ")}]` : `${key}: ${v}`;

describe("setFrontMatter (property-based)", () => {
  it("changes exactly the key it means to and nothing else, byte for byte", () => {
    fc.assert(
      fc.property(
        frontMatter,
        body,
        fc.nat(),
        newValue,
        fc.boolean(),
        ([pairs, comments], b, pick, value, useNewKey) => {
          const segments = build(pairs, comments);
          const original = `---\n${segments.join("\n")}\n---\n${b}`;
          const target = useNewKey ? "zz_new_key" : pairs[pick % pairs.length]!.key;
          const out = setFrontMatter(original, { [target]: value });

          const idx = pairs.findIndex((p) => p.key === target);
          const expected = [...segments];
          if (idx < 0) {
            if (value !== undefined) expected.push(render(target, value));
          } else {
            const p = pairs[idx]!;
            const prefix = comments[idx] ? `# about ${p.key}\n` : "";
            if (value === undefined) expected[idx] = prefix.replace(/\n$/, "");
            else
              expected[idx] =
                prefix + render(target, value) + (p.style === "comment" ? ` # why ${p.words.join(" ")}` : "");
          }
          const lines = expected.filter((s) => s !== "");
          expect(out).toBe(lines.length ? `---\n${lines.join("\n")}\n---\n${b}` : `---\n---\n${b}`);

          // and it still parses, with the new value and every other value unchanged
          const before = (yaml.load(segments.join("\n")) ?? {}) as Record<string, unknown>;
          const after = (yaml.load(out.slice(4, out.indexOf("\n---\n", 3) + 1) || "{}") ?? {}) as Record<
            string,
            unknown
          >;
          for (const k of Object.keys(before)) if (k !== target) expect(after[k]).toEqual(before[k]);
          expect(after[target]).toEqual(value);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("setFrontMatter", () => {
  it("keeps CRLF line endings and a BOM", () => {
    const out = setFrontMatter("\uFEFF---\r\ntitle: A\r\n---\r\nbody\r\n", { roles: ["backend"] });
    expect(out).toBe("\uFEFF---\r\ntitle: A\r\nroles: [backend]\r\n---\r\nbody\r\n");
  });

  it("adds a block to a note without front matter", () => {
    expect(setFrontMatter("# Body\n", { visibility: "public" })).toBe("---\nvisibility: public\n---\n# Body\n");
  });

  it("quotes values that need it", () => {
    expect(setFrontMatter("---\ntitle: A\n---\n", { title: "B: c #d" })).toBe('---\ntitle: "B: c #d"\n---\n');
  });

  it("refuses broken YAML, naming the line, and changes nothing", () => {
    const text = "---\ntitle: A\ntags: [a, b\nstatus: x\n---\nbody\n";
    expect(() => setFrontMatter(text, { status: "budding" }, "notes/x.md")).toThrow(LearnError);
    expect(() => setFrontMatter(text, { status: "budding" }, "notes/x.md")).toThrow(
      /^notes\/x\.md:\d+: front matter is not valid YAML; not changed$/,
    );
  });
});

describe("appendChecklist", () => {
  it("adds a Checklist section at the end, leaving the body before it untouched", () => {
    const text = "---\ntitle: A\n---\n# A\n\nWords.";
    expect(appendChecklist(text, ["one", " two "])).toBe(`${text}\n\n## Checklist\n\n- [ ] one\n- [ ] two\n`);
  });

  it("appends into a final Checklist section and skips items already there", () => {
    const text = "# A\n\n## Checklist\n\n- [x] one\n";
    expect(appendChecklist(text, ["one", "two", "two", ""])).toBe("# A\n\n## Checklist\n\n- [x] one\n- [ ] two\n");
    expect(appendChecklist(appendChecklist(text, ["two"]), ["two"])).toBe(
      "# A\n\n## Checklist\n\n- [x] one\n- [ ] two\n",
    );
  });

  it("adds to a Checklist section that is not the last one, leaving every other byte in place", () => {
    const text = "# A\n\n## Checklist\n\n- [ ] from the template\n\n## Sources\n\n- https://x.org\n";
    expect(appendChecklist(text, ["mine"])).toBe(
      "# A\n\n## Checklist\n\n- [ ] from the template\n- [ ] mine\n\n## Sources\n\n- https://x.org\n",
    );
    const crlf = text.replace(/\n/g, "\r\n");
    expect(appendChecklist(crlf, ["mine"])).toBe(appendChecklist(text, ["mine"]).replace(/\n/g, "\r\n"));
  });

  it("fills an empty Checklist section and keeps a ### heading inside the section", () => {
    expect(appendChecklist("## Checklist\n\n## Sources\n", ["a"])).toBe("## Checklist\n\n- [ ] a\n\n## Sources\n");
    expect(appendChecklist("## Checklist", ["a"])).toBe("## Checklist\n\n- [ ] a\n");
    expect(appendChecklist("## Checklist\n### Before\n- [ ] x\n", ["a"])).toBe(
      "## Checklist\n### Before\n- [ ] x\n- [ ] a\n",
    );
  });

  it("returns the text unchanged when there is nothing to add", () => {
    expect(appendChecklist("x", [])).toBe("x");
  });
});
