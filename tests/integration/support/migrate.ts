import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareSqliteFile } from "../../../lib/db/prepare-sqlite-file";

const prismaDir = path.resolve(import.meta.dirname, "../../../prisma");

export type ScratchDatabaseKind = "sqlite" | "postgresql";

/** A new, migrated database of its own, and the function that removes it. */
export type ScratchDatabase = {
  kind: ScratchDatabaseKind;
  /** The DATABASE_URL that reaches it. */
  url: string;
  dispose: () => Promise<void>;
};

/** The server the PostgreSQL scratch databases are created on (any database of it). */
export function postgresAdminUrl(): string {
  return process.env.SWITCHYARD_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** The committed migrations of one database kind, oldest first, as SQL text. */
function migrationScripts(kind: ScratchDatabaseKind): string[] {
  const dir = path.join(prismaDir, kind === "sqlite" ? "migrations" : "postgresql/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((folder) => readFileSync(path.join(dir, folder, "migration.sql"), "utf8"));
}

/**
 * Prepares a new SQLite file as the start script does (incremental vacuum, WAL) and applies the
 * committed migrations, as `prisma migrate deploy` would.
 */
export function applyMigrations(sqlitePath: string): void {
  prepareSqliteFile(sqlitePath);
  const db = new Database(sqlitePath);
  for (const script of migrationScripts("sqlite")) db.exec(script);
  db.close();
}

/**
 * Creates a scratch database: a SQLite file in the temporary folder, or a PostgreSQL database
 * named switchyard_scratch_<random> on the test server. Either is migrated with the committed
 * migrations, so a test sees what `prisma migrate deploy` would leave.
 */
export async function createScratchDatabase(
  kind: ScratchDatabaseKind,
  label = "test",
): Promise<ScratchDatabase> {
  if (kind === "sqlite") {
    const dir = path.join(os.tmpdir(), "switchyard-tests");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${label}-${randomUUID()}.db`);
    applyMigrations(file);
    return {
      kind,
      url: `file:${file}`,
      dispose: async () => {
        for (const suffix of ["", "-wal", "-shm", "-journal"])
          rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }

  const name = `switchyard_scratch_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const script of migrationScripts("postgresql")) await client.query(script);
  } finally {
    await client.end();
  }
  return {
    kind,
    url: url.toString(),
    dispose: async () => {
      const dropper = new pg.Client({ connectionString: postgresAdminUrl() });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
