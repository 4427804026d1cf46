import { Worker } from "node:worker_threads";
import { SQLITE_BUSY_TIMEOUT_MS, postgresPoolOf, sqliteConnectionOf, type Db } from "../db/client";
import type { SqliteConnection } from "../db/sqlite-connection";
import { log } from "../log";
import {
  applyIngestWrite,
  type SqliteIngestWrite,
  type SqliteIngestWrites,
} from "./sqlite-ingest-writes";

/*
 * On SQLite, an inbound request's writes cost about half of the main thread's time per request
 * (inserting into a table with an index per log filter, then committing), and better-sqlite3
 * does them on the thread that calls it. The lean server therefore hands them to a thread of
 * its own with its own connection, which commits the requests that arrive together in one
 * transaction while the main thread reads, parses and answers the next ones. SQLite still has
 * one writer at a time: the main connection's writes wait for the thread's commit in progress,
 * which holds the lock for a millisecond or two under load.
 *
 * Without a running writer (PostgreSQL, Next's own route handlers outside the lean server, or a
 * thread that died), the same writes run on the process's connection.
 */

export type WriterThreadData = { path: string; busyTimeoutMs: number };
export type WriterRequest = { id: number; op: SqliteIngestWrite; input: unknown };
export type WriterReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; code: string | null };

type Input<K extends SqliteIngestWrite> = Parameters<SqliteIngestWrites[K]>[1];
type Output<K extends SqliteIngestWrite> = ReturnType<SqliteIngestWrites[K]>;

/** An error the writer thread reported, with SQLite's code (e.g. SQLITE_BUSY) when it had one. */
export class IngestWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "IngestWriteError";
  }
}

/**
 * off: no server uses a writer; starting: one will start, or is starting, its thread; running:
 * the thread has its connection open; failed: the thread stopped and writes use the main
 * connection.
 */
export type IngestWriterState = "off" | "starting" | "running" | "failed";

type PendingWrite = {
  request: WriterRequest;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

class IngestWriter {
  #users = 0;
  #worker: Worker | null = null;
  /** The thread has opened its connection; before that, nothing it was sent can be written. */
  #isReady = false;
  #failed = false;
  #nextId = 1;
  /** Writes gathered in this turn of the event loop, sent together at its end. */
  #outbox: WriterRequest[] = [];
  readonly #pending = new Map<number, PendingWrite>();
  #idle: (() => void) | null = null;

  constructor(readonly threadUrl: URL) {}

  /** Sends one write to the thread; null when no thread runs, and the caller writes itself. */
  send<K extends SqliteIngestWrite>(
    connection: SqliteConnection,
    op: K,
    input: Input<K>,
  ): Promise<Output<K>> | null {
    const worker = this.#workerFor(connection);
    if (!worker) return null;
    return new Promise<Output<K>>((resolve, reject) => {
      const request: WriterRequest = { id: this.#nextId, op, input };
      this.#nextId += 1;
      this.#pending.set(request.id, {
        request,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      // An idle thread does not keep the process alive; one with writes in flight does.
      if (this.#pending.size === 1) worker.ref();
      if (this.#outbox.length === 0) setImmediate(() => this.#sendOutbox());
      this.#outbox.push(request);
    });
  }

  use(): void {
    this.#users += 1;
  }

  get isUsed(): boolean {
    return this.#users > 0;
  }

  get state(): IngestWriterState {
    if (this.#failed) return "failed";
    if (!this.#worker) return this.#users > 0 ? "starting" : "off";
    return this.#isReady ? "running" : "starting";
  }

  /** Lets go of one user; the last one ends the thread once its writes are answered. */
  async release(): Promise<void> {
    this.#users -= 1;
    if (this.#users > 0 || !this.#worker) return;
    if (this.#pending.size > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    const worker = this.#worker;
    this.#worker = null;
    this.#isReady = false;
    await worker?.terminate();
  }

  #sendOutbox(): void {
    const requests = this.#outbox;
    this.#outbox = [];
    // A thread that failed meanwhile has already handed these back to the main connection.
    this.#worker?.postMessage(requests);
  }

  #workerFor(connection: SqliteConnection): Worker | null {
    if (this.#worker) return this.#worker;
    if (this.#failed || this.#users === 0) return null;
    const path = connection.filePath;
    // An in-memory database cannot be opened a second time.
    if (path === null) return null;
    // The thread's module is TypeScript; it is loaded through tsx whatever started the process.
    const url = JSON.stringify(this.threadUrl.href);
    const worker = new Worker(
      `import("tsx/esm/api").then(({ tsImport }) => tsImport(${url}, ${url}));`,
      {
        eval: true,
        workerData: { path, busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS } satisfies WriterThreadData,
      },
    );
    worker.unref();
    worker.on("message", (message: WriterReply[] | "ready") => {
      if (message === "ready") this.#isReady = true;
      else for (const reply of message) this.#answer(reply);
    });
    worker.on("error", (error) => this.#fail(worker, error, connection));
    worker.on("exit", (code) =>
      this.#fail(worker, new Error(`The ingest writer thread exited (${code})`), connection),
    );
    this.#worker = worker;
    return worker;
  }

  #answer(reply: WriterReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new IngestWriteError(reply.message, reply.code));
    if (this.#pending.size === 0) this.#settled();
  }

  /**
   * Later writes use the main connection. Writes sent to a thread that never opened its
   * connection are written there too; a thread that dies later may have committed what it was
   * sent without answering, so those writes fail (their senders get 503 and retry).
   */
  #fail(worker: Worker, error: Error, connection: SqliteConnection): void {
    if (this.#worker !== worker) return;
    log.error({ err: error }, "the ingest writer thread stopped; writing on the main connection");
    this.#failed = true;
    this.#worker = null;
    const unanswered = [...this.#pending.values()];
    this.#pending.clear();
    for (const { request, resolve, reject } of unanswered) {
      if (!this.#isReady) {
        connection
          .run((sql) => applyIngestWrite(sql, request.op, request.input))
          .then(resolve, reject);
      } else reject(error);
    }
    this.#settled();
  }

  #settled(): void {
    this.#worker?.unref();
    this.#idle?.();
    this.#idle = null;
  }
}

const writerKey = Symbol.for("switchyard.ingestWriter");
type Holder = Record<symbol, IngestWriter | undefined>;

/**
 * Has the ingest writes on `db` go through a writer thread, started at the first write, until
 * the returned function is called (by every caller that started it). Only a SQLite file
 * database gets a thread; on PostgreSQL, or an in-memory SQLite database, this changes nothing.
 */
export function startIngestWriter(db: Db, threadUrl: URL): () => Promise<void> {
  if (postgresPoolOf(db)) return async () => undefined;
  const holder = db as unknown as Holder;
  holder[writerKey] ??= new IngestWriter(threadUrl);
  const writer = holder[writerKey];
  writer.use();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await writer.release();
    // The next server to start one begins afresh, with its own thread.
    if (!writer.isUsed && holder[writerKey] === writer) delete holder[writerKey];
  };
}

/**
 * Runs one of the ingest writes on SQLite: on the writer thread when one is started for `db`,
 * otherwise on the process's connection.
 */
export async function ingestWrite<K extends SqliteIngestWrite>(
  db: Db,
  op: K,
  input: Input<K>,
): Promise<Output<K>> {
  const connection = await sqliteConnectionOf(db);
  if (!connection) throw new Error("The database client has no SQLite connection");
  const sent = (db as unknown as Holder)[writerKey]?.send(connection, op, input);
  if (sent) return sent;
  return connection.run((sql) => applyIngestWrite(sql, op, input) as Output<K>);
}

/** Where ingest writes on `db` are going, for health checks and tests. */
export function ingestWriterState(db: Db): IngestWriterState {
  return (db as unknown as Holder)[writerKey]?.state ?? "off";
}
