import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where every scenario's SQLite file lives while it runs. */
export const benchDir = path.join(os.tmpdir(), "switchyard-bench");

/** The PostgreSQL server of the scale-out scenario when SWITCHYARD_BENCH_PG_URL is unset. */
export const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * Sets the configuration the benchmark runs under. It must run before any `lib/` module is
 * imported, because `lib/env` parses `process.env` once, on first use. This module imports
 * nothing from `lib/` for that reason.
 */
export function prepareBenchEnvironment(): void {
  mkdirSync(benchDir, { recursive: true });
  // Each scenario opens a file of its own; this keeps anything that reads the configured
  // database away from ./data.
  process.env.DATABASE_URL = `file:${path.join(benchDir, "not-used.db")}`;
  process.env.SWITCHYARD_ALLOW_PRIVATE_NETWORKS = "1";
  // At the default level every attempt writes a JSON line to stdout; warn keeps the
  // benchmark's output readable, and measures the worker without that cost.
  process.env.SWITCHYARD_LOG_LEVEL = "warn";
  process.env.SWITCHYARD_EMBEDDED_WORKER = "0";
  // The scratch-database helper shared with the integration tests creates its PostgreSQL
  // databases on the server this variable names; the benchmark's own variable decides which.
  process.env.SWITCHYARD_TEST_PG_URL = process.env.SWITCHYARD_BENCH_PG_URL ?? DEFAULT_POSTGRES_URL;
}
