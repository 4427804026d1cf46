import { sqliteConnectionOf, type Db } from "../db/client";
import { newId } from "../db/new-id";
import { sqliteTimestamp, type SqliteValue } from "../db/sqlite-connection";
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
 * Records a successful attempt on SQLite with prepared statements in one transaction: the
 * endpoint's failing streak cleared, the delivery marked delivered (compare-and-set on its
 * attempt count, as the general path does), and the attempt's exchange stored. This is most of
 * what a healthy worker writes, so it skips Prisma's per-query cost. Returns null on other
 * databases, where the general path records it; otherwise the exchange id and whether the
 * delivery row was still this attempt's to update.
 */
export async function recordDeliveredOnSqlite(
  db: Db,
  record: DeliveredAttempt,
): Promise<{ exchangeId: string; isCurrent: boolean } | null> {
  const connection = await sqliteConnectionOf(db);
  if (!connection) return null;
  const now = sqliteTimestamp(record.now);
  const { delivery } = record;
  const exchangeId = newId();
  const row = { id: exchangeId, ...exchangeData("webhook_attempt", record.links, record.exchange) };
  const columns = Object.keys(row);
  const values = Object.values(row).map(toSqlite);

  const changed = await connection.run((sql) => {
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
  return { exchangeId, isCurrent: changed === 1 };
}

/** A column value as Prisma's SQLite adapter stores it. */
function toSqlite(value: string | number | boolean | Date | null): SqliteValue {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
