// Runs the integration suite again on PostgreSQL: every test file gets a database of its own on
// the server SWITCHYARD_TEST_PG_URL names (default: the local server, user postgres). CI requires
// the server; elsewhere a missing server skips this pass with a warning, so `npm test` still
// runs everything else on a machine that has no PostgreSQL.
import { spawnSync } from "node:child_process";
import pg from "pg";

const adminUrl =
  process.env.SWITCHYARD_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const required = process.env.CI === "true" || process.env.SWITCHYARD_REQUIRE_POSTGRES === "1";

const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  await client.end();
} catch (error) {
  const where = adminUrl.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
  const message = `PostgreSQL is not reachable at ${where} (${error.message}).`;
  if (required) {
    console.error(`${message} Start it, or set SWITCHYARD_TEST_PG_URL.`);
    process.exit(1);
  }
  console.warn(`\n*** SKIPPED the PostgreSQL pass of the integration suite: ${message}\n`);
  process.exit(0);
}

const result = spawnSync("npx", ["vitest", "run", "--project", "integration"], {
  stdio: "inherit",
  env: { ...process.env, SWITCHYARD_TEST_DATABASE: "postgresql" },
});
process.exit(result.status ?? 1);
