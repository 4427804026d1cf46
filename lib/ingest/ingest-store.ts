import type pg from "pg";
import { postgresPoolOf, sqliteConnectionOf, type Db } from "../db/client";
import { newId } from "../db/new-id";
import { sqliteTimestamp, type SqliteConnection } from "../db/sqlite-connection";
import { outcomeOf, type exchangeData } from "../exchanges/record-exchange";
import { ingestWrite } from "./ingest-writer";

/*
 * The inbound endpoint's reads and writes, in SQL on the driver for both databases. Ingest is
 * the path that must carry thousands of requests a second, and Prisma's per-query cost would be
 * most of its work (see the notes on SqliteConnection). On SQLite the writes of requests that
 * arrive together share one transaction and one sync to disk (group commit), on a thread of
 * their own under the lean server (see ingest-writer.ts).
 */

/** The workflow behind an inbound token, as ingest needs it. */
export type InboundWorkflow = {
  id: string;
  workspaceId: string;
  isActive: boolean;
  activeVersionId: string | null;
  /** The sealed verification secret, if one is stored. */
  inboundSecret: string | null;
  testListenUntil: Date | null;
  draftGraph: string;
};

/** An exchange row as `exchangeData` builds it, with its id. */
export type ExchangeRow = { id: string } & ReturnType<typeof exchangeData>;

/** The answer an inbound message id was given, which every copy of it gets. */
export type StoredAnswer = {
  runId: string | null;
  settled: boolean;
  status: number;
  headers: Record<string, string>;
  body: string;
};

export type Acceptance = {
  run: {
    id: string;
    workspaceId: string;
    workflowId: string;
    versionId: string;
    triggerNodeId: string;
    triggerData: string;
  };
  exchange: ExchangeRow;
  /** Present when the request carried a message id: claimed in the same transaction. */
  message: {
    messageId: string;
    settled: boolean;
    status: number;
    headers: Record<string, string>;
    body: string;
    expiresAt: Date;
  } | null;
  now: Date;
};

type WorkflowRow = {
  id: string;
  workspaceId: string;
  isActive: number | boolean;
  activeVersionId: string | null;
  inboundSecret: string | null;
  testListenUntil: string | Date | null;
  draftGraph: string;
};

const workflowSql = `SELECT id, "workspaceId", "isActive", "activeVersionId", "inboundSecret",
  "testListenUntil", "draftGraph" FROM "Workflow" WHERE token = `;

/** The workflow listening at `token`, or null. */
export async function findInboundWorkflow(db: Db, token: string): Promise<InboundWorkflow | null> {
  const pool = postgresPoolOf(db);
  const row = pool
    ? (
        await pool.query<WorkflowRow>({
          name: "switchyard_inbound_workflow",
          text: `${workflowSql}$1`,
          values: [token],
        })
      ).rows[0]
    : await (await sqlite(db)).read((sql) => sql.get<WorkflowRow>(`${workflowSql}?`, token));
  if (!row) return null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    isActive: row.isActive === true || row.isActive === 1,
    activeVersionId: row.activeVersionId,
    inboundSecret: row.inboundSecret,
    testListenUntil: row.testListenUntil === null ? null : new Date(row.testListenUntil),
    draftGraph: row.draftGraph,
  };
}

/** A version's graph text; versions never change, so callers may cache it. */
export async function findVersionGraph(db: Db, versionId: string): Promise<string | null> {
  const text = `SELECT graph FROM "WorkflowVersion" WHERE id = `;
  const pool = postgresPoolOf(db);
  if (pool) {
    const { rows } = await pool.query<{ graph: string }>(`${text}$1`, [versionId]);
    return rows[0]?.graph ?? null;
  }
  const row = await (
    await sqlite(db)
  ).read((sql) => sql.get<{ graph: string }>(`${text}?`, versionId));
  return row?.graph ?? null;
}

type MessageRow = {
  runId: string | null;
  settled: number | boolean;
  responseStatus: number;
  responseHeaders: string;
  responseBody: string;
};

const messageSql = `SELECT "runId", settled, "responseStatus", "responseHeaders", "responseBody"
  FROM "InboundMessage" WHERE "workflowId" = `;

/** The answer stored for a message id that has not expired, or null. */
export async function findStoredAnswer(
  db: Db,
  workflowId: string,
  messageId: string,
  now: Date,
): Promise<StoredAnswer | null> {
  const pool = postgresPoolOf(db);
  const row = pool
    ? (
        await pool.query<MessageRow>({
          name: "switchyard_inbound_message",
          text: `${messageSql}$1 AND "messageId" = $2 AND "expiresAt" > $3::timestamp`,
          values: [workflowId, messageId, now.toISOString()],
        })
      ).rows[0]
    : await (
        await sqlite(db)
      ).read((sql) =>
        sql.get<MessageRow>(
          `${messageSql}? AND "messageId" = ? AND "expiresAt" > ?`,
          workflowId,
          messageId,
          sqliteTimestamp(now),
        ),
      );
  if (!row) return null;
  return {
    runId: row.runId,
    settled: row.settled === true || row.settled === 1,
    status: row.responseStatus,
    headers: JSON.parse(row.responseHeaders) as Record<string, string>,
    body: row.responseBody,
  };
}

/**
 * Commits an accepted request: its message id (when it has one), the queued run, the run's first
 * job and the inbound exchange, all or nothing. Returns false, writing nothing, when the
 * message id is already claimed and not yet expired: another copy won.
 */
export async function commitAcceptance(db: Db, acceptance: Acceptance): Promise<boolean> {
  const pool = postgresPoolOf(db);
  if (pool) return commitOnPostgres(pool, acceptance);
  return ingestWrite(db, "accept", acceptance);
}

async function commitOnPostgres(pool: pg.Pool, a: Acceptance): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (a.message) {
      const message = a.message;
      const claimed = await client.query({
        name: "switchyard_inbound_claim",
        text: `INSERT INTO "InboundMessage" (id, "workflowId", "messageId", "runId", settled,
             "responseStatus", "responseHeaders", "responseBody", "createdAt", "expiresAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamp, $10::timestamp)
           ON CONFLICT ("workflowId", "messageId") DO UPDATE SET "runId" = excluded."runId",
             settled = excluded.settled, "responseStatus" = excluded."responseStatus",
             "responseHeaders" = excluded."responseHeaders",
             "responseBody" = excluded."responseBody", "createdAt" = excluded."createdAt",
             "expiresAt" = excluded."expiresAt"
           WHERE "InboundMessage"."expiresAt" <= $9::timestamp`,
        values: [
          newId(),
          a.run.workflowId,
          message.messageId,
          a.run.id,
          message.settled,
          message.status,
          JSON.stringify(message.headers),
          message.body,
          a.now.toISOString(),
          message.expiresAt.toISOString(),
        ],
      });
      if (claimed.rowCount !== 1) {
        await client.query("ROLLBACK");
        return false;
      }
    }
    const exchange = postgresRow(a.exchange, 7);
    await client.query({
      name: "switchyard_inbound_accept",
      text: `WITH run AS (
           INSERT INTO "Run" (id, "workspaceId", "workflowId", "versionId", "triggerKind",
             "triggerNodeId", "triggerData", status, "createdAt")
           VALUES ($1, $2, $3, $4, 'webhook', $5, $6, 'queued', $7::timestamp)
           RETURNING 1
         ),
         job AS (
           INSERT INTO "Job" (id, kind, "subjectId", status, "runAt", attempts, "createdAt",
             "updatedAt")
           VALUES ($${8 + exchange.values.length}, 'execute_run', $1, 'queued', $7::timestamp, 0,
             $7::timestamp, $7::timestamp)
           RETURNING 1
         )
         ${exchange.insertSql}`,
      values: [
        a.run.id,
        a.run.workspaceId,
        a.run.workflowId,
        a.run.versionId,
        a.run.triggerNodeId,
        a.run.triggerData,
        a.now.toISOString(),
        ...exchange.values,
        newId(),
      ],
    });
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Stores one inbound exchange on its own: a rejection, a duplicate or a test capture. */
export async function recordInboundExchange(db: Db, row: ExchangeRow): Promise<void> {
  const pool = postgresPoolOf(db);
  if (pool) {
    const exchange = postgresRow(row, 0);
    await pool.query({
      name: "switchyard_inbound_exchange",
      text: exchange.insertSql,
      values: exchange.values,
    });
    return;
  }
  await ingestWrite(db, "exchange", row);
}

/**
 * Sets the answer an exchange was finally given, for respond-with-result requests, whose
 * exchange is committed before the run has answered.
 */
export async function updateExchangeAnswer(
  db: Db,
  exchangeId: string,
  answer: { status: number; headers: Record<string, string>; body: string; durationMs: number },
): Promise<void> {
  const values = [
    answer.status,
    outcomeOf(answer.status),
    JSON.stringify(answer.headers),
    answer.body,
    Math.round(answer.durationMs),
    exchangeId,
  ];
  const set = (p: (n: number) => string) =>
    `UPDATE "Exchange" SET "responseStatus" = ${p(1)}, outcome = ${p(2)},
       "responseHeaders" = ${p(3)}, "responseBody" = ${p(4)}, "durationMs" = ${p(5)}
     WHERE id = ${p(6)}`;
  const pool = postgresPoolOf(db);
  if (pool) {
    await pool.query(
      set((n) => `$${n}`),
      values,
    );
    return;
  }
  await (
    await sqlite(db)
  ).run((sql) =>
    sql.run(
      set(() => "?"),
      ...values,
    ),
  );
}

/** Stores the final answer for a message id, which later copies then get without waiting. */
export async function settleStoredAnswer(
  db: Db,
  workflowId: string,
  messageId: string,
  answer: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  const values = [
    answer.status,
    JSON.stringify(answer.headers),
    answer.body,
    workflowId,
    messageId,
  ];
  const set = (p: (n: number) => string) =>
    `UPDATE "InboundMessage" SET settled = ${p(0)}, "responseStatus" = ${p(1)},
       "responseHeaders" = ${p(2)}, "responseBody" = ${p(3)}
     WHERE "workflowId" = ${p(4)} AND "messageId" = ${p(5)}`;
  const pool = postgresPoolOf(db);
  if (pool) {
    await pool.query(
      set((n) => (n === 0 ? "true" : `$${n}`)),
      values,
    );
    return;
  }
  await (
    await sqlite(db)
  ).run((sql) =>
    sql.run(
      set((n) => (n === 0 ? "1" : "?")),
      ...values,
    ),
  );
}

/** Forgets message ids whose 24 hours are over; returns how many. */
export async function pruneExpiredMessages(db: Db, now: Date): Promise<number> {
  const pool = postgresPoolOf(db);
  if (pool) {
    const result = await pool.query(
      `DELETE FROM "InboundMessage" WHERE "expiresAt" <= $1::timestamp`,
      [now.toISOString()],
    );
    return result.rowCount ?? 0;
  }
  return (await sqlite(db)).run((sql) =>
    sql.run(`DELETE FROM "InboundMessage" WHERE "expiresAt" <= ?`, sqliteTimestamp(now)),
  );
}

async function sqlite(db: Db): Promise<SqliteConnection> {
  const connection = await sqliteConnectionOf(db);
  if (!connection) throw new Error("The database client has no driver handle");
  return connection;
}

/** The exchange insert with placeholders numbered after the first `offset` parameters. */
function postgresRow(
  row: ExchangeRow,
  offset: number,
): { insertSql: string; values: (string | number | boolean | null)[] } {
  const columns = Object.keys(row);
  const placeholders = columns.map((column, index) =>
    column === "createdAt" ? `$${offset + index + 1}::timestamp` : `$${offset + index + 1}`,
  );
  return {
    insertSql: `INSERT INTO "Exchange" (${columns.map((column) => `"${column}"`).join(", ")})
      VALUES (${placeholders.join(", ")})`,
    values: Object.values(row).map((value) =>
      value instanceof Date ? value.toISOString() : value,
    ),
  };
}
