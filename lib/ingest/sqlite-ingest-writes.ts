import { newId } from "../db/new-id";
import { sqliteTimestamp, toSqliteValue, type SqliteStatements } from "../db/sqlite-connection";
import type { Acceptance, ExchangeRow } from "./ingest-store";

/*
 * The inbound endpoint's writes on SQLite, as synchronous work for a group commit. They run on
 * the process's own connection or on the ingest writer thread's (see ingest-writer.ts), so they
 * import nothing that needs the app around them, and take and return only what a message
 * between threads can carry.
 */

/**
 * Writes an accepted request: its message id (when it has one), the queued run, the run's first
 * job and the inbound exchange. Returns false, writing nothing, when the message id is already
 * claimed and not yet expired.
 */
function accept(sql: SqliteStatements, a: Acceptance): boolean {
  const now = sqliteTimestamp(a.now);
  if (a.message && !claimMessage(sql, a, now)) return false;
  sql.run(
    `INSERT INTO "Run" (id, "workspaceId", "workflowId", "versionId", "triggerKind",
       "triggerNodeId", "triggerData", status, "createdAt")
     VALUES (?, ?, ?, ?, 'webhook', ?, ?, 'queued', ?)`,
    a.run.id,
    a.run.workspaceId,
    a.run.workflowId,
    a.run.versionId,
    a.run.triggerNodeId,
    a.run.triggerData,
    now,
  );
  sql.run(
    `INSERT INTO "Job" (id, kind, "subjectId", status, "runAt", attempts, "createdAt",
       "updatedAt")
     VALUES (?, 'execute_run', ?, 'queued', ?, 0, ?, ?)`,
    newId(),
    a.run.id,
    now,
    now,
    now,
  );
  insertExchange(sql, a.exchange);
  return true;
}

function claimMessage(sql: SqliteStatements, a: Acceptance, now: string): boolean {
  const message = a.message!;
  // An expired claim is taken over in place; a live one makes this a no-op.
  return (
    sql.run(
      `INSERT INTO "InboundMessage" (id, "workflowId", "messageId", "runId", settled,
         "responseStatus", "responseHeaders", "responseBody", "createdAt", "expiresAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("workflowId", "messageId") DO UPDATE SET "runId" = excluded."runId",
         settled = excluded.settled, "responseStatus" = excluded."responseStatus",
         "responseHeaders" = excluded."responseHeaders", "responseBody" = excluded."responseBody",
         "createdAt" = excluded."createdAt", "expiresAt" = excluded."expiresAt"
       WHERE "InboundMessage"."expiresAt" <= ?`,
      newId(),
      a.run.workflowId,
      message.messageId,
      a.run.id,
      message.settled ? 1 : 0,
      message.status,
      JSON.stringify(message.headers),
      message.body,
      now,
      sqliteTimestamp(message.expiresAt),
      now,
    ) === 1
  );
}

/** Stores one inbound exchange on its own: a rejection, a duplicate or a test capture. */
function insertExchange(sql: SqliteStatements, row: ExchangeRow): void {
  const columns = Object.keys(row);
  sql.run(
    `INSERT INTO "Exchange" (${columns.map((column) => `"${column}"`).join(", ")})
     VALUES (${columns.map(() => "?").join(", ")})`,
    ...Object.values(row).map(toSqliteValue),
  );
}

/** Every write the ingest writer thread can be asked for, by name. */
export const sqliteIngestWrites = { accept, exchange: insertExchange };

export type SqliteIngestWrites = typeof sqliteIngestWrites;
export type SqliteIngestWrite = keyof SqliteIngestWrites;

/** Runs the write named `op`, for a caller that holds the name and input apart from the types. */
export function applyIngestWrite(
  sql: SqliteStatements,
  op: SqliteIngestWrite,
  input: unknown,
): unknown {
  const write = sqliteIngestWrites[op] as (sql: SqliteStatements, input: unknown) => unknown;
  return write(sql, input);
}
