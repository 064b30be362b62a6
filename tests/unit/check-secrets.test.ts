import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { scanSecrets } from "../../src/workspace/secrets.js";
import { isPlaceholder } from "../../src/core/check-secret-rules.js";

// Fake credentials, built at run time so this file itself does not look like a leak.
const fake = {
  github: "ghp_" + "wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx",
  slack: "xoxb-" + "12345678901-1234567890123-abcdefghijABCDEFGHIJklmn",
  aws: "AKIA" + "QWERTYUIOPASDFGH",
  jwt:
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" +
    ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" +
    ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  openai: "sk-" + "a".repeat(20) + "T3BlbkFJ" + "b".repeat(20),
  anthropic: "sk-ant-api03-" + "c".repeat(93) + "AA",
};

describe("scanSecrets", () => {
  it.each([
    ["github", `token ${fake.github}\n`, "secret/github"],
    ["slack", `bot ${fake.slack}\n`, "secret/slack"],
    ["aws", `key ${fake.aws}\n`, "secret/aws"],
    ["aws secret key", `aws_secret_access_key = ${"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "REALKEY123"}\n`, "secret/aws"],
    [
      "private key",
      `-----BEGIN RSA PRIVATE KEY-----\n${"MIIEowIBAAKCAQEA".repeat(8)}\n-----END RSA PRIVATE KEY-----\n`,
      "secret/privatekey",
    ],
    ["jwt", `Authorization: Bearer ${fake.jwt}\n`, "secret/jwt"],
    ["openai", `OPENAI ${fake.openai}\n`, "secret/openai"],
    ["anthropic", `${fake.anthropic}\n`, "secret/anthropic"],
    ["password in a URL", "see https://admin:hunter2pass@db.example.com/x\n", "secret/basicauth"],
    ["env assignment", "```\nDB_PASSWORD=Tr0ub4dor-and-3\n```\n", "secret/env-assignment"],
  ])("finds a %s secret, masked, on its line", async (_name, text, rule) => {
    const hits = await scanSecrets(`---\ntitle: x\n---\n${text}`, "notes/x.md");
    expect(hits.map((h) => h.rule)).toContain(rule);
    const hit = hits.find((h) => h.rule === rule)!;
    expect(hit.line).toBeGreaterThanOrEqual(4);
    for (const v of Object.values(fake)) expect(hit.message).not.toContain(v);
    expect(hit.message).toContain("***");
  });

  it("leaves ordinary notes and placeholders alone", async () => {
    const text =
      "---\ntitle: Tokens\n---\nSet `API_KEY=<your-key>` or `GITHUB_TOKEN=$(gh auth token)`.\nAWS_SECRET=xxxxxxxxxxxx\nA JWT looks like header.payload.signature.\n";
    expect(await scanSecrets(text, "notes/x.md")).toEqual([]);
  });

  it("leaves performance.mark as it found it (marks are muted only while scanning)", async () => {
    const before = performance.mark;
    await scanSecrets(`t ${fake.github}\n`, "notes/x.md");
    expect(performance.mark).toBe(before);
    expect(Object.hasOwn(performance, "mark")).toBe(false);
  });

  it("tells placeholders from values", () => {
    expect(isPlaceholder("<token>")).toBe(true);
    expect(isPlaceholder("${TOKEN}")).toBe(true);
    expect(isPlaceholder("your-api-key")).toBe(true);
    expect(isPlaceholder("short")).toBe(true);
    expect(isPlaceholder("Tr0ub4dor-and-3")).toBe(false);
  });
});
