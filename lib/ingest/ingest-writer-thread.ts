// The ingest writer thread: a SQLite connection of its own that commits inbound requests in
// groups while the main thread goes on parsing and answering (see ingest-writer.ts).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { SqliteConnection, type SqliteStatements } from "../db/sqlite-connection";
import { applyIngestWrite } from "./sqlite-ingest-writes";
import type { WriterReply, WriterRequest, WriterThreadData } from "./ingest-writer";

const { path, busyTimeoutMs } = workerData as WriterThreadData;
const port = parentPort!;
const connection = new SqliteConnection();
connection.attach(new Database(path, { timeout: busyTimeoutMs }));

let waiting: WriterRequest[] = [];

// The main thread sends what it gathered in one turn of its event loop as one message; the
// messages that arrive while a commit is in progress are committed together after it.
port.on("message", (requests: WriterRequest[]) => {
  if (waiting.length === 0) setImmediate(commitWaiting);
  waiting.push(...requests);
});

function commitWaiting(): void {
  const requests = waiting;
  waiting = [];
  const outcomes = connection.commitGroup(
    requests.map(
      (request) => (sql: SqliteStatements) => applyIngestWrite(sql, request.op, request.input),
    ),
  );
  port.postMessage(
    requests.map((request, index): WriterReply => {
      const outcome = outcomes[index]!;
      if (outcome.ok) return { id: request.id, ok: true, value: outcome.value };
      const { error } = outcome;
      const code = (error as { code?: unknown } | null)?.code;
      return {
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        code: typeof code === "string" ? code : null,
      };
    }),
  );
}

port.postMessage("ready");
