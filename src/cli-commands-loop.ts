import type { Command } from "commander";
import { examples, flags, type Act } from "./cli-parts.js";
import { fastCommands } from "./cli-run.js";

// The program's commands for the learning loop and the rest: revisit, used, check, mv, watch, lsp,
// publish, week, readiness, status, completion.

/** Declare the loop's commands on `program`; the help texts they quote come in `help`. */
export function addLoopCommands(
  program: Command,
  act: Act,
  help: { scoreFormula: string; suggestionRule: string },
): void {
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
all five steps done. Step 1 suggests ${help.suggestionRule}.
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
      `\n${help.scoreFormula}\n\nRoadmap items are the bullets \`- Name (item-id) [role, role:2]: ...\` of notes with type: roadmap;
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
    .action(act("status", flags, fastCommands.status));

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
}
