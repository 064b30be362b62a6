import type { Config } from "../core/config.js";
import { DIFFICULTIES } from "../core/note-model.js";
import { slugify } from "../core/slug.js";

// Every prompt learn shows lives here, so commands stay testable without a terminal.

/** Ask for a note title, showing the file name it will get as the user types. */
export async function askTitle(message = "Title"): Promise<string> {
  const { input } = await import("@inquirer/prompts");
  return input({
    message,
    required: true,
    transformer: (value, { isFinal }) => (isFinal || !value.trim() ? value : `${value}  → ${slugify(value) || "(no usable file name)"}.md`),
    validate: (value) => (!value.trim() ? "a title is required" : slugify(value) ? true : "the title needs a letter or digit to make a file name"),
  });
}

/** Pick one of the configured domains. */
export async function askDomain(config: Config, message = "Domain"): Promise<string> {
  const { select } = await import("@inquirer/prompts");
  return select({ message, choices: Object.entries(config.domains).map(([value, name]) => ({ value, name: `${name} (${value})` })) });
}

/** Pick a difficulty; intermediate is pre-selected. */
export async function askDifficulty(): Promise<string> {
  const { select } = await import("@inquirer/prompts");
  return select({ message: "Difficulty", default: "intermediate", choices: DIFFICULTIES.map((d) => ({ value: d, name: d })) });
}

/** Tick the role-readiness groups a note counts for (none is fine). */
export async function askRoles(config: Config): Promise<string[]> {
  const { checkbox } = await import("@inquirer/prompts");
  return checkbox({ message: "Roles (space to tick, enter to go on)", choices: Object.entries(config.roles).map(([value, name]) => ({ value, name: `${name} (${value})` })) });
}
