// Starts Switchyard: applies pending migrations to the database DATABASE_URL names (the SQLite
// file of the embedded default, or PostgreSQL), then serves the built app from the lean server
// (scripts/server.ts), which answers inbound webhooks itself and hands the rest to Next, with
// the job worker inside the same process unless SWITCHYARD_EMBEDDED_WORKER=0.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { tsImport } from "tsx/esm/api";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // The embedded worker drains its jobs on SIGTERM before the process exits.
  NEXT_MANUAL_SIG_HANDLE: "true",
  // Self-hosted: sign-in redirects follow the Host the browser used.
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
};
const databaseUrl = env.DATABASE_URL ?? "file:./data/switchyard.db";
const isSqlite = databaseUrl.startsWith("file:");
const sqlitePath = isSqlite ? path.resolve(databaseUrl.slice("file:".length)) : null;
const bin = (name) => path.join("node_modules", ".bin", name);

// The data folder also holds the generated session secret when NEXTAUTH_SECRET is unset.
mkdirSync(sqlitePath ? path.dirname(sqlitePath) : "data", { recursive: true });

if (sqlitePath) {
  // Before the migrations, so a new file is created in incremental vacuum mode and WAL; an
  // existing file is switched once, by a full VACUUM (see lib/db/prepare-sqlite-file.ts).
  const { prepareSqliteFile } = await tsImport("../lib/db/prepare-sqlite-file.ts", import.meta.url);
  const started = Date.now();
  const { wasConverted } = prepareSqliteFile(sqlitePath);
  if (wasConverted) {
    const { log } = await tsImport("../lib/log.ts", import.meta.url);
    const durationMs = Date.now() - started;
    log.info({ path: sqlitePath, durationMs }, "switched the SQLite file to incremental vacuum");
  }
}

const migrate = spawnSync(bin("prisma"), ["migrate", "deploy"], { env, stdio: "inherit" });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const port = env.PORT ?? "3000";
const server = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join("scripts", "server.ts")],
  { env: { ...env, PORT: port, NODE_ENV: "production" }, stdio: "inherit" },
);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
