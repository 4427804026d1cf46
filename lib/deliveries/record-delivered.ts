import type pg from "pg";
import { postgresPoolOf, sqliteConnectionOf, type Db } from "../db/client";
import { newId } from "../db/new-id";
import { sqliteTimestamp, toSqliteValue, type SqliteConnection } from "../db/sqlite-connection";
import { exchangeData, type ExchangeLinks } from "../exchanges/record-exchange";
import type { CapturedExchange } from "../http/captured-exchange";

export type DeliveredAttempt = {
  delivery: { id: string; workspaceId: string; endpointUrl: string; attempts: number };
  attempt: number;
  maxAttempts: number;
  status: number;
  links: ExchangeLinks;
  exchange: CapturedExchange;
  now: Date;
};

/**
 * Records a successful attempt atomically: the endpoint's failing streak cleared, the delivery
 * marked delivered (compare-and-set on its attempt count, as the general path does), and the
 * attempt's exchange stored. This is most of what a healthy worker writes, so it is SQL on the
 * driver rather than Prisma queries. Returns the exchange id and whether the delivery row was
 * still this attempt's to update.
 */
export async function recordDelivered(
  db: Db,
  record: DeliveredAttempt,
): Promise<{ exchangeId: string; isCurrent: boolean }> {
  const exchangeId = newId();
  const row = { id: exchangeId, ...exchangeData("webhook_attempt", record.links, record.exchange) };
  const pool = postgresPoolOf(db);
  if (pool) {
    return { exchangeId, isCurrent: (await recordOnPostgres(pool, record, row)) === 1 };
  }
  const connection = await sqliteConnectionOf(db);
  if (!connection) throw new Error("The database client has no driver handle");
  return { exchangeId, isCurrent: (await recordOnSqlite(connection, record, row)) === 1 };
}

type ExchangeRow = { id: string } & ReturnType<typeof exchangeData>;

/** Returns how many delivery rows the compare-and-set changed (1, or 0 when superseded). */
function recordOnSqlite(
  connection: SqliteConnection,
  record: DeliveredAttempt,
  row: ExchangeRow,
): Promise<number> {
  const now = sqliteTimestamp(record.now);
  const { delivery } = record;
  const columns = Object.keys(row);
  const values = Object.values(row).map(toSqliteValue);
  return connection.run((sql) => {
    sql.run(
      `UPDATE "Endpoint" SET "failingSince" = NULL, "updatedAt" = ?
       WHERE "workspaceId" = ? AND url = ? AND "failingSince" IS NOT NULL`,
      now,
      delivery.workspaceId,
      delivery.endpointUrl,
    );
    const updated = sql.run(
      `UPDATE "Delivery" SET attempts = ?, "maxAttempts" = ?, status = 'delivered',
         "nextAttemptAt" = NULL, "lastStatus" = ?, "lastError" = NULL, "updatedAt" = ?
       WHERE id = ? AND status = 'pending' AND attempts = ?`,
      record.attempt,
      record.maxAttempts,
      record.status,
      now,
      delivery.id,
      delivery.attempts,
    );
    sql.run(
      `INSERT INTO "Exchange" (${columns.map((column) => `"${column}"`).join(", ")})
       VALUES (${columns.map(() => "?").join(", ")})`,
      ...values,
    );
    return updated;
  });
}

/**
 * The same three writes as one statement (data-modifying CTEs run atomically), so a success
 * costs one round trip and one commit.
 */
async function recordOnPostgres(
  pool: pg.Pool,
  record: DeliveredAttempt,
  row: ExchangeRow,
): Promise<number> {
  const { delivery } = record;
  const columns = Object.keys(row);
  const exchangeValues = Object.values(row).map((value) =>
    value instanceof Date ? value.toISOString() : value,
  );
  const first = 8;
  const placeholders = columns.map((column, index) =>
    column === "createdAt" ? `$${first + index}::timestamp` : `$${first + index}`,
  );
  const { rows } = await pool.query<{ updated: string }>({
    // The column list never changes at run time, so the text is the same at every call and
    // each pooled connection plans it once.
    name: "switchyard_record_delivered",
    text: `WITH endpoint AS (
       UPDATE "Endpoint" SET "failingSince" = NULL, "updatedAt" = $1::timestamp
       WHERE "workspaceId" = $2 AND url = $3 AND "failingSince" IS NOT NULL
       RETURNING 1
     ),
     delivery AS (
       UPDATE "Delivery" SET attempts = $4, "maxAttempts" = $5, status = 'delivered',
         "nextAttemptAt" = NULL, "lastStatus" = $6, "lastError" = NULL, "updatedAt" = $1::timestamp
       WHERE id = $7 AND status = 'pending' AND attempts = $${first + columns.length}
       RETURNING 1
     ),
     exchange AS (
       INSERT INTO "Exchange" (${columns.map((column) => `"${column}"`).join(", ")})
       VALUES (${placeholders.join(", ")})
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM delivery) AS updated`,
    values: [
      record.now.toISOString(),
      delivery.workspaceId,
      delivery.endpointUrl,
      record.attempt,
      record.maxAttempts,
      record.status,
      delivery.id,
      ...exchangeValues,
      delivery.attempts,
    ],
  });
  return Number(rows[0]?.updated ?? 0);
}
