// Starts the built app for browser tests on a database of its own, fresh every run, with
// loopback allowed (the tests' receivers listen there) and a short delivery schedule.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const dataDir = "data/e2e";
rmSync(dataDir, { recursive: true, force: true });

const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? "3210",
  // E2E_DATABASE_URL runs the browser tests on another database, such as an empty PostgreSQL
  // database with the worker in a process of its own (E2E_EMBEDDED_WORKER=0).
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:./${dataDir}/switchyard.db`,
  SWITCHYARD_EMBEDDED_WORKER: process.env.E2E_EMBEDDED_WORKER ?? "1",
  SWITCHYARD_ALLOW_PRIVATE_NETWORKS: "1",
  SWITCHYARD_DELIVERY_SCHEDULE_MS: "300,600",
  SWITCHYARD_LOG_LEVEL: "warn",
  // Browser tests prune with the dashboard's button; a background pass would race them.
  SWITCHYARD_RETENTION_PRUNE_INTERVAL_MS: String(24 * 3_600_000),
};
const server = spawn("node", ["scripts/start.mjs"], { env, stdio: "inherit" });
// Without the embedded worker, runs go to a worker process, as `npm run worker` starts it. It
// retries until the web process has applied the migrations.
const worker =
  env.SWITCHYARD_EMBEDDED_WORKER === "0"
    ? spawn("node", ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
        env,
        stdio: "inherit",
      })
    : null;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.kill(signal);
    worker?.kill(signal);
  });
}
server.on("exit", (code) => {
  worker?.kill("SIGTERM");
  process.exit(code ?? 0);
});
