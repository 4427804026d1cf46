import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/env";
import { postgresAdminUrl } from "./support/migrate";

const root = path.resolve(import.meta.dirname, "../..");

/** What `prisma migrate diff` says the schema file creates on an empty database, as SQL. */
function schemaAsSql(schemaPath: string): string {
  const result = spawnSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaPath, "--script"],
    { cwd: root, env: process.env, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
  return result.stdout;
}

/** Rows without SQLite's column positions, sorted by name: ALTER TABLE adds columns at the end. */
function byName(rows: unknown[]): unknown[] {
  return (rows as { name: string; cid?: number }[])
    .map(({ cid: _position, ...rest }) => rest)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Tables, columns, indexes and foreign keys of a SQLite file, in a stable order. */
function sqliteCatalog(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
      )
      .all() as { name: string }[];
    return tables.map(({ name }) => ({
      name,
      columns: byName(db.prepare(`PRAGMA table_info("${name}")`).all()),
      // An index's `seq` is its creation order, which differs when a migration adds indexes
      // to an existing table; what the index is does not.
      indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; seq: number }[])
        .map(({ seq: _order, ...index }) => ({
          ...index,
          columns: byName(db.prepare(`PRAGMA index_info("${index.name}")`).all()),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
    }));
  } finally {
    db.close();
  }
}

/** Columns, indexes and constraints of a PostgreSQL database's public schema, in a stable order. */
async function postgresCatalog(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace ORDER BY conname`,
    );
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
  } finally {
    await client.end();
  }
}

describe("the committed migrations", () => {
  it("build exactly the database the schema describes", async () => {
    const database = getConfig().database;
    if (database.kind === "sqlite") {
      const fresh = path.join(os.tmpdir(), "switchyard-tests", `schema-${randomUUID()}.db`);
      mkdirSync(path.dirname(fresh), { recursive: true });
      try {
        const db = new Database(fresh);
        db.exec(schemaAsSql("prisma/schema.prisma"));
        db.close();
        // This file's own database was built by applying every migration in order.
        expect(sqliteCatalog(database.path)).toEqual(sqliteCatalog(fresh));
      } finally {
        rmSync(fresh, { force: true });
      }
      return;
    }

    const name = `switchyard_schema_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const freshUrl = new URL(postgresAdminUrl());
    freshUrl.pathname = `/${name}`;
    try {
      const client = new pg.Client({ connectionString: freshUrl.toString() });
      await client.connect();
      await client.query(schemaAsSql("prisma/postgresql/schema.prisma"));
      await client.end();
      expect(await postgresCatalog(database.url)).toEqual(
        await postgresCatalog(freshUrl.toString()),
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it("include a PostgreSQL schema derived from the current schema.prisma", () => {
    const result = spawnSync(process.execPath, ["scripts/derive-postgres-schema.mjs", "--check"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
