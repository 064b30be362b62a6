import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { LearnError, UsageError } from "../core/errors.js";
import { completionScript, SHELLS } from "../ui/completion.js";
import type { IO } from "../ui/io.js";
import { writeFileSafe } from "../workspace/safe-write.js";

type Shell = (typeof SHELLS)[number];

const MARK = "# installed by `learn completion --install`";

/** Where each shell looks for a command's completion, and the small loader that runs the current script. */
function loaderFor(shell: Shell, env: NodeJS.ProcessEnv): { path: string; text: string; then?: string } {
  const home = env.HOME || homedir();
  const data = env.XDG_DATA_HOME || join(home, ".local", "share");
  if (shell === "bash")
    return {
      path: join(env.BASH_COMPLETION_USER_DIR || join(data, "bash-completion"), "completions", "learn"),
      text: `${MARK}: bash-completion loads it on the first Tab after \`learn\`\neval "$(learn completion bash)"\n`,
    };
  if (shell === "zsh") {
    const path = join(data, "zsh", "site-functions", "_learn");
    return {
      path,
      text: `#compdef learn\n${MARK}\nsource <(learn completion zsh)\n_learn "$@"\n`,
      then: `if zsh does not find it, add  fpath=(${dirname(path)} $fpath)  before compinit in ~/.zshrc`,
    };
  }
  return {
    path: join(env.XDG_CONFIG_HOME || join(home, ".config"), "fish", "completions", "learn.fish"),
    text: `${MARK}\nlearn completion fish | source\n`,
  };
}

/**
 * Print a completion script for `shell`; with `install`, write a small loader into the shell's
 * completion folder instead, which runs `learn completion SHELL` each time, so upgrades are picked up.
 */
export function completion(opts: { shell: string; install?: boolean }, io: IO): void {
  const shell = opts.shell.toLowerCase();
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UsageError(`unknown shell: ${opts.shell}`, `use one of ${SHELLS.join(", ")}`);
  if (!opts.install) return io.out(completionScript(shell as Shell));
  const { path, text, then } = loaderFor(shell as Shell, io.env);
  if (existsSync(path) && !readFileSync(path, "utf8").includes(MARK))
    throw new LearnError(`${path} exists and was not written by learn; not changed`, "remove it, then install again");
  writeFileSafe(dirname(path), path, text, { makeRoot: true, shown: path });
  io.err(`installed ${shell} completion: ${path}; it takes effect in a new shell`);
  if (then) io.err(then);
}
