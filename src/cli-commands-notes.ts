import type { Command } from "commander";
import { fastCommands } from "./cli-run.js";
import { examples, flags, withFilterFlags, type Act } from "./cli-parts.js";

// The program's commands for the notes themselves: init, new, index, search, list, show.

/** Declare init, new, index, search, list and show on `program`. */
export function addNoteCommands(program: Command, act: Act): void {
  program
    .command("init")
    .description("make a workspace: notes/, a default roadmap, learn.config.yaml, .gitignore")
    .argument("[dir]", "folder to set up (default: --dir or the current folder)")
    .option(
      "--here",
      "use the Markdown notes already in the folder, in place (an Obsidian, Dendron, zk or Foam folder, a TIL repo): writes only learn.config.yaml",
    )
    .option("--templates", "also copy the bundled templates into templates/ to customise")
    .option("--example", "also copy the bundled example notes into notes/ (a workspace to try learn on)")
    .option("--roadmap", "write the default roadmap note even into a folder that already has notes")
    .option("--no-roadmap", "do not write the default roadmap note (a new workspace gets one)")
    .addHelpText(
      "after",
      examples(
        "learn init",
        "learn init --here",
        "learn init ~/learning --templates",
        "learn init ~/try-learn --example",
      ),
    )
    .action(
      act(
        "init",
        (opts, [dir]) => ({ ...opts, target: dir as string | undefined }),
        async (o, io) => (await import("./commands/init.js")).init(o, io),
      ),
    );

  program
    .command("new")
    .description("scaffold a note from a template (doc|note, cheatsheet, blog, log, roadmap, checklist)")
    .argument("<type>", "note type: doc (or note), cheatsheet, blog, log, roadmap, checklist")
    .argument("[title...]", "the note's title (asked for at a terminal when missing)")
    .option("--domain <id>", "domain of the note (see learn.config.yaml)")
    .option("--difficulty <level>", "beginner | intermediate | advanced (default: intermediate)")
    .option("--status <status>", "seedling | budding | evergreen (default: seedling)")
    .option("--visibility <v>", "private | public (default: private)")
    .option("--roles <ids>", "comma-separated role-readiness groups")
    .option("--tags <tags>", "comma-separated tags")
    .option("--summary <text>", "one line that says what the note is for")
    .option("--slug <slug>", "file name to use instead of one made from the title")
    .option("-e, --edit", "open the new note in $VISUAL or $EDITOR")
    .addHelpText(
      "after",
      examples(
        'learn new note "HTTP caching mental model" --domain core-backend --tags http,caching',
        'learn new cheatsheet "Postgres indexes" --domain core-backend --difficulty advanced --edit',
        "learn new log",
      ),
    )
    .action(
      act(
        "new",
        (opts, [type, title]) => ({ ...opts, type: type as string, title: (title as string[]).join(" ") || undefined }),
        async (o, io) => (await import("./commands/new.js")).newNote(o, io),
      ),
    );

  program
    .command("index")
    .description("bring the SQLite index (.learn/index.db) up to date with notes/")
    .option("--full", "rebuild the index from scratch")
    .addHelpText(
      "after",
      `
Reads only files whose modification time or size changed. A bad file never stops the
index: broken YAML is indexed from its body, binary or non-UTF-8 files are skipped, and
notes over 1 MiB are indexed up to 1 MiB; each is listed as a problem (path:line: reason).
Read commands (search, list, show) refresh the index first unless given --no-refresh.
${examples("learn index", "learn index --full --json")}`,
    )
    .action(act("index", flags, fastCommands.index));

  withFilterFlags(program.command("search"))
    .description("full-text search, ranked, typos forgiven (see the query language below)")
    .argument("[query...]", 'words, "phrases", -exclude, OR, prefix*, and filters like type:doc')
    .option("-n, --limit <n>", "how many hits to show", "10")
    .option("--no-refresh", "search the index as it is, without refreshing it first")
    .allowUnknownOption()
    .addHelpText(
      "after",
      `
Query language:
  words              every word must match, in any order (stemmed: "retries" finds
                     "retry"); learn search "broken yaml retries" is three words
  "a phrase"         the words next to each other, quoted inside the shell's quotes:
                     learn search '"error budget"'; a phrase no note has falls back
                     to its words, and learn says so on stderr
  -word, -"phrase"   leave out notes that match (put the query after -- when
                     the word could read as an option: learn search -- api -nginx)
  a OR b             either (binds to the terms beside it: a OR b c = (a or b) and c)
  prefix*            words starting with prefix
  type:doc  status:evergreen  domain:core-backend  tag:http  role:backend
  difficulty:advanced  visibility:public  is:public  is:private  is:due
  folder:postgres (and below)  path:draft (in the path)  tag:lang (and lang/go)
  updated:>2026-01-01  published:<=2026-06-30   (also >=, <, =)
  Filters take commas for alternatives (type:doc,blog).
Folder names are searched too, at low weight: a note in postgres/ matches
  "postgres" though it never says it.
Ranking: a note whose title or file name is exactly the query comes first, then
  notes with every word in the title (fewest other words first), then the rest
  by relevance (bm25).
Typos are forgiven: a word no note has is read as its closest spellings in
  titles, file names and tags, closest first (a 3-letter word only with two
  letters swapped), marked (fuzzy). When nothing matches, any word may be read
  as a more common close spelling; a word only a few notes have is widened when
  a close spelling is far more common. If still nothing matches, a word no note
  has is left out, and learn says so on stderr (and in --json's "relaxed").
Exit status: 0 when a note matches, 1 when none does (as grep and rg; with --json
  too, which then prints "hits": []), 2 for a usage error.
${examples("learn search idempotency", "learn search '\"error budget\"' -slo type:doc", "learn search retr* OR backoff tag:http --limit 5", "learn search kubernets --json")}`,
    )
    .action(act("search", (opts, [query]) => ({ ...opts, query: query as string[] }), fastCommands.search));

  withFilterFlags(program.command("list"))
    .description("list notes, filtered and sorted")
    .argument("[filters...]", "filters like type:doc status:evergreen tag:http is:public")
    .option("--sort <field>", "updated | published | title | type | status | due", "updated")
    .option("--format <format>", "table | json | paths | paths0 (NUL-separated, for xargs -0)", "table")
    .option("-n, --limit <n>", "at most this many (default: all)")
    .option("--no-refresh", "list from the index as it is, without refreshing it first")
    .addHelpText(
      "after",
      examples("learn list", "learn list type:cheatsheet --sort title", "learn list --format paths0 | xargs -0 wc -l"),
    )
    .action(act("list", (opts, [filters]) => ({ ...opts, filters: filters as string[] }), fastCommands.list));

  program
    .command("show")
    .description("show a note: front matter, checklist progress, links and backlinks, body")
    .argument("<slug>", "the note's slug (file name without .md) or id")
    .option("--no-refresh", "read the index as it is, without refreshing it first")
    .addHelpText("after", examples("learn show api-design-for-backend-services", "learn show idempotency-keys --json"))
    .action(act("show", (opts, [slug]) => ({ ...opts, slug: slug as string }), fastCommands.show));
}
