import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/core/config-schema.js";
import { domainStats } from "../../src/core/week-domain.js";
import {
  autoDomains,
  domainIdOf,
  folderDomain,
  folderRules,
  noteFolder,
  placeNote,
} from "../../src/core/folder-domain.js";

describe("folder domains", () => {
  it("a note's folder is relative to the notes folder", () => {
    expect(noteFolder("notes/postgres/tuning/x.md", "notes")).toBe("postgres/tuning");
    expect(noteFolder("notes/x.md", "notes")).toBe("");
    expect(noteFolder("postgres/x.md", "")).toBe("postgres");
  });

  it("configured folders map to domains, longest folder first, any case", () => {
    const rules = folderRules(
      { domain_folders: { postgres: ["postgres", "sql"], tuning: ["postgres/Tuning/"] } },
      "notes",
    );
    expect(folderDomain("postgres", rules)).toBe("postgres");
    expect(folderDomain("SQL/joins", rules)).toBe("postgres");
    expect(folderDomain("postgres/tuning/deep", rules)).toBe("tuning");
    expect(folderDomain("postgresql", rules)).toBeUndefined();
    expect(folderDomain("", rules)).toBeUndefined();
  });

  it("with auto domains a note's top-level folder is its domain; rules keys differ", () => {
    const auto = folderRules({ auto_domains: true }, "notes");
    expect(folderDomain("Machine Learning/x", auto)).toBe("machine-learning");
    expect(folderDomain("", auto)).toBeUndefined();
    expect(auto.key).not.toBe(folderRules({}, "notes").key);
    expect(domainIdOf("C++")).toBe("c");
    expect(domainIdOf("...")).toBeUndefined();
    expect(autoDomains(["zsh", "Postgres", "constructor", "!!"])).toEqual({ postgres: "Postgres", zsh: "zsh" });
  });

  it("a Dendron vault's top hierarchies are its folders", () => {
    const rules = folderRules({ auto_domains: true, dialect: "dendron" }, "notes");
    const place = (path: string, domain: string | null = null) => {
      const values: Record<string, string | number | null> = { path, domain };
      placeNote(values, rules);
      return values.domain;
    };
    expect(place("notes/pkg.npm.publish.md")).toBe("pkg");
    expect(place("notes/pkg.md")).toBe("pkg");
    expect(place("notes/root.md")).toBeNull();
    expect(place("notes/pkg.npm.md", "mine")).toBe("mine");
    expect(place("notes/vault/a.b.md")).toBe("a"); // folders are vaults
    expect(place("notes/vault/root.md")).toBeNull();
    const plain = folderRules({ auto_domains: true, dialect: "obsidian" }, "notes");
    const v: Record<string, string | number | null> = { path: "notes/pkg.npm.md", domain: null };
    placeNote(v, plain);
    expect(v.domain).toBeNull();
  });

  it("auto domains only for an adopted folder (a dialect other than learn) with no domains: key", () => {
    expect(validateConfig({ dialect: "markdown" }, "c").auto_domains).toBe(true);
    expect(validateConfig({ dialect: "obsidian" }, "c").auto_domains).toBe(true);
    expect(validateConfig({ dialect: "learn" }, "c").auto_domains).toBeUndefined();
    expect(validateConfig({}, "c").auto_domains).toBeUndefined();
    expect(validateConfig({ dialect: "markdown", domains: { pg: "Postgres" } }, "c").auto_domains).toBeUndefined();
  });

  it("learn week's domain menu lists an adopted folder's domains that hold notes", () => {
    const notes = [
      { domain: "postgres", type: null, status: "evergreen" },
      { domain: "postgres", type: "log", status: null },
      { domain: "zsh", type: null, status: null },
    ];
    const domains = { assets: "assets", postgres: "postgres", zsh: "zsh" };
    const ids = (auto: boolean) =>
      domainStats(notes, new Map(), { domains, auto_domains: auto }, "2026-12-01").map((s) => [s.id, s.notes]);
    expect(ids(true)).toEqual([
      ["postgres", 1],
      ["zsh", 1],
    ]);
    expect(ids(false)).toEqual([
      ["assets", 0],
      ["postgres", 1],
      ["zsh", 1],
    ]);
  });
});
