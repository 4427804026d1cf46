import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "./lib/env";
import { createPgPool } from "./lib/db/postgres-pool";

// Migrate runs through the driver adapter and the bundled WASM schema engine, so no native
// engine is ever downloaded. DATABASE_URL picks the database; each has its own migrations,
// generated from the one schema (prisma/schema.prisma, from which the PostgreSQL schema is
// derived).
const database = getConfig().database;

export default defineConfig(
  database.kind === "sqlite"
    ? {
        schema: "prisma/schema.prisma",
        migrations: { path: "prisma/migrations" },
        experimental: { adapter: true },
        engine: "js",
        adapter: async () => new PrismaBetterSQLite3({ url: database.path }),
      }
    : {
        schema: "prisma/postgresql/schema.prisma",
        migrations: { path: "prisma/postgresql/migrations" },
        experimental: { adapter: true },
        engine: "js",
        adapter: async () => new PrismaPg(createPgPool(database.url, { forMigrate: true })),
      },
);
