// Runs before each integration test file, in that file's module context: every file gets its
// own SQLite database, so files cannot see each other's rows.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "./migrate";

const dir = path.join(os.tmpdir(), "switchyard-tests");
mkdirSync(dir, { recursive: true });
const sqlitePath = path.join(dir, `${randomUUID()}.db`);
applyMigrations(sqlitePath);

process.env.DATABASE_URL = `file:${sqlitePath}`;
process.env.NEXTAUTH_SECRET = "integration-tests-secret-that-is-long-enough-0123456789";
process.env.SWITCHYARD_ALLOW_PRIVATE_NETWORKS = "1";
process.env.SWITCHYARD_LOG_LEVEL = "warn";
process.env.SWITCHYARD_EMBEDDED_WORKER = "0";
