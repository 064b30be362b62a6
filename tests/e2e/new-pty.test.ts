import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parse.js";
import { KEY, loadPty, spawnLearn } from "../helpers/pty.js";
import { workspace } from "../helpers/workspace.js";

const pty = await loadPty();

describe.skipIf(!pty)("learn new in a real terminal", () => {
  it("asks for title, domain, difficulty and roles, shows the slug, writes the note", async () => {
    const root = workspace();
    const s = spawnLearn(pty!, ["new", "doc"], { cwd: root, env: { LEARN_TODAY: "2026-11-27" } });
    await s.waitFor("Title");
    s.write("Idempotency keys für APIs");
    await s.waitFor("idempotency-keys-fur-apis.md"); // the slug, shown while typing
    s.write(KEY.enter);
    await s.waitFor("Domain");
    s.mark();
    s.write(KEY.down); // core-backend -> cloud-deployment
    await s.waitFor("cloud-deployment");
    s.write(KEY.enter);
    await s.waitFor("Difficulty");
    s.mark();
    s.write(KEY.down); // intermediate -> advanced
    await s.waitFor("advanced");
    s.write(KEY.enter);
    await s.waitFor("Roles");
    s.mark();
    s.write(KEY.space); // tick the first role (backend)
    await s.waitFor(/◉|\[x\]|✔/);
    s.write(KEY.enter);
    await s.waitFor("notes/cloud-deployment/idempotency-keys-fur-apis.md");
    expect(await s.exit()).toBe(0);

    expect(readdirSync(join(root, "notes", "cloud-deployment"))).toEqual(["idempotency-keys-fur-apis.md"]);
    const note = parseNote(
      readFileSync(join(root, "notes/cloud-deployment/idempotency-keys-fur-apis.md"), "utf8"),
      "x",
    );
    expect(note.data).toMatchObject({
      title: "Idempotency keys für APIs",
      domain: "cloud-deployment",
      difficulty: "advanced",
      roles: ["backend"],
      type: "doc",
    });
  });

  it("refuses an emoji-only title at the prompt and writes nothing on Ctrl-C", async () => {
    const root = workspace();
    const s = spawnLearn(pty!, ["new", "doc"], { cwd: root });
    await s.waitFor("Title");
    s.write("🚀🔥");
    s.write(KEY.enter);
    await s.waitFor("needs a letter or digit");
    s.write(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
    expect(readdirSync(join(root, "notes"))).toEqual([]);
  });
});

if (!pty) it.skip("learn new in a real terminal: @lydell/node-pty could not load here", () => {});
