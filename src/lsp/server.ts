import type { Readable, Writable } from "node:stream";
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LearnError } from "../core/errors.js";
import { createContext } from "../workspace/context.js";
import { COMMANDS } from "./command-ids.js";
import { complete } from "./completion.js";
import type { IndexWatcher } from "./watcher.js";
import { LspWorkspace } from "./workspace-state.js";
import { fileURLToPath } from "node:url";

/** Where the server runs: the workspace (as for every command), and today for revisit states. */
export interface ServerOptions {
  dir?: string;
  today?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Milliseconds of quiet after a change before a document is checked again. */
  debounceMs?: number;
}

/** Documents larger than this are checked only up to the index's cap; this bounds a request's work. */
const LINES_CAP = 200_000;

const linesOf = (doc: TextDocument): string[] => doc.getText().split(/\r?\n/).slice(0, LINES_CAP);

/** How long after `initialized` the file watcher starts at the latest (it starts sooner once a request is answered). */
const WATCH_DELAY_MS = 500;

// Loaded on first use, so start-up loads only what the first completion needs (templates, slugs,
// FSRS and chokidar stay out of it).
const actions = () => import("./actions.js");
const navigation = () => import("./navigation.js");

/**
 * Serve the Language Server Protocol on a pair of streams until the client says `exit`.
 * The workspace is `--dir`/LEARN_DIR when given, else the client's root folder.
 */
export function startServer(opts: ServerOptions, input: Readable, output: Writable): Promise<void> {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  let ws: LspWorkspace | undefined;
  let canShowDocument = false;
  let canCreateFiles = false;
  let watcher: IndexWatcher | undefined;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const debounceMs = opts.debounceMs ?? 150;

  connection.onInitialize(async (params): Promise<InitializeResult | ResponseError<{ retry: boolean }>> => {
    canShowDocument = params.capabilities.window?.showDocument?.support === true;
    const edits = params.capabilities.workspace?.workspaceEdit;
    canCreateFiles = edits?.documentChanges === true && (edits.resourceOperations ?? []).includes("create");
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    // the client's folder is searched like the current folder is (its nearest workspace ancestor)
    const cwd = root?.startsWith("file:") ? fileURLToPath(root) : opts.cwd;
    try {
      ws = new LspWorkspace(await createContext({ ...opts, cwd }, { env: opts.env ?? process.env }));
      await ws.fresh();
    } catch (err) {
      const msg = err instanceof LearnError ? `learn: ${err.message}${err.hint ? ` (${err.hint})` : ""}` : String(err);
      return new ResponseError(ErrorCodes.InvalidRequest, msg, { retry: false });
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ["[", "(", "#"] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: true,
        renameProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [...COMMANDS] },
      },
      serverInfo: { name: "learn" },
    };
  });

  /**
   * Files changed outside the editor (git pull, another editor) reach the index without a client's
   * help. The watcher starts once the first request is answered (or WATCH_DELAY_MS after
   * `initialized`), so its walk of the folder is not paid before the first completion; its first
   * refresh then catches up with every change made since `initialize` read the index.
   */
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  let watchStarted = false;
  let exited = false;
  const startWatcher = (): void => {
    clearTimeout(watchTimer);
    const current = ws;
    if (watchStarted || exited || !current) return;
    watchStarted = true;
    void import("./watcher.js")
      .then(({ IndexWatcher }) => {
        if (exited) return;
        watcher = new IndexWatcher(
          current.ctx,
          () => {
            current.dropCaches();
            for (const doc of documents.all()) schedule(doc);
          },
          (err) => connection.console.warn(`learn: file watcher stopped: ${String(err)}`),
        );
        return watcher.start();
      })
      .catch((err: unknown) => {
        watcher = undefined; // saves and the client's file events still refresh the index
        connection.console.warn(`learn: no file watcher: ${String(err)}`);
      });
  };

  connection.onInitialized(() => {
    watchTimer = setTimeout(startWatcher, WATCH_DELAY_MS);
    // Files changed outside the editor (git pull, another editor): the client watches and tells us.
    connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/*.{md,markdown}" }, { globPattern: "**/revisits.jsonl" }],
      })
      .catch(() => undefined); // a client without dynamic registration: saves still refresh
  });

  /** The workspace and the document's path in it, or undefined when the document is outside it. */
  const locate = (uri: string): { ws: LspWorkspace; path: string } | undefined => {
    const path = ws?.pathOf(uri);
    return ws && path !== undefined ? { ws, path } : undefined;
  };

  const validate = async (doc: TextDocument): Promise<void> => {
    const at = locate(doc.uri);
    if (!at) return;
    const version = doc.version;
    // the rules (secretlint above all) load on the first check, not before the first completion
    const { documentFindings, toDiagnostic } = await import("./diagnostics.js");
    const findings = await at.ws.fresh().then(() => documentFindings(at.ws, at.path, doc.getText()));
    if (documents.get(doc.uri)?.version !== version) return; // a newer change is on its way
    const lines = linesOf(doc);
    await connection.sendDiagnostics({
      uri: doc.uri,
      version,
      diagnostics: findings.map((f) => toDiagnostic(f, lines)),
    });
  };
  const report = (doc: TextDocument) =>
    validate(doc).catch((err: unknown) => connection.console.error(`learn: cannot check ${doc.uri}: ${String(err)}`));
  const schedule = (doc: TextDocument): void => {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        void report(doc);
      }, debounceMs),
    );
  };

  documents.onDidOpen((e) => void report(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidSave((e) => {
    ws?.invalidate();
    clearTimeout(timers.get(e.document.uri));
    void report(e.document);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles((e) => {
    if (!ws) return;
    if (e.changes.some((c) => c.uri.endsWith("revisits.jsonl"))) ws.forgetSchedules();
    ws.invalidate();
    for (const doc of documents.all()) schedule(doc);
  });

  /** Run a position request on a document inside the workspace; outside it, the answer is `empty`. */
  const onDoc =
    <P extends { textDocument: { uri: string } }, R>(
      empty: R,
      run: (ws: LspWorkspace, path: string, lines: string[], params: P) => Promise<R> | R,
    ) =>
    async (params: P): Promise<R> => {
      const at = locate(params.textDocument.uri);
      const doc = documents.get(params.textDocument.uri);
      if (!at || !doc) return empty;
      try {
        return await run(at.ws, at.path, linesOf(doc), params);
      } finally {
        setImmediate(startWatcher); // after the answer is written
      }
    };

  connection.onCompletion(onDoc(null, (w, path, lines, p) => complete(w, path, lines, p.position)));
  connection.onHover(onDoc(null, async (w, path, lines, p) => (await navigation()).hover(w, path, lines, p.position)));
  connection.onDefinition(
    onDoc(null, async (w, path, lines, p) => (await navigation()).definition(w, path, lines, p.position)),
  );
  connection.onReferences(
    onDoc([], async (w, path, lines, p) => (await navigation()).references(w, path, lines, p.position)),
  );
  connection.onDocumentSymbol(onDoc([], async (_w, _path, lines) => (await navigation()).documentSymbols(lines)));
  connection.onRenameRequest(async (p) => {
    const at = locate(p.textDocument.uri);
    const doc = documents.get(p.textDocument.uri);
    if (!at || !doc)
      return new ResponseError(
        ErrorCodes.InvalidParams,
        `learn: ${p.textDocument.uri} is not an open note inside the workspace`,
      );
    try {
      const { rename } = await import("./rename.js");
      return await rename(at.ws, at.path, linesOf(doc), p.position, p.newName, (uri) => {
        const d = documents.get(uri);
        return d && { text: d.getText(), version: d.version };
      });
    } catch (err) {
      if (err instanceof LearnError)
        return new ResponseError(ErrorCodes.InvalidRequest, `learn: ${err.message}${err.hint ? ` (${err.hint})` : ""}`);
      throw err;
    }
  });
  connection.onCodeAction(
    onDoc([], async (w, path, lines, p) => {
      const doc = documents.get(p.textDocument.uri)!; // onDoc answers only for open documents
      const { codeActions } = await actions();
      return codeActions(w, path, p, { text: doc.getText(), lines, version: doc.version, canCreateFiles });
    }),
  );
  connection.onCodeLens(onDoc([], async (w, path) => (await actions()).codeLenses(w, path)));
  connection.onExecuteCommand(async (p) => {
    if (!ws) return new ResponseError(ErrorCodes.ServerNotInitialized, "learn: the server is not initialized");
    const result = await (await actions()).executeCommand(ws, p.command, p.arguments);
    if (result instanceof ResponseError) return result;
    // Only what the client says it supports: an unanswered request would be an error to log.
    if (result.uri && canShowDocument)
      void connection.window.showDocument({ uri: result.uri, takeFocus: true }).catch(() => undefined);
    connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: result.message });
    for (const doc of documents.all()) schedule(doc);
    return result;
  });
  connection.onWorkspaceSymbol(async (p) => (ws ? (await navigation()).workspaceSymbols(ws, p.query) : []));

  documents.listen(connection);
  return listen(connection, () => {
    for (const t of timers.values()) clearTimeout(t);
    exited = true;
    clearTimeout(watchTimer);
    watcher?.stop();
    ws?.close();
  });
}

/** Listen until the client sends `exit` (or the stream closes), then clean up. */
function listen(connection: Connection, cleanup: () => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cleanup();
      resolve();
    };
    connection.onExit(done);
    connection.onShutdown(() => undefined);
    connection.listen();
  });
}
