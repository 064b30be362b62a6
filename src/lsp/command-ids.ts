/** The commands code actions run (workspace/executeCommand); apart from actions.ts so `initialize` need not load it. */
export const COMMANDS = ["learn.createNote", "learn.revisit", "learn.used", "learn.week"] as const;
