// A real LSP client for the tests: vscode-jsonrpc over the spawned `learn lsp`'s stdio.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { MessageConnection } from "vscode-jsonrpc/node";
import { BIN } from "../helpers/run-cli.js";

/** A diagnostic as the server publishes it (only the fields the tests read). */
export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}

/** A running server and a client connected to it. */
export interface Lsp {
  conn: MessageConnection;
  child: ChildProcess;
  root: string;
  stderr: () => string;
  diagnostics: Map<string, Diag[]>;
  uri: (rel: string) => string;
  open: (rel: string, text: string, version?: number) => void;
  change: (rel: string, text: string, version: number) => void;
  waitFor: <T>(probe: () => T | undefined | false, what: string, ms?: number) => Promise<T>;
  stop: () => Promise<void>;
}

/** A workspace in a temp folder that lives until `cleanup` (tests share one server across a file). */
export function sharedWorkspace(files: Record<string, string>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "learn-lsp-"));
  mkdirSync(join(root, "notes"), { recursive: true });
  writeFileSync(join(root, "learn.config.yaml"), "");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Spawn `learn lsp` in `root` and initialize it; `initError` receives a failed initialize instead of throwing. */
export async function startLsp(root: string, opts: { rootUri?: string; today?: string } = {}): Promise<Lsp> {
  const home = mkdtempSync(join(tmpdir(), "learn-home-"));
  const child = spawn(process.execPath, [BIN, "lsp", "--stdio"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: home, NO_COLOR: "1", LEARN_TODAY: opts.today ?? "2026-12-01" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Diag[]>();
  conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: Diag[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
  });
  conn.listen();
  const uri = (rel: string) => (rel.startsWith("file:") ? rel : pathToFileURL(join(root, rel)).href);
  const lsp: Lsp = {
    conn,
    child,
    root,
    stderr: () => stderr,
    diagnostics,
    uri,
    open: (rel, text, version = 1) =>
      void conn.sendNotification("textDocument/didOpen", {
        textDocument: { uri: uri(rel), languageId: "markdown", version, text },
      }),
    change: (rel, text, version) =>
      void conn.sendNotification("textDocument/didChange", {
        textDocument: { uri: uri(rel), version },
        contentChanges: [{ text }],
      }),
    waitFor: async (probe, what, ms = 10_000) => {
      const until = Date.now() + ms;
      for (;;) {
        const v = probe();
        if (v !== undefined && v !== false) return v as never;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; server stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: async () => {
      await conn.sendRequest("shutdown").catch(() => undefined);
      await conn.sendNotification("exit").catch(() => undefined);
      await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
      conn.dispose();
      rmSync(home, { recursive: true, force: true });
    },
  };
  return lsp;
}

/** Send `initialize` + `initialized` with the workspace as the root folder; returns the result. */
export async function initialize(lsp: Lsp, rootUri = pathToFileURL(lsp.root).href): Promise<unknown> {
  const result = await lsp.conn.sendRequest("initialize", { processId: process.pid, rootUri, capabilities: {} });
  await lsp.conn.sendNotification("initialized", {});
  return result;
}
