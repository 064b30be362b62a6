// How wide the terminal is, in a module of its own: the process entry (start.ts) asks it before
// printing the cached help, and loads nothing else of ui/ for that.

/** How wide the terminal is: stdout's columns at a terminal, else COLUMNS, else 80. */
export function terminalColumns(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number {
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return stdout.columns;
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n > 0 ? n : 80;
}
