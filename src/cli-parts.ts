import type { Command } from "commander";
import { runParsed, type Invocation } from "./cli-run.js";
import type { GlobalOptions, IO } from "./ui/io.js";

// What the commander program's command declarations share (cli-program.ts and cli-commands-*.ts):
// how an action runs, the filter flags, the examples block.

export type Opts = GlobalOptions & Record<string, unknown>;

/** How the program's actions run: with a given IO (tests), or only recorded (argument-parsing tests). */
export interface ProgramHooks {
  io?: IO;
  capture?: (inv: Invocation) => void;
  /** Where commander's own text (help, usage errors) goes; process.stdout and stderr when unset. */
  output?: { out: (text: string) => void; err: (text: string) => void };
}

/**
 * A commander action: merge the global options, turn options and positional arguments into the
 * command's options, then (unless only capturing) build the IO and run the command.
 */
export const actWith =
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
export const flags = (opts: Opts): Opts => opts;

/** The filter flags search and list share (each is also a query filter, e.g. type:doc). */
export const withFilterFlags = (cmd: Command): Command =>
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

export const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** The action maker a program's commands are declared with. */
export type Act = ReturnType<typeof actWith>;
