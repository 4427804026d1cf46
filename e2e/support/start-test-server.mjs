// Starts the built app for browser tests on a database of its own, fresh every run, with
// loopback allowed (the tests' receivers listen there) and a short delivery schedule.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const dataDir = "data/e2e";
rmSync(dataDir, { recursive: true, force: true });

const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? "3210",
  DATABASE_URL: `file:./${dataDir}/switchyard.db`,
  SWITCHYARD_ALLOW_PRIVATE_NETWORKS: "1",
  SWITCHYARD_DELIVERY_SCHEDULE_MS: "300,600",
  SWITCHYARD_LOG_LEVEL: "warn",
};
const server = spawn("node", ["scripts/start.mjs"], { env, stdio: "inherit" });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
