import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { getConfig } from "../env";

export type Db = PrismaClient;

/** The transaction client handed to `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Opens a client on one SQLite file. Tests and scripts call this with their own file; the app
 * uses `getDb()`. Journal mode (WAL) is set when the database is prepared and persists in the
 * file; synchronous stays at SQLite's default, FULL, so a commit survives power loss.
 */
export function createDb(sqlitePath: string): Db {
  const adapter = new PrismaBetterSQLite3({ url: sqlitePath, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

// Next bundles route handlers and instrumentation separately; the client lives on globalThis so
// one process holds one connection whichever bundle asks first.
const holder = globalThis as typeof globalThis & { __switchyardDb?: Db };

/** The process-wide client for the configured database. */
export function getDb(): Db {
  holder.__switchyardDb ??= createDb(getConfig().sqlitePath);
  return holder.__switchyardDb;
}
