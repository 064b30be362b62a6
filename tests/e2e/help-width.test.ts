import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { memoryIO } from "../../src/ui/io.js";
import { runCli } from "../helpers/run-cli.js";

/** `learn ...args` in-process at a width (COLUMNS, as when stdout is not a terminal): its stdout. */
async function helpAt(columns: number, args: string[]): Promise<string> {
  const io = memoryIO({ COLUMNS: String(columns) });
  expect(await main(args, io)).toBe(0);
  return io.stdout.join("");
}

const COMMANDS = ["init", "new", "index", "search", "list", "show", "revisit", "used", "week", "readiness"];
const more = ["status", "check", "publish", "completion"];

describe("help: global options on every subcommand, --today documented", () => {
  it("each command's help has a Global Options section with --dir, --json, --no-color, --no-input, --today", async () => {
    for (const cmd of [...COMMANDS, ...more]) {
      const text = await helpAt(80, [cmd, "--help"]);
      const global = text.slice(text.indexOf("Global Options:"));
      expect(text, cmd).toContain("Global Options:");
      for (const flag of ["--dir <path>", "--json", "--no-color", "--no-input", "--today <date>"])
        expect(global, `${cmd} ${flag}`).toContain(flag);
    }
    expect(await helpAt(80, ["--help"])).toContain("--today <date>");
  });
});

describe("help at the terminal's width", () => {
  it("wraps commander's columns at the width: one line at 140, wrapped at 80", async () => {
    const dir = "-d, --dir <path>      workspace folder (default: $LEARN_DIR, else found from the current folder)";
    expect(await helpAt(140, ["search", "--help"])).toContain(dir);
    const at80 = await helpAt(80, ["search", "--help"]);
    expect(at80).not.toContain(dir);
    for (const line of at80.split("\n").filter((l) => l.startsWith("  -"))) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("uses the build's cached help only at 80 columns; at another width commander renders it", () => {
    const live80 = runCli(["--help"], { env: { LEARN_HELP_CACHE: "off" } });
    expect(runCli(["--help"]).stdout).toBe(live80.stdout); // not a terminal, no COLUMNS: 80, the cache
    const wide = runCli(["--help"], { env: { COLUMNS: "160" } });
    expect(wide.code).toBe(0);
    expect(wide.stdout).toBe(runCli(["--help"], { env: { COLUMNS: "160", LEARN_HELP_CACHE: "off" } }).stdout);
    expect(wide.stdout).not.toBe(live80.stdout);
    expect(Math.max(...wide.stdout.split("\n").map((l) => l.length))).toBeGreaterThan(80);
  });
});
