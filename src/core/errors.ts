/** Base error of learn: a one-line message, an optional hint and the exit code it maps to. */
export class LearnError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line input: exit code 2. */
export class UsageError extends LearnError {
  constructor(message: string, hint?: string) {
    super(message, hint, 2);
  }
}

/** A path that names one note alone: a folder's without `.md`, one at the top with it (`Lookup Tables.md`). */
const example = (paths: readonly string[]): string => {
  const inFolder = paths.find((p) => p.includes("/"))?.replace(/\.(md|markdown)$/i, "");
  const top = paths.find((p) => !p.includes("/"));
  return [inFolder, top].filter((p) => p !== undefined).join(", or ");
};

/** A short name two or more notes share: exit 2, listing every candidate so the user can name one by path. */
export class AmbiguousNoteError extends UsageError {
  constructor(
    readonly typed: string,
    readonly paths: readonly string[],
  ) {
    super(
      `${typed}: ${paths.length} notes have that name: ${paths.join(", ")}`,
      `name one by its path (e.g. ${example(paths)}) or its id`,
    );
  }
}

/** No workspace could be found from --dir, LEARN_DIR or the current folder. */
export class NoWorkspaceError extends LearnError {
  constructor(
    readonly start: string,
    holdsNotes = false,
  ) {
    super(
      `no workspace found from ${start}`,
      holdsNotes
        ? "this folder holds Markdown notes: run `learn init --here` to use them in place, or pass --dir"
        : "run `learn init` to make one, or pass --dir",
    );
  }
}

/** learn.config.yaml is not valid. */
export class ConfigError extends LearnError {
  constructor(
    readonly file: string,
    readonly key: string,
    problem: string,
  ) {
    super(`${file}: ${key ? `${key}: ` : ""}${problem}`, "fix learn.config.yaml, or delete it to use the defaults");
  }
}

/** A file that would be created already exists; the hint says what to do in the command that met it. */
export class NoteExistsError extends LearnError {
  constructor(
    readonly path: string,
    hint = "pick another title or pass --slug",
  ) {
    super(`${path} already exists`, hint);
  }
}

/** Findings (check failures) rather than a crash: exit 1 without "internal error". */
export class FindingsError extends LearnError {}

/** An exit code with nothing more to say: `learn search` with no hits exits 1, as grep and rg do. */
export class ExitStatus extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = "ExitStatus";
  }
}

/** Stopped with Ctrl-C at a prompt: exit 130, saying what was kept ("stopped: nothing recorded"). */
export class StoppedError extends LearnError {
  constructor(kept = "nothing recorded") {
    super(`stopped: ${kept}`, undefined, 130);
  }
}

/** True for the error a prompt throws when Ctrl-C stops it. */
export const isPromptExit = (err: unknown): boolean => err instanceof Error && err.name === "ExitPromptError";
