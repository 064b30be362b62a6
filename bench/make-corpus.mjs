#!/usr/bin/env node
// A deterministic notes folder for tests and benchmarks: the same seed gives the same bytes on any
// machine, time zone or locale. Plain JavaScript so tests and bench import it without a build.
//
//   node bench/make-corpus.mjs DIR [--notes N] [--seed S] [--faults]
//   import { makeCorpus } from "../bench/make-corpus.mjs"; makeCorpus(dir, { notes: 30 })
//
// Notes are learning notes as `learn new` would write them and a person would grow them: YAML front
// matter (id, title, type, status, visibility, domain, difficulty, roles, tags, summary, dates,
// sources, related) and a Markdown body with headings, paragraphs, bullet and numbered lists,
// checklists, fenced code, a table, a quote, [[wiki links]] (plain, labelled, to a heading) and
// relative [Markdown](../x.md) links. Every note is due for a first revisit well before 2026.
// With --faults, notes/inbox/ also gets what real folders collect (see FAULTS below).
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const DOMAINS = {
  "core-backend": ["http caching", "idempotency", "pagination", "openapi", "transactions", "indexes", "migrations"],
  "cloud-deployment": ["containers", "queues", "autoscaling", "terraform", "object storage", "service accounts"],
  "ai-infrastructure": ["llm timeouts", "provider failover", "gpu inference", "batching", "embeddings", "vram"],
  "security-reliability": ["secrets", "least privilege", "rate limiting", "rollback", "incident review", "tls"],
};
const ROLES = ["backend", "cloud", "data", "ai-api", "production-infrastructure"];
const TYPES = ["doc", "doc", "doc", "cheatsheet", "cheatsheet", "blog", "checklist"];
const STATUSES = ["seedling", "budding", "evergreen"];
const DIFFICULTIES = ["beginner", "intermediate", "advanced"];
const KINDS = ["mental model", "field guide", "pitfalls", "cheat sheet", "deep dive", "checklist", "notes"];
const SECTIONS = ["Goal", "Mental model", "How it fails", "In a real build", "Questions", "Trade-offs"];
const WORDS = (
  "service request response client server latency throughput retry queue worker database query schema " +
  "deploy rollout metric trace token cache partition replica region container image pipeline model " +
  "inference batch prompt budget quota backoff jitter breaker timeout probe drain pool lock column " +
  "constraint handler payload header status contract consumer producer offset lease shard snapshot"
).split(" ");
const LANGS = [
  [
    "python",
    "async def handler(request):\n    key = request.headers.get('Idempotency-Key')\n    return await store.once(key)",
  ],
  ["sql", "SELECT id, status\nFROM jobs\nWHERE status = 'queued'\nORDER BY created_at\nLIMIT 50;"],
  ["bash", "kubectl rollout status deploy/api --timeout=120s\nkubectl rollout undo deploy/api"],
  ["yaml", "retries:\n  attempts: 5\n  backoff: exponential\n  jitter: full"],
  ["ts", "export const timeoutMs = 2_000;\nconst res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });"],
];

/** A small, fast, seedable generator (a 32-bit xorshift with a splitmix-style seed scramble). */
function generator(seed) {
  let s = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  const some = (xs, k) => {
    const out = [];
    for (let tries = 0; out.length < Math.min(k, xs.length) && tries < 50; tries++) {
      const x = pick(xs);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  return { next, int, pick, some };
}

const DAY = 86_400_000;
/** A calendar date `n` days after 2024-06-01, computed in UTC so no time zone can move it. */
const dayAfter = (n) => new Date(Date.UTC(2024, 5, 1) + n * DAY).toISOString().slice(0, 10);
const slugOf = (title) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const capital = (s) => s[0].toUpperCase() + s.slice(1);

function sentence(r) {
  const words = Array.from({ length: 7 + r.int(12) }, () => r.pick(WORDS));
  return `${capital(words.join(" "))}.`;
}

/** Plan every note first (titles, paths), so links can point at notes that exist. */
function plan(r, n) {
  const notes = [];
  const domains = Object.keys(DOMAINS);
  for (let i = 0; i < n; i++) {
    const domain = domains[i % domains.length];
    const topic = r.pick(DOMAINS[domain]);
    const title = `${capital(topic)} ${r.pick(KINDS)} ${i + 1}`;
    const slug = slugOf(title);
    const folder = r.next() < 0.15 ? `${domain}/${slugOf(topic)}` : domain;
    notes.push({ i, domain, topic, title, slug, rel: `${folder}/${slug}.md` });
  }
  return notes;
}

function frontMatter(r, note, related) {
  const published = r.int(420); // 2024-06-01 .. 2025-07-25: first revisits are all due by 2026
  const id = Array.from({ length: 8 }, () => "0123456789abcdefghijklmnopqrstuvwxyz"[r.int(36)]).join("");
  const tags = r.some(DOMAINS[note.domain], 1 + r.int(3)).map(slugOf);
  const lines = [
    "---",
    `id: ${id}`,
    `title: ${note.title}`,
    `type: ${r.pick(TYPES)}`,
    `status: ${r.pick(STATUSES)}`,
    `visibility: ${r.next() < 0.6 ? "public" : "private"}`,
    `domain: ${note.domain}`,
    `difficulty: ${r.pick(DIFFICULTIES)}`,
    `roles: [${r.some(ROLES, 1 + r.int(2)).join(", ")}]`,
    r.next() < 0.5 ? `tags: [${tags.join(", ")}]` : `tags:\n${tags.map((t) => `  - ${t}`).join("\n")}`,
    `summary: ${sentence(r)}`,
    `published: ${dayAfter(published)}`,
    `updated: ${dayAfter(published + r.int(90))}`,
    `sources: [https://example.org/${slugOf(note.topic)}]`,
  ];
  if (related.length) lines.push("related:", ...related.map((o) => `  - ${o.slug}`));
  lines.push("---", "");
  return lines;
}

function section(r, heading, note, others) {
  const out = [`## ${heading}`, ""];
  const kind = r.int(6);
  const count = 2 + r.int(4);
  if (kind === 0) for (let k = 0; k < count; k++) out.push(`- [${r.next() < 0.4 ? "x" : " "}] ${sentence(r)}`);
  else if (kind === 1) for (let k = 0; k < count; k++) out.push(`- ${sentence(r)}`);
  else if (kind === 2) for (let k = 0; k < count; k++) out.push(`${k + 1}. ${sentence(r)}`);
  else if (kind === 3) {
    const [lang, code] = r.pick(LANGS);
    out.push(sentence(r), "", `\`\`\`${lang}`, code, "```");
  } else if (kind === 4) {
    out.push("| setting | value | why |", "| --- | --- | --- |");
    for (let k = 0; k < count; k++) out.push(`| ${r.pick(WORDS)} | ${1 + r.int(500)} | ${r.pick(WORDS)} |`);
  } else out.push(`> ${sentence(r)}`, "", `${sentence(r)} ${sentence(r)} ${sentence(r)}`);
  const other = others.length ? r.pick(others) : undefined;
  if (other && r.next() < 0.5) {
    const link = posix.relative(posix.dirname(note.rel), other.rel);
    out.push("", `${sentence(r)} See [${other.topic}](${link}) and \`${note.topic}\` in practice.`);
  }
  out.push("");
  return out;
}

function noteText(r, note, all) {
  const others = all.length > 1 ? Array.from({ length: 3 }, () => r.pick(all)).filter((o) => o !== note) : [];
  const related = [...new Set(others.slice(0, r.int(3)))];
  const body = [`# ${note.title}`, "", `What ${note.topic} means in practice. ${sentence(r)}`, ""];
  for (const heading of r.some(SECTIONS, 2 + r.int(3))) body.push(...section(r, heading, note, others));
  if (others.length) {
    const [a, b = a] = others;
    body.push("## Related", "", `- [[${a.slug}]]`, `- [[${b.slug}|${b.topic}]]`, `- [[${a.slug}#Goal]]`, "");
  }
  return [...frontMatter(r, note, related), ...body].join("\n");
}

/**
 * The files a real notes folder collects, by path under the corpus folder. Each phrase in a body
 * ("byte order mark", "windows line endings", …) appears in that file only, so a test can find it.
 */
const FAULTS = (r) => ({
  "inbox/broken-yaml.md": '---\ntitle: "never closed\ntags: [a, b\n---\n\n# Broken YAML\n\nA body that survives.\n',
  "inbox/tab-indented.md": "---\ntitle: Tabs\ntags:\n\t- yaml\n---\n\nTab indented front matter.\n",
  "inbox/no-front-matter.md": "# Just a heading\n\nA plain note about idempotency keys.\n",
  "inbox/unclosed-front-matter.md": "---\ntitle: Unclosed\n\nThe closing fence never comes.\n",
  "inbox/empty.md": "",
  "inbox/only-front-matter.md": "---\ntitle: Only front matter\n---\n",
  "inbox/crlf.md":
    "---\r\ntitle: CRLF note\r\ntype: doc\r\n---\r\n\r\n# CRLF note\r\n\r\nWindows line endings here.\r\n",
  "inbox/bom.md": "\uFEFF---\ntitle: BOM note\ntype: doc\n---\n\n# BOM note\n\nA byte order mark first.\n",
  "inbox/latin1.md": Buffer.concat([Buffer.from("---\ntitle: Latin-1\n---\n\nCaf"), Buffer.from([0xe9, 0x0a])]),
  "inbox/binary.md": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)),
  "inbox/huge.md": `---\ntitle: Huge note\ntype: doc\n---\n\n${Array.from({ length: 18_000 }, () => sentence(r)).join("\n")}\n`,
  "inbox/unknown-keys.md":
    "---\ntitle: Unknown keys\nmood: curious\nrating: 5\nnested: {a: {b: [1, 2]}}\n---\n\nExtra keys about quotas.\n",
  "inbox/scalar-for-list.md":
    "---\ntitle: 2024-01-01\ntags: retries\nroles: backend\nStatus: Evergreen\n---\n\nA date title.\n",
  "inbox/bad-dates.md":
    "---\ntitle: Bad dates\npublished: 2025-02-30\nupdated: last tuesday\nrevisit_every: soon\n---\n\nImpossible dates.\n",
  "inbox/unknown-enums.md":
    "---\ntitle: Unknown enums\ntype: essay\nstatus: ripe\nvisibility: secret\ndifficulty: expert\ndomain: cooking\n---\n\nValues no list allows.\n",
  "inbox/Ünïcode café notes.md": "---\ntitle: Unicode file name\n---\n\nA file name with spaces and accents.\n",
  "inbox/long-form.markdown": "---\ntitle: Markdown extension\n---\n\nThe long file extension.\n",
  "inbox/README.txt": "not a note\n",
  "inbox/diagram.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  ".obsidian/workspace.md": "ignored: a dot folder\n",
  "node_modules/pkg/readme.md": "ignored: node_modules\n",
});

/**
 * Write `opts.notes` (default 100) generated notes, and with `opts.faults` the fault files, under
 * `dir`. Returns every file written (relative to `dir`, forward slashes) and the notes' slugs and titles.
 */
export function makeCorpus(dir, opts = {}) {
  const r = generator(opts.seed ?? 42);
  const notes = plan(r, opts.notes ?? 100);
  const files = [];
  const put = (rel, data) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), data);
    files.push(rel);
  };
  mkdirSync(dir, { recursive: true });
  for (const note of notes) put(note.rel, noteText(r, note, notes));
  if (opts.faults) for (const [rel, data] of Object.entries(FAULTS(r))) put(rel, data);
  return { files, notes: notes.map(({ slug, title, rel }) => ({ slug, title, path: rel })) };
}

function main(args) {
  const dir = args[0];
  const value = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const notes = value("--notes", 10_000);
  const seed = value("--seed", 42);
  if (!dir || dir.startsWith("--") || !Number.isInteger(notes) || notes < 0 || !Number.isInteger(seed)) {
    console.error("usage: make-corpus.mjs DIR [--notes N] [--seed S] [--faults]");
    process.exit(2);
  }
  const made = makeCorpus(dir, { notes, seed, faults: args.includes("--faults") });
  console.error(`wrote ${made.notes.length} notes (${made.files.length} files) to ${dir}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
