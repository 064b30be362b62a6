import { execFileSync } from "node:child_process";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "./workspace.js";

// An Obsidian vault as people keep one, written without learn: same-name notes in two folders,
// every link and embed form, comments, `publish: true`, inline tags, aliases, a templates folder,
// an Excalidraw drawing, a README index, daily notes with dates in several dialects, and a git
// history. Tests adopt it in place and check what learn makes of it.

/** A 1x1 PNG, so an embedded image is a real image file. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** Noon UTC of a day, in epoch seconds (noon, so no time zone moves it to another day). */
const noon = (day: string): number => Date.parse(`${day}T12:00:00Z`) / 1000;

/** Daily notes: a date in each form people's tools write, and an inline #daily tag. */
const DAILY: Record<string, string> = {
  "daily/2024-01-01.md": "---\ndate: 2024-01-01\n---\nStand-up. #daily\n",
  "daily/2024-01-02.md": "---\ncreated: 2024-01-02T08:30:00\n---\nStand-up. #daily\n",
  "daily/2024-01-03.md": `---\ncreated: ${noon("2024-01-03")}\n---\nStand-up. #daily\n`,
  "daily/2024-01-04.md": `---\ncreated: ${noon("2024-01-04") * 1000}\n---\nStand-up. #daily\n`,
  "daily/2024-01-05.md": '---\ndate: "2024-01-05"\n---\nStand-up. #daily\n',
  "daily/2024-01-06.md": "---\nmodified: 2024-01-06\n---\nStand-up. #daily\n",
  ...Object.fromEntries(
    [7, 8, 9, 10, 11, 12].map((d) => {
      const day = `2024-01-${String(d).padStart(2, "0")}`;
      return [`daily/${day}.md`, `---\ndate: ${day}\n---\nStand-up. #daily\n`];
    }),
  ),
};

/** The vault's files, by path (attachments are added by obsidianVault). */
export const VAULT_NOTES: Record<string, string> = {
  ".obsidian/app.json": '{"attachmentFolderPath":"attachments"}\n',
  ".obsidian/templates.json": '{"folder":"Templates"}\n',
  "Templates/Daily.md": "---\npublish: true\n---\n# {{title}}\n\nCreated {{date}}. [[{{title}} links]]\n",
  "Drawing.excalidraw.md":
    '---\nexcalidraw-plugin: parsed\n---\n# Excalidraw Data\n```json\n{"type":"excalidraw","elements":[{"text":"dataview"}]}\n```\n',
  "README.md":
    "# My vault\n\n" +
    Array.from({ length: 40 }, (_, i) => `- [[Topic ${i}]]`).join("\n") +
    "\n- [[Postgres Indexes]]\n- [[Dataview]] dataview dataview dataview\n",
  "github/github-pages.md":
    "---\npublish: true\ncreated: 1659715122710\n---\n# GitHub Pages (github)\n\nServing a site from a repo. #github\n",
  "github-actions/github-pages.md":
    "---\npublish: true\ndate: 2023-04-02\n---\n# GitHub Pages (actions)\n\nDeploying Pages from a workflow. #github/actions\n",
  "databases/Postgres Indexes.md": [
    "---",
    "aliases: [pg indexes, btree]",
    "tags: [postgres]",
    "publish: true",
    "updated: 2024-05-01T10:00:00+02:00",
    "---",
    "# Postgres Indexes",
    "",
    "B-tree and GIN indexes. #databases/postgres",
    "",
    "## Partial indexes",
    "",
    "Index only some rows. ^partial",
    "",
    "<!-- private remark: ask Dana about the outage -->",
    "%% hidden thought: this design is wrong %%",
    "",
    "![[diagram.png]]",
    "![[diagram.png|300]]",
    "",
  ].join("\n"),
  "databases/Links.md": [
    "---",
    "publish: true",
    "---",
    "# Links",
    "",
    "- wiki with label: [[Postgres Indexes|the index note]]",
    "- heading: [[Postgres Indexes#Partial indexes]]",
    "- block: [[Postgres Indexes#^partial]]",
    "- by alias: [[pg indexes]]",
    "- other case: [[postgres indexes]]",
    "- same-folder relative: [relative](Postgres%20Indexes.md)",
    "- angle: [angle](<Postgres Indexes.md>)",
    "- rooted: [rooted](/databases/Postgres%20Indexes.md)",
    "- path to one of the twins: [[github/github-pages]]",
    "- attachment: [the pdf](../attachments/paper.pdf)",
    "- note embed: ![[Dataview]]",
    "- missing: [[Nowhere At All]]",
    "- in code: `[[Not A Link]]`",
    "",
    "```md",
    "[[Also Not A Link]]",
    "```",
    "",
  ].join("\n"),
  "Dataview.md":
    "---\npublish: true\nupdated: 1700000000000\n---\n# Dataview\n\nQuerying notes like a database. #obsidian/plugins\n",
  "Obsidian Plugins.md": [
    "---",
    "publish: true",
    "---",
    "# Obsidian Plugins",
    "",
    "Dataview queries, dataview tables, dataview lists, dataview tasks, dataviewjs and the dataview API:",
    "dataview is the plugin I use most, dataview everywhere. Templater and Excalidraw too.",
    "",
  ].join("\n"),
  "Lookup Tables.md": "# Lookup Tables\n\nA lookup table trades memory for time.\n",
  "What Colour Are Your Bits.md":
    "# What Colour Are Your Bits?\n\nLook at the bits and look again: a look at copyright, looks and lockups.\n",
  "postgres/explain-analyze.md":
    "# Reading query plans\n\nEXPLAIN ANALYZE shows the actual time beside the estimates.\n",
  "Plugin Picks.md": "# My picks from [[Obsidian Plugins|the plugin list]]\n\nTemplater and Calendar.\n",
  "Git Stash.md": "# Git Stash\n\nPut work in progress aside with `git stash push -m`.\n",
  "Private Journal.md":
    "---\npublish: false\n---\n# Private Journal\n\nOnly for me. #private\n\n![[secret-photo.png]]\n",
  ...DAILY,
};

/** The notes learn should index: everything but the templates, the drawing, the README and the .obsidian files. */
export const VAULT_NOTE_PATHS = Object.keys(VAULT_NOTES)
  .filter((p) => p.endsWith(".md") && !/^(\.obsidian|Templates)\/|\.excalidraw\.md$|^README\.md$/.test(p))
  .sort();

/** The day the first commit was made (every file but the ones below). */
export const FIRST_COMMIT = "2023-03-01";
/** The day `Git Stash.md` was added, in a second commit. */
export const STASH_COMMIT = "2023-06-15";
/** The file date of `Private Journal.md`, which is never committed. */
export const JOURNAL_MTIME = "2024-06-01";

/** The environment for the test's own git commands: no system or user config, fixed dates. */
function gitEnv(home: string, day: string): NodeJS.ProcessEnv {
  const date = `${day}T12:00:00Z`;
  return {
    PATH: process.env.PATH ?? "",
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: join(home, "gitconfig"),
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

/**
 * Build the vault in a fresh temp folder and return its root. With `git`, it is a repository with
 * two commits: everything but `Git Stash.md` and `Private Journal.md` on FIRST_COMMIT, `Git
 * Stash.md` on STASH_COMMIT; `Private Journal.md` stays untracked, its file dated JOURNAL_MTIME.
 */
export function obsidianVault(opts: { git?: boolean } = {}): string {
  const root = tempDir("learn-vault-");
  for (const [rel, text] of Object.entries(VAULT_NOTES)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  mkdirSync(join(root, "attachments"), { recursive: true });
  writeFileSync(join(root, "attachments", "diagram.png"), PNG);
  writeFileSync(join(root, "attachments", "secret-photo.png"), PNG);
  writeFileSync(join(root, "attachments", "paper.pdf"), "%PDF-1.4\n%%EOF\n");
  const journal = noon(JOURNAL_MTIME);
  utimesSync(join(root, "Private Journal.md"), journal, journal);
  if (opts.git) {
    const home = tempDir("learn-vault-home-");
    const git = (day: string, ...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Vault Keeper", "-c", "user.email=keeper@example.org", ...args], {
        cwd: root,
        env: gitEnv(home, day),
        stdio: "pipe",
      });
    git(FIRST_COMMIT, "init", "-q", "-b", "main");
    git(FIRST_COMMIT, "add", "-A", "--", ".", ":!Git Stash.md", ":!Private Journal.md");
    git(FIRST_COMMIT, "commit", "-q", "-m", "vault");
    git(STASH_COMMIT, "add", "--", "Git Stash.md");
    git(STASH_COMMIT, "commit", "-q", "-m", "stash note");
  }
  return root;
}
