import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  cutUtf8,
  isInside,
  readNoteText,
  readWholeText,
  readWorkspaceFile,
  UnsafeFileError,
} from "../../src/files/safe-read.js";
import { tempDir } from "../helpers/workspace.js";

describe("safe-read", () => {
  it("caps a read and says so", () => {
    const root = tempDir();
    writeFileSync(join(root, "big.txt"), "x".repeat(5000));
    const read = readWorkspaceFile(join(root, "big.txt"), { root }, 1024, "big.txt")!;
    expect(read).toMatchObject({ size: 5000, truncated: true });
    expect(read.buf.length).toBe(1024);
    expect(() => readWholeText(join(root, "big.txt"), { root }, 1024, "big.txt")).toThrow(
      "cannot read big.txt: the file is 5 KiB, over the 1 KiB learn reads of it",
    );
    expect(readWorkspaceFile(join(root, "missing.txt"), { root }, 1024, "missing.txt")).toBeUndefined();
  });

  it("never cuts a UTF-8 sequence in half", () => {
    const buf = Buffer.from("aé€😀", "utf8"); // 1 + 2 + 3 + 4 bytes
    expect(cutUtf8(buf, 4).toString("utf8")).toBe("aé");
    expect(cutUtf8(buf, 7).toString("utf8")).toBe("aé€");
    expect(cutUtf8(buf, 100)).toBe(buf);
  });

  it("tells inside from a sibling folder with the same prefix", () => {
    expect(isInside("/w/ws/notes/a.md", "/w/ws")).toBe(true);
    expect(isInside("/w/ws", "/w/ws")).toBe(true);
    expect(isInside("/w/ws-evil/a.md", "/w/ws")).toBe(false);
  });

  it.skipIf(process.platform === "win32")("follows links inside the workspace, refuses links out of it", () => {
    const root = tempDir();
    const sibling = `${root}-evil`; // same prefix, outside
    mkdirSync(sibling);
    onTestFinished(() => rmSync(sibling, { recursive: true, force: true }));
    writeFileSync(join(sibling, "s.md"), "secret");
    writeFileSync(join(root, "in.md"), "inside");
    symlinkSync(join(root, "in.md"), join(root, "link-in.md"));
    symlinkSync(join(sibling, "s.md"), join(root, "link-out.md"));
    expect(readNoteText(join(root, "link-in.md"), { root }, "link-in.md")?.text).toBe("inside");
    expect(() => readNoteText(join(root, "link-out.md"), { root }, "link-out.md")).toThrow(UnsafeFileError);
    expect(readNoteText(join(root, "link-out.md"), { root, followOutside: true }, "link-out.md")?.text).toBe("secret");
  });
});
