import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isSecretName } from "../../src/core/check-secret-rules.js";
import { valueVerdict } from "../../src/core/secret-value.js";
import { scanSecrets } from "../../src/workspace/secrets.js";

// label TAB line; `\n` in a line is a line break (private key blocks); `#` lines are comments.
const rows = readFileSync(new URL("../fixtures/secrets-labelled.tsv", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l !== "" && !l.startsWith("#"))
  .map((l) => {
    const tab = l.indexOf("\t");
    return { label: l.slice(0, tab), line: l.slice(tab + 1).replaceAll("\\n", "\n") };
  });

describe("secret scan over the labelled set", () => {
  it("finds every real credential shape (recall 100%) with precision of at least 95%", async () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.label))).toEqual(new Set(["secret", "ok"]));
    let tp = 0;
    let fp = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const r of rows) {
      const found = (await scanSecrets(r.line, "notes/labelled.md")).length > 0;
      if (found && r.label === "secret") tp++;
      else if (found) {
        fp++;
        wrong.push(r.line);
      } else if (r.label === "secret") missed.push(r.line);
    }
    expect(missed).toEqual([]);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(wrong.length).toBeLessThanOrEqual(Math.floor(tp * 0.05));
  });
});

describe("secret names and values", () => {
  it.each([
    ["DB_PASSWORD", true],
    ["password", true],
    ["api_key", true],
    ["apiKey", true],
    ["PGPASSWORD", true],
    ["client_secret", true],
    ["secret_key_base", true],
    ["AWS_SECRET_ACCESS_KEY", true],
    ["Authorization", true],
    ["max_tokens", false],
    ["pageToken", false],
    ["token_type", false],
    ["PASSWORD_FILE", false],
    ["key", false],
    ["author", false],
  ])("%s names a secret: %s", (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  it.each([
    ["hunter2-real-value", {}, "secret"],
    ["<PASSWORD>", {}, "placeholder"],
    ["${TOKEN}", {}, "placeholder"],
    ["changeme", {}, "placeholder"],
    ["your-api-key-here", {}, "placeholder"],
    ["AKIAIOSFODNN7EXAMPLE", {}, "placeholder"],
    ["postgres", { user: "postgres" }, "default"],
    ["admin", { user: "admin" }, "default"],
    ["test", {}, "default"],
    ["process.env.DB_URL", {}, "code"],
    ["client_id", {}, "code"],
    ["data.get(", {}, "code"],
    ["Summer1", {}, "weak"],
  ] as const)("%s is %s", (value, opts, verdict) => {
    expect(valueVerdict(value, opts)).toBe(verdict);
  });
});
