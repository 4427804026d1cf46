// Runs a test suite again on PostgreSQL, on the server SWITCHYARD_TEST_PG_URL names (default:
// the local server, user postgres):
//   integration  the Vitest integration suite, each test file on a database of its own
//   e2e          the browser tests, on a fresh database, with the worker in a process of its own
// CI requires the server; elsewhere a missing server skips the pass with a warning, so
// `npm test` still runs everything else on a machine that has no PostgreSQL.
import { spawnSync } from "node:child_process";
import { URL } from "node:url";
import pg from "pg";

const suite = process.argv[2];
if (suite !== "integration" && suite !== "e2e") {
  console.error("usage: node scripts/test-on-postgres.mjs integration|e2e");
  process.exit(2);
}
// Anything after the suite's name goes to the test runner, e.g. one file to run.
const extraArgs = process.argv.slice(3);
const adminUrl =
  process.env.SWITCHYARD_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const required = process.env.CI === "true" || process.env.SWITCHYARD_REQUIRE_POSTGRES === "1";

const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
try {
  await admin.connect();
} catch (error) {
  const where = adminUrl.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
  const message = `PostgreSQL is not reachable at ${where} (${error.message}).`;
  if (required) {
    console.error(`${message} Start it, or set SWITCHYARD_TEST_PG_URL.`);
    process.exit(1);
  }
  console.warn(`\n*** SKIPPED the PostgreSQL pass of the ${suite} tests: ${message}\n`);
  process.exit(0);
}

let result;
if (suite === "integration") {
  await admin.end();
  result = spawnSync("npx", ["vitest", "run", "--project", "integration", ...extraArgs], {
    stdio: "inherit",
    env: { ...process.env, SWITCHYARD_TEST_DATABASE: "postgresql" },
  });
} else {
  // A name of its own lets two checkouts on one machine run their browser passes at once.
  const name = process.env.SWITCHYARD_E2E_PG_DATABASE ?? "switchyard_e2e";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    console.error(`SWITCHYARD_E2E_PG_DATABASE must be a plain lower-case name, not ${name}.`);
    process.exit(2);
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  result = spawnSync("npx", ["playwright", "test", ...extraArgs], {
    stdio: "inherit",
    env: { ...process.env, E2E_DATABASE_URL: url.toString(), E2E_EMBEDDED_WORKER: "0" },
  });
}
process.exit(result.status ?? 1);
