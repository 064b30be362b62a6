#!/usr/bin/env node
// Build step: keep `learn --help`'s text in dist/help.txt, so printing it needs no commander
// (about 20 ms of a 60 ms start). Made by the program itself, so it never differs from it.
// Help is wrapped at the terminal's width: this is the 80-column text (a pipe, or an 80-column
// terminal), which cli.ts prints only at that width; any other width is rendered by commander.
import { spawnSync } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/learn.cjs", import.meta.url));
const out = fileURLToPath(new URL("../dist/help.txt", import.meta.url));
const r = spawnSync(process.execPath, [bin, "--help"], {
  encoding: "utf8",
  env: { ...process.env, LEARN_HELP_CACHE: "off", NO_COLOR: "1", COLUMNS: "80" },
});
if (r.status !== 0 || !r.stdout.startsWith("Usage: learn")) {
  console.error(`cache-help: learn --help failed (${r.status}): ${r.stderr}`);
  process.exit(1);
}
writeFileSync(`${out}.tmp`, r.stdout);
renameSync(`${out}.tmp`, out);
