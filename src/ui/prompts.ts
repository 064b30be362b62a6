import type { Config } from "../core/config.js";
import { DIFFICULTIES } from "../core/note-model.js";
import { slugify } from "../core/slug.js";
import type { DomainStat } from "../core/week-domain.js";
import { WEEK_NOTE_TYPES } from "../core/week-input.js";
import { visible } from "./terminal-text.js";
import { asciiGlyphs, promptLook } from "./theme.js";

// Every prompt learn shows lives here, so commands stay testable without a terminal.

const same = (s: string) => s;
/**
 * The prompts' theme from the one colour and glyph decision (promptLook, set by processIO):
 * --no-color reaches them as NO_COLOR does, and a non-UTF-8 locale gets ASCII marks.
 */
function look(): never {
  const { color, ascii } = promptLook;
  const g = ascii ? asciiGlyphs : same;
  const icon = { cursor: g("❯"), checked: ascii ? "[x]" : "◉", unchecked: ascii ? "[ ]" : "◯" };
  const plain = {
    prefix: { idle: "?", done: g("✔") },
    style: {
      answer: same,
      message: same,
      error: (t: string) => `> ${t}`,
      defaultAnswer: (t: string) => `(${t})`,
      help: same,
      highlight: same,
      key: (t: string) => `<${t}>`,
      description: same,
      disabled: same,
      disabledChoice: (t: string) => `- ${t}`,
      keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => g(`${k} ${a}`)).join(g(" • ")),
    },
  };
  if (!color) return { ...plain, icon } as never;
  return (ascii ? { prefix: { done: "\u001b[32mv\u001b[39m" }, icon } : {}) as never;
}

/**
 * A prompt's context that erases the prompt from the screen when it is stopped with Ctrl-C
 * (an answered prompt stays, showing its answer): inquirer reads `clearPromptOnDone` as it
 * finishes, after the key that stopped it was seen here.
 */
function erasable(): { clearPromptOnDone: boolean } {
  let stopped = false;
  const onKey = (_: unknown, key?: { ctrl?: boolean; name?: string }) => {
    if (key?.ctrl && key.name === "c") stopped = true;
  };
  process.stdin.on("keypress", onKey);
  return {
    get clearPromptOnDone() {
      process.stdin.off("keypress", onKey);
      return stopped;
    },
  };
}

/** The inquirer prompts learn uses, each erasing itself on Ctrl-C (the caller says what was kept). */
async function prompts() {
  const m = await import("@inquirer/prompts");
  return {
    input: ((c: Parameters<typeof m.input>[0]) => m.input(c, erasable())) as typeof m.input,
    select: ((c: Parameters<typeof m.select>[0]) => m.select(c, erasable())) as typeof m.select,
    checkbox: ((c: Parameters<typeof m.checkbox>[0]) => m.checkbox(c, erasable())) as typeof m.checkbox,
    confirm: ((c: Parameters<typeof m.confirm>[0]) => m.confirm(c, erasable())) as typeof m.confirm,
  };
}

/** Ask for a note title, showing the file name it will get as the user types. */
export async function askTitle(message = "Title"): Promise<string> {
  const { input } = await prompts();
  return input({
    theme: look(),
    message,
    required: true,
    transformer: (value, { isFinal }) =>
      isFinal || !value.trim()
        ? value
        : `${value}  ${promptLook.ascii ? "->" : "→"} ${slugify(value) || "(no usable file name)"}.md`,
    validate: (value) =>
      !value.trim()
        ? "a title is required"
        : slugify(value)
          ? true
          : "the title needs a letter or digit to make a file name",
  });
}

/** Pick one of the configured domains. */
export async function askDomain(config: Config, message = "Domain"): Promise<string> {
  const { select } = await prompts();
  return select({
    theme: look(),
    message,
    choices: Object.entries(config.domains).map(([value, name]) => ({ value, name: `${visible(name)} (${value})` })),
  });
}

/** Pick a difficulty; intermediate is pre-selected. */
export async function askDifficulty(): Promise<string> {
  const { select } = await prompts();
  return select({
    theme: look(),
    message: "Difficulty",
    default: "intermediate",
    choices: DIFFICULTIES.map((d) => ({ value: d, name: d })),
  });
}

/** Tick the role-readiness groups a note counts for (none is fine). */
export async function askRoles(config: Config): Promise<string[]> {
  const { checkbox } = await prompts();
  return checkbox({
    theme: look(),
    message: "Roles (space to tick, enter to go on)",
    choices: Object.entries(config.roles).map(([value, name]) => ({ value, name: `${visible(name)} (${value})` })),
  });
}

/** What to do with one note in `learn revisit --review`. */
export type ReviewChoice = "open" | "rate" | "snooze" | "lesson" | "skip" | "quit";

/** Ask what to do with the note on screen; `rate` is pre-selected, `open` is offered when an editor is set. */
export async function askReviewAction(canOpen: boolean): Promise<ReviewChoice> {
  const { select } = await prompts();
  const choices: { value: ReviewChoice; name: string }[] = [
    { value: "rate", name: "rate it (I revisited it)" },
    ...(canOpen ? [{ value: "open" as const, name: "open in editor" }] : []),
    { value: "snooze", name: "snooze" },
    { value: "lesson", name: "add what using it taught you, then rate it" },
    { value: "skip", name: "skip for now" },
    { value: "quit", name: "quit" },
  ];
  return select({ theme: look(), message: "Revisit", choices, default: "rate" });
}

/** No editor is set: offer the ones found on PATH (nano, vi), or none (the path is printed instead). */
export async function askFallbackEditor(found: string[], path: string): Promise<string | undefined> {
  const { select } = await import("@inquirer/prompts");
  const choice = await select({
    message: `No editor is set ($VISUAL or $EDITOR). Open ${visible(path)} in`,
    choices: [
      ...found.map((e) => ({ value: e, name: e })),
      { value: "", name: "no editor: I will edit the file myself" },
    ],
    default: found[0],
  });
  return choice || undefined;
}

/** Ask what using the concept in a build taught (one line, added to the note). */
export async function askLesson(): Promise<string> {
  const { input } = await import("@inquirer/prompts");
  return input({
    message: "What did using it teach you? (one line, added under ## Used in builds)",
    validate: (v) => (v.trim() ? true : "say it in a few words, or press Ctrl-C"),
  });
}

/** Ask how the revisit went: again, hard, good or easy, each with what it means. */
export async function askRating(meanings: Record<string, string>): Promise<string> {
  const { select } = await prompts();
  return select({
    theme: look(),
    message: "How did it go?",
    default: "good",
    choices: Object.entries(meanings).map(([value, means]) => ({ value, name: `${value}: ${means}` })),
  });
}

/** Ask how long to snooze; `validate` returns true or the problem. */
export async function askSnooze(validate: (value: string) => true | string): Promise<string> {
  const { input } = await prompts();
  return input({ theme: look(), message: "Snooze for (e.g. 3d, 2w)", default: "3d", validate });
}

/** Step 1 of the week: pick a domain; each shows its counts, the suggested one is pre-selected. */
export async function askWeekDomain(stats: readonly DomainStat[], suggested: string | undefined): Promise<string> {
  const { select } = await prompts();
  const since = (w: number | null) =>
    w === null ? "never the focus" : w === 1 ? "focus 1 week ago" : `focus ${w} weeks ago`;
  return select({
    theme: look(),
    message: "Step 1/5: pick one domain",
    default: suggested,
    pageSize: 10,
    choices: stats.map((s) => ({
      value: s.id,
      name: `${visible(s.name)} (${s.id})  ${s.notes} note${s.notes === 1 ? "" : "s"}, ${s.evergreen} evergreen, ${since(s.weeksSinceFocus)}${s.id === suggested ? `  ${promptLook.ascii ? "<-" : "←"} needs it most` : ""}`,
    })),
  });
}

/** Step 2 of the week: write a new note, or pick one of the domain's private or seedling notes (its slug). */
export async function askWeekNote(
  candidates: readonly { slug: string; title: string; status: string | null; visibility: string | null }[],
): Promise<string | undefined> {
  const { select } = await prompts();
  const NEW = "\u0000new";
  const picked = await select({
    theme: look(),
    message: "Step 2/5: write one public, transferable note",
    pageSize: 10,
    choices: [
      { value: NEW, name: "Write a new note from a template" },
      ...candidates.map((c) => ({
        value: c.slug,
        // a public seedling is offered to grow, not to "make public" again
        name: visible(
          `${c.visibility === "public" ? "Grow" : "Make public"}: ${c.title} (${c.slug}, ${c.status ?? "seedling"}, ${c.visibility ?? "private"})`,
        ),
      })),
    ],
  });
  return picked === NEW ? undefined : picked;
}

/** The type of the week's new note: doc, cheatsheet or blog. */
export async function askWeekNoteType(): Promise<string> {
  const { select } = await prompts();
  return select({
    theme: look(),
    message: "Type",
    default: "doc",
    choices: WEEK_NOTE_TYPES.map((t) => ({ value: t, name: t })),
  });
}

/** A yes/no question (default no unless given). */
export async function askConfirm(message: string, fallback = false): Promise<boolean> {
  const { confirm } = await prompts();
  return confirm({ theme: look(), message, default: fallback });
}

/**
 * Step 3 of the week: checklist items, one per prompt; an empty answer ends (after at least one).
 * `kept` are items typed in an earlier run (not asked again); `onItem` hears the list after each
 * item, so the week can keep them should the run be stopped.
 */
export async function askChecklistItems(
  kept: readonly string[] = [],
  onItem: (items: string[]) => void = () => {},
): Promise<string[]> {
  const { input } = await prompts();
  const items = [...kept];
  for (;;) {
    const first = items.length === 0;
    const item = await input({
      theme: look(),
      message: `Step 3/5: checklist item ${items.length + 1}${first ? "" : " (empty to finish)"}`,
      validate: (v) => (first && !v.trim() ? "a checklist needs at least one item" : true),
    });
    if (!item.trim()) return items;
    items.push(item.trim());
    onItem([...items]);
  }
}

/** Step 4 of the week: tick the role-readiness groups (the note's current ones are ticked). */
export async function askWeekRoles(config: Config, current: readonly string[]): Promise<string[]> {
  const { checkbox } = await prompts();
  return checkbox({
    theme: look(),
    message: "Step 4/5: link it to role-readiness groups (space to tick, enter to go on)",
    required: true,
    choices: Object.entries(config.roles).map(([value, name]) => ({
      value,
      name: `${visible(name)} (${value})`,
      checked: current.includes(value),
    })),
  });
}

/** Step 5 of the week: revisit after use in a build, or on a date (checked by `parse`). */
export async function askRevisitPlan(parse: (text: string) => string): Promise<string> {
  const { input, select } = await prompts();
  const how = await select({
    theme: look(),
    message: "Step 5/5: plan its revisit",
    choices: [
      { value: "build", name: "After I use it in a real build (record it with `learn used`)" },
      { value: "date", name: "On a date" },
    ],
  });
  if (how === "build") return "build";
  const answer = await input({
    theme: look(),
    message: "Revisit on (YYYY-MM-DD, or in 3d, 2w, 1m)",
    validate: (v) => {
      try {
        parse(v);
        return true;
      } catch (err) {
        return (err as Error).message.replace(/^--revisit /, "");
      }
    },
  });
  return parse(answer);
}

/** Ask once whether to trust a workspace config whose `editor:` would run `command` (default no). */
export async function askTrustEditor(command: string, configFile: string): Promise<boolean> {
  const { confirm } = await prompts();
  return confirm({
    theme: look(),
    message: `${visible(configFile)} sets \`editor: ${visible(command)}\`. Trust this workspace's config and run it?`,
    default: false,
  });
}
