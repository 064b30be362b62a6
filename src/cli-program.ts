import { createRequire } from "node:module";
import type { Command } from "commander";
import { addLoopCommands } from "./cli-commands-loop.js";
import { addNoteCommands } from "./cli-commands-notes.js";
import { packageVersion } from "./workspace/package-root.js";
import { actWith, examples, type ProgramHooks } from "./cli-parts.js";

// The commander program: every command, its options and help, and how each action runs. cli.ts
// loads this module only when a command line needs the program (not for the fast paths).

/** Build the commander program: global options, every command, their help. */
export async function buildProgram(hooks: ProgramHooks = {}): Promise<Command> {
  const act = actWith(hooks);
  // commander is CommonJS: require() skips the ESM wrapper and its export scan (~3 ms of every start)
  const { Command } = createRequire(import.meta.url)("commander") as typeof import("commander");
  const [{ SCORE_FORMULA }, { SUGGESTION_RULE }, { terminalColumns }] = await Promise.all([
    import("./core/readiness-formula.js"),
    import("./core/week-help.js"),
    import("./ui/columns.js"),
  ]);
  const program = new Command("learn")
    .description("A command-line learning OS for engineers: notes, search, revisits and the weekly loop.")
    .version(packageVersion(), "-V, --version", "print the version")
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

  addNoteCommands(program, act);

  addLoopCommands(program, act, { scoreFormula: SCORE_FORMULA, suggestionRule: SUGGESTION_RULE });

  return program;
}
