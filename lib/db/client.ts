import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
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

export type DbKind = DatabaseTarget["kind"];

// Marked with a registered symbol rather than kept in a module-level map: Next may load this
// module once per bundle while the client itself is shared through globalThis.
const kindKey = Symbol.for("switchyard.dbKind");
const sqliteKey = Symbol.for("switchyard.sqliteConnection");

function markKind(db: Db, kind: DbKind): Db {
  Object.defineProperty(db, kindKey, { value: kind });
  return db;
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

/** Which database a client (not a transaction client) talks to. */
export function dbKind(db: Db): DbKind {
  return (db as unknown as Record<symbol, DbKind | undefined>)[kindKey] ?? "sqlite";
}

export type CreateDbOptions = {
  /** PostgreSQL connections the client may hold. */
  poolSize?: number;
};

/**
 * Opens a client on a database. Tests and scripts call this with their own target; the app uses
 * `getDb()`. On SQLite, journal mode (WAL) is set when the database is prepared and persists in
 * the file; synchronous stays at SQLite's default, FULL, so a commit survives power loss.
 */
export function createDb(target: DatabaseTarget, options: CreateDbOptions = {}): Db {
  if (target.kind === "sqlite") {
    const connection = new SqliteConnection();
    const adapter = new SharedSqliteAdapterFactory(
      { url: target.path, timeout: 10_000 },
      connection,
    );
    const db = markKind(new PrismaClient({ adapter }), "sqlite");
    Object.defineProperty(db, sqliteKey, { value: connection });
    return db;
  }
  const pool = createPgPool(target.url, { max: options.poolSize });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return markKind(new PgPrismaClient({ adapter }) as unknown as Db, "postgresql");
}

// Next bundles route handlers and instrumentation separately; the client lives on globalThis so
// one process holds one connection whichever bundle asks first.
const holder = globalThis as typeof globalThis & { __switchyardDb?: Db };

/** The process-wide client for the configured database. */
export function getDb(): Db {
  holder.__switchyardDb ??= createDb(getConfig().database);
  return holder.__switchyardDb;
}
