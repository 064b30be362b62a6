import { spawnSync } from "node:child_process";
import { LearnError } from "../core/errors.js";

/** The editor command: $VISUAL, then $EDITOR, then the config's `editor`. */
export function editorCommand(env: NodeJS.ProcessEnv, configured?: string): string | undefined {
  return env.VISUAL || env.EDITOR || configured || undefined;
}

/** Open `file` in the editor and wait for it to close. The command may carry flags ("code --wait"). */
export function openInEditor(file: string, command: string): void {
  const quoted = `'${file.replace(/'/g, `'\\''`)}'`;
  const res = spawnSync(`${command} ${quoted}`, { stdio: "inherit", shell: true });
  if (res.error || (res.status !== 0 && res.status !== null)) {
    throw new LearnError(
      `editor \`${command}\` failed${res.status ? ` with exit code ${res.status}` : ""}`,
      `the note is saved at ${file}`,
    );
  }
}
