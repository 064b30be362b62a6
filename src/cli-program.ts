import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Command } from "commander";
import { fastCommands, runParsed, type Invocation } from "./cli-run.js";
import type { GlobalOptions, IO } from "./ui/io.js";

// The commander program: every command, its options and help, and how each action runs. cli.ts
// loads this module only when a command line needs the program (not for the fast paths).

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

type Opts = GlobalOptions & Record<string, unknown>;

/** How the program's actions run: with a given IO (tests), or only recorded (argument-parsing tests). */
interface ProgramHooks {
  io?: IO;
  capture?: (inv: Invocation) => void;
  /** Where commander's own text (help, usage errors) goes; process.stdout and stderr when unset. */
  output?: { out: (text: string) => void; err: (text: string) => void };
}

/**
 * A commander action: merge the global options, turn options and positional arguments into the
 * command's options, then (unless only capturing) build the IO and run the command.
 */
const actWith =
  (hooks: ProgramHooks) =>
  <O extends object>(command: string, toOptions: (opts: Opts, args: unknown[]) => O, run: (o: O, io: IO) => unknown) =>
  async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const opts = cmd.optsWithGlobals() as Opts;
    const options = toOptions(opts, args.slice(0, -2));
    if (hooks.capture) return hooks.capture({ command, options: options as Record<string, unknown> });
    await runParsed(options, run, hooks.io, opts);
  };

/** The options of a command that takes no positional arguments: the merged flags as they are. */
const flags = (opts: Opts): Opts => opts;

/** The filter flags search and list share (each is also a query filter, e.g. type:doc). */
const withFilterFlags = (cmd: Command): Command =>
  cmd
    .option("--type <type>", "only notes of this type")
    .option("--status <status>", "only notes with this status")
    .option("--domain <id>", "only notes in this domain")
    .option("--tag <tag>", "only notes with this tag")
    .option("--role <id>", "only notes for this role")
    .option("--difficulty <level>", "only notes of this difficulty")
    .option("--visibility <v>", "only public or private notes")
    .option("--folder <folder>", "only notes in this folder (of the notes folder) or below it")
    .option("--path <text>", "only notes whose path holds this text");

const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** Build the commander program: global options, every command, their help. */
export async function buildProgram(hooks: ProgramHooks = {}): Promise<Command> {
  const act = actWith(hooks);
  // commander is CommonJS: require() skips the ESM wrapper and its export scan (~3 ms of every start)
  const { Command } = createRequire(import.meta.url)("commander") as typeof import("commander");
  const [{ SCORE_FORMULA }, { SUGGESTION_RULE }, { terminalColumns }] = await Promise.all([
    import("./core/readiness-formula.js"),
    import("./core/week-help.js"),
    import("./ui/layout.js"),
  ]);
  const program = new Command("learn")
    .description("A command-line learning OS for engineers: notes, search, revisits and the weekly loop.")
    .version(pkg.version, "-V, --version", "print the version")
    .option("-d, --dir <path>", "workspace folder (default: $LEARN_DIR, else found from the current folder)")
    .option("--json", "print JSON on stdout (implies --no-input)")
    .option("--no-color", "plain output (also NO_COLOR=1)")
    .option("--no-input", "never prompt; a missing value is an error")
    .option("--today <date>", "treat this date (YYYY-MM-DD) as today (also LEARN_TODAY)")
    // help at the terminal's width (as tables are), every subcommand's with the options above
    .configureHelp({
      helpWidth: hooks.io?.columns ?? terminalColumns(process.stdout, process.env),
      showGlobalOptions: true,
    })
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => {
        const msg = str.replace(/^error: /, "");
        // commander suggests only a close name; with none, say where the names are
        const hint = msg.startsWith("unknown command") && !/did you mean/i.test(msg) ? "(see learn --help)\n" : "";
        write(`learn: ${msg}${hint}`);
      },
      ...(hooks.output ? { writeOut: hooks.output.out, writeErr: hooks.output.err } : {}),
    })
    .addHelpText(
      "after",
      examples(
        "learn init my-learning",
        'learn new note "HTTP caching" --domain core-backend',
        "learn search idempotency",
        "learn list --format paths",
      ),
    );

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

  program
    .command("revisit")
    .description("which notes are due for a revisit and why; record revisits, builds and snoozes")
    .argument("[slug]", "the note to record a revisit, build use or snooze for")
    .option(
      "-r, --rating <rating>",
      "again (couldn't explain it) | hard (shaky) | good (solid) | easy (could teach it)",
    )
    .option("--note <text>", "a remark stored with the revisit")
    .option("--used-in <build>", "record that the concept was used in a real build; makes the note due now")
    .option("--lesson <text>", "with --used-in: what the build taught, added to the note under ## Used in builds")
    .option("--snooze <duration>", "move the due date by this much (e.g. 3d, 2w) without counting a revisit")
    .option("--within <duration>", "also list notes due within this long (e.g. 3d)")
    .option("--limit <n>", "list (or walk with --review) at most this many due notes")
    .option("--upcoming", "show the next 8 weeks as counts per week")
    .option("--review", "walk the due notes one by one (terminal only)")
    .option("--brief", "one short line for a shell prompt, or nothing")
    .option("--orphans", "list revisit events whose note no longer exists")
    .option("--force", "record a second revisit of the same note on the same day")
    .addHelpText(
      "after",
      examples(
        "learn revisit",
        "learn revisit --within 3d",
        "learn revisit idempotency-keys --rating good",
        'learn revisit idempotency-keys --used-in "payments API v2"',
        "learn revisit --review",
      ),
    )
    .action(
      act(
        "revisit",
        (opts, [slug]) => ({ ...opts, slug: slug as string | undefined }),
        async (o, io) => (await import("./commands/revisit.js")).revisit(o, io),
      ),
    );

  program
    .command("used")
    .description("record that a note's concept was used in a real build (same as revisit --used-in)")
    .argument("<slug>", "the note")
    .requiredOption("--in <build>", "the build it was used in")
    .option(
      "--lesson <text>",
      "what the build taught: a dated line under the note's ## Used in builds, and in the event",
    )
    .addHelpText(
      "after",
      examples(
        'learn used idempotency-keys --in "payments API v2"',
        'learn used idempotency-keys --in "payments API v2" --lesson "the key must cover the request body too"',
      ),
    )
    .action(
      act(
        "used",
        (opts, [slug]) => ({ ...opts, slug: slug as string, usedIn: opts.in as string }),
        async (o, io) => (await import("./commands/revisit.js")).revisit(o, io),
      ),
    );

  program
    .command("check")
    .description("check notes: schema, broken YAML and links, private links from public notes, secrets")
    .option("--staged", "check only the notes staged in git (for a pre-commit hook)")
    .option(
      "--rule <id>",
      "show only this rule (repeatable, or a comma list; a family like secret takes secret/*)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .addHelpText(
      "after",
      examples("learn check", "learn check --staged", "learn check --rule broken-link,secret", "learn check --json"),
    )
    .action(act("check", flags, async (o, io) => (await import("./commands/check.js")).check(o, io)));

  program
    .command("mv")
    .description("rename a note and rewrite every link to it (its revisit history stays with it)")
    .argument("<old>", "the note's slug or id")
    .argument("<new>", "the new slug (the file stays in its folder)")
    .addHelpText("after", examples("learn mv http-cache http-caching"))
    .action(
      act(
        "mv",
        (opts, [from, to]) => ({ ...opts, from: from as string, to: to as string }),
        async (o, io) => (await import("./commands/mv.js")).mv(o, io),
      ),
    );

  program
    .command("watch")
    .description("keep the index current from file events, so other commands skip their folder walk")
    .addHelpText("after", examples("learn watch &", "learn search caching"))
    .action(act("watch", flags, async (o, io) => (await import("./commands/watch.js")).watchIndex(o, io)));

  program
    .command("lsp")
    .description("run the language server (LSP over stdio) for editors: links, diagnostics, hover")
    .option("--stdio", "talk over stdin and stdout (the default and only transport)")
    .addHelpText("after", examples("learn lsp", "nvim: vim.lsp.start({ name = 'learn', cmd = { 'learn', 'lsp' } })"))
    .action(act("lsp", flags, async (o, io) => (await import("./commands/lsp.js")).lsp(o, io)));

  program
    .command("publish")
    .description("build a static site of the public notes")
    .option("-o, --out <dir>", "output folder, relative to the current folder (default: site/ in the workspace)")
    .option("--force", "write into an output folder that holds files publish did not make (they are kept)")
    .addHelpText("after", examples("learn publish", "learn publish --out public", "learn publish --json"))
    .action(act("publish", flags, async (o, io) => (await import("./commands/publish.js")).publish(o, io)));

  program
    .command("week")
    .description("run this week's learning loop: domain, public note, checklist, roles, revisit plan")
    .option("--status", "show this week's steps, the streak and a heat map of the last 26 weeks")
    .option("--domain <id>", "step 1: the week's one domain")
    .option("--title <title>", "step 2: write a new public note with this title")
    .option("--type <type>", "step 2: doc | cheatsheet | blog (default: doc)")
    .option("--difficulty <level>", "step 2: beginner | intermediate | advanced (default: intermediate)")
    .option("--note <slug>", "step 2: make this existing note public and the week's note")
    .option("--checklist <items...>", "step 3: checklist items appended to the note under ## Checklist")
    .option("--role <ids...>", "step 4: role-readiness groups added to the note's roles:")
    .option("--revisit <plan>", "step 5: build (after use in a real build), a date (YYYY-MM-DD) or a duration (2w)")
    .option("-e, --edit", "open the week's note in $VISUAL or $EDITOR after step 2")
    .addHelpText(
      "after",
      `\nAt a terminal, \`learn week\` walks the five steps and resumes at the first unfinished one;
the week is recorded in notes/log/YYYY-Www.md (ISO weeks, Monday first). Without a terminal,
give the steps as flags, all at once or one at a time. The streak counts weeks in a row with
all five steps done. Step 1 suggests ${SUGGESTION_RULE}.
` +
        examples(
          "learn week",
          'learn week --domain core-backend --title "HTTP caching mental model" --type doc',
          'learn week --checklist "explain ETag vs Last-Modified" "set Cache-Control on one endpoint"',
          "learn week --role backend ai-api --revisit build",
          "learn week --status",
        ),
    )
    .action(act("week", flags, async (o, io) => (await import("./commands/week.js")).week(o, io)));

  program
    .command("readiness")
    .description(
      "how ready you are for each role and domain: every roadmap item on an evidence ladder, a score, a trend",
    )
    .option("--role <id>", "one role in detail: each item it needs, its rung, its evidence and the next moves")
    .option("--history", "the last 12 weeks, recomputed from the notes' dates and the revisit log")
    .option("--no-refresh", "read the index as it is, without refreshing it first")
    .addHelpText(
      "after",
      `\n${SCORE_FORMULA}\n\nRoadmap items are the bullets \`- Name (item-id) [role, role:2]: ...\` of notes with type: roadmap;
several roadmap notes may exist (ids are global). \`learn readiness\` also suggests status promotions the
evidence supports; --json carries every score, each item's rung and the 12-week series.
` +
        examples(
          "learn readiness",
          "learn readiness --role backend",
          "learn readiness --role backend --history",
          "learn readiness --json",
        ),
    )
    .action(act("readiness", flags, async (o, io) => (await import("./commands/readiness.js")).readiness(o, io)));

  program
    .command("status")
    .description("one screen: the index, notes due for revisit, this week's loop, readiness, what to do next")
    .addHelpText(
      "after",
      examples("learn status", "learn status --json", "npm start   # learn status on the bundled workspace"),
    )
    .action(act("status", flags, async (o, io) => (await import("./commands/status.js")).status(o, io)));

  program
    .command("completion")
    .description("print a shell completion script (bash, zsh or fish), or install one that stays current")
    .argument("<shell>", "bash | zsh | fish")
    .option("--install", "write a small loader into the shell's completion folder (upgrades are picked up)")
    .addHelpText(
      "after",
      examples(
        "learn completion bash --install",
        'eval "$(learn completion bash)"   # in ~/.bashrc, instead',
        "learn completion zsh --install",
        "learn completion fish --install",
      ),
    )
    .action(
      act(
        "completion",
        (opts, [shell]) => ({ shell: shell as string, install: Boolean(opts.install) }),
        async (o, io) => (await import("./commands/completion.js")).completion(o, io),
      ),
    );

  return program;
}
