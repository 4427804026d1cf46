import Database from "better-sqlite3";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");

/** Applies the committed migrations to a new SQLite file, as `prisma migrate deploy` would. */
export function applyMigrations(sqlitePath: string): void {
  const db = new Database(sqlitePath);
  db.pragma("journal_mode = WAL");
  const folders = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders)
    db.exec(readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8"));
  db.close();
}
