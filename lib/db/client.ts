import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PgPrismaClient } from "./generated-pg/client";
import { getConfig, type DatabaseTarget } from "../env";
import { createPgPool } from "./postgres-pool";
import { SharedSqliteAdapterFactory, SqliteConnection } from "./sqlite-connection";

/**
 * The database client. Both generated clients come from the same models (the PostgreSQL schema
 * is derived from the SQLite one), so they have the same API and the SQLite client's types
 * describe either.
 */
export type Db = PrismaClient;

/** The transaction client handed to `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Driver handles hang on the client under registered symbols rather than in a module-level map:
// Next may load this module once per bundle while the client itself is shared through globalThis.
const sqliteKey = Symbol.for("switchyard.sqliteConnection");
const poolKey = Symbol.for("switchyard.postgresPool");

/**
 * The connection pool under a PostgreSQL client; null on SQLite. Like `sqliteConnectionOf`, for
 * the delivery path's hottest statements only, written in SQL beside the Prisma models.
 */
export function postgresPoolOf(db: Db): pg.Pool | null {
  return (db as unknown as Record<symbol, pg.Pool | undefined>)[poolKey] ?? null;
}

/**
 * The raw connection under a SQLite client, opened if Prisma has not opened it yet; null on
 * PostgreSQL. Only the hottest statements of the delivery path use it (see SqliteConnection).
 */
export async function sqliteConnectionOf(db: Db): Promise<SqliteConnection | null> {
  const connection = (db as unknown as Record<symbol, SqliteConnection | undefined>)[sqliteKey];
  if (!connection) return null;
  if (!connection.isAttached) await db.$connect();
  return connection;
}

/** How long a SQLite write waits for another connection's transaction before it fails. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export type CreateDbOptions = {
  /** PostgreSQL connections the client may hold. */
  poolSize?: number;
};

/**
 * Opens a client on a database. Tests and scripts call this with their own target; the app uses
 * `getDb()`. On SQLite, journal mode (WAL) is set when the database is prepared and persists in
 * the file; every connection sets synchronous to FULL (see SqliteConnection), so a commit
 * survives power loss.
 */
export function createDb(target: DatabaseTarget, options: CreateDbOptions = {}): Db {
  if (target.kind === "sqlite") {
    const connection = new SqliteConnection();
    const adapter = new SharedSqliteAdapterFactory(
      { url: target.path, timeout: SQLITE_BUSY_TIMEOUT_MS },
      connection,
    );
    const db = new PrismaClient({ adapter });
    Object.defineProperty(db, sqliteKey, { value: connection });
    return db;
  }
  const pool = createPgPool(target.url, { max: options.poolSize });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PgPrismaClient({ adapter }) as unknown as Db;
  Object.defineProperty(db, poolKey, { value: pool });
  return db;
}

// Next bundles route handlers and instrumentation separately; the client lives on globalThis so
// one process holds one connection whichever bundle asks first.
const holder = globalThis as typeof globalThis & { __switchyardDb?: Db };

/** The process-wide client for the configured database. */
export function getDb(): Db {
  holder.__switchyardDb ??= createDb(getConfig().database);
  return holder.__switchyardDb;
}
