import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { index } from "../../src/commands/index.js";
import { search, type SearchOptions } from "../../src/commands/search.js";
import { call } from "../helpers/in-process.js";
import { runCli } from "../helpers/run-cli.js";
import { noteText, workspace } from "../helpers/workspace.js";

const notes = () =>
  workspace({
    "notes/idempotency-keys.md": noteText(
      { title: "Idempotency keys", type: "doc", status: "evergreen", domain: "core-backend", tags: ["http"] },
      "A retry must not charge twice.\n",
    ),
    "notes/retries.md": noteText(
      { title: "Retries", type: "cheatsheet", status: "budding", domain: "core-backend" },
      "Jitter and idempotency.\n",
    ),
    "notes/k8s.md": noteText({ title: "Kubernetes autoscaling", type: "doc", domain: "cloud-deployment" }, "Pods.\n"),
  });

const find = (root: string, query: string[], opts: Omit<SearchOptions, "query"> = {}) =>
  call(search, { dir: root, query, ...opts });

describe("learn search", () => {
  it("prints ranked hits with path, meta and snippet", async () => {
    const root = notes();
    const r = runCli(["search", "idempotency", "--dir", root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^1\. Idempotency keys\n {3}notes\/idempotency-keys\.md {2}doc · evergreen · core-backend\n/,
    );
    expect(r.stdout).toContain("2. Retries");
    expect(r.stdout).not.toContain("\u001b["); // plain when not a TTY
  });

  it("--json gives slug, path, score, snippet and match offsets", async () => {
    const root = notes();
    const r = await find(root, ["idempotency"], { json: true, limit: "1" });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.hits).toHaveLength(1);
    const hit = out.hits[0];
    expect(hit).toMatchObject({ slug: "idempotency-keys", path: "notes/idempotency-keys.md", fuzzy: false });
    expect(hit.score).toBeGreaterThan(0);
    const [s, e] = hit.matches[0];
    expect(hit.snippet.slice(s, e)).toBe("Idempotency");
  });

  it("forgives typos and marks the hits fuzzy", async () => {
    const root = notes();
    const r = await find(root, ["idempotncy"]);
    expect(r.stdout).toMatch(/^1\. Idempotency keys \(fuzzy\)$/m);
    const k = await find(root, ["kubernets"], { json: true });
    expect(JSON.parse(k.stdout).hits.map((h: { slug: string }) => h.slug)).toEqual(["k8s"]);
  });

  it("takes filters inline and as flags, and -word exclusions", async () => {
    const root = notes();
    const slugs = async (query: string[], opts: Omit<SearchOptions, "query"> = {}) =>
      JSON.parse((await find(root, query, { ...opts, json: true })).stdout).hits.map((h: { slug: string }) => h.slug);
    expect(await slugs(["idempotency", "type:cheatsheet"])).toEqual(["retries"]);
    expect(await slugs(["idempotency"], { type: "cheatsheet" })).toEqual(["retries"]);
    expect(await slugs(["idempotency", "-jitter"])).toEqual(["idempotency-keys"]);
    expect(await slugs(["idempotency -jitter"])).toEqual(["idempotency-keys"]);
    // a -word after the query words reaches the command as a word, not an option
    expect(JSON.parse(runCli(["search", "idempotency", "-jitter", "--json", "--dir", root]).stdout).hits).toHaveLength(
      1,
    );
  });

  it("refreshes first, unless --no-refresh", async () => {
    const root = notes();
    await call(index, { dir: root });
    writeFileSync(join(root, "notes/new.md"), noteText({ title: "Zanzibar authorisation" }));
    expect((await find(root, ["zanzibar"], { refresh: false })).stdout).toBe("");
    expect((await find(root, ["zanzibar"])).stdout).toContain("Zanzibar authorisation");
  });

  it("answers odd input with results or a clear message, never a SQLite error", async () => {
    const root = notes();
    for (const q of ['"', "*", ":", "OR", "'; DROP TABLE notes; --", "NEAR(a b)", '"unbalanced']) {
      const r = await find(root, [q]);
      expect([0, 2]).toContain(r.code);
      expect(r.stderr).not.toMatch(/sqlite|internal error|fts5/i);
    }
    const empty = await find(root, ["*"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("learn: nothing to search for");
    const bad = runCli(["search", "type:zzz", "--dir", root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("learn: type:zzz: type must be one of doc|cheatsheet|blog|log|roadmap|checklist\n");
  });

  it("says there is no match on stderr and exits 1, as grep and rg do", () => {
    const r = runCli(["search", "quasar", "--dir", notes()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/no notes match quasar/);
  });

  it("documents the query language in --help", async () => {
    const r = runCli(["search", "--help"]);
    expect(r.stdout).toContain("Query language:");
    expect(r.stdout).toContain("updated:>2026-01-01");
  });
});
