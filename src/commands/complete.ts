import { withIndex } from "../store/open-lazy.js";
import { completeWords, type CompletionValues, type ProgramShape } from "../ui/completion.js";
import { createContext } from "../workspace/context.js";

const EMPTY: CompletionValues = { domains: [], roles: [], tags: [], slugs: [] };

/** The workspace's domains, roles, tags and note slugs; nothing outside a workspace or when it cannot be read. */
async function workspaceValues(words: readonly string[], env: NodeJS.ProcessEnv): Promise<CompletionValues> {
  const at = words.findIndex((w) => w === "--dir" || w === "-d");
  const eq = words.find((w) => w.startsWith("--dir="));
  try {
    const ctx = await createContext({ dir: at >= 0 ? words[at + 1] : eq?.slice(6) }, { env });
    const notes = await withIndex(ctx, {}, (index) => index.allNotes());
    return {
      domains: Object.keys(ctx.config.domains),
      roles: Object.keys(ctx.config.roles),
      tags: [...new Set(notes.flatMap((n) => n.tags))].sort(),
      slugs: notes.map((n) => n.slug).sort(),
    };
  } catch {
    return EMPTY; // a Tab press never prints an error
  }
}

/**
 * `learn __complete WORD…`: what the shell scripts call on Tab. Prints the candidates for the
 * last word, one a line (the shell filters them by what is typed), or __dirs__.
 */
export async function complete(
  opts: { words: string[]; program: ProgramShape; env?: NodeJS.ProcessEnv },
  out: (text: string) => void,
) {
  let wanted = false;
  const first = completeWords(opts.program, opts.words, () => ((wanted = true), EMPTY));
  // the workspace (its index) is read only when the word needs it: slugs, domains, roles or tags
  const values = wanted ? await workspaceValues(opts.words, opts.env ?? process.env) : EMPTY;
  const words = wanted ? completeWords(opts.program, opts.words, () => values) : first;
  out(words.length ? `${words.join("\n")}\n` : "");
}
