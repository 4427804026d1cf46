import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";

import { createDb, type Db } from "../lib/db/client";
import { applyMigrations } from "../tests/integration/support/migrate";
import { benchDir } from "./bench-environment";

export type BenchDatabase = {
  db: Db;
  sqlitePath: string;
  /** Disconnects and deletes the file with its WAL and shared-memory companions. */
  dispose: () => Promise<void>;
};

/**
 * Opens a new, migrated SQLite file for one scenario, so no scenario sees another's rows or
 * inherits its file size. It is migrated the way the integration tests migrate theirs.
 */
export async function openFreshDatabase(scenario: string): Promise<BenchDatabase> {
  const sqlitePath = createFreshDatabaseFile(scenario, { isMigrated: true });

  const db = createDb({ kind: "sqlite", path: sqlitePath });
  // Opens the connection now, so the first measured query does not pay for it.
  await db.job.count();

  return {
    db,
    sqlitePath,
    dispose: async () => {
      await db.$disconnect();
      removeDatabaseFile(sqlitePath);
    },
  };
}

/**
 * Names a new SQLite file for a scenario whose server process opens it itself, migrated (as
 * `openFreshDatabase` migrates) when the server is Switchyard; the path is absolute.
 */
export function createFreshDatabaseFile(
  scenario: string,
  { isMigrated }: { isMigrated: boolean },
): string {
  const sqlitePath = path.join(benchDir, `${scenario}-${randomUUID()}.db`);
  if (isMigrated) applyMigrations(sqlitePath);
  return sqlitePath;
}

/** Deletes a SQLite file with its WAL and shared-memory companions. */
export function removeDatabaseFile(sqlitePath: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    rmSync(`${sqlitePath}${suffix}`, { force: true });
  }
}
