import { describe, expect, it } from "vitest";
import { revisit } from "../../src/commands/revisit.js";
import { show } from "../../src/commands/show.js";
import { LearnError } from "../../src/core/errors.js";
import { unknownNoteError } from "../../src/core/note-suggest.js";
import { memoryIO } from "../../src/ui/io.js";
import { noteText, workspace } from "../helpers/workspace.js";

const notes = [
  { slug: "idempotency-keys", title: "Idempotency keys" },
  { slug: "http-caching", title: "HTTP caching mental model" },
  { slug: "rollback-paths", title: "Rollback paths" },
];

const hintOf = async (run: () => Promise<unknown>): Promise<string | undefined> => {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LearnError);
  return (err as LearnError).hint;
};

describe("did you mean", () => {
  it("suggests the nearest slugs, by slug or title", async () => {
    expect((await unknownNoteError("idempotncy-keys", "idempotncy-keys", notes)).hint).toBe(
      "did you mean idempotency-keys?",
    );
    expect((await unknownNoteError("mental model", "mental model", notes)).hint).toMatch(/^did you mean http-caching/);
    const e = await unknownNoteError("notes/x/zzzzqqqq.md", "zzzzqqqq", notes);
    expect(e.message).toBe("no note with slug or id notes/x/zzzzqqqq.md");
    expect(e.hint).toBe("see `learn list` or `learn search`");
  });

  it("is the same for learn show and learn revisit (rollbak -> rollback-paths)", async () => {
    const dir = workspace({
      "notes/rollback-paths.md": noteText({ title: "Rollback paths", published: "2026-11-01" }),
      "notes/retries.md": noteText({ title: "Retries", published: "2026-11-01" }),
    });
    const opts = { dir, today: "2026-11-27", slug: "rollbak" };
    const fromShow = await hintOf(() => show(opts, memoryIO()));
    const fromRevisit = await hintOf(() => revisit(opts, memoryIO()));
    expect(fromShow).toBe("did you mean rollback-paths?");
    expect(fromRevisit).toBe(fromShow);
  });
});
